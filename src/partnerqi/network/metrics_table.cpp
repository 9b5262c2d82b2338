#include "partnerqi/network/metrics_table.hpp"

#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/measures.hpp"
#include "partnerqi/network/reach.hpp"

namespace partnerqi::network {

std::vector<person_metrics> metrics_of(const model::case_study& study,
                                       const engagement_graph& graph,
                                       const metrics_options& options) {
    const degree_measures degree = degrees(graph);
    const betweenness_result between =
        options.betweenness_pivots == 0 ? betweenness(graph, options.threads)
                                        : approximate_betweenness(graph, options.betweenness_pivots,
                                                                  pivot_seed, options.threads);
    const person_values<double> close = closeness(graph, options.threads);
    const component_measures weak = weak_components(graph);
    const reach_result to_top = breadth_first_reach(
        graph, managers_of({model::management_tier::top_level}), tie_direction::against);

    const std::size_t n = graph.num_people();
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
