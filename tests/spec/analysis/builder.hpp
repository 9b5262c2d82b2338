// A small case study built in a test, with short helpers; every record is illustrative.
#pragma once

#include <string>
#include <vector>

#include "partnerqi/model/case_study.hpp"

namespace partnerqi::test {

using namespace partnerqi::model;

inline date d(const char* iso) { return date::from_iso(iso); }

/// A case study over 2020-2021 with one organization "ORG" and helpers to add records.
struct mini_study {
    case_study s{"mini study", date_window::years(2020, 2021)};
    organization_id org;

    mini_study() { org = add_org("ORG"); }

    organization_id add_org(const std::string& code) {
        organization o;
        o.code = code;
        o.name = code + " organization";
        o.provenance = provenance::illustrative;
        return s.add(o);
    }

    person_id person_of(const std::string& code, person_role role, std::optional<management_tier> tier,
                        std::optional<organization_id> where = std::nullopt) {
        person p;
        p.code = code;
        p.role = role;
        p.tier = tier;
        p.organization = where ? *where : org;
        p.provenance = provenance::illustrative;
        return s.add(p);
    }
    person_id manager(const std::string& code, management_tier tier, std::optional<organization_id> where = std::nullopt) {
        return person_of(code, person_role::manager, tier, where);
    }
    person_id advisor(const std::string& code, std::optional<organization_id> where = std::nullopt) {
        return person_of(code, person_role::patient_advisor, std::nullopt, where);
    }
    person_id provider(const std::string& code, std::optional<organization_id> where = std::nullopt) {
        return person_of(code, person_role::provider, std::nullopt, where);
    }

    team_id team(const std::string& code, const std::vector<person_id>& members,
                 std::optional<organization_id> where = std::nullopt) {
        qi_team t;
        t.code = code;
        t.organization = where ? *where : org;
        t.name = code;
        t.provenance = provenance::illustrative;
        for (person_id p : members) t.members.push_back(team_membership{p, "", std::nullopt, std::nullopt, false});
        return s.add(t);
    }

    case_id study_case(const std::string& code, organization_id where, std::vector<team_id> teams = {}) {
        return s.add(model::study_case{{}, code, code, where, std::move(teams), provenance::illustrative});
    }

    practice_id practice(const std::string& code, practice_category category) {
        if (auto id = s.find_practice(code)) return *id;
        model::practice p;
        p.code = code;
        p.category = category;
        p.name = code;
        p.provenance = provenance::illustrative;
        return s.add(p);
    }

    enactment_id enact(practice_id what, person_id manager_id, const char* on, std::optional<team_id> on_team = std::nullopt,
                       std::vector<person_id> targets = {}, std::optional<organization_id> where = std::nullopt) {
        practice_enactment e;
        e.practice = what;
        e.manager = manager_id;
        e.on = d(on);
        e.organization = where ? *where : org;
        e.team = on_team;
        e.targets = std::move(targets);
        e.provenance = provenance::illustrative;
        return s.add(e);
    }

    engagement_id engage(person_id from, person_id to, engagement_kind kind, engagement_level level, const char* on,
                         std::optional<activity_id> activity = std::nullopt) {
        engagement e;
        e.from = from;
        e.to = to;
        e.kind = kind;
        e.level = level;
        e.on = d(on);
        e.activity = activity;
        e.provenance = provenance::illustrative;
        return s.add(e);
    }

    activity_id activity(const std::string& code, std::vector<person_id> advisors,
                         std::optional<engagement_level> reached, std::optional<team_id> on_team = std::nullopt) {
        qi_activity a;
        a.code = code;
        a.organization = org;
        a.team = on_team;
        a.title = code;
        a.advisors = std::move(advisors);
        a.level_reached = reached;
        a.provenance = provenance::illustrative;
        return s.add(a);
    }

    wave_id wave(const std::string& code, const char* first, const char* last) {
        model::wave w;
        w.code = code;
        w.label = code;
        w.window = date_window(d(first), d(last));
        return s.add(w);
    }
};

}  // namespace partnerqi::test
