// Case-study files at scale: save and load in each encoding, in MB/s of payload, next to a
// hand-written length-prefixed binary writer and reader of the same records (the limit).
//
// Everything runs in memory (string streams) so that the disk does not blur the comparison.
// The library validates on save and load; the limit is shown twice: bytes only, and with the
// same validation (case_study::validate on save, case_study::from_data on load), which is the
// work any loader that hands over a checked case study must do.
#include <cstdint>
#include <sstream>
#include <string>
#include <utility>

#include <benchmark/benchmark.h>

#include <partnerqi/io/case_study_file.hpp>
#include <partnerqi/model/case_study.hpp>

#include "bench_support.hpp"
#include "handwritten_format.hpp"

namespace {

using namespace partnerqi;

std::uint32_t people_of(const benchmark::State& state) {
    return static_cast<std::uint32_t>(state.range(0));
}

void set_counters(benchmark::State& state, std::size_t payload) {
    state.SetBytesProcessed(static_cast<std::int64_t>(payload) * state.iterations());
    state.counters["payload_MB"] = static_cast<double>(payload) / 1e6;
}

std::string saved(const model::case_study& s, io::encoding format) {
    std::ostringstream out(std::ios::binary);
    io::save(s, out, {format});
    return std::move(out).str();
}

void io_save(benchmark::State& state, io::encoding format) {
    const model::case_study& s = bench::study_of(people_of(state));
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::ostringstream out(std::ios::binary);
        io::save(s, out, {format});
        bytes = static_cast<std::size_t>(out.tellp());
        benchmark::DoNotOptimize(bytes);
    }
    set_counters(state, bytes);
}

void io_load(benchmark::State& state, io::encoding format) {
    const model::case_study& s = bench::study_of(people_of(state));
    const std::string file = saved(s, format);
    for (auto _ : state) {
        state.PauseTiming();
        std::istringstream in(file, std::ios::binary);  // copies the file: not part of loading
        state.ResumeTiming();
        model::case_study loaded = io::load(in);
        benchmark::DoNotOptimize(&loaded);
        state.PauseTiming();
        { model::case_study discard = std::move(loaded); }
        state.ResumeTiming();
    }
    set_counters(state, file.size());
}

void handwritten_save(benchmark::State& state, bool validated) {
    const model::case_study& s = bench::study_of(people_of(state));
    std::size_t bytes = 0;
    for (auto _ : state) {
        if (validated) s.validate();
        std::string out;
        bench::handwritten::write(s.data(), out);
        bytes = out.size();
        benchmark::DoNotOptimize(out.data());
    }
    set_counters(state, bytes);
}

void handwritten_load(benchmark::State& state, bool validated) {
    const model::case_study& s = bench::study_of(people_of(state));
    std::string file;
    bench::handwritten::write(s.data(), file);
    for (auto _ : state) {
        model::case_study_data d = bench::handwritten::read(file);
        if (validated) {
            model::case_study loaded = model::case_study::from_data(std::move(d));
            benchmark::DoNotOptimize(&loaded);
            state.PauseTiming();
            { model::case_study discard = std::move(loaded); }
            state.ResumeTiming();
        } else {
            benchmark::DoNotOptimize(d.all<model::engagement>().data());
            state.PauseTiming();
            { model::case_study_data discard = std::move(d); }
            state.ResumeTiming();
        }
    }
    set_counters(state, file.size());
}

void sizes(benchmark::internal::Benchmark* b) {
    b->RangeMultiplier(10)->Range(1'000, 100'000)->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK_CAPTURE(handwritten_save, bytes_only, false)->Apply(sizes);
BENCHMARK_CAPTURE(handwritten_save, validated, true)->Apply(sizes);
BENCHMARK_CAPTURE(io_save, binary, io::encoding::native_binary)->Apply(sizes);
BENCHMARK_CAPTURE(io_save, text, io::encoding::portable_text)->Apply(sizes);
BENCHMARK_CAPTURE(io_save, xml, io::encoding::xml)->Apply(sizes);
BENCHMARK_CAPTURE(handwritten_load, bytes_only, false)->Apply(sizes);
BENCHMARK_CAPTURE(handwritten_load, validated, true)->Apply(sizes);
BENCHMARK_CAPTURE(io_load, binary, io::encoding::native_binary)->Apply(sizes);
BENCHMARK_CAPTURE(io_load, text, io::encoding::portable_text)->Apply(sizes);
BENCHMARK_CAPTURE(io_load, xml, io::encoding::xml)->Apply(sizes);
