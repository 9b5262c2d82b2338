// Following one partnership across the waves of data collection: who engaged the patient
// advisor C1-PA1 in each wave, at which level, and whether the advisor's voice reached a
// top-level manager.
//
// The waves and engagements are the illustrative detail of the seed study's first case.
#include <iostream>
#include <string>

#include <partnerqi/partnerqi.hpp>

namespace analysis = partnerqi::analysis;
namespace model = partnerqi::model;
namespace network = partnerqi::network;

int main() {
    try {
        const model::case_study study = model::seed_study_illustrated();
        const model::person_id advisor = study.require<model::person>("C1-PA1");

        // One network per wave; a tie aggregates every engagement of the wave between two people.
        for (const network::network_snapshot& snap : network::snapshots_by_wave(study)) {
            std::cout << "Wave " << snap.wave_code << " (" << snap.window.to_iso() << ")\n";
            const network::engagement_graph& g = snap.graph;
            std::size_t ties = 0;
            for (const auto& [from, to] : g.ties()) {
                if (from != advisor && to != advisor) continue;
                const network::engagement_tie tie = *g.tie_between(from, to);
                std::cout << "  " << study.code_of(from) << " -> " << study.code_of(to) << ": "
                          << tie.events << " engagement(s), up to "
                          << model::to_string(tie.strongest) << '\n';
                ++ties;
            }
            if (ties == 0) std::cout << "  no engagement with C1-PA1 in this wave\n";
            for (const network::advisor_reach& reach : snap.measures.reach) {
                if (reach.advisor != advisor) continue;
                std::cout << "  voice reaches a top-level manager: "
                          << (reach.to_top_level
                                  ? "yes, in " + std::to_string(reach.to_top_level->size() - 1) +
                                        " step(s)"
                                  : std::string("no"))
                          << '\n';
            }
        }

        // The same waves through the analysis layer: matrix, audit and network, side by side.
        analysis::filter case_1;
        case_1.study_case = study.require<model::study_case>("case-1");
        std::cout << '\n' << analysis::to_text(analysis::wave_analysis(study, case_1));
        return 0;
    } catch (const partnerqi::error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 2;
    }
}
