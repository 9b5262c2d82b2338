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
        model::case_study study{"A steering committee's audit", model::date_window::years(2016, 2016)};

        model::organization centre;
        centre.code = "HCO-A";
        centre.name = "Illustrative regional centre";
        centre.provenance = model::provenance::illustrative;
        const auto org = study.add(centre);

        auto person = [&](const char* code, model::person_role role,
                          std::optional<model::management_tier> tier = std::nullopt) {
            model::person p;
            p.code = code;
            p.role = role;
            p.tier = tier;
            p.organization = org;
            p.provenance = model::provenance::illustrative;
            return study.add(p);
        };
        const auto manager = person("M-MID-01", model::person_role::manager, model::management_tier::mid_level);
        const auto nurse = person("PV-NURSE", model::person_role::provider);
        const auto advisor = person("PA-01", model::person_role::patient_advisor);

        // The team has one advisor among its members.
        model::qi_team team;
        team.code = "T-CARDIO";
        team.organization = org;
        team.name = "Cardiology day clinic";
        team.provenance = model::provenance::illustrative;
        for (auto [who, role] : {std::pair{manager, "program manager"}, std::pair{nurse, "nurse"},
                                 std::pair{advisor, "patient advisor"}}) {
            team.members.push_back({who, role, std::nullopt, std::nullopt, false});
        }
        study.add(team);

        // The advisor is consulted twice and never engaged above consultation.
        for (const char* on : {"2016-03-10", "2016-09-22"}) {
            model::engagement e;
            e.from = manager;
            e.to = advisor;
            e.kind = model::engagement_kind::consults;
            e.level = model::engagement_level::consultation;
            e.on = model::date::from_iso(on);
            e.provenance = model::provenance::illustrative;
            study.add(e);
        }

        const analysis::tokenism_audit_report audit = analysis::tokenism_audit(study);
        std::cout << analysis::to_text(audit);

        const analysis::team_audit* flagged = audit.find(*study.find_team("T-CARDIO"));
        const bool lone = flagged != nullptr && flagged->fired(analysis::indicator::lone_advisor);
        std::cout << "\nT-CARDIO relies on a lone advisor: " << (lone ? "yes" : "no") << '\n';
        return lone ? 0 : 1;
    } catch (const partnerqi::error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 2;
    }
}
