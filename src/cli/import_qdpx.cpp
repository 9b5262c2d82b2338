// partnerqi import (REFI-QDA): reads a .qdpx project of a qualitative analysis tool into a new
// case-study file, or merges its coding into an existing one.
#include <iostream>

#include <partnerqi/io/refi_qda.hpp>

#include "common.hpp"

namespace partnerqi::cli {

int import_qdpx(const std::vector<std::string>& args) {
    command_line cl(
        "partnerqi import PROJECT.qdpx --out FILE [--into EXISTING] [--encoding " +
            choices<io::encoding>() + "] [--kind " + choices<model::source_kind>() + "]",
        "Reads a REFI-QDA project (.qdpx, exported by NVivo, ATLAS.ti, MAXQDA, QualCoder, ...):\n"
        "its text sources, codebook, codings, coders and notes. With --into, adds them to an\n"
        "existing case study, matching sources by code and codes and coders by name. Prints what\n"
        "partnerqi could not use (PDF, picture, audio and video sources, graphs, ...).");
    add_file(cl, "the REFI-QDA project (.qdpx) to read");
    cl.options.add_options()("out,o", po::value<std::string>()->required(),
                             "the case-study file to write")(
        "into", po::value<std::string>(), "an existing case-study file to add the coding to")(
        "encoding", po::value<std::string>()->default_value("text"),
        accepted_spellings<io::encoding>().c_str())(
        "kind", po::value<std::string>()->default_value("interview"),
        ("the kind of the sources read: " + accepted_spellings<model::source_kind>()).c_str());
    if (!cl.parse(args)) return exit_ok;
    const std::string project = cl.text("file");
    const std::string out = cl.text("out");
    const auto encoding = parse_option<io::encoding>("encoding", cl.text("encoding"));
    io::qdpx_read_options options;
    options.source_kind = parse_option<model::source_kind>("kind", cl.text("kind"));
    check_output(out, {project});

    io::qdpx_report report;
    model::case_study study;
    if (cl.has("into")) {
        const std::string into = cl.text("into");
        check_output(out, {into});
        study = load(into);
        report =
            timed("merging " + project, [&] { return io::merge_qdpx(study, project, options); });
    } else {
        io::qdpx_import imported =
            timed("reading " + project, [&] { return io::read_qdpx(project, options); });
        study = std::move(imported.study);
        report = std::move(imported.report);
    }
    save(study, out, encoding);
    std::cout << "wrote " << out << ": " << report.sources << " sources, " << report.codes
              << " codes, " << report.segments << " codings by " << report.coders << " coders, "
              << report.memos << " memos\n";
    print_left_out(report.left_out, "imported");
    return exit_ok;
}

}  // namespace partnerqi::cli
