// Built together with the partnerqi source tree, added with add_subdirectory.
#include <iostream>

#include <partnerqi/partnerqi.hpp>

int main() {
    try {
        const partnerqi::model::case_study study = partnerqi::model::seed_study_reported();
        study.validate();
        std::cout << "partnerqi " << partnerqi::library_version()
                  << " embedded: " << study.all<partnerqi::model::qi_team>().size()
                  << " QI teams in the seed study\n";
        return study.all<partnerqi::model::qi_team>().size() == 2 ? 0 : 1;
    } catch (const partnerqi::error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    }
}
