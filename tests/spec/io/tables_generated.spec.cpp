// Property: any valid case study whose texts a spreadsheet can hold comes back identical from
// its CSV tables, every field and provenance included.
//
// As in generated_studies.spec.cpp, the property is checked with rc::detail::checkTestable under
// a fixed seed and the result asserted with REQUIRE, for Catch2 v2 and v3 alike.
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <support/catch.hpp>

#include "partnerqi/io/tables.hpp"

#include "full_study.hpp"
#include <rapidcheck.h>

using namespace partnerqi;
using namespace partnerqi::model;
namespace fs = std::filesystem;

namespace {

// UTF-8 text built from pieces that CSV and the list cells must carry: commas, quotes, line
// breaks, semicolons, backslashes, blanks at either end, accents and emoji.
std::string any_text() {
    static const std::vector<std::string> pieces{"a",  "Z",    "7",  " ",  "\t", ",", "\"", ";",
                                                 "\\", "\r\n", "\n", "\r", "é",  "→", "😀",  "/"};
    std::string out;
    for (const std::string& p :
         *rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(pieces)))
        out += p;
    return out;
}

template <class Enum>
Enum any_of() {
    return *rc::gen::elementOf(enum_traits<Enum>::values);
}

std::optional<date> any_date_in(const date_window& w) {
    if (!*rc::gen::arbitrary<bool>()) return std::nullopt;
    return w.first().plus_days(*rc::gen::inRange(0, days_between(w.first(), w.last()) + 1));
}

template <class T>
T pick(const std::vector<T>& from) {
    return from[*rc::gen::inRange<std::size_t>(0, from.size())];
}

template <class T>
std::vector<T> some_of(const std::vector<T>& from) {
    std::vector<T> out;
    for (const T& t : from)
        if (*rc::gen::inRange(0, 3) == 0) out.push_back(t);
    return out;
}

// Adds a record when it is valid; a generated record that breaks a rule is skipped.
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
    case_study s{any_text(), date_window::years(first_year, first_year + *rc::gen::inRange(0, 4))};
    s.set_description(any_text());
    const date_window w = s.window();
    const int n = *rc::gen::inRange(1, 8);
    std::vector<organization_id> orgs;
    for (int i = 0; i < n; ++i) {
        organization o;
        o.code = any_text() + "O" + std::to_string(i) + any_text();
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
        p.code = any_text() + "P" + std::to_string(i) + any_text();
        // An empty optional text reads back unset (README.txt): names are never empty here.
        if (*rc::gen::arbitrary<bool>()) p.display_name = "N" + any_text();
        p.role = any_of<person_role>();
        if (p.role == person_role::manager) p.tier = any_of<management_tier>();
        p.profession = any_text();
        p.role_label = any_text();
        if (*rc::gen::arbitrary<bool>()) p.organization = pick(orgs);
        p.provenance = any_of<provenance>();
        p.note = any_text();
        if (auto id = try_add(s, p)) {
            people.push_back(*id);
            if (p.role == person_role::manager) managers.push_back(*id);
            if (p.role == person_role::patient_advisor) advisors.push_back(*id);
        }
    }
    std::vector<team_id> teams;
    for (int i = 0; i < n; ++i) {
        qi_team t;
        t.code = "T" + std::to_string(i) + any_text();
        t.organization = pick(orgs);
        t.name = any_text();
        t.clinical_area = any_text();
        t.unit = any_text();
        t.level = any_of<team_level>();
        for (person_id p : some_of(people)) {
            team_membership m{p, any_text(), any_date_in(w), any_date_in(w), false};
            if (m.joined && m.left && *m.left < *m.joined) std::swap(m.joined, m.left);
            m.external = s.get(p).organization != std::optional<organization_id>(t.organization);
            m.provenance = any_of<provenance>();
            t.members.push_back(m);
        }
        t.provenance = any_of<provenance>();
        t.note = any_text();
        if (auto id = try_add(s, t)) teams.push_back(*id);
    }
    std::vector<activity_id> activities;
    for (int i = 0; i < n; ++i) {
        qi_activity a;
        a.code = "A" + std::to_string(i) + any_text();
        a.organization = pick(orgs);
        if (!teams.empty() && *rc::gen::arbitrary<bool>()) a.team = pick(teams);
        a.title = any_text();
        a.level = any_of<activity_level>();
        a.kind = any_of<activity_kind>();
        if (*rc::gen::arbitrary<bool>()) a.level_reached = any_of<engagement_level>();
        a.start = any_date_in(w);
        a.end = any_date_in(w);
        a.advisors = some_of(advisors);
        a.provenance = any_of<provenance>();
        a.note = any_text();
        if (auto id = try_add(s, a)) activities.push_back(*id);
    }
    std::vector<practice_id> practices;
    for (int i = 0; i < n; ++i) {
        practice p;
        p.code = "PR" + std::to_string(i) + any_text();
        p.category = any_of<practice_category>();
        p.name = "practice " + any_text();
        p.description = any_text();
        p.provenance = any_of<provenance>();
        if (auto id = try_add(s, p)) practices.push_back(*id);
    }
    std::vector<enactment_id> enactments;
    for (int i = 0; i < n && !managers.empty(); ++i) {
        practice_enactment e;
        e.practice = pick(practices);
        e.manager = pick(managers);
        e.on = any_date_in(w).value_or(w.first());
        e.organization = pick(orgs);
        if (!teams.empty() && *rc::gen::arbitrary<bool>()) e.team = pick(teams);
        e.targets = some_of(people);
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
        e.on = any_date_in(w).value_or(w.last());
        if (!activities.empty() && *rc::gen::arbitrary<bool>()) e.activity = pick(activities);
        e.provenance = any_of<provenance>();
        (void)try_add(s, e);
    }
    std::vector<wave_id> waves;
    for (int i = 0; i < n / 2; ++i) {
        wave v;
        v.code = "W" + std::to_string(i) + any_text();
        v.label = any_text();
        v.window = w;
        v.provenance = any_of<provenance>();
        if (auto id = try_add(s, v)) waves.push_back(*id);
    }
    std::vector<source_id> sources;
    for (int i = 0; i < n; ++i) {
        data_source d;
        d.code = "S" + std::to_string(i) + any_text();
        d.kind = any_of<source_kind>();
        d.title = any_text();
        d.on = any_date_in(w);
        if (!waves.empty() && *rc::gen::arbitrary<bool>()) d.wave = pick(waves);
        if (*rc::gen::arbitrary<bool>()) d.organization = pick(orgs);
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
        if (*rc::gen::arbitrary<bool>()) t.organization = pick(orgs);
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
        if (*rc::gen::arbitrary<bool>()) c.practice = pick(practices);
        c.provenance = any_of<provenance>();
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
        g.supports = some_of(enactments);
        g.provenance = any_of<provenance>();
        (void)try_add(s, g);
    }
    for (int i = 0; i < n; ++i) {
        memo m;
        m.title = any_text();
        m.text = any_text();
        m.on = any_date_in(w);
        if (!sources.empty() && *rc::gen::arbitrary<bool>()) m.source = pick(sources);
        if (!codes.empty() && *rc::gen::arbitrary<bool>()) m.code = pick(codes);
        m.provenance = any_of<provenance>();
        (void)try_add(s, m);
    }
    for (int i = 0; i < n; ++i) {
        study_case c;
        c.code = "K" + std::to_string(i) + any_text();
        c.label = any_text();
        c.organization = pick(orgs);
        for (team_id t : teams)
            if (s.get(t).organization == c.organization) c.teams.push_back(t);
        c.provenance = any_of<provenance>();
        (void)try_add(s, c);
    }
    return s;
}

}  // namespace

SCENARIO("any generated case study reads back identical from its CSV tables") {
    GIVEN(
        "50 generated case studies whose codes and texts hold commas, quotes, line breaks, "
        "semicolons, backslashes and blanks at either end") {
        io::testing::scratch_dir scratch;
        const fs::path dir = fs::path(scratch.path()) / "tables";
        rc::detail::TestParams params;
        params.seed = 20261129;  // fixed, so that a failure can be replayed
        params.maxSuccess = 50;  // each run writes 17 files with fsync: 50 keep it to seconds
        params.maxSize = 30;
        rc::detail::TestMetadata metadata;
        metadata.id = metadata.description = "generated study tables round trip";
        const auto result = rc::detail::checkTestable(
            [&] {
                const case_study study = any_study();
                io::write_tables(study, dir);
                RC_ASSERT(io::read_tables(dir).study == study);
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
