// Flat adjacency arrays of an engagement graph, for the tight loops of the measures.
#pragma once

#include <cstdint>
#include <vector>

#include "partnerqi/network/engagement_graph.hpp"

namespace partnerqi::network::detail {

/// Out- and in-adjacency as offset/target arrays; neighbours of a vertex are in vertex order.
struct flat_graph {
    std::uint32_t n = 0;
    std::vector<std::uint32_t> out_offset;  ///< size n+1
    std::vector<std::uint32_t> out_target;  ///< size m
    std::vector<std::uint32_t> in_offset;   ///< size n+1
    std::vector<std::uint32_t> in_source;   ///< size m

    explicit flat_graph(const engagement_graph& g);
};

/// Sums Brandes' single-source dependencies over `sources` (vertices), on `threads` threads
/// (0: hardware concurrency), in an order that does not depend on the thread count.
[[nodiscard]] std::vector<double> brandes_dependencies(const flat_graph& f,
                                                       const std::vector<std::uint32_t>& sources,
                                                       unsigned threads);

/// The number of worker threads to use for `tasks` independent tasks.
[[nodiscard]] unsigned worker_count(unsigned requested, std::size_t tasks);

}  // namespace partnerqi::network::detail
