#include "common.hpp"

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <new>
#include <sstream>

#include <unistd.h>

namespace partnerqi::cli {

namespace {

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

int report_current_exception() noexcept {
    try {
        throw;
    } catch (const usage_error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return exit_usage;
    } catch (const po::error& e) {
        std::cerr << "error: " << e.what() << " (run 'partnerqi --help')\n";
        return exit_usage;
    } catch (const partnerqi::error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return exit_bad_input;
    } catch (const std::bad_alloc&) {
        std::cerr << "error: out of memory; the file may be too large for this machine\n";
        return exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return exit_bad_input;
    } catch (...) {
        std::cerr << "error: an unknown failure\n";
        return exit_bad_input;
    }
}

progress::progress(std::string label)
    : label_(std::move(label)), terminal_(::isatty(STDERR_FILENO) == 1), start_(now_seconds()) {
    if (terminal_) std::cerr << label_ << " ..." << std::flush;
}

progress::~progress() {
    if (!finished_ && terminal_) std::cerr << " failed\n";
}

void progress::finish() {
    finished_ = true;
    const double seconds = now_seconds() - start_;
    std::ostringstream took;
    took << std::fixed << std::setprecision(seconds < 10 ? 2 : 1) << seconds;
    if (terminal_) {
        std::cerr << " done in " << took.str() << " s\n";
    } else if (seconds > 1.0) {
        std::cerr << label_ << " ... done in " << took.str() << " s\n";
    }
}

command_line::command_line(std::string synopsis_text, std::string description_text)
    : synopsis(std::move(synopsis_text)), description(std::move(description_text)) {
    options.add_options()("help,h", "show this help and exit");
}

bool command_line::parse(const std::vector<std::string>& args) {
    po::options_description all;
    all.add(options).add(hidden);
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
    if (values.count("help")) {
        std::cout << "usage: " << synopsis << "\n\n" << description << "\n\n" << options;
        return false;
    }
    po::notify(values);
    return true;
}

void add_file(command_line& cl, const char* what) {
    cl.hidden.add_options()("file", po::value<std::string>()->required(), what);
    cl.positional.add("file", 1);
}

model::date parse_date(const std::string& option, const std::string& text) {
    try {
        return model::date::from_iso(text);
    } catch (const partnerqi::parse_error& e) {
        throw usage_error("--" + option + " " + text + ": not a date; write it as YYYY-MM-DD (" +
                          e.what() + ")");
    }
}

model::case_study load(const std::string& file) {
    return timed("loading " + file, [&] { return io::load(file); });
}

void save(const model::case_study& study, const std::string& file, io::encoding encoding) {
    timed("saving " + file, [&] { io::save(study, file, io::save_options{encoding}); });
}

void refuse_same_file(const std::string& input, const std::string& output) {
    std::error_code ec;
    if (std::filesystem::equivalent(input, output, ec)) {
        throw usage_error("--out " + output + ": that is the input file " + input +
                          "; the tool never writes over its input, name another file");
    }
}

void print_left_out(const std::vector<std::string>& left_out, const std::string& what) {
    if (left_out.empty()) {
        std::cout << "nothing was left out\n";
        return;
    }
    std::cout << "not " << what << ":\n";
    for (const std::string& line : left_out)
        std::cout << "  " << line << '\n';
}

void add_pivots(command_line& cl) {
    cl.options.add_options()(
        "pivots", po::value<std::size_t>(),
        "estimate betweenness from N source people (fixed seed) instead of all of them, for "
        "networks too large for the exact O(people x ties) computation (closeness stays exact)");
}

network::metrics_options metrics_options_of(const command_line& cl) {
    network::metrics_options options;
    if (cl.has("pivots")) {
        options.betweenness_pivots = cl.values["pivots"].as<std::size_t>();
        if (options.betweenness_pivots == 0)
            throw usage_error("--pivots 0: give at least one source person");
    }
    return options;
}

}  // namespace partnerqi::cli
