// Compiled and linked with nothing but the flags `pkg-config --cflags --libs partnerqi` gives.
#include <iostream>

#include <partnerqi/partnerqi.hpp>

int main() {
    try {
        const partnerqi::model::case_study study = partnerqi::model::seed_study_reported();
        study.validate();
        std::cout << "partnerqi " << partnerqi::library_version() << ": "
                  << study.all<partnerqi::model::organization>().size() << " organizations\n";
        return study.all<partnerqi::model::organization>().size() == 2 ? 0 : 1;
    } catch (const partnerqi::error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    }
}
