// Speed of the network layer: building the engagement graph and exact betweenness.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include <partnerqi/network.hpp>

namespace {

namespace model = partnerqi::model;
namespace network = partnerqi::network;

/// An illustrative study of `people` people and `events` random engagements, made once per size.
const model::case_study& study_of(std::size_t people, std::size_t events) {
    static std::map<std::pair<std::size_t, std::size_t>, std::unique_ptr<model::case_study>> cache;
    auto& slot = cache[{people, events}];
    if (!slot) {
        model::case_study_data d;
        d.title = "illustrative benchmark network";
        d.window = model::date_window::years(2015, 2017);
        model::organization o;
        o.id = model::organization_id{1};
        o.code = "HCO-B";
        d.organizations.push_back(o);
        for (std::size_t i = 0; i < people; ++i) {
            model::person p;
            p.id = model::person_id{static_cast<std::uint32_t>(i + 1)};
            p.code = "P" + std::to_string(1000000 + i);
            p.role = i % 10 == 0 ? model::person_role::patient_advisor : model::person_role::provider;
            if (i % 50 == 1) {
                p.role = model::person_role::manager;
                p.tier = model::management_tier::mid_level;
            }
            p.organization = o.id;
            d.people.push_back(p);
        }
        std::uint64_t state = 42;
        auto next = [&state]() {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return state >> 33;
        };
        auto first = model::date::from_iso("2015-01-01");
        for (std::size_t i = 0; i < events; ++i) {
            model::engagement e;
            e.id = model::engagement_id{static_cast<std::uint32_t>(i + 1)};
            std::uint32_t u = static_cast<std::uint32_t>(next() % people);
            std::uint32_t v = static_cast<std::uint32_t>(next() % (people - 1));
            if (v >= u) ++v;
            e.from = model::person_id{u + 1};
            e.to = model::person_id{v + 1};
            e.kind = static_cast<model::engagement_kind>(next() % 12);
            e.level = static_cast<model::engagement_level>(next() % 4);
            e.on = first.plus_days(static_cast<std::int32_t>(next() % 1000));
            d.engagements.push_back(e);
        }
        slot = std::make_unique<model::case_study>(model::case_study::from_data(std::move(d)));
    }
    return *slot;
}

void build_graph(benchmark::State& state) {
    const auto& s = study_of(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)));
    for (auto _ : state) {
        network::engagement_graph g(s);
        benchmark::DoNotOptimize(g.num_ties());
    }
}
BENCHMARK(build_graph)->Args({10000, 100000})->Args({100000, 1000000})->Args({100000, 10000000})->Unit(benchmark::kMillisecond);

void exact_betweenness(benchmark::State& state) {
    network::engagement_graph g(study_of(10000, 100000));
    for (auto _ : state) {
        auto b = network::betweenness(g, static_cast<unsigned>(state.range(0)));
        benchmark::DoNotOptimize(b.raw.values.data());
    }
}
BENCHMARK(exact_betweenness)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(1);

void all_measures(benchmark::State& state) {
    network::engagement_graph g(study_of(10000, 100000));
    for (auto _ : state) {
        auto m = network::measure(g, 2);
        benchmark::DoNotOptimize(m.ties);
    }
}
BENCHMARK(all_measures)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
