#include <iostream>

#include <partnerqi/partnerqi.hpp>

int main() {
    using namespace partnerqi::model;
    builder b{"Partnering with patient advisors", date_window::years(2015, 2017)};
    b.organization("HCO-1").name("Rural health and social services centre").setting(setting::rural);
    b.manager("M-FRONT-01", management_tier::front_line).of("HCO-1");  // only a manager has a tier
    b.advisor("PA-01").of("HCO-1");
    b.team("T-MH")
        .of("HCO-1")
        .clinical_area("mental health")
        .member("M-FRONT-01", "front-line manager")
        .member("PA-01", "patient advisor");
    // the manager prepares the advisor for the team's work
    b.engagement("M-FRONT-01", "PA-01")
        .kind(engagement_kind::prepares)
        .level(engagement_level::collaboration)
        .on("2016-03-01");

    // resolves the codes; throws partnerqi::validation_error naming the code at fault
    const case_study study = b.build();
    std::cout << partnerqi::analysis::to_text(partnerqi::analysis::profile(study));
}
