// Peak memory of a case study at scale against the size of its records.
//
// Each measurement runs in a fresh process (this program re-executes itself), because the
// resident-set high-water mark (VmHWM) only ever grows. Reported per mode:
//   records  = sizeof of every record + the heap bytes of its strings and vectors;
//   peak     = VmHWM at the end minus VmRSS at the start of the measuring process;
//   resident = VmRSS after the work minus VmRSS at the start (what the study keeps).
// Usage: bench_memory [people]        (default 100000 people, 10 engagement events each)
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <partnerqi/io/case_study_file.hpp>
#include <partnerqi/model/case_study.hpp>
#include <partnerqi/model/synthetic.hpp>

#include "bench_support.hpp"
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

using namespace partnerqi;

// A "VmXXX:   1234 kB" line of /proc/self/status, in bytes.
double status_bytes(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(key) + ":";
    while (std::getline(in, line))
        if (line.compare(0, prefix.size(), prefix) == 0)
            return std::atof(line.c_str() + prefix.size()) * 1024.0;
    return 0.0;
}

void report(const char* what, const model::case_study& s, double start_rss) {
    const double records = static_cast<double>(bench::records_bytes(s.data()));
    const double peak = status_bytes("VmHWM") - start_rss;
    const double resident = status_bytes("VmRSS") - start_rss;
    std::printf(
        "%-28s people=%zu events=%zu records=%.1f MB peak=%.1f MB (%.2fx) resident=%.1f MB "
        "(%.2fx)\n",
        what, s.all<model::person>().size(), s.all<model::engagement>().size(), records / 1e6,
        peak / 1e6, peak / records, resident / 1e6, resident / records);
    std::fflush(stdout);
}

int run_child(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const std::string& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), environ) != 0) return 1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "--generate") {
        const double start = status_bytes("VmRSS");
        const model::case_study s = model::detail::make_synthetic_case_study(
            bench::options_for(static_cast<std::uint32_t>(std::atol(argv[2]))));
        report("generated (from_data)", s, start);
        return 0;
    }
    if (mode == "--load") {
        const double start = status_bytes("VmRSS");
        const model::case_study s = io::load(std::filesystem::path(argv[2]));
        report((std::string("loaded, ") + argv[3]).c_str(), s, start);
        return 0;
    }
    const std::string people = mode.empty() ? "100000" : mode;
    int failures = run_child({argv[0], "--generate", people});
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("partnerqi-bench-memory-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    {
        const model::case_study s = model::detail::make_synthetic_case_study(
            bench::options_for(static_cast<std::uint32_t>(std::atol(people.c_str()))));
        const std::pair<io::encoding, const char*> formats[] = {
            {io::encoding::native_binary, "binary"},
            {io::encoding::portable_text, "text"},
            {io::encoding::xml, "xml"}};
        for (const auto& [format, name] : formats)
            io::save(s, dir / name, {format});
    }
    for (const char* name : {"binary", "text", "xml"})
        failures += run_child({argv[0], "--load", (dir / name).string(), name});
    std::filesystem::remove_all(dir);
    return failures == 0 ? 0 : 1;
}
