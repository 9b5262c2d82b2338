/// @file
/// The per-person metrics table that the CSV, GraphML and command-line exports write. Light: it
/// includes no Boost.Graph header.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/network/engagement_graph_fwd.hpp"
#include "partnerqi/progress.hpp"

namespace partnerqi::network {

/// The measures of one person of an engagement network: one row of the metrics table.
///
/// The names of the members are the column names of the CSV and the data keys of the GraphML
/// export, so a table read from either gives the same columns.
struct person_metrics {
    model::person_id person;                              ///< the person's record id
    std::string code;                                     ///< the person's code, e.g. "M-TOP-03"
    model::person_role role = model::person_role::other;  ///< the person's role
    std::optional<model::management_tier> tier;           ///< set exactly for managers
    std::string organization;  ///< the code of the person's organization; empty when none
    model::provenance provenance =
        model::provenance::user_entered;    ///< the provenance of the person's record
    std::size_t in_degree = 0;              ///< distinct people who engaged this person
    std::size_t out_degree = 0;             ///< distinct people this person engaged
    std::uint64_t weighted_in_degree = 0;   ///< engagement events received
    std::uint64_t weighted_out_degree = 0;  ///< engagement events sent
    double betweenness =
        0.0;  ///< unnormalized, as networkx.betweenness_centrality(G, normalized=False)
    double closeness = 0.0;          ///< as networkx.closeness_centrality(G) (incoming distances)
    std::size_t weak_component = 0;  ///< the weak component, numbered from 0 in code order
    /// The fewest directed ties from this person to a top-level manager (0 for a top-level
    /// manager); unset when no directed path leads to one.
    std::optional<std::size_t> steps_to_top_manager;
};

/// The column names of the metrics table, in order; also the GraphML node data keys.
inline constexpr std::array<std::string_view, 13> metrics_columns{"code",
                                                                  "role",
                                                                  "tier",
                                                                  "organization",
                                                                  "provenance",
                                                                  "in_degree",
                                                                  "out_degree",
                                                                  "weighted_in_degree",
                                                                  "weighted_out_degree",
                                                                  "betweenness",
                                                                  "closeness",
                                                                  "weak_component",
                                                                  "steps_to_top_manager"};

/// How the metrics table is computed.
///
/// Sampled measures draw their pivot people with network::pivot_seed, so that equal pivot
/// counts give the same pivots and one traversal serves both betweenness and closeness.
struct metrics_options {
    /// Threads for betweenness and closeness (0: every hardware thread); the result does not
    /// depend on it.
    unsigned threads = 0;
    /// 0: exact betweenness, O(V E). Otherwise betweenness is estimated from this many source
    /// people (approximate_betweenness()), O(pivots E), for networks too large for the exact
    /// computation; exact again when pivots >= people.
    std::size_t betweenness_pivots = 0;
    /// 0: exact closeness (a multi-source bit-parallel search, see closeness()). Otherwise
    /// closeness is estimated from this many source people (approximate_closeness()). With
    /// exact betweenness, closeness is exact whatever this says: the same searches give it.
    std::size_t closeness_pivots = 0;
    /// Progress of betweenness and closeness, and the flag that cancels them (and so the
    /// exports that compute the metrics: GraphML, GEXF, CSV); see partnerqi/progress.hpp.
    run_control control;
};

/// The metrics of every person of `graph`, in vertex order (person code order).
///
/// `graph` must have been built from `study` (the study gives organization codes). Exact
/// betweenness costs O(V E) and gives exact closeness from the same searches; sampled
/// betweenness costs O(pivots E), and closeness then comes from its own exact bit-parallel
/// search, or from the same pivots' searches when it is sampled with as many pivots. Steps to a
/// top-level manager come from one breadth_first_reach() against the ties from every top-level
/// manager at once, O(V + E).
/// @code
/// io::write_metrics_csv(std::cout, network::metrics_of(study, network::build(study)));
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT std::vector<person_metrics> metrics_of(
    const model::case_study& study, const engagement_graph& graph,
    const metrics_options& options = {});

}  // namespace partnerqi::network
