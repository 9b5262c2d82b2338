// Pieces of the network benchmarks shared by several programs: the distinct engagement pairs
// of a study, and one full breadth-first search per patient advisor (a reference workload).
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>

#include <partnerqi/model/case_study.hpp>
#include <partnerqi/network/engagement_graph.hpp>

namespace partnerqi::bench {

/// The distinct (from, to) pairs of the study's engagements as vertex numbers (person id - 1),
/// sorted: the edge list a raw CSR build starts from.
inline std::vector<std::pair<std::uint32_t, std::uint32_t>> sorted_pairs(
    const model::case_study& s) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(s.all<model::engagement>().size());
    for (const model::engagement& e : s.all<model::engagement>())
        pairs.emplace_back(e.from.value - 1, e.to.value - 1);
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

/// The vertices of the patient advisors of a network, in vertex order.
inline std::vector<std::size_t> advisor_vertices(const network::engagement_graph& g) {
    std::vector<std::size_t> out;
    for (std::size_t v = 0; v < num_vertices(g.graph()); ++v)
        if (g.graph()[v].role == model::person_role::patient_advisor) out.push_back(v);
    return out;
}

/// One full breadth-first search (boost::breadth_first_search, along out-ties) from each of
/// `sources`; returns the total of vertices reached, so that nothing is optimized away.
inline std::uint64_t bfs_from(const network::engagement_graph& g,
                              const std::vector<std::size_t>& sources) {
    const auto& graph = g.graph();
    const std::size_t n = num_vertices(graph);
    std::vector<std::uint32_t> distance(n);
    std::vector<boost::default_color_type> color(n);
    auto index = get(boost::vertex_index, graph);
    std::uint64_t reached = 0;
    for (std::size_t v : sources) {
        std::fill(distance.begin(), distance.end(), 0u);
        boost::breadth_first_search(
            graph, v,
            boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                               boost::make_iterator_property_map(distance.begin(), index),
                               boost::on_tree_edge())))
                .color_map(boost::make_iterator_property_map(color.begin(), index)));
        reached +=
            1 + static_cast<std::uint64_t>(std::count_if(distance.begin(), distance.end(),
                                                         [](std::uint32_t d) { return d != 0; }));
    }
    return reached;
}

/// One full breadth-first search from every patient advisor of the network.
inline std::uint64_t bfs_from_every_advisor(const network::engagement_graph& g) {
    return bfs_from(g, advisor_vertices(g));
}

}  // namespace partnerqi::bench
