/// @file
/// Who reaches whom along directed ties: the one breadth-first search behind every reachability
/// question of the library (an advisor's path to a manager, the steps to a top-level manager,
/// whether a voice reaches a decision-maker).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/enum_traits.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/network/engagement_graph.hpp"

namespace partnerqi::network {

/// A test on a person of the network, e.g. "is a top-level manager".
using person_predicate = std::function<bool(const person_vertex&)>;

/// Which way a search follows the directed ties.
///
/// `along` and `against` follow the plain graph direction (from who acts to who is engaged), as
/// NetworkX and the measures of measures.hpp do. `voice` and `against_voice` follow each tie in
/// the direction its engagement kinds carry the advisor's voice (voice_direction()): "a manager
/// consults an advisor" carries the advisor's voice to the manager, against the tie.
enum class tie_direction {
    along,         ///< from who engages to who is engaged, the plain graph direction
    against,       ///< from who is engaged back to who engages: who reaches a person
    voice,         ///< from a person to those their voice reaches, see voice_direction()
    against_voice  ///< from a person back to those whose voice reaches them
};

/// In which direction an engagement carries the voice of the people it joins.
enum class voice_flow : std::uint8_t {
    with_tie,     ///< from who acts to who is engaged, e.g. "PA gives feedback to manager"
    against_tie,  ///< from who is engaged to who acts, e.g. "manager consults PA"
    both_ways,    ///< both are heard, e.g. "manager co-designs with PA"
    none          ///< nobody's voice travels, e.g. "coordinator recruits PA"
};

}  // namespace partnerqi::network

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(network::tie_direction, 4, network::tie_direction::along,
                             network::tie_direction::against, network::tie_direction::voice,
                             network::tie_direction::against_voice)
PARTNERQI_DETAIL_ENUM_TRAITS(network::voice_flow, 4, network::voice_flow::with_tie,
                             network::voice_flow::against_tie, network::voice_flow::both_ways,
                             network::voice_flow::none)
}  // namespace partnerqi

namespace partnerqi::network {

/// The spelling of a direction: "along", "against", "voice" or "against-voice"; "invalid" for a
/// value that is not one.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(tie_direction direction) noexcept;
/// The spelling of a voice flow: "with-tie", "against-tie", "both-ways" or "none"; "invalid" for a
/// value that is not one.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(voice_flow flow) noexcept;

/// The direction in which an engagement of `kind` carries voice, the library's reading of each
/// kind (a library heuristic, no published source):
///
/// | kind              | voice flow  | why                                                     |
/// |-------------------|-------------|---------------------------------------------------------|
/// | recruits          | none        | selecting someone does not carry their views            |
/// | trains            | none        | teaching flows one way and carries no decision input    |
/// | prepares          | none        | support, not voice                                      |
/// | coaches           | none        | support, not voice                                      |
/// | supports          | none        | support, not voice                                      |
/// | informs           | with tie    | the informer's message reaches the informed             |
/// | consults          | against tie | the consulted person's views reach who consults         |
/// | co-designs-with   | both ways   | both shape the design                                   |
/// | gives-feedback-to | with tie    | the feedback reaches its addressee                      |
/// | evaluates         | against tie | the evaluated person's experience reaches the evaluator |
/// | reports-to        | with tie    | the report reaches the person reported to               |
/// | other             | with tie    | unknown kind: the direction as recorded                 |
[[nodiscard]] PARTNERQI_EXPORT voice_flow voice_direction(model::engagement_kind kind) noexcept;

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

/// An advisor's voice path: the people from the advisor to the nearest manager of `tiers`, in
/// the direction voice travels (tie_direction::voice), both ends included; empty when no such
/// manager hears the advisor or the advisor is not in the network. One breadth_first_reach().
[[nodiscard]] PARTNERQI_EXPORT std::vector<model::person_id> voice_path(
    const engagement_graph& g, model::person_id advisor,
    const std::vector<model::management_tier>& tiers);

/// An advisor's voice path as one line of text: the codes and roles along it, e.g.
/// "C1-PA1 (patient-advisor) -> C1-PM (manager, mid-level)", or why there is none, e.g.
/// "C1-PA1: no voice path to a top-level or mid-level manager: no engagement recorded for C1-PA1
/// in 2015-01-01/2017-12-31".
[[nodiscard]] PARTNERQI_EXPORT std::string voice_path_text(
    const engagement_graph& g, model::person_id advisor,
    const std::vector<model::management_tier>& tiers);

/// Every patient advisor's voice path to a decision-maker (a manager of `tiers`), one line per
/// advisor in vertex order, each as voice_path_text() writes it: the codes and roles along a
/// shortest path in the direction voice travels, or why there is none. One breadth_first_reach()
/// from every decision-maker against the voice, so O(V + E) for all advisors together; among
/// equally near decision-makers the one the search meets first is kept, which may differ from
/// voice_path()'s choice.
/// @code
/// for (const std::string& line : network::voice_paths_text(g,
/// {model::management_tier::top_level}))
///     std::cout << "  " << line << '\n';
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT std::vector<std::string> voice_paths_text(
    const engagement_graph& g, const std::vector<model::management_tier>& tiers);

}  // namespace partnerqi::network
