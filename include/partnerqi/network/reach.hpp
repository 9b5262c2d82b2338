/// @file
/// Who reaches whom along directed ties: the one breadth-first search behind every reachability
/// question of the library (an advisor's path to a manager, the steps to a top-level manager,
/// whether a voice reaches a decision-maker).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "partnerqi/enum_traits.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/network/engagement_graph.hpp"

namespace partnerqi::network {

/// A test on a person of the network, e.g. "is a top-level manager".
using person_predicate = std::function<bool(const person_vertex&)>;

/// Which way a search follows the directed ties.
enum class tie_direction {
    along,   ///< from who engages to who is engaged: where a person's voice can travel
    against  ///< from who is engaged back to who engages: who can reach a person
};

}  // namespace partnerqi::network

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(network::tie_direction, 2, network::tie_direction::along,
                             network::tie_direction::against)
}  // namespace partnerqi

namespace partnerqi::network {

/// The spelling of a direction: "along" or "against"; "invalid" for a value that is not one.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(tie_direction direction) noexcept;

/// What a breadth-first search found, indexed by vertex.
///
/// Invariant: `steps` and `parent` have one entry per vertex; a start has 0 steps and is its
/// own parent; an unreached vertex has no steps and is its own parent.
struct reach_result {
    std::vector<std::optional<std::size_t>>
        steps;  ///< fewest ties from the nearest start; unset: not reached
    std::vector<engagement_graph::vertex> parent;  ///< the vertex each one was discovered from

    /// True when the search reached `v` (a start included).
    [[nodiscard]] bool reached(engagement_graph::vertex v) const { return steps.at(v).has_value(); }
    /// The vertices from the start that found `v` to `v`, both included, in the search's
    /// direction; empty when `v` was not reached.
    [[nodiscard]] PARTNERQI_EXPORT std::vector<engagement_graph::vertex> path_to(
        engagement_graph::vertex v) const;
};

/// A breadth-first search (boost::breadth_first_search with a visitor) that starts at every
/// person for whom `start` holds at once and follows ties in `direction`. O(V + E).
///
/// Every reachability question is this search with a predicate: the people who reach a
/// top-level manager are those a search against the ties from every top-level manager finds
/// (their steps are the fewest ties to one); an advisor's paths come from a search along the
/// ties from that advisor. Ties are visited in vertex order, so among equally short paths the
/// search keeps the one through the lowest person codes first discovered.
/// @code
/// auto r = network::breadth_first_reach(g,
/// network::managers_of({model::management_tier::top_level}),
///                                       network::tie_direction::against);
/// bool pa1_reaches_the_top = r.reached(*g.vertex_of(study.require<model::person>("C1-PA1")));
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT reach_result breadth_first_reach(const engagement_graph& g,
                                                                const person_predicate& start,
                                                                tie_direction direction);

/// The predicate "is a manager of one of `tiers`", the decision-makers of a reachability check.
[[nodiscard]] PARTNERQI_EXPORT person_predicate
managers_of(std::vector<model::management_tier> tiers);

}  // namespace partnerqi::network
