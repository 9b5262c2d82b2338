/// @file
/// A summary of the engagement network of a scope: the counts and measures that stay
/// near-linear on large studies, for waves and cross-case comparison.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/network/engagement_graph.hpp"

namespace partnerqi::analysis {

/// Options of the network summary.
struct network_summary_options {
    /// Managers of these tiers are the decision-makers an advisor's voice should reach.
    std::vector<model::management_tier> decision_maker_tiers{model::management_tier::top_level,
                                                             model::management_tier::mid_level};
    /// Betweenness uses at most this many source people (exact when the network is smaller),
    /// so that the summary stays linear in the number of ties on large networks.
    std::size_t betweenness_pivots = 64;
    /// Threads for betweenness (0: every hardware thread); the result does not depend on it.
    unsigned threads = 1;
};

/// Counts and measures of one engagement network.
struct network_summary {
    std::size_t people = 0;
    std::size_t ties = 0;
    std::size_t events = 0;
    double density = 0;
    std::optional<double> reciprocity;  ///< none when there is no tie
    std::size_t weak_components = 0;
    std::size_t strong_components = 0;
    std::size_t advisors = 0;  ///< patient advisors in the network
    std::size_t advisors_reaching_top_level = 0;        ///< with a directed path to a top-level manager
    std::size_t advisors_reaching_decision_makers = 0;  ///< ... to a manager of the decision-maker tiers
    std::size_t advisors_reaching_a_manager = 0;        ///< ... to a manager of any tier
    std::size_t brokers = 0;  ///< people whose removal cuts an advisor off from every manager
    double max_betweenness = 0;      ///< highest normalized betweenness
    std::string most_between;        ///< code of the person who has it (empty when no tie)
    bool betweenness_exact = true;   ///< false when sampled (more people than the pivots)
};

/// Summarizes a network already built.
[[nodiscard]] PARTNERQI_EXPORT network_summary summarize(const network::engagement_graph& graph,
                                                         const network_summary_options& options = {});

/// Builds the network of a scope (its window; for a chosen case, the people of the case's
/// organization) and summarizes it. Throws partnerqi::invalid_request_error for a bad filter.
[[nodiscard]] PARTNERQI_EXPORT network_summary network_summary_of(const model::case_study& study,
                                                                  const filter& scope = {},
                                                                  const network_summary_options& options = {});

/// For each person of the network, whether a directed path leads from them to a manager of one
/// of `tiers` (a manager of those tiers reaches themself). One breadth-first search of the
/// reversed network from every such manager at once: O(V + E). Indexed by vertex.
[[nodiscard]] PARTNERQI_EXPORT std::vector<bool> reaches_managers(const network::engagement_graph& graph,
                                                                  const std::vector<model::management_tier>& tiers);

/// The summary as text, one measure a line.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const network_summary& summary);

/// The summary as CSV (RFC 4180): `measure,value`.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const network_summary& summary);

}  // namespace partnerqi::analysis
