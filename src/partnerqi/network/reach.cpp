#include "partnerqi/network/reach.hpp"

#include <algorithm>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>

namespace partnerqi::network {

namespace {

using vertex = engagement_graph::vertex;

/// Records, for every tree edge of the search, the steps and the parent of the vertex found.
struct record_tree : boost::default_bfs_visitor {
    reach_result* result = nullptr;

    template <class Edge, class Graph>
    void tree_edge(Edge e, const Graph& g) const {
        const vertex from = source(e, g);
        const vertex to = target(e, g);
        result->steps[to] = *result->steps[from] + 1;
        result->parent[to] = from;
    }
};

template <class Graph>
void search(const Graph& graph, const engagement_graph& g, const std::vector<vertex>& starts,
            reach_result& result) {
    std::vector<boost::default_color_type> colors(g.num_people(), boost::white_color);
    auto color = boost::make_iterator_property_map(colors.begin(),
                                                   boost::get(boost::vertex_index, g.graph()));
    boost::queue<vertex> queue;
    record_tree visitor;
    visitor.result = &result;
    boost::breadth_first_search(graph, starts.begin(), starts.end(), queue, visitor, color);
}

// True when a tie of these kinds carries voice with the tie (`with`) or against it.
bool carries(kind_mask kinds, bool with) {
    for (model::engagement_kind k : enum_traits<model::engagement_kind>::values) {
        if (!(kinds & mask_of(k))) continue;
        const voice_flow f = voice_direction(k);
        if (f == voice_flow::both_ways ||
            f == (with ? voice_flow::with_tie : voice_flow::against_tie))
            return true;
    }
    return false;
}

using voice_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// The arcs along which voice travels (or, with `reversed`, their reverse), in (source, target)
// order so that searches visit them in vertex order as on the engagement graph. O(E log E).
voice_graph voice_arcs(const engagement_graph& g, bool reversed) {
    const auto& bg = g.graph();
    std::vector<std::pair<vertex, vertex>> arcs;
    for (auto e : boost::make_iterator_range(edges(bg))) {
        const vertex u = source(e, bg), v = target(e, bg);
        if (carries(bg[e].kinds, true)) arcs.emplace_back(u, v);
        if (carries(bg[e].kinds, false)) arcs.emplace_back(v, u);
    }
    if (reversed)
        for (auto& a : arcs)
            std::swap(a.first, a.second);
    std::sort(arcs.begin(), arcs.end());
    arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
    voice_graph out(g.num_people());
    for (const auto& [u, v] : arcs)
        boost::add_edge(u, v, out);
    return out;
}

std::string tier_names(const std::vector<model::management_tier>& tiers) {
    std::string out;
    for (std::size_t i = 0; i < tiers.size(); ++i)
        out += (i ? " or " : "") + std::string(to_string(tiers[i]));
    return out;
}

std::string who(const person_vertex& p) {
    std::string out = p.code + " (" + std::string(to_string(p.role));
    if (p.tier) out += ", " + std::string(to_string(*p.tier));
    return out + ")";
}

}  // namespace

std::vector<vertex> reach_result::path_to(vertex v) const {
    std::vector<vertex> path;
    if (!reached(v)) return path;
    vertex x = v;
    for (; *steps[x] > 0; x = parent[x])
        path.push_back(x);
    path.push_back(x);
    std::reverse(path.begin(), path.end());
    return path;
}

reach_result breadth_first_reach(const engagement_graph& g, const person_predicate& start,
                                 tie_direction direction) {
    const std::size_t n = g.num_people();
    reach_result result;
    result.steps.assign(n, std::nullopt);
    result.parent.resize(n);
    std::vector<vertex> starts;
    for (std::size_t i = 0; i < n; ++i) {
        const auto v = static_cast<vertex>(i);
        result.parent[i] = v;
        if (start(g.graph()[v])) {
            starts.push_back(v);
            result.steps[i] = 0;
        }
    }
    if (starts.empty()) return result;
    switch (direction) {
        case tie_direction::along: search(g.graph(), g, starts, result); break;
        case tie_direction::against:
            search(boost::make_reverse_graph(g.graph()), g, starts, result);
            break;
        case tie_direction::voice:
        case tie_direction::against_voice:
            search(voice_arcs(g, direction == tie_direction::against_voice), g, starts, result);
            break;
    }
    return result;
}

voice_flow voice_direction(model::engagement_kind kind) noexcept {
    using k = model::engagement_kind;
    switch (kind) {
        case k::recruits:
        case k::trains:
        case k::prepares:
        case k::coaches:
        case k::supports: return voice_flow::none;
        case k::consults:
        case k::evaluates: return voice_flow::against_tie;
        case k::co_designs_with: return voice_flow::both_ways;
        case k::informs:
        case k::gives_feedback_to:
        case k::reports_to:
        case k::other: return voice_flow::with_tie;
    }
    return voice_flow::with_tie;
}

std::vector<model::person_id> voice_path(const engagement_graph& g, model::person_id advisor,
                                         const std::vector<model::management_tier>& tiers) {
    std::vector<model::person_id> path;
    const auto start = g.vertex_of(advisor);
    if (!start) return path;
    const reach_result r = breadth_first_reach(
        g, [&](const person_vertex& p) { return p.person == advisor; }, tie_direction::voice);
    const person_predicate decides = managers_of(tiers);
    std::optional<std::size_t> nearest;
    for (std::size_t v = 0; v < g.num_people(); ++v) {
        if (v == *start || !r.steps[v] || !decides(g.graph()[static_cast<vertex>(v)])) continue;
        if (!nearest || *r.steps[v] < *r.steps[*nearest]) nearest = v;
    }
    if (!nearest) return path;
    for (vertex x : r.path_to(static_cast<vertex>(*nearest)))
        path.push_back(g.graph()[x].person);
    return path;
}

namespace {

std::string path_text(const engagement_graph& g, const std::vector<vertex>& path) {
    std::string out;
    for (vertex x : path)
        out += (out.empty() ? "" : " -> ") + who(g.graph()[x]);
    return out;
}

// Why the advisor at `v` has no voice path; `any_decision_maker`: the network holds one.
std::string no_path_text(const engagement_graph& g, vertex v,
                         const std::vector<model::management_tier>& tiers,
                         bool any_decision_maker) {
    const person_vertex& p = g.graph()[v];
    const std::string none = p.code + ": no voice path to a " + tier_names(tiers) + " manager: ";
    if (out_degree(v, g.graph()) + in_degree(v, g.graph()) == 0)
        return none + "no engagement recorded for " + p.code + " in " + g.window().to_iso();
    if (!any_decision_maker) return none + "the network holds no " + tier_names(tiers) + " manager";
    return none + "the engagements recorded carry " + p.code +
           "'s voice to no such manager (recruiting, training, preparing, coaching and "
           "supporting carry no voice; see voice_direction)";
}

}  // namespace

std::string voice_path_text(const engagement_graph& g, model::person_id advisor,
                            const std::vector<model::management_tier>& tiers) {
    const auto v = g.vertex_of(advisor);
    if (!v)
        return "person " + std::to_string(advisor.value) +
               ": not in the engagement network, so no voice path to a " + tier_names(tiers) +
               " manager can be traced; widen the network's filter";
    const std::vector<model::person_id> path = voice_path(g, advisor, tiers);
    if (!path.empty()) {
        std::vector<vertex> vertices;
        for (model::person_id id : path)
            vertices.push_back(g.require_vertex(id));
        return path_text(g, vertices);
    }
    const person_predicate decides = managers_of(tiers);
    bool any = false;
    for (std::size_t i = 0; i < g.num_people() && !any; ++i)
        any = decides(g.graph()[static_cast<vertex>(i)]);
    return no_path_text(g, *v, tiers, any);
}

std::vector<std::string> voice_paths_text(const engagement_graph& g,
                                          const std::vector<model::management_tier>& tiers) {
    // One search from every decision-maker against the voice: each advisor's parent chain is a
    // shortest voice path to the nearest decision-maker, read backwards. O(V + E) in all.
    const reach_result r = breadth_first_reach(g, managers_of(tiers), tie_direction::against_voice);
    bool any = false;
    for (std::size_t i = 0; i < g.num_people() && !any; ++i)
        any = r.steps[i] == std::size_t{0};
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < g.num_people(); ++i) {
        const auto v = static_cast<vertex>(i);
        if (g.graph()[v].role != model::person_role::patient_advisor) continue;
        if (!r.reached(v)) {
            lines.push_back(no_path_text(g, v, tiers, any));
            continue;
        }
        std::vector<vertex> path = r.path_to(v);
        std::reverse(path.begin(), path.end());
        lines.push_back(path_text(g, path));
    }
    return lines;
}

person_predicate managers_of(std::vector<model::management_tier> tiers) {
    return [tiers = std::move(tiers)](const person_vertex& p) {
        return p.role == model::person_role::manager && p.tier &&
               std::find(tiers.begin(), tiers.end(), *p.tier) != tiers.end();
    };
}

std::string_view to_string(tie_direction direction) noexcept {
    switch (direction) {
        case tie_direction::along: return "along";
        case tie_direction::against: return "against";
        case tie_direction::voice: return "voice";
        case tie_direction::against_voice: return "against-voice";
    }
    return "invalid";
}

std::string_view to_string(voice_flow flow) noexcept {
    switch (flow) {
        case voice_flow::with_tie: return "with-tie";
        case voice_flow::against_tie: return "against-tie";
        case voice_flow::both_ways: return "both-ways";
        case voice_flow::none: return "none";
    }
    return "invalid";
}

}  // namespace partnerqi::network
