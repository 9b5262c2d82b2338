#include "partnerqi/network/measures.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <limits>
#include <mutex>
#include <numeric>
#include <random>
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
    out_offset.assign(std::size_t{n} + 1, 0);
    in_offset.assign(std::size_t{n} + 1, 0);
    out_target.reserve(num_edges(bg));
    in_source.reserve(num_edges(bg));
    for (std::uint32_t v = 0; v < n; ++v) {
        out_offset[v] = static_cast<std::uint32_t>(out_target.size());
        for (auto e : boost::make_iterator_range(out_edges(v, bg)))
            out_target.push_back(target(e, bg));
        in_offset[v] = static_cast<std::uint32_t>(in_source.size());
        for (auto e : boost::make_iterator_range(in_edges(v, bg)))
            in_source.push_back(source(e, bg));
        // In-edges of a CSR graph come in edge order, so their sources are already sorted.
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

/// Scratch space of one Brandes worker: reset only where a search went.
struct brandes_workspace {
    std::vector<std::int32_t> dist;
    std::vector<double> sigma;
    std::vector<double> delta;
    std::vector<std::uint32_t> order;

    explicit brandes_workspace(std::uint32_t n)
        : dist(n, -1), sigma(n, 0.0), delta(n, 0.0), order(n) {}

    /// Adds the dependencies of every vertex on source `s` to `acc` (Brandes 2001, unweighted).
    /// Predecessors are not stored: w is a successor of v on a shortest path iff
    /// dist[w] == dist[v] + 1, which the backward pass checks on v's out-neighbours.
    void accumulate(const flat_graph& f, std::uint32_t s, std::vector<double>& acc) {
        const std::uint32_t* off = f.out_offset.data();
        const std::uint32_t* tgt = f.out_target.data();
        std::size_t tail = 0;
        dist[s] = 0;
        sigma[s] = 1.0;
        order[tail++] = s;
        for (std::size_t head = 0; head < tail; ++head) {
            std::uint32_t v = order[head];
            std::int32_t next = dist[v] + 1;
            double sv = sigma[v];
            for (std::uint32_t i = off[v]; i < off[v + 1]; ++i) {
                std::uint32_t w = tgt[i];
                if (dist[w] < 0) {
                    dist[w] = next;
                    order[tail++] = w;
                }
                if (dist[w] == next) sigma[w] += sv;
            }
        }
        for (std::size_t k = tail; k-- > 0;) {
            std::uint32_t v = order[k];
            std::int32_t next = dist[v] + 1;
            double sv = sigma[v];
            double d = 0.0;
            for (std::uint32_t i = off[v]; i < off[v + 1]; ++i) {
                std::uint32_t w = tgt[i];
                if (dist[w] == next) d += sv / sigma[w] * (1.0 + delta[w]);
            }
            delta[v] = d;
            if (v != s) acc[v] += d;
        }
        for (std::size_t k = 0; k < tail; ++k) {
            std::uint32_t v = order[k];
            dist[v] = -1;
            sigma[v] = 0.0;
            delta[v] = 0.0;
        }
    }
};

}  // namespace

std::vector<double> brandes_dependencies(const flat_graph& f,
                                         const std::vector<std::uint32_t>& sources,
                                         unsigned threads) {
    std::vector<double> total(f.n, 0.0);
    if (sources.empty() || f.n == 0) return total;

    // A fixed partition of the sources into at most 256 chunks, whatever the thread count:
    // each chunk sums its sources in order into its own vector and the chunks are added to the
    // total in chunk order, so every floating-point sum happens in the same order.
    const std::size_t max_chunks = 256;
    const std::size_t chunk_size = (sources.size() + max_chunks - 1) / max_chunks;
    const std::size_t chunks = (sources.size() + chunk_size - 1) / chunk_size;
    const unsigned workers = worker_count(threads, chunks);

    std::mutex mutex;
    std::condition_variable merged;
    std::size_t next_merge = 0;
    bool failed = false;
    std::exception_ptr failure;
    std::atomic<std::size_t> next_chunk{0};

    auto work = [&]() {
        try {
            brandes_workspace ws(f.n);
            std::vector<double> acc(f.n, 0.0);
            for (;;) {
                std::size_t c = next_chunk.fetch_add(1);
                if (c >= chunks) return;
                std::fill(acc.begin(), acc.end(), 0.0);
                std::size_t end = std::min(sources.size(), (c + 1) * chunk_size);
                for (std::size_t i = c * chunk_size; i < end; ++i)
                    ws.accumulate(f, sources[i], acc);
                std::unique_lock<std::mutex> lock(mutex);
                // Chunks are taken in increasing order, so the owner of next_merge never waits.
                merged.wait(lock, [&] { return failed || next_merge == c; });
                if (failed) return;
                for (std::uint32_t v = 0; v < f.n; ++v)
                    total[v] += acc[v];
                ++next_merge;
                merged.notify_all();
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex);
            if (!failed) failure = std::current_exception();
            failed = true;
            merged.notify_all();
        }
    };

    if (workers <= 1) {
        work();
    } else {
        std::vector<std::thread> pool;
        pool.reserve(workers);
        for (unsigned t = 0; t < workers; ++t)
            pool.emplace_back(work);
        for (std::thread& t : pool)
            t.join();
    }
    if (failure) std::rethrow_exception(failure);
    return total;
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

/// A uniform integer in [0, bound) from a 64-bit engine, the same on every platform
/// (std::uniform_int_distribution is not).
std::uint64_t uniform_below(std::mt19937_64& rng, std::uint64_t bound) {
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                                std::numeric_limits<std::uint64_t>::max() % bound;
    for (;;) {
        std::uint64_t x = rng();
        if (x < limit) return x % bound;
    }
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

betweenness_result betweenness(const engagement_graph& g, unsigned threads) {
    detail::flat_graph f(g);
    std::vector<std::uint32_t> sources(f.n);
    std::iota(sources.begin(), sources.end(), 0u);
    return finish_betweenness(g, detail::brandes_dependencies(f, sources, threads), f.n, true);
}

betweenness_result approximate_betweenness(const engagement_graph& g, std::size_t pivots,
                                           std::uint64_t seed, unsigned threads) {
    const std::size_t n = g.num_people();
    if (pivots == 0 && n > 0) {
        throw invalid_request_error("approximate betweenness: 0 pivots asked for a network of " +
                                    std::to_string(n) +
                                    " people; ask for at least 1 (more pivots, smaller error)");
    }
    if (pivots >= n) return betweenness(g, threads);
    // Partial Fisher-Yates shuffle: the first `pivots` entries are a uniform sample.
    std::vector<std::uint32_t> all(n);
    std::iota(all.begin(), all.end(), 0u);
    std::mt19937_64 rng(seed);
    for (std::size_t i = 0; i < pivots; ++i) {
        std::size_t j = i + static_cast<std::size_t>(uniform_below(rng, n - i));
        std::swap(all[i], all[j]);
    }
    std::vector<std::uint32_t> sources(all.begin(),
                                       all.begin() + static_cast<std::ptrdiff_t>(pivots));
    std::sort(sources.begin(), sources.end());
    detail::flat_graph f(g);
    std::vector<double> raw = detail::brandes_dependencies(f, sources, threads);
    // Unbiased scaling: v's betweenness sums over the n-1 sources other than v; a pivot v saw
    // pivots-1 of them, any other v saw all pivots.
    std::vector<char> is_pivot(n, 0);
    for (std::uint32_t s : sources)
        is_pivot[s] = 1;
    const double others = static_cast<double>(n - 1);
    const double k = static_cast<double>(pivots);
    for (std::size_t v = 0; v < n; ++v) {
        if (is_pivot[v] != 0) {
            raw[v] = pivots > 1 ? raw[v] * others / (k - 1.0) : 0.0;
        } else {
            raw[v] *= others / k;
        }
    }
    return finish_betweenness(g, std::move(raw), pivots, false);
}

person_values<double> closeness(const engagement_graph& g, unsigned threads) {
    detail::flat_graph f(g);
    const std::uint32_t n = f.n;
    std::vector<double> result(n, 0.0);
    if (n > 1) {
        const unsigned workers = detail::worker_count(threads, n);
        std::atomic<std::uint32_t> next{0};
        auto work = [&]() {
            std::vector<std::int32_t> dist(n, -1);
            std::vector<std::uint32_t> queue(n);
            for (;;) {
                std::uint32_t u = next.fetch_add(1);
                if (u >= n) return;
                // Breadth-first search along incoming ties: distances from others to u.
                std::size_t tail = 0;
                dist[u] = 0;
                queue[tail++] = u;
                std::uint64_t sum = 0;
                for (std::size_t head = 0; head < tail; ++head) {
                    std::uint32_t v = queue[head];
                    for (std::uint32_t i = f.in_offset[v]; i < f.in_offset[v + 1]; ++i) {
                        std::uint32_t w = f.in_source[i];
                        if (dist[w] < 0) {
                            dist[w] = dist[v] + 1;
                            sum += static_cast<std::uint64_t>(dist[w]);
                            queue[tail++] = w;
                        }
                    }
                }
                if (sum > 0) {
                    double r = static_cast<double>(tail) - 1.0;
                    result[u] = r / static_cast<double>(sum) * (r / (static_cast<double>(n) - 1.0));
                }
                for (std::size_t k = 0; k < tail; ++k)
                    dist[queue[k]] = -1;
            }
        };
        if (workers <= 1) {
            work();
        } else {
            std::vector<std::thread> pool;
            for (unsigned t = 0; t < workers; ++t)
                pool.emplace_back(work);
            for (std::thread& t : pool)
                t.join();
        }
    }
    return values_for(g, std::move(result));
}

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
    const auto& bg = g.graph();
    const std::size_t n = g.num_people();
    std::vector<advisor_reach> out;
    auto path_of = [&](const reach_result& r, std::size_t to) {
        std::vector<model::person_id> path;
        for (engagement_graph::vertex x : r.path_to(static_cast<engagement_graph::vertex>(to)))
            path.push_back(bg[x].person);
        return path;
    };
    for (std::size_t a = 0; a < n; ++a) {
        const person_vertex& advisor = bg[static_cast<engagement_graph::vertex>(a)];
        if (advisor.role != model::person_role::patient_advisor) continue;
        const reach_result r = breadth_first_reach(
            g, [&advisor](const person_vertex& p) { return p.person == advisor.person; },
            tie_direction::along);
        // The nearest manager (and top-level manager), the lowest vertex among the nearest.
        std::optional<std::size_t> manager, top;
        auto nearer = [&r](std::size_t v, const std::optional<std::size_t>& best) {
            return !best || *r.steps[v] < *r.steps[*best];
        };
        for (std::size_t v = 0; v < n; ++v) {
            if (v == a || !r.steps[v]) continue;
            const person_vertex& p = bg[static_cast<engagement_graph::vertex>(v)];
            if (is_manager(p) && nearer(v, manager)) manager = v;
            if (is_top_level(p) && nearer(v, top)) top = v;
        }
        advisor_reach reach;
        reach.advisor = advisor.person;
        if (manager) reach.to_any_manager = path_of(r, *manager);
        if (top) reach.to_top_level = path_of(r, *top);
        out.push_back(std::move(reach));
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

network_measures measure(const engagement_graph& g, unsigned threads) {
    network_measures m;
    m.people = g.people();
    m.ties = g.num_ties();
    m.events = g.num_events();
    m.degree = degrees(g);
    m.betweenness = betweenness(g, threads);
    m.closeness = closeness(g, threads);
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
