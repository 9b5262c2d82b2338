// partnerqi: the command-line tool. Writes the demo study, describes, validates, analyses,
// exports, converts and de-identifies case-study files.
//
// Exit codes: 0 success, 1 usage error (unknown command or option, a malformed option value),
// 2 bad input (a file that cannot be read or is damaged, a request that does not fit the file).
// Every failure prints one "error: ..." line on stderr; the tool never crashes on bad input.
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include <boost/program_options.hpp>

#include <partnerqi/io.hpp>
#include <partnerqi/io/csv.hpp>
#include <partnerqi/io/dot.hpp>
#include <partnerqi/io/graphml.hpp>
#include <partnerqi/partnerqi.hpp>

namespace po = boost::program_options;
namespace fs = std::filesystem;
namespace analysis = partnerqi::analysis;
namespace io = partnerqi::io;
namespace model = partnerqi::model;
namespace network = partnerqi::network;

namespace {

constexpr int exit_ok = 0;
constexpr int exit_usage = 1;
constexpr int exit_bad_input = 2;

/// A command line that makes no sense: exit code 1.
class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// ---- progress ---------------------------------------------------------------------------------

/// Runs one step of work and says how long it took: always when stderr is a terminal, otherwise
/// only when the step took more than a second (so scripts and logs stay quiet on small files).
template <class Work>
auto timed(const std::string& label, Work&& work) {
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    if (terminal) std::cerr << label << " ..." << std::flush;
    const auto start = std::chrono::steady_clock::now();
    auto finish = [&] {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::ostringstream took;
        took << std::fixed << std::setprecision(seconds < 10 ? 2 : 1) << seconds;
        if (terminal) {
            std::cerr << " done in " << took.str() << " s\n";
        } else if (seconds > 1.0) {
            std::cerr << label << " ... done in " << took.str() << " s\n";
        }
    };
    try {
        if constexpr (std::is_void_v<decltype(work())>) {
            work();
            finish();
        } else {
            auto result = work();
            finish();
            return result;
        }
    } catch (...) {
        if (terminal) std::cerr << " failed\n";
        throw;
    }
}

// ---- parsing helpers --------------------------------------------------------------------------

/// What a subcommand accepts: its options, its positional arguments and its help text.
struct command_line {
    std::string synopsis;     ///< e.g. "partnerqi info FILE"
    std::string description;  ///< a paragraph under the synopsis
    po::options_description options{"Options"};
    po::options_description hidden;  ///< the positional arguments, named in the synopsis
    po::positional_options_description positional;
    po::variables_map values;

    command_line(std::string synopsis_text, std::string description_text)
        : synopsis(std::move(synopsis_text)), description(std::move(description_text)) {
        options.add_options()("help,h", "show this help and exit");
    }

    void print_help(std::ostream& out) const {
        out << "usage: " << synopsis << "\n\n" << description << "\n\n" << options;
    }

    /// Parses the arguments; false when --help was asked for (the help is printed then).
    bool parse(const std::vector<std::string>& args) {
        po::options_description all;
        all.add(options).add(hidden);
        po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
        if (values.count("help")) {
            print_help(std::cout);
            return false;
        }
        po::notify(values);
        return true;
    }

    [[nodiscard]] bool has(const char* name) const { return values.count(name) > 0; }
    [[nodiscard]] std::string text(const char* name) const { return values[name].as<std::string>(); }
};

/// The positional FILE argument, required.
void add_file(command_line& cl, const char* what = "the case-study file to read") {
    cl.hidden.add_options()("file", po::value<std::string>()->required(), what);
    cl.positional.add("file", 1);
}

/// A date given on the command line; a malformed one is a usage error.
model::date parse_date(const std::string& option, const std::string& text) {
    try {
        return model::date::from_iso(text);
    } catch (const partnerqi::parse_error& e) {
        throw usage_error("--" + option + " " + text + ": not a date; write it as YYYY-MM-DD (" +
                          e.what() + ")");
    }
}

/// The payload encoding named on the command line.
io::encoding parse_encoding(const std::string& text) {
    if (text == "text") return io::encoding::portable_text;
    if (text == "binary") return io::encoding::native_binary;
    if (text == "xml") return io::encoding::xml;
    throw usage_error("--to " + text + ": unknown encoding; use text, binary or xml");
}

io::encoding file_encoding(const fs::path& file) {
    try {
        return io::read_file_info(file).format;
    } catch (const partnerqi::error&) {
        return io::encoding::portable_text;
    }
}

model::case_study load(const std::string& file) {
    return timed("loading " + file, [&] { return io::load(file); });
}

void save(const model::case_study& study, const std::string& file, io::encoding encoding) {
    timed("saving " + file, [&] { io::save(study, file, io::save_options{encoding}); });
}

std::string codes_of_waves(const model::case_study& study) {
    std::string out;
    for (const model::wave& w : study.waves()) out += (out.empty() ? "" : ", ") + w.code;
    return out.empty() ? "the file has no wave" : "its waves are " + out;
}

std::string codes_of_cases(const model::case_study& study) {
    std::string out;
    for (const model::study_case& c : study.cases()) out += (out.empty() ? "" : ", ") + c.code;
    return out.empty() ? "the file has no case" : "its cases are " + out;
}

/// --from, --to and --wave: the options that choose a time window.
void add_time_options(command_line& cl) {
    cl.options.add_options()
        ("from", po::value<std::string>(), "count only records on or after this date (YYYY-MM-DD)")
        ("to", po::value<std::string>(), "count only records on or before this date (YYYY-MM-DD)")
        ("wave", po::value<std::string>(), "count only the records of this wave (its code, e.g. W2)");
}

/// The window asked for with --from and --to, checked before the file is read.
struct time_choice {
    std::optional<model::date> from, to;
    std::optional<std::string> wave;
};

time_choice time_options(const command_line& cl) {
    time_choice t;
    if (cl.has("from")) t.from = parse_date("from", cl.text("from"));
    if (cl.has("to")) t.to = parse_date("to", cl.text("to"));
    if (t.from && t.to && *t.to < *t.from) {
        throw usage_error("--from " + t.from->to_iso() + " is after --to " + t.to->to_iso() +
                          "; give the earlier date first");
    }
    if (cl.has("wave")) t.wave = cl.text("wave");
    return t;
}

std::optional<model::date_window> window_of(const model::case_study& study, const time_choice& t) {
    if (!t.from && !t.to) return std::nullopt;
    const model::date first = t.from ? *t.from : study.window().first();
    const model::date last = t.to ? *t.to : study.window().last();
    if (last < first) {
        throw partnerqi::invalid_request_error("the window " + first.to_iso() + "/" + last.to_iso() +
                                               " is empty for this study, whose window is " +
                                               study.window().to_iso());
    }
    return model::date_window(first, last);
}

std::optional<model::wave_id> wave_of(const model::case_study& study, const time_choice& t) {
    if (!t.wave) return std::nullopt;
    auto id = study.find_wave(*t.wave);
    if (!id) throw partnerqi::not_found_error("no wave \"" + *t.wave + "\"; " + codes_of_waves(study));
    return id;
}

/// The network the options select: a window inside the study window, or a wave.
network::graph_filter graph_filter_of(const model::case_study& study, const time_choice& t) {
    network::graph_filter f;
    f.wave = wave_of(study, t);
    if (auto w = window_of(study, t)) {
        if (f.wave) {
            throw partnerqi::invalid_request_error(
                "choose either a wave or a window (--from/--to) for the network, not both");
        }
        f.window = w;
    }
    return f;
}

/// --pivots: sampled betweenness for networks too large for the exact computation.
void add_pivots(command_line& cl) {
    cl.options.add_options()
        ("pivots", po::value<std::size_t>(),
         "estimate betweenness from N source people (fixed seed) instead of all of them, for "
         "networks too large for the exact O(people x ties) computation (closeness stays exact)");
}

io::metrics_options metrics_options_of(const command_line& cl) {
    io::metrics_options options;
    if (cl.has("pivots")) {
        options.betweenness_pivots = cl.values["pivots"].as<std::size_t>();
        if (options.betweenness_pivots == 0) throw usage_error("--pivots 0: give at least one source person");
    }
    return options;
}

// ---- the commands -----------------------------------------------------------------------------

int demo(const std::vector<std::string>& args) {
    command_line cl("partnerqi demo --out FILE [--to text|binary|xml]",
                    "Writes the seed study's two cases (Clavel, Pomey and Ghadiri 2019) into a "
                    "case-study file:\nwhat the study reports, plus illustrative detail (more "
                    "managers, practices, engagements,\nwaves, interviews) marked illustrative.");
    cl.options.add_options()
        ("out,o", po::value<std::string>()->required(), "the case-study file to write")
        ("to", po::value<std::string>()->default_value("text"), "payload encoding: text, binary or xml");
    if (!cl.parse(args)) return exit_ok;
    const io::encoding encoding = parse_encoding(cl.text("to"));
    const model::case_study study = model::seed_study_illustrated();
    save(study, cl.text("out"), encoding);
    const analysis::case_study_profile p = analysis::profile(study);
    const auto& by = p.records_by_provenance;
    std::cout << "wrote " << cl.text("out") << ": " << study.title() << "\n  " << study.people().size()
              << " people, " << study.teams().size() << " QI teams, " << study.engagements().size()
              << " engagements, " << study.enactments().size() << " practice enactments\n  records: "
              << by[static_cast<std::size_t>(model::provenance::reported)] << " reported by the study, "
              << by[static_cast<std::size_t>(model::provenance::illustrative)]
              << " illustrative (invented for the demo, not facts)\n";
    return exit_ok;
}

int info(const std::vector<std::string>& args) {
    command_line cl("partnerqi info FILE",
                    "Describes a case study: organizations with their setting and program, people "
                    "by role and\ntier, QI teams with their members and advisors, activities by "
                    "level, data sources and known\ntotals, the study window, and how many records "
                    "are reported, user-entered or illustrative.");
    add_file(cl);
    if (!cl.parse(args)) return exit_ok;
    const std::string file = cl.text("file");
    const io::file_info envelope = io::read_file_info(file);
    const model::case_study study = load(file);
    std::cout << "File: " << file << " (" << io::describe(envelope.format) << ", "
              << envelope.payload_bytes << " bytes of payload, written by partnerqi "
              << envelope.writer_major << '.' << envelope.writer_minor << '.' << envelope.writer_patch
              << ")\n\n"
              << analysis::to_text(analysis::profile(study));
    return exit_ok;
}

int validate(const std::vector<std::string>& args) {
    command_line cl("partnerqi validate FILE",
                    "Checks that a file is an intact case study whose every record keeps the "
                    "model's rules\n(unique codes, references that resolve, dates inside the "
                    "window, managers with a tier).\nExit code 0 when it is valid, 2 with the "
                    "first problem on stderr when it is not.");
    add_file(cl);
    if (!cl.parse(args)) return exit_ok;
    const std::string file = cl.text("file");
    // Loading checks the envelope and runs the same validate() as a save, so a study that loads
    // is valid.
    const model::case_study study = load(file);
    std::cout << file << ": valid case study \"" << study.title() << "\" (" << study.people().size()
              << " people, " << study.teams().size() << " QI teams, " << study.engagements().size()
              << " engagements, " << study.enactments().size() << " practice enactments, "
              << study.segments().size() << " coded segments)\n";
    return exit_ok;
}

int report(const std::vector<std::string>& args) {
    command_line cl("partnerqi report FILE [--from DATE] [--to DATE] [--wave W] [--case C]",
                    "Prints the analysis summary: profile, practice x tier matrix and the "
                    "every-tier check, tokenism\naudit, evaluation loop, network, waves, cases "
                    "side by side and coding queries.");
    add_file(cl);
    add_time_options(cl);
    cl.options.add_options()("case", po::value<std::string>(), "analyse one case only (its code, e.g. case-1)");
    if (!cl.parse(args)) return exit_ok;
    const time_choice t = time_options(cl);
    const model::case_study study = load(cl.text("file"));
    analysis::summary_options options;
    options.scope.window = window_of(study, t);
    options.scope.wave = wave_of(study, t);
    if (cl.has("case")) {
        auto id = study.find_case(cl.text("case"));
        if (!id) {
            throw partnerqi::not_found_error("no case \"" + cl.text("case") + "\"; " + codes_of_cases(study));
        }
        options.scope.study_case = id;
    }
    const analysis::study_summary s = timed("analysing", [&] { return analysis::summary(study, options); });
    std::cout << analysis::to_text(s);
    return exit_ok;
}

int metrics(const std::vector<std::string>& args) {
    command_line cl("partnerqi metrics FILE [--csv] [--from DATE] [--to DATE] [--wave W] [--pivots N]",
                    "Prints one row per person: code, role, tier, organization, in and out degree, "
                    "event-weighted\nin and out degree, betweenness (unnormalized), closeness, "
                    "weak component and steps to a\ntop-level manager, as an aligned table or as "
                    "CSV (RFC 4180).");
    add_file(cl);
    add_time_options(cl);
    cl.options.add_options()("csv", "print CSV instead of an aligned table");
    add_pivots(cl);
    if (!cl.parse(args)) return exit_ok;
    const io::metrics_options measure = metrics_options_of(cl);
    const time_choice t = time_options(cl);
    const model::case_study study = load(cl.text("file"));
    const network::engagement_graph graph = network::build(study, graph_filter_of(study, t));
    const auto rows = timed("measuring the network", [&] { return io::metrics_of(study, graph, measure); });
    if (cl.has("csv")) {
        io::write_metrics_csv(std::cout, rows);
    } else {
        std::cout << io::metrics_text(rows);
    }
    return exit_ok;
}

/// Every analysis table of the summary, plus the metrics table, as CSV files in a directory.
void export_tables(const model::case_study& study, const time_choice& t,
                   const io::metrics_options& measure, const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir)) {
        throw partnerqi::save_error("directory " + dir.string() + ": cannot create it (" +
                                    ec.message() + "); check the path and its permissions");
    }
    analysis::summary_options options;
    options.scope.window = window_of(study, t);
    options.scope.wave = wave_of(study, t);
    const analysis::study_summary s = timed("analysing", [&] { return analysis::summary(study, options); });
    const network::engagement_graph graph = network::build(study, graph_filter_of(study, t));
    const auto rows = timed("measuring the network", [&] { return io::metrics_of(study, graph, measure); });

    std::vector<std::string> written;
    auto table = [&](const char* name, const std::function<void(std::ostream&)>& write) {
        io::save_csv(dir / name, write);
        written.emplace_back(name);
    };
    table("metrics.csv", [&](std::ostream& o) { io::write_metrics_csv(o, rows); });
    table("practice-matrix.csv", [&](std::ostream& o) { analysis::write_csv(o, s.matrix); });
    table("tokenism-audit.csv", [&](std::ostream& o) { analysis::write_csv(o, s.audit); });
    table("evaluation-loop.csv", [&](std::ostream& o) { analysis::write_csv(o, s.loop); });
    if (s.network) table("network-summary.csv", [&](std::ostream& o) { analysis::write_csv(o, *s.network); });
    if (s.waves) table("waves.csv", [&](std::ostream& o) { analysis::write_csv(o, *s.waves); });
    if (s.cases) table("cases.csv", [&](std::ostream& o) { analysis::write_csv(o, *s.cases); });
    if (s.frequencies) table("code-frequencies.csv", [&](std::ostream& o) { analysis::write_csv(o, *s.frequencies); });
    if (s.codes_by_tier) table("codes-by-tier.csv", [&](std::ostream& o) { analysis::write_csv(o, *s.codes_by_tier); });
    if (s.cooccurrence) table("code-cooccurrence.csv", [&](std::ostream& o) { analysis::write_csv(o, *s.cooccurrence); });
    if (s.agreement) table("coder-agreement.csv", [&](std::ostream& o) { analysis::write_csv(o, *s.agreement); });
    if (s.evidence) table("practice-evidence.csv", [&](std::ostream& o) { analysis::write_csv(o, *s.evidence); });
    std::cout << "wrote " << written.size() << " tables into " << dir.string() << ":";
    for (const auto& name : written) std::cout << ' ' << name;
    std::cout << '\n';
}

int export_command(const std::vector<std::string>& args) {
    command_line cl("partnerqi export FILE --format dot|svg|png|graphml|csv --out PATH [options]",
                    "Exports the engagement network or the tables of a case study.\n"
                    "  dot      the network as Graphviz DOT (tiers as ranks, advisors marked, ties "
                    "styled by level)\n"
                    "  svg, png the same picture rendered by Graphviz's dot (it must be installed)\n"
                    "  graphml  the network with every measure, for NetworkX, igraph, Gephi, "
                    "Cytoscape\n"
                    "  csv      the metrics table into the file PATH; when PATH is a directory (it "
                    "exists, or\n"
                    "           ends with '/'), every analysis table and the metrics table, one CSV "
                    "file each");
    add_file(cl);
    cl.options.add_options()
        ("format,f", po::value<std::string>()->required(), "dot, svg, png, graphml or csv")
        ("out,o", po::value<std::string>()->required(), "the file (or, for csv, directory) to write");
    add_time_options(cl);
    cl.options.add_options()
        ("names", "show display names in pictures (personal data: off by default)")
        ("active-only", "leave out people with no tie in the window");
    add_pivots(cl);
    if (!cl.parse(args)) return exit_ok;
    const io::metrics_options measure = metrics_options_of(cl);
    const std::string format = cl.text("format");
    const std::string out = cl.text("out");
    if (format != "dot" && format != "svg" && format != "png" && format != "graphml" && format != "csv") {
        throw usage_error("--format " + format + ": unknown format; use dot, svg, png, graphml or csv");
    }
    const time_choice t = time_options(cl);
    const model::case_study study = load(cl.text("file"));

    if (format == "csv" && (fs::is_directory(out) || out.back() == '/')) {
        export_tables(study, t, measure, out);
        return exit_ok;
    }
    network::graph_filter filter = graph_filter_of(study, t);
    filter.only_active = cl.has("active-only");
    const network::engagement_graph graph = network::build(study, filter);
    if (format == "graphml") {
        timed("writing " + out, [&] { io::save_graphml(out, study, graph, measure); });
    } else if (format == "csv") {
        const auto rows = timed("measuring the network", [&] { return io::metrics_of(study, graph, measure); });
        io::save_metrics_csv(out, rows);
    } else {
        io::dot_options options;
        options.show_names = cl.has("names");
        const io::picture_format picture = format == "dot"   ? io::picture_format::dot
                                           : format == "svg" ? io::picture_format::svg
                                                             : io::picture_format::png;
        timed("drawing " + out, [&] { io::save_picture(study, graph, picture, out, options); });
    }
    std::cout << "wrote " << out << " (" << format << ": " << graph.num_people() << " people, "
              << graph.num_ties() << " ties)\n";
    return exit_ok;
}

int convert(const std::vector<std::string>& args) {
    command_line cl("partnerqi convert FILE --to text|binary|xml --out PATH",
                    "Writes the same case study with another payload encoding: text (portable, the "
                    "default),\nbinary (fastest, same kind of machine only) or xml (readable by "
                    "people and diff tools).");
    add_file(cl);
    cl.options.add_options()
        ("to", po::value<std::string>()->required(), "text, binary or xml")
        ("out,o", po::value<std::string>()->required(), "the case-study file to write");
    if (!cl.parse(args)) return exit_ok;
    const io::encoding encoding = parse_encoding(cl.text("to"));
    const model::case_study study = load(cl.text("file"));
    save(study, cl.text("out"), encoding);
    std::cout << "wrote " << cl.text("out") << " (" << io::describe(encoding) << ")\n";
    return exit_ok;
}

int deidentify(const std::vector<std::string>& args) {
    command_line cl("partnerqi deidentify FILE --out PATH (--salt S | --salt-file F) [--to ENC]",
                    "Writes a de-identified copy: person codes become keyed pseudonyms, display "
                    "names and free\ntexts are removed. Keep the salt secret and the same across "
                    "files that must link up;\n--salt-file keeps it out of the process list and the "
                    "shell history.");
    add_file(cl);
    cl.options.add_options()
        ("out,o", po::value<std::string>()->required(), "the de-identified case-study file to write")
        ("salt", po::value<std::string>(), "the secret key of the pseudonyms")
        ("salt-file", po::value<std::string>(), "read the secret key from the first line of this file")
        ("to", po::value<std::string>(), "payload encoding: text, binary or xml (default: the input's)");
    if (!cl.parse(args)) return exit_ok;
    if (cl.has("salt") == cl.has("salt-file")) {
        throw usage_error("give the secret key with exactly one of --salt and --salt-file");
    }
    std::string salt;
    if (cl.has("salt")) {
        salt = cl.text("salt");
    } else {
        std::ifstream in(cl.text("salt-file"));
        if (!in || !std::getline(in, salt)) {
            throw partnerqi::invalid_request_error("salt file " + cl.text("salt-file") +
                                                   ": cannot read its first line; check the path");
        }
    }
    if (salt.empty()) throw usage_error("the salt is empty; give a secret, non-empty salt");
    // The encoding is checked before the file is read, so a usage error costs no load.
    const bool keep_encoding = !cl.has("to");
    const io::encoding requested =
        keep_encoding ? io::encoding::portable_text : parse_encoding(cl.text("to"));
    const std::string file = cl.text("file");
    const model::case_study study = load(file);
    const model::case_study shared = timed("de-identifying", [&] { return io::deidentify(study, salt); });
    save(shared, cl.text("out"), keep_encoding ? file_encoding(file) : requested);
    std::cout << "wrote " << cl.text("out") << ": " << shared.people().size()
              << " people under pseudonyms; display names and free texts removed\n";
    return exit_ok;
}

// ---- dispatch ---------------------------------------------------------------------------------

struct command {
    std::string_view name;
    std::string_view summary;
    int (*run)(const std::vector<std::string>&);
};

constexpr command commands[] = {
    {"demo", "write the seed study's two cases (reported facts plus illustrative detail)", demo},
    {"info", "describe a case study: organizations, people, teams, activities, sources", info},
    {"validate", "check that a file is an intact, valid case study", validate},
    {"report", "print the analysis summary, for a window, a wave or a case", report},
    {"metrics", "print the network measures of every person (table or CSV)", metrics},
    {"export", "write the network as DOT, SVG, PNG or GraphML, or the tables as CSV", export_command},
    {"convert", "rewrite a case-study file as text, binary or XML", convert},
    {"deidentify", "write a de-identified copy for sharing", deidentify},
};

void print_usage(std::ostream& out) {
    out << "usage: partnerqi [--help] [--version] COMMAND [ARGS]\n\n"
           "Patient partnership in quality improvement: case-study files, analyses and pictures.\n\n"
           "Commands:\n";
    for (const command& c : commands) {
        out << "  " << std::left << std::setw(11) << c.name << c.summary << '\n';
    }
    out << "\nRun 'partnerqi COMMAND --help' for the options of a command.\n"
           "Exit codes: 0 success, 1 usage error, 2 bad input (unreadable, damaged or invalid file,\n"
           "or a request that does not fit the file).\n";
}

int run(int argc, char** argv) {
    // Global options come before the command; everything after it belongs to the command.
    int first = 1;
    while (first < argc && argv[first][0] == '-') ++first;
    po::options_description global("Options");
    global.add_options()("help,h", "show this help and exit")("version", "show the version and exit");
    po::variables_map values;
    po::store(po::command_line_parser(std::vector<std::string>(argv + 1, argv + first)).options(global).run(),
              values);
    if (values.count("help")) {
        print_usage(std::cout);
        return exit_ok;
    }
    if (values.count("version")) {
        std::cout << "partnerqi " << PARTNERQI_VERSION_MAJOR << '.' << PARTNERQI_VERSION_MINOR << '.'
                  << PARTNERQI_VERSION_PATCH << '\n';
        return exit_ok;
    }
    if (first >= argc) {
        std::cerr << "error: no command given\n\n";
        print_usage(std::cerr);
        return exit_usage;
    }
    const std::string_view name = argv[first];
    for (const command& c : commands) {
        if (c.name == name) {
            try {
                return c.run(std::vector<std::string>(argv + first + 1, argv + argc));
            } catch (const po::required_option& e) {
                const std::string missing = e.get_option_name() == "--file"
                                                ? std::string("the case-study FILE to read is missing")
                                                : std::string(e.what());
                throw usage_error(std::string(name) + ": " + missing + " (run 'partnerqi " +
                                  std::string(name) + " --help')");
            } catch (const po::error& e) {
                throw usage_error(std::string(name) + ": " + e.what() + " (run 'partnerqi " +
                                  std::string(name) + " --help')");
            }
        }
    }
    throw usage_error("unknown command \"" + std::string(name) + "\"; run 'partnerqi --help' for the list");
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const usage_error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return exit_usage;
    } catch (const po::error& e) {
        std::cerr << "error: " << e.what() << " (run 'partnerqi --help')\n";
        return exit_usage;
    } catch (const partnerqi::load_error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return exit_bad_input;
    } catch (const partnerqi::error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return exit_bad_input;
    } catch (const std::bad_alloc&) {
        std::cerr << "error: out of memory; the file may be too large for this machine\n";
        return exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return exit_bad_input;
    }
}
