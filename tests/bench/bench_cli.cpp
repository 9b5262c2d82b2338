// Every subcommand of the partnerqi tool, run as a user runs it: a fresh process of the tool on
// a file, timed from start to exit (so loading the input and writing the output count). Each runs
// at 10^4 and 10^5 people of the benchmark study (10 engagement events per person), and on the
// adversarial shapes that once made commands quadratic: a codebook whose codes form one parent
// chain, person codes made of hex digits that occur inside each other's pseudonyms and free
// texts, and people with no tie at all.
//
//   build/bench/tests/bench/bench_cli --benchmark_counters_tabular=true
//
// The inputs are written once into a temporary folder, removed at exit. Each command is timed by
// the processor time (user and system) of its process, so that other work on a shared machine
// does not count. Betweenness is estimated from 64 pivots (--pivots 64) wherever the measures are
// computed; closeness is exact, O(people x ties), so those commands run at 10^3 and 10^4 people.
#include <filesystem>
#include <map>
#include <string>
#include <system_error>
#include <vector>

#include <benchmark/benchmark.h>

#include "partnerqi/io/detail/text_replacer.hpp"
#include <partnerqi/io/case_study_file.hpp>
#include <partnerqi/model/builder.hpp>

#include "bench_support.hpp"
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;  // NOLINT: POSIX gives the environment only this way

namespace {

namespace fs = std::filesystem;
using namespace partnerqi;

/// The temporary folder of this run, removed when the program ends.
class scratch_folder {
public:
    scratch_folder()
        : path_(fs::temp_directory_path() / ("partnerqi-bench-cli-" + std::to_string(getpid()))) {
        fs::create_directories(path_);
    }
    ~scratch_folder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    scratch_folder(const scratch_folder&) = delete;
    scratch_folder& operator=(const scratch_folder&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

const fs::path& work() {
    static const scratch_folder folder;
    return folder.path();
}

/// What one run of the tool gave: its exit code (-1 when it could not run) and the processor
/// time it used, user and system, in seconds.
struct run_result {
    int code = -1;
    double cpu_seconds = 0;
};

/// Runs the tool with `args`, its output thrown away.
run_result run_tool(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    std::string tool = PARTNERQI_CLI;
    argv.push_back(tool.data());
    std::vector<std::string> copies = args;
    for (std::string& a : copies)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t child = 0;
    const int failed = posix_spawn(&child, tool.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    run_result out;
    if (failed != 0) return out;
    int status = 0;
    rusage usage{};
    if (wait4(child, &status, 0, &usage) != child || !WIFEXITED(status)) return out;
    out.code = WEXITSTATUS(status);
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
    };
    out.cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    return out;
}

/// `value` in `width` lower-case hex digits, leading zeros included.
std::string hex(std::uint32_t value, int width) {
    std::string text(static_cast<std::size_t>(width), '0');
    for (auto at = text.rbegin(); at != text.rend() && value != 0; ++at, value /= 16)
        *at = "0123456789abcdef"[value % 16];
    return text;
}

/// A case-study file, written on first use: its name in the scratch folder.
template <class Make>
const fs::path& input(const std::string& name, Make make) {
    static std::map<std::string, fs::path> made;
    auto [at, added] = made.try_emplace(name, work() / name);
    if (added) io::save(make(), at->second, {io::encoding::native_binary});
    return at->second;
}

/// The benchmark study with `people` people.
const fs::path& study_file(std::uint32_t people) {
    return input("study-" + std::to_string(people) + ".pqi",
                 [&] { return bench::study_of(people); });
}

/// A codebook of `codes` codes in one chain: each code's parent is the code before it. Made with
/// case_study::from_data, which checks the codebook in one linear pass.
const fs::path& chain_file(std::uint32_t codes) {
    return input("chain-" + std::to_string(codes) + ".pqi", [&] {
        model::case_study_data d;
        d.title = "A codebook in one chain";
        d.window = model::date_window::years(2016, 2016);
        std::vector<model::code>& book = d.all<model::code>();
        book.resize(codes);
        for (std::uint32_t i = 0; i < codes; ++i) {
            book[i].id = model::code_id{i + 1};
            book[i].name = "c" + std::to_string(i);
            if (i > 0) book[i].parent = model::code_id{i};
        }
        return model::case_study::from_data(std::move(d));
    });
}

/// `people` advisors (a power of 16) whose codes are all the hex numbers of one width, so that
/// every code occurs inside pseudonyms and inside the other codes' texts; each note names the
/// next two people, and each person engages the next.
const fs::path& hex_file(std::uint32_t people) {
    return input("hex-" + std::to_string(people) + ".pqi", [&] {
        int width = 0;
        for (std::uint32_t n = people; n > 1; n /= 16)
            ++width;
        auto code_of = [&](std::uint32_t i) { return hex(i % people, width); };
        model::builder b{"Hex-like person codes", model::date_window::years(2016, 2016)};
        b.organization("HCO-1");
        for (std::uint32_t i = 0; i < people; ++i)
            b.advisor(code_of(i))
                .of("HCO-1")
                .note("met " + code_of(i + 1) + " and " + code_of(i + 2) + " about " +
                      code_of(i + 3));
        for (std::uint32_t i = 0; i < people; ++i)
            b.engagement(code_of(i), code_of(i + 1)).on("2016-05-05");
        return b.build();
    });
}

/// The benchmark study's people with no engagement event at all.
const fs::path& no_ties_file(std::uint32_t people) {
    return input("no-ties-" + std::to_string(people) + ".pqi", [&] {
        model::detail::synthetic_options o = bench::options_for(people);
        o.engagements = 0;
        return model::detail::make_synthetic_case_study(o);
    });
}

/// Times the tool on `args`, where "{in}" stands for `in` and a leading "{out}" for a fresh output
/// path in the scratch folder;
/// the run must end with `expected_code`.
void time_tool(benchmark::State& state, const fs::path& in, std::vector<std::string> args,
               const std::string& out_name = "out", int expected_code = 0) {
    const fs::path out = work() / out_name;
    for (std::string& a : args) {
        if (a == "{in}") a = in.string();
        if (a.rfind("{out}", 0) == 0) a = out.string() + a.substr(5);  // "{out}/" too
    }
    for (auto _ : state) {
        std::error_code ignored;
        fs::remove_all(out, ignored);
        const run_result run = run_tool(args);
        if (run.code != expected_code) {
            state.SkipWithError(("exit code " + std::to_string(run.code)).c_str());
            break;
        }
        state.SetIterationTime(run.cpu_seconds);
    }
    state.counters["input_MB"] = static_cast<double>(fs::file_size(in)) / 1e6;
}

/// The benchmark study at state.range(0) people.
const fs::path& study_arg(const benchmark::State& state) {
    return study_file(static_cast<std::uint32_t>(state.range(0)));
}

void cli_info(benchmark::State& s) { time_tool(s, study_arg(s), {"info", "{in}"}); }
void cli_validate(benchmark::State& s) { time_tool(s, study_arg(s), {"validate", "{in}"}); }
void cli_convert(benchmark::State& s) {
    time_tool(s, study_arg(s), {"convert", "{in}", "--to", "xml", "--out", "{out}"});
}
void cli_metrics(benchmark::State& s) {
    time_tool(s, study_arg(s), {"metrics", "{in}", "--csv", "--pivots", "64"});
}
void cli_report(benchmark::State& s) { time_tool(s, study_arg(s), {"report", "{in}"}); }
void cli_export(benchmark::State& s, const char* format) {
    const std::string f = format;
    std::vector<std::string> args{"export", "{in}", "--format", f == "csv-dir" ? "csv" : f};
    args.insert(args.end(), {"--out", f == "csv-dir" ? "{out}/" : "{out}", "--pivots", "64"});
    if (f == "tables" || f == "qdpx" || f == "qdc") args.resize(args.size() - 2);
    time_tool(s, study_arg(s), args, "out." + f);
}
void cli_deidentify(benchmark::State& s, const char* level) {
    time_tool(s, study_arg(s),
              {"deidentify", "{in}", "--out", "{out}", "--salt", "bench-salt", "--level", level,
               "--accept-risk"});
}
void cli_import(benchmark::State& s, const char* format) {
    // The input is what 'export' wrote: the tables folder or the REFI-QDA project.
    const std::string f = format;
    const fs::path source =
        work() / ("import-" + f + "-" + std::to_string(s.range(0)) + (f == "qdpx" ? ".qdpx" : ""));
    if (!fs::exists(source) &&
        run_tool({"export", study_arg(s).string(), "--format", f, "--out", source.string()}).code !=
            0) {
        s.SkipWithError("the input could not be exported");
        return;
    }
    time_tool(s, study_arg(s), {"import", source.string(), "--out", "{out}"}, "imported.pqi");
}
void cli_template(benchmark::State& s) {
    time_tool(s, study_file(10'000), {"template", "{out}"}, "template");
}

// The adversarial shapes, each at two sizes.
void chain_validate(benchmark::State& s) {
    time_tool(s, chain_file(static_cast<std::uint32_t>(s.range(0))), {"validate", "{in}"});
}
// A codebook deeper than REFI-QDA files may nest is refused (exit code 2), in linear time.
void chain_export_qdc(benchmark::State& s) {
    time_tool(s, chain_file(static_cast<std::uint32_t>(s.range(0))),
              {"export", "{in}", "--format", "qdc", "--out", "{out}"}, "chain.qdc", 2);
}
void hex_deidentify(benchmark::State& s, const char* level) {
    time_tool(s, hex_file(static_cast<std::uint32_t>(s.range(0))),
              {"deidentify", "{in}", "--out", "{out}", "--salt", "bench-salt", "--level", level,
               "--accept-risk"});
}
void no_ties_metrics(benchmark::State& s) {
    time_tool(s, no_ties_file(static_cast<std::uint32_t>(s.range(0))),
              {"metrics", "{in}", "--csv", "--pivots", "64"});
}
void no_ties_deidentify(benchmark::State& s) {
    time_tool(s, no_ties_file(static_cast<std::uint32_t>(s.range(0))),
              {"deidentify", "{in}", "--out", "{out}", "--salt", "bench-salt", "--accept-risk"});
}

/// The one-pass replacer de-identification scrubs free texts with: `n` hex codes of 5 digits
/// (each inside many others' replacements), replaced in a text that names each code once.
void scrub_texts(benchmark::State& state) {
    const auto n = static_cast<std::uint32_t>(state.range(0));
    std::vector<std::string> codes(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        codes[i] = hex(i * 2654435761u % 0xfffffu, 5);
    }
    std::string text;
    for (const std::string& c : codes)
        text += "met " + c + ", ";
    for (auto _ : state) {
        io::detail::text_replacer scrub;
        for (const std::string& c : codes)
            scrub.add(c, "P-PA-" + c + c);
        benchmark::DoNotOptimize(scrub(text));
    }
    state.counters["codes"] = static_cast<double>(n);
}

// Timed by the processor time of the tool's process (the machine may be shared), once each.
void once(benchmark::internal::Benchmark* b) {
    b->Iterations(1)->Unit(benchmark::kMillisecond)->UseManualTime();
}
void people(benchmark::internal::Benchmark* b) { b->Arg(10'000)->Arg(100'000)->Apply(once); }
// The commands that compute every person's closeness, which is exact and O(people x ties):
// at 10^3 and 10^4 people.
void measured_people(benchmark::internal::Benchmark* b) { b->Arg(1'000)->Arg(10'000)->Apply(once); }

}  // namespace

BENCHMARK(scrub_texts)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(cli_info)->Apply(people);
BENCHMARK(cli_validate)->Apply(people);
BENCHMARK(cli_convert)->Apply(people);
BENCHMARK(cli_metrics)->Apply(measured_people);
BENCHMARK(cli_report)->Apply(people);
BENCHMARK_CAPTURE(cli_export, dot, "dot")->Apply(people);
BENCHMARK_CAPTURE(cli_export, graphml, "graphml")->Apply(measured_people);
BENCHMARK_CAPTURE(cli_export, gexf, "gexf")->Apply(measured_people);
BENCHMARK_CAPTURE(cli_export, csv, "csv")->Apply(measured_people);
BENCHMARK_CAPTURE(cli_export, csv_folder, "csv-dir")->Apply(measured_people);
BENCHMARK_CAPTURE(cli_export, tables, "tables")->Apply(people);
BENCHMARK_CAPTURE(cli_export, qdpx, "qdpx")->Apply(people);
BENCHMARK_CAPTURE(cli_export, qdc, "qdc")->Apply(people);
BENCHMARK_CAPTURE(cli_deidentify, pseudonymize, "pseudonymize")->Apply(people);
BENCHMARK_CAPTURE(cli_deidentify, anonymize, "anonymize")->Apply(people);
BENCHMARK_CAPTURE(cli_import, tables, "tables")->Apply(people);
BENCHMARK_CAPTURE(cli_import, qdpx, "qdpx")->Apply(people);
BENCHMARK(cli_template)->Apply(once);
BENCHMARK(chain_validate)->Arg(10'000)->Arg(100'000)->Apply(once);
BENCHMARK(chain_export_qdc)->Arg(10'000)->Arg(100'000)->Apply(once);
BENCHMARK_CAPTURE(hex_deidentify, pseudonymize, "pseudonymize")->Arg(4096)->Arg(65536)->Apply(once);
BENCHMARK_CAPTURE(hex_deidentify, anonymize, "anonymize")->Arg(4096)->Arg(65536)->Apply(once);
BENCHMARK(no_ties_metrics)->Arg(10'000)->Arg(100'000)->Apply(once);
BENCHMARK(no_ties_deidentify)->Arg(10'000)->Arg(100'000)->Apply(once);
