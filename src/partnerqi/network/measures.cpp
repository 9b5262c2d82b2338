#include "partnerqi/network/measures.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <limits>
#include <mutex>
#include <numeric>
#include <thread>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dominator_tree.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/range/iterator_range.hpp>

#include "partnerqi/network/detail/flat_graph.hpp"

namespace partnerqi::network {

namespace detail {

flat_graph::flat_graph(const engagement_graph& g) {
    const auto& bg = g.graph();
    n = static_cast<std::uint32_t>(num_vertices(bg));
    // The locality order: breadth-first along ties in both directions, from each vertex not
    // yet placed, in vertex order. People who engage each other get close numbers, so the
    // searches touch few cache lines (vertex order is code order, which scatters them).
    const std::uint32_t unplaced = std::numeric_limits<std::uint32_t>::max();
    original.reserve(n);
    flat_of.assign(n, unplaced);
    auto place = [&](std::uint32_t v) {
        if (flat_of[v] != unplaced) return;
        flat_of[v] = static_cast<std::uint32_t>(original.size());
        original.push_back(v);
    };
    for (std::uint32_t root = 0; root < n; ++root) {
        std::size_t head = original.size();
        place(root);
        for (; head < original.size(); ++head) {
            const std::uint32_t v = original[head];
            for (auto e : boost::make_iterator_range(out_edges(v, bg)))
                place(static_cast<std::uint32_t>(target(e, bg)));
            for (auto e : boost::make_iterator_range(in_edges(v, bg)))
                place(static_cast<std::uint32_t>(source(e, bg)));
        }
    }
    out_offset.assign(std::size_t{n} + 1, 0);
    in_offset.assign(std::size_t{n} + 1, 0);
    out_target.reserve(num_edges(bg));
    in_source.reserve(num_edges(bg));
    for (std::uint32_t v = 0; v < n; ++v) {
        const std::uint32_t old = original[v];
        out_offset[v] = static_cast<std::uint32_t>(out_target.size());
        for (auto e : boost::make_iterator_range(out_edges(old, bg)))
            out_target.push_back(flat_of[target(e, bg)]);
        std::sort(out_target.begin() + out_offset[v], out_target.end());
        in_offset[v] = static_cast<std::uint32_t>(in_source.size());
        for (auto e : boost::make_iterator_range(in_edges(old, bg)))
            in_source.push_back(flat_of[source(e, bg)]);
        std::sort(in_source.begin() + in_offset[v], in_source.end());
    }
    out_offset[n] = static_cast<std::uint32_t>(out_target.size());
    in_offset[n] = static_cast<std::uint32_t>(in_source.size());
}

unsigned worker_count(unsigned requested, std::size_t tasks) {
    unsigned w = requested != 0 ? requested : std::thread::hardware_concurrency();
    if (w == 0) w = 1;
    if (tasks < w) w = static_cast<unsigned>(std::max<std::size_t>(tasks, 1));
    return w;
}

namespace {

std::uint64_t bits_of(double x) {
    std::uint64_t b = 0;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

double double_of(std::uint64_t b) {
    double x = 0.0;
    std::memcpy(&x, &b, sizeof x);
    return x;
}

/// What the forward pass of a Brandes search keeps per vertex, in one 16-byte slot so that
/// looking at a neighbour costs one cache line: its distance and its number of shortest paths.
struct alignas(16) vertex_state {
    std::int32_t dist = -1;
    double sigma = 0.0;
};

/// Scratch space of one Brandes worker: reset only where a search went.
struct brandes_workspace {
    std::vector<vertex_state> state;
    /// (1 + delta) / sigma of the vertices of the levels the backward pass has finished, 0
    /// elsewhere.
    std::vector<double> coeff;
    std::vector<double> delta;  ///< by position in `order`, for the level being processed
    std::vector<std::uint32_t> order;
    std::vector<std::uint32_t> level_start;  ///< positions in `order` where each level begins

    /// One more slot in `order` than vertices: the forward pass writes a slot past the queue
    /// before knowing whether to keep it.
    explicit brandes_workspace(std::uint32_t n)
        : state(n), coeff(n, 0.0), delta(n), order(std::size_t{n} + 1) {
        level_start.reserve(std::size_t{n} + 1);
    }

    /// Adds the dependencies of every vertex on source `s` to `acc` (Brandes 2001, unweighted),
    /// and, when `distances` is given, the distances from `s` to the vertices it reaches.
    ///
    /// Predecessors are not stored. The backward pass goes one level at a time, from the
    /// farthest, and publishes a level's coefficients coeff = (1 + delta) / sigma only once
    /// the whole level is summed. When it sums the out-neighbours of a vertex v at level L,
    /// the only ones with a coefficient are then at level L + 1, and those are exactly v's
    /// successors on shortest paths: an out-neighbour is at most one level further, levels
    /// up to L are not published yet, and unreached vertices are never neighbours of reached
    /// ones. So the loop over ties is a plain sum of coeff[w], with no distance test and no
    /// branch, over 8 bytes per neighbour. The sum runs in adjacency order and adds an exact
    /// 0 for the other neighbours, as NetworkX's _accumulate_basic adds per predecessor, and
    /// delta is sigma[v] times it, so no division is left in the loop over ties.
    void accumulate(const flat_graph& f, std::uint32_t s, double* acc, distance_sums* distances) {
        const std::uint32_t* off = f.out_offset.data();
        const std::uint32_t* tgt = f.out_target.data();
        vertex_state* st = state.data();
        std::size_t tail = 0;
        st[s].dist = 0;
        st[s].sigma = 1.0;
        order[tail++] = s;
        level_start.clear();
        level_start.push_back(0);
        std::size_t level_end = 1;
        for (std::size_t head = 0; head < tail; ++head) {
            if (head == level_end) {
                level_start.push_back(static_cast<std::uint32_t>(head));
                level_end = tail;
            }
            const std::uint32_t v = order[head];
            const std::int32_t next = st[v].dist + 1;
            const std::uint64_t sv = bits_of(st[v].sigma);
            const std::uint32_t* const last = tgt + off[v + 1];
            for (const std::uint32_t* t = tgt + off[v]; t != last; ++t) {
                // Branch-free: whether w is new, and whether v precedes it, are coin flips in
                // the middle levels, which a branch predictor cannot learn (GCC makes a branch
                // of a ternary between doubles, so sigma[v] is masked as an integer instead).
                const std::uint32_t x = *t;
                vertex_state& w = st[x];
                const std::int32_t old = w.dist;
                order[tail] = x;
                tail += old < 0 ? 1 : 0;
                const std::int32_t dw = old < 0 ? next : old;
                w.dist = dw;
                w.sigma += double_of(sv & (std::uint64_t{0} - (dw == next ? 1 : 0)));
            }
        }
        level_start.push_back(static_cast<std::uint32_t>(tail));
        double* c = coeff.data();
        double* d = delta.data();
        for (std::size_t level = level_start.size() - 2; level >= 1; --level) {
            const std::uint32_t first = level_start[level];
            const std::uint32_t last = level_start[level + 1];
            for (std::uint32_t k = first; k < last; ++k) {
                const std::uint32_t v = order[k];
                double sum = 0.0;
                for (std::uint32_t i = off[v]; i < off[v + 1]; ++i)
                    sum += c[tgt[i]];
                d[k] = st[v].sigma * sum;
            }
            for (std::uint32_t k = first; k < last; ++k) {
                const std::uint32_t v = order[k];
                acc[v] += d[k];
                c[v] = (1.0 + d[k]) / st[v].sigma;
            }
        }
        if (distances != nullptr) {
            for (std::size_t k = 1; k < tail; ++k) {
                const std::uint32_t v = order[k];
                distances->sum[v] += static_cast<std::uint64_t>(st[v].dist);
                ++distances->reached[v];
            }
        }
        for (std::size_t k = 0; k < tail; ++k) {
            st[order[k]] = vertex_state{};
            c[order[k]] = 0.0;
        }
    }
};

}  // namespace

brandes_sums brandes_dependencies(const flat_graph& f, const std::vector<std::uint32_t>& sources,
                                  unsigned threads, bool with_distances,
                                  const run_control& control) {
    brandes_sums out;
    out.dependency.assign(f.n, 0.0);
    if (with_distances) out.distances = distance_sums(f.n);
    std::vector<double>& total = out.dependency;
    shared_progress progress(control, "betweenness", sources.size());
    if (sources.empty() || f.n == 0) {
        progress.finish();
        return out;
    }

    // A fixed partition of the sources into at most 256 chunks, whatever the thread count:
    // each chunk sums its sources in order into its own vector and the chunks are added to the
    // total in chunk order, so every floating-point sum happens in the same order. Distance
    // sums are integers and are added up per worker.
    const std::size_t max_chunks = 256;
    const std::size_t chunk_size = (sources.size() + max_chunks - 1) / max_chunks;
    const std::size_t chunks = (sources.size() + chunk_size - 1) / chunk_size;
    const unsigned workers = worker_count(threads, chunks);
    std::vector<distance_sums> partial(with_distances ? workers : 0);

    std::mutex mutex;
    std::condition_variable merged;
    std::size_t next_merge = 0;
    bool failed = false;
    std::atomic<std::size_t> next_chunk{0};
    std::atomic<unsigned> next_worker{0};

    auto work = [&]() {
        try {
            const unsigned me = next_worker.fetch_add(1);
            distance_sums* distances = nullptr;
            if (with_distances) {
                partial[me] = distance_sums(f.n);
                distances = &partial[me];
            }
            brandes_workspace ws(f.n);
            std::vector<double> acc(f.n, 0.0);
            for (;;) {
                std::size_t c = next_chunk.fetch_add(1);
                if (c >= chunks) return;
                std::fill(acc.begin(), acc.end(), 0.0);
                std::size_t end = std::min(sources.size(), (c + 1) * chunk_size);
                for (std::size_t i = c * chunk_size; i < end; ++i) {
                    progress.check();  // cancelled within one source's search
                    ws.accumulate(f, sources[i], acc.data(), distances);
                }
                std::unique_lock<std::mutex> lock(mutex);
                // Chunks are taken in increasing order, so the owner of next_merge never waits.
                merged.wait(lock, [&] { return failed || next_merge == c; });
                if (failed) return;
                for (std::uint32_t v = 0; v < f.n; ++v)
                    total[v] += acc[v];
                ++next_merge;
                merged.notify_all();
                lock.unlock();
                progress.done(end - c * chunk_size);
            }
        } catch (...) {
            // Wakes the workers waiting for this one's chunk; run_workers rethrows.
            {
                std::lock_guard<std::mutex> lock(mutex);
                failed = true;
                merged.notify_all();
            }
            throw;
        }
    };
    run_workers(workers, work);
    progress.finish();
    for (const distance_sums& p : partial)
        out.distances.add(p);
    return out;
}

}  // namespace detail

namespace {

template <class T>
person_values<T> values_for(const engagement_graph& g, std::vector<T> values) {
    person_values<T> out;
    out.people = g.people();
    out.values = std::move(values);
    out.index();
    return out;
}

bool is_manager(const person_vertex& p) { return p.role == model::person_role::manager; }

bool is_top_level(const person_vertex& p) {
    return is_manager(p) && p.tier == model::management_tier::top_level;
}

/// Renumbers component labels by first appearance in vertex order.
std::size_t canonical_labels(std::vector<std::size_t>& labels) {
    const std::size_t unset = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> renumber(labels.size(), unset);
    std::size_t count = 0;
    for (std::size_t& l : labels) {
        if (renumber[l] == unset) renumber[l] = count++;
        l = renumber[l];
    }
    return count;
}

/// Refuses 0 pivots for a network with people.
void check_pivots(const char* what, const engagement_graph& g, std::size_t pivots) {
    if (pivots == 0 && g.num_people() > 0) {
        throw invalid_request_error(std::string(what) + ": 0 pivots asked for a network of " +
                                    std::to_string(g.num_people()) +
                                    " people; ask for at least 1 (more pivots, smaller error)");
    }
}

betweenness_result finish_betweenness(const engagement_graph& g, std::vector<double> raw,
                                      std::size_t sources, bool exact) {
    const double n = static_cast<double>(g.num_people());
    std::vector<double> normalized = raw;
    if (g.num_people() > 2) {
        double scale = 1.0 / ((n - 1.0) * (n - 2.0));
        for (double& x : normalized)
            x *= scale;
    }
    betweenness_result out;
    out.raw = values_for(g, std::move(raw));
    out.normalized = values_for(g, std::move(normalized));
    out.sources = sources;
    out.exact = exact;
    return out;
}

}  // namespace

degree_measures degrees(const engagement_graph& g) {
    const auto& bg = g.graph();
    const std::size_t n = g.num_people();
    std::vector<std::size_t> in(n), out(n);
    std::vector<std::uint64_t> win(n), wout(n);
    for (auto e : boost::make_iterator_range(edges(bg))) {
        auto s = source(e, bg);
        auto t = target(e, bg);
        ++out[s];
        ++in[t];
        wout[s] += bg[e].events;
        win[t] += bg[e].events;
    }
    degree_measures d;
    d.in = values_for(g, std::move(in));
    d.out = values_for(g, std::move(out));
    d.weighted_in = values_for(g, std::move(win));
    d.weighted_out = values_for(g, std::move(wout));
    return d;
}

betweenness_result betweenness(const engagement_graph& g, unsigned threads,
                               const run_control& control) {
    return detail::betweenness_and_closeness(g, 0, pivot_seed, threads, false, control).first;
}

betweenness_result approximate_betweenness(const engagement_graph& g, std::size_t pivots,
                                           std::uint64_t seed, unsigned threads,
                                           const run_control& control) {
    check_pivots("approximate betweenness", g, pivots);
    return detail::betweenness_and_closeness(g, pivots, seed, threads, false, control).first;
}

person_values<double> closeness(const engagement_graph& g, unsigned threads,
                                const run_control& control) {
    const detail::flat_graph f(g);
    std::vector<std::uint32_t> sources(f.n);
    std::iota(sources.begin(), sources.end(), 0u);  // neighbours in a batch: shared frontiers
    return values_for(g, detail::closeness_of(f.to_original(
                             detail::multi_source_distances(f, sources, threads, control))));
}

person_values<double> approximate_closeness(const engagement_graph& g, std::size_t pivots,
                                            std::uint64_t seed, unsigned threads,
                                            const run_control& control) {
    check_pivots("approximate closeness", g, pivots);
    if (pivots >= g.num_people()) return closeness(g, threads, control);
    const detail::flat_graph f(g);
    const std::vector<std::uint32_t> drawn = detail::draw_pivots(f.n, pivots, seed);
    const detail::distance_sums d =
        f.to_original(detail::multi_source_distances(f, f.flat(drawn), threads, control));
    return values_for(g, detail::closeness_of(d, detail::pivot_scale(f.n, drawn)));
}

namespace detail {

std::pair<betweenness_result, person_values<double>> betweenness_and_closeness(
    const engagement_graph& g, std::size_t pivots, std::uint64_t seed, unsigned threads,
    bool with_closeness, const run_control& control) {
    const std::size_t n = g.num_people();
    const bool exact = pivots == 0 || pivots >= n;
    const flat_graph f(g);
    std::vector<std::uint32_t> drawn;
    std::vector<std::uint32_t> sources;
    if (exact) {
        sources.resize(n);
        std::iota(sources.begin(), sources.end(), 0u);
    } else {
        drawn = draw_pivots(n, pivots, seed);
        sources = f.flat(drawn);
    }
    const brandes_sums sums = brandes_dependencies(f, sources, threads, with_closeness, control);
    std::vector<double> dependency = f.to_original(sums.dependency);
    std::vector<double> scale;
    if (!exact) {
        // Unbiased scaling: v's betweenness sums over the n-1 sources other than v; a pivot v
        // saw pivots-1 of them, any other v saw all pivots.
        scale = pivot_scale(n, drawn);
        for (std::size_t v = 0; v < n; ++v)
            dependency[v] *= scale[v];
    }
    std::pair<betweenness_result, person_values<double>> out;
    out.first = finish_betweenness(g, std::move(dependency), sources.size(), exact);
    if (with_closeness)
        out.second = values_for(g, closeness_of(f.to_original(sums.distances), scale));
    return out;
}

}  // namespace detail

component_measures weak_components(const engagement_graph& g) {
    const auto& bg = g.graph();
    const std::size_t n = g.num_people();
    std::vector<std::size_t> parent(n);
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    auto find = [&parent](std::size_t x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];  // path halving
            x = parent[x];
        }
        return x;
    };
    for (auto e : boost::make_iterator_range(edges(bg))) {
        std::size_t a = find(source(e, bg));
        std::size_t b = find(target(e, bg));
        if (a != b) parent[std::max(a, b)] = std::min(a, b);  // union by smaller index
    }
    std::vector<std::size_t> label(n);
    for (std::size_t v = 0; v < n; ++v)
        label[v] = find(v);
    component_measures out;
    out.count = canonical_labels(label);
    out.component = values_for(g, std::move(label));
    return out;
}

component_measures strong_components(const engagement_graph& g) {
    const auto& bg = g.graph();
    const std::size_t n = g.num_people();
    std::vector<std::size_t> label(n);
    if (n > 0) {
        boost::strong_components(
            bg, boost::make_iterator_property_map(label.begin(), get(boost::vertex_index, bg)));
    }
    component_measures out;
    out.count = canonical_labels(label);
    out.component = values_for(g, std::move(label));
    return out;
}

double density(const engagement_graph& g) {
    const double n = static_cast<double>(g.num_people());
    if (g.num_people() < 2) return 0.0;
    return static_cast<double>(g.num_ties()) / (n * (n - 1.0));
}

std::optional<double> reciprocity(const engagement_graph& g) {
    if (g.num_ties() == 0) return std::nullopt;
    detail::flat_graph f(g);
    std::size_t reciprocated = 0;
    for (std::uint32_t v = 0; v < f.n; ++v) {
        for (std::uint32_t i = f.out_offset[v]; i < f.out_offset[v + 1]; ++i) {
            std::uint32_t w = f.out_target[i];
            const std::uint32_t* first = f.out_target.data() + f.out_offset[w];
            const std::uint32_t* last = f.out_target.data() + f.out_offset[w + 1];
            if (std::binary_search(first, last, v)) ++reciprocated;
        }
    }
    return static_cast<double>(reciprocated) / static_cast<double>(g.num_ties());
}

tie_matrices tie_matrix(const engagement_graph& g) {
    const auto& bg = g.graph();
    tie_matrices m;
    for (auto e : boost::make_iterator_range(edges(bg))) {
        const person_vertex& s = bg[source(e, bg)];
        const person_vertex& t = bg[target(e, bg)];
        auto rs = static_cast<std::size_t>(s.role);
        auto rt = static_cast<std::size_t>(t.role);
        ++m.role_ties[rs][rt];
        m.role_events[rs][rt] += bg[e].events;
        if (s.tier && t.tier) {
            auto ts = static_cast<std::size_t>(*s.tier);
            auto tt = static_cast<std::size_t>(*t.tier);
            ++m.tier_ties[ts][tt];
            m.tier_events[ts][tt] += bg[e].events;
        }
    }
    return m;
}

std::vector<advisor_reach> advisor_paths(const engagement_graph& g) {
    using vertex = engagement_graph::vertex;
    const auto& bg = g.graph();
    const auto n = static_cast<vertex>(g.num_people());
    const vertex unseen = std::numeric_limits<vertex>::max();
    // breadth_first_reach()'s search along the ties, with the same FIFO queue and tie order, so
    // that every person found gets the same parent; but level by level, and stopped after the
    // first level that holds a top-level manager, when the nearest people are all known.
    std::vector<vertex> parent(n, unseen);
    std::vector<vertex> queue;
    queue.reserve(n);
    auto path_to = [&](vertex to) {
        std::vector<model::person_id> path;
        for (vertex x = to;; x = parent[x]) {
            path.push_back(bg[x].person);
            if (parent[x] == x) break;
        }
        std::reverse(path.begin(), path.end());
        return path;
    };
    std::vector<advisor_reach> out;
    for (vertex a = 0; a < n; ++a) {
        const person_vertex& advisor = bg[a];
        if (advisor.role != model::person_role::patient_advisor) continue;
        queue.assign(1, a);
        parent[a] = a;
        // The nearest manager (and top-level manager): the lowest vertex of the first level
        // past the advisor's own that holds one.
        std::optional<vertex> manager, top;
        for (std::size_t begin = 0; begin < queue.size() && !top;) {
            const std::size_t end = queue.size();
            for (std::size_t i = begin; i < end; ++i) {
                for (auto e : boost::make_iterator_range(out_edges(queue[i], bg))) {
                    const vertex w = target(e, bg);
                    if (parent[w] != unseen) continue;
                    parent[w] = queue[i];
                    queue.push_back(w);
                }
            }
            const bool manager_nearer = manager.has_value();
            for (std::size_t i = end; i < queue.size(); ++i) {
                const vertex v = queue[i];
                if (!manager_nearer && is_manager(bg[v]) && (!manager || v < *manager)) manager = v;
                if (is_top_level(bg[v]) && (!top || v < *top)) top = v;
            }
            begin = end;
        }
        advisor_reach reach;
        reach.advisor = advisor.person;
        if (manager) reach.to_any_manager = path_to(*manager);
        if (top) reach.to_top_level = path_to(*top);
        out.push_back(std::move(reach));
        for (vertex v : queue)
            parent[v] = unseen;
    }
    return out;
}

std::vector<broker> brokers(const engagement_graph& g) {
    const auto& bg = g.graph();
    const std::size_t n = g.num_people();
    // The reversed network, managers' own out-ties dropped (paths stop at the first manager),
    // plus a root at index n with a tie to every manager.
    using reverse_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
    reverse_graph r(n + 1);
    bool any_manager = false;
    bool any_advisor = false;
    for (std::size_t v = 0; v < n; ++v) {
        const person_vertex& p = bg[static_cast<engagement_graph::vertex>(v)];
        if (is_manager(p)) {
            boost::add_edge(n, v, r);
            any_manager = true;
        }
        if (p.role == model::person_role::patient_advisor) any_advisor = true;
    }
    if (!any_manager || !any_advisor) return {};
    for (auto e : boost::make_iterator_range(edges(bg))) {
        auto s = source(e, bg);
        if (!is_manager(bg[s])) boost::add_edge(target(e, bg), s, r);
    }
    using rv = boost::graph_traits<reverse_graph>::vertex_descriptor;
    std::vector<rv> idom(n + 1, boost::graph_traits<reverse_graph>::null_vertex());
    boost::lengauer_tarjan_dominator_tree(
        r, static_cast<rv>(n),
        boost::make_iterator_property_map(idom.begin(), get(boost::vertex_index, r)));

    std::vector<std::vector<model::person_id>> cut(n);
    for (std::size_t a = 0; a < n; ++a) {
        const person_vertex& p = bg[static_cast<engagement_graph::vertex>(a)];
        if (p.role != model::person_role::patient_advisor) continue;
        if (idom[a] == boost::graph_traits<reverse_graph>::null_vertex()) continue;  // reaches none
        for (rv x = idom[a]; x != n && x != boost::graph_traits<reverse_graph>::null_vertex();
             x = idom[x]) {
            if (!is_manager(bg[static_cast<engagement_graph::vertex>(x)]))
                cut[x].push_back(p.person);
        }
    }
    std::vector<broker> out;
    for (std::size_t b = 0; b < n; ++b) {
        if (cut[b].empty()) continue;
        out.push_back(
            broker{bg[static_cast<engagement_graph::vertex>(b)].person, std::move(cut[b])});
    }
    return out;
}

network_measures measure(const engagement_graph& g, unsigned threads, const run_control& control) {
    network_measures m;
    m.people = g.people();
    m.ties = g.num_ties();
    m.events = g.num_events();
    m.degree = degrees(g);
    // Closeness from the distances of betweenness' own searches: one traversal for both.
    auto [between, close] =
        detail::betweenness_and_closeness(g, 0, pivot_seed, threads, true, control);
    m.betweenness = std::move(between);
    m.closeness = std::move(close);
    m.weak = weak_components(g);
    m.strong = strong_components(g);
    m.density = density(g);
    m.reciprocity = reciprocity(g);
    m.matrices = tie_matrix(g);
    m.reach = advisor_paths(g);
    m.brokers = brokers(g);
    return m;
}

}  // namespace partnerqi::network
