// partnerqi convert: rewrites a case-study file with another payload encoding.
#include <iostream>

#include "common.hpp"

namespace partnerqi::cli {

int convert(const std::vector<std::string>& args) {
    command_line cl("partnerqi convert FILE --to " + choices<io::encoding>() + " --out PATH",
                    "Writes the same case study with another payload encoding: text (portable, the "
                    "default),\nbinary (fastest, same kind of machine only) or xml (readable by "
                    "people and diff tools).");
    add_file(cl);
    cl.options.add_options()(
        "to", po::value<std::string>()->required()->value_name(choices<io::encoding>()),
        accepted_spellings<io::encoding>().c_str())(
        "out,o", po::value<std::string>()->required()->value_name("PATH"),
        "the case-study file to write");
    if (!cl.parse(args)) return exit_ok;
    const auto encoding = parse_option<io::encoding>("to", cl.text("to"));
    check_output(cl.text("out"), {cl.text("file")});
    const model::case_study study = load(cl.text("file"));
    save(study, cl.text("out"), encoding);
    std::cout << "wrote " << cl.text("out") << " (" << io::describe(encoding) << ")\n";
    return exit_ok;
}

}  // namespace partnerqi::cli
