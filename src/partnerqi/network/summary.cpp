#include "partnerqi/network/summary.hpp"

#include <algorithm>

#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/measures.hpp"
#include "partnerqi/network/reach.hpp"

namespace partnerqi::network {

namespace {

using model::management_tier;

/// The parts of a summary that do not depend on how betweenness was computed: counts, density
/// and the advisors' reach.
network_summary common_part(const engagement_graph& g,
                            const std::vector<management_tier>& decision_maker_tiers) {
    network_summary s;
    s.people = g.num_people();
    s.ties = g.num_ties();
    s.events = g.num_events();
    s.density = density(g);
    const reach_result to_top =
        breadth_first_reach(g, managers_of({management_tier::top_level}), tie_direction::against);
    const reach_result to_decision =
        breadth_first_reach(g, managers_of(decision_maker_tiers), tie_direction::against);
    const reach_result to_any =
        breadth_first_reach(g,
                            managers_of({management_tier::top_level, management_tier::mid_level,
                                         management_tier::front_line}),
                            tie_direction::against);
    for (std::size_t i = 0; i < s.people; ++i) {
        const auto v = static_cast<engagement_graph::vertex>(i);
        if (g.person(v).role != model::person_role::patient_advisor) continue;
        ++s.advisors;
        s.advisors_reaching_top_level += to_top.reached(v);
        s.advisors_reaching_decision_makers += to_decision.reached(v);
        s.advisors_reaching_a_manager += to_any.reached(v);
    }
    return s;
}

/// The highest normalized betweenness and the first person (lowest code) who has it.
void set_betweenness(network_summary& s, const engagement_graph& g, const betweenness_result& b) {
    s.betweenness_exact = b.exact;
    const auto& values = b.normalized.values;
    auto best = std::max_element(values.begin(), values.end());  // first maximum: lowest code
    if (best != values.end() && *best > 0) {
        s.max_betweenness = *best;
        s.most_between =
            g.person(static_cast<engagement_graph::vertex>(best - values.begin())).code;
    }
}

}  // namespace

network_summary summarize(const engagement_graph& g, const network_summary_options& o) {
    network_summary s = common_part(g, o.decision_maker_tiers);
    s.reciprocity = reciprocity(g);
    s.weak_components = weak_components(g).count;
    s.strong_components = strong_components(g).count;
    s.brokers = brokers(g).size();
    if (s.people > 0 && s.ties > 0) {
        const std::size_t pivots =
            std::max<std::size_t>(1, std::min(o.betweenness_pivots, s.people));
        set_betweenness(s, g, approximate_betweenness(g, pivots, pivot_seed, o.threads));
    }
    return s;
}

network_summary summarize(const engagement_graph& g, const network_measures& m,
                          const std::vector<management_tier>& decision_maker_tiers) {
    network_summary s = common_part(g, decision_maker_tiers);
    s.reciprocity = m.reciprocity;
    s.weak_components = m.weak.count;
    s.strong_components = m.strong.count;
    s.brokers = m.brokers.size();
    set_betweenness(s, g, m.betweenness);
    return s;
}

}  // namespace partnerqi::network
