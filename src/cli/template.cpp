// partnerqi template: writes the empty CSV tables of a case study, and their README.txt, for a
// coordinator to fill in with a spreadsheet.
#include <iostream>

#include <partnerqi/io/tables.hpp>

#include "common.hpp"

namespace partnerqi::cli {

int template_command(const std::vector<std::string>& args) {
    command_line cl("partnerqi template DIR [--force]",
                    "Writes the empty tables of a case study into the folder DIR, one CSV file "
                    "per kind of record\n(study.csv, organizations.csv, people.csv, ...) and a "
                    "README.txt that explains every column.\nFill them in with a spreadsheet, "
                    "then run 'partnerqi import DIR --out FILE.pqi'.\nDIR must be new, empty or "
                    "hold only tables; --force writes into a folder holding other files\n(they "
                    "are kept).");
    add_file(cl, "the folder to write");
    cl.options.add_options()("force", "write into a folder that holds other files (kept)");
    if (!cl.parse(args)) return exit_ok;
    io::tables_write_options options;
    options.force = cl.has("force");
    const std::string dir = cl.text("file");
    io::write_table_template(dir, options);
    std::cout << "wrote the empty tables and README.txt into " << dir << '\n';
    return exit_ok;
}

}  // namespace partnerqi::cli
