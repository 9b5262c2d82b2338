// partnerqi demo: writes the seed study's two cases into a case-study file.
#include <cstddef>
#include <iostream>

#include <partnerqi/analysis/profile.hpp>
#include <partnerqi/model/seed_study.hpp>

#include "common.hpp"

namespace partnerqi::cli {

int demo(const std::vector<std::string>& args) {
    command_line cl("partnerqi demo --out FILE [--reported] [--to " + choices<io::encoding>() + "]",
                    "Writes the seed study's two cases (Clavel, Pomey and Ghadiri 2019) into a "
                    "case-study file:\nwhat the study reports, plus illustrative detail (more "
                    "managers, practices, engagements,\nwaves, interviews) marked illustrative; "
                    "with --reported, the study's facts alone.");
    cl.options.add_options()("out,o", po::value<std::string>()->required()->value_name("FILE"),
                             "the case-study file to write")(
        "to",
        po::value<std::string>()
            ->default_value(std::string(to_string(io::save_options{}.format)))
            ->value_name(choices<io::encoding>()),
        ("payload encoding: " + accepted_spellings<io::encoding>()).c_str())(
        "reported", "write only what the study reports, without illustrative detail");
    if (!cl.parse(args)) return exit_ok;
    const auto encoding = parse_option<io::encoding>("to", cl.text("to"));
    const model::case_study study =
        cl.has("reported") ? model::seed_study_reported() : model::seed_study_illustrated();
    save(study, cl.text("out"), encoding);
    const analysis::case_study_profile p = analysis::profile(study);
    const auto& by = p.records_by_provenance;
    std::cout << "wrote " << cl.text("out") << ": " << study.title() << "\n  "
              << study.all<model::person>().size() << " people, "
              << study.all<model::qi_team>().size() << " QI teams, "
              << study.all<model::engagement>().size() << " engagements, "
              << study.all<model::practice_enactment>().size()
              << " practice enactments\n  records: "
              << by[static_cast<std::size_t>(model::provenance::reported)]
              << " reported by the study, "
              << by[static_cast<std::size_t>(model::provenance::illustrative)]
              << " illustrative (invented for the demo, not facts)\n";
    return exit_ok;
}

}  // namespace partnerqi::cli
