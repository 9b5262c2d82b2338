#include "partnerqi/analysis/profile.hpp"

#include <algorithm>
#include <sstream>
#include <type_traits>
#include <unordered_map>

#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/model/scope.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

namespace {

template <class Rec>
void count_provenance(const std::vector<Rec>& records, std::array<std::size_t, 3>& counts) {
    for (const Rec& r : records)
        ++counts[static_cast<std::size_t>(r.provenance)];
}

}  // namespace

case_study_profile profile(const case_study& study) {
    case_study_profile p;
    p.title = study.title();
    p.window = study.window();
    // One pass over people and activities, each counted under its organization's profile.
    std::unordered_map<organization_id, std::size_t> at;
    for (const organization& o : study.all<organization>()) {
        organization_profile op;
        op.organization = o.id;
        op.code = o.code;
        op.name = o.name;
        op.setting = o.setting;
        op.program = o.program;
        op.region = o.region;
        op.partnership_model = o.partnership_model;
        at.emplace(o.id, p.organizations.size());
        p.organizations.push_back(std::move(op));
    }
    for (const person& who : study.all<person>()) {
        if (!who.organization) continue;
        auto it = at.find(*who.organization);
        if (it == at.end()) continue;
        organization_profile& op = p.organizations[it->second];
        ++op.people_by_role[static_cast<std::size_t>(who.role)];
        if (who.tier) ++op.managers_by_tier[static_cast<std::size_t>(*who.tier)];
    }
    for (const qi_activity& a : study.all<qi_activity>()) {
        auto it = at.find(a.organization);
        if (it == at.end()) continue;
        organization_profile& op = p.organizations[it->second];
        ++(a.level == activity_level::clinical_team ? op.clinical_team_activities
                                                    : op.other_level_activities);
    }
    for (const qi_team& t : study.all<qi_team>()) {
        team_profile tp;
        tp.team = t.id;
        tp.code = t.code;
        tp.organization_code = study.get(t.organization).code;
        tp.name = t.name;
        tp.clinical_area = t.clinical_area;
        tp.unit = t.unit;
        tp.level = t.level;
        tp.members = t.members.size();
        for (const team_membership& m : t.members) {
            const person& who = study.get(m.person);
            if (who.role == person_role::patient_advisor) ++tp.advisors;
            tp.member_list.push_back(
                {who.code, who.display_name, who.role, who.tier, m.role_in_team, m.external});
        }
        p.teams.push_back(std::move(tp));
    }
    std::unordered_map<wave_id, std::size_t> wave_at;
    for (const wave* w : waves_in_window_order(study)) {
        wave_at.emplace(w->id, p.waves.size());
        p.waves.push_back({w->code, w->label, w->window, 0});
    }
    for (const data_source& s : study.all<data_source>()) {
        ++p.sources_by_kind[static_cast<std::size_t>(s.kind)];
        if (s.wave)
            if (auto it = wave_at.find(*s.wave); it != wave_at.end()) ++p.waves[it->second].sources;
    }
    p.totals = study.all<source_total>();
    // Every top-level record kind of the registry.
    for_each_type(record_kinds{}, [&](auto* tag) {
        using Kind = std::remove_pointer_t<decltype(tag)>;
        count_provenance(study.all<Kind>(), p.records_by_provenance);
    });
    p.engagements = study.all<engagement>().size();
    p.enactments = study.all<practice_enactment>().size();
    p.segments = study.all<coded_segment>().size();
    p.evaluation_items = study.all<evaluation_item>().size();
    p.evaluation_responses = study.all<evaluation_response>().size();
    p.influence_entries = study.all<advisor_input>().size();
    return p;
}

namespace {

// "manager top-level" for a manager, the role alone for anyone else.
std::string role_and_tier(person_role role, const std::optional<management_tier>& tier) {
    std::string text(to_string(role));
    if (tier) text += " " + std::string(to_string(*tier));
    return text;
}

std::string member_text(const member_profile& m, bool names) {
    std::string text = m.code;
    if (names && m.display_name && !m.display_name->empty()) text += " \"" + *m.display_name + "\"";
    // The role in the team, unless it only repeats the role ("patient advisor").
    std::string role(to_string(m.role));
    std::replace(role.begin(), role.end(), '-', ' ');
    std::string notes = m.role_in_team == role ? std::string() : m.role_in_team;
    if (m.external) notes += (notes.empty() ? "" : ", ") + std::string("external");
    if (!notes.empty()) text += " (" + notes + ")";
    return text;
}

void team_text(std::ostringstream& out, const team_profile& t, bool names) {
    out << "QI team " << t.code << ": " << t.members << " members, " << t.advisors
        << " patient advisors (organization " << t.organization_code << ")\n";
    if (!t.name.empty()) out << "  name: " << t.name << "\n";
    out << "  clinical area: " << (t.clinical_area.empty() ? "(not recorded)" : t.clinical_area)
        << "; unit: " << (t.unit.empty() ? "(not recorded)" : t.unit)
        << "; level: " << to_string(t.level) << "\n";
    // Members grouped by role and tier, in the order of the roles and tiers.
    for (person_role role : enum_traits<person_role>::values) {
        std::vector<std::optional<management_tier>> tiers{std::nullopt};
        if (role == person_role::manager)
            tiers.assign(enum_traits<management_tier>::values.begin(),
                         enum_traits<management_tier>::values.end());
        for (const std::optional<management_tier>& tier : tiers) {
            std::vector<std::string> members;
            for (const member_profile& m : t.member_list)
                if (m.role == role && (role != person_role::manager || m.tier == tier))
                    members.push_back(member_text(m, names));
            if (members.empty()) continue;
            const std::string head =
                "  " + role_and_tier(role, tier) + " (" + std::to_string(members.size()) + "): ";
            out << detail::wrap_list(head, members, 4);
        }
    }
}

}  // namespace

std::string to_text(const case_study_profile& p, const profile_text_options& options) {
    std::ostringstream out;
    out << p.title << "\n";
    out << "Study window: " << p.window.to_iso() << "\n";
    if (p.waves.empty()) out << "Waves: none recorded\n";
    for (const wave_profile& w : p.waves)
        out << "Wave " << w.code << ": " << w.window.to_iso()
            << (w.label.empty() ? "" : ", " + w.label) << "; " << w.sources
            << (w.sources == 1 ? " source" : " sources") << "\n";
    out << "\n";
    for (const organization_profile& o : p.organizations) {
        out << "Organization " << o.code << ": " << o.name << "\n";
        out << "  setting: " << to_string(o.setting)
            << "; program: " << (o.program.empty() ? "(none recorded)" : o.program) << "\n";
        if (!o.region.empty() || !o.partnership_model.empty())
            out << "  region: " << (o.region.empty() ? "(not recorded)" : o.region)
                << "; partnership model: "
                << (o.partnership_model.empty() ? "(not recorded)" : o.partnership_model) << "\n";
        std::vector<std::string> roles;
        for (person_role r : enum_traits<person_role>::values)
            if (std::size_t n = o.people_by_role[static_cast<std::size_t>(r)])
                roles.push_back(std::string(to_string(r)) + " " + std::to_string(n));
        out << detail::wrap_list("  people by role:", roles, 4);
        std::vector<std::string> tiers;
        for (management_tier t : enum_traits<management_tier>::values)
            tiers.push_back(std::string(to_string(t)) + " " +
                            std::to_string(o.managers_by_tier[static_cast<std::size_t>(t)]));
        out << detail::wrap_list("  managers by tier:", tiers, 4);
        out << "  QI activities: " << o.clinical_team_activities << " at the clinical-team level, "
            << o.other_level_activities << " at other levels\n";
    }
    for (const team_profile& t : p.teams) {
        out << "\n";
        team_text(out, t, options.names);
    }
    std::vector<std::string> kinds;
    for (source_kind k : enum_traits<source_kind>::values)
        kinds.push_back(std::string(to_string(k)) + " " +
                        std::to_string(p.sources_by_kind[static_cast<std::size_t>(k)]));
    out << "\n" << detail::wrap_list("Data sources recorded one by one:", kinds, 2);
    for (const source_total& t : p.totals) {
        std::string text = std::to_string(t.count) + " " + std::string(to_string(t.kind)) +
                           (t.count == 1 ? "" : "s");
        if (t.tier) text += " with " + std::string(to_string(*t.tier)) + " managers";
        text += " (" + std::string(to_string(t.provenance)) + ")";
        if (!t.description.empty()) text += ": " + t.description;
        out << detail::wrap_text("Known total: ", text, 2);
    }
    out << "\nEngagements: " << p.engagements << "; practice enactments: " << p.enactments
        << "; coded segments: " << p.segments << "\n";
    out << "Evaluation items: " << p.evaluation_items
        << "; evaluation responses: " << p.evaluation_responses
        << "; influence-log entries: " << p.influence_entries << "\n";
    std::vector<std::string> origins;
    for (provenance v : enum_traits<provenance>::values)
        origins.push_back(std::string(to_string(v)) + " " +
                          std::to_string(p.records_by_provenance[static_cast<std::size_t>(v)]));
    out << detail::wrap_list("Records by provenance:", origins, 2);
    return out.str();
}

}  // namespace partnerqi::analysis
