#include "partnerqi/network/reach.hpp"

#include <algorithm>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>

namespace partnerqi::network {

namespace {

using vertex = engagement_graph::vertex;

/// Records, for every tree edge of the search, the steps and the parent of the vertex found.
struct record_tree : boost::default_bfs_visitor {
    reach_result* result = nullptr;

    template <class Edge, class Graph>
    void tree_edge(Edge e, const Graph& g) const {
        const vertex from = source(e, g);
        const vertex to = target(e, g);
        result->steps[to] = *result->steps[from] + 1;
        result->parent[to] = from;
    }
};

template <class Graph>
void search(const Graph& graph, const engagement_graph& g, const std::vector<vertex>& starts,
            reach_result& result) {
    std::vector<boost::default_color_type> colors(g.num_people(), boost::white_color);
    auto color = boost::make_iterator_property_map(colors.begin(),
                                                   boost::get(boost::vertex_index, g.graph()));
    boost::queue<vertex> queue;
    record_tree visitor;
    visitor.result = &result;
    boost::breadth_first_search(graph, starts.begin(), starts.end(), queue, visitor, color);
}

}  // namespace

std::vector<vertex> reach_result::path_to(vertex v) const {
    std::vector<vertex> path;
    if (!reached(v)) return path;
    vertex x = v;
    for (; *steps[x] > 0; x = parent[x])
        path.push_back(x);
    path.push_back(x);
    std::reverse(path.begin(), path.end());
    return path;
}

reach_result breadth_first_reach(const engagement_graph& g, const person_predicate& start,
                                 tie_direction direction) {
    const std::size_t n = g.num_people();
    reach_result result;
    result.steps.assign(n, std::nullopt);
    result.parent.resize(n);
    std::vector<vertex> starts;
    for (std::size_t i = 0; i < n; ++i) {
        const auto v = static_cast<vertex>(i);
        result.parent[i] = v;
        if (start(g.graph()[v])) {
            starts.push_back(v);
            result.steps[i] = 0;
        }
    }
    if (starts.empty()) return result;
    if (direction == tie_direction::along) {
        search(g.graph(), g, starts, result);
    } else {
        search(boost::make_reverse_graph(g.graph()), g, starts, result);
    }
    return result;
}

person_predicate managers_of(std::vector<model::management_tier> tiers) {
    return [tiers = std::move(tiers)](const person_vertex& p) {
        return p.role == model::person_role::manager && p.tier &&
               std::find(tiers.begin(), tiers.end(), *p.tier) != tiers.end();
    };
}

std::string_view to_string(tie_direction direction) noexcept {
    switch (direction) {
        case tie_direction::along: return "along";
        case tie_direction::against: return "against";
    }
    return "invalid";
}

}  // namespace partnerqi::network
