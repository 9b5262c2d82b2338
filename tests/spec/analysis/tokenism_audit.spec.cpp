#include "partnerqi/analysis/tokenism_audit.hpp"

#include <sstream>

#include <support/catch.hpp>

#include "partnerqi/model/seed_study.hpp"

#include "mini_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
using analysis::indicator;
using partnerqi::test::built;
using partnerqi::test::mini_study;

namespace {

// ORG has managers TOP, MID, FRONT and a provider DOC; team T-PAIR has advisors A1 and A2,
// team T-LONE has advisor B1 only.
struct audit_fixture {
    builder lines = mini_study();
    built m;
    person_id top, mid, front, doc, a1, a2, b1;
    team_id pair, lone;
    audit_fixture() {
        lines.manager("TOP", management_tier::top_level).of("ORG");
        lines.manager("MID", management_tier::mid_level).of("ORG");
        lines.manager("FRONT", management_tier::front_line).of("ORG");
        lines.provider("DOC").of("ORG");
        for (const char* code : {"A1", "A2", "B1"})
            lines.advisor(code).of("ORG");
        lines.team("T-PAIR")
            .of("ORG")
            .name("T-PAIR")
            .member("MID")
            .member("DOC")
            .member("A1")
            .member("A2");
        lines.team("T-LONE").of("ORG").name("T-LONE").member("FRONT").member("DOC").member("B1");
        build();
    }
    // Builds the case study from the lines written so far and looks up the ids above.
    void build() {
        m = built{lines.build()};
        top = m.person("TOP");
        mid = m.person("MID");
        front = m.person("FRONT");
        doc = m.person("DOC");
        a1 = m.person("A1");
        a2 = m.person("A2");
        b1 = m.person("B1");
        pair = m.s.require<qi_team>("T-PAIR");
        lone = m.s.require<qi_team>("T-LONE");
    }
    analysis::tokenism_audit_report run(const analysis::filter& f = {},
                                        const analysis::audit_options& o = {}) const {
        return analysis::tokenism_audit(m.s, f, o);
    }
};

}  // namespace

SCENARIO("a team with a lone patient advisor is flagged") {
    GIVEN("a team with two advisors and a team with one") {
        audit_fixture f;
        auto r = f.run();
        THEN("the one-advisor team is flagged, with the team and its advisor as records") {
            const auto* lone = r.find(f.lone);
            REQUIRE(lone);
            CHECK(lone->advisors == 1);
            REQUIRE(lone->fired(indicator::lone_advisor));
            const auto& hit = lone->hits.front();
            CHECK(hit.id == indicator::lone_advisor);
            CHECK(hit.threshold == "fewer than 2 advisors");
            REQUIRE(hit.records.size() == 2);
            CHECK(hit.records[0].kind == analysis::record_kind::team);
            CHECK(hit.records[1].label == "B1");
        }
        THEN("the two-advisor team is not") {
            CHECK_FALSE(r.find(f.pair)->fired(indicator::lone_advisor));
        }
        THEN("a threshold of three flags both teams") {
            analysis::audit_options o;
            o.min_advisors_per_team = 3;
            auto r3 = f.run({}, o);
            CHECK(r3.find(f.pair)->fired(indicator::lone_advisor));
            CHECK(r3.find(f.lone)->fired(indicator::lone_advisor));
        }
    }
}

SCENARIO("neither team of the study's two cases is flagged as lone-advisor") {
    for (const case_study& s : {seed_study_reported(), seed_study_illustrated()}) {
        auto r = analysis::tokenism_audit(s);
        REQUIRE(r.teams.size() == 2);
        for (const auto& t : r.teams) {
            CHECK(t.advisors == 2);
            CHECK_FALSE(t.fired(indicator::lone_advisor));
        }
    }
}

SCENARIO("an advisor whose only ties are information-level is flagged") {
    GIVEN("A1 only informed, A2 co-designing at collaboration level") {
        audit_fixture f;
        f.lines.engagement("MID", "A1")
            .kind(engagement_kind::informs)
            .level(engagement_level::information)
            .on("2020-03-01");
        f.lines.engagement("A1", "MID")
            .kind(engagement_kind::gives_feedback_to)
            .level(engagement_level::information)
            .on("2020-04-01");
        f.lines.engagement("MID", "A2")
            .kind(engagement_kind::co_designs_with)
            .level(engagement_level::collaboration)
            .on("2020-03-01");
        f.build();
        const auto e1 = f.m.s.all<engagement>()[0].id, e2 = f.m.s.all<engagement>()[1].id;
        auto r = f.run();
        THEN("A1 is flagged with both engagements as records") {
            const auto* a1 = r.find(f.a1);
            REQUIRE(a1);
            REQUIRE(a1->fired(indicator::never_above_consultation));
            const auto& hit = *std::find_if(a1->hits.begin(), a1->hits.end(), [](const auto& h) {
                return h.id == indicator::never_above_consultation;
            });
            REQUIRE(hit.records.size() == 2);
            CHECK(hit.records[0].id == e1.value);
            CHECK(hit.records[1].id == e2.value);
            CHECK(hit.records[0].kind == analysis::record_kind::engagement);
        }
        THEN("A2 is not flagged") {
            CHECK_FALSE(r.find(f.a2)->fired(indicator::never_above_consultation));
        }
        THEN("an advisor with no engagement at all is flagged too") {
            CHECK(r.find(f.b1)->fired(indicator::never_above_consultation));
        }
    }
}

SCENARIO("an advisor no manager prepared, coached or supported is flagged") {
    GIVEN(
        "A1 prepared by a manager, A2 supported only by a provider, B1 coached through a managing "
        "practice") {
        audit_fixture f;
        f.lines.engagement("FRONT", "A1")
            .kind(engagement_kind::prepares)
            .level(engagement_level::consultation)
            .on("2020-02-01");
        f.lines.engagement("DOC", "A2")
            .kind(engagement_kind::supports)
            .level(engagement_level::collaboration)
            .on("2020-02-01");
        f.lines.practice("MAN-coach", practice_category::managing_integration);
        f.lines.enactment("MAN-coach", "FRONT").on("2020-02-02").team("T-LONE").target("B1");
        f.build();
        auto r = f.run();
        THEN("A2 is flagged because the provider is not a manager") {
            CHECK(r.find(f.a2)->fired(indicator::not_prepared_or_supported));
        }
        THEN("A1 and B1 are not flagged") {
            CHECK_FALSE(r.find(f.a1)->fired(indicator::not_prepared_or_supported));
            CHECK_FALSE(r.find(f.b1)->fired(indicator::not_prepared_or_supported));
        }
        THEN("a designing practice aimed at A2 does not count as preparing them") {
            f.lines.practice("DES", practice_category::designing);
            f.lines.enactment("DES", "TOP").on("2020-03-01").target("A2");
            f.build();
            CHECK(f.run().find(f.a2)->fired(indicator::not_prepared_or_supported));
        }
    }
}

SCENARIO("a team with no evaluating practice in the window is flagged") {
    GIVEN("an evaluation of T-PAIR in 2020 and none of T-LONE") {
        audit_fixture f;
        f.lines.practice("EVA", practice_category::evaluating_integration);
        f.lines.enactment("EVA", "MID").on("2020-06-01").team("T-PAIR");
        f.lines.wave("W2021", "2021-01-01", "2021-12-31");
        f.build();
        const auto w2021 = f.m.s.require<wave>("W2021");
        auto r = f.run();
        THEN("T-LONE is flagged and T-PAIR is not") {
            CHECK(r.find(f.lone)->fired(indicator::no_evaluation_on_team));
            CHECK_FALSE(r.find(f.pair)->fired(indicator::no_evaluation_on_team));
        }
        THEN("in the 2021 wave T-PAIR is flagged too") {
            analysis::filter w;
            w.wave = w2021;
            CHECK(f.run(w).find(f.pair)->fired(indicator::no_evaluation_on_team));
        }
    }
}

SCENARIO(
    "an advisor whose input reached no QI activity at collaboration level or above is flagged") {
    GIVEN(
        "A1 in an activity that reached collaboration, A2 in one that stopped at consultation, B1 "
        "feeding an activity at partnership") {
        audit_fixture f;
        f.lines.activity("ACT-COLLAB")
            .of("ORG")
            .team("T-PAIR")
            .title("ACT-COLLAB")
            .advisor("A1")
            .level_reached(engagement_level::collaboration);
        f.lines.activity("ACT-LOW")
            .of("ORG")
            .team("T-PAIR")
            .title("ACT-LOW")
            .advisor("A2")
            .level_reached(engagement_level::consultation);
        f.lines.activity("ACT-NONE").of("ORG").team("T-LONE").title("ACT-NONE");
        f.lines.engagement("B1", "FRONT")
            .kind(engagement_kind::gives_feedback_to)
            .level(engagement_level::partnership)
            .on("2020-05-01")
            .activity("ACT-NONE");
        f.build();
        const auto low = f.m.s.require<qi_activity>("ACT-LOW");
        auto r = f.run();
        THEN("A2 is flagged with the activity as record") {
            const auto* a2 = r.find(f.a2);
            REQUIRE(a2->fired(indicator::input_without_impact));
            const auto& hit = *std::find_if(a2->hits.begin(), a2->hits.end(), [](const auto& h) {
                return h.id == indicator::input_without_impact;
            });
            REQUIRE(hit.records.size() == 1);
            CHECK(hit.records[0].kind == analysis::record_kind::activity);
            CHECK(hit.records[0].id == low.value);
        }
        THEN("A1 and B1 are not flagged") {
            CHECK_FALSE(r.find(f.a1)->fired(indicator::input_without_impact));
            CHECK_FALSE(r.find(f.b1)->fired(indicator::input_without_impact));
        }
        THEN("raising the impact level to partnership flags A1") {
            analysis::audit_options o;
            o.impact_level = engagement_level::partnership;
            CHECK(f.run({}, o).find(f.a1)->fired(indicator::input_without_impact));
        }
    }
}

SCENARIO("the same few advisors on most teams are flagged as a concentration") {
    GIVEN("three teams that all seat the same two advisors") {
        builder b = mini_study();
        b.advisor("A").of("ORG");
        b.advisor("B").of("ORG");
        for (const char* team : {"T1", "T2", "T3"})
            b.team(team).of("ORG").name(team).member("A").member("B");
        const built m{b.build()};
        auto r = analysis::tokenism_audit(m.s);
        THEN("the top two advisors hold all six seats, above the 50% threshold") {
            REQUIRE(r.study_hits.size() == 1);
            CHECK(r.study_hits[0].id == indicator::concentrated_advisors);
            CHECK(r.study_hits[0].detail.find("6 of 6 seats (100%)") != std::string::npos);
            CHECK(r.study_hits[0].records.size() == 2);
        }
    }
    GIVEN("three teams with two different advisors each") {
        builder b = mini_study();
        for (int t = 1; t <= 3; ++t) {
            const std::string n = std::to_string(t);
            b.advisor("A" + n).of("ORG");
            b.advisor("B" + n).of("ORG");
            b.team("T" + n).of("ORG").name("T" + n).member("A" + n).member("B" + n);
        }
        const built m{b.build()};
        THEN("the top two hold 2 of 6 seats and nothing fires") {
            CHECK(analysis::tokenism_audit(m.s).study_hits.empty());
        }
    }
    GIVEN("a single team") {
        builder b = mini_study();
        b.advisor("A").of("ORG");
        b.advisor("B").of("ORG");
        b.team("T1").of("ORG").name("T1").member("A").member("B");
        const built m{b.build()};
        THEN("one team says nothing about concentration") {
            CHECK(analysis::tokenism_audit(m.s).study_hits.empty());
        }
    }
}

SCENARIO("scores add the weights of the indicators that fired") {
    audit_fixture f;
    analysis::audit_options o;
    o.weights[static_cast<std::size_t>(indicator::lone_advisor)] = 3;
    o.enabled[static_cast<std::size_t>(indicator::no_path_to_decision_maker)] = false;
    auto r = f.run({}, o);
    // B1 has no engagement, no preparation, no activity: 3 advisor indicators of weight 1.
    const auto* b1 = r.find(f.b1);
    CHECK(b1->score == Approx(3.0));
    // T-LONE: lone-advisor (3) + no-evaluation (1) + its advisor B1 (3) = 7.
    CHECK(r.find(f.lone)->score == Approx(7.0));
    auto s = analysis::summarize(r);
    CHECK(s.advisors == 3);
    CHECK(s.flagged_teams == 2);
    CHECK(s.fired[static_cast<std::size_t>(indicator::lone_advisor)] == 1);
}

SCENARIO("a disabled indicator never fires") {
    audit_fixture f;
    analysis::audit_options o;
    o.enabled[static_cast<std::size_t>(indicator::lone_advisor)] = false;
    CHECK_FALSE(f.run({}, o).find(f.lone)->fired(indicator::lone_advisor));
}

SCENARIO("the audit says its indicators are heuristics, not findings of the study") {
    audit_fixture f;
    auto r = f.run();
    std::string text = analysis::to_text(r);
    CHECK(text.find("not findings of the seed study") != std::string::npos);
    CHECK(text.find("lone-advisor") != std::string::npos);
    for (const auto& d : analysis::indicator_definitions()) {
        CHECK_FALSE(d.rationale.empty());
        CHECK_FALSE(d.source.empty());
    }
    std::ostringstream csv;
    analysis::write_csv(csv, r);
    CHECK(csv.str().find("team,T-LONE,lone-advisor,1.00,fewer than 2 advisors,1 advisor: "
                         "B1,team:T-LONE; person:B1\r\n") != std::string::npos);
}

SCENARIO("nonsensical audit options are refused") {
    audit_fixture f;
    analysis::audit_options o;
    o.concentration_top_k = 0;
    CHECK_THROWS_AS(f.run({}, o), invalid_request_error);
    o.concentration_top_k = 2;
    o.concentration_share = 1.5;
    CHECK_THROWS_AS(f.run({}, o), invalid_request_error);
}
