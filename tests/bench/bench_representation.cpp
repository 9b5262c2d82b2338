// Compares compressed_sparse_row_graph<bidirectionalS> and adjacency_list<vecS, vecS,
// bidirectionalS> for the engagement graph on illustrative random networks: aggregating the
// events, building the graph, and Brandes betweenness through the graph's own adjacency,
// through flat arrays copied from it, and through boost::brandes_betweenness_centrality.
// Standalone: it depends on Boost only, with bundles shaped like the library's.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <benchmark/benchmark.h>

struct vb {
    std::uint32_t person;
    std::string code;
    std::uint8_t role;
    std::optional<std::uint8_t> tier;
    std::optional<std::uint32_t> org;
};
struct eb {
    std::uint32_t events;
    std::int32_t first, last;
    std::uint8_t strongest;
    std::uint16_t kinds;
    std::uint32_t index;
};
struct ev {
    std::uint32_t from, to;
    std::int32_t day;
    std::uint8_t level, kind;
};

using csr = boost::compressed_sparse_row_graph<boost::bidirectionalS, vb, eb, boost::no_property,
                                               std::uint32_t, std::uint32_t>;
using adj = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, vb, eb>;

static std::vector<ev> make_events(std::uint32_t n, std::size_t m) {
    std::mt19937_64 rng(42);
    std::vector<ev> out(m);
    for (auto& e : out) {
        e.from = std::uint32_t(rng() % n);
        do
            e.to = std::uint32_t(rng() % n);
        while (e.to == e.from);
        e.day = std::int32_t(rng() % 1000);
        e.level = std::uint8_t(rng() % 4);
        e.kind = std::uint8_t(rng() % 12);
    }
    return out;
}
static std::vector<vb> make_people(std::uint32_t n) {
    std::vector<vb> p(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        p[i].person = i + 1;
        p[i].code = "P-" + std::to_string(100000 + i);
        p[i].role = std::uint8_t(i % 7);
    }
    return p;
}
static void aggregate(std::vector<ev> events,
                      std::vector<std::pair<std::uint32_t, std::uint32_t>>& ends,
                      std::vector<eb>& props) {
    std::sort(events.begin(), events.end(), [](const ev& a, const ev& b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    ends.clear();
    props.clear();
    for (std::size_t i = 0; i < events.size();) {
        std::size_t j = i;
        eb p{0, events[i].day, events[i].day, 0, 0, std::uint32_t(ends.size())};
        for (;
             j < events.size() && events[j].from == events[i].from && events[j].to == events[i].to;
             ++j) {
            ++p.events;
            p.first = std::min(p.first, events[j].day);
            p.last = std::max(p.last, events[j].day);
            p.strongest = std::max(p.strongest, events[j].level);
            p.kinds = std::uint16_t(p.kinds | (1u << events[j].kind));
        }
        ends.emplace_back(events[i].from, events[i].to);
        props.push_back(p);
        i = j;
    }
}
static csr build_csr(const std::vector<vb>& people,
                     const std::vector<std::pair<std::uint32_t, std::uint32_t>>& ends,
                     const std::vector<eb>& props) {
    csr g(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), props.begin(),
          std::uint32_t(people.size()));
    for (std::uint32_t v = 0; v < people.size(); ++v)
        g[v] = people[v];
    return g;
}
static adj build_adj(const std::vector<vb>& people,
                     const std::vector<std::pair<std::uint32_t, std::uint32_t>>& ends,
                     const std::vector<eb>& props) {
    adj g;
    for (const auto& p : people)
        boost::add_vertex(p, g);
    for (std::size_t i = 0; i < ends.size(); ++i)
        boost::add_edge(ends[i].first, ends[i].second, props[i], g);
    return g;
}
// Brandes over the graph's own adjacency (out_edges/target) with flat arrays.
template <class G>
std::vector<double> brandes(const G& g) {
    const std::size_t n = num_vertices(g);
    std::vector<double> bc(n), sigma(n), delta(n);
    std::vector<std::int64_t> dist(n, -1);
    std::vector<std::uint32_t> order;
    order.reserve(n);
    using V = typename boost::graph_traits<G>::vertex_descriptor;
    for (V s = 0; s < n; ++s) {
        order.clear();
        dist[s] = 0;
        sigma[s] = 1;
        order.push_back(std::uint32_t(s));
        for (std::size_t h = 0; h < order.size(); ++h) {
            auto v = order[h];
            for (auto e : boost::make_iterator_range(out_edges(v, g))) {
                auto w = target(e, g);
                if (dist[w] < 0) {
                    dist[w] = dist[v] + 1;
                    order.push_back(std::uint32_t(w));
                }
                if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
            }
        }
        for (std::size_t h = order.size(); h-- > 0;) {
            auto v = order[h];
            double d = 0;
            for (auto e : boost::make_iterator_range(out_edges(v, g))) {
                auto w = target(e, g);
                if (dist[w] == dist[v] + 1) d += sigma[v] / sigma[w] * (1 + delta[w]);
            }
            delta[v] = d;
            if (v != s) bc[v] += d;
        }
        for (auto v : order) {
            dist[v] = -1;
            sigma[v] = 0;
            delta[v] = 0;
        }
    }
    return bc;
}
// The same on flat arrays copied out of the graph.
template <class G>
std::vector<double> brandes_flat(const G& g) {
    const std::size_t n = num_vertices(g);
    std::vector<std::uint32_t> off(n + 1), tgt;
    tgt.reserve(num_edges(g));
    using V = typename boost::graph_traits<G>::vertex_descriptor;
    for (V v = 0; v < n; ++v) {
        off[v] = std::uint32_t(tgt.size());
        for (auto e : boost::make_iterator_range(out_edges(v, g)))
            tgt.push_back(std::uint32_t(target(e, g)));
    }
    off[n] = std::uint32_t(tgt.size());
    std::vector<double> bc(n), sigma(n), delta(n);
    std::vector<std::int32_t> dist(n, -1);
    std::vector<std::uint32_t> order(n);
    for (std::uint32_t s = 0; s < n; ++s) {
        std::size_t tail = 0;
        dist[s] = 0;
        sigma[s] = 1;
        order[tail++] = s;
        for (std::size_t h = 0; h < tail; ++h) {
            auto v = order[h];
            auto dv = dist[v] + 1;
            double sv = sigma[v];
            for (auto i = off[v]; i < off[v + 1]; ++i) {
                auto w = tgt[i];
                if (dist[w] < 0) {
                    dist[w] = dv;
                    order[tail++] = w;
                }
                if (dist[w] == dv) sigma[w] += sv;
            }
        }
        for (std::size_t h = tail; h-- > 0;) {
            auto v = order[h];
            double d = 0;
            auto dv = dist[v] + 1;
            double sv = sigma[v];
            for (auto i = off[v]; i < off[v + 1]; ++i) {
                auto w = tgt[i];
                if (dist[w] == dv) d += sv / sigma[w] * (1 + delta[w]);
            }
            delta[v] = d;
            if (v != s) bc[v] += d;
        }
        for (std::size_t h = 0; h < tail; ++h) {
            auto v = order[h];
            dist[v] = -1;
            sigma[v] = 0;
            delta[v] = 0;
        }
    }
    return bc;
}

struct fixture {
    std::vector<vb> people;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
    std::vector<eb> props;
    std::vector<ev> events;
};
static fixture& fx(std::uint32_t n, std::size_t m) {
    static std::optional<fixture> f;
    static std::pair<std::uint32_t, std::size_t> key;
    if (!f || key != std::make_pair(n, m)) {
        f.emplace();
        f->people = make_people(n);
        f->events = make_events(n, m);
        aggregate(f->events, f->ends, f->props);
        key = {n, m};
    }
    return *f;
}
static void aggregate_events(benchmark::State& st) {
    auto& f = fx(std::uint32_t(st.range(0)), std::size_t(st.range(1)));
    std::vector<std::pair<std::uint32_t, std::uint32_t>> e;
    std::vector<eb> p;
    for (auto _ : st) {
        aggregate(f.events, e, p);
        benchmark::DoNotOptimize(e.data());
    }
}
static void build_csr_graph(benchmark::State& st) {
    auto& f = fx(std::uint32_t(st.range(0)), std::size_t(st.range(1)));
    for (auto _ : st) {
        auto g = build_csr(f.people, f.ends, f.props);
        benchmark::DoNotOptimize(num_edges(g));
    }
}
static void build_adjacency_list(benchmark::State& st) {
    auto& f = fx(std::uint32_t(st.range(0)), std::size_t(st.range(1)));
    for (auto _ : st) {
        auto g = build_adj(f.people, f.ends, f.props);
        benchmark::DoNotOptimize(num_edges(g));
    }
}
template <class G, class B>
static void run_bc(benchmark::State& st, B build, int which) {
    auto& f = fx(std::uint32_t(st.range(0)), std::size_t(st.range(1)));
    G g = build(f.people, f.ends, f.props);
    for (auto _ : st) {
        if (which == 0) {
            auto r = brandes(g);
            benchmark::DoNotOptimize(r.data());
        } else if (which == 1) {
            auto r = brandes_flat(g);
            benchmark::DoNotOptimize(r.data());
        } else {
            std::vector<double> c(num_vertices(g));
            boost::brandes_betweenness_centrality(
                g, boost::make_iterator_property_map(c.begin(), get(boost::vertex_index, g)));
            benchmark::DoNotOptimize(c.data());
        }
    }
}
static void bc_csr_own(benchmark::State& s) { run_bc<csr>(s, build_csr, 0); }
static void bc_csr_flat(benchmark::State& s) { run_bc<csr>(s, build_csr, 1); }
static void bc_csr_boost(benchmark::State& s) { run_bc<csr>(s, build_csr, 2); }
static void bc_adj_own(benchmark::State& s) { run_bc<adj>(s, build_adj, 0); }
static void bc_adj_flat(benchmark::State& s) { run_bc<adj>(s, build_adj, 1); }
static void bc_adj_boost(benchmark::State& s) { run_bc<adj>(s, build_adj, 2); }
#define ARGS ->Args({10000, 100000})->Args({100000, 1000000})->Unit(benchmark::kMillisecond)
BENCHMARK(aggregate_events) ARGS;
BENCHMARK(build_csr_graph) ARGS;
BENCHMARK(build_adjacency_list) ARGS;
#define ARGS2 ->Args({10000, 100000})->Unit(benchmark::kMillisecond)->Iterations(1)
BENCHMARK(bc_csr_own) ARGS2;
BENCHMARK(bc_csr_flat) ARGS2;
BENCHMARK(bc_csr_boost) ARGS2;
BENCHMARK(bc_adj_own) ARGS2;
BENCHMARK(bc_adj_flat) ARGS2;
BENCHMARK(bc_adj_boost) ARGS2;
BENCHMARK_MAIN();
