// The full analysis summary at scale, next to its reference workload: building the network
// plus one full breadth-first search per patient advisor (what "does each advisor's voice
// reach a decision-maker" costs done naively). The 10^5-people cases run once each.
#include <cstdint>
#include <string>

#include <benchmark/benchmark.h>

#include <partnerqi/analysis/summary.hpp>
#include <partnerqi/network/engagement_graph.hpp>

#include "bench_support.hpp"
#include "network_support.hpp"

namespace {

using namespace partnerqi;

std::uint32_t people_of(const benchmark::State& state) {
    return static_cast<std::uint32_t>(state.range(0));
}

void set_counters(benchmark::State& state, const model::case_study& s) {
    state.counters["people"] = static_cast<double>(s.all<model::person>().size());
    state.counters["events"] = static_cast<double>(s.all<model::engagement>().size());
}

void summary(benchmark::State& state) {
    const model::case_study& s = bench::study_of(people_of(state));
    for (auto _ : state) {
        analysis::study_summary r = analysis::summary(s);
        benchmark::DoNotOptimize(&r);
    }
    set_counters(state, s);
}

void summary_as_text(benchmark::State& state) {
    const model::case_study& s = bench::study_of(people_of(state));
    std::size_t length = 0;
    for (auto _ : state) {
        const std::string text = analysis::to_text(analysis::summary(s));
        length = text.size();
        benchmark::DoNotOptimize(text.data());
    }
    set_counters(state, s);
    state.counters["text_bytes"] = static_cast<double>(length);
}

void graph_build_and_bfs_per_advisor(benchmark::State& state) {
    const model::case_study& s = bench::study_of(people_of(state));
    for (auto _ : state) {
        network::engagement_graph g(s);
        benchmark::DoNotOptimize(bench::bfs_from_every_advisor(g));
    }
    set_counters(state, s);
}

void sizes(benchmark::internal::Benchmark* b) {
    b->Arg(1'000)->Arg(10'000)->Unit(benchmark::kMillisecond);
}

void large(benchmark::internal::Benchmark* b) {
    b->Arg(100'000)->Iterations(1)->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(summary)->Apply(sizes);
BENCHMARK(summary)->Apply(large);
BENCHMARK(summary_as_text)->Apply(sizes);
BENCHMARK(summary_as_text)->Apply(large);
BENCHMARK(graph_build_and_bfs_per_advisor)->Apply(sizes);
BENCHMARK(graph_build_and_bfs_per_advisor)->Apply(large);
