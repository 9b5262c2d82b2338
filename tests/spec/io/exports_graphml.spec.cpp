// Specification of the GraphML export: read back with Boost's read_graphml, every attribute of
// every node and edge checked against the values worked out by hand in exports_fixture.hpp.
#include <map>
#include <sstream>
#include <string>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/range/iterator_range.hpp>

#include <support/catch.hpp>

#include <partnerqi/io/graphml.hpp>
#include <partnerqi/network/engagement_graph.hpp>

#include "exports_fixture.hpp"

namespace io = partnerqi::io;
namespace model = partnerqi::model;
namespace network = partnerqi::network;

namespace {

struct node_data {
    std::string code, role, organization;
    int in_degree = -1, out_degree = -1, weak_component = -1;
    long weighted_in_degree = -1, weighted_out_degree = -1;
    double betweenness = -1, closeness = -1;
};
struct edge_data {
    int count = -1;
    std::string level, first, last, kinds;
};
using read_graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, node_data, edge_data>;
using vertex = boost::graph_traits<read_graph>::vertex_descriptor;

/// What read_graphml gives back: the graph, and the keys that may be absent, as maps.
struct read_back {
    read_graph graph;
    std::map<vertex, std::string> tier;
    std::map<vertex, int> steps;
    std::map<std::string, vertex> by_code;
};

read_back read(const std::string& text) {
    read_back r;
    boost::associative_property_map<std::map<vertex, std::string>> tier(r.tier);
    boost::associative_property_map<std::map<vertex, int>> steps(r.steps);
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("code", get(&node_data::code, r.graph));
    dp.property("role", get(&node_data::role, r.graph));
    dp.property("tier", tier);
    dp.property("organization", get(&node_data::organization, r.graph));
    dp.property("in_degree", get(&node_data::in_degree, r.graph));
    dp.property("out_degree", get(&node_data::out_degree, r.graph));
    dp.property("weighted_in_degree", get(&node_data::weighted_in_degree, r.graph));
    dp.property("weighted_out_degree", get(&node_data::weighted_out_degree, r.graph));
    dp.property("betweenness", get(&node_data::betweenness, r.graph));
    dp.property("closeness", get(&node_data::closeness, r.graph));
    dp.property("weak_component", get(&node_data::weak_component, r.graph));
    dp.property("steps_to_top_manager", steps);
    dp.property("count", get(&edge_data::count, r.graph));
    dp.property("level", get(&edge_data::level, r.graph));
    dp.property("first", get(&edge_data::first, r.graph));
    dp.property("last", get(&edge_data::last, r.graph));
    dp.property("kinds", get(&edge_data::kinds, r.graph));
    std::istringstream in(text);
    boost::read_graphml(in, r.graph, dp);
    for (vertex v : boost::make_iterator_range(vertices(r.graph)))
        r.by_code[r.graph[v].code] = v;
    return r;
}

}  // namespace

SCENARIO("a GraphML export reads back with every attribute of every person and tie",
         "[io][graphml]") {
    GIVEN("the GraphML of the small illustrative study") {
        const model::case_study study = exports_fixture::small_study();
        const network::engagement_graph g(study);
        std::ostringstream out;
        io::write_graphml(out, study, g);
        const std::string text = out.str();

        WHEN("Boost's read_graphml reads it back") {
            read_back r = read(text);
            const read_graph& rg = r.graph;
            THEN("there are seven people and six directed ties") {
                CHECK(num_vertices(rg) == 7);
                CHECK(num_edges(rg) == 6);
                REQUIRE(r.by_code.size() == 7);
            }
            THEN(
                "each person's role, tier and organization are there, the tier only for managers") {
                const node_data& fl = rg[r.by_code.at("M-FL")];
                CHECK(fl.role == "manager");
                CHECK(r.tier.at(r.by_code.at("M-FL")) == "front-line");
                CHECK(r.tier.at(r.by_code.at("M-MID")) == "mid-level");
                CHECK(r.tier.at(r.by_code.at("M-TOP")) == "top-level");
                CHECK(r.tier.size() == 3);
                CHECK(fl.organization == "HCO-T");
                CHECK(rg[r.by_code.at("A-2")].role == "patient-advisor");
                const node_data& x = rg[r.by_code.at(exports_fixture::odd_code)];
                CHECK(x.role == "other");
                CHECK(x.organization == "HCO, \"east\"");
            }
            THEN("degrees, betweenness, closeness and components are the hand-worked values") {
                const node_data& fl = rg[r.by_code.at("M-FL")];
                CHECK(fl.in_degree == 1);
                CHECK(fl.out_degree == 2);
                CHECK(fl.weighted_in_degree == 1);
                CHECK(fl.weighted_out_degree == 3);
                CHECK(fl.betweenness == 2.0);
                CHECK(fl.closeness == 1.0 / 6.0);  // written exactly, read back bit for bit
                CHECK(fl.weak_component == 0);
                const node_data& a1 = rg[r.by_code.at("A-1")];
                CHECK(a1.weighted_in_degree == 2);
                CHECK(a1.betweenness == 0.0);
                const node_data& a2 = rg[r.by_code.at("A-2")];
                CHECK(a2.closeness == 2.0 / 9.0);
                CHECK(a2.weak_component == 1);
                CHECK(rg[r.by_code.at("M-MID")].betweenness == 2.0);
                CHECK(rg[r.by_code.at("P-1")].betweenness == 1.0);
                CHECK(rg[r.by_code.at("M-TOP")].closeness == 0.25);
                CHECK(rg[r.by_code.at(exports_fixture::odd_code)].in_degree == 0);
            }
            THEN("steps to a top-level manager are there only for those who reach one") {
                CHECK(r.steps.size() == 4);
                CHECK(r.steps.at(r.by_code.at("M-TOP")) == 0);
                CHECK(r.steps.at(r.by_code.at("M-MID")) == 1);
                CHECK(r.steps.at(r.by_code.at("M-FL")) == 2);
                CHECK(r.steps.at(r.by_code.at("A-1")) == 3);
                CHECK(r.steps.count(r.by_code.at("A-2")) == 0);
            }
            THEN("the tie from M-FL to A-1 carries its count, strongest level, dates and kinds") {
                auto [e, found] = edge(r.by_code.at("M-FL"), r.by_code.at("A-1"), rg);
                REQUIRE(found);
                CHECK(rg[e].count == 2);
                CHECK(rg[e].level == "partnership");
                CHECK(rg[e].first == "2016-02-01");
                CHECK(rg[e].last == "2016-05-01");
                CHECK(rg[e].kinds == "prepares,supports");
            }
            THEN("every tie has one event-count and a level, and the reverse tie is its own edge") {
                for (auto e : boost::make_iterator_range(edges(rg))) {
                    CHECK(rg[e].count >= 1);
                    CHECK_FALSE(rg[e].level.empty());
                    CHECK(rg[e].first <= rg[e].last);
                }
                auto [back, found] = edge(r.by_code.at("A-1"), r.by_code.at("M-FL"), rg);
                REQUIRE(found);
                CHECK(rg[back].count == 1);
                CHECK(rg[back].level == "consultation");
                CHECK(rg[back].kinds == "gives-feedback-to");
            }
        }
        THEN("the file is directed and uses no boolean type") {
            CHECK(text.find("edgedefault=\"directed\"") != std::string::npos);
            CHECK(text.find("boolean") == std::string::npos);
            CHECK(text.find("<node id=\"X &quot;quoted&quot;, \\odd\">") != std::string::npos);
        }
    }
}

SCENARIO("a metrics table that does not belong to the network is refused", "[io][graphml]") {
    const model::case_study study = exports_fixture::small_study();
    const network::engagement_graph g(study);
    auto rows = network::metrics_of(study, g);
    rows.pop_back();
    std::ostringstream out;
    CHECK_THROWS_AS(io::write_graphml(out, study, g, rows), partnerqi::invalid_request_error);
}
