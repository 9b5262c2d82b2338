// Writes a synthetic engagement network for tests/bench/compare_peers.py, and times partnerqi
// on the same network in the same run: graph build, weak components, a BFS from each of the
// first 100 advisors, exact closeness and exact betweenness with 1 and 2 threads, and
// network::measure() (every measure) with 2 threads.
//
// Usage: bench_export_network <people> <engagements> <directory> [--no-betweenness]
// Writes, with people numbered by person id - 1:
//   edges.tsv        "n m" then one "from to" line per tie (distinct ordered pair)
//   sources.txt      the BFS sources, one per line
//   betweenness.tsv  "person raw-betweenness" per person (unnormalized, directed)
//   closeness.tsv    "person closeness" per person (exact, as networkx.closeness_centrality)
//   partnerqi.json   the timings, in seconds (best of several runs for the fast ones)
//   people.tsv       "person code" per person, to match GraphML node ids (person codes)
//   network.graphml  partnerqi's own GraphML export (io::save_graphml) with its metrics;
//                    betweenness there is exact, or sampled with --no-betweenness
//   study.pqi        the generated case study, for timing the command-line tool on it
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <partnerqi/io/case_study_file.hpp>
#include <partnerqi/io/graphml.hpp>
#include <partnerqi/model/synthetic.hpp>
#include <partnerqi/network/engagement_graph.hpp>
#include <partnerqi/network/measures.hpp>

#include "bench_support.hpp"
#include "network_support.hpp"

namespace {

using namespace partnerqi;

// The best wall time of `runs` calls, in seconds; `cpu` receives the process CPU time (all
// threads) of that best call, which a busy machine disturbs less than the wall time.
double best_of(int runs, const std::function<void()>& work, double* cpu = nullptr) {
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        const std::clock_t cpu_start = std::clock();
        const auto start = std::chrono::steady_clock::now();
        work();
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (wall < best) {
            best = wall;
            if (cpu) *cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
        }
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4 && !(argc == 5 && std::string(argv[4]) == "--no-betweenness")) {
        std::fprintf(stderr, "usage: %s <people> <engagements> <directory> [--no-betweenness]\n",
                     argv[0]);
        return 2;
    }
    const bool with_betweenness = argc == 4;
    model::detail::synthetic_options o =
        bench::options_for(static_cast<std::uint32_t>(std::atol(argv[1])));
    o.engagements = static_cast<std::uint32_t>(std::atol(argv[2]));
    const std::filesystem::path dir = argv[3];
    std::filesystem::create_directories(dir);
    const model::case_study s = model::detail::make_synthetic_case_study(o);

    const network::engagement_graph g(s);
    {
        std::ofstream out(dir / "edges.tsv");
        out << g.num_people() << ' ' << g.num_ties() << '\n';
        for (const auto& [from, to] : g.ties())
            out << from.value - 1 << ' ' << to.value - 1 << '\n';
    }
    std::vector<std::size_t> sources = bench::advisor_vertices(g);
    // The first 100 advisors by person id, the same for every tool.
    std::sort(sources.begin(), sources.end(),
              [&](std::size_t a, std::size_t b) { return g.person_of(a) < g.person_of(b); });
    if (sources.size() > 100) sources.resize(100);
    {
        std::ofstream out(dir / "sources.txt");
        for (std::size_t v : sources)
            out << g.person_of(v).value - 1 << '\n';
    }

    const double build = best_of(5, [&] { network::engagement_graph again(s); });
    const auto pairs = bench::sorted_pairs(s);
    using raw_graph =
        boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                           boost::no_property, std::uint32_t, std::uint32_t>;
    const double raw_csr = best_of(5, [&] {
        raw_graph r(boost::edges_are_sorted, pairs.begin(), pairs.end(),
                    s.all<model::person>().size());
    });
    const double weak = best_of(5, [&] { (void)network::weak_components(g); });
    std::uint64_t reached = 0;
    const double bfs = best_of(3, [&] { reached = bench::bfs_from(g, sources); });
    network::person_values<double> c;
    double close_1_cpu = 0.0, close_2_cpu = 0.0;
    const int close_runs = g.num_people() > 20'000 ? 1 : 3;
    const double close_1 = best_of(
        close_runs, [&] { c = network::closeness(g, 1); }, &close_1_cpu);
    const double close_2 = best_of(
        close_runs, [&] { c = network::closeness(g, 2); }, &close_2_cpu);
    {
        std::ofstream out(dir / "closeness.tsv");
        out.precision(17);
        for (std::size_t v = 0; v < c.size(); ++v)
            out << c.people[v].value - 1 << ' ' << c.values[v] << '\n';
    }
    network::betweenness_result b;
    double between_1 = 0.0, between_1_cpu = 0.0;
    double between_2 = 0.0, between_2_cpu = 0.0;
    double measure_2 = 0.0, measure_2_cpu = 0.0;
    if (with_betweenness) {
        const int runs = g.num_people() > 20'000 ? 1 : 2;
        between_1 = best_of(
            runs, [&] { b = network::betweenness(g, 1); }, &between_1_cpu);
        between_2 = best_of(
            runs, [&] { b = network::betweenness(g, 2); }, &between_2_cpu);
        measure_2 = best_of(
            runs, [&] { (void)network::measure(g, 2); }, &measure_2_cpu);
        std::ofstream out(dir / "betweenness.tsv");
        out.precision(17);
        for (std::size_t v = 0; v < b.raw.size(); ++v)
            out << b.raw.people[v].value - 1 << ' ' << b.raw.values[v] << '\n';
    }
    {
        std::ofstream out(dir / "people.tsv");
        for (std::size_t v = 0; v < g.num_people(); ++v)
            out << g.person_of(v).value - 1 << ' ' << g.person(v).code << '\n';
    }
    network::metrics_options metrics;
    metrics.threads = 2;
    if (!with_betweenness) metrics.betweenness_pivots = 64;
    io::save_graphml(dir / "network.graphml", s, g, metrics);
    io::save(s, dir / "study.pqi");
    {
        std::ofstream out(dir / "partnerqi.json");
        out.precision(9);
        out << "{\"people\": " << g.num_people() << ", \"ties\": " << g.num_ties()
            << ", \"events\": " << g.num_events() << ", \"build_s\": " << build
            << ", \"raw_csr_s\": " << raw_csr << ", \"weak_components_s\": " << weak
            << ", \"bfs_s\": " << bfs << ", \"bfs_reached\": " << reached
            << ", \"betweenness_1_s\": " << between_1 << ", \"betweenness_2_s\": " << between_2
            << ", \"betweenness_1_cpu_s\": " << between_1_cpu
            << ", \"betweenness_2_cpu_s\": " << between_2_cpu << ", \"closeness_1_s\": " << close_1
            << ", \"closeness_2_s\": " << close_2 << ", \"closeness_1_cpu_s\": " << close_1_cpu
            << ", \"closeness_2_cpu_s\": " << close_2_cpu << ", \"measure_2_s\": " << measure_2
            << ", \"measure_2_cpu_s\": " << measure_2_cpu << "}\n";
    }
    return 0;
}
