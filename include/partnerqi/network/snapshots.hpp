/// @file
/// The network over time: one snapshot per wave of data collection, and what changed between
/// two of them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/measures.hpp"

namespace partnerqi::network {

/// The network of one wave and its measures.
struct network_snapshot {
    model::wave_id wave;        ///< the wave whose window the network covers
    std::string wave_code;      ///< e.g. "W1"
    model::date_window window;  ///< the wave's window
    engagement_graph graph;     ///< the network in that window
    network_measures measures;  ///< every measure of that network
};

/// One snapshot per wave of the study, in wave window order (then code).
///
/// `base` gives every filter but the time (kinds, level, organizations, roles, only_active);
/// its window and wave must be unset, else partnerqi::invalid_request_error. A study without
/// waves gives no snapshot.
[[nodiscard]] PARTNERQI_EXPORT std::vector<network_snapshot> snapshots_by_wave(
    const model::case_study& study, const graph_filter& base = {}, unsigned threads = 0);

/// The snapshot of one wave; throws partnerqi::invalid_request_error for an unknown wave or a
/// base filter with a window or wave.
[[nodiscard]] PARTNERQI_EXPORT network_snapshot snapshot(const model::case_study& study,
                                                         model::wave_id wave,
                                                         const graph_filter& base = {},
                                                         unsigned threads = 0);

/// A tie identified by its two people.
struct tie_key {
    model::person_id from;  ///< who engages
    model::person_id to;    ///< who is engaged

    /// True for the same two people in the same direction.
    friend bool operator==(const tie_key& a, const tie_key& b) {
        return a.from == b.from && a.to == b.to;
    }
    /// True when the people or the direction differ.
    friend bool operator!=(const tie_key& a, const tie_key& b) { return !(a == b); }
};

/// How one person's measures moved from one snapshot to the next ("after" minus "before"). A
/// person missing from a snapshot counts as having zero everywhere.
struct person_delta {
    model::person_id person;       ///< the person in either snapshot
    std::string code;              ///< the person's code, e.g. "C1-PA1"
    long in_degree = 0;            ///< change in ties received (distinct people engaging them)
    long out_degree = 0;           ///< change in ties sent (distinct people they engage)
    long weighted_in_degree = 0;   ///< change in engagement events received
    long weighted_out_degree = 0;  ///< change in engagement events sent
    double betweenness = 0.0;      ///< change of normalized betweenness
    double closeness = 0.0;        ///< change of closeness
};

/// What changed in the network between two snapshots.
///
/// A person "appears" when they have a tie in the later snapshot and none in the earlier one
/// (and "disappears" the other way round); ties are compared by their two people. Lists of
/// people are in code order, ties in (from code, to code) order.
struct network_change {
    model::wave_id from_wave;                          ///< the earlier snapshot's wave ("before")
    model::wave_id to_wave;                            ///< the later snapshot's wave ("after")
    std::vector<model::person_id> people_appeared;     ///< tied after, not before; code order
    std::vector<model::person_id> people_disappeared;  ///< tied before, not after; code order
    std::vector<tie_key> ties_appeared;                ///< ties present after, not before
    std::vector<tie_key> ties_disappeared;             ///< ties present before, not after
    std::vector<person_delta> deltas;  ///< every person of either snapshot, in code order
    double density_change = 0.0;       ///< density after minus density before, in [-1, 1]
    std::optional<double>
        reciprocity_change;           ///< after minus before; unset unless both snapshots have ties
    long weak_components_change = 0;  ///< weakly connected components after minus before
    long strong_components_change = 0;  ///< strongly connected components after minus before
};

/// What changed from snapshot `before` to snapshot `after`.
[[nodiscard]] PARTNERQI_EXPORT network_change compare(const network_snapshot& before,
                                                      const network_snapshot& after);

/// What changed from wave `before` to wave `after` of a study (snapshots built with `base`).
[[nodiscard]] PARTNERQI_EXPORT network_change changes_between(const model::case_study& study,
                                                              model::wave_id before,
                                                              model::wave_id after,
                                                              const graph_filter& base = {},
                                                              unsigned threads = 0);

}  // namespace partnerqi::network
