// partnerqi: the command-line tool. Writes the demo study, describes, validates, analyses,
// exports, converts, de-identifies and imports case-study files; each subcommand lives in its own
// file.
//
// Exit codes: 0 success, 1 usage error (unknown command or option, a malformed option value),
// 2 bad input (a file that cannot be read or is damaged, a request that does not fit the file).
// Every failure prints one "error: ..." line on stderr; the tool never crashes on bad input.
#include <iomanip>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <partnerqi/version.hpp>

#include "common.hpp"

namespace partnerqi::cli {

namespace {

struct command {
    std::string_view name;
    std::string_view summary;
    int (*run)(const std::vector<std::string>&);
};

constexpr command commands[] = {
    {"demo", "write the seed study's two cases (reported facts plus illustrative detail)", demo},
    {"info", "describe a case study: organizations, people, teams, activities, sources", info},
    {"catalog", "list the practice catalog (codes, categories, descriptions; table or CSV)",
     catalog},
    {"validate", "check that a file is an intact, valid case study", validate},
    {"report", "print the analysis summary, for a window, a wave or a case", report},
    {"metrics", "print the network measures of every person (table or CSV)", metrics},
    {"export", "write the network as DOT, SVG, PNG or GraphML, or the tables as CSV",
     export_command},
    {"convert", "rewrite a case-study file as text, binary or XML", convert},
    {"deidentify", "write a de-identified copy for sharing", deidentify},
    {"template", "write the empty CSV tables of a study, with their README, to fill in",
     template_command},
    {"import", "read a folder of CSV tables or a REFI-QDA project (.qdpx) into a case-study file",
     import_command},
};

void print_usage(std::ostream& out) {
    out << "usage: partnerqi [--help] [--version] COMMAND [ARGS]\n\n"
           "Patient partnership in quality improvement: case-study files, analyses and "
           "pictures.\n\n"
           "Commands:\n";
    for (const command& c : commands) {
        out << "  " << std::left << std::setw(11) << c.name << c.summary << '\n';
    }
    out << "\nRun 'partnerqi COMMAND --help' for the options of a command.\n"
           "Exit codes: 0 success, 1 usage error, 2 bad input (unreadable, damaged or invalid "
           "file,\nor a request that does not fit the file).\n";
}

int run(int argc, char** argv) {
    // Global options come before the command; everything after it belongs to the command.
    int first = 1;
    while (first < argc && argv[first][0] == '-')
        ++first;
    po::options_description global("Options");
    global.add_options()("help,h", "show this help and exit")("version",
                                                              "show the version and exit");
    po::variables_map values;
    po::store(po::command_line_parser(std::vector<std::string>(argv + 1, argv + first))
                  .options(global)
                  .run(),
              values);
    if (values.count("help")) {
        print_usage(std::cout);
        return exit_ok;
    }
    if (values.count("version")) {
        std::cout << "partnerqi " << PARTNERQI_VERSION_MAJOR << '.' << PARTNERQI_VERSION_MINOR
                  << '.' << PARTNERQI_VERSION_PATCH << '\n';
        return exit_ok;
    }
    if (first >= argc) {
        std::cerr << "error: no command given\n\n";
        print_usage(std::cerr);
        return exit_usage;
    }
    const std::string name = argv[first];
    for (const command& c : commands) {
        if (c.name != name) continue;
        const std::string help = " (run 'partnerqi " + name + " --help')";
        try {
            return c.run(std::vector<std::string>(argv + first + 1, argv + argc));
        } catch (const po::required_option& e) {
            const std::string missing = e.get_option_name() == "--file"
                                            ? std::string("the case-study FILE to read is missing")
                                            : std::string(e.what());
            throw usage_error(name + ": " + missing + help);
        } catch (const po::error& e) {
            throw usage_error(name + ": " + e.what() + help);
        }
    }
    throw usage_error("unknown command \"" + name + "\"; run 'partnerqi --help' for the list");
}

}  // namespace

}  // namespace partnerqi::cli

int main(int argc, char** argv) {
    const partnerqi::cli::escaped_output escaped;
    partnerqi::cli::watch_interrupts();
    try {
        return partnerqi::cli::run(argc, argv);
    } catch (...) {
        return partnerqi::cli::report_current_exception();
    }
}
