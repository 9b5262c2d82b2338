#include "partnerqi/analysis/network_summary.hpp"

#include <sstream>

#include <support/catch.hpp>

#include "partnerqi/analysis/tokenism_audit.hpp"
#include "partnerqi/model/seed_study.hpp"
#include "partnerqi/network/measures.hpp"

#include "mini_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
using analysis::indicator;
using partnerqi::test::built;
using partnerqi::test::d;
using partnerqi::test::mini_study;

SCENARIO("an advisor with no directed path to a top-level or mid-level manager is flagged") {
    GIVEN(
        "A1 who only speaks to a front-line manager, A2 whose voice reaches MID through a "
        "provider, A3 only spoken to") {
        builder b = mini_study();
        b.manager("MID", management_tier::mid_level).of("ORG");
        b.manager("FRONT", management_tier::front_line).of("ORG");
        b.provider("DOC").of("ORG");
        for (const char* code : {"A1", "A2", "A3"})
            b.advisor(code).of("ORG");
        b.team("T")
            .of("ORG")
            .name("T")
            .member("MID")
            .member("FRONT")
            .member("DOC")
            .member("A1")
            .member("A2")
            .member("A3");
        b.engagement("A1", "FRONT")
            .kind(engagement_kind::gives_feedback_to)
            .level(engagement_level::collaboration)
            .on("2020-02-01");
        b.engagement("A2", "DOC")
            .kind(engagement_kind::gives_feedback_to)
            .level(engagement_level::collaboration)
            .on("2020-02-01");
        b.engagement("DOC", "MID")
            .kind(engagement_kind::reports_to)
            .level(engagement_level::information)
            .on("2020-03-01");
        b.engagement("MID", "A3")
            .kind(engagement_kind::informs)
            .level(engagement_level::information)
            .on("2020-03-01");
        const built m{b.build()};
        const auto a1 = m.person("A1"), a2 = m.person("A2"), a3 = m.person("A3");
        auto r = analysis::tokenism_audit(m.s);
        THEN("the indicator was assessed for every advisor, each having engagements") {
            for (auto a : {a1, a2, a3})
                CHECK(r.find(a)->state(indicator::no_path_to_decision_maker) !=
                      analysis::assessment::not_assessable);
        }
        THEN("A1 is flagged: a front-line manager is not a decision-maker by default") {
            CHECK(r.find(a1)->fired(indicator::no_path_to_decision_maker));
        }
        THEN("A2 is not flagged: A2 -> DOC -> MID") {
            CHECK_FALSE(r.find(a2)->fired(indicator::no_path_to_decision_maker));
        }
        THEN("A3 is flagged: a tie from a manager does not carry the advisor's voice up") {
            CHECK(r.find(a3)->fired(indicator::no_path_to_decision_maker));
        }
        THEN("counting front-line managers as decision-makers clears A1") {
            analysis::audit_options o;
            o.decision_maker_tiers.push_back(management_tier::front_line);
            CHECK_FALSE(analysis::tokenism_audit(m.s, {}, o)
                            .find(a1)
                            ->fired(indicator::no_path_to_decision_maker));
        }
        THEN("a window before the ties were made flags A2 too") {
            analysis::filter f;
            f.window = date_window(d("2020-01-01"), d("2020-02-15"));  // DOC -> MID comes later
            CHECK(analysis::tokenism_audit(m.s, f).find(a2)->fired(
                indicator::no_path_to_decision_maker));
        }
    }
}

SCENARIO("in the study's illustrative cases every advisor's voice reaches a decision-maker") {
    auto s = seed_study_illustrated();
    auto r = analysis::tokenism_audit(s);
    REQUIRE(r.advisors.size() == 4);
    for (const auto& a : r.advisors)
        CHECK(a.state(indicator::no_path_to_decision_maker) == analysis::assessment::not_flagged);
    THEN("the reach to top-level managers agrees with the network layer's advisor paths") {
        network::engagement_graph g(s);
        auto top = network::breadth_first_reach(
            g, network::managers_of({management_tier::top_level}), network::tie_direction::against);
        for (const auto& reach : network::advisor_paths(g))
            CHECK(top.reached(*g.vertex_of(reach.advisor)) == reach.to_top_level.has_value());
    }
}

SCENARIO("the network summary of the study's illustrative cases") {
    auto s = seed_study_illustrated();
    // Per case the seed records 16 engagements between 15 distinct ordered pairs (the program
    // manager co-designs with PA1 twice); the case's organization has 13 people: 9 team members,
    // 3 managers added for illustration and a partnership coordinator.
    analysis::filter f;
    f.study_case = s.require<study_case>("case-1");
    auto n = analysis::network_summary_of(s, f);
    CHECK(n.people == 13);
    CHECK(n.ties == 15);
    CHECK(n.events == 16);
    // Density 15 / (13 x 12) = 0.0962; reciprocated: PM <-> PA1 and PM <-> PA2, 4 of 15 ties.
    CHECK(n.density == Approx(15.0 / 156.0));
    REQUIRE(n.reciprocity);
    CHECK(*n.reciprocity == Approx(4.0 / 15.0));
    CHECK(n.advisors == 2);
    // PA -> PM (mid-level) -> M-MID -> M-TOP: both advisors reach a top-level manager.
    CHECK(n.advisors_reaching_top_level == 2);
    CHECK(n.advisors_reaching_decision_makers == 2);
    CHECK(n.betweenness_exact);
    CHECK_FALSE(n.most_between.empty());
    std::ostringstream csv;
    analysis::write_csv(csv, n);
    CHECK(csv.str().find("ties,15\r\n") != std::string::npos);
}
