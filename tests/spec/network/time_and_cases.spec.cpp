// The network over waves of data collection, and side by side across organizations.
#include <algorithm>

#include <support/catch.hpp>

#include <partnerqi/network.hpp>

#include "network_fixtures.hpp"

using namespace partnerqi;
using network::graph_filter;

namespace {
std::vector<std::string> codes(const model::case_study& s,
                               const std::vector<model::person_id>& ids) {
    std::vector<std::string> out;
    for (auto id : ids)
        out.push_back(s.code_of(id));
    return out;
}
}  // namespace

SCENARIO("the illustrated seed study has one network snapshot per wave", "[network][time][seed]") {
    auto study = model::seed_study_illustrated();
    auto snaps = network::snapshots_by_wave(study);
    REQUIRE(snaps.size() == 3);
    CHECK(snaps[0].wave_code == "W1");
    CHECK(snaps[2].wave_code == "W3");
    THEN(
        "2015 holds the 8 recruiting and preparing engagements, 2016 the 18 of co-design and "
        "reporting, 2017 the last 6") {
        CHECK(snaps[0].graph.num_events() == 8);
        CHECK(snaps[1].graph.num_events() == 18);
        CHECK(snaps[2].graph.num_events() == 6);
    }
    THEN("in 2015 advisors only receive ties, so no advisor's voice reaches a manager yet") {
        CHECK(snaps[0].measures.advisors_reaching_a_manager() == 0);
        CHECK(snaps[1].measures.advisors_reaching_a_manager() == 4);
    }
}

SCENARIO("what changed between two waves lists people and ties that appeared or disappeared",
         "[network][time][seed]") {
    auto study = model::seed_study_illustrated();
    auto w1 = study.require<model::wave>("W1");
    auto w2 = study.require<model::wave>("W2");
    auto change = network::changes_between(study, w1, w2);
    // Per case, 2015: coordinator -> PA1, PA2; front-line -> PA1, PA2.
    // 2016: PM -> PA1, PA2; chief -> PA1; PA1, PA2 -> PM; PM -> mid; mid -> top; front -> PM; PA1
    // -> PA2.
    THEN("9 ties per case appeared and the 4 of 2015 disappeared") {
        CHECK(change.ties_appeared.size() == 18);
        CHECK(change.ties_disappeared.size() == 8);
    }
    THEN(
        "the program manager, the chief, the mid-level and top-level managers became active, the "
        "coordinators fell silent") {
        CHECK(codes(study, change.people_appeared) ==
              std::vector<std::string>{"C1-M-MID", "C1-M-TOP", "C1-PM", "C1-PSY-CHIEF", "C2-M-MID",
                                       "C2-M-TOP", "C2-PM", "C2-RAD-CHIEF"});
        CHECK(codes(study, change.people_disappeared) ==
              std::vector<std::string>{"C1-COORD", "C2-COORD"});
    }
    THEN(
        "the program manager's in-degree rose from 0 to 3 (two advisors and the front-line "
        "manager)") {
        auto pm = study.require<model::person>("C1-PM");
        auto it = std::find_if(change.deltas.begin(), change.deltas.end(),
                               [pm](const network::person_delta& d) { return d.person == pm; });
        REQUIRE(it != change.deltas.end());
        CHECK(it->in_degree == 3);
        CHECK(it->out_degree == 3);  // PA1, PA2, mid-level manager
    }
    THEN("a base filter with its own window is refused") {
        graph_filter f;
        f.window = model::date_window::years(2016, 2016);
        CHECK_THROWS_AS(network::snapshots_by_wave(study, f), invalid_request_error);
        CHECK_THROWS_AS(network::snapshot(study, model::wave_id{99}), invalid_request_error);
    }
}

SCENARIO("the two cases of the illustrated seed study are compared side by side",
         "[network][cases][seed]") {
    auto study = model::seed_study_illustrated();
    auto cmp = network::compare_cases(study);
    REQUIRE(cmp.organizations.size() == 2);
    CHECK(cmp.organizations[0].code == "HCO-1");
    CHECK(cmp.organizations[1].code == "HCO-2");
    for (const auto& o : cmp.organizations) {
        INFO(o.code);
        // Each case: 16 engagements in 15 ordered pairs; two advisors, both reaching the top.
        CHECK(o.summary.events == 16);
        CHECK(o.summary.ties == 15);
        CHECK(o.summary.advisors == 2);
        CHECK(o.summary.advisors_reaching_top_level == 2);
        CHECK(o.summary.brokers == 0);
    }
    THEN(
        "the same 15 ties spread over 13 people in case 1 and 11 in case 2 give different "
        "densities") {
        // Case 1: a QI team of 9 plus 4 illustrative people (three managers, a coordinator);
        // case 2: 7 plus 4. Density = 15 / (n (n - 1)).
        CHECK(cmp.organizations[0].summary.people == 13);
        CHECK(cmp.organizations[1].summary.people == 11);
        CHECK(cmp.organizations[0].summary.density == Approx(15.0 / (13 * 12)));
        CHECK(cmp.organizations[1].summary.density == Approx(15.0 / (11 * 10)));
    }
    THEN("fewer than two organizations, or a repeated one, is refused") {
        auto hco1 = study.require<model::organization>("HCO-1");
        CHECK_THROWS_AS(network::compare_organizations(study, {hco1}), invalid_request_error);
        CHECK_THROWS_AS(network::compare_organizations(study, {hco1, hco1}), invalid_request_error);
        CHECK_THROWS_AS(network::compare_organizations(study, {hco1, model::organization_id{404}}),
                        invalid_request_error);
    }
}
