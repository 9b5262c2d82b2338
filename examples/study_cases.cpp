// The seed study's two cases, built from what the study reports, then printed as a profile.
//
// Clavel, Pomey and Ghadiri (2019) followed two Quebec organizations from 2015 to 2017. Every
// record below is marked "reported" unless the study leaves it out (then "illustrative").
#include <iostream>

#include <partnerqi/partnerqi.hpp>

int main() {
    try {
        const partnerqi::model::case_study study = partnerqi::model::seed_study_reported();
        study.validate();  // the same check a file load runs
        std::cout << partnerqi::analysis::to_text(partnerqi::analysis::profile(study));
        return 0;
    } catch (const partnerqi::error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    }
}
