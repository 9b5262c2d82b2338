#include "partnerqi/network/metrics_table.hpp"

#include "partnerqi/network/detail/flat_graph.hpp"
#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/measures.hpp"
#include "partnerqi/network/reach.hpp"

namespace partnerqi::network {

std::vector<person_metrics> metrics_of(const model::case_study& study,
                                       const engagement_graph& graph,
                                       const metrics_options& options) {
    const degree_measures degree = degrees(graph);
    const std::size_t n = graph.num_people();
    const std::size_t b_pivots = options.betweenness_pivots;
    const std::size_t c_pivots = options.closeness_pivots;
    const bool exact_betweenness = b_pivots == 0 || b_pivots >= n;
    // One traversal for both when betweenness is exact or both use the same pivots.
    const bool shared = exact_betweenness || b_pivots == c_pivots;
    auto [between, close] =
        detail::betweenness_and_closeness(graph, exact_betweenness ? 0 : b_pivots, pivot_seed,
                                          options.threads, shared, options.control);
    if (!shared) {
        close = c_pivots == 0 ? closeness(graph, options.threads, options.control)
                              : approximate_closeness(graph, c_pivots, pivot_seed, options.threads,
                                                      options.control);
    }
    const component_measures weak = weak_components(graph);
    const reach_result to_top = breadth_first_reach(
        graph, managers_of({model::management_tier::top_level}), tie_direction::against);

    std::vector<person_metrics> rows(n);
    for (std::size_t v = 0; v < n; ++v) {
        const person_vertex& p = graph.person(static_cast<engagement_graph::vertex>(v));
        person_metrics& row = rows[v];
        row.person = p.person;
        row.code = p.code;
        row.role = p.role;
        row.tier = p.tier;
        if (p.organization) row.organization = study.get(*p.organization).code;
        row.provenance = p.provenance;
        row.in_degree = degree.in.values[v];
        row.out_degree = degree.out.values[v];
        row.weighted_in_degree = degree.weighted_in.values[v];
        row.weighted_out_degree = degree.weighted_out.values[v];
        row.betweenness = between.raw.values[v];
        row.closeness = close.values[v];
        row.weak_component = weak.component.values[v];
        row.steps_to_top_manager = to_top.steps[v];
    }
    return rows;
}

}  // namespace partnerqi::network
