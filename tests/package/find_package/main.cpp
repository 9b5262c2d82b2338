// Built against an installed partnerqi found with find_package(partnerqi): builds the seed
// study, checks what the study reports, and prints the versions of the package, the headers
// and the library.
#include <iostream>
#include <string_view>

#include <partnerqi/partnerqi.hpp>

int main() {
    try {
        const partnerqi::model::case_study study = partnerqi::model::seed_study_reported();
        study.validate();
        // The seed study reports two organizations, each with one QI team of the study.
        if (study.all<partnerqi::model::organization>().size() != 2 ||
            study.all<partnerqi::model::qi_team>().size() != 2) {
            std::cerr << "the seed study should hold 2 organizations and 2 teams, it holds "
                      << study.all<partnerqi::model::organization>().size() << " and "
                      << study.all<partnerqi::model::qi_team>().size() << "\n";
            return 1;
        }
        std::cout << "package version " << PARTNERQI_PACKAGE_VERSION << "\n"
                  << "header version " << partnerqi::header_version << "\n"
                  << "library version " << partnerqi::library_version() << "\n"
                  << "seed study: " << study.all<partnerqi::model::organization>().size()
                  << " organizations, " << study.all<partnerqi::model::qi_team>().size()
                  << " teams\n";
        return partnerqi::library_version() == partnerqi::header_version ? 0 : 1;
    } catch (const partnerqi::error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    }
}
