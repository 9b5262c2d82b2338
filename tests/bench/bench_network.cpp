// The engagement network at scale: building it from a case study next to a raw
// boost::compressed_sparse_row_graph built from the presorted pairs (the limit for the build),
// exact betweenness and closeness with 1 and 2 threads (and closeness the way it was computed
// before, one queue-based BFS per person, for comparison), measure() (every measure), sampled
// betweenness and closeness, weak components, a BFS from every advisor, the days of every
// tie, and writing the GraphML and GEXF exports (the metrics table computed once).
//
// Exact betweenness on 10^5 people takes minutes; it runs only with PARTNERQI_BENCH_LARGE=1.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>

#include <benchmark/benchmark.h>

#include <partnerqi/io/gexf.hpp>
#include <partnerqi/io/graphml.hpp>
#include <partnerqi/network/engagement_graph.hpp>
#include <partnerqi/network/measures.hpp>

#include "bench_support.hpp"
#include "network_support.hpp"

namespace {

using namespace partnerqi;

std::uint32_t people_of(const benchmark::State& state) {
    return static_cast<std::uint32_t>(state.range(0));
}

void set_counters(benchmark::State& state, const network::engagement_graph& g) {
    state.counters["people"] = static_cast<double>(g.num_people());
    state.counters["ties"] = static_cast<double>(g.num_ties());
    state.counters["events"] = static_cast<double>(g.num_events());
}

const network::engagement_graph& graph_of(std::uint32_t people) {
    static std::vector<std::pair<std::uint32_t, std::unique_ptr<network::engagement_graph>>> cache;
    for (auto& [size, g] : cache)
        if (size == people) return *g;
    cache.emplace_back(people,
                       std::make_unique<network::engagement_graph>(bench::study_of(people)));
    return *cache.back().second;
}

void graph_build(benchmark::State& state) {
    const model::case_study& s = bench::study_of(people_of(state));
    for (auto _ : state) {
        network::engagement_graph g(s);
        benchmark::DoNotOptimize(&g);
    }
    set_counters(state, graph_of(people_of(state)));
}

void raw_csr_directed_sorted(benchmark::State& state) {
    const model::case_study& s = bench::study_of(people_of(state));
    const auto pairs = bench::sorted_pairs(s);
    using graph =
        boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                           boost::no_property, std::uint32_t, std::uint32_t>;
    for (auto _ : state) {
        graph g(boost::edges_are_sorted, pairs.begin(), pairs.end(), s.all<model::person>().size());
        benchmark::DoNotOptimize(&g);
    }
    state.counters["ties"] = static_cast<double>(pairs.size());
}

void raw_csr_bidirectional(benchmark::State& state) {
    const model::case_study& s = bench::study_of(people_of(state));
    const auto pairs = bench::sorted_pairs(s);
    using graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                                     boost::no_property, boost::no_property,
                                                     std::uint32_t, std::uint32_t>;
    for (auto _ : state) {
        graph g(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(),
                s.all<model::person>().size());
        benchmark::DoNotOptimize(&g);
    }
    state.counters["ties"] = static_cast<double>(pairs.size());
}

// The straightforward pipeline without the library: (from, to) of every event, std::sort,
// std::unique, then the sorted CSR build. Context for the limit above, which gets the pairs
// already aggregated.
void raw_csr_from_events(benchmark::State& state) {
    const model::case_study& s = bench::study_of(people_of(state));
    using graph =
        boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                           boost::no_property, std::uint32_t, std::uint32_t>;
    std::size_t ties = 0;
    for (auto _ : state) {
        const auto pairs = bench::sorted_pairs(s);
        graph g(boost::edges_are_sorted, pairs.begin(), pairs.end(), s.all<model::person>().size());
        ties = pairs.size();
        benchmark::DoNotOptimize(&g);
    }
    state.counters["ties"] = static_cast<double>(ties);
}

void betweenness(benchmark::State& state) {
    const network::engagement_graph& g = graph_of(people_of(state));
    const auto threads = static_cast<unsigned>(state.range(1));
    for (auto _ : state) {
        network::betweenness_result r = network::betweenness(g, threads);
        benchmark::DoNotOptimize(r.raw.values.data());
    }
    set_counters(state, g);
}

void closeness(benchmark::State& state) {
    const network::engagement_graph& g = graph_of(people_of(state));
    const auto threads = static_cast<unsigned>(state.range(1));
    for (auto _ : state) {
        network::person_values<double> c = network::closeness(g, threads);
        benchmark::DoNotOptimize(c.values.data());
    }
    set_counters(state, g);
}

/// Closeness as the library computed it before the bit-parallel search: one breadth-first
/// search with a queue per person, along the ties into it, on one thread.
std::vector<double> closeness_one_bfs_per_person(const network::engagement_graph& g) {
    const auto& bg = g.graph();
    const auto n = static_cast<std::uint32_t>(g.num_people());
    std::vector<double> result(n, 0.0);
    std::vector<std::int32_t> dist(n, -1);
    std::vector<std::uint32_t> queue(n);
    for (std::uint32_t u = 0; u < n; ++u) {
        std::size_t tail = 0;
        dist[u] = 0;
        queue[tail++] = u;
        std::uint64_t sum = 0;
        for (std::size_t head = 0; head < tail; ++head) {
            const std::uint32_t v = queue[head];
            for (auto e : boost::make_iterator_range(in_edges(v, bg))) {
                const auto w = static_cast<std::uint32_t>(source(e, bg));
                if (dist[w] < 0) {
                    dist[w] = dist[v] + 1;
                    sum += static_cast<std::uint64_t>(dist[w]);
                    queue[tail++] = w;
                }
            }
        }
        if (sum > 0) {
            const double r = static_cast<double>(tail) - 1.0;
            result[u] = r / static_cast<double>(sum) * (r / (static_cast<double>(n) - 1.0));
        }
        for (std::size_t k = 0; k < tail; ++k)
            dist[queue[k]] = -1;
    }
    return result;
}

void closeness_before(benchmark::State& state) {
    const network::engagement_graph& g = graph_of(people_of(state));
    for (auto _ : state)
        benchmark::DoNotOptimize(closeness_one_bfs_per_person(g).data());
    set_counters(state, g);
}

void measure_all(benchmark::State& state) {
    const network::engagement_graph& g = graph_of(people_of(state));
    const auto threads = static_cast<unsigned>(state.range(1));
    for (auto _ : state) {
        network::network_measures m = network::measure(g, threads);
        benchmark::DoNotOptimize(&m);
    }
    set_counters(state, g);
}

/// Sampled betweenness and closeness from 100 pivots, 2 threads.
void sampled_betweenness(benchmark::State& state) {
    const network::engagement_graph& g = graph_of(people_of(state));
    for (auto _ : state) {
        network::betweenness_result r =
            network::approximate_betweenness(g, 100, network::pivot_seed, 2);
        benchmark::DoNotOptimize(r.raw.values.data());
    }
    set_counters(state, g);
}

void sampled_closeness(benchmark::State& state) {
    const network::engagement_graph& g = graph_of(people_of(state));
    for (auto _ : state) {
        network::person_values<double> c =
            network::approximate_closeness(g, 100, network::pivot_seed, 2);
        benchmark::DoNotOptimize(c.values.data());
    }
    set_counters(state, g);
}

void weak_components(benchmark::State& state) {
    const network::engagement_graph& g = graph_of(people_of(state));
    for (auto _ : state) {
        network::component_measures c = network::weak_components(g);
        benchmark::DoNotOptimize(&c);
    }
    set_counters(state, g);
}

void bfs_from_every_advisor(benchmark::State& state) {
    const network::engagement_graph& g = graph_of(people_of(state));
    for (auto _ : state)
        benchmark::DoNotOptimize(bench::bfs_from_every_advisor(g));
    set_counters(state, g);
}

void days_of_ties(benchmark::State& state) {
    const model::case_study& s = bench::study_of(people_of(state));
    const network::engagement_graph& g = graph_of(people_of(state));
    for (auto _ : state)
        benchmark::DoNotOptimize(network::days_of_ties(s, g));
    set_counters(state, g);
}

/// Writes one export of the benchmark network into memory; the metrics (betweenness from 64
/// pivots, so the large network stays quick) are computed once, outside the timing.
template <class Write>
void export_network(benchmark::State& state, Write write) {
    const model::case_study& s = bench::study_of(people_of(state));
    const network::engagement_graph& g = graph_of(people_of(state));
    network::metrics_options options;
    options.betweenness_pivots = 64;
    const auto rows = network::metrics_of(s, g, options);
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::ostringstream out;
        write(out, s, g, rows);
        bytes = out.str().size();
        benchmark::DoNotOptimize(bytes);
    }
    set_counters(state, g);
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}

void graphml_export(benchmark::State& state) {
    export_network(state, [](auto&... a) { io::write_graphml(a...); });
}

void gexf_export(benchmark::State& state) {
    export_network(state, [](auto&... a) { io::write_gexf(a...); });
}

void sizes(benchmark::internal::Benchmark* b) {
    b->RangeMultiplier(10)->Range(1'000, 100'000)->Unit(benchmark::kMillisecond);
}

void betweenness_sizes(benchmark::internal::Benchmark* b) {
    const char* large = std::getenv("PARTNERQI_BENCH_LARGE");
    const bool with_large = large != nullptr && large[0] == '1';
    for (std::int64_t people : {1'000, 10'000, 100'000}) {
        if (people == 100'000 && !with_large) continue;
        for (std::int64_t threads : {1, 2})
            b->Args({people, threads});
    }
    b->ArgNames({"people", "threads"})
        ->Unit(benchmark::kMillisecond)
        ->MeasureProcessCPUTime()
        ->UseRealTime();
}

/// Exact closeness runs at 10^5 people too: the bit-parallel search takes seconds there.
void closeness_sizes(benchmark::internal::Benchmark* b) {
    for (std::int64_t people : {1'000, 10'000, 100'000})
        for (std::int64_t threads : {1, 2})
            b->Args({people, threads});
    b->ArgNames({"people", "threads"})
        ->Unit(benchmark::kMillisecond)
        ->MeasureProcessCPUTime()
        ->UseRealTime();
}

}  // namespace

BENCHMARK(graph_build)->Apply(sizes);
BENCHMARK(raw_csr_directed_sorted)->Apply(sizes);
BENCHMARK(raw_csr_bidirectional)->Apply(sizes);
BENCHMARK(raw_csr_from_events)->Apply(sizes);
BENCHMARK(weak_components)->Apply(sizes);
BENCHMARK(bfs_from_every_advisor)->Arg(1'000)->Arg(10'000)->Unit(benchmark::kMillisecond);
BENCHMARK(bfs_from_every_advisor)->Arg(100'000)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(betweenness)->Apply(betweenness_sizes);
BENCHMARK(closeness)->Apply(closeness_sizes);
BENCHMARK(closeness_before)->Arg(1'000)->Arg(10'000)->Unit(benchmark::kMillisecond);
BENCHMARK(measure_all)->Apply(betweenness_sizes);
BENCHMARK(sampled_betweenness)->Apply(sizes);
BENCHMARK(sampled_closeness)->Apply(sizes);
BENCHMARK(days_of_ties)->Apply(sizes);
BENCHMARK(graphml_export)->Apply(sizes);
BENCHMARK(gexf_export)->Apply(sizes);
