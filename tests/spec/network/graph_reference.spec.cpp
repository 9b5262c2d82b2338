// The engagement network of a larger partnership equals the one built the plain way: people
// sorted by code with std::string, events gathered pair by pair in a std::map, and the graph
// made by Boost's own bidirectional constructor. Whatever shortcuts the build takes, the
// people, the ties, their order and the in-ties must be exactly these.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <boost/range/iterator_range.hpp>

#include <support/catch.hpp>

#include <partnerqi/model/synthetic.hpp>
#include <partnerqi/network/engagement_graph.hpp>

#include "network_fixtures.hpp"

using namespace partnerqi;
using network::engagement_graph;
using network::engagement_tie;
using network::graph_filter;
using graph_type = engagement_graph::graph_type;

namespace {

/// The network of `study` built the plain way, with Boost's edges_are_unsorted_multi_pass
/// constructor; also returns the person id of each vertex.
std::pair<graph_type, std::vector<std::uint32_t>> reference_graph(const model::case_study& study,
                                                                  const graph_filter& filter) {
    std::vector<const model::person*> people;
    for (const model::person& p : study.all<model::person>()) {
        if (!filter.roles.empty() && filter.roles.count(p.role) == 0) continue;
        if (!filter.organizations.empty() &&
            (!p.organization || filter.organizations.count(*p.organization) == 0))
            continue;
        people.push_back(&p);
    }
    std::sort(people.begin(), people.end(),
              [](const model::person* a, const model::person* b) { return a->code < b->code; });
    std::map<std::uint32_t, std::uint32_t> vertex_of;
    for (std::uint32_t v = 0; v < people.size(); ++v)
        vertex_of[people[v]->id.value] = v;

    const model::date_window window = model::resolve_scope(study, filter).window;
    std::map<std::pair<std::uint32_t, std::uint32_t>, engagement_tie> ties;
    for (const model::engagement& e : study.all<model::engagement>()) {
        if (!window.contains(e.on) || e.level < filter.min_level) continue;
        if (!filter.kinds.empty() && filter.kinds.count(e.kind) == 0) continue;
        auto from = vertex_of.find(e.from.value);
        auto to = vertex_of.find(e.to.value);
        if (from == vertex_of.end() || to == vertex_of.end()) continue;
        auto [it, fresh] = ties.try_emplace({from->second, to->second});
        engagement_tie& t = it->second;
        if (fresh) {
            t.first = t.last = e.on;
            t.strongest = e.level;
        }
        ++t.events;
        t.first = std::min(t.first, e.on);
        t.last = std::max(t.last, e.on);
        t.strongest = std::max(t.strongest, e.level);
        t.kinds = static_cast<network::kind_mask>(t.kinds | network::mask_of(e.kind));
    }

    std::vector<std::uint32_t> renumber(people.size());
    std::vector<const model::person*> kept;
    std::vector<char> active(people.size(), filter.only_active ? 0 : 1);
    for (const auto& [ends, t] : ties)
        active[ends.first] = active[ends.second] = 1;
    for (std::uint32_t v = 0; v < people.size(); ++v) {
        renumber[v] = static_cast<std::uint32_t>(kept.size());
        if (active[v] != 0) kept.push_back(people[v]);
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    std::vector<engagement_tie> bundles;
    for (const auto& [ends, t] : ties) {
        pairs.emplace_back(renumber[ends.first], renumber[ends.second]);
        bundles.push_back(t);
        bundles.back().index = static_cast<std::uint32_t>(bundles.size() - 1);
    }
    graph_type g(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(), bundles.begin(),
                 static_cast<std::uint32_t>(kept.size()));
    std::vector<std::uint32_t> ids;
    for (std::uint32_t v = 0; v < kept.size(); ++v) {
        const model::person& p = *kept[v];
        g[v].person = p.id;
        g[v].code = p.code;
        g[v].role = p.role;
        g[v].tier = p.tier;
        g[v].organization = p.organization;
        ids.push_back(p.id.value);
    }
    return {std::move(g), std::move(ids)};
}

bool same_tie(const engagement_tie& a, const engagement_tie& b) {
    return a.events == b.events && a.first == b.first && a.last == b.last &&
           a.strongest == b.strongest && a.kinds == b.kinds && a.index == b.index;
}

/// How many vertices, out-ties and in-ties of `g` differ from the reference; 0 when identical.
std::size_t differences(const model::case_study& study, const graph_filter& filter) {
    const engagement_graph built(study, filter);
    const auto [ref, ids] = reference_graph(study, filter);
    const graph_type& g = built.graph();
    std::size_t wrong = 0;
    if (num_vertices(g) != num_vertices(ref) || num_edges(g) != num_edges(ref)) return 1;
    for (std::uint32_t v = 0; v < num_vertices(g); ++v) {
        const auto& a = g[v];
        const auto& b = ref[v];
        if (a.person != b.person || a.code != b.code || a.role != b.role || a.tier != b.tier ||
            a.organization != b.organization)
            ++wrong;
        auto out_a = out_edges(v, g);
        auto out_b = out_edges(v, ref);
        if (out_degree(v, g) != out_degree(v, ref)) {
            ++wrong;
        } else {
            for (auto i = out_a.first, j = out_b.first; i != out_a.second; ++i, ++j)
                if (target(*i, g) != target(*j, ref) || !same_tie(g[*i], ref[*j])) ++wrong;
        }
        auto in_a = in_edges(v, g);
        auto in_b = in_edges(v, ref);
        if (in_degree(v, g) != in_degree(v, ref)) {
            ++wrong;
        } else {
            for (auto i = in_a.first, j = in_b.first; i != in_a.second; ++i, ++j)
                if (source(*i, g) != source(*j, ref) ||
                    get(boost::edge_index, g, *i) != get(boost::edge_index, ref, *j))
                    ++wrong;
        }
    }
    // Every person of the study is found at the reference's vertex, or not found when left out.
    for (const model::person& p : study.all<model::person>()) {
        auto it = std::find(ids.begin(), ids.end(), p.id.value);
        auto v = built.vertex_of(p.id);
        if (it == ids.end() ? v.has_value()
                            : (!v || *v != static_cast<std::uint32_t>(it - ids.begin())))
            ++wrong;
    }
    return wrong;
}

/// An illustrative synthetic partnership of 2000 people and 20000 events whose person codes
/// are made awkward for sorting: half of them share a 21-byte prefix, some start with a byte
/// above 127 (UTF-8), and codes such as PRO-1 and PRO-10 are prefixes of one another.
model::case_study awkward_codes_study() {
    model::detail::synthetic_options o;
    o.seed = 11;
    o.people = 2'000;
    o.engagements = 20'000;
    o.organizations = 2;
    model::case_study_data data = model::detail::make_synthetic_data(o);
    for (model::person& p : data.all<model::person>()) {
        if (p.id.value % 2 == 0) p.code = "ILLUSTRATIVE-PARTNER-" + p.code;
        if (p.id.value % 7 == 0) p.code = "\xC3\x89-" + p.code;  // starts with "É-"
    }
    return model::case_study::from_data(std::move(data));
}

}  // namespace

SCENARIO("the network of a larger partnership equals the one built event by event with plain maps",
         "[network][graph][reference]") {
    GIVEN(
        "an illustrative partnership of 2000 people and 20000 engagement events with awkward "
        "codes") {
        const model::case_study study = awkward_codes_study();
        const auto& waves = study.all<model::wave>();
        REQUIRE(waves.size() >= 2);
        THEN("the whole network is identical, people, ties, in-ties and their order") {
            CHECK(differences(study, graph_filter{}) == 0);
        }
        THEN("the network of the second wave is identical") {
            graph_filter f;
            f.wave = waves[1].id;
            CHECK(differences(study, f) == 0);
        }
        THEN("the network of two kinds of engagement is identical") {
            graph_filter f;
            f.kinds = {model::engagement_kind::consults, model::engagement_kind::informs};
            CHECK(differences(study, f) == 0);
        }
        THEN("the network of one organization's advisors and managers is identical") {
            graph_filter f;
            f.organizations = {study.all<model::organization>().front().id};
            f.roles = {model::person_role::patient_advisor, model::person_role::manager};
            CHECK(differences(study, f) == 0);
        }
        THEN("the network of partnership-level engagements among active people only is identical") {
            graph_filter f;
            f.min_level = model::engagement_level::partnership;
            f.only_active = true;
            const engagement_graph g(study, f);
            // the filter leaves people out, so the renumbering is exercised
            CHECK(g.num_people() < study.all<model::person>().size());
            CHECK(differences(study, f) == 0);
        }
    }
}

SCENARIO("the network is the same when person ids are far apart after many people were removed",
         "[network][graph][reference]") {
    GIVEN(
        "3000 people of whom all but every fifteenth were removed, and engagements among the "
        "rest") {
        model::builder lines = network_fixtures::illustrative_study();
        std::vector<std::string> kept;
        for (int i = 0; i < 3000; ++i) {
            lines.advisor("PA-" + std::to_string(i)).of("HCO-T");
            if (i % 15 == 0) kept.push_back("PA-" + std::to_string(i));
        }
        for (std::size_t i = 0; i < kept.size(); ++i) {
            network_fixtures::consults(lines, kept[i], kept[(i * 7 + 3) % kept.size()]);
            network_fixtures::consults(lines, kept[i], kept[(i * 13 + 5) % kept.size()],
                                       "2017-02-01");
            network_fixtures::consults(lines, kept[(i * 13 + 5) % kept.size()], kept[i],
                                       "2015-05-05");
        }
        network_fixtures::built b{lines.build()};
        for (int i = 0; i < 3000; ++i)
            if (i % 15 != 0) b.study.remove(b.person("PA-" + std::to_string(i)));
        // 200 people left with ids up to 2986: too spread for a table indexed by id
        REQUIRE(kept.size() == 200);
        THEN("people, ties and in-ties are those of the plain construction") {
            CHECK(differences(b.study, graph_filter{}) == 0);
            graph_filter f;
            f.only_active = true;
            CHECK(differences(b.study, f) == 0);
        }
    }
}
