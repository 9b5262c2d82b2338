// The seed study's two cases (Clavel, Pomey and Ghadiri 2019) as the library ships them: the
// reported facts, and nothing invented that claims to be reported.
#include <algorithm>
#include <string>

#include <support/catch.hpp>

#include <partnerqi/model.hpp>

using namespace partnerqi::model;

namespace {

std::size_t advisors_on(const case_study& s, const qi_team& t) {
    return static_cast<std::size_t>(
        std::count_if(t.members.begin(), t.members.end(), [&](const team_membership& m) {
            return s.get(m.person).role == person_role::patient_advisor;
        }));
}

std::size_t members_with_label(const case_study& s, const qi_team& t, const std::string& label) {
    return static_cast<std::size_t>(
        std::count_if(t.members.begin(), t.members.end(), [&](const team_membership& m) {
            const person& p = s.get(m.person);
            return p.role_label == label || p.profession == label;
        }));
}

}  // namespace

SCENARIO(
    "the reported study has two cases in two Quebec organizations running a Partners in Care "
    "Program",
    "[model][seed]") {
    const case_study s = seed_study_reported();
    THEN("the window is 2015 to 2017") { CHECK(s.window() == date_window::years(2015, 2017)); }
    THEN(
        "there are two organizations, both integrated university health and social services "
        "centres") {
        REQUIRE(s.all<organization>().size() == 2);
        for (const organization& o : s.all<organization>()) {
            CHECK(o.kind == "integrated university health and social services centre");
            CHECK(o.program == "Partners in Care Program");
            CHECK(o.provenance == provenance::reported);
        }
    }
    THEN("case 1 is rural and case 2 is urban") {
        REQUIRE(s.all<study_case>().size() == 2);
        CHECK(s.get(s.all<study_case>()[0].organization).setting == setting::rural);
        CHECK(s.get(s.all<study_case>()[1].organization).setting == setting::urban);
    }
    THEN("the aggregate validates") { CHECK_NOTHROW(s.validate()); }
}

SCENARIO("case 1's mental-health QI team has 9 members, 2 of them patient advisors",
         "[model][seed]") {
    const case_study s = seed_study_reported();
    const qi_team& t = s.get(s.require<qi_team>("T1-MH"));
    CHECK(t.clinical_area == "mental health");
    CHECK(t.unit == "ambulatory hospital services");
    CHECK(t.members.size() == 9);
    CHECK(advisors_on(s, t) == 2);
    CHECK(members_with_label(s, t, "ICL") == 2);
    CHECK(members_with_label(s, t, "psychiatrist") == 1);
    CHECK(members_with_label(s, t, "psychologist") == 1);
    CHECK(members_with_label(s, t, "occupational therapist") == 1);
    CHECK(members_with_label(s, t, "nurse") == 1);
    CHECK(members_with_label(s, t, "program manager") == 1);
}

SCENARIO("case 2's breast-cancer QI team has 7 members, 2 of them patient advisors",
         "[model][seed]") {
    const case_study s = seed_study_reported();
    const qi_team& t = s.get(s.require<qi_team>("T2-ONC"));
    CHECK(t.clinical_area == "oncology");
    CHECK(t.members.size() == 7);
    CHECK(advisors_on(s, t) == 2);
    CHECK(members_with_label(s, t, "ICL") == 1);
    CHECK(members_with_label(s, t, "radiation oncologist") == 1);
    CHECK(members_with_label(s, t, "surgical oncologist") == 1);
    CHECK(members_with_label(s, t, "psychologist") == 1);
    CHECK(members_with_label(s, t, "program manager") == 1);
}

SCENARIO("the QI activities split into clinical-team and other levels as reported",
         "[model][seed]") {
    const case_study s = seed_study_reported();
    auto count = [&](const char* org, activity_level level) {
        organization_id o = s.require<organization>(org);
        return std::count_if(
            s.all<qi_activity>().begin(), s.all<qi_activity>().end(),
            [&](const qi_activity& a) { return a.organization == o && a.level == level; });
    };
    CHECK(count("HCO-1", activity_level::clinical_team) == 3);
    CHECK(count("HCO-1", activity_level::other) == 3);
    CHECK(count("HCO-2", activity_level::clinical_team) == 3);
    CHECK(count("HCO-2", activity_level::other) == 2);
    CHECK(s.get(s.require<qi_activity>("C1-O2")).title.find("kaizen") != std::string::npos);
}

SCENARIO("38 interviews and 7 focus groups are known totals whose split stays unknown",
         "[model][seed]") {
    const case_study s = seed_study_reported();
    REQUIRE(s.all<source_total>().size() == 2);
    const source_total& interviews = s.all<source_total>()[0];
    CHECK(interviews.kind == source_kind::interview);
    CHECK(interviews.count == 38);
    CHECK_FALSE(interviews.tier.has_value());
    CHECK_FALSE(interviews.organization.has_value());
    CHECK(s.all<source_total>()[1].kind == source_kind::focus_group);
    CHECK(s.all<source_total>()[1].count == 7);
    AND_THEN("no per-tier split is recorded, and no single source pretends to be one of them") {
        for (const source_total& t : s.all<source_total>())
            CHECK_FALSE(t.tier.has_value());
        CHECK(s.all<data_source>().empty());
    }
}

SCENARIO("nothing invented is marked reported", "[model][seed][provenance]") {
    const case_study s = seed_study_reported();
    THEN(
        "the program managers, whose tier the study does not report, carry their title and no "
        "tier") {
        for (const char* code : {"C1-PM", "C2-PM"}) {
            const person& p = s.get(s.require<person>(code));
            CHECK(p.role == person_role::other);
            CHECK(p.role_label == "program manager");
            CHECK_FALSE(p.tier.has_value());
            CHECK(p.provenance == provenance::reported);
        }
    }
    THEN("every person and every activity is reported") {
        for (const person& p : s.all<person>())
            CHECK(p.provenance == provenance::reported);
        for (const qi_activity& a : s.all<qi_activity>())
            CHECK(a.provenance == provenance::reported);
    }
    THEN("no activity carries a kind the study did not give") {
        for (const qi_activity& a : s.all<qi_activity>())
            CHECK(a.kind == activity_kind::other);
    }
    AND_WHEN("illustrative detail is added") {
        const case_study ill = seed_study_illustrated();
        THEN("every record it adds or changes is marked illustrative") {
            CHECK_NOTHROW(ill.validate());
            for (const person& p : ill.all<person>()) {
                auto id = s.find<person>(p.code);
                if (id && s.get(*id) == p) continue;
                CHECK(p.provenance == provenance::illustrative);
            }
            for (const qi_activity& a : ill.all<qi_activity>()) {
                auto id = s.find<qi_activity>(a.code);
                if (id && s.get(*id) == a) continue;
                CHECK(a.provenance == provenance::illustrative);
            }
            for (const engagement& e : ill.all<engagement>())
                CHECK(e.provenance == provenance::illustrative);
            for (const practice_enactment& e : ill.all<practice_enactment>())
                CHECK(e.provenance == provenance::illustrative);
            for (const practice& p : ill.all<practice>())
                CHECK(p.provenance == provenance::illustrative);
            for (const data_source& d : ill.all<data_source>())
                CHECK(d.provenance == provenance::illustrative);
        }
        THEN("managers of every tier enact practices of every category") {
            bool seen[4][3] = {};
            for (const practice_enactment& e : ill.all<practice_enactment>())
                seen[static_cast<int>(ill.get(e.practice).category)]
                    [static_cast<int>(*ill.get(e.manager).tier)] = true;
            int covered_categories = 0, covered_tiers = 0;
            for (int c = 0; c < 4; ++c)
                covered_categories += (seen[c][0] || seen[c][1] || seen[c][2]);
            for (int t = 0; t < 3; ++t)
                covered_tiers += (seen[0][t] || seen[1][t] || seen[2][t] || seen[3][t]);
            CHECK(covered_categories == 4);
            CHECK(covered_tiers == 3);
        }
    }
}

SCENARIO("the default practice catalog is illustrative and covers the four categories",
         "[model][catalog]") {
    const auto catalog = default_practice_catalog();
    int per_category[4] = {};
    for (const practice& p : catalog) {
        CHECK(p.provenance == provenance::illustrative);
        CHECK_FALSE(p.name.empty());
        ++per_category[static_cast<int>(p.category)];
    }
    for (int n : per_category)
        CHECK(n >= 3);
    GIVEN("a case study that already has one of its codes") {
        case_study s{"x", date_window::years(2015, 2017)};
        practice own;
        own.code = "MAN-prepare";
        own.name = "our own wording";
        own.category = practice_category::managing_integration;
        s.add(own);
        WHEN("the default catalog is added") {
            std::size_t added = add_default_practice_catalog(s);
            THEN("the user's entry is kept and only the others are added") {
                CHECK(added == catalog.size() - 1);
                CHECK(s.get(s.require<practice>("MAN-prepare")).name == "our own wording");
            }
        }
    }
}
