// partnerqi validate: checks that a file is an intact, valid case study.
#include <iostream>

#include "common.hpp"

namespace partnerqi::cli {

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
    std::cout << file << ": valid case study \"" << study.title() << "\" ("
              << study.all<model::person>().size() << " people, "
              << study.all<model::qi_team>().size() << " QI teams, "
              << study.all<model::engagement>().size() << " engagements, "
              << study.all<model::practice_enactment>().size() << " practice enactments, "
              << study.all<model::coded_segment>().size() << " coded segments)\n";
    return exit_ok;
}

}  // namespace partnerqi::cli
