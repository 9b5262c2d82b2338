// The model at scale: generating a synthetic study, and the two ways to turn records into a
// case study (case_study::from_data, which validates everything once, and case_study::add
// record by record).
#include <cstdint>
#include <utility>

#include <benchmark/benchmark.h>

#include <partnerqi/model/case_study.hpp>
#include <partnerqi/model/synthetic.hpp>

#include "bench_support.hpp"

namespace {

using namespace partnerqi;

void set_counters(benchmark::State& state, const model::case_study_data& d) {
    state.counters["people"] = static_cast<double>(d.all<model::person>().size());
    state.counters["events"] = static_cast<double>(d.all<model::engagement>().size());
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(d.all<model::engagement>().size()),
                           benchmark::Counter::kIsIterationInvariantRate);
}

void generate_data(benchmark::State& state) {
    const auto options = bench::options_for(static_cast<std::uint32_t>(state.range(0)));
    model::case_study_data d;
    for (auto _ : state) {
        d = model::detail::make_synthetic_data(options);
        benchmark::DoNotOptimize(d.all<model::engagement>().data());
    }
    set_counters(state, d);
}

void from_data(benchmark::State& state) {
    const model::case_study_data source = model::detail::make_synthetic_data(
        bench::options_for(static_cast<std::uint32_t>(state.range(0))));
    for (auto _ : state) {
        state.PauseTiming();
        model::case_study_data copy = source;
        state.ResumeTiming();
        model::case_study s = model::case_study::from_data(std::move(copy));
        benchmark::DoNotOptimize(&s);
        state.PauseTiming();
        { model::case_study discard = std::move(s); }
        state.ResumeTiming();
    }
    set_counters(state, source);
}

template <class Record>
void add_all(model::case_study& s, const std::vector<Record>& records) {
    for (Record r : records) {
        r.id = {};
        s.add(std::move(r));
    }
}

void add_records(benchmark::State& state) {
    const model::case_study_data d = model::detail::make_synthetic_data(
        bench::options_for(static_cast<std::uint32_t>(state.range(0))));
    for (auto _ : state) {
        model::case_study s(d.title, d.window);
        add_all(s, d.all<model::organization>());
        add_all(s, d.all<model::person>());
        add_all(s, d.all<model::qi_team>());
        add_all(s, d.all<model::qi_activity>());
        add_all(s, d.all<model::practice>());
        add_all(s, d.all<model::practice_enactment>());
        add_all(s, d.all<model::engagement>());
        add_all(s, d.all<model::wave>());
        add_all(s, d.all<model::data_source>());
        add_all(s, d.all<model::source_total>());
        add_all(s, d.all<model::code>());
        add_all(s, d.all<model::coded_segment>());
        add_all(s, d.all<model::memo>());
        add_all(s, d.all<model::study_case>());
        benchmark::DoNotOptimize(&s);
        state.PauseTiming();
        { model::case_study discard = std::move(s); }
        state.ResumeTiming();
    }
    set_counters(state, d);
}

void validate(benchmark::State& state) {
    const model::case_study& s = bench::study_of(static_cast<std::uint32_t>(state.range(0)));
    for (auto _ : state)
        s.validate();
    set_counters(state, s.data());
}

}  // namespace

BENCHMARK(generate_data)->RangeMultiplier(10)->Range(1'000, 100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(from_data)->RangeMultiplier(10)->Range(1'000, 100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(add_records)->RangeMultiplier(10)->Range(1'000, 100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(validate)->RangeMultiplier(10)->Range(1'000, 100'000)->Unit(benchmark::kMillisecond);
