// Distance sums for closeness: multi-source bit-parallel breadth-first search, pivots and the
// closeness formula shared by the exact and the sampled measure.
#include <algorithm>
#include <array>
#include <atomic>
#include <bitset>
#include <limits>
#include <numeric>
#include <random>

#include "partnerqi/network/detail/flat_graph.hpp"

namespace partnerqi::network::detail {

void distance_sums::add(const distance_sums& other) {
    for (std::size_t v = 0; v < sum.size(); ++v) {
        sum[v] += other.sum[v];
        reached[v] += other.reached[v];
    }
}

distance_sums flat_graph::to_original(const distance_sums& by_flat) const {
    distance_sums out;
    out.sum = to_original(by_flat.sum);
    out.reached = to_original(by_flat.reached);
    return out;
}

namespace {

/// Sources per batch of the multi-source search: 4 words of 64 bits per vertex and set, which
/// the compiler turns into vector instructions.
constexpr std::size_t batch_words = 4;
constexpr std::size_t batch_size = 64 * batch_words;

/// A set of the sources of one batch, one bit each.
struct alignas(8 * batch_words) source_set {
    std::array<std::uint64_t, batch_words> w{};

    [[nodiscard]] bool empty() const noexcept {
        std::uint64_t any = 0;
        for (std::uint64_t x : w)
            any |= x;
        return any == 0;
    }
    [[nodiscard]] unsigned count() const noexcept {
        unsigned c = 0;
        for (std::uint64_t x : w)
            c += static_cast<unsigned>(std::bitset<64>(x).count());
        return c;
    }
};

/// The frontier, seen and next sets of one batch, one per vertex, reused from batch to batch.
class batch_search {
public:
    explicit batch_search(const flat_graph& f) : f_(f), seen_(f.n), visit_(f.n), next_(f.n) {}

    /// Adds to `out` the distances from sources[0 .. count) (count <= batch_size) to every
    /// vertex they reach, level by level: every frontier vertex sends its set of sources to its
    /// out-neighbours, and what a neighbour had not seen is its part of the next frontier.
    /// Both passes go through the vertices in order, which keeps the memory accesses local.
    void run(const std::uint32_t* sources, std::size_t count, distance_sums& out) {
        const std::uint32_t n = f_.n;
        std::fill(seen_.begin(), seen_.end(), source_set{});
        std::fill(visit_.begin(), visit_.end(), source_set{});
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint64_t bit = std::uint64_t{1} << (i % 64);
            seen_[sources[i]].w[i / 64] |= bit;
            visit_[sources[i]].w[i / 64] |= bit;
        }
        const std::uint32_t* off = f_.out_offset.data();
        const std::uint32_t* tgt = f_.out_target.data();
        bool active = count > 0;
        for (std::uint64_t level = 1; active; ++level) {
            for (std::uint32_t v = 0; v < n; ++v) {
                const source_set from = visit_[v];
                if (from.empty()) continue;
                for (std::uint32_t i = off[v]; i < off[v + 1]; ++i) {
                    source_set& to = next_[tgt[i]];
                    for (std::size_t k = 0; k < batch_words; ++k)
                        to.w[k] |= from.w[k];
                }
            }
            active = false;
            for (std::uint32_t v = 0; v < n; ++v) {
                source_set fresh;
                for (std::size_t k = 0; k < batch_words; ++k) {
                    fresh.w[k] = next_[v].w[k] & ~seen_[v].w[k];
                    seen_[v].w[k] |= fresh.w[k];
                    next_[v].w[k] = 0;
                }
                visit_[v] = fresh;
                if (fresh.empty()) continue;
                active = true;
                const unsigned c = fresh.count();
                out.sum[v] += level * c;
                out.reached[v] += c;
            }
        }
    }

private:
    const flat_graph& f_;
    std::vector<source_set> seen_;
    std::vector<source_set> visit_;
    std::vector<source_set> next_;
};

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

distance_sums multi_source_distances(const flat_graph& f, const std::vector<std::uint32_t>& sources,
                                     unsigned threads, const run_control& control) {
    distance_sums total(f.n);
    shared_progress progress(control, "closeness", sources.size());
    if (sources.empty() || f.n == 0) {
        progress.finish();
        return total;
    }
    const std::size_t batches = (sources.size() + batch_size - 1) / batch_size;
    const unsigned workers = worker_count(threads, batches);
    std::vector<distance_sums> partial(workers);
    std::atomic<std::size_t> next_batch{0};
    std::atomic<unsigned> next_worker{0};
    run_workers(workers, [&]() {
        distance_sums& mine = partial[next_worker.fetch_add(1)];
        mine = distance_sums(f.n);
        batch_search search(f);
        for (;;) {
            const std::size_t b = next_batch.fetch_add(1);
            if (b >= batches) return;
            const std::size_t first = b * batch_size;
            const std::size_t count = std::min(batch_size, sources.size() - first);
            progress.check();
            search.run(sources.data() + first, count, mine);
            progress.done(count);
        }
    });
    progress.finish();
    for (const distance_sums& p : partial)
        if (!p.sum.empty()) total.add(p);
    return total;
}

std::vector<std::uint32_t> draw_pivots(std::size_t n, std::size_t pivots, std::uint64_t seed) {
    pivots = std::min(pivots, n);
    // Partial Fisher-Yates shuffle: the first `pivots` entries are a uniform sample.
    std::vector<std::uint32_t> all(n);
    std::iota(all.begin(), all.end(), 0u);
    std::mt19937_64 rng(seed);
    for (std::size_t i = 0; i < pivots; ++i) {
        std::size_t j = i + static_cast<std::size_t>(uniform_below(rng, n - i));
        std::swap(all[i], all[j]);
    }
    all.resize(pivots);
    std::sort(all.begin(), all.end());
    return all;
}

std::vector<double> pivot_scale(std::size_t n, const std::vector<std::uint32_t>& pivots) {
    const double others = static_cast<double>(n) - 1.0;
    const double k = static_cast<double>(pivots.size());
    std::vector<double> scale(n, others / k);
    for (std::uint32_t p : pivots)
        scale[p] = pivots.size() > 1 ? others / (k - 1.0) : 0.0;
    return scale;
}

std::vector<double> closeness_of(const distance_sums& d, const std::vector<double>& scale) {
    const std::size_t n = d.sum.size();
    std::vector<double> out(n, 0.0);
    for (std::size_t v = 0; v < n; ++v) {
        if (d.sum[v] == 0) continue;  // nobody else reaches v
        double r = static_cast<double>(d.reached[v]);
        double s = static_cast<double>(d.sum[v]);
        if (!scale.empty()) {
            r *= scale[v];
            s *= scale[v];
        }
        if (s > 0) out[v] = r / s * (r / (static_cast<double>(n) - 1.0));
    }
    return out;
}

}  // namespace partnerqi::network::detail
