#include <iostream>

#include <partnerqi/partnerqi.hpp>

int main() {
    using namespace partnerqi::model;
    case_study study{"Partnering with patient advisors", date_window::years(2015, 2017)};

    organization centre;
    centre.code = "HCO-1";
    centre.name = "Rural health and social services centre";
    const organization_id org = study.add(centre);

    person manager;
    manager.code = "M-FRONT-01";
    manager.role = person_role::manager;
    manager.tier = management_tier::front_line;  // only a manager has a tier
    manager.organization = org;
    const person_id m = study.add(manager);

    person advisor;
    advisor.code = "PA-01";
    advisor.role = person_role::patient_advisor;
    advisor.organization = org;
    const person_id pa = study.add(advisor);

    qi_team team;
    team.code = "T-MH";
    team.organization = org;
    team.clinical_area = "mental health";
    const team_id t = study.add(team);
    team_membership member;
    member.person = m;
    member.role_in_team = "front-line manager";
    study.add_member(t, member);
    member.person = pa;
    member.role_in_team = "patient advisor";
    study.add_member(t, member);

    engagement prepares;  // the manager prepares the advisor for the team's work
    prepares.from = m;
    prepares.to = pa;
    prepares.kind = engagement_kind::prepares;
    prepares.level = engagement_level::collaboration;
    prepares.on = date::from_ymd(2016, 3, 1);
    study.add(prepares);

    study.validate();  // throws partnerqi::validation_error naming the record at fault
    std::cout << partnerqi::analysis::to_text(partnerqi::analysis::profile(study));
}
