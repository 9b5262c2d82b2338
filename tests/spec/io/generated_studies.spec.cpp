// Property: any valid case study, of any shape, comes back identical from every encoding.
//
// RapidCheck generates the studies. Its Catch2 header includes <catch2/catch.hpp> directly
// (Catch2 v2 only), so the property is checked with rc::detail::checkTestable under a fixed
// seed and the result is asserted with REQUIRE: the run is reproducible and works with v2 and v3.
#include <sstream>
#include <string>
#include <vector>

#include <support/catch.hpp>

#include "partnerqi/io.hpp"

#include "full_study.hpp"
#include <rapidcheck.h>

using namespace partnerqi;
using namespace partnerqi::model;
using namespace partnerqi::io::testing;

namespace {

// Any bytes, short: texts in files must survive whatever people type or paste.
std::string any_text() { return *rc::gen::container<std::string>(rc::gen::arbitrary<char>()); }

template <class Enum>
Enum any_of() {
    return *rc::gen::elementOf(enum_traits<Enum>::values);
}

std::optional<date> any_date_in(const date_window& w) {
    if (!*rc::gen::arbitrary<bool>()) return std::nullopt;
    const int span = days_between(w.first(), w.last());
    return w.first().plus_days(*rc::gen::inRange(0, span + 1));
}

template <class T>
T pick(const std::vector<T>& from) {
    return from[static_cast<std::size_t>(*rc::gen::inRange<std::size_t>(0, from.size()))];
}

// Adds a record when it is valid; a generated record that breaks a rule is simply skipped, so
// every generated study is valid and every shape the rules allow can occur.
template <class Record>
auto try_add(case_study& s, Record r) -> std::optional<decltype(s.add(r))> {
    try {
        return s.add(std::move(r));
    } catch (const validation_error&) {
        return std::nullopt;
    }
}

case_study any_study() {
    const int first_year = *rc::gen::inRange(1990, 2100);
    case_study s{any_text(), date_window::years(first_year, first_year + *rc::gen::inRange(0, 5))};
    s.set_description(any_text());
    const date_window w = s.window();
    const int n = *rc::gen::inRange(0, 10);

    std::vector<organization_id> orgs;
    for (int i = 0; i < n; ++i) {
        organization o;
        o.code = "O" + std::to_string(i) + any_text();
        o.name = any_text();
        o.kind = any_text();
        o.setting = any_of<setting>();
        o.region = any_text();
        o.program = any_text();
        o.partnership_model = any_text();
        o.provenance = any_of<provenance>();
        o.note = any_text();
        if (auto id = try_add(s, o)) orgs.push_back(*id);
    }
    std::vector<person_id> people, managers, advisors;
    for (int i = 0; i < 3 * n; ++i) {
        person p;
        p.code = "P" + std::to_string(i) + any_text();
        if (*rc::gen::arbitrary<bool>()) p.display_name = any_text();
        p.role = any_of<person_role>();
        if (p.role == person_role::manager) p.tier = any_of<management_tier>();
        p.profession = any_text();
        p.role_label = any_text();
        if (!orgs.empty() && *rc::gen::arbitrary<bool>()) p.organization = pick(orgs);
        p.provenance = any_of<provenance>();
        p.note = any_text();
        if (auto id = try_add(s, p)) {
            people.push_back(*id);
            if (p.role == person_role::manager) managers.push_back(*id);
            if (p.role == person_role::patient_advisor) advisors.push_back(*id);
        }
    }
    std::vector<team_id> teams;
    for (int i = 0; i < n && !orgs.empty(); ++i) {
        qi_team t;
        t.code = "T" + std::to_string(i);
        t.organization = pick(orgs);
        t.name = any_text();
        t.clinical_area = any_text();
        t.unit = any_text();
        t.level = any_of<team_level>();
        for (person_id p : people) {
            if (*rc::gen::inRange(0, 3) != 0) continue;
            team_membership m{p, any_text(), any_date_in(w), any_date_in(w), true};
            if (m.joined && m.left && *m.left < *m.joined) std::swap(m.joined, m.left);
            m.external = s.get(p).organization != std::optional<organization_id>(t.organization);
            t.members.push_back(m);
        }
        t.provenance = any_of<provenance>();
        t.note = any_text();
        if (auto id = try_add(s, t)) teams.push_back(*id);
    }
    std::vector<activity_id> activities;
    for (int i = 0; i < n && !orgs.empty(); ++i) {
        qi_activity a;
        a.code = "A" + std::to_string(i);
        a.organization = pick(orgs);
        if (!teams.empty() && *rc::gen::arbitrary<bool>()) a.team = pick(teams);
        a.title = any_text();
        a.level = any_of<activity_level>();
        a.kind = any_of<activity_kind>();
        if (*rc::gen::arbitrary<bool>()) a.level_reached = any_of<engagement_level>();
        a.start = any_date_in(w);
        a.end = any_date_in(w);
        for (person_id p : advisors)
            if (*rc::gen::arbitrary<bool>()) a.advisors.push_back(p);
        a.provenance = any_of<provenance>();
        a.note = any_text();
        if (auto id = try_add(s, a)) activities.push_back(*id);
    }
    std::vector<practice_id> practices;
    for (int i = 0; i < n; ++i) {
        practice p;
        p.code = "PR" + std::to_string(i);
        p.category = any_of<practice_category>();
        p.name = "practice " + any_text();
        p.description = any_text();
        p.provenance = any_of<provenance>();
        if (auto id = try_add(s, p)) practices.push_back(*id);
    }
    std::vector<enactment_id> enactments;
    for (int i = 0; i < n && !practices.empty() && !managers.empty() && !orgs.empty(); ++i) {
        practice_enactment e;
        e.practice = pick(practices);
        e.manager = pick(managers);
        e.on = w.first().plus_days(*rc::gen::inRange(0, days_between(w.first(), w.last()) + 1));
        e.organization = pick(orgs);
        if (!teams.empty() && *rc::gen::arbitrary<bool>()) e.team = pick(teams);
        for (person_id p : people)
            if (*rc::gen::inRange(0, 4) == 0) e.targets.push_back(p);
        e.provenance = any_of<provenance>();
        e.note = any_text();
        if (auto id = try_add(s, e)) enactments.push_back(*id);
    }
    for (int i = 0; i < 2 * n && people.size() >= 2; ++i) {
        engagement e;
        e.from = pick(people);
        e.to = pick(people);
        e.kind = any_of<engagement_kind>();
        e.level = any_of<engagement_level>();
        e.on = w.last();
        if (!activities.empty() && *rc::gen::arbitrary<bool>()) e.activity = pick(activities);
        e.provenance = any_of<provenance>();
        (void)try_add(s, e);
    }
    std::vector<wave_id> waves;
    for (int i = 0; i < n / 2; ++i) {
        wave v;
        v.code = "W" + std::to_string(i);
        v.label = any_text();
        v.window = w;
        if (auto id = try_add(s, v)) waves.push_back(*id);
    }
    std::vector<source_id> sources;
    for (int i = 0; i < n; ++i) {
        data_source d;
        d.code = "S" + std::to_string(i);
        d.kind = any_of<source_kind>();
        d.title = any_text();
        d.on = any_date_in(w);
        if (!waves.empty() && *rc::gen::arbitrary<bool>()) d.wave = pick(waves);
        if (!orgs.empty() && *rc::gen::arbitrary<bool>()) d.organization = pick(orgs);
        if (!people.empty()) d.participants.push_back(pick(people));
        if (d.kind == source_kind::interview && *rc::gen::arbitrary<bool>())
            d.tier = any_of<management_tier>();
        if (d.kind == source_kind::focus_group) d.composition = any_of<group_composition>();
        d.text = any_text();
        d.provenance = any_of<provenance>();
        if (auto id = try_add(s, d)) sources.push_back(*id);
    }
    for (int i = 0; i < n; ++i) {
        source_total t;
        t.kind = any_of<source_kind>();
        t.count = *rc::gen::arbitrary<std::uint32_t>();
        if (!orgs.empty() && *rc::gen::arbitrary<bool>()) t.organization = pick(orgs);
        if (t.kind == source_kind::interview && *rc::gen::arbitrary<bool>())
            t.tier = any_of<management_tier>();
        t.description = any_text();
        t.provenance = any_of<provenance>();
        (void)try_add(s, t);
    }
    std::vector<code_id> codes;
    for (int i = 0; i < n; ++i) {
        code c;
        c.name = "C" + std::to_string(i) + any_text();
        if (!codes.empty() && *rc::gen::arbitrary<bool>()) c.parent = pick(codes);
        c.definition = any_text();
        if (*rc::gen::arbitrary<bool>()) c.category = any_of<practice_category>();
        if (!practices.empty() && *rc::gen::arbitrary<bool>()) c.practice = pick(practices);
        if (auto id = try_add(s, c)) codes.push_back(*id);
    }
    for (int i = 0; i < 2 * n && !sources.empty() && !codes.empty(); ++i) {
        coded_segment g;
        g.source = pick(sources);
        const auto length = static_cast<std::uint32_t>(s.get(g.source).text.size());
        g.begin = *rc::gen::inRange<std::uint32_t>(0, length + 1);
        g.end = *rc::gen::inRange<std::uint32_t>(g.begin, length + 1);
        g.code = pick(codes);
        g.coder = "coder " + any_text();
        g.text = any_text();
        for (enactment_id e : enactments)
            if (*rc::gen::arbitrary<bool>()) g.supports.push_back(e);
        (void)try_add(s, g);
    }
    for (int i = 0; i < n; ++i) {
        memo m;
        m.title = any_text();
        m.text = any_text();
        m.on = any_date_in(w);
        if (!sources.empty() && *rc::gen::arbitrary<bool>()) m.source = pick(sources);
        if (!codes.empty() && *rc::gen::arbitrary<bool>()) m.code = pick(codes);
        (void)try_add(s, m);
    }
    for (int i = 0; i < n && !orgs.empty(); ++i) {
        study_case c;
        c.code = "K" + std::to_string(i);
        c.label = any_text();
        c.organization = pick(orgs);
        for (team_id t : teams)
            if (s.get(t).organization == c.organization) c.teams.push_back(t);
        c.provenance = any_of<provenance>();
        (void)try_add(s, c);
    }
    // Records removed in the middle leave gaps in the ids, which files must keep.
    if (people.size() > 3 && *rc::gen::arbitrary<bool>()) {
        try {
            s.remove(people[1]);
        } catch (const validation_error&) {
        }
    }
    return s;
}

}  // namespace

SCENARIO("any generated case study loads back identical from every encoding") {
    GIVEN("100 generated case studies of every shape the model allows") {
        rc::detail::TestParams params;
        params.seed = 20240601;  // fixed, so that a failure can be replayed
        params.maxSuccess = 100;
        params.maxSize = 100;
        rc::detail::TestMetadata metadata;
        metadata.id = metadata.description = "generated study round trip";
        const auto result = rc::detail::checkTestable(
            [] {
                const case_study study = any_study();
                for (io::encoding format : {io::encoding::portable_text,
                                            io::encoding::native_binary, io::encoding::xml}) {
                    const std::string bytes = saved_bytes(study, format);
                    RC_ASSERT(load_bytes(bytes) == study);
                    // Saved again, the bytes are the same.
                    RC_ASSERT(saved_bytes(load_bytes(bytes), format) == bytes);
                }
            },
            metadata, params);
        THEN("the property holds for all of them") {
            std::ostringstream report;
            rc::detail::printResultMessage(result, report);
            INFO(report.str());
            REQUIRE(result.template is<rc::detail::SuccessResult>());
        }
    }
}
