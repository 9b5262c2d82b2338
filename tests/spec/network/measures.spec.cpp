// Network measures on small hand-worked networks, and against NetworkX and Boost.
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/range/iterator_range.hpp>

#include <support/catch.hpp>

#include <partnerqi/model/synthetic.hpp>
#include <partnerqi/network/measures.hpp>
#include <partnerqi/network/reach.hpp>

#include "network_fixtures.hpp"

using namespace partnerqi;
using model::management_tier;
using model::person_id;
using model::person_role;
using network::engagement_graph;
using network_fixtures::built;
using network_fixtures::close_to;
using network_fixtures::consults;
using network_fixtures::illustrative_study;

SCENARIO("in a reciprocated star the hub brokers every pair of leaves", "[network][measures]") {
    GIVEN("a coordinator who engages four advisors, each of whom gives feedback back") {
        model::builder lines = illustrative_study();
        lines.person("COORD", person_role::partnership_coordinator).of("HCO-T");
        for (const char* c : {"PA-1", "PA-2", "PA-3", "PA-4"}) {
            lines.advisor(c).of("HCO-T");
            consults(lines, "COORD", c);
            consults(lines, c, "COORD");
        }
        const built b{lines.build()};
        const auto hub = b.person("COORD");
        std::vector<person_id> leaves;
        for (const char* c : {"PA-1", "PA-2", "PA-3", "PA-4"})
            leaves.push_back(b.person(c));
        engagement_graph g(b.study);
        THEN("the hub has 4 ties in and 4 out, each leaf 1 and 1") {
            auto d = network::degrees(g);
            CHECK(d.in.at(hub) == 4);
            CHECK(d.out.at(hub) == 4);
            CHECK(d.in.at(leaves[0]) == 1);
            CHECK(d.weighted_out.at(leaves[2]) == 1);
        }
        THEN("the hub's betweenness is 12, the 4*3 ordered pairs of leaves, and 1 normalized") {
            // n = 5: normalized = 12 / ((5-1)(5-2)) = 1.
            auto bc = network::betweenness(g);
            CHECK(bc.raw.at(hub) == Approx(12.0));
            CHECK(bc.normalized.at(hub) == Approx(1.0));
            CHECK(bc.raw.at(leaves[1]) == Approx(0.0));
        }
        THEN("closeness is 1 for the hub and 4/7 for a leaf") {
            // Hub: the 4 leaves reach it in 1 step: r = 5, sum = 4: (4/4)*(4/4) = 1.
            // Leaf: the hub at 1, three leaves at 2: sum = 7: (4/7)*(4/4).
            auto c = network::closeness(g);
            CHECK(c.at(hub) == Approx(1.0));
            CHECK(c.at(leaves[3]) == Approx(4.0 / 7.0));
        }
        THEN("density is 8/(5*4) = 0.4 and every tie is reciprocated") {
            CHECK(network::density(g) == Approx(0.4));
            REQUIRE(network::reciprocity(g).has_value());
            CHECK(*network::reciprocity(g) == Approx(1.0));
        }
        THEN("the coordinator to advisor ties fill the role matrix") {
            auto m = network::tie_matrix(g);
            auto coord = static_cast<std::size_t>(person_role::partnership_coordinator);
            auto pa = static_cast<std::size_t>(person_role::patient_advisor);
            CHECK(m.role_ties[coord][pa] == 4);
            CHECK(m.role_ties[pa][coord] == 4);
            CHECK(m.role_ties[pa][pa] == 0);
        }
    }
}

SCENARIO("an advisor's voice reaches a top-level manager through a chain", "[network][measures]") {
    GIVEN("advisor -> provider -> mid-level manager -> top-level manager") {
        model::builder lines = illustrative_study();
        lines.advisor("A-PA").of("HCO-T");
        lines.provider("B-PROV").of("HCO-T");
        lines.manager("C-MID", management_tier::mid_level).of("HCO-T");
        lines.manager("D-TOP", management_tier::top_level).of("HCO-T");
        consults(lines, "A-PA", "B-PROV");
        consults(lines, "B-PROV", "C-MID");
        consults(lines, "C-MID", "D-TOP");
        const built b{lines.build()};
        const auto a = b.person("A-PA"), p = b.person("B-PROV"), mid = b.person("C-MID"),
                   top = b.person("D-TOP");
        engagement_graph g(b.study);
        THEN(
            "the path to the nearest manager ends at the mid-level manager, the path to the top "
            "continues") {
            auto reach = network::advisor_paths(g);
            REQUIRE(reach.size() == 1);
            CHECK(reach[0].advisor == a);
            REQUIRE(reach[0].to_any_manager.has_value());
            CHECK(*reach[0].to_any_manager == std::vector<person_id>{a, p, mid});
            REQUIRE(reach[0].to_top_level.has_value());
            CHECK(*reach[0].to_top_level == std::vector<person_id>{a, p, mid, top});
        }
        THEN("the provider is a broker for the advisor, the managers are not") {
            auto br = network::brokers(g);
            REQUIRE(br.size() == 1);
            CHECK(br[0].person == p);
            CHECK(br[0].advisors == std::vector<person_id>{a});
        }
        THEN("provider and mid-level manager each carry 2 of the paths") {
            // provider: (A, mid), (A, top); mid: (A, top), (provider, top). n = 4: 2 / (3*2).
            auto bc = network::betweenness(g);
            CHECK(bc.raw.at(p) == Approx(2.0));
            CHECK(bc.raw.at(mid) == Approx(2.0));
            CHECK(bc.normalized.at(mid) == Approx(1.0 / 3.0));
            CHECK(bc.raw.at(top) == Approx(0.0));
        }
        THEN(
            "the top-level manager is reached by all: closeness (3/6)*(3/3) = 0.5, the advisor by "
            "none: 0") {
            auto c = network::closeness(g);
            CHECK(c.at(top) == Approx(0.5));
            CHECK(c.at(a) == Approx(0.0));
        }
        THEN("the chain is one weak component of four strong ones") {
            CHECK(network::weak_components(g).count == 1);
            CHECK(network::strong_components(g).count == 4);
        }
        THEN("the manager-to-manager tie is in the tier matrix") {
            auto m = network::tie_matrix(g);
            CHECK(m.tier_ties[1][0] == 1);  // mid-level -> top-level
            CHECK(m.tier_ties[0][1] == 0);
        }
    }
}

SCENARIO("an advisor who only receives ties has no path to management", "[network][measures]") {
    model::builder lines = illustrative_study();
    lines.advisor("PA-1").of("HCO-T");
    lines.manager("M-TOP", management_tier::top_level).of("HCO-T");
    consults(lines, "M-TOP", "PA-1");
    const built b{lines.build()};
    engagement_graph g(b.study);
    auto reach = network::advisor_paths(g);
    REQUIRE(reach.size() == 1);
    CHECK_FALSE(reach[0].to_any_manager.has_value());
    CHECK_FALSE(reach[0].to_top_level.has_value());
    CHECK(network::brokers(g).empty());
}

SCENARIO("one breadth-first search answers who reaches whom, along or against the ties",
         "[network][reach]") {
    GIVEN(
        "advisor -> provider -> mid-level manager -> top-level manager, and a second advisor only "
        "spoken to") {
        model::builder lines = illustrative_study();
        lines.advisor("A-PA").of("HCO-T");
        lines.provider("B-PROV", "nurse").of("HCO-T");
        lines.manager("C-MID", management_tier::mid_level).of("HCO-T");
        lines.manager("D-TOP", management_tier::top_level).of("HCO-T");
        lines.advisor("E-PA").of("HCO-T");
        consults(lines, "A-PA", "B-PROV");
        consults(lines, "B-PROV", "C-MID");
        consults(lines, "C-MID", "D-TOP");
        consults(lines, "C-MID", "E-PA");
        const built b{lines.build()};
        const person_id a = b.person("A-PA"), p = b.person("B-PROV"), mid = b.person("C-MID"),
                        top = b.person("D-TOP"), quiet = b.person("E-PA");
        engagement_graph g(b.study);
        auto v = [&g](person_id x) { return *g.vertex_of(x); };
        WHEN("the search starts from the top-level manager and follows the ties backwards") {
            auto r =
                network::breadth_first_reach(g, network::managers_of({management_tier::top_level}),
                                             network::tie_direction::against);
            THEN("each person's steps are the fewest ties from them to the top") {
                CHECK(r.steps[v(top)] == std::optional<std::size_t>(0));
                CHECK(r.steps[v(mid)] == std::optional<std::size_t>(1));
                CHECK(r.steps[v(p)] == std::optional<std::size_t>(2));
                CHECK(r.steps[v(a)] == std::optional<std::size_t>(3));
            }
            THEN("the advisor who is only spoken to does not reach the top") {
                CHECK_FALSE(r.reached(v(quiet)));
            }
        }
        WHEN("the search starts from the advisor and follows the ties") {
            auto r = network::breadth_first_reach(
                g, [a](const network::person_vertex& x) { return x.person == a; },
                network::tie_direction::along);
            THEN(
                "the path to the top-level manager goes through the provider and the mid-level "
                "manager") {
                CHECK(r.path_to(v(top)) ==
                      std::vector<engagement_graph::vertex>{v(a), v(p), v(mid), v(top)});
            }
            THEN("the voice also reaches the advisor the mid-level manager speaks to") {
                CHECK(r.steps[v(quiet)] == std::optional<std::size_t>(3));
            }
        }
        WHEN("the decision-makers are the mid-level and top-level managers") {
            auto is_decision_maker =
                network::managers_of({management_tier::mid_level, management_tier::top_level});
            THEN("managers of those tiers qualify, the provider does not") {
                CHECK(is_decision_maker(g.person(v(mid))));
                CHECK(is_decision_maker(g.person(v(top))));
                CHECK_FALSE(is_decision_maker(g.person(v(p))));
            }
        }
    }
}

SCENARIO("brokers are the people whose removal cuts advisors off from every manager",
         "[network][measures]") {
    GIVEN("A1 -> K -> M, A2 -> A1, and A3 with its own tie to a second manager and to K") {
        // A2's only way up is A2 -> A1 -> K -> M: both A1 and K cut A2 off. A1's only way is
        // through K. A3 reaches M2 directly, so nobody cuts A3 off.
        model::builder lines = illustrative_study();
        for (const char* c : {"A1", "A2", "A3"})
            lines.advisor(c).of("HCO-T");
        lines.person("K", person_role::partnership_coordinator).of("HCO-T");
        lines.manager("M", management_tier::front_line).of("HCO-T");
        lines.manager("M2", management_tier::mid_level).of("HCO-T");
        consults(lines, "A1", "K");
        consults(lines, "K", "M");
        consults(lines, "A2", "A1");
        consults(lines, "A3", "K");
        consults(lines, "A3", "M2");
        const built b{lines.build()};
        const auto a1 = b.person("A1"), a2 = b.person("A2"), k = b.person("K");
        engagement_graph g(b.study);
        auto br = network::brokers(g);
        REQUIRE(br.size() == 2);
        CHECK(br[0].person == a1);
        CHECK(br[0].advisors == std::vector<person_id>{a2});
        CHECK(br[1].person == k);
        CHECK(br[1].advisors == std::vector<person_id>{a1, a2});
    }
}

SCENARIO("two separate groups are two weak components", "[network][measures]") {
    GIVEN("A -> B, and C and D engaging each other") {
        model::builder lines = illustrative_study();
        for (const char* code : {"A", "B", "C", "D"})
            lines.advisor(code).of("HCO-T");
        consults(lines, "A", "B");
        consults(lines, "C", "D");
        consults(lines, "D", "C");
        const built b{lines.build()};
        const auto a = b.person("A"), bb = b.person("B"), c = b.person("C"), d = b.person("D");
        engagement_graph g(b.study);
        THEN("weakly: {A, B} and {C, D}, numbered in code order") {
            auto w = network::weak_components(g);
            CHECK(w.count == 2);
            CHECK(w.component.at(a) == 0);
            CHECK(w.component.at(bb) == 0);
            CHECK(w.component.at(c) == 1);
            CHECK(w.component.at(d) == 1);
        }
        THEN("strongly: {A}, {B}, {C, D}") {
            auto s = network::strong_components(g);
            CHECK(s.count == 3);
            CHECK(s.component.at(a) == 0);
            CHECK(s.component.at(bb) == 1);
            CHECK(s.component.at(c) == 2);
            CHECK(s.component.at(d) == 2);
        }
        THEN("density is 3/(4*3) = 0.25 and 2 of the 3 ties are reciprocated") {
            CHECK(network::density(g) == Approx(0.25));
            CHECK(*network::reciprocity(g) == Approx(2.0 / 3.0));
        }
    }
}

SCENARIO("a reciprocated tie counts once each way", "[network][measures]") {
    model::builder lines = illustrative_study();
    lines.advisor("PA-1").of("HCO-T");
    lines.manager("M-FL", management_tier::front_line).of("HCO-T");
    consults(lines, "PA-1", "M-FL");
    consults(lines, "M-FL", "PA-1");
    consults(lines, "M-FL", "PA-1", "2016-09-09");
    const built b{lines.build()};
    const auto m = b.person("M-FL");
    engagement_graph g(b.study);
    auto d = network::degrees(g);
    CHECK(d.out.at(m) == 1);           // one distinct neighbour
    CHECK(d.weighted_out.at(m) == 2);  // two events
    CHECK(*network::reciprocity(g) == Approx(1.0));
    CHECK(network::strong_components(g).count == 1);
    CHECK(network::density(g) == Approx(1.0));
    CHECK(network::reciprocity(engagement_graph()) == std::nullopt);
}

SCENARIO("betweenness and closeness agree with NetworkX on a 30-person network",
         "[network][measures][networkx]") {
    // tests/data/networkx/make_expected.py wrote the network and NetworkX's numbers.
    auto x = network_fixtures::read_networkx("random30.csv");
    REQUIRE(x.nodes == 30);
    REQUIRE(x.edge_list.size() == x.edges);
    auto study = network_fixtures::study_of(x);
    engagement_graph g(study);
    REQUIRE(g.num_people() == x.nodes);
    REQUIRE(g.num_ties() == x.edges);
    auto bc = network::betweenness(g);
    auto cl = network::closeness(g);
    auto deg = network::degrees(g);
    for (const auto& row : x.node_rows) {
        person_id p = study.require<model::person>(row.code);
        INFO(row.code);
        CHECK(close_to(bc.raw.at(p), row.betweenness_raw));
        CHECK(close_to(bc.normalized.at(p), row.betweenness_normalized));
        CHECK(close_to(cl.at(p), row.closeness));
        CHECK(deg.in.at(p) == row.in_degree);
        CHECK(deg.out.at(p) == row.out_degree);
    }
    CHECK(close_to(network::density(g), x.density));
    CHECK(close_to(*network::reciprocity(g), x.reciprocity));
    CHECK(network::weak_components(g).count == x.weak);
    CHECK(network::strong_components(g).count == x.strong);
}

namespace {

/// A 600-person illustrative network with 2,400 random engagements, so that sources fall into
/// many chunks and closeness into three batches of its bit-parallel search.
built random_600_study() {
    model::builder lines = illustrative_study();
    std::vector<std::string> people;
    for (int i = 0; i < 600; ++i) {
        people.push_back("P" + std::to_string(1000 + i));
        lines.person(people.back(), person_role::other).of("HCO-T");
    }
    std::uint64_t state = 12345;
    auto next = [&state]() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(state >> 33);
    };
    for (int e = 0; e < 2400; ++e) {
        std::size_t u = next() % people.size();
        std::size_t v = next() % people.size();
        if (u != v) consults(lines, people[u], people[v]);
    }
    return built{lines.build()};
}

/// Closeness by its definition: one breadth-first search per person along the ties into them,
/// with the formula of networkx.closeness_centrality, computed the plain way.
std::vector<double> closeness_by_definition(const engagement_graph& g) {
    const auto& bg = g.graph();
    const std::size_t n = g.num_people();
    std::vector<double> out(n, 0.0);
    for (std::size_t u = 0; u < n; ++u) {
        std::vector<long> dist(n, -1);
        std::vector<std::size_t> queue{u};
        dist[u] = 0;
        std::uint64_t sum = 0;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const auto v = static_cast<engagement_graph::vertex>(queue[head]);
            for (auto e : boost::make_iterator_range(in_edges(v, bg))) {
                const std::size_t w = source(e, bg);
                if (dist[w] >= 0) continue;
                dist[w] = dist[v] + 1;
                sum += static_cast<std::uint64_t>(dist[w]);
                queue.push_back(w);
            }
        }
        if (sum > 0) {
            const double r = static_cast<double>(queue.size()) - 1.0;
            out[u] = r / static_cast<double>(sum) * (r / (static_cast<double>(n) - 1.0));
        }
    }
    return out;
}

}  // namespace

/// The advisors' paths by their definition: a full breadth_first_reach() from each advisor,
/// then the nearest manager (and top-level manager) with the lowest vertex among the nearest.
std::vector<network::advisor_reach> advisor_paths_by_definition(const engagement_graph& g) {
    const auto& bg = g.graph();
    std::vector<network::advisor_reach> out;
    for (engagement_graph::vertex a = 0; a < g.num_people(); ++a) {
        if (bg[a].role != person_role::patient_advisor) continue;
        const network::reach_result r = network::breadth_first_reach(
            g, [&](const network::person_vertex& p) { return p.person == bg[a].person; },
            network::tie_direction::along);
        std::optional<engagement_graph::vertex> manager, top;
        auto nearer = [&r](engagement_graph::vertex v,
                           const std::optional<engagement_graph::vertex>& best) {
            return !best || *r.steps[v] < *r.steps[*best];
        };
        for (engagement_graph::vertex v = 0; v < g.num_people(); ++v) {
            if (v == a || !r.reached(v) || bg[v].role != person_role::manager) continue;
            if (nearer(v, manager)) manager = v;
            if (bg[v].tier == management_tier::top_level && nearer(v, top)) top = v;
        }
        auto path = [&](engagement_graph::vertex to) {
            std::vector<person_id> ids;
            for (engagement_graph::vertex x : r.path_to(to))
                ids.push_back(bg[x].person);
            return ids;
        };
        network::advisor_reach reach;
        reach.advisor = bg[a].person;
        if (manager) reach.to_any_manager = path(*manager);
        if (top) reach.to_top_level = path(*top);
        out.push_back(std::move(reach));
    }
    return out;
}

SCENARIO("each advisor's paths are those of a full breadth-first search from the advisor",
         "[network][measures][reach]") {
    GIVEN("a generated study of 3,000 people, sparse enough that some advisors reach no manager") {
        model::detail::synthetic_options o;
        o.people = 3'000;
        o.engagements = 4'500;
        const model::case_study study = model::detail::make_synthetic_case_study(o);
        const engagement_graph g(study);
        const std::vector<network::advisor_reach> expected = advisor_paths_by_definition(g);
        const auto reaching = [](const std::vector<network::advisor_reach>& reach) {
            return std::count_if(reach.begin(), reach.end(),
                                 [](const auto& r) { return r.to_top_level.has_value(); });
        };
        REQUIRE(reaching(expected) > 0);
        REQUIRE(reaching(expected) < static_cast<std::ptrdiff_t>(expected.size()));
        THEN("the search that stops at the nearest top-level manager finds the same paths") {
            CHECK(network::advisor_paths(g) == expected);
            CHECK(network::measure(g, 2).reach == expected);
        }
    }
}

SCENARIO("betweenness does not depend on the number of threads", "[network][measures][threads]") {
    const built b = random_600_study();
    const engagement_graph g(b.study);
    auto one = network::betweenness(g, 1);
    auto two = network::betweenness(g, 2);
    auto three = network::betweenness(g, 3);
    CHECK(one.raw.values == two.raw.values);  // bit for bit
    CHECK(one.raw.values == three.raw.values);
    CHECK(network::closeness(g, 1).values == network::closeness(g, 3).values);
}

SCENARIO("the bit-parallel closeness equals one breadth-first search per person, bit for bit",
         "[network][measures][closeness]") {
    GIVEN("a 600-person network, more people than one batch of the search holds") {
        const built b = random_600_study();
        const engagement_graph g(b.study);
        const std::vector<double> expected = closeness_by_definition(g);
        THEN("closeness on one, two and three threads gives exactly the same numbers") {
            CHECK(network::closeness(g, 1).values == expected);
            CHECK(network::closeness(g, 2).values == expected);
            CHECK(network::closeness(g, 3).values == expected);
        }
        THEN("every measure at once gives the same closeness and betweenness as each alone") {
            const network::network_measures one = network::measure(g, 1);
            const network::network_measures two = network::measure(g, 2);
            CHECK(one.closeness.values == expected);
            CHECK(two.closeness.values == expected);
            CHECK(one.betweenness.raw.values == network::betweenness(g, 2).raw.values);
            CHECK(two.betweenness.raw.values == one.betweenness.raw.values);
        }
    }
}

SCENARIO("sampled closeness is reproducible, and exact when every person is a pivot",
         "[network][measures][closeness]") {
    const built b = random_600_study();
    const engagement_graph g(b.study);
    const auto exact = network::closeness(g);
    CHECK(network::approximate_closeness(g, 600, 7).values == exact.values);
    const auto s1 = network::approximate_closeness(g, 50, 7, 1);
    const auto s2 = network::approximate_closeness(g, 50, 7, 2);
    CHECK(s1.values == s2.values);  // the same seed gives the same pivots
    CHECK(s1.values != exact.values);
    CHECK_THROWS_AS(network::approximate_closeness(g, 0), invalid_request_error);
    WHEN("the pivots are many, the estimate is near the exact closeness on average") {
        const auto many = network::approximate_closeness(g, 400, 7, 2);
        double exact_total = 0.0;
        double sampled_total = 0.0;
        for (std::size_t v = 0; v < exact.size(); ++v) {
            exact_total += exact.values[v];
            sampled_total += many.values[v];
        }
        CHECK(sampled_total == Approx(exact_total).epsilon(0.02));
    }
}

SCENARIO("when everybody engages everybody, sampled closeness is exact for any pivots",
         "[network][measures][closeness]") {
    GIVEN("six people, each engaging the five others") {
        model::builder lines = illustrative_study();
        std::vector<std::string> people;
        for (int i = 0; i < 6; ++i) {
            people.push_back("Q" + std::to_string(i));
            lines.person(people.back(), person_role::other).of("HCO-T");
        }
        for (const std::string& from : people)
            for (const std::string& to : people)
                if (from != to) consults(lines, from, to);
        const built b{lines.build()};
        const engagement_graph g(b.study);
        THEN("every distance is 1, so the scaled sums from two pivots are the exact ones") {
            const auto sampled = network::approximate_closeness(g, 2, 11);
            for (double c : sampled.values)
                CHECK(c == Approx(1.0));
        }
    }
}

SCENARIO("our betweenness equals Boost's Brandes implementation", "[network][measures][boost]") {
    auto check_against_boost = [](const engagement_graph& g) {
        const auto& bg = g.graph();
        std::vector<double> expected(g.num_people());
        boost::brandes_betweenness_centrality(
            bg, boost::make_iterator_property_map(expected.begin(), get(boost::vertex_index, bg)));
        auto ours = network::betweenness(g, 2);
        for (std::size_t v = 0; v < expected.size(); ++v)
            CHECK(close_to(ours.raw.values[v], expected[v]));
    };
    auto x = network_fixtures::read_networkx("random30.csv");
    check_against_boost(engagement_graph(network_fixtures::study_of(x)));
    check_against_boost(engagement_graph(model::seed_study_illustrated()));
}

SCENARIO("sampled betweenness is reproducible and exact when every person is a pivot",
         "[network][measures]") {
    auto x = network_fixtures::read_networkx("random30.csv");
    engagement_graph g(network_fixtures::study_of(x));
    auto exact = network::betweenness(g);
    auto all = network::approximate_betweenness(g, 30, 7);
    CHECK(all.exact);
    CHECK(all.raw.values == exact.raw.values);
    auto s1 = network::approximate_betweenness(g, 10, 7, 1);
    auto s2 = network::approximate_betweenness(g, 10, 7, 2);
    CHECK_FALSE(s1.exact);
    CHECK(s1.sources == 10);
    CHECK(s1.raw.values == s2.raw.values);  // the same seed gives the same pivots
    CHECK_THROWS_AS(network::approximate_betweenness(g, 0), invalid_request_error);
}

SCENARIO("a measure asked for a person who is not in the network is refused",
         "[network][measures]") {
    model::builder lines = illustrative_study();
    lines.advisor("PA-1").of("HCO-T");
    const built b{lines.build()};
    engagement_graph g(b.study);
    auto c = network::closeness(g);
    CHECK_THROWS_AS(c.at(person_id{4242}), invalid_request_error);
    CHECK_FALSE(c.find(person_id{4242}).has_value());
}

SCENARIO("in the illustrated seed study every patient advisor's voice reaches a manager",
         "[network][measures][seed]") {
    auto study = model::seed_study_illustrated();
    engagement_graph g(study);
    auto m = network::measure(g);
    THEN("each of the four advisors reaches a manager and a top-level manager") {
        REQUIRE(m.reach.size() == 4);
        for (const auto& r : m.reach) {
            INFO(study.code_of(r.advisor));
            CHECK(r.to_any_manager.has_value());
            CHECK(r.to_top_level.has_value());
        }
        CHECK(m.advisors_reaching_a_manager() == 4);
        // C1-PA1 -> C1-PM (a manager) directly.
        const auto& first = m.reach[0];
        CHECK(study.code_of(first.advisor) == "C1-PA1");
        CHECK(first.to_any_manager->size() == 2);
    }
    THEN("advisors give feedback straight to the program manager, so nobody brokers them") {
        CHECK(m.brokers.empty());
    }
    THEN("among the people who engaged, the two cases are two weak components") {
        network::graph_filter active;
        active.only_active = true;
        CHECK(network::weak_components(engagement_graph(study, active)).count == 2);
    }
}
