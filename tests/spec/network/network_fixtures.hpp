// Small illustrative case studies for the network specification.
#pragma once

#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <partnerqi/model.hpp>

namespace network_fixtures {

namespace model = partnerqi::model;

/// A builder of an illustrative case study over 2015-2017 with one organization, HCO-T; every
/// record it writes is illustrative.
inline model::builder illustrative_study() {
    model::builder b{"illustrative network", model::date_window::years(2015, 2017)};
    b.default_provenance(model::provenance::illustrative);
    b.organization("HCO-T").name("Illustrative centre HCO-T");
    return b;
}

/// The engagement the specification uses when its kind and level do not matter: `from`
/// consults `to` (both by code) at the consultation level, on 2016-01-15 unless told.
inline model::engagement_line consults(model::builder& b, const std::string& from,
                                       const std::string& to, const char* on = "2016-01-15") {
    return b.engagement(from, to)
        .kind(model::engagement_kind::consults)
        .level(model::engagement_level::consultation)
        .on(on);
}

/// A case study written with the builder, HCO-T's id, and its people's ids by code.
struct built {
    model::case_study study;  ///< the case study built
    model::organization_id org = study.require<model::organization>("HCO-T");  ///< HCO-T
    /// The id of the person with this code.
    [[nodiscard]] model::person_id person(const std::string& code) const {
        return study.require<model::person>(code);
    }
};

/// True when a and b agree to 1e-9 relative (or both are within 1e-12 of zero).
inline bool close_to(double a, double b) {
    if (std::fabs(a) < 1e-12 && std::fabs(b) < 1e-12) return true;
    return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

/// A network and the measures NetworkX computed for it (tests/data/networkx/*.csv).
struct networkx_expected {
    std::size_t nodes = 0, edges = 0, weak = 0, strong = 0;
    double density = 0, reciprocity = 0;
    std::vector<std::pair<std::string, std::string>> edge_list;
    struct node_row {
        std::string code;
        double betweenness_raw, betweenness_normalized, closeness;
        std::size_t in_degree, out_degree;
    };
    std::vector<node_row> node_rows;
};

inline networkx_expected read_networkx(const std::string& file) {
    std::ifstream in(std::string(PARTNERQI_TEST_DATA_DIR) + "/networkx/" + file);
    networkx_expected x;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ','))
            f.push_back(cell);
        if (f[0] == "graph") {
            x.nodes = std::stoul(f[1]);
            x.edges = std::stoul(f[2]);
            x.density = std::stod(f[3]);
            x.reciprocity = std::stod(f[4]);
            x.weak = std::stoul(f[5]);
            x.strong = std::stoul(f[6]);
        } else if (f[0] == "edge") {
            x.edge_list.emplace_back(f[1], f[2]);
        } else if (f[0] == "node") {
            x.node_rows.push_back({f[1], std::stod(f[2]), std::stod(f[3]), std::stod(f[4]),
                                   std::stoul(f[5]), std::stoul(f[6])});
        }
    }
    return x;
}

/// A case study whose people and engagements form the NetworkX network: one person per node
/// (role "other"), one engagement per edge, and a second event on every third edge (the
/// unweighted measures must not change).
inline model::case_study study_of(const networkx_expected& x) {
    model::builder b = illustrative_study();
    for (const auto& n : x.node_rows)
        b.person(n.code, model::person_role::other).of("HCO-T");
    std::size_t i = 0;
    for (const auto& [u, v] : x.edge_list) {
        consults(b, u, v, "2016-02-01");
        if (i++ % 3 == 0) consults(b, u, v, "2017-05-01").kind(model::engagement_kind::supports);
    }
    return b.build();
}

}  // namespace network_fixtures
