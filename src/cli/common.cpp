#include "common.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <limits>
#include <new>
#include <sstream>

#include <unistd.h>

namespace partnerqi::cli {

namespace {

// Raised by Ctrl-C and SIGTERM; watched by every step (see watch_interrupts).
cancellation_flag interrupted;

// The load limits of this run, set from the command line by command_line::parse (one command
// runs per process) and used by every load().
io::load_limits chosen_limits;

// The limit options: the option, the field of the library's limits it sets, and what it means.
struct limit_option {
    const char* option;
    const char* field;
    const char* help;
};

constexpr limit_option load_limit_options[] = {
    {"max-payload-bytes", "load_limits::max_payload_bytes",
     "largest payload of a case-study file loaded, in bytes (default 1073741824)"},
    {"max-string-length", "load_limits::max_string_length",
     "longest text (a transcript, a note) loaded, in bytes (default 67108864)"},
    {"max-collection-size", "load_limits::max_collection_size",
     "most elements in one collection of a loaded file (default 50000000)"},
    {"max-records", "load_limits::max_records",
     "most elements across all collections of a loaded file (default 100000000)"},
};

constexpr limit_option qdpx_limit_options[] = {
    {"max-entry-bytes", "qdpx_limits::max_entry_bytes",
     "largest uncompressed entry of a REFI-QDA project, in bytes (default 268435456)"},
    {"max-total-bytes", "qdpx_limits::max_total_bytes",
     "largest uncompressed size of all its entries, in bytes (default 1073741824)"},
    {"max-compression-ratio", "qdpx_limits::max_compression_ratio",
     "largest ratio of uncompressed to compressed size (default 100; a zip bomb has thousands)"},
    {"max-entries", "qdpx_limits::max_entries", "most entries in the archive (default 100000)"},
    {"max-xml-depth", "qdpx_limits::max_xml_depth",
     "deepest nesting of XML elements (default 256)"},
};

// A limit given on the command line: a whole number from 1 up.
std::uint64_t limit_value(const command_line& cl, const char* option, std::uint64_t fallback) {
    if (!cl.has(option)) return fallback;
    return parse_count(option, cl.text(option), 1, std::numeric_limits<std::uint64_t>::max());
}

extern "C" void on_interrupt(int /*signal*/) { interrupted.raise(); }

// Moves the terminal's cursor back to the start of the line and, with `clear`, erases it. Sent
// around the escaping of std::cerr, which would show these bytes as text.
void rewind_line(bool clear) {
    std::cerr.flush();
    const char* sequence = clear ? "\r\033[K" : "\r";
    const auto ignored = ::write(STDERR_FILENO, sequence, clear ? 4 : 1);
    static_cast<void>(ignored);
}

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

void watch_interrupts() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    // A second signal takes the default action (the end); a read the signal interrupts goes on.
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

int report_current_exception() noexcept {
    try {
        throw;
    } catch (const cancelled& e) {
        std::cerr << "interrupted: " << e.what() << '\n';
        return exit_interrupted;
    } catch (const usage_error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return exit_usage;
    } catch (const po::error& e) {
        std::cerr << "error: " << e.what() << " (run 'partnerqi --help')\n";
        return exit_usage;
    } catch (const partnerqi::error& e) {
        std::cerr << "error: " << with_limit_options(e.what()) << '\n';
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
    control_.cancel = &interrupted;
    if (terminal_) {
        control_.progress = [this](const progress_report& report) { show(report); };
        std::cerr << label_ << " ..." << std::flush;
    }
}

void progress::show(const progress_report& report) {
    if (report.total == 0) return;
    const int percent = static_cast<int>(100 * std::min(report.done, report.total) / report.total);
    if (percent == shown_percent_) return;
    shown_percent_ = percent;
    constexpr int width = 20;
    const int filled = percent * width / 100;
    rewind_line(false);
    std::cerr << label_ << " [" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(width - filled), '.') << "] " << percent
              << '%' << std::flush;
}

progress::~progress() {
    if (finished_ || !terminal_) return;
    if (shown_percent_ >= 0) {
        rewind_line(true);
        std::cerr << label_ << " ...";
    }
    std::cerr << " failed\n";
}

void progress::finish() {
    finished_ = true;
    const double seconds = now_seconds() - start_;
    const std::string took = format_text(seconds, figure::average);
    if (terminal_) {
        // After a bar, the line is written again whole (the bar is wider than " done").
        if (shown_percent_ >= 0) {
            rewind_line(true);
            std::cerr << label_ << " ...";
        }
        std::cerr << " done in " << took << " s\n";
    } else if (seconds > 1.0) {
        std::cerr << label_ << " ... done in " << took << " s\n";
    }
}

namespace {

// "usage: " and the synopsis, wrapped to 100 columns between its words and bracketed options
// (an option in brackets is never cut); continuation lines align after the command's name.
std::string usage_text(const std::string& synopsis) {
    std::vector<std::string> words;
    std::string word;
    int depth = 0;
    for (char c : synopsis) {
        if (c == ' ' && depth == 0) {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
            continue;
        }
        depth += c == '[' ? 1 : c == ']' ? -1 : 0;
        word += c;
    }
    if (!word.empty()) words.push_back(std::move(word));
    std::string out = "usage:";
    const std::size_t indent = out.size() + 1 + (words.empty() ? 0 : words[0].size() + 1) +
                               (words.size() > 1 ? words[1].size() + 1 : 0);
    std::size_t column = out.size();
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 1 && column + 1 + words[i].size() > 100) {
            out += "\n" + std::string(indent, ' ') + words[i];
            column = indent + words[i].size();
        } else {
            out += " " + words[i];
            column += 1 + words[i].size();
        }
    }
    return out;
}

}  // namespace

command_line::command_line(std::string synopsis_text, std::string description_text)
    : synopsis(std::move(synopsis_text)), description(std::move(description_text)) {
    options.add_options()("help,h", "show this help and exit");
}

bool command_line::parse(const std::vector<std::string>& args) {
    po::options_description all;
    all.add(options).add(hidden);
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
    if (values.count("help")) {
        std::cout << usage_text(synopsis) << "\n\n" << description << "\n\n" << options;
        return false;
    }
    po::notify(values);
    chosen_limits.max_payload_bytes =
        limit_value(*this, "max-payload-bytes", io::load_limits{}.max_payload_bytes);
    chosen_limits.max_string_length =
        limit_value(*this, "max-string-length", io::load_limits{}.max_string_length);
    chosen_limits.max_collection_size =
        limit_value(*this, "max-collection-size", io::load_limits{}.max_collection_size);
    chosen_limits.max_records = limit_value(*this, "max-records", io::load_limits{}.max_records);
    for (const auto& [name, value] : values) {
        const po::option_description* option = all.find_nothrow(name, false);
        if (option != nullptr && option->semantic()->max_tokens() == 0) continue;  // a switch
        const auto* text = boost::any_cast<std::string>(&value.value());
        const auto* texts = boost::any_cast<std::vector<std::string>>(&value.value());
        const bool empty =
            (text != nullptr && text->empty()) ||
            (texts != nullptr &&
             std::any_of(texts->begin(), texts->end(), [](const auto& t) { return t.empty(); }));
        if (empty)
            throw usage_error(name == "file" ? "the FILE argument is empty; name a file"
                                             : "--" + name + " is empty; give it a value");
    }
    return true;
}

void add_file(command_line& cl, const char* what) {
    cl.hidden.add_options()("file", po::value<std::string>()->required(),
                            what ? what : "the case-study file to read");
    cl.positional.add("file", 1);
    if (!what) add_load_limits(cl);
}

void add_load_limits(command_line& cl) {
    for (const limit_option& o : load_limit_options)
        cl.options.add_options()(o.option, po::value<std::string>()->value_name("N"), o.help);
}

void add_qdpx_limits(command_line& cl) {
    for (const limit_option& o : qdpx_limit_options)
        cl.options.add_options()(o.option, po::value<std::string>()->value_name("N"), o.help);
}

io::qdpx_limits qdpx_limits_of(const command_line& cl) {
    io::qdpx_limits limits;
    limits.max_entry_bytes = limit_value(cl, "max-entry-bytes", limits.max_entry_bytes);
    limits.max_total_bytes = limit_value(cl, "max-total-bytes", limits.max_total_bytes);
    limits.max_compression_ratio =
        limit_value(cl, "max-compression-ratio", limits.max_compression_ratio);
    limits.max_entries = limit_value(cl, "max-entries", limits.max_entries);
    limits.max_xml_depth =
        static_cast<std::size_t>(limit_value(cl, "max-xml-depth", limits.max_xml_depth));
    return limits;
}

std::string with_limit_options(const std::string& message) {
    std::string out = message;
    auto name_options = [&out](const auto& options) {
        for (const limit_option& o : options) {
            const std::string field = o.field, added = " (--" + std::string(o.option) + " N)";
            for (std::size_t at = out.find(field); at != std::string::npos;
                 at = out.find(field, at + field.size() + added.size()))
                out.insert(at + field.size(), added);
        }
    };
    name_options(load_limit_options);
    name_options(qdpx_limit_options);
    return out;
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
    return timed("loading " + file, [&](const run_control& control) {
        return io::load(file, chosen_limits, control);
    });
}

io::loaded_file load_with_info(const std::string& file) {
    return timed("loading " + file, [&](const run_control& control) {
        return io::load_with_info(file, chosen_limits, control);
    });
}

void save(const model::case_study& study, const std::string& file, io::encoding encoding) {
    timed("saving " + file, [&](const run_control& control) {
        io::save(study, file, io::save_options{encoding}, control);
    });
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
        "pivots", po::value<std::string>()->value_name("N"),
        "sampled measures use N source people (pivots, drawn with a fixed seed) instead of "
        "all of them: betweenness, whose exact computation takes O(people x ties), and "
        "closeness with --sample-closeness")(
        "sample-closeness",
        "with --pivots, estimate closeness from the same pivots too (one traversal for both; "
        "unbiased distance sums). Without it closeness stays exact: a bit-parallel search, "
        "seconds for 10^5 people");
}

void add_raw(command_line& cl) {
    cl.options.add_options()(
        "raw",
        "write CSV cells exactly as they are, for scripts; by default a cell a spreadsheet would "
        "run as a formula (=, +, -, @ first) gets an apostrophe before it (OWASP CSV injection)");
}

io::csv_cells csv_cells_of(const command_line& cl) {
    return cl.has("raw") ? io::csv_cells::raw : io::csv_cells::guarded;
}

void add_agreement_options(command_line& cl) {
    const std::string unit_help =
        "what a unit of the agreement between coders is: " + choices<analysis::agreement_unit>() +
        " (default source: the presence of a code in a source; character: each character of a "
        "source, as NVivo's coding comparison counts)";
    cl.options.add_options()("agreement-unit", po::value<std::string>()->value_name("U"),
                             unit_help.c_str())(
        "replicates", po::value<std::string>()->value_name("N"),
        "bootstrap resamples of Krippendorff's alpha's interval, 1 to 100000 (default 1000); "
        "the seed is fixed, so a report repeats");
}

analysis::agreement_options agreement_options_of(const command_line& cl) {
    analysis::agreement_options options;
    if (cl.has("agreement-unit"))
        options.unit =
            parse_option<analysis::agreement_unit>("agreement-unit", cl.text("agreement-unit"));
    if (cl.has("replicates"))
        options.bootstrap.replicates =
            static_cast<std::size_t>(parse_count("replicates", cl.text("replicates"), 1, 100000));
    return options;
}

network::metrics_options metrics_options_of(const command_line& cl) {
    network::metrics_options options;
    if (cl.has("pivots"))
        options.betweenness_pivots = static_cast<std::size_t>(
            parse_count("pivots", cl.text("pivots"), 1, std::uint64_t{1} << 32));
    if (cl.has("sample-closeness")) {
        if (options.betweenness_pivots == 0)
            throw usage_error("--sample-closeness: give the number of pivots with --pivots N");
        options.closeness_pivots = options.betweenness_pivots;
    }
    return options;
}

network::metrics_options watched(network::metrics_options options, const run_control& control) {
    options.control = control;
    return options;
}

std::uint64_t parse_count(const std::string& option, const std::string& text, std::uint64_t least,
                          std::uint64_t most) {
    const std::string range =
        "give a whole number from " + std::to_string(least) + " to " + std::to_string(most);
    std::uint64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [at, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec == std::errc::invalid_argument || at != end)
        throw usage_error("--" + option + " " + text + ": not a whole number; " + range);
    if (ec == std::errc::result_out_of_range || value < least || value > most)
        throw usage_error("--" + option + " " + text + ": out of range; " + range);
    return value;
}

void check_output(const std::string& out, const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    for (const std::string& input : inputs) {
        // The same file through any link (both exist), or the same path spelled another way.
        std::error_code same_ec, out_ec, input_ec;
        const bool same_file = fs::equivalent(out, input, same_ec) && !same_ec;
        const fs::path out_path = fs::weakly_canonical(out, out_ec);
        const fs::path input_path = fs::weakly_canonical(input, input_ec);
        const bool same_path = !out_ec && !input_ec && out_path == input_path;
        if (same_file || same_path)
            throw usage_error("--out " + out + " is the input " + input +
                              "; writing it would destroy the input: name another file");
    }
}

std::string read_secret_line(const std::string& option, const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw invalid_request_error("--" + option + " " + file +
                                    ": cannot be opened; check the path and its permissions");
    std::string line;
    char c = 0;
    while (line.size() <= max_secret_bytes && in.get(c) && c != '\n')
        line += c;
    if (line.size() > max_secret_bytes)
        throw invalid_request_error("--" + option + " " + file +
                                    ": its first line is longer than " +
                                    std::to_string(max_secret_bytes) +
                                    " bytes; put a secret of 16 to 64 random characters on the "
                                    "first line");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

namespace {

// Passes text through, writing control characters as \xHH (a CR is kept before a LF).
class escaping_buffer : public std::streambuf {
public:
    explicit escaping_buffer(std::streambuf* target) : target_(target) {}

protected:
    int_type overflow(int_type ch) override {
        if (traits_type::eq_int_type(ch, traits_type::eof())) return sync() == 0 ? 0 : ch;
        const auto c = static_cast<unsigned char>(traits_type::to_char_type(ch));
        if (pending_cr_) {
            pending_cr_ = false;
            if (!put(c == '\n' ? "\r" : "\\x0d")) return traits_type::eof();
        }
        if (c == '\r') {
            pending_cr_ = true;
            return ch;
        }
        const bool control = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f;
        if (!control) return target_->sputc(static_cast<char>(c));
        static constexpr char hex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'x', hex[c >> 4], hex[c & 0xf], '\0'};
        return put(escaped) ? ch : traits_type::eof();
    }
    int sync() override {
        if (pending_cr_) {
            pending_cr_ = false;
            if (!put("\\x0d")) return -1;
        }
        return target_->pubsync();
    }

private:
    bool put(const char* text) {
        const std::streamsize n =
            static_cast<std::streamsize>(std::char_traits<char>::length(text));
        return target_->sputn(text, n) == n;
    }
    std::streambuf* target_;
    bool pending_cr_ = false;
};

}  // namespace

escaped_output::escaped_output()
    : out_(std::make_unique<escaping_buffer>(std::cout.rdbuf())),
      err_(std::make_unique<escaping_buffer>(std::cerr.rdbuf())),
      previous_out_(std::cout.rdbuf(out_.get())),
      previous_err_(std::cerr.rdbuf(err_.get())) {}

escaped_output::~escaped_output() {
    std::cout.flush();
    std::cerr.flush();
    std::cout.rdbuf(previous_out_);
    std::cerr.rdbuf(previous_err_);
}

}  // namespace partnerqi::cli
