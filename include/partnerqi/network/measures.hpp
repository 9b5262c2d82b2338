/// @file
/// Measures of the engagement network, following NetworkX's conventions for directed graphs
/// so that users can cross-check them with `networkx.DiGraph`.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "partnerqi/error.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/reach.hpp"
#include "partnerqi/progress.hpp"

namespace partnerqi::network {

/// One value per person of a network, aligned with its vertices, with lookup by person id.
///
/// Invariant: `people.size() == values.size()`; `people` is in vertex order (person codes).
/// Lookups by person id take O(log n).
/// @code
/// auto c = closeness(g);
/// double pa1 = c.at(study.require<model::person>("C1-PA1"));
/// @endcode
template <class T>
struct person_values {
    std::vector<model::person_id> people;  ///< the people, in vertex order
    std::vector<T> values;                 ///< values[v] belongs to people[v]

    /// Positions of `people` sorted by person id, for lookups in O(log n); filled by the
    /// library (index()). When its size differs from people's, lookups scan linearly.
    std::vector<std::uint32_t> by_id;

    /// The value of a person, or no value when the person is not in the network.
    [[nodiscard]] std::optional<T> find(model::person_id person) const {
        std::size_t i = position(person);
        if (i == people.size()) return std::nullopt;
        return values[i];
    }
    /// The value of a person; throws partnerqi::invalid_request_error naming the person when they
    /// are not in the network.
    [[nodiscard]] const T& at(model::person_id person) const {
        std::size_t i = position(person);
        if (i == people.size()) {
            throw invalid_request_error("network measure: person id " +
                                        std::to_string(person.value) +
                                        " is not in the network (unknown person, or left out "
                                        "by the filter)");
        }
        return values[i];
    }
    /// Fills `by_id` from `people`; call after changing `people`.
    void index() {
        by_id.resize(people.size());
        for (std::size_t i = 0; i < by_id.size(); ++i)
            by_id[i] = static_cast<std::uint32_t>(i);
        std::sort(by_id.begin(), by_id.end(),
                  [this](std::uint32_t a, std::uint32_t b) { return people[a] < people[b]; });
    }
    /// The number of people.
    [[nodiscard]] std::size_t size() const noexcept { return values.size(); }

    /// Equal when people and values are equal (the index follows from people).
    friend bool operator==(const person_values& a, const person_values& b) {
        return a.people == b.people && a.values == b.values;
    }
    /// Not equal: people or values differ.
    friend bool operator!=(const person_values& a, const person_values& b) { return !(a == b); }

private:
    [[nodiscard]] std::size_t position(model::person_id person) const {
        if (by_id.size() == people.size()) {
            auto it = std::lower_bound(
                by_id.begin(), by_id.end(), person,
                [this](std::uint32_t i, model::person_id x) { return people[i] < x; });
            if (it != by_id.end() && people[*it] == person) return *it;
            return people.size();
        }
        for (std::size_t i = 0; i < people.size(); ++i) {
            if (people[i] == person) return i;
        }
        return people.size();
    }
};

/// In- and out-degree of every person: distinct neighbours, and engagement events.
struct degree_measures {
    person_values<std::size_t> in;              ///< ties received (distinct people engaging them)
    person_values<std::size_t> out;             ///< ties sent (distinct people they engage)
    person_values<std::uint64_t> weighted_in;   ///< engagement events received
    person_values<std::uint64_t> weighted_out;  ///< engagement events sent
};

/// In/out degree and event-weighted in/out degree, as networkx's in_degree and
/// in_degree(weight="events") on a DiGraph whose edges carry the event count. O(V + E).
[[nodiscard]] PARTNERQI_EXPORT degree_measures degrees(const engagement_graph& g);

/// Betweenness centrality of every person (unweighted shortest paths).
///
/// `raw` is the unnormalized sum of pair dependencies, as
/// `networkx.betweenness_centrality(G, normalized=False)` on a DiGraph; `normalized` is
/// raw / ((n-1)(n-2)) for n > 2 (raw itself otherwise), as `normalized=True`.
struct betweenness_result {
    person_values<double> raw;         ///< unnormalized betweenness
    person_values<double> normalized;  ///< normalized as NetworkX does for a DiGraph
    std::size_t sources = 0;  ///< the source vertices used: n when exact, the pivots otherwise
    bool exact = true;        ///< false for the sampled approximation
};

/// Exact betweenness centrality by Brandes' algorithm, in O(V E) time and O(V + E) memory per
/// thread (a breadth-first search from every person).
///
/// Sources are split into chunks that do not depend on the thread count; each chunk sums its
/// sources in order and chunks are summed in order, so the result is bit-for-bit the same for
/// any `threads`. `threads` = 0 uses std::thread::hardware_concurrency(); it is capped at the
/// number of sources. Progress is reported in sources searched, as "betweenness"; a raised
/// flag in `control` stops every thread within one source's search (partnerqi::cancelled).
[[nodiscard]] PARTNERQI_EXPORT betweenness_result betweenness(const engagement_graph& g,
                                                              unsigned threads = 0,
                                                              const run_control& control = {});

/// The seed of every sampled betweenness in the library (the year of Clavel, Pomey and
/// Ghadiri's study): the network summary, the metrics table and the command-line tool all draw
/// their pivot people with it, so the same request gives the same figures on every run.
inline constexpr std::uint64_t pivot_seed = 2019;

/// Sampled betweenness for very large networks: Brandes from `pivots` sources drawn without
/// replacement with a fixed `seed` (the same seed gives the same pivots on every platform), in
/// O(pivots E) time.
///
/// The sums are scaled so that the estimate is unbiased: a person's betweenness sums over the
/// n-1 other sources, so a non-pivot's sum is scaled by (n-1)/pivots and a pivot's (which saw
/// pivots-1 other sources) by (n-1)/(pivots-1), as NetworkX 3.5 and later do for k samples
/// (older NetworkX scaled every sum by n/k, which overstates by n/(n-1)). The relative error
/// shrinks like 1/sqrt(pivots) for people with high betweenness and stays large for people
/// with little (Brandes and Pich 2007); use the exact betweenness() when it fits in time. With
/// pivots >= n the exact value is returned. Throws partnerqi::invalid_request_error when
/// pivots is 0 and the network has people.
/// Progress and cancellation as for betweenness().
[[nodiscard]] PARTNERQI_EXPORT betweenness_result approximate_betweenness(
    const engagement_graph& g, std::size_t pivots, std::uint64_t seed = pivot_seed,
    unsigned threads = 0, const run_control& control = {});

/// Closeness centrality of every person as `networkx.closeness_centrality(G)` on a DiGraph.
///
/// It uses incoming distances (from others to u) and the Wasserman-Faust scaling: with r the
/// number of people that reach u (u included) and s the sum of their distances to u,
/// closeness = (r-1)/s * (r-1)/(n-1), and 0 when nobody else reaches u. Exact, O(V E) as one
/// search per person, but by multi-source bit-parallel breadth-first search (Then et al., "The
/// More the Merrier: Efficient Multi-Source Graph Traversal", VLDB 2015): 256 sources advance
/// at once, one bit each, so a tie is scanned once per level for all of them (30 to 40 times
/// faster than a search per person, docs/performance.md). Batches of sources run on `threads`
/// threads (0: hardware concurrency); the distance sums are integers, so the result does not
/// depend on the thread count. Progress is reported in sources searched, as "closeness"; a
/// raised flag in `control` stops every thread within one batch (partnerqi::cancelled).
[[nodiscard]] PARTNERQI_EXPORT person_values<double> closeness(const engagement_graph& g,
                                                               unsigned threads = 0,
                                                               const run_control& control = {});

/// Sampled closeness for networks too large for the exact one, in O(pivots E): the distances
/// from `pivots` source people drawn without replacement with `seed` (the same draw as
/// approximate_betweenness(), so both use the same pivots) estimate, for every person u, the
/// number of others reaching u and the sum of their distances to u.
///
/// Both estimates are unbiased, scaled as in approximate_betweenness(): by (n-1)/pivots for a
/// person who is not a pivot and (n-1)/(pivots-1) for a pivot (Eppstein and Wang, "Fast
/// approximation of centrality", J. Graph Algorithms Appl. 8(1), 2004, estimate the average
/// distance from random pivots in the same way). Closeness is then the formula of closeness()
/// on the estimates, a ratio: consistent, with a relative error shrinking like
/// 1/sqrt(pivots), but not itself unbiased. With pivots >= n the exact value is returned.
/// Throws partnerqi::invalid_request_error when pivots is 0 and the network has people.
/// Progress and cancellation as for closeness().
[[nodiscard]] PARTNERQI_EXPORT person_values<double> approximate_closeness(
    const engagement_graph& g, std::size_t pivots, std::uint64_t seed = pivot_seed,
    unsigned threads = 0, const run_control& control = {});

/// A partition of the people into components.
struct component_measures {
    /// The component of each person, numbered 0 .. count-1 in order of first appearance in
    /// vertex order (so the numbering is deterministic).
    person_values<std::size_t> component;
    std::size_t count = 0;  ///< the number of components (isolated people count)
};

/// Weakly connected components (ties taken as undirected), by union-find. O(E alpha(V)).
[[nodiscard]] PARTNERQI_EXPORT component_measures weak_components(const engagement_graph& g);

/// Strongly connected components, by boost::strong_components. O(V + E).
[[nodiscard]] PARTNERQI_EXPORT component_measures strong_components(const engagement_graph& g);

/// Density m / (n(n-1)) of a directed network; 0 with fewer than two people (as NetworkX).
[[nodiscard]] PARTNERQI_EXPORT double density(const engagement_graph& g);

/// The fraction of ties that are reciprocated (u->v with v->u), as networkx.reciprocity(G);
/// no value when the network has no tie (NetworkX raises an error there).
[[nodiscard]] PARTNERQI_EXPORT std::optional<double> reciprocity(const engagement_graph& g);

/// Ties between roles and between management tiers: entry [row][column] counts the ties (and
/// the engagement events) from people of the row to people of the column.
struct tie_matrices {
    /// Ties by role, indexed by model::person_role.
    std::array<std::array<std::size_t, 7>, 7> role_ties{};
    /// Events by role, indexed by model::person_role.
    std::array<std::array<std::uint64_t, 7>, 7> role_events{};
    /// Ties between managers by tier, indexed by model::management_tier.
    std::array<std::array<std::size_t, 3>, 3> tier_ties{};
    /// Events between managers by tier, indexed by model::management_tier.
    std::array<std::array<std::uint64_t, 3>, 3> tier_events{};

    /// True when all four matrices are equal entry by entry.
    friend bool operator==(const tie_matrices& a, const tie_matrices& b) {
        return a.role_ties == b.role_ties && a.role_events == b.role_events &&
               a.tier_ties == b.tier_ties && a.tier_events == b.tier_events;
    }
};

/// The role x role and tier x tier tie matrices. O(E).
[[nodiscard]] PARTNERQI_EXPORT tie_matrices tie_matrix(const engagement_graph& g);

/// Whether a patient advisor's voice reaches decision-makers along directed ties.
///
/// A path lists person ids from the advisor to the manager, both included. It is the path
/// breadth_first_reach() along the ties from the advisor finds: a shortest one, ending at the
/// nearest manager with the lowest code among the nearest.
struct advisor_reach {
    model::person_id advisor;  ///< the patient advisor the paths start from
    std::optional<std::vector<model::person_id>>
        to_top_level;  ///< to the nearest top-level manager; unset: none reachable
    std::optional<std::vector<model::person_id>>
        to_any_manager;  ///< to the nearest manager of any tier; unset: none reachable

    /// True for the same advisor with the same paths.
    friend bool operator==(const advisor_reach& a, const advisor_reach& b) {
        return a.advisor == b.advisor && a.to_top_level == b.to_top_level &&
               a.to_any_manager == b.to_any_manager;
    }
};

/// The reach of every patient advisor of the network, in vertex order: the paths
/// breadth_first_reach() finds, from one search per advisor that stops after the first level
/// holding a top-level manager; O(A (V + E)) for A advisors when none reaches one.
[[nodiscard]] PARTNERQI_EXPORT std::vector<advisor_reach> advisor_paths(const engagement_graph& g);

/// A person whose removal cuts one or more advisors off from every manager.
struct broker {
    model::person_id person;                 ///< the broker (never a manager)
    std::vector<model::person_id> advisors;  ///< the advisors it cuts off, in vertex order

    /// True for the same broker cutting off the same advisors.
    friend bool operator==(const broker& a, const broker& b) {
        return a.person == b.person && a.advisors == b.advisors;
    }
};

/// The brokers between advisors and management, in vertex order.
///
/// Person b (not a manager, not the advisor) is a broker for advisor a when a reaches a manager
/// but every directed path from a to any manager passes through b. Paths stop at the first
/// manager they meet. Found with a dominator tree (Lengauer-Tarjan) of the reversed network
/// rooted at a virtual node that every manager points to: b's brokerage for a is b being an
/// ancestor of a. O((V + E) alpha) to build, plus O(A D) for A advisors and dominator depth D.
/// Managers are left out: reaching one is the goal, not an obstacle.
[[nodiscard]] PARTNERQI_EXPORT std::vector<broker> brokers(const engagement_graph& g);

/// Every measure of a network at once, as a plain value.
struct network_measures {
    std::vector<model::person_id> people;  ///< vertex order
    std::size_t ties = 0;                  ///< directed ties (edges of the graph)
    std::size_t events = 0;             ///< engagement events the ties aggregate; at least `ties`
    degree_measures degree;             ///< see degrees()
    betweenness_result betweenness;     ///< exact; see betweenness()
    person_values<double> closeness;    ///< in [0, 1]; see closeness()
    component_measures weak;            ///< see weak_components()
    component_measures strong;          ///< see strong_components()
    double density = 0.0;               ///< in [0, 1]; see density()
    std::optional<double> reciprocity;  ///< in [0, 1]; unset without ties; see reciprocity()
    tie_matrices matrices;              ///< see tie_matrix()
    std::vector<advisor_reach>
        reach;                    ///< one per patient advisor, vertex order; see advisor_paths()
    std::vector<broker> brokers;  ///< see brokers()

    /// Advisors with a path to a top-level manager.
    [[nodiscard]] std::size_t advisors_reaching_top_level() const noexcept {
        return static_cast<std::size_t>(
            std::count_if(reach.begin(), reach.end(),
                          [](const advisor_reach& r) { return r.to_top_level.has_value(); }));
    }
    /// Advisors with a path to a manager of any tier.
    [[nodiscard]] std::size_t advisors_reaching_a_manager() const noexcept {
        return static_cast<std::size_t>(
            std::count_if(reach.begin(), reach.end(),
                          [](const advisor_reach& r) { return r.to_any_manager.has_value(); }));
    }
};

/// Computes every measure of `g` (exact betweenness on `threads` threads, see betweenness()).
/// Closeness comes from the distances betweenness' own searches find, so it costs next to
/// nothing beyond betweenness. Progress and cancellation as for betweenness().
[[nodiscard]] PARTNERQI_EXPORT network_measures measure(const engagement_graph& g,
                                                        unsigned threads = 0,
                                                        const run_control& control = {});

}  // namespace partnerqi::network
