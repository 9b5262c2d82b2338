#include "partnerqi/network/snapshots.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include <boost/range/iterator_range.hpp>

#include "partnerqi/error.hpp"

namespace partnerqi::network {

namespace {

void check_base(const graph_filter& base, const char* what) {
    if (base.window || base.wave) {
        throw invalid_request_error(std::string(what) +
                                    ": the base filter already sets a window or a wave; leave "
                                    "both unset, the waves give the time");
    }
}

network_snapshot make_snapshot(const model::case_study& study, const model::wave& w,
                               const graph_filter& base, unsigned threads) {
    graph_filter f = base;
    f.wave = w.id;
    network_snapshot s{w.id, w.code, w.window, engagement_graph(study, f), {}};
    s.measures = measure(s.graph, threads);
    return s;
}

/// The people with at least one tie, as (code, id), sorted.
std::vector<std::pair<std::string, model::person_id>> active_people(const engagement_graph& g) {
    const auto& bg = g.graph();
    std::vector<std::pair<std::string, model::person_id>> out;
    for (std::size_t v = 0; v < g.num_people(); ++v) {
        auto x = static_cast<engagement_graph::vertex>(v);
        if (out_degree(x, bg) + in_degree(x, bg) > 0) out.emplace_back(bg[x].code, bg[x].person);
    }
    return out;  // already in code order
}

using coded_tie = std::pair<std::pair<std::string, std::string>, tie_key>;

std::vector<coded_tie> coded_ties(const engagement_graph& g) {
    const auto& bg = g.graph();
    std::vector<coded_tie> out;
    for (auto e : boost::make_iterator_range(edges(bg))) {
        const person_vertex& s = bg[source(e, bg)];
        const person_vertex& t = bg[target(e, bg)];
        out.push_back({{s.code, t.code}, tie_key{s.person, t.person}});
    }
    return out;  // vertices are in code order, so ties are in (from code, to code) order
}

template <class T, class Out, class Less>
void difference(const std::vector<T>& a, const std::vector<T>& b, Out out, Less less) {
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), out, less);
}

}  // namespace

std::vector<network_snapshot> snapshots_by_wave(const model::case_study& study,
                                                const graph_filter& base, unsigned threads) {
    check_base(base, "snapshots by wave");
    const std::vector<const model::wave*> waves = model::waves_in_window_order(study);
    std::vector<network_snapshot> out;
    out.reserve(waves.size());
    for (const model::wave* w : waves)
        out.push_back(make_snapshot(study, *w, base, threads));
    return out;
}

network_snapshot snapshot(const model::case_study& study, model::wave_id wave,
                          const graph_filter& base, unsigned threads) {
    check_base(base, "network snapshot");
    model::scope_filter probe;
    probe.wave = wave;
    (void)model::resolve_scope(study, probe);  // refuses an unknown wave, listing the known ones
    return make_snapshot(study, study.get(wave), base, threads);
}

network_change compare(const network_snapshot& before, const network_snapshot& after) {
    network_change c;
    c.from_wave = before.wave;
    c.to_wave = after.wave;

    auto by_code = [](const auto& x, const auto& y) { return x.first < y.first; };
    auto a0 = active_people(before.graph);
    auto a1 = active_people(after.graph);
    std::vector<std::pair<std::string, model::person_id>> diff;
    difference(a1, a0, std::back_inserter(diff), by_code);
    for (const auto& p : diff)
        c.people_appeared.push_back(p.second);
    diff.clear();
    difference(a0, a1, std::back_inserter(diff), by_code);
    for (const auto& p : diff)
        c.people_disappeared.push_back(p.second);

    auto t0 = coded_ties(before.graph);
    auto t1 = coded_ties(after.graph);
    std::vector<coded_tie> tdiff;
    difference(t1, t0, std::back_inserter(tdiff), by_code);
    for (const auto& t : tdiff)
        c.ties_appeared.push_back(t.second);
    tdiff.clear();
    difference(t0, t1, std::back_inserter(tdiff), by_code);
    for (const auto& t : tdiff)
        c.ties_disappeared.push_back(t.second);

    // Per-person deltas over the union of both snapshots' people, in code order.
    std::map<std::string, person_delta> deltas;
    auto add = [&deltas](const network_snapshot& s, long sign) {
        const auto& bg = s.graph.graph();
        const network_measures& m = s.measures;
        for (std::size_t v = 0; v < s.graph.num_people(); ++v) {
            const person_vertex& p = bg[static_cast<engagement_graph::vertex>(v)];
            person_delta& d = deltas[p.code];
            d.person = p.person;
            d.code = p.code;
            d.in_degree += sign * static_cast<long>(m.degree.in.values[v]);
            d.out_degree += sign * static_cast<long>(m.degree.out.values[v]);
            d.weighted_in_degree += sign * static_cast<long>(m.degree.weighted_in.values[v]);
            d.weighted_out_degree += sign * static_cast<long>(m.degree.weighted_out.values[v]);
            d.betweenness += static_cast<double>(sign) * m.betweenness.normalized.values[v];
            d.closeness += static_cast<double>(sign) * m.closeness.values[v];
        }
    };
    add(after, 1);
    add(before, -1);
    for (auto& [code, d] : deltas)
        c.deltas.push_back(std::move(d));

    c.density_change = after.measures.density - before.measures.density;
    if (before.measures.reciprocity && after.measures.reciprocity) {
        c.reciprocity_change = *after.measures.reciprocity - *before.measures.reciprocity;
    }
    c.weak_components_change = static_cast<long>(after.measures.weak.count) -
                               static_cast<long>(before.measures.weak.count);
    c.strong_components_change = static_cast<long>(after.measures.strong.count) -
                                 static_cast<long>(before.measures.strong.count);
    return c;
}

network_change changes_between(const model::case_study& study, model::wave_id before,
                               model::wave_id after, const graph_filter& base, unsigned threads) {
    return compare(snapshot(study, before, base, threads), snapshot(study, after, base, threads));
}

}  // namespace partnerqi::network
