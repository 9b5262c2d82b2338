#include <sstream>

#include <support/catch.hpp>

#include "partnerqi/analysis/comparison.hpp"
#include "partnerqi/analysis/summary.hpp"
#include "partnerqi/analysis/waves.hpp"
#include "partnerqi/model/seed_study.hpp"

#include "mini_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
using analysis::indicator;
using partnerqi::test::built;
using partnerqi::test::mini_study;

// The seed's illustrative enactments per case, by wave (the waves are the calendar years):
//   W1 2015: DES-vision, DES-sponsor, STR-office (top); DES-align, STR-committees, MAN-match (mid);
//            STR-recruitment, MAN-prepare (front)                      -> 8: top 3, mid 3, front 2
//   W2 2016: MAN-role, MAN-act-on-input, EVA-feedback (mid); MAN-coach (front) -> 4: 0, 3, 1
//   W3 2017: EVA-lessons (top); EVA-experience, MAN-share-power (mid)          -> 3: 1, 2, 0
// Pooled over the two cases every count doubles.

SCENARIO("the matrix, the audit and the network are computed for each wave") {
    auto s = seed_study_illustrated();
    auto r = analysis::wave_analysis(s);
    REQUIRE(r.waves.size() == 3);
    CHECK(r.waves[0].code == "W1");
    THEN("each wave counts its own enactments") {
        CHECK(r.waves[0].matrix.total.enactments == 16);
        CHECK(r.waves[1].matrix.total.enactments == 8);
        CHECK(r.waves[2].matrix.total.enactments == 6);
        CHECK(r.waves[0].matrix.by_tier[0].enactments == 6);
    }
    THEN("in 2016 no top-level manager enacted anything, and the every-tier check says so") {
        const auto& check = r.waves[1].every_tier;
        CHECK_FALSE(check.passed);
        REQUIRE(check.missing_tiers.size() == 1);
        CHECK(check.missing_tiers[0] == management_tier::top_level);
        // Only managing and evaluating practices took place in 2016.
        CHECK(check.missing_categories.size() == 2);
    }
    THEN(
        "the audit of 2015, before any evaluation response, cannot tell whether teams were "
        "evaluated, that of 2016 finds both evaluated") {
        auto i = static_cast<std::size_t>(indicator::no_evaluation_on_team);
        CHECK(r.waves[0].audit.fired[i] == 0);
        CHECK(r.waves[0].audit.not_assessable[i] == 2);
        CHECK(r.waves[1].audit.fired[i] == 0);
        CHECK(r.waves[1].audit.assessed[i] == 2);
    }
    THEN(
        "advisors' voices reach a decision-maker only in 2016, when they give feedback to the "
        "program manager") {
        // 2015: recruitment and preparation ties point at the advisors; 2017: likewise.
        REQUIRE(r.waves[0].network);
        CHECK(r.waves[0].network->advisors_reaching_decision_makers == 0);
        CHECK(r.waves[1].network->advisors_reaching_decision_makers == 4);
        CHECK(r.waves[2].network->advisors_reaching_decision_makers == 0);
        // Ties: 4 per case in 2015, 9 in 2016, 3 in 2017.
        CHECK(r.waves[0].network->ties == 8);
        CHECK(r.waves[1].network->ties == 18);
        CHECK(r.waves[2].network->ties == 6);
    }
}

SCENARIO("the difference between two waves names the tiers that started or stopped enacting") {
    auto r = analysis::wave_analysis(seed_study_illustrated());
    REQUIRE(r.changes.size() == 2);
    const auto& first = r.changes[0];
    CHECK(first.from == "W1");
    CHECK(first.to == "W2");
    CHECK(first.enactments_total == -8);
    CHECK(first.enactments_by_tier == std::array<std::int64_t, 3>{-6, 0, -2});
    CHECK(first.tiers_stopped == std::vector<management_tier>{management_tier::top_level});
    CHECK(first.tiers_started.empty());
    CHECK(first.indicators[static_cast<std::size_t>(indicator::no_evaluation_on_team)] == 0);
    CHECK(first.ties == std::optional<std::int64_t>(10));
    CHECK(first.advisors_reaching_decision_makers == std::optional<std::int64_t>(4));
    const auto& second = r.changes[1];
    CHECK(second.enactments_by_tier == std::array<std::int64_t, 3>{2, -2, -2});
    CHECK(second.tiers_started == std::vector<management_tier>{management_tier::top_level});
    CHECK(second.tiers_stopped == std::vector<management_tier>{management_tier::front_line});
    THEN("the report prints and exports") {
        std::string text = analysis::to_text(r);
        CHECK(text.find("W1 -> W2") != std::string::npos);
        std::ostringstream csv;
        analysis::write_csv(csv, r);
        CHECK(csv.str().find("W1,enactments,16\r\n") != std::string::npos);
        CHECK(csv.str().find("W1->W2,enactments,-8\r\n") != std::string::npos);
    }
}

SCENARIO("a study without waves gives an empty wave report") {
    auto r = analysis::wave_analysis(seed_study_reported());
    CHECK(r.waves.empty());
    CHECK(r.changes.empty());
    CHECK(analysis::to_text(r).find("no wave") != std::string::npos);
}

SCENARIO("two organizations are compared side by side on the same measures") {
    auto s = seed_study_illustrated();
    auto c = analysis::compare_cases(s);
    REQUIRE(c.columns.size() == 2);
    for (const auto& col : c.columns) {
        CHECK(col.matrix.total.enactments == 15);
        CHECK(col.every_tier.passed);
        CHECK(col.evaluations == 3);
        CHECK(col.closed_loops == 2);  // one by a managing practice, one by a recorded change
        REQUIRE(col.network);
        CHECK(col.network->ties == 15);
        CHECK(col.audit.teams == 1);
        CHECK(col.audit.fired[static_cast<std::size_t>(indicator::lone_advisor)] == 0);
    }
    // People of each organization: its team (9 in case 1, 7 in case 2) plus the three managers
    // and the coordinator added for illustration.
    CHECK(c.columns[0].network->people == 13);
    CHECK(c.columns[1].network->people == 11);
    CHECK(c.columns[0].organization == "HCO-1");
    CHECK(c.columns[1].organization == "HCO-2");
    std::string text = analysis::to_text(c);
    CHECK(text.find("case-1 (HCO-1)") != std::string::npos);
    std::ostringstream csv;
    analysis::write_csv(csv, c);
    CHECK(csv.str().rfind("measure,case-1 (HCO-1),case-2 (HCO-2)\r\n", 0) == 0);
    CHECK(csv.str().find("enactments,15,15\r\n") != std::string::npos);
}

SCENARIO("organizations kept in different case studies can be compared") {
    auto seed = seed_study_illustrated();
    builder b = mini_study();
    b.manager("MID", management_tier::mid_level).of("ORG");
    b.advisor("A").of("ORG");
    b.team("T").of("ORG").name("T").member("MID").member("A");
    b.practice("DES", practice_category::designing);
    b.enactment("DES", "MID").on("2020-02-01");
    b.study_case("mini-case").of("ORG");
    const built m{b.build()};
    const auto mine = m.s.require<study_case>("mini-case");
    auto c = analysis::compare_cases({{seed, seed.require<study_case>("case-2")}, {m.s, mine}});
    REQUIRE(c.columns.size() == 2);
    CHECK(c.columns[0].matrix.total.enactments == 15);
    CHECK(c.columns[1].matrix.total.enactments == 1);
    // The mini team has one advisor.
    CHECK(c.columns[1].audit.fired[static_cast<std::size_t>(indicator::lone_advisor)] == 1);
}

SCENARIO("a comparison of fewer than two cases is refused") {
    auto s = seed_study_illustrated();
    CHECK_THROWS_AS(analysis::compare_cases(s, {s.require<study_case>("case-1")}),
                    invalid_request_error);
    CHECK_THROWS_AS(analysis::compare_cases(
                        s, {s.require<study_case>("case-1"), s.require<study_case>("case-1")}),
                    invalid_request_error);
    analysis::filter f;
    f.study_case = s.require<study_case>("case-1");
    CHECK_THROWS_AS(analysis::compare_cases(s, {}, f), invalid_request_error);
}

SCENARIO("the summary report runs every analysis and says the audit is heuristic") {
    GIVEN("the study's cases with illustrative detail") {
        auto sum = analysis::summary(seed_study_illustrated());
        THEN("every part is present") {
            CHECK(sum.every_tier.passed);
            CHECK(sum.network);
            REQUIRE(sum.waves);
            CHECK(sum.waves->waves.size() == 3);
            REQUIRE(sum.cases);
            CHECK(sum.cases->columns.size() == 2);
            REQUIRE(sum.agreement);
            CHECK(sum.agreement->coders.front() == "coder-A");
            REQUIRE(sum.evidence);
        }
        THEN("the text has a heading per analysis and the disclaimer") {
            std::string text = analysis::to_text(sum);
            for (const char* heading :
                 {"== Practices by tier ==", "== Tokenism audit ==", "== Evaluation loop ==",
                  "== Engagement network ==", "== Waves and change ==", "== Cases side by side ==",
                  "== Coding =="})
                CHECK(text.find(heading) != std::string::npos);
            CHECK(text.find("not findings of the seed study") != std::string::npos);
            CHECK(text.find("managers at every tier take part") != std::string::npos);
        }
    }
    GIVEN("the reported facts only") {
        auto sum = analysis::summary(seed_study_reported());
        THEN(
            "the every-tier check fails for want of enactments, and there are no waves or coding") {
            CHECK_FALSE(sum.every_tier.passed);
            CHECK_FALSE(sum.waves);
            CHECK_FALSE(sum.frequencies);
            CHECK(sum.cases);
        }
    }
    GIVEN("one case chosen") {
        auto s = seed_study_illustrated();
        analysis::summary_options o;
        o.scope.study_case = s.require<study_case>("case-2");
        auto sum = analysis::summary(s, o);
        THEN("there is nothing to compare it with") {
            CHECK_FALSE(sum.cases);
            CHECK(sum.matrix.pooled.total.enactments == 15);
        }
    }
}

SCENARIO("the summary leaves out side-by-side columns beyond its cap and says so") {
    analysis::summary_options o;
    o.max_columns = 2;  // the seed has 3 waves and 2 cases
    auto sum = analysis::summary(seed_study_illustrated(), o);
    CHECK_FALSE(sum.waves);
    CHECK(sum.cases);
    REQUIRE(sum.notes.size() == 1);
    CHECK(sum.notes[0].find("3 waves") != std::string::npos);
    CHECK(analysis::to_text(sum).find("== Left out ==") != std::string::npos);
}

SCENARIO("the summary lists its tables as CSV files, only those it holds") {
    GIVEN("the summary of the study's cases with illustrative detail") {
        auto sum = analysis::summary(seed_study_illustrated());
        auto tables = analysis::csv_tables(sum);
        THEN("every part has its file, in the order of the text") {
            std::string names;
            for (const auto& t : tables)
                names += std::string(t.file_name) + " ";
            CHECK(names ==
                  "practice-matrix.csv tokenism-audit.csv evaluation-loop.csv "
                  "evaluation-summary.csv influence-log.csv network-summary.csv "
                  "waves.csv cases.csv code-frequencies.csv codes-by-tier.csv "
                  "code-cooccurrence.csv coder-agreement.csv coder-disagreements.csv "
                  "practice-evidence.csv ");
        }
        THEN("each file is written by the table's own CSV export") {
            REQUIRE(tables.size() > 1);
            std::ostringstream out;
            tables[1].write(out);
            CHECK(out.str().rfind("subject_kind,subject,indicator", 0) == 0);
        }
    }
    GIVEN("the summary of the reported facts only") {
        auto sum = analysis::summary(seed_study_reported());
        THEN("there is no file for waves or coding") {
            for (const auto& t : analysis::csv_tables(sum)) {
                CHECK(t.file_name != "waves.csv");
                CHECK(t.file_name != "code-frequencies.csv");
            }
        }
    }
}
