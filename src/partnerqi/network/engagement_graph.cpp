#include "partnerqi/network/engagement_graph.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <numeric>
#include <string>

#include <boost/range/iterator_range.hpp>

#include "partnerqi/detail/progress_meter.hpp"
#include "partnerqi/error.hpp"

namespace partnerqi::network {

namespace {

using model::person_id;

[[noreturn]] void refuse(const std::string& message) { throw invalid_request_error(message); }

constexpr std::uint32_t no_vertex = std::numeric_limits<std::uint32_t>::max();

/// Up to 8 bytes of a string as a big-endian number, zero-padded: comparing two such numbers
/// compares the bytes as std::string does (unsigned, in order).
std::uint64_t big_endian(const char* bytes, std::size_t count) noexcept {
    std::uint64_t x = 0;
    for (std::size_t i = 0; i < 8; ++i)
        x = (x << 8) | (i < count ? static_cast<unsigned char>(bytes[i]) : 0u);
    return x;
}

/// A person's code reduced to its first 16 bytes, so that sorting by code reads the strings
/// only when two codes share those bytes.
struct code_key {
    std::uint64_t high;  ///< bytes 0 to 7
    std::uint64_t low;   ///< bytes 8 to 15
    std::uint32_t at;    ///< position of the person in case_study::people()
};

/// The positions in `people` of the people passing the organization and role filters, sorted
/// by code (codes are unique, so the order is total).
std::vector<std::uint32_t> people_in_code_order(const std::vector<model::person>& people,
                                                const graph_filter& filter) {
    const bool all_roles = filter.roles.empty();
    const bool all_organizations = filter.organizations.empty();
    std::vector<code_key> keys;
    keys.reserve(people.size());
    for (std::size_t i = 0; i < people.size(); ++i) {
        const model::person& p = people[i];
        if (!all_roles && filter.roles.count(p.role) == 0) continue;
        if (!all_organizations &&
            (!p.organization || filter.organizations.count(*p.organization) == 0)) {
            continue;
        }
        const std::size_t size = p.code.size();
        const std::size_t head = std::min<std::size_t>(size, 8);
        const std::size_t tail = std::min<std::size_t>(size, 16) - head;
        keys.push_back(code_key{big_endian(p.code.data(), head),
                                big_endian(p.code.data() + head, tail),
                                static_cast<std::uint32_t>(i)});
    }
    std::sort(keys.begin(), keys.end(), [&people](const code_key& a, const code_key& b) {
        if (a.high != b.high) return a.high < b.high;
        if (a.low != b.low) return a.low < b.low;
        return people[a.at].code < people[b.at].code;
    });
    std::vector<std::uint32_t> chosen(keys.size());
    for (std::size_t v = 0; v < keys.size(); ++v)
        chosen[v] = keys[v].at;
    return chosen;
}

/// The vertex of each position in `people`, or no_vertex for people left out.
std::vector<std::uint32_t> vertex_at(std::size_t people, const std::vector<std::uint32_t>& chosen) {
    std::vector<std::uint32_t> out(people, no_vertex);
    for (std::size_t v = 0; v < chosen.size(); ++v)
        out[chosen[v]] = static_cast<std::uint32_t>(v);
    return out;
}

/// Person id -> vertex through a table indexed by id.
struct dense_ids {
    const std::uint32_t* table;
    std::size_t size;
    [[nodiscard]] std::uint32_t operator()(std::uint32_t id) const noexcept {
        return id < size ? table[id] : no_vertex;
    }
};

/// Finds the vertex of a person id: a table indexed by id when ids are compact (the usual case,
/// ids are assigned in sequence), otherwise a binary search of the people (sorted by id).
class person_lookup {
public:
    person_lookup(const std::vector<model::person>& people,
                  const std::vector<std::uint32_t>& chosen)
        : people_(people), vertex_at_(vertex_at(people.size(), chosen)) {
        const std::uint32_t max_id = people.empty() ? 0 : people.back().id.value;
        // Dense only when the table stays within a small multiple of the people count.
        if (static_cast<std::size_t>(max_id) <= 4 * people.size() + 1024) {
            dense_.assign(static_cast<std::size_t>(max_id) + 1, no_vertex);
            for (std::size_t i = 0; i < people.size(); ++i)
                dense_[people[i].id.value] = vertex_at_[i];
        }
    }

    [[nodiscard]] bool dense() const noexcept { return !dense_.empty(); }
    [[nodiscard]] dense_ids dense_table() const noexcept { return {dense_.data(), dense_.size()}; }

    [[nodiscard]] std::uint32_t operator()(std::uint32_t id) const noexcept {
        auto it = std::lower_bound(
            people_.begin(), people_.end(), id,
            [](const model::person& p, std::uint32_t x) { return p.id.value < x; });
        if (it == people_.end() || it->id.value != id) return no_vertex;
        return vertex_at_[static_cast<std::size_t>(it - people_.begin())];
    }

private:
    const std::vector<model::person>& people_;
    std::vector<std::uint32_t> vertex_at_;
    std::vector<std::uint32_t> dense_;
};

/// The engagement events of the graph bucketed by source vertex and, inside a bucket, sorted
/// by target. Each event is one key, target << 32 | provenance << 25 | day offset in the window
/// << 8 | level << 4 | kind; the events of one tie keep the order of case_study::engagements().
struct event_buckets {
    std::vector<std::uint32_t> start;       ///< bucket of vertex v: keys[start[v], start[v + 1])
    std::unique_ptr<std::uint64_t[]> keys;  ///< start.back() keys
};

static_assert(static_cast<unsigned>(model::engagement_kind::other) < 16, "kind fits in 4 bits");
static_assert(static_cast<unsigned>(model::engagement_level::partnership) < 16,
              "level fits in 4 bits");
static_assert(static_cast<unsigned>(model::provenance::illustrative) < 4,
              "provenance fits in 2 bits");

/// The day offset in the window of an event key's low half (17 bits: 300 years of days).
constexpr std::uint32_t day_of(std::uint32_t low) noexcept { return (low >> 8) & 0x1FFFFu; }

/// Calls f(from, to, low) for every engagement that enters the graph, where low is the low half
/// of its key (provenance << 25 | day offset << 8 | level << 4 | kind).
template <class Lookup, class F>
void for_each_event(const model::case_study& study, const graph_filter& filter,
                    const model::date_window& window, const Lookup& lookup, F&& f) {
    kind_mask wanted = 0;
    for (model::engagement_kind k : filter.kinds)
        wanted = static_cast<kind_mask>(wanted | mask_of(k));
    if (wanted == 0) wanted = static_cast<kind_mask>(~kind_mask{0});
    const std::int32_t first = window.first().days_since_epoch();
    // At most 300 years of days (the accepted dates), so an offset takes 17 bits.
    const auto span = static_cast<std::uint32_t>(window.last().days_since_epoch() - first);
    for (const model::engagement& e : study.all<model::engagement>()) {
        const auto offset = static_cast<std::uint32_t>(e.on.days_since_epoch() - first);
        if (offset > span || e.level < filter.min_level || (wanted & mask_of(e.kind)) == 0)
            continue;
        const std::uint32_t from = lookup(e.from.value);
        const std::uint32_t to = lookup(e.to.value);
        if (from == no_vertex || to == no_vertex || from == to) continue;
        f(from, to,
          (static_cast<std::uint32_t>(e.provenance) << 25) | (offset << 8) |
              (static_cast<std::uint32_t>(e.level) << 4) | static_cast<std::uint32_t>(e.kind));
    }
}

/// Turns bucket sizes (size of bucket v in start[v + 1]) into bucket starts.
void prefix_sums(std::vector<std::uint32_t>& start) {
    for (std::size_t v = 1; v < start.size(); ++v)
        start[v] += start[v - 1];
}

/// Buckets the events by source with two stable counting sorts (by target, then by source),
/// so each bucket comes out sorted by target: O(E + V), no comparison sort.
template <class Lookup>
event_buckets bucket_events(const model::case_study& study, const graph_filter& filter,
                            const model::date_window& window, const Lookup& lookup,
                            std::uint32_t people) {
    event_buckets out;
    std::vector<std::uint32_t> by_target(static_cast<std::size_t>(people) + 1, 0);
    out.start.assign(static_cast<std::size_t>(people) + 1, 0);
    std::size_t count = 0;
    for_each_event(study, filter, window, lookup,
                   [&](std::uint32_t from, std::uint32_t to, std::uint32_t) {
                       ++out.start[from + 1];
                       ++by_target[to + 1];
                       ++count;
                   });
    if (count >= std::numeric_limits<std::uint32_t>::max()) {
        refuse(
            "network: too many engagement events in the window for one network; narrow the window");
    }
    prefix_sums(out.start);
    prefix_sums(by_target);

    // By target: source << 32 | low, in engagement order within a target.
    std::unique_ptr<std::uint64_t[]> staged(new std::uint64_t[count]);
    {
        std::vector<std::uint32_t> next(by_target.begin(), by_target.end() - 1);
        for_each_event(study, filter, window, lookup,
                       [&](std::uint32_t from, std::uint32_t to, std::uint32_t low) {
                           staged[next[to]++] = (std::uint64_t{from} << 32) | low;
                       });
    }
    // By source, stable: target << 32 | low, targets ascending within a source.
    out.keys.reset(new std::uint64_t[count]);
    std::vector<std::uint32_t> next(out.start.begin(), out.start.end() - 1);
    for (std::uint32_t t = 0; t < people; ++t) {
        for (std::uint32_t i = by_target[t]; i < by_target[t + 1]; ++i) {
            const std::uint64_t k = staged[i];
            out.keys[next[k >> 32]++] = (std::uint64_t{t} << 32) | (k & 0xFFFFFFFFu);
        }
    }
    return out;
}

/// The out-going half of the compressed sparse rows, with the tie bundles.
struct csr_parts {
    std::vector<std::uint32_t> rowstart;  ///< ties of vertex v: [rowstart[v], rowstart[v + 1])
    std::vector<std::uint32_t> column;    ///< target of each tie
    std::vector<engagement_tie> ties;     ///< bundle of each tie
};

/// Dates of day offsets in the window: a table when the window is short next to the work,
/// date::from_days otherwise.
class window_days {
public:
    window_days(const model::date_window& window, std::size_t events)
        : first_(window.first().days_since_epoch()) {
        const auto span = static_cast<std::size_t>(window.last().days_since_epoch() - first_);
        if (span < events) {
            table_.reserve(span + 1);
            for (std::size_t d = 0; d <= span; ++d)
                table_.push_back(model::date::from_days(first_ + static_cast<std::int32_t>(d)));
        }
    }
    [[nodiscard]] model::date at(std::uint32_t offset) const {
        return table_.empty() ? model::date::from_days(first_ + static_cast<std::int32_t>(offset))
                              : table_[offset];
    }

private:
    std::int32_t first_;
    std::vector<model::date> table_;
};

/// One tie per run of equal targets in each sorted bucket, in (source, target) order.
csr_parts aggregate(const event_buckets& buckets, const model::date_window& window,
                    std::uint32_t people) {
    const std::uint64_t* keys = buckets.keys.get();
    const std::size_t events = buckets.start.back();
    const window_days days(window, events);
    csr_parts out;
    out.rowstart.resize(static_cast<std::size_t>(people) + 1);
    out.column.reserve(events);
    out.ties.reserve(events);
    for (std::uint32_t s = 0; s < people; ++s) {
        out.rowstart[s] = static_cast<std::uint32_t>(out.column.size());
        const std::size_t end = buckets.start[s + 1];
        for (std::size_t i = buckets.start[s]; i < end;) {
            const auto target = static_cast<std::uint32_t>(keys[i] >> 32);
            auto low = static_cast<std::uint32_t>(keys[i]);
            std::uint32_t first = day_of(low);
            std::uint32_t last = first;
            std::uint32_t level = (low >> 4) & 0xFu;
            std::uint32_t kinds = 1u << (low & 0xFu);
            std::uint32_t weakest = low >> 25;  // the larger the provenance, the weaker
            std::size_t j = i + 1;
            for (; j < end && static_cast<std::uint32_t>(keys[j] >> 32) == target; ++j) {
                low = static_cast<std::uint32_t>(keys[j]);
                first = std::min(first, day_of(low));
                last = std::max(last, day_of(low));
                level = std::max(level, (low >> 4) & 0xFu);
                kinds |= 1u << (low & 0xFu);
                weakest = std::max(weakest, low >> 25);
            }
            engagement_tie t;
            t.events = static_cast<std::uint32_t>(j - i);
            t.first = days.at(first);
            t.last = days.at(last);
            t.strongest = static_cast<model::engagement_level>(level);
            t.kinds = static_cast<kind_mask>(kinds);
            t.index = static_cast<std::uint32_t>(out.ties.size());
            t.provenance = static_cast<model::provenance>(weakest);
            out.column.push_back(target);
            out.ties.push_back(t);
            i = j;
        }
    }
    out.rowstart[people] = static_cast<std::uint32_t>(out.column.size());
    return out;
}

/// Drops the people without a tie and renumbers the others, keeping their order.
void keep_active(csr_parts& parts, std::vector<std::uint32_t>& chosen) {
    const std::size_t n = chosen.size();
    std::vector<char> active(n, 0);
    for (std::size_t v = 0; v < n; ++v)
        if (parts.rowstart[v] != parts.rowstart[v + 1]) active[v] = 1;
    for (std::uint32_t t : parts.column)
        active[t] = 1;
    std::vector<std::uint32_t> renumber(n, no_vertex);
    std::vector<std::uint32_t> kept;
    std::vector<std::uint32_t> rowstart;
    for (std::size_t v = 0; v < n; ++v) {
        if (active[v] == 0) continue;  // no out-ties: dropping it leaves the rows contiguous
        renumber[v] = static_cast<std::uint32_t>(kept.size());
        kept.push_back(chosen[v]);
        rowstart.push_back(parts.rowstart[v]);
    }
    rowstart.push_back(parts.rowstart[n]);
    for (std::uint32_t& t : parts.column)
        t = renumber[t];
    parts.rowstart = std::move(rowstart);
    chosen = std::move(kept);
}

/// Sets up `g` from out-going rows already in (source, target) order, and derives the in-going
/// rows exactly as Boost's bidirectional constructor does (a stable counting sort of the ties
/// by target, so each person's in-ties come in tie order). The rows are moved into the graph
/// rather than copied and re-sorted by Boost's edges_are_unsorted constructor.
void assemble(engagement_graph::graph_type& g, csr_parts parts, std::uint32_t people) {
    engagement_graph::graph_type out(people);
    const std::size_t ties = parts.column.size();
    auto& backward = out.m_backward;
    backward.m_rowstart.assign(static_cast<std::size_t>(people) + 1, 0);
    for (std::uint32_t t : parts.column)
        ++backward.m_rowstart[t + 1];
    for (std::size_t v = 0; v < people; ++v)
        backward.m_rowstart[v + 1] += backward.m_rowstart[v];
    std::vector<std::uint32_t> next(backward.m_rowstart.begin(), backward.m_rowstart.end() - 1);
    backward.m_column.resize(ties);
    backward.m_edge_properties.resize(ties);
    for (std::uint32_t s = 0; s < people; ++s) {
        for (std::uint32_t e = parts.rowstart[s]; e < parts.rowstart[s + 1]; ++e) {
            const std::uint32_t at = next[parts.column[e]]++;
            backward.m_column[at] = s;
            backward.m_edge_properties[at] = e;
        }
    }
    out.m_forward.m_rowstart = std::move(parts.rowstart);
    out.m_forward.m_column = std::move(parts.column);
    out.m_forward.m_edge_properties = std::move(parts.ties);
    g = std::move(out);
}

/// (person id value, vertex) of every vertex, sorted by id: people() is in id order.
std::vector<std::pair<std::uint32_t, std::uint32_t>> ids_in_order(
    const std::vector<model::person>& people, const std::vector<std::uint32_t>& chosen) {
    const std::vector<std::uint32_t> vertex = vertex_at(people.size(), chosen);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    out.reserve(chosen.size());
    for (std::size_t i = 0; i < people.size(); ++i)
        if (vertex[i] != no_vertex) out.emplace_back(people[i].id.value, vertex[i]);
    return out;
}

}  // namespace

engagement_graph::engagement_graph() = default;

engagement_graph::engagement_graph(const model::case_study& study, const graph_filter& requested,
                                   const run_control& control)
    : filter_(requested) {
    partnerqi::detail::progress_meter progress(control, "building the network", 5);
    const model::resolved_scope scope = model::resolve_scope(study, requested);
    window_ = scope.window;
    for (model::organization_id org : requested.organizations) {
        const auto& orgs = study.all<model::organization>();
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
    // A chosen case keeps its organization's people; `filter` is the request with that applied.
    graph_filter filter = requested;
    for (model::organization_id org : scope.organizations) {
        if (!requested.organizations.empty() && requested.organizations.count(org) == 0) {
            refuse("network filter: the case's organization " + study.get(org).code +
                   " is not among the filter's organizations; add it or leave the case unset");
        }
    }
    if (!scope.whole_study) {
        filter.organizations.clear();
        filter.organizations.insert(scope.organizations.begin(), scope.organizations.end());
    }

    const std::vector<model::person>& people = study.all<model::person>();
    if (people.size() >= std::numeric_limits<std::uint32_t>::max()) {
        refuse("network: the case study has too many people for one network");
    }
    // People passing the organization and role filters, as positions in people(), in code order.
    std::vector<std::uint32_t> chosen = people_in_code_order(people, filter);
    const person_lookup lookup(people, chosen);
    progress.at(1);

    // Engagement events in the window that pass the filters, bucketed by source vertex.
    const auto n = static_cast<std::uint32_t>(chosen.size());
    event_buckets buckets = lookup.dense()
                                ? bucket_events(study, filter, window_, lookup.dense_table(), n)
                                : bucket_events(study, filter, window_, lookup, n);
    events_ = buckets.start.back();
    progress.at(2);

    // One tie per ordered pair, written straight into the compressed rows.
    csr_parts parts = aggregate(buckets, window_, n);
    buckets = {};
    progress.at(3);

    // Keep only active people when asked; renumbering is monotone, so both orders survive.
    if (filter.only_active) keep_active(parts, chosen);
    progress.at(4);

    assemble(graph_, std::move(parts), static_cast<std::uint32_t>(chosen.size()));
    for (std::size_t v = 0; v < chosen.size(); ++v) {
        const model::person& p = people[chosen[v]];
        person_vertex& pv = graph_[static_cast<vertex>(v)];
        pv.person = p.id;
        pv.code = p.code;
        pv.role = p.role;
        pv.tier = p.tier;
        pv.organization = p.organization;
        pv.provenance = p.provenance;
    }
    by_id_ = ids_in_order(people, chosen);
    progress.finish();
}

std::size_t engagement_graph::num_people() const noexcept { return num_vertices(graph_); }

std::size_t engagement_graph::num_ties() const noexcept { return num_edges(graph_); }

std::optional<engagement_graph::vertex> engagement_graph::vertex_of(
    model::person_id person) const noexcept {
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
    for (std::size_t v = 0; v < out.size(); ++v)
        out[v] = graph_[static_cast<vertex>(v)].person;
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

namespace {

/// The days of every tie from the keys tie index << 32 | day offset of its events: a counting
/// sort by tie, then each tie's few days sorted and made unique, O(E + T + sum of k log k).
tie_days days_by_tie(const std::vector<std::uint64_t>& events, std::size_t ties,
                     const model::date_window& window) {
    tie_days out;
    out.start.assign(ties + 1, 0);
    for (std::uint64_t e : events)
        ++out.start[(e >> 32) + 1];
    for (std::size_t i = 1; i < out.start.size(); ++i)
        out.start[i] += out.start[i - 1];
    std::vector<std::uint32_t> offsets(events.size());
    {
        std::vector<std::size_t> next(out.start.begin(), out.start.end() - 1);
        for (std::uint64_t e : events)
            offsets[next[e >> 32]++] = static_cast<std::uint32_t>(e);
    }
    const window_days days(window, events.size());
    out.days.reserve(offsets.size());
    std::size_t begin = 0;
    for (std::size_t t = 0; t < ties; ++t) {
        const std::size_t end = out.start[t + 1];
        std::sort(offsets.begin() + static_cast<std::ptrdiff_t>(begin),
                  offsets.begin() + static_cast<std::ptrdiff_t>(end));
        for (std::size_t k = begin; k < end; ++k)
            if (k == begin || offsets[k] != offsets[k - 1]) out.days.push_back(days.at(offsets[k]));
        out.start[t + 1] = out.days.size();
        begin = end;
    }
    return out;
}

}  // namespace

tie_days days_of_ties(const model::case_study& study, const engagement_graph& graph) {
    const auto& g = graph.graph();
    // The positions in people() of the vertices, for the lookup the graph was built with.
    const std::vector<model::person>& people = study.all<model::person>();
    std::vector<std::uint32_t> chosen;
    chosen.reserve(graph.num_people());
    for (std::size_t v = 0; v < graph.num_people(); ++v) {
        const person_id id = g[static_cast<engagement_graph::vertex>(v)].person;
        auto it = std::lower_bound(
            people.begin(), people.end(), id,
            [](const model::person& p, person_id x) { return p.id.value < x.value; });
        if (it == people.end() || it->id != id) {
            refuse("network: person id " + std::to_string(id.value) +
                   " of the network is not a person of the case study '" + study.title() +
                   "'; give the study the network was built from");
        }
        chosen.push_back(static_cast<std::uint32_t>(it - people.begin()));
    }
    const person_lookup lookup(people, chosen);
    // tie index << 32 | day offset of every event the graph aggregated, in engagement order.
    std::vector<std::uint64_t> events;
    events.reserve(graph.num_events());
    const auto collect = [&](const auto& by_id) {
        for_each_event(study, graph.filter(), graph.window(), by_id,
                       [&](std::uint32_t from, std::uint32_t to, std::uint32_t low) {
                           auto range = out_edges(from, g);
                           auto it =
                               std::lower_bound(range.first, range.second, to,
                                                [&g](const engagement_graph::edge& e,
                                                     std::uint32_t x) { return target(e, g) < x; });
                           if (it != range.second && target(*it, g) == to)
                               events.push_back((std::uint64_t{g[*it].index} << 32) | day_of(low));
                       });
    };
    if (lookup.dense()) {
        collect(lookup.dense_table());
    } else {
        collect(lookup);
    }
    return days_by_tie(events, graph.num_ties(), graph.window());
}

engagement_graph build(const model::case_study& study, const graph_filter& filter,
                       const run_control& control) {
    return engagement_graph(study, filter, control);
}

}  // namespace partnerqi::network
