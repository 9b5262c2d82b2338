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
        if (study.organizations().size() != 2 || study.teams().size() != 2) {
            std::cerr << "the seed study should hold 2 organizations and 2 teams, it holds "
                      << study.organizations().size() << " and " << study.teams().size() << "\n";
            return 1;
        }
        std::cout << "package version " << PARTNERQI_PACKAGE_VERSION << "\n"
                  << "header version " << partnerqi::header_version << "\n"
                  << "library version " << partnerqi::library_version() << "\n"
                  << "seed study: " << study.organizations().size() << " organizations, "
                  << study.teams().size() << " teams\n";
        return partnerqi::library_version() == partnerqi::header_version ? 0 : 1;
    } catch (const partnerqi::error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    }
}
