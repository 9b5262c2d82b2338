// What every subcommand of the partnerqi tool shares: exit codes, the usage error, option
// parsing, progress timing, loading and saving with progress, and error printing.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/program_options.hpp>

#include <partnerqi/analysis/agreement.hpp>
#include <partnerqi/enum_traits.hpp>
#include <partnerqi/error.hpp>
#include <partnerqi/io/case_study_file.hpp>
#include <partnerqi/io/csv.hpp>
#include <partnerqi/io/refi_qda.hpp>
#include <partnerqi/model/case_study.hpp>
#include <partnerqi/model/date.hpp>
#include <partnerqi/number_format.hpp>
#include <partnerqi/progress.hpp>

namespace partnerqi::cli {

namespace po = boost::program_options;

/// Exit codes: 0 success, 1 usage error, 2 bad input (a file that cannot be read or is damaged,
/// a request that does not fit the file).
inline constexpr int exit_ok = 0;
inline constexpr int exit_usage = 1;
inline constexpr int exit_bad_input = 2;
/// Interrupted by Ctrl-C (SIGINT) or SIGTERM: 128 + SIGINT, as shells report it.
inline constexpr int exit_interrupted = 130;

/// Makes Ctrl-C and SIGTERM raise the flag that every long step of the tool watches, so that
/// the step stops with partnerqi::cancelled and leaves no partial output; a second Ctrl-C ends
/// the program at once. Called once, by main.
void watch_interrupts();

/// A command line that makes no sense: exit code 1.
class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Prints "error: ..." for the exception being handled and returns its exit code; call it only
/// inside a catch block.
[[nodiscard]] int report_current_exception() noexcept;

/// One step of work, said on stderr with how long it took: always when stderr is a terminal,
/// otherwise only when the step took more than a second (so scripts and logs stay quiet on small
/// files). On a terminal, a step that reports its progress shows a bar with the percentage done.
/// A step destroyed before finish() says " failed" on a terminal.
class progress {
public:
    explicit progress(std::string label);
    ~progress();
    progress(const progress&) = delete;
    progress& operator=(const progress&) = delete;
    void finish();
    /// What the library call of this step reports to and listens to: the bar, and the flag
    /// that Ctrl-C raises.
    [[nodiscard]] const run_control& control() const noexcept { return control_; }

private:
    void show(const progress_report& report);

    std::string label_;
    bool terminal_;
    bool finished_ = false;
    double start_;
    int shown_percent_ = -1;
    run_control control_;
};

/// Runs `work` as one step of progress and returns what it returns; `work` takes the step's
/// run_control when it can, to pass it to the library.
template <class Work>
auto timed(const std::string& label, Work&& work) {
    progress step(label);
    const auto run = [&] {
        if constexpr (std::is_invocable_v<Work&, const run_control&>)
            return work(step.control());
        else
            return work();
    };
    if constexpr (std::is_void_v<decltype(run())>) {
        run();
        step.finish();
    } else {
        auto result = run();
        step.finish();
        return result;
    }
}

/// What a subcommand accepts: its options, its positional arguments and its help text.
struct command_line {
    std::string synopsis;     ///< e.g. "partnerqi info FILE"
    std::string description;  ///< a paragraph under the synopsis
    po::options_description options{"Options"};
    po::options_description hidden;  ///< the positional arguments, named in the synopsis
    po::positional_options_description positional;
    po::variables_map values;

    command_line(std::string synopsis_text, std::string description_text);
    /// Parses the arguments; false when --help was asked for (the help is printed then).
    bool parse(const std::vector<std::string>& args);
    [[nodiscard]] bool has(const char* name) const { return values.count(name) > 0; }
    [[nodiscard]] std::string text(const char* name) const {
        return values[name].as<std::string>();
    }
};

/// The positional FILE argument, required. A case-study FILE (no `what` given) also brings the
/// options that raise the load limits (add_load_limits()).
void add_file(command_line& cl, const char* what = nullptr);

/// --max-payload-bytes, --max-string-length, --max-collection-size and --max-records: the
/// io::load_limits of every case-study file the command loads, for a trusted file larger than
/// the defaults.
void add_load_limits(command_line& cl);

/// --max-entry-bytes, --max-total-bytes, --max-compression-ratio, --max-entries and
/// --max-xml-depth: the io::qdpx_limits of a REFI-QDA project, for a trusted large archive.
void add_qdpx_limits(command_line& cl);
/// The REFI-QDA limits asked for with add_qdpx_limits()'s options, the defaults otherwise.
[[nodiscard]] io::qdpx_limits qdpx_limits_of(const command_line& cl);

/// A library message with each limit it names (load_limits::max_records,
/// qdpx_limits::max_entries, ...) followed by the option that raises it, e.g.
/// "raise load_limits::max_records (--max-records N) if the file is trusted".
[[nodiscard]] std::string with_limit_options(const std::string& message);

/// A date given with --option; a malformed one is a usage error.
[[nodiscard]] model::date parse_date(const std::string& option, const std::string& text);

/// A value of an enum given with --option, in the library's spelling; a wrong one is a usage
/// error that lists the accepted spellings.
template <class Enum>
[[nodiscard]] Enum parse_option(const std::string& option, const std::string& text) {
    try {
        return partnerqi::parse<Enum>(text);
    } catch (const partnerqi::parse_error& e) {
        throw usage_error("--" + option + " " + text + ": " + e.what());
    }
}

/// The spellings of an enum joined for a help text: "text|binary|xml".
template <class Enum>
[[nodiscard]] std::string choices() {
    std::string out;
    for (Enum value : partnerqi::enum_traits<Enum>::values)
        out += (out.empty() ? "" : "|") + std::string(to_string(value));
    return out;
}

/// Loads a case-study file, with progress.
[[nodiscard]] model::case_study load(const std::string& file);
/// Loads a case-study file and its envelope's facts, reading it once, with progress.
[[nodiscard]] io::loaded_file load_with_info(const std::string& file);
/// Saves a case-study file, with progress.
void save(const model::case_study& study, const std::string& file, io::encoding encoding);

/// A whole number given with --option, from `least` to `most`; anything else (a sign, a
/// fraction, letters, a number out of range) is a usage error that says the range.
[[nodiscard]] std::uint64_t parse_count(const std::string& option, const std::string& text,
                                        std::uint64_t least, std::uint64_t most);

/// Refuses, as a usage error, an output path that is one of the inputs: the same file, also
/// through links or another spelling of the path, so that no command can destroy its input.
void check_output(const std::string& out, const std::vector<std::string>& inputs);

/// The first line of a file that holds a secret (a salt), read without its line ending. Reads
/// at most max_secret_bytes, so that a device or a huge file cannot exhaust memory.
[[nodiscard]] std::string read_secret_line(const std::string& option, const std::string& file);
/// The longest secret read_secret_line() accepts, in bytes.
inline constexpr std::size_t max_secret_bytes = 4096;

/// While it lives, std::cout and std::cerr escape control characters (other than tab, line feed
/// and the carriage return of a CRLF) as \xHH, so that text from a file cannot drive the
/// terminal; the program's main() holds one.
class escaped_output {
public:
    escaped_output();
    ~escaped_output();
    escaped_output(const escaped_output&) = delete;
    escaped_output& operator=(const escaped_output&) = delete;

private:
    std::unique_ptr<std::streambuf> out_;
    std::unique_ptr<std::streambuf> err_;
    std::streambuf* previous_out_;
    std::streambuf* previous_err_;
};

/// Prints what an exchange with a REFI-QDA tool could not carry over, one line each, after a
/// heading naming `what` ("imported", "exported").
void print_left_out(const std::vector<std::string>& left_out, const std::string& what);

/// --pivots and --sample-closeness: sampled measures for networks too large for the exact
/// computation; the pivot count applies to every sampled measure.
void add_pivots(command_line& cl);
/// The metrics options asked for with --pivots and --sample-closeness.
[[nodiscard]] network::metrics_options metrics_options_of(const command_line& cl);
/// `options` reporting to and listening to one step's control (the progress bar, Ctrl-C).
[[nodiscard]] network::metrics_options watched(network::metrics_options options,
                                               const run_control& control);

/// --agreement-unit and --replicates: what a unit of the agreement between coders is, and the
/// bootstrap resamples of Krippendorff's alpha's interval (report and export --format csv).
void add_agreement_options(command_line& cl);
/// The agreement options asked for with --agreement-unit and --replicates (the library's
/// defaults for what was not given).
[[nodiscard]] analysis::agreement_options agreement_options_of(const command_line& cl);

/// --raw: CSV cells written as they are, for scripts, instead of guarded against spreadsheet
/// formulas (io::csv_cells).
void add_raw(command_line& cl);
/// The CSV cells asked for with --raw.
[[nodiscard]] io::csv_cells csv_cells_of(const command_line& cl);

/// @name The subcommands, one file each; `args` follow the command's name.
/// @{
int demo(const std::vector<std::string>& args);
int info(const std::vector<std::string>& args);
int catalog(const std::vector<std::string>& args);
int validate(const std::vector<std::string>& args);
int report(const std::vector<std::string>& args);
int metrics(const std::vector<std::string>& args);
int export_command(const std::vector<std::string>& args);
int convert(const std::vector<std::string>& args);
int deidentify(const std::vector<std::string>& args);
int template_command(const std::vector<std::string>& args);
int import_command(const std::vector<std::string>& args);
/// @}

}  // namespace partnerqi::cli
