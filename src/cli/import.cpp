// partnerqi import: reads a study kept outside partnerqi into a case-study file. The kind of
// input is chosen from the path in one table (`importers`): today a folder of CSV tables.
#include <filesystem>
#include <iostream>

#include <partnerqi/io/tables.hpp>

#include "common.hpp"

namespace fs = std::filesystem;

namespace partnerqi::cli {

namespace {

/// A study read from outside partnerqi, with what was ignored on the way.
struct imported {
    model::case_study study;
    std::vector<std::string> warnings;
};

imported import_tables(const fs::path& dir) {
    io::tables_read_result in =
        timed("reading the tables in " + dir.string(), [&] { return io::read_tables(dir); });
    imported out{std::move(in.study), {}};
    for (const io::table_problem& w : in.warnings)
        out.warnings.push_back(w.text());
    return out;
}

/// One kind of input: how it is recognized from its path and how it is read.
struct importer {
    std::string_view description;
    bool (*accepts)(const fs::path&);
    imported (*read)(const fs::path&);
};

constexpr importer importers[] = {
    {"a folder of CSV tables (see 'partnerqi template')",
     [](const fs::path& p) { return fs::is_directory(p); }, import_tables},
};

}  // namespace

int import_command(const std::vector<std::string>& args) {
    command_line cl("partnerqi import DIR --out FILE [--to " + choices<io::encoding>() + "]",
                    "Reads a study kept outside partnerqi into a case-study file:\n  DIR  a "
                    "folder of CSV tables, as 'partnerqi template' writes and a spreadsheet "
                    "fills in.\nEvery problem is listed on stderr with its file, row and column, "
                    "and nothing is written\nunless all of them are solved.");
    add_file(cl, "the folder of tables to read");
    cl.options.add_options()("out,o", po::value<std::string>()->required(),
                             "the case-study file to write")(
        "to",
        po::value<std::string>()->default_value(std::string(to_string(io::save_options{}.format))),
        ("payload encoding: " + accepted_spellings<io::encoding>()).c_str());
    if (!cl.parse(args)) return exit_ok;
    const auto encoding = parse_option<io::encoding>("to", cl.text("to"));
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
        in = chosen->read(input);
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
    save(in.study, cl.text("out"), encoding);
    std::cout << "wrote " << cl.text("out") << ": " << in.study.title() << " ("
              << in.study.all<model::person>().size() << " people, "
              << in.study.all<model::engagement>().size() << " engagements)\n";
    return exit_ok;
}

}  // namespace partnerqi::cli
