#include "partnerqi/analysis/network_summary.hpp"

#include <ostream>
#include <sstream>

#include "partnerqi/analysis/detail/network_bridge.hpp"
#include "partnerqi/analysis/detail/scope.hpp"
#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/reach.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

using network::network_summary;

network_summary network_summary_of(const case_study& study, const filter& f,
                                   const network::network_summary_options& o) {
    network::graph_filter gf;
    static_cast<model::scope_filter&>(gf) = f;
    return network::summarize(network::engagement_graph(study, gf), o);
}

namespace detail {

std::vector<bool> reaches_decision_maker(const case_study& study, const scope& where,
                                         const std::vector<person_id>& advisors,
                                         const std::vector<management_tier>& tiers) {
    network::graph_filter gf;
    gf.window = where.window();  // every person: a voice may travel through other organizations
    const network::engagement_graph g(study, gf);
    const network::reach_result reach = network::breadth_first_reach(
        g, network::managers_of(tiers), network::tie_direction::against_voice);
    std::vector<bool> out;
    out.reserve(advisors.size());
    for (person_id a : advisors) {
        auto v = g.vertex_of(a);
        out.push_back(v && reach.reached(*v));
    }
    return out;
}

}  // namespace detail

std::string to_text(const network_summary& s) {
    std::ostringstream out;
    out << "  people " << s.people << ", ties " << s.ties << ", engagement events " << s.events
        << "\n";
    out << "  density " << format_text(s.density, figure::proportion) << ", reciprocity "
        << (s.reciprocity ? format_text(*s.reciprocity, figure::proportion) : std::string("n/a"))
        << ", weak components " << s.weak_components << ", strong components "
        << s.strong_components << "\n";
    out << "  advisors " << s.advisors << ": " << s.advisors_reaching_top_level
        << " reach a top-level manager, " << s.advisors_reaching_decision_makers
        << " a decision-maker, " << s.advisors_reaching_a_manager << " any manager; brokers "
        << s.brokers << "\n";
    if (!s.most_between.empty())
        out << "  highest betweenness " << format_text(s.max_betweenness, figure::measure) << " ("
            << s.most_between << (s.betweenness_exact ? "" : ", sampled") << ")\n";
    return out.str();
}

void write_csv(std::ostream& out, const network_summary& s) {
    detail::table t;
    t.header = {"measure", "value"};
    t.add({"people", detail::num(s.people)});
    t.add({"ties", detail::num(s.ties)});
    t.add({"events", detail::num(s.events)});
    t.add({"density", format_exact(s.density)});
    t.add({"reciprocity", s.reciprocity ? format_exact(*s.reciprocity) : ""});
    t.add({"weak_components", detail::num(s.weak_components)});
    t.add({"strong_components", detail::num(s.strong_components)});
    t.add({"advisors", detail::num(s.advisors)});
    t.add({"advisors_reaching_top_level", detail::num(s.advisors_reaching_top_level)});
    t.add({"advisors_reaching_decision_makers", detail::num(s.advisors_reaching_decision_makers)});
    t.add({"advisors_reaching_a_manager", detail::num(s.advisors_reaching_a_manager)});
    t.add({"brokers", detail::num(s.brokers)});
    t.add({"max_betweenness", format_exact(s.max_betweenness)});
    t.add({"most_between", s.most_between});
    t.add({"betweenness_exact", s.betweenness_exact ? "true" : "false"});
    t.write_csv(out);
}

}  // namespace partnerqi::analysis
