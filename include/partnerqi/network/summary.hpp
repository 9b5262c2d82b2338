/// @file
/// A summary of an engagement network: the counts and measures that stay near-linear on large
/// studies, shared by the waves, the cross-case comparisons and the study summary. Light: it
/// includes no Boost.Graph header.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/enums.hpp"
#include "partnerqi/network/engagement_graph_fwd.hpp"

namespace partnerqi::network {

/// Every measure of a network at once; defined in partnerqi/network/measures.hpp.
struct network_measures;

/// Options of the network summary.
struct network_summary_options {
    /// Managers of these tiers are the decision-makers an advisor's voice should reach.
    std::vector<model::management_tier> decision_maker_tiers{model::management_tier::top_level,
                                                             model::management_tier::mid_level};
    /// Betweenness uses at most this many source people, drawn with network::pivot_seed (exact
    /// when the network is smaller), so that the summary stays linear in the number of ties on
    /// large networks.
    std::size_t betweenness_pivots = 64;
    /// Threads for betweenness (0: every hardware thread); the result does not depend on it.
    unsigned threads = 1;
};

/// Counts and measures of one engagement network.
struct network_summary {
    std::size_t people = 0;  ///< vertices: people the scope and filter keep
    std::size_t ties = 0;    ///< directed ties (ordered pairs of people that engaged)
    std::size_t events = 0;  ///< engagement events the ties aggregate; at least `ties`
    double density = 0;      ///< ties / (people (people - 1)), in [0, 1]; 0 below two people
    std::optional<double> reciprocity;  ///< none when there is no tie
    std::size_t weak_components = 0;    ///< weakly connected components, isolated people included
    std::size_t strong_components = 0;  ///< strongly connected components, isolated people included
    std::size_t advisors = 0;           ///< patient advisors in the network
    std::size_t advisors_reaching_top_level = 0;  ///< with a directed path to a top-level manager
    std::size_t advisors_reaching_decision_makers =
        0;                                        ///< ... to a manager of the decision-maker tiers
    std::size_t advisors_reaching_a_manager = 0;  ///< ... to a manager of any tier
    std::size_t brokers = 0;        ///< people whose removal cuts an advisor off from every manager
    double max_betweenness = 0;     ///< highest normalized betweenness
    std::string most_between;       ///< code of the person who has it (empty when no tie)
    bool betweenness_exact = true;  ///< false when sampled (more people than the pivots)
};

/// Summarizes a network, with betweenness sampled as `options` says. Reach counts come from
/// breadth_first_reach(), O(V + E) each.
[[nodiscard]] PARTNERQI_EXPORT network_summary
summarize(const engagement_graph& graph, const network_summary_options& options = {});

/// Summarizes a network whose measures are already computed (exact betweenness), without
/// computing them again; `measures` must come from measure() on `graph`.
[[nodiscard]] PARTNERQI_EXPORT network_summary
summarize(const engagement_graph& graph, const network_measures& measures,
          const std::vector<model::management_tier>& decision_maker_tiers =
              network_summary_options{}.decision_maker_tiers);

}  // namespace partnerqi::network
