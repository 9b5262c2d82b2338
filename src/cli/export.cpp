// partnerqi export: writes the network as DOT, SVG, PNG, GraphML or GEXF, the analysis tables
// as CSV, the whole study as the CSV tables that 'partnerqi import' reads back, or the coding
// as a REFI-QDA project or codebook.
#include <array>
#include <filesystem>
#include <iostream>
#include <system_error>

#include <partnerqi/analysis/summary.hpp>
#include <partnerqi/io/csv.hpp>
#include <partnerqi/io/dot.hpp>
#include <partnerqi/io/gexf.hpp>
#include <partnerqi/io/graphml.hpp>
#include <partnerqi/io/refi_qda.hpp>
#include <partnerqi/io/tables.hpp>
#include <partnerqi/network/engagement_graph.hpp>

#include "common.hpp"
#include "scope.hpp"

namespace fs = std::filesystem;

namespace partnerqi::cli {

namespace {

/// The metrics and ties tables, then every analysis table of the summary, as CSV files in a
/// directory.
void export_tables(const model::case_study& study, const model::scope_filter& scope,
                   const analysis::agreement_options& agreement,
                   const network::metrics_options& measure, const fs::path& dir,
                   io::csv_cells cells) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir)) {
        throw save_error("directory " + dir.string() + ": cannot create it (" + ec.message() +
                         "); check the path and its permissions");
    }
    analysis::summary_options options;
    options.scope = scope;
    options.agreement = agreement;
    const analysis::study_summary s = timed("analysing", [&](const run_control& control) {
        analysis::summary_options watched_options = options;
        watched_options.control = control;
        return analysis::summary(study, watched_options);
    });
    const network::engagement_graph graph = network::build(study, network_filter(scope));
    const auto rows = timed("measuring the network", [&](const run_control& control) {
        return network::metrics_of(study, graph, watched(measure, control));
    });

    const std::vector<analysis::csv_table> tables = analysis::csv_tables(s);
    io::save_metrics_csv(dir / "metrics.csv", rows, cells);
    io::save_ties_csv(dir / "ties.csv", graph, cells);
    for (const analysis::csv_table& table : tables)
        io::save_csv(dir / table.file_name, table.write, cells);
    std::cout << "wrote " << tables.size() + 2 << " tables into " << dir.string()
              << ": metrics.csv ties.csv";
    for (const analysis::csv_table& table : tables)
        std::cout << ' ' << table.file_name;
    std::cout << '\n';
}

// The formats besides the pictures (io::picture_format).
constexpr std::array<const char*, 6> other_formats = {"graphml", "gexf", "csv",
                                                      "tables",  "qdpx", "qdc"};

}  // namespace

int export_command(const std::vector<std::string>& args) {
    std::string formats = accepted_spellings<io::picture_format>();
    std::string format_choices = choices<io::picture_format>();
    for (std::size_t i = 0; i < other_formats.size(); ++i) {
        formats += (i + 1 < other_formats.size() ? ", " : " or ") + std::string(other_formats[i]);
        format_choices += "|" + std::string(other_formats[i]);
    }
    command_line cl(
        "partnerqi export FILE --format " + format_choices + " --out PATH [options]",
        "Exports the engagement network or the tables of a case study.\n"
        "  dot      the network as Graphviz DOT (tiers as ranks, advisors marked, ties "
        "styled by level)\n"
        "  svg, png the same picture rendered by Graphviz's dot (it must be installed)\n"
        "  graphml  the network with every measure, for NetworkX, igraph, Gephi, "
        "Cytoscape\n"
        "  gexf     the network with every measure and the days of each tie, for Gephi's "
        "timeline\n"
        "  csv      the metrics table into the file PATH; when PATH is a directory (it "
        "exists, or\n"
        "           ends with '/'), the metrics and ties tables and every analysis table, "
        "one CSV file each,\n"
        "           the agreement between coders as --agreement-unit and --replicates ask\n"
        "  tables   the whole study as CSV tables in the folder PATH, one per kind of record, "
        "with\n"
        "           a README.txt; 'partnerqi import PATH' reads them back (--force: write "
        "into a\n"
        "           folder that holds other files, which are kept)\n"
        "  qdpx     the sources, codebook, codings and memos as a REFI-QDA project for NVivo,\n"
        "           ATLAS.ti, MAXQDA, QualCoder, with the evaluation records and the influence "
        "log as\n"
        "           Notes that 'partnerqi import --into' reads back (what the standard cannot "
        "hold is listed)\n"
        "  qdc      the codebook alone as a REFI-QDA codebook");
    add_file(cl);
    cl.options.add_options()(
        "format,f", po::value<std::string>()->required()->value_name(format_choices),
        formats.c_str())("out,o", po::value<std::string>()->required()->value_name("PATH"),
                         "the file (or, for csv, directory) to write");
    add_scope_options(cl);
    cl.options.add_options()("names",
                             "show display names in pictures (personal data: off by default)")(
        "active-only", "leave out people with no tie in the window")(
        "force", "tables: write into a folder that holds other files (they are kept)");
    add_raw(cl);
    add_pivots(cl);
    add_agreement_options(cl);
    if (!cl.parse(args)) return exit_ok;
    const network::metrics_options measure = metrics_options_of(cl);
    const analysis::agreement_options agreement = agreement_options_of(cl);
    const std::string format = cl.text("format");
    if (cl.has("raw") && format != "csv" && format != "tables")
        throw usage_error("--raw is for --format csv and tables, which write CSV cells");
    const std::string out = cl.text("out");
    const bool into_directory = fs::is_directory(out) || (!out.empty() && out.back() == '/');
    if ((cl.has("agreement-unit") || cl.has("replicates")) && (format != "csv" || !into_directory))
        throw usage_error(
            "--agreement-unit and --replicates are for --format csv into a directory, whose "
            "tables hold the agreement between coders");
    check_output(out, {cl.text("file")});
    const bool is_table =
        format == "graphml" || format == "gexf" || format == "csv" || format == "tables";
    const bool is_refi_qda = format == "qdpx" || format == "qdc";
    io::picture_format picture = io::picture_format::dot;
    if (!is_table && !is_refi_qda) {
        try {
            picture = parse<io::picture_format>(format);
        } catch (const parse_error&) {
            throw usage_error("--format " + format + ": unknown format; use " + formats);
        }
    }
    const scope_choice choice = scope_of(cl);
    if ((format == "tables" || is_refi_qda) &&
        (choice.from || choice.to || choice.wave || choice.study_case))
        throw usage_error("--format " + format +
                          " writes the whole study; drop --from, --to, --wave and --case");
    if (format == "tables") {
        const model::case_study study = load(cl.text("file"));
        io::tables_write_options options;
        options.force = cl.has("force");
        options.cells = csv_cells_of(cl);
        timed("writing the tables into " + out,
              [&](const run_control& control) { io::write_tables(study, out, options, control); });
        std::cout << "wrote the tables of " << study.title() << " into " << out
                  << " (read them back with 'partnerqi import " << out << "')\n";
        return exit_ok;
    }
    const model::case_study study = load(cl.text("file"));
    if (is_refi_qda) {
        const io::qdpx_report report = timed("writing " + out, [&](const run_control& control) {
            return format == "qdpx" ? io::write_qdpx(study, out, control)
                                    : io::write_qdc(study, out, control);
        });
        std::cout << "wrote " << out << " (" << format << ": " << report.sources << " sources, "
                  << report.codes << " codes, " << report.segments << " codings, " << report.memos
                  << " memos, " << report.records << " evaluation and influence-log records)\n";
        print_left_out(report.left_out, "exported");
        return exit_ok;
    }
    const model::scope_filter scope = to_scope(study, choice);

    if (format == "csv" && into_directory) {
        export_tables(study, scope, agreement, measure, out, csv_cells_of(cl));
        return exit_ok;
    }
    network::graph_filter filter = network_filter(scope);
    filter.only_active = cl.has("active-only");
    const network::engagement_graph graph =
        timed("building the network",
              [&](const run_control& control) { return network::build(study, filter, control); });
    if (format == "graphml") {
        timed("measuring the network and writing " + out, [&](const run_control& control) {
            io::save_graphml(out, study, graph, watched(measure, control));
        });
    } else if (format == "gexf") {
        timed("measuring the network and writing " + out, [&](const run_control& control) {
            io::save_gexf(out, study, graph, watched(measure, control));
        });
    } else if (format == "csv") {
        const auto rows = timed("measuring the network", [&](const run_control& control) {
            return network::metrics_of(study, graph, watched(measure, control));
        });
        io::save_metrics_csv(out, rows, csv_cells_of(cl));
    } else {
        io::dot_options options;
        options.show_names = cl.has("names");
        timed("drawing " + out, [&](const run_control& control) {
            io::save_picture(study, graph, picture, out, options, {}, control);
        });
    }
    std::cout << "wrote " << out << " (" << format << ": " << graph.num_people() << " people, "
              << graph.num_ties() << " ties)\n";
    return exit_ok;
}

}  // namespace partnerqi::cli
