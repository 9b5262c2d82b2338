// Flat adjacency arrays of an engagement graph, and the traversals the measures share.
#pragma once

#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "partnerqi/detail/progress_meter.hpp"
#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/measures.hpp"

namespace partnerqi::network::detail {

/// Shortest-path distances into every vertex from a set of sources, along out-ties.
///
/// sum[v] adds up the distances from the sources other than v that reach v; reached[v] counts
/// them. Both are integers, so they do not depend on the order of the traversals.
struct distance_sums {
    std::vector<std::uint64_t> sum;
    std::vector<std::uint32_t> reached;

    explicit distance_sums(std::uint32_t n = 0) : sum(n, 0), reached(n, 0) {}
    void add(const distance_sums& other);
};

/// Out- and in-adjacency as offset/target arrays, over the vertices renumbered for locality.
///
/// Flat vertex v stands for the graph's vertex original[v]; flat_of is the inverse. Neighbours
/// of a vertex are in increasing flat order. The traversals below take and give flat vertices;
/// to_original() puts per-vertex results back in the graph's vertex order.
struct flat_graph {
    std::uint32_t n = 0;
    std::vector<std::uint32_t> original;    ///< size n: graph vertex of each flat vertex
    std::vector<std::uint32_t> flat_of;     ///< size n: flat vertex of each graph vertex
    std::vector<std::uint32_t> out_offset;  ///< size n+1
    std::vector<std::uint32_t> out_target;  ///< size m
    std::vector<std::uint32_t> in_offset;   ///< size n+1
    std::vector<std::uint32_t> in_source;   ///< size m

    explicit flat_graph(const engagement_graph& g);

    /// Values indexed by flat vertex, reordered by graph vertex.
    template <class T>
    [[nodiscard]] std::vector<T> to_original(const std::vector<T>& by_flat) const {
        std::vector<T> out(by_flat.size());
        for (std::size_t v = 0; v < by_flat.size(); ++v)
            out[original[v]] = by_flat[v];
        return out;
    }
    /// Distance sums indexed by flat vertex, reordered by graph vertex.
    [[nodiscard]] distance_sums to_original(const distance_sums& by_flat) const;
    /// Graph vertices as flat vertices, in the same order.
    [[nodiscard]] std::vector<std::uint32_t> flat(
        const std::vector<std::uint32_t>& vertices) const {
        std::vector<std::uint32_t> out(vertices.size());
        for (std::size_t i = 0; i < vertices.size(); ++i)
            out[i] = flat_of[vertices[i]];
        return out;
    }
};

/// Brandes' dependencies summed over `sources`, and, when asked, the distances the same
/// breadth-first searches found.
struct brandes_sums {
    std::vector<double> dependency;  ///< size n
    distance_sums distances;         ///< empty unless asked for
};

/// Sums Brandes' single-source dependencies over `sources` (vertices), on `threads` threads
/// (0: hardware concurrency), in an order that does not depend on the thread count; with
/// `with_distances`, also the distance sums of those searches.
[[nodiscard]] brandes_sums brandes_dependencies(const flat_graph& f,
                                                const std::vector<std::uint32_t>& sources,
                                                unsigned threads, bool with_distances,
                                                const run_control& control);

/// The distance sums from `sources` by multi-source bit-parallel breadth-first search (Then et
/// al., "The More the Merrier: Efficient Multi-Source Graph Traversal", VLDB 2015): a batch of
/// 256 sources advances together, one bit per source in each vertex's frontier, seen and next
/// sets, so a tie is scanned once per level for the whole batch, with no queue per source.
/// Batches run on `threads` threads; the sums are integers and do not depend on it.
[[nodiscard]] distance_sums multi_source_distances(const flat_graph& f,
                                                   const std::vector<std::uint32_t>& sources,
                                                   unsigned threads, const run_control& control);

/// `pivots` distinct vertices of [0, n) drawn uniformly without replacement with `seed` (the
/// same on every platform), sorted.
[[nodiscard]] std::vector<std::uint32_t> draw_pivots(std::size_t n, std::size_t pivots,
                                                     std::uint64_t seed);

/// The factor that makes a sum over sampled sources an unbiased estimate of the sum over the
/// n-1 sources other than v: (n-1)/pivots for a vertex that is not a pivot, (n-1)/(pivots-1)
/// for a pivot (0 when it is the only one).
[[nodiscard]] std::vector<double> pivot_scale(std::size_t n,
                                              const std::vector<std::uint32_t>& pivots);

/// Closeness as NetworkX defines it on a DiGraph (Wasserman-Faust scaling) from the number of
/// other people reaching v and the sum of their distances, each multiplied by `scale[v]` (no
/// scaling when `scale` is empty).
[[nodiscard]] std::vector<double> closeness_of(const distance_sums& d,
                                               const std::vector<double>& scale = {});

/// Betweenness from every source (pivots 0 or at least the people) or from `pivots` drawn with
/// `seed`, and, with `with_closeness`, closeness from the distances of the same searches:
/// exact with exact betweenness, estimated from the pivots otherwise (see
/// approximate_closeness()). The second member is empty without `with_closeness`.
[[nodiscard]] std::pair<betweenness_result, person_values<double>> betweenness_and_closeness(
    const engagement_graph& g, std::size_t pivots, std::uint64_t seed, unsigned threads,
    bool with_closeness, const run_control& control);

/// Progress of one step shared by the threads of a measure: any thread may check the flag;
/// finished units are counted and reported one thread at a time, under a lock.
class shared_progress {
public:
    /// A step named `step` of `total` units (sources searched).
    shared_progress(const run_control& control, std::string_view step, std::uint64_t total)
        : meter_(control, step, total) {}
    /// Throws partnerqi::cancelled when the flag is raised.
    void check() const { meter_.check(); }
    /// `units` more units are done.
    void done(std::uint64_t units) {
        std::lock_guard<std::mutex> lock(mutex_);
        count_ += units;
        meter_.at(count_);
    }
    /// Every unit is done: the last report, then a last check of the flag.
    void finish() { meter_.finish(); }

private:
    partnerqi::detail::progress_meter meter_;
    std::mutex mutex_;
    std::uint64_t count_ = 0;
};

/// The number of worker threads to use for `tasks` independent tasks.
[[nodiscard]] unsigned worker_count(unsigned requested, std::size_t tasks);

/// Runs `work` on `workers` threads (on this one when workers <= 1), waits for them, and
/// rethrows the first exception one of them threw.
template <class Work>
void run_workers(unsigned workers, const Work& work) {
    if (workers <= 1) {
        work();
        return;
    }
    std::mutex mutex;
    std::exception_ptr failure;
    auto guarded = [&]() {
        try {
            work();
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex);
            if (!failure) failure = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(workers);
    try {
        for (unsigned t = 0; t < workers; ++t)
            pool.emplace_back(guarded);
    } catch (...) {
        for (std::thread& t : pool)
            t.join();
        throw;
    }
    for (std::thread& t : pool)
        t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace partnerqi::network::detail
