// One point of the scaling curve in docs/performance.md: generates the benchmark study with the
// given number of people (10 engagement events each), saves it, and times loading it, building
// the engagement network from it, the raw CSR build from its presorted pairs, and each network
// measure on 2 threads. Prints one JSON object. tests/bench/scaling_curve.py runs it once per
// size, each in a fresh process, and draws the curve.
//
// Usage: bench_scaling <people> <work directory> [--exact-closeness] [--exact-betweenness]
// Exact closeness and betweenness are O(people x ties): they run only when asked for.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <partnerqi/io/case_study_file.hpp>
#include <partnerqi/network/engagement_graph.hpp>
#include <partnerqi/network/measures.hpp>
#include <partnerqi/network/reach.hpp>

#include "bench_support.hpp"
#include "network_support.hpp"

namespace {

using namespace partnerqi;

double seconds(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr,
                     "usage: %s <people> <work directory> [--exact-closeness] "
                     "[--exact-betweenness]\n",
                     argv[0]);
        return 2;
    }
    bool exact_closeness = false;
    bool exact_betweenness = false;
    for (int i = 3; i < argc; ++i) {
        exact_closeness = exact_closeness || std::string(argv[i]) == "--exact-closeness";
        exact_betweenness = exact_betweenness || std::string(argv[i]) == "--exact-betweenness";
    }
    const auto people = static_cast<std::uint32_t>(std::atol(argv[1]));
    const std::filesystem::path dir = argv[2];
    std::filesystem::create_directories(dir);
    const std::filesystem::path file = dir / ("study-" + std::to_string(people) + ".pqi");
    {
        const model::case_study generated =
            model::detail::make_synthetic_case_study(bench::options_for(people));
        io::save(generated, file);
    }
    model::case_study study;
    const double load = seconds([&] { study = io::load(file); });
    std::filesystem::remove(file);
    network::engagement_graph g;
    const double build = seconds([&] { g = network::engagement_graph(study); });
    const auto pairs = bench::sorted_pairs(study);
    using raw_graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                                         boost::no_property, boost::no_property,
                                                         std::uint32_t, std::uint32_t>;
    const double raw_csr = seconds([&] {
        raw_graph r(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(),
                    study.all<model::person>().size());
    });
    const unsigned threads = 2;
    const double degrees = seconds([&] { (void)network::degrees(g); });
    const double weak = seconds([&] { (void)network::weak_components(g); });
    const double strong = seconds([&] { (void)network::strong_components(g); });
    const double reach = seconds([&] {
        (void)network::breadth_first_reach(
            g, network::managers_of({model::management_tier::top_level}),
            network::tie_direction::against);
    });
    const double sampled_betweenness = seconds(
        [&] { (void)network::approximate_betweenness(g, 100, network::pivot_seed, threads); });
    const double sampled_closeness = seconds(
        [&] { (void)network::approximate_closeness(g, 100, network::pivot_seed, threads); });
    const double closeness =
        exact_closeness ? seconds([&] { (void)network::closeness(g, threads); }) : -1.0;
    const double betweenness =
        exact_betweenness ? seconds([&] { (void)network::betweenness(g, threads); }) : -1.0;
    std::printf(
        "{\"people\": %zu, \"ties\": %zu, \"events\": %zu, \"load_s\": %.6f, \"build_s\": %.6f, "
        "\"raw_csr_s\": %.6f, \"degrees_s\": %.6f, \"weak_components_s\": %.6f, "
        "\"strong_components_s\": %.6f, \"reach_top_managers_s\": %.6f, "
        "\"sampled_betweenness_100_s\": %.6f, \"sampled_closeness_100_s\": %.6f, "
        "\"closeness_s\": %.6f, \"betweenness_s\": %.6f}\n",
        g.num_people(), g.num_ties(), g.num_events(), load, build, raw_csr, degrees, weak, strong,
        reach, sampled_betweenness, sampled_closeness, closeness, betweenness);
    return 0;
}
