/// @file
/// The who-engages-whom network of a case study as an immutable Boost.Graph.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/model/scope.hpp"
#include "partnerqi/progress.hpp"

namespace partnerqi::network {

/// A set of engagement kinds as a bitmask: bit k stands for the k-th model::engagement_kind.
using kind_mask = std::uint16_t;

/// The bit of one engagement kind in a kind_mask.
[[nodiscard]] constexpr kind_mask mask_of(model::engagement_kind kind) noexcept {
    return static_cast<kind_mask>(1u << static_cast<unsigned>(kind));
}

/// What a vertex of the engagement graph carries: the person it stands for.
struct person_vertex {
    model::person_id person;                              ///< the person's record id
    std::string code;                                     ///< the person's code, e.g. "M-TOP-03"
    model::person_role role = model::person_role::other;  ///< the person's role in the study
    std::optional<model::management_tier> tier;           ///< set exactly for managers
    std::optional<model::organization_id> organization;   ///< the person's organization, if any
    model::provenance provenance =
        model::provenance::user_entered;  ///< the provenance of the person's record
};

/// What an edge of the engagement graph carries: every engagement event from its source person
/// to its target person inside the graph's window, aggregated.
///
/// Invariants: events >= 1; first <= last; kinds != 0; index is the edge's position in
/// (source, target) order, equal to Boost's edge_index of the edge.
struct engagement_tie {
    std::uint32_t events = 0;  ///< how many engagement events the tie aggregates
    model::date first;         ///< date of the earliest event
    model::date last;          ///< date of the latest event
    model::engagement_level strongest =
        model::engagement_level::information;  ///< highest level reached
    kind_mask kinds = 0;                       ///< the kinds of its events, see mask_of()
    std::uint32_t index = 0;                   ///< position of the edge in (source, target) order
    /// The weakest provenance among its events (illustrative is weaker than user-entered, which
    /// is weaker than reported): a tie with one invented event is marked illustrative.
    model::provenance provenance = model::provenance::reported;

    /// True when at least one event of the tie is of `kind`.
    [[nodiscard]] constexpr bool has_kind(model::engagement_kind kind) const noexcept {
        return (kinds & mask_of(kind)) != 0;
    }
};

/// Which part of a case study becomes the network. Empty sets mean "all".
///
/// The time window, the wave and the case (the members of model::scope_filter) are resolved by
/// the library's one scope rule, model::resolve_scope(): a window inside the study window, a
/// wave standing for its window, both together keeping the days they share, a case keeping the
/// people of its organization. An engagement enters the graph when its date is in the window, its
/// kind is in `kinds`, its level is at least `min_level`, and both people are vertices. A person
/// is a vertex when their organization is in `organizations` (and is the case's, when a case is
/// chosen) and their role in `roles`; with `only_active`, only people with at least one tie in
/// the window are kept.
/// @code
/// graph_filter f;
/// f.wave = study.require<model::wave>("W2");
/// f.min_level = model::engagement_level::collaboration;
/// engagement_graph g(study, f);
/// @endcode
struct graph_filter : model::scope_filter {
    std::set<model::engagement_kind> kinds;  ///< engagement kinds kept; empty: all
    model::engagement_level min_level =
        model::engagement_level::information;        ///< lowest level kept
    std::set<model::organization_id> organizations;  ///< people of these organizations; empty: all
    std::set<model::person_role> roles;              ///< people with these roles; empty: all
    bool only_active = false;  ///< keep only people with at least one tie in the window
};

/// The who-engages-whom network: one vertex per person, one directed edge per ordered pair of
/// people that engaged in the window, aggregating their engagement events.
///
/// A derived, read-only index of a model::case_study: rebuilt, never edited, never saved. It is
/// built in canonical order (vertices sorted by person code, edges by (source, target)), so
/// measures and exports are deterministic. The Boost type is public: run any BGL algorithm on
/// `graph()`; bundles are reached as `graph()[v]` and `graph()[e]`.
/// Building costs O(P log P + E) for P people and E engagement events.
/// @code
/// engagement_graph g(model::seed_study_illustrated());
/// auto v = g.vertex_of(study.require<model::person>("C1-PA1"));
/// for (auto e : boost::make_iterator_range(out_edges(*v, g.graph()))) { ... }
/// @endcode
class PARTNERQI_EXPORT engagement_graph {
public:
    /// The Boost.Graph type: an immutable compressed-sparse-row graph with in-edges, chosen over
    /// adjacency_list<vecS, vecS, bidirectionalS> because it builds 15 to 35 times faster
    /// and runs Boost's betweenness about 2.5 times faster (tests/bench/bench_representation.cpp).
    using graph_type =
        boost::compressed_sparse_row_graph<boost::bidirectionalS, person_vertex, engagement_tie,
                                           boost::no_property, std::uint32_t, std::uint32_t>;
    /// A vertex: an index in [0, num_people()).
    using vertex = boost::graph_traits<graph_type>::vertex_descriptor;
    /// An edge descriptor.
    using edge = boost::graph_traits<graph_type>::edge_descriptor;

    /// An empty network (no people, no ties) over the window 1970-01-01.
    engagement_graph();

    /// Builds the network of `study` selected by `filter`.
    ///
    /// Throws partnerqi::invalid_request_error when model::resolve_scope() refuses the filter's
    /// window, wave or case, when it names an unknown organization, or when its organizations
    /// leave out the chosen case's organization. Progress is reported in the build's five
    /// phases (people, events, ties, active people, the graph), as "building the network"; a
    /// raised flag in `control` stops it between two phases with partnerqi::cancelled.
    explicit engagement_graph(const model::case_study& study, const graph_filter& filter = {},
                              const run_control& control = {});

    /// The Boost graph, for any BGL algorithm.
    [[nodiscard]] const graph_type& graph() const noexcept { return graph_; }
    /// The window the engagements were taken from (resolved from the filter).
    [[nodiscard]] const model::date_window& window() const noexcept { return window_; }
    /// The filter the network was built with.
    [[nodiscard]] const graph_filter& filter() const noexcept { return filter_; }

    /// The number of people (vertices).
    [[nodiscard]] std::size_t num_people() const noexcept;
    /// The number of ties (directed edges).
    [[nodiscard]] std::size_t num_ties() const noexcept;
    /// The number of engagement events aggregated in the ties.
    [[nodiscard]] std::size_t num_events() const noexcept { return events_; }

    /// The vertex of a person, or no value when the person is not in the network.
    [[nodiscard]] std::optional<vertex> vertex_of(model::person_id person) const noexcept;
    /// The person a vertex stands for; throws partnerqi::invalid_request_error when `v` is not a
    /// vertex of this network.
    [[nodiscard]] model::person_id person_of(vertex v) const;
    /// The bundle of a vertex; throws partnerqi::invalid_request_error as person_of does.
    [[nodiscard]] const person_vertex& person(vertex v) const;
    /// The vertex of a person; throws partnerqi::invalid_request_error naming the person when
    /// they are not in the network.
    [[nodiscard]] vertex require_vertex(model::person_id person) const;

    /// The tie from one person to another, or no value when there is none (or either person is
    /// not in the network).
    [[nodiscard]] std::optional<edge> tie(model::person_id from, model::person_id to) const;
    /// The bundle of the tie from one person to another, or no value.
    [[nodiscard]] std::optional<engagement_tie> tie_between(model::person_id from,
                                                            model::person_id to) const;

    /// The people in vertex order (sorted by code).
    [[nodiscard]] std::vector<model::person_id> people() const;
    /// Every tie as (from, to) person ids, in edge order (by source, then target vertex).
    [[nodiscard]] std::vector<std::pair<model::person_id, model::person_id>> ties() const;

private:
    graph_type graph_;
    model::date_window window_;
    graph_filter filter_;
    std::size_t events_ = 0;
    /// (person id value, vertex), sorted by id, for vertex_of().
    std::vector<std::pair<std::uint32_t, vertex>> by_id_;
};

/// The days on which the people of each tie engaged, for timelines (e.g. GEXF spells).
///
/// The days of the tie with engagement_tie::index `i` are `days[start[i]]` to
/// `days[start[i + 1] - 1]`, ascending, each day once however many events it had.
struct tie_days {
    std::vector<std::size_t> start;  ///< num_ties() + 1 offsets into `days`
    std::vector<model::date> days;   ///< the days of every tie, tie after tie
};

/// The days of the engagement events of every tie of `graph`, which must have been built from
/// `study`: the events the graph aggregated (same window, kinds, level and people), so that
/// tie i has as many events as engagement_tie::events says, on days between its first and last.
/// Costs O(P log P + E) for P people and E engagement events (a counting sort by tie, then each
/// tie's own days sorted) and memory for one entry per event. Throws
/// partnerqi::invalid_request_error when a person of `graph` is not a person of `study`.
[[nodiscard]] PARTNERQI_EXPORT tie_days days_of_ties(const model::case_study& study,
                                                     const engagement_graph& graph);

/// Builds the network of `study` selected by `filter` (the same as the constructor).
[[nodiscard]] PARTNERQI_EXPORT engagement_graph build(const model::case_study& study,
                                                      const graph_filter& filter = {},
                                                      const run_control& control = {});

}  // namespace partnerqi::network
