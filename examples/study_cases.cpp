// The seed study's two cases as a demo: what the study reports plus illustrative detail, then
// its profile, the practice x tier matrix, the tokenism audit and a picture of the network.
//
// Clavel, Pomey and Ghadiri (2019) followed two Quebec organizations from 2015 to 2017. Records
// the study reports are marked "reported"; everything added to make the demo run (more
// managers, practices performed, who engaged whom, waves, interviews) is "illustrative".
//
//   partnerqi_study_cases DIRECTORY   writes the pictures into DIRECTORY, which must exist
#include <filesystem>
#include <iostream>

#include <partnerqi/io/dot.hpp>
#include <partnerqi/partnerqi.hpp>

namespace analysis = partnerqi::analysis;
namespace io = partnerqi::io;
namespace model = partnerqi::model;
namespace network = partnerqi::network;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: partnerqi_study_cases DIRECTORY (where the network pictures go)\n";
        return 1;
    }
    try {
        const std::filesystem::path directory = argv[1];
        const model::case_study study = model::seed_study_illustrated();
        study.validate();  // the same check a file load runs

        // What the case study holds and where each record comes from.
        std::cout << analysis::to_text(analysis::profile(study)) << '\n';
        // The study's finding as a check that can fail: managers at every tier take part.
        std::cout << analysis::to_text(analysis::practice_matrix(study)) << '\n';
        // Heuristic warning signs of tokenistic involvement, each with the records behind it.
        std::cout << analysis::to_text(analysis::tokenism_audit(study)) << '\n';

        // Who engages whom, as a picture: DOT always, SVG when Graphviz is installed.
        const network::engagement_graph graph = network::build(study);
        const std::string dot = io::to_dot(study, graph);
        const std::filesystem::path dot_file = directory / "study-cases-network.dot";
        io::render(dot, io::picture_format::dot, dot_file);
        std::cout << "Network picture (DOT): " << std::filesystem::absolute(dot_file).string()
                  << '\n';
        if (io::find_graphviz_dot()) {
            const std::filesystem::path svg_file = directory / "study-cases-network.svg";
            io::render(dot, io::picture_format::svg, svg_file);
            std::cout << "Network picture (SVG): " << std::filesystem::absolute(svg_file).string()
                      << '\n';
        } else {
            std::cout << "Graphviz is not installed: no SVG (apt-get install graphviz, then "
                         "dot -Tsvg "
                      << dot_file.string() << ")\n";
        }
        return 0;
    } catch (const partnerqi::error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 2;
    }
}
