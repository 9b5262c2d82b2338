#include "partnerqi/analysis/practice_matrix.hpp"

#include <sstream>

#include <support/catch.hpp>

#include "partnerqi/analysis/evaluation_loop.hpp"
#include "partnerqi/model/seed_study.hpp"

#include "mini_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
using analysis::practice_cell;
using partnerqi::test::built;
using partnerqi::test::mini_study;

namespace {
practice_cell cell(std::size_t enactments, std::size_t managers) {
    return practice_cell{enactments, managers};
}
}  // namespace

SCENARIO(
    "the study's two cases with illustrative enactments show all four categories at all three "
    "tiers") {
    GIVEN("the seed study with its illustrative enactments") {
        case_study s = seed_study_illustrated();
        WHEN("the practice x tier matrix is computed") {
            auto m = analysis::practice_matrix(s);
            THEN("there is one table per case and every check passes") {
                REQUIRE(m.cases.size() == 2);
                CHECK(analysis::check_every_tier(m.cases[0]).passed);
                CHECK(analysis::check_every_tier(m.cases[1]).passed);
                CHECK(analysis::check_every_tier(m.pooled).passed);
            }
            THEN("each case holds its 15 enactments, split by tier as the seed assigns them") {
                // Per case: top DES-vision, DES-sponsor, STR-office, EVA-lessons = 4;
                // mid (M-MID and the program manager, whose tier is assumed mid-level): DES-align,
                // STR-committees, MAN-match, MAN-role, MAN-act-on-input, EVA-feedback,
                // EVA-experience, MAN-share-power = 8; front: STR-recruitment, MAN-prepare,
                // MAN-coach = 3.
                const auto& c1 = m.cases[0];
                CHECK(c1.total.enactments == 15);
                CHECK(c1.by_tier[0] == cell(4, 1));
                CHECK(c1.by_tier[1] == cell(8, 2));
                CHECK(c1.by_tier[2] == cell(3, 1));
                // Managing at mid level: MAN-match, MAN-role, MAN-share-power (PM),
                // MAN-act-on-input (M-MID).
                CHECK(c1.at(practice_category::managing_integration, management_tier::mid_level) ==
                      cell(4, 2));
                CHECK(c1.at(practice_category::managing_integration, management_tier::top_level) ==
                      cell(0, 0));
                CHECK(c1.at(practice_category::evaluating_integration,
                            management_tier::top_level) == cell(1, 1));
            }
            THEN("the pooled table adds the two cases, and managers stay distinct people") {
                CHECK(m.pooled.total.enactments == 30);
                CHECK(m.pooled.by_tier[1] == cell(16, 4));
                CHECK(m.pooled.total.managers == 8);
            }
            THEN(
                "designing and structuring are typical change management, managing and evaluating "
                "new daily practice") {
                // Typical per case: top 3 (vision, sponsor, office), mid 2 (align, committees),
                // front 1 (recruitment). New daily: top 1, mid 6, front 2.
                const auto& g = m.cases[0].by_grouping;
                CHECK(g[0][0].enactments == 3);
                CHECK(g[0][1].enactments == 2);
                CHECK(g[0][2].enactments == 1);
                CHECK(g[1][0].enactments == 1);
                CHECK(g[1][1].enactments == 6);
                CHECK(g[1][2].enactments == 2);
                CHECK(analysis::grouping_of(practice_category::structuring) ==
                      analysis::practice_grouping::typical_change_management);
                CHECK(analysis::grouping_of(practice_category::evaluating_integration) ==
                      analysis::practice_grouping::new_daily_practice);
            }
        }
    }
}

SCENARIO(
    "when front-line managers performed no practice, the every-tier check fails and names the "
    "front-line tier") {
    GIVEN(
        "top-level and mid-level managers who enact all four categories, and an idle front-line "
        "manager") {
        builder b = mini_study();
        b.manager("TOP", management_tier::top_level).of("ORG");
        b.manager("MID", management_tier::mid_level).of("ORG");
        b.manager("FRONT", management_tier::front_line).of("ORG");
        b.practice("DES", practice_category::designing);
        b.practice("STR", practice_category::structuring);
        b.practice("MAN", practice_category::managing_integration);
        b.practice("EVA", practice_category::evaluating_integration);
        b.enactment("DES", "TOP").on("2020-02-01");
        b.enactment("STR", "TOP").on("2020-03-01");
        b.enactment("MAN", "MID").on("2020-04-01");
        b.enactment("EVA", "MID").on("2020-05-01");
        built m{b.build()};
        WHEN("the check runs on the pooled table") {
            auto check = analysis::check_every_tier(analysis::practice_matrix(m.s).pooled);
            THEN("it fails, names the front-line tier and no category") {
                CHECK_FALSE(check.passed);
                REQUIRE(check.missing_tiers.size() == 1);
                CHECK(check.missing_tiers[0] == management_tier::front_line);
                CHECK(check.missing_categories.empty());
                CHECK(check.message.find("front-line") != std::string::npos);
            }
        }
        WHEN("a front-line manager then evaluates once") {
            b.enactment("EVA", "FRONT").on("2020-06-01");
            m = built{b.build()};
            THEN("the check passes") {
                CHECK(analysis::check_every_tier(analysis::practice_matrix(m.s).pooled).passed);
            }
        }
    }
}

SCENARIO(
    "when no manager evaluated integration, the check fails and names the evaluating category") {
    builder b = mini_study();
    b.manager("TOP", management_tier::top_level).of("ORG");
    b.manager("MID", management_tier::mid_level).of("ORG");
    b.manager("FRONT", management_tier::front_line).of("ORG");
    b.practice("DES", practice_category::designing);
    b.practice("STR", practice_category::structuring);
    b.practice("MAN", practice_category::managing_integration);
    b.enactment("DES", "TOP").on("2020-02-01");
    b.enactment("STR", "MID").on("2020-03-01");
    b.enactment("MAN", "FRONT").on("2020-04-01");
    const built m{b.build()};
    auto check = analysis::check_every_tier(analysis::practice_matrix(m.s).pooled);
    CHECK_FALSE(check.passed);
    CHECK(check.missing_tiers.empty());
    REQUIRE(check.missing_categories.size() == 1);
    CHECK(check.missing_categories[0] == practice_category::evaluating_integration);
    CHECK(check.message.find("evaluating-integration") != std::string::npos);
}

SCENARIO("a manager who appears in two cells is counted once in the margins") {
    builder b = mini_study();
    b.manager("MID", management_tier::mid_level).of("ORG");
    b.practice("MAN-a", practice_category::managing_integration);
    b.practice("MAN-b", practice_category::managing_integration);
    b.practice("EVA", practice_category::evaluating_integration);
    b.enactment("MAN-a", "MID").on("2020-02-01");
    b.enactment("MAN-b", "MID").on("2020-03-01");
    b.enactment("EVA", "MID").on("2020-04-01");
    const built m{b.build()};
    auto t = analysis::practice_matrix(m.s).pooled;
    // Two managing enactments by one manager; one evaluating; the mid-level margin has 3 by 1.
    CHECK(t.at(practice_category::managing_integration, management_tier::mid_level) == cell(2, 1));
    CHECK(t.by_tier[1] == cell(3, 1));
    CHECK(t.by_grouping[1][1] == cell(3, 1));
    CHECK(t.total == cell(3, 1));
}

SCENARIO("sub-practice rows appear only on demand and sum to their category") {
    builder b = mini_study();
    b.manager("MID", management_tier::mid_level).of("ORG");
    b.manager("FRONT", management_tier::front_line).of("ORG");
    b.practice("MAN-prepare", practice_category::managing_integration);
    b.practice("MAN-coach", practice_category::managing_integration);
    b.enactment("MAN-prepare", "MID").on("2020-02-01");
    b.enactment("MAN-prepare", "FRONT").on("2020-02-02");
    b.enactment("MAN-coach", "FRONT").on("2020-03-01");
    const built m{b.build()};
    CHECK(analysis::practice_matrix(m.s).pooled.sub_practices.empty());
    analysis::practice_matrix_options o;
    o.sub_practices = true;
    auto t = analysis::practice_matrix(m.s, {}, o).pooled;
    REQUIRE(t.sub_practices.size() == 2);
    CHECK(t.sub_practices[0].code == "MAN-prepare");
    CHECK(t.sub_practices[0].total == cell(2, 2));
    CHECK(t.sub_practices[1].by_tier[2] == cell(1, 1));
    // Category margin: 3 enactments by 2 managers.
    CHECK(t.by_category[2] == cell(3, 2));
}

SCENARIO("a wave or a case narrows what the matrix counts") {
    GIVEN("two organizations in two cases and an enactment in each year") {
        builder b = mini_study();
        b.organization("OTHER").name("OTHER organization");
        b.manager("MID", management_tier::mid_level).of("ORG");
        b.manager("MID2", management_tier::mid_level).of("OTHER");
        b.practice("DES", practice_category::designing);
        b.enactment("DES", "MID").on("2020-02-01");
        b.enactment("DES", "MID").on("2021-02-01");
        b.enactment("DES", "MID2").on("2021-03-01").of("OTHER");
        b.study_case("case-1").of("ORG");
        b.study_case("case-2").of("OTHER");
        b.wave("W2021", "2021-01-01", "2021-12-31");
        const built m{b.build()};
        const auto c1 = m.s.require<study_case>("case-1"), c2 = m.s.require<study_case>("case-2");
        const auto w2021 = m.s.require<wave>("W2021");
        THEN("per case tables split the pooled one") {
            auto r = analysis::practice_matrix(m.s);
            REQUIRE(r.cases.size() == 2);
            CHECK(r.cases[0].total.enactments == 2);
            CHECK(r.cases[1].total.enactments == 1);
            CHECK(r.pooled.total.enactments == 3);
        }
        THEN("the 2021 wave drops the 2020 enactment") {
            analysis::filter f;
            f.wave = w2021;
            CHECK(analysis::practice_matrix(m.s, f).pooled.total.enactments == 2);
        }
        THEN("choosing case-2 keeps only the other organization") {
            analysis::filter f;
            f.study_case = c2;
            auto r = analysis::practice_matrix(m.s, f);
            REQUIRE(r.cases.size() == 1);
            CHECK(r.pooled.total == cell(1, 1));
            (void)c1;
        }
        THEN("an unknown wave is refused") {
            analysis::filter f;
            f.wave = wave_id{99};
            CHECK_THROWS_AS(analysis::practice_matrix(m.s, f), invalid_request_error);
        }
        THEN("a window outside the study window is refused") {
            analysis::filter f;
            f.window = date_window::years(2030, 2031);
            CHECK_THROWS_AS(analysis::practice_matrix(m.s, f), invalid_request_error);
        }
    }
}

SCENARIO("the matrix prints as a table and exports as CSV") {
    auto r = analysis::practice_matrix(seed_study_illustrated());
    std::string text = analysis::to_text(r);
    CHECK(text.find("managing-integration") != std::string::npos);
    CHECK(text.find("typical-change-management") != std::string::npos);
    std::ostringstream csv;
    analysis::write_csv(csv, r);
    std::string out = csv.str();
    CHECK(out.rfind("table,category,grouping,tier,practice,enactments,managers\r\n", 0) == 0);
    // case-1, managing integration at mid level: 4 enactments by 2 managers (see above).
    CHECK(out.find("case-1,managing-integration,new-daily-practice,mid-level,,4,2\r\n") !=
          std::string::npos);
    CHECK(out.find("pooled,all,all,all,,30,8\r\n") != std::string::npos);
}

SCENARIO("with no enactment recorded the every-tier finding is not assessable, not refuted") {
    GIVEN("the study's reported facts, which record no practice enactment") {
        const model::case_study s = model::seed_study_reported();
        const auto report = analysis::practice_matrix(s);
        THEN("the pooled check and each case's check say not assessable") {
            for (const auto& table : report.cases) {
                const auto check = analysis::check_every_tier(table);
                CHECK(check.state == analysis::assessment::not_assessable);
                CHECK(check.missing_tiers.empty());
            }
            const auto pooled = analysis::check_every_tier(report.pooled);
            CHECK(pooled.state == analysis::assessment::not_assessable);
            CHECK_FALSE(pooled.passed);
            CHECK(pooled.message.find("not assessable: no practice enactment recorded") !=
                  std::string::npos);
        }
        THEN("no text says the finding does not hold") {
            CHECK(analysis::to_text(report).find("does not hold") == std::string::npos);
        }
        THEN("the evaluation loop is not assessable either, naming what is missing") {
            const auto loop = analysis::evaluation_loop(s);
            CHECK(loop.state == analysis::assessment::not_assessable);
            CHECK(loop.state_detail.find("no evaluation recorded in 2015-01-01/2017-12-31") !=
                  std::string::npos);
        }
    }
    GIVEN("the illustrative cases, where every tier enacts practices") {
        const auto report = analysis::practice_matrix(model::seed_study_illustrated());
        THEN("the pooled check holds and is not flagged") {
            const auto pooled = analysis::check_every_tier(report.pooled);
            CHECK(pooled.state == analysis::assessment::not_flagged);
            CHECK(pooled.passed);
        }
    }
}
