#include "partnerqi/network/engagement_graph.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <string>

#include <boost/range/iterator_range.hpp>

#include "partnerqi/error.hpp"

namespace partnerqi::network {

namespace {

using model::person_id;

/// One engagement event reduced to what the graph needs; sorted by (from, to).
struct event_row {
    std::uint32_t from;
    std::uint32_t to;
    std::int32_t day;
    std::uint8_t level;
    std::uint8_t kind;
};

/// Finds the vertex of a person id quickly: a dense table when ids are compact (the usual
/// case, ids are assigned in sequence), otherwise a binary search.
class id_lookup {
public:
    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

    explicit id_lookup(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& sorted_by_id)
        : sorted_(sorted_by_id) {
        std::uint32_t max_id = sorted_.empty() ? 0 : sorted_.back().first;
        // Dense only when the table stays within a small multiple of the people count.
        if (static_cast<std::size_t>(max_id) <= 4 * sorted_.size() + 1024) {
            dense_.assign(static_cast<std::size_t>(max_id) + 1, none);
            for (const auto& [id, v] : sorted_) dense_[id] = v;
        }
    }

    [[nodiscard]] std::uint32_t find(std::uint32_t id) const noexcept {
        if (!dense_.empty()) return id < dense_.size() ? dense_[id] : none;
        auto it = std::lower_bound(sorted_.begin(), sorted_.end(), id,
                                   [](const auto& p, std::uint32_t x) { return p.first < x; });
        return (it != sorted_.end() && it->first == id) ? it->second : none;
    }

private:
    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& sorted_;
    std::vector<std::uint32_t> dense_;
};

[[noreturn]] void refuse(const std::string& message) { throw invalid_request_error(message); }

}  // namespace

model::date_window resolve_window(const model::case_study& study, const graph_filter& filter) {
    const model::date_window& study_window = study.window();
    if (filter.window && filter.wave) {
        refuse("network filter: both a window (" + filter.window->to_iso() + ") and a wave (id " +
               std::to_string(filter.wave->value) + ") are given; give one of them");
    }
    if (filter.wave) {
        const auto& waves = study.waves();
        auto it = std::lower_bound(waves.begin(), waves.end(), *filter.wave,
                                   [](const model::wave& w, model::wave_id id) { return w.id < id; });
        if (it == waves.end() || it->id != *filter.wave) {
            refuse("network filter: wave id " + std::to_string(filter.wave->value) +
                   " is not a wave of the case study '" + study.title() +
                   "'; pick one of its waves (case_study::find_wave)");
        }
        if (!study_window.contains(it->window)) {
            refuse("network filter: wave " + it->code + " (" + it->window.to_iso() +
                   ") is not inside the study window " + study_window.to_iso());
        }
        return it->window;
    }
    if (filter.window) {
        if (!study_window.contains(*filter.window)) {
            refuse("network filter: the window " + filter.window->to_iso() +
                   " is not inside the study window " + study_window.to_iso() +
                   "; narrow it to the study window");
        }
        return *filter.window;
    }
    return study_window;
}

engagement_graph::engagement_graph() = default;

engagement_graph::engagement_graph(const model::case_study& study, const graph_filter& filter)
    : window_(resolve_window(study, filter)), filter_(filter) {
    for (model::organization_id org : filter.organizations) {
        const auto& orgs = study.organizations();
        auto it = std::lower_bound(
            orgs.begin(), orgs.end(), org,
            [](const model::organization& o, model::organization_id id) { return o.id < id; });
        bool known = it != orgs.end() && it->id == org;
        if (!known) {
            refuse("network filter: organization id " + std::to_string(org.value) +
                   " is not an organization of the case study '" + study.title() +
                   "'; pick one of its organizations (case_study::find_organization)");
        }
    }

    // People passing the organization and role filters, in code order.
    std::vector<const model::person*> chosen;
    chosen.reserve(study.people().size());
    for (const model::person& p : study.people()) {
        if (!filter.roles.empty() && filter.roles.count(p.role) == 0) continue;
        if (!filter.organizations.empty() &&
            (!p.organization || filter.organizations.count(*p.organization) == 0)) {
            continue;
        }
        chosen.push_back(&p);
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const model::person* a, const model::person* b) { return a->code < b->code; });
    if (chosen.size() >= std::numeric_limits<std::uint32_t>::max()) {
        refuse("network: the case study has too many people for one network");
    }

    std::vector<std::pair<std::uint32_t, std::uint32_t>> id_to_vertex(chosen.size());
    for (std::size_t v = 0; v < chosen.size(); ++v) {
        id_to_vertex[v] = {chosen[v]->id.value, static_cast<std::uint32_t>(v)};
    }
    std::sort(id_to_vertex.begin(), id_to_vertex.end());
    id_lookup lookup(id_to_vertex);

    // Engagement events in the window that pass the filters, then sorted by (from, to).
    kind_mask wanted = 0;
    for (model::engagement_kind k : filter.kinds) wanted = static_cast<kind_mask>(wanted | mask_of(k));
    if (wanted == 0) wanted = static_cast<kind_mask>(~kind_mask{0});
    std::vector<event_row> rows;
    rows.reserve(study.engagements().size());
    for (const model::engagement& e : study.engagements()) {
        if (!window_.contains(e.on) || e.level < filter.min_level || (wanted & mask_of(e.kind)) == 0) {
            continue;
        }
        std::uint32_t from = lookup.find(e.from.value);
        std::uint32_t to = lookup.find(e.to.value);
        if (from == id_lookup::none || to == id_lookup::none || from == to) continue;
        rows.push_back(event_row{from, to, e.on.days_since_epoch(), static_cast<std::uint8_t>(e.level),
                                 static_cast<std::uint8_t>(e.kind)});
    }
    if (rows.size() >= std::numeric_limits<std::uint32_t>::max()) {
        refuse("network: too many engagement events in the window for one network; narrow the window");
    }
    events_ = rows.size();
    {
        // Counting sort by source vertex (O(E + V)), then a small sort by target inside each
        // source's bucket: about ten events per person, against a comparison sort of all E.
        std::vector<std::uint32_t> start(chosen.size() + 1, 0);
        for (const event_row& r : rows) ++start[r.from + 1];
        for (std::size_t v = 0; v < chosen.size(); ++v) start[v + 1] += start[v];
        std::vector<event_row> sorted(rows.size());
        std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
        for (const event_row& r : rows) sorted[next[r.from]++] = r;
        rows.swap(sorted);
        for (std::size_t v = 0; v < chosen.size(); ++v) {
            const auto bucket = rows.begin() + start[v];
            const auto bucket_end = rows.begin() + start[v + 1];
            if (bucket_end - bucket > 1)
                std::sort(bucket, bucket_end,
                          [](const event_row& x, const event_row& y) { return x.to < y.to; });
        }
    }

    // One tie per ordered pair.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
    std::vector<engagement_tie> ties;
    ends.reserve(rows.size());
    ties.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size();) {
        std::int32_t first = rows[i].day;
        std::int32_t last = rows[i].day;
        std::uint8_t level = rows[i].level;
        kind_mask kinds = 0;
        std::size_t j = i;
        for (; j < rows.size() && rows[j].from == rows[i].from && rows[j].to == rows[i].to; ++j) {
            first = std::min(first, rows[j].day);
            last = std::max(last, rows[j].day);
            level = std::max(level, rows[j].level);
            kinds = static_cast<kind_mask>(kinds | (1u << rows[j].kind));
        }
        engagement_tie t;
        t.events = static_cast<std::uint32_t>(j - i);
        t.first = model::date::from_days(first);
        t.last = model::date::from_days(last);
        t.strongest = static_cast<model::engagement_level>(level);
        t.kinds = kinds;
        t.index = static_cast<std::uint32_t>(ties.size());
        ends.emplace_back(rows[i].from, rows[i].to);
        ties.push_back(t);
        i = j;
    }
    rows.clear();
    rows.shrink_to_fit();

    // Keep only active people when asked; renumbering is monotone, so both orders survive.
    if (filter.only_active) {
        std::vector<char> active(chosen.size(), 0);
        for (const auto& [s, t] : ends) active[s] = active[t] = 1;
        std::vector<std::uint32_t> renumber(chosen.size(), id_lookup::none);
        std::vector<const model::person*> kept;
        for (std::size_t v = 0; v < chosen.size(); ++v) {
            if (active[v] == 0) continue;
            renumber[v] = static_cast<std::uint32_t>(kept.size());
            kept.push_back(chosen[v]);
        }
        for (auto& [s, t] : ends) {
            s = renumber[s];
            t = renumber[t];
        }
        chosen = std::move(kept);
    }

    graph_ = graph_type(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(),
                        ties.begin(), static_cast<std::uint32_t>(chosen.size()));
    by_id_.resize(chosen.size());
    for (std::size_t v = 0; v < chosen.size(); ++v) {
        const model::person& p = *chosen[v];
        person_vertex& pv = graph_[static_cast<vertex>(v)];
        pv.person = p.id;
        pv.code = p.code;
        pv.role = p.role;
        pv.tier = p.tier;
        pv.organization = p.organization;
        by_id_[v] = {p.id.value, static_cast<vertex>(v)};
    }
    std::sort(by_id_.begin(), by_id_.end());
}

std::size_t engagement_graph::num_people() const noexcept { return num_vertices(graph_); }

std::size_t engagement_graph::num_ties() const noexcept { return num_edges(graph_); }

std::optional<engagement_graph::vertex> engagement_graph::vertex_of(model::person_id person) const noexcept {
    auto it = std::lower_bound(by_id_.begin(), by_id_.end(), person.value,
                               [](const auto& p, std::uint32_t x) { return p.first < x; });
    if (it == by_id_.end() || it->first != person.value) return std::nullopt;
    return it->second;
}

model::person_id engagement_graph::person_of(vertex v) const { return person(v).person; }

const person_vertex& engagement_graph::person(vertex v) const {
    if (v >= num_people()) {
        refuse("network: vertex " + std::to_string(v) + " is not a vertex of this network of " +
               std::to_string(num_people()) + " people");
    }
    return graph_[v];
}

engagement_graph::vertex engagement_graph::require_vertex(model::person_id person) const {
    auto v = vertex_of(person);
    if (!v) {
        refuse("network: person id " + std::to_string(person.value) +
               " is not in this network (unknown person, or left out by the filter)");
    }
    return *v;
}

std::optional<engagement_graph::edge> engagement_graph::tie(model::person_id from,
                                                            model::person_id to) const {
    auto s = vertex_of(from);
    auto t = vertex_of(to);
    if (!s || !t) return std::nullopt;
    // Out-edges are sorted by target: binary search them.
    auto range = out_edges(*s, graph_);
    auto it = std::lower_bound(range.first, range.second, *t,
                               [this](const edge& e, vertex x) { return target(e, graph_) < x; });
    if (it == range.second || target(*it, graph_) != *t) return std::nullopt;
    return *it;
}

std::optional<engagement_tie> engagement_graph::tie_between(model::person_id from,
                                                            model::person_id to) const {
    auto e = tie(from, to);
    if (!e) return std::nullopt;
    return graph_[*e];
}

std::vector<model::person_id> engagement_graph::people() const {
    std::vector<model::person_id> out(num_people());
    for (std::size_t v = 0; v < out.size(); ++v) out[v] = graph_[static_cast<vertex>(v)].person;
    return out;
}

std::vector<std::pair<model::person_id, model::person_id>> engagement_graph::ties() const {
    std::vector<std::pair<model::person_id, model::person_id>> out;
    out.reserve(num_ties());
    for (auto e : boost::make_iterator_range(edges(graph_))) {
        out.emplace_back(graph_[source(e, graph_)].person, graph_[target(e, graph_)].person);
    }
    return out;
}

engagement_graph build(const model::case_study& study, const graph_filter& filter) {
    return engagement_graph(study, filter);
}

}  // namespace partnerqi::network
