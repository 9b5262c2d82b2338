// A tokenism audit of one QI team: a team that relies on a single patient advisor, who is only
// ever consulted, is flagged, and the audit names the records behind each warning sign.
//
// Every record here is illustrative. The indicators are library heuristics drawn from the
// literature (Arnstein's degrees of tokenism, Majid 2020), not findings of the seed study.
#include <iostream>

#include <partnerqi/partnerqi.hpp>

namespace analysis = partnerqi::analysis;
namespace model = partnerqi::model;

int main() {
    try {
        model::builder b{"A steering committee's audit", model::date_window::years(2016, 2016)};
        b.default_provenance(model::provenance::illustrative);
        b.organization("HCO-A").name("Illustrative regional centre");
        b.manager("M-MID-01", model::management_tier::mid_level).of("HCO-A");
        b.provider("PV-NURSE").of("HCO-A");
        b.advisor("PA-01").of("HCO-A");

        // The team has one advisor among its members.
        b.team("T-CARDIO")
            .of("HCO-A")
            .name("Cardiology day clinic")
            .member("M-MID-01", "program manager")
            .member("PV-NURSE", "nurse")
            .member("PA-01", "patient advisor");

        // The advisor is consulted twice and never engaged above consultation.
        for (const char* on : {"2016-03-10", "2016-09-22"}) {
            b.engagement("M-MID-01", "PA-01")
                .kind(model::engagement_kind::consults)
                .level(model::engagement_level::consultation)
                .on(on);
        }
        const model::case_study study = b.build();

        const analysis::tokenism_audit_report audit = analysis::tokenism_audit(study);
        std::cout << analysis::to_text(audit);

        const analysis::team_audit* flagged = audit.find(study.require<model::qi_team>("T-CARDIO"));
        const bool lone = flagged != nullptr && flagged->fired(analysis::indicator::lone_advisor);
        std::cout << "\nT-CARDIO relies on a lone advisor: " << (lone ? "yes" : "no") << '\n';
        return lone ? 0 : 1;
    } catch (const partnerqi::error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 2;
    }
}
