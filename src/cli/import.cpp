// partnerqi import: reads a study kept outside partnerqi into a case-study file. The kind of
// input is chosen from the path in one table (`importers`): a folder of CSV tables, or a
// REFI-QDA project of a qualitative analysis tool (whose coding can also be merged into an
// existing case study with --into).
#include <filesystem>
#include <iostream>
#include <optional>

#include <partnerqi/io/refi_qda.hpp>
#include <partnerqi/io/tables.hpp>

#include "common.hpp"

namespace fs = std::filesystem;

namespace partnerqi::cli {

namespace {

/// A study read from outside partnerqi, with what was ignored on the way.
struct imported {
    model::case_study study;
    std::vector<std::string> warnings;
    std::string summary;  ///< what was read, for the closing line
};

/// What the command line asks of an importer besides the path.
struct import_request {
    std::optional<model::case_study> into;  ///< the study to add to, for --into
    model::source_kind source_kind = model::source_kind::interview;  ///< --kind
    io::qdpx_limits limits;  ///< --max-entry-bytes and the other REFI-QDA limits
};

imported import_tables(const fs::path& dir, import_request& request) {
    if (request.into)
        throw usage_error(
            "--into adds the coding of a REFI-QDA project; a folder of tables is a "
            "whole study: import it without --into");
    io::tables_read_result in =
        timed("reading the tables in " + dir.string(), [&] { return io::read_tables(dir); });
    imported out{std::move(in.study), {}, {}};
    for (const io::table_problem& w : in.warnings)
        out.warnings.push_back(w.text());
    out.summary = std::to_string(out.study.all<model::person>().size()) + " people, " +
                  std::to_string(out.study.all<model::engagement>().size()) + " engagements";
    return out;
}

imported import_qdpx(const fs::path& project, import_request& request) {
    io::qdpx_read_options options;
    options.source_kind = request.source_kind;
    options.limits = request.limits;
    imported out;
    io::qdpx_report report;
    if (request.into) {
        out.study = std::move(*request.into);
        report = timed("merging " + project.string(),
                       [&] { return io::merge_qdpx(out.study, project, options); });
    } else {
        io::qdpx_import in =
            timed("reading " + project.string(), [&] { return io::read_qdpx(project, options); });
        out.study = std::move(in.study);
        report = std::move(in.report);
    }
    for (const std::string& line : report.left_out)
        out.warnings.push_back("not imported: " + line);
    out.summary = std::to_string(report.sources) + " sources, " + std::to_string(report.codes) +
                  " codes, " + std::to_string(report.segments) + " codings by " +
                  std::to_string(report.coders) + " coders, " + std::to_string(report.memos) +
                  " memos";
    return out;
}

/// One kind of input: how it is recognized from its path and how it is read.
struct importer {
    std::string_view description;
    bool (*accepts)(const fs::path&);
    imported (*read)(const fs::path&, import_request&);
};

constexpr importer importers[] = {
    {"a folder of CSV tables (see 'partnerqi template')",
     [](const fs::path& p) { return fs::is_directory(p); }, import_tables},
    {"a REFI-QDA project (.qdpx) of NVivo, ATLAS.ti, MAXQDA, QualCoder, ...",
     [](const fs::path& p) { return p.extension() == ".qdpx" && fs::is_regular_file(p); },
     import_qdpx},
};

}  // namespace

int import_command(const std::vector<std::string>& args) {
    command_line cl(
        "partnerqi import (DIR | PROJECT.qdpx) --out FILE [--into EXISTING] [--kind " +
            choices<model::source_kind>() + "] [--to " + choices<io::encoding>() + "]",
        "Reads a study kept outside partnerqi into a case-study file:\n"
        "  DIR           a folder of CSV tables, as 'partnerqi template' writes and a spreadsheet\n"
        "                fills in; every problem is listed on stderr with its file, row and\n"
        "                column, and nothing is written unless all of them are solved;\n"
        "  PROJECT.qdpx  a REFI-QDA project exported by NVivo, ATLAS.ti, MAXQDA, QualCoder, ...:\n"
        "                its text sources, codebook, codings, coders and notes; with --into, its\n"
        "                coding is added to an existing case study, matching sources by code\n"
        "                and codes and coders by name. What partnerqi cannot use (PDF, picture,\n"
        "                audio and video sources, graphs, ...) is listed.");
    add_file(cl, "the folder of tables or the REFI-QDA project to read");
    cl.options.add_options()("out,o", po::value<std::string>()->required()->value_name("FILE"),
                             "the case-study file to write")(
        "into", po::value<std::string>()->value_name("FILE"),
        "an existing case-study file to add a REFI-QDA project's coding to")(
        "kind", po::value<std::string>()->value_name(choices<model::source_kind>()),
        "the kind of the sources of a REFI-QDA project (default: interview)")(
        "to", po::value<std::string>()->value_name(choices<io::encoding>()),
        "payload encoding (default: text)");
    add_load_limits(cl);  // for --into
    add_qdpx_limits(cl);
    if (!cl.parse(args)) return exit_ok;
    const auto encoding =
        cl.has("to") ? parse_option<io::encoding>("to", cl.text("to")) : io::save_options{}.format;
    const std::string out = cl.text("out");
    check_output(out, {cl.text("file")});
    import_request request;
    request.limits = qdpx_limits_of(cl);
    if (cl.has("kind"))
        request.source_kind = parse_option<model::source_kind>("kind", cl.text("kind"));
    if (cl.has("into")) {
        check_output(out, {cl.text("into")});
        request.into = load(cl.text("into"));
    }
    const fs::path input = cl.text("file");
    const importer* chosen = nullptr;
    for (const importer& i : importers) {
        if (i.accepts(input)) {
            chosen = &i;
            break;
        }
    }
    if (!chosen) {
        std::string kinds;
        for (const importer& i : importers)
            kinds += (kinds.empty() ? "" : "; ") + std::string(i.description);
        throw invalid_request_error("cannot import \"" + input.string() + "\": it is not " + kinds +
                                    "; check the path");
    }
    imported in;
    try {
        in = chosen->read(input, request);
    } catch (const io::table_error& e) {
        for (const io::table_problem& w : e.warnings())
            std::cerr << "warning: " << w.text() << '\n';
        for (const io::table_problem& p : e.problems())
            std::cerr << "error: " << p.text() << '\n';
        if (e.total() > e.problems().size())
            std::cerr << "error: and " << e.total() - e.problems().size() << " more\n";
        std::cerr << "error: " << e.total() << (e.total() == 1 ? " problem" : " problems")
                  << " in the tables of " << input.string() << "; nothing was written\n";
        return exit_bad_input;
    }
    for (const std::string& w : in.warnings)
        std::cerr << "warning: " << w << '\n';
    save(in.study, out, encoding);
    std::cout << "wrote " << out << ": " << in.study.title() << " (" << in.summary << ")\n";
    return exit_ok;
}

}  // namespace partnerqi::cli
