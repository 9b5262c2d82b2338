#include "partnerqi/analysis/network_summary.hpp"

#include <algorithm>
#include <array>
#include <ostream>
#include <sstream>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>

#include "partnerqi/analysis/detail/network_bridge.hpp"
#include "partnerqi/analysis/detail/scope.hpp"
#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/network/measures.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

namespace {

// Marks every vertex the search discovers.
struct mark_discovered : boost::default_bfs_visitor {
    std::vector<bool>* seen;
    template <class Vertex, class Graph>
    void discover_vertex(Vertex v, const Graph&) const {
        (*seen)[static_cast<std::size_t>(v)] = true;
    }
};

}  // namespace

std::vector<bool> reaches_managers(const network::engagement_graph& g, const std::vector<management_tier>& tiers) {
    const auto& graph = g.graph();
    const std::size_t n = g.num_people();
    std::array<bool, 3> wanted{};
    for (management_tier t : tiers) wanted[static_cast<std::size_t>(t)] = true;
    std::vector<network::engagement_graph::vertex> sources;
    for (std::size_t v = 0; v < n; ++v) {
        const network::person_vertex& p = graph[static_cast<network::engagement_graph::vertex>(v)];
        if (p.role == person_role::manager && p.tier && wanted[static_cast<std::size_t>(*p.tier)])
            sources.push_back(static_cast<network::engagement_graph::vertex>(v));
    }
    std::vector<bool> seen(n, false);
    if (sources.empty()) return seen;
    // Who reaches a manager along ties is who the manager reaches along reversed ties.
    auto reversed = boost::make_reverse_graph(graph);
    std::vector<boost::default_color_type> colors(n, boost::white_color);
    auto color = boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph));
    boost::queue<network::engagement_graph::vertex> queue;
    mark_discovered visitor;
    visitor.seen = &seen;
    boost::breadth_first_search(reversed, sources.begin(), sources.end(), queue, visitor, color);
    return seen;
}

network_summary summarize(const network::engagement_graph& g, const network_summary_options& o) {
    network_summary s;
    s.people = g.num_people();
    s.ties = g.num_ties();
    s.events = g.num_events();
    s.density = network::density(g);
    s.reciprocity = network::reciprocity(g);
    s.weak_components = network::weak_components(g).count;
    s.strong_components = network::strong_components(g).count;
    auto to_top = reaches_managers(g, {management_tier::top_level});
    auto to_decision = reaches_managers(g, o.decision_maker_tiers);
    auto to_any = reaches_managers(g, {management_tier::top_level, management_tier::mid_level, management_tier::front_line});
    const auto& graph = g.graph();
    for (std::size_t v = 0; v < s.people; ++v) {
        if (graph[static_cast<network::engagement_graph::vertex>(v)].role != person_role::patient_advisor) continue;
        ++s.advisors;
        s.advisors_reaching_top_level += to_top[v];
        s.advisors_reaching_decision_makers += to_decision[v];
        s.advisors_reaching_a_manager += to_any[v];
    }
    s.brokers = network::brokers(g).size();
    if (s.people > 0 && s.ties > 0) {
        std::size_t pivots = std::max<std::size_t>(1, std::min(o.betweenness_pivots, s.people));
        auto b = network::approximate_betweenness(g, pivots, 2019, o.threads);
        s.betweenness_exact = pivots >= s.people;
        const auto& values = b.normalized.values;
        auto best = std::max_element(values.begin(), values.end());  // first maximum: lowest code
        if (best != values.end() && *best > 0) {
            s.max_betweenness = *best;
            s.most_between = g.person(static_cast<network::engagement_graph::vertex>(best - values.begin())).code;
        }
    }
    return s;
}

network_summary network_summary_of(const case_study& study, const filter& f, const network_summary_options& o) {
    detail::scope where(study, f);
    network::graph_filter gf;
    gf.window = where.window();
    if (!where.resolved().whole_study)
        for (case_id c : where.resolved().cases) gf.organizations.insert(study.get(c).organization);
    return summarize(network::engagement_graph(study, gf), o);
}

namespace detail {

std::vector<bool> reaches_decision_maker(const case_study& study, const scope& where,
                                         const std::vector<person_id>& advisors,
                                         const std::vector<management_tier>& tiers) {
    network::graph_filter gf;
    gf.window = where.window();  // every person: a voice may travel through other organizations
    network::engagement_graph g(study, gf);
    std::vector<bool> reach = reaches_managers(g, tiers);
    std::vector<bool> out;
    out.reserve(advisors.size());
    for (person_id a : advisors) {
        auto v = g.vertex_of(a);
        out.push_back(v && reach[static_cast<std::size_t>(*v)]);
    }
    return out;
}

}  // namespace detail

std::string to_text(const network_summary& s) {
    std::ostringstream out;
    out << "  people " << s.people << ", ties " << s.ties << ", engagement events " << s.events << "\n";
    out << "  density " << detail::fixed(s.density, 3) << ", reciprocity "
        << (s.reciprocity ? detail::fixed(*s.reciprocity, 3) : std::string("n/a")) << ", weak components "
        << s.weak_components << ", strong components " << s.strong_components << "\n";
    out << "  advisors " << s.advisors << ": " << s.advisors_reaching_top_level << " reach a top-level manager, "
        << s.advisors_reaching_decision_makers << " a decision-maker, " << s.advisors_reaching_a_manager
        << " any manager; brokers " << s.brokers << "\n";
    if (!s.most_between.empty())
        out << "  highest betweenness " << detail::fixed(s.max_betweenness, 3) << " (" << s.most_between
            << (s.betweenness_exact ? "" : ", sampled") << ")\n";
    return out.str();
}

void write_csv(std::ostream& out, const network_summary& s) {
    detail::table t;
    t.header = {"measure", "value"};
    t.add({"people", detail::num(s.people)});
    t.add({"ties", detail::num(s.ties)});
    t.add({"events", detail::num(s.events)});
    t.add({"density", detail::fixed(s.density, 6)});
    t.add({"reciprocity", s.reciprocity ? detail::fixed(*s.reciprocity, 6) : ""});
    t.add({"weak_components", detail::num(s.weak_components)});
    t.add({"strong_components", detail::num(s.strong_components)});
    t.add({"advisors", detail::num(s.advisors)});
    t.add({"advisors_reaching_top_level", detail::num(s.advisors_reaching_top_level)});
    t.add({"advisors_reaching_decision_makers", detail::num(s.advisors_reaching_decision_makers)});
    t.add({"advisors_reaching_a_manager", detail::num(s.advisors_reaching_a_manager)});
    t.add({"brokers", detail::num(s.brokers)});
    t.add({"max_betweenness", detail::fixed(s.max_betweenness, 6)});
    t.add({"most_between", s.most_between});
    t.add({"betweenness_exact", s.betweenness_exact ? "true" : "false"});
    t.write_csv(out);
}

}  // namespace partnerqi::analysis
