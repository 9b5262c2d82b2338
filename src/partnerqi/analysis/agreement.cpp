#include "partnerqi/analysis/agreement.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <ostream>
#include <random>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "partnerqi/analysis/detail/source_scope.hpp"
#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/error.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

namespace {

// The normal quantile of a two-sided 95% interval.
constexpr double z_95 = 1.959963984540054;

// Below this, 1 - pe or De counts as zero: the statistic is 0/0.
constexpr double degenerate = 1e-12;

double ratio(std::uint64_t part, std::uint64_t whole) {
    return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

std::string_view to_string(agreement_unit unit) noexcept {
    switch (unit) {
        case agreement_unit::source: return "source";
        case agreement_unit::character: return "character";
    }
    return "invalid";
}

kappa_estimate cohen_kappa(const std::vector<std::vector<std::uint64_t>>& table) {
    const std::size_t k = table.size();
    for (const auto& row : table)
        if (row.size() != k)
            throw invalid_request_error(
                "Cohen's kappa needs a square table of two coders' categories; a row has " +
                std::to_string(row.size()) + " cells for " + std::to_string(k) + " rows");
    kappa_estimate out;
    for (const auto& row : table)
        for (std::uint64_t cell : row)
            out.units += cell;
    if (out.units == 0) return out;
    const double n = static_cast<double>(out.units);
    std::vector<double> rows(k, 0.0), cols(k, 0.0);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            rows[i] += static_cast<double>(table[i][j]) / n;
            cols[j] += static_cast<double>(table[i][j]) / n;
        }
    for (std::size_t i = 0; i < k; ++i) {
        out.observed += static_cast<double>(table[i][i]) / n;
        out.expected += rows[i] * cols[i];
    }
    if (out.expected >= 1.0 - degenerate) return out;
    const double kappa = (out.observed - out.expected) / (1.0 - out.expected);
    out.kappa = kappa;
    // Fleiss, Cohen & Everitt 1969, equation (13): the variance when kappa is not 0.
    double a = 0, b = 0;
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            const double p = static_cast<double>(table[i][j]) / n;
            if (i == j) {
                const double t = 1.0 - (rows[i] + cols[i]) * (1.0 - kappa);
                a += p * t * t;
            } else {
                const double t = cols[i] + rows[j];
                b += p * t * t;
            }
        }
    b *= (1.0 - kappa) * (1.0 - kappa);
    const double c = kappa - out.expected * (1.0 - kappa);
    const double variance = (a + b - c * c) / ((1.0 - out.expected) * (1.0 - out.expected) * n);
    // On the boundary (perfect agreement, or a coder who used one category) the variance is 0
    // up to rounding: an interval of one point would claim a certainty the data do not give.
    if (!(variance > degenerate)) return out;
    const double se = std::sqrt(variance);
    out.standard_error = se;
    out.low = kappa - z_95 * se;
    out.high = kappa + z_95 * se;
    return out;
}

kappa_estimate fleiss_kappa(const std::vector<rated_unit>& units) {
    kappa_estimate out;
    double agreeing = 0;  // sum over units of weight * P_i
    std::vector<double> per_category;
    double ratings = 0;
    for (const rated_unit& u : units) {
        std::uint64_t m = 0;
        for (std::uint64_t c : u.counts)
            m += c;
        if (m < 2 || u.weight == 0) continue;
        double pairs = 0;
        for (std::uint64_t c : u.counts)
            pairs += static_cast<double>(c) * static_cast<double>(c - (c ? 1 : 0));
        const double w = static_cast<double>(u.weight);
        agreeing += w * pairs / (static_cast<double>(m) * static_cast<double>(m - 1));
        if (per_category.size() < u.counts.size()) per_category.resize(u.counts.size(), 0.0);
        for (std::size_t j = 0; j < u.counts.size(); ++j)
            per_category[j] += w * static_cast<double>(u.counts[j]);
        ratings += w * static_cast<double>(m);
        out.units += u.weight;
    }
    if (out.units == 0) return out;
    out.observed = agreeing / static_cast<double>(out.units);
    for (double r : per_category)
        out.expected += (r / ratings) * (r / ratings);
    if (out.expected >= 1.0 - degenerate) return out;
    out.kappa = (out.observed - out.expected) / (1.0 - out.expected);
    return out;
}

std::optional<double> percent_agreement(const std::vector<rated_unit>& units) {
    const kappa_estimate f = fleiss_kappa(units);
    if (f.units == 0) return std::nullopt;
    return f.observed;
}

kappa_estimate pooled_kappa(const std::vector<kappa_estimate>& items) {
    kappa_estimate out;
    std::size_t n = 0;
    for (const kappa_estimate& item : items) {
        if (item.units == 0) continue;
        out.observed += item.observed;
        out.expected += item.expected;
        out.units += item.units;
        ++n;
    }
    if (n == 0) return out;
    out.observed /= static_cast<double>(n);
    out.expected /= static_cast<double>(n);
    if (out.expected < 1.0 - degenerate)
        out.kappa = (out.observed - out.expected) / (1.0 - out.expected);
    return out;
}

namespace {

// log(n!) : exact sums below 16, Stirling's series with four terms above (error below 1e-15).
double log_factorial(std::uint64_t n) {
    if (n < 16) {
        double sum = 0;
        for (std::uint64_t i = 2; i <= n; ++i)
            sum += std::log(static_cast<double>(i));
        return sum;
    }
    const double x = static_cast<double>(n);
    const double inverse = 1.0 / x;
    const double inverse2 = inverse * inverse;
    constexpr double half_log_two_pi = 0.91893853320467274178;
    return x * std::log(x) - x + 0.5 * std::log(x) + half_log_two_pi +
           inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260)));
}

// Draws from Binomial(n, p) by inverting its distribution function, tabulated once around the
// mode (40 standard deviations each side: the mass left out is below 1e-300). It gives the same
// draws for a seed with every standard library, and touches no global state:
// std::binomial_distribution differs between libraries and calls std::lgamma, which writes the
// global `signgam`, a data race when two threads draw at once.
class binomial_sampler {
public:
    binomial_sampler(std::uint64_t n, double p) : n_(n) {
        if (n == 0 || p <= 0.0 || p >= 1.0) {
            fixed_ = p >= 1.0 ? n : 0;
            return;
        }
        const double q = 1.0 - p;
        const double nd = static_cast<double>(n);
        const auto mode = std::min(n, static_cast<std::uint64_t>(std::floor((nd + 1.0) * p)));
        const double spread = 40.0 * std::sqrt(nd * p * q) + 40.0;
        const auto reach = static_cast<std::uint64_t>(std::ceil(spread));
        first_ = mode > reach ? mode - reach : 0;
        const std::uint64_t last = std::min(n, mode + reach);
        const double md = static_cast<double>(mode);
        const double at_mode =
            std::exp(log_factorial(n) - log_factorial(mode) - log_factorial(n - mode) +
                     md * std::log(p) + (nd - md) * std::log(q));
        std::vector<double> mass(static_cast<std::size_t>(last - first_ + 1), 0.0);
        mass[static_cast<std::size_t>(mode - first_)] = at_mode;
        for (std::uint64_t k = mode; k < last; ++k)  // P(k+1) = P(k) (n-k)/(k+1) p/q
            mass[static_cast<std::size_t>(k + 1 - first_)] =
                mass[static_cast<std::size_t>(k - first_)] * (static_cast<double>(n - k) * p) /
                (static_cast<double>(k + 1) * q);
        for (std::uint64_t k = mode; k > first_; --k)  // P(k-1) = P(k) k/(n-k+1) q/p
            mass[static_cast<std::size_t>(k - 1 - first_)] =
                mass[static_cast<std::size_t>(k - first_)] * (static_cast<double>(k) * q) /
                (static_cast<double>(n - k + 1) * p);
        cumulative_.resize(mass.size());
        std::partial_sum(mass.begin(), mass.end(), cumulative_.begin());
    }

    std::uint64_t operator()(std::mt19937_64& random) const {
        if (cumulative_.empty()) return fixed_;
        // 53 random bits as a uniform double in [0, 1), scaled to the tabulated mass.
        const double u = static_cast<double>(random() >> 11) * 0x1.0p-53 * cumulative_.back();
        const auto at = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
        const auto k = static_cast<std::uint64_t>(std::min<std::ptrdiff_t>(
            at - cumulative_.begin(), static_cast<std::ptrdiff_t>(cumulative_.size()) - 1));
        return std::min(n_, first_ + k);
    }

private:
    std::uint64_t n_;
    std::uint64_t fixed_ = 0;
    std::uint64_t first_ = 0;
    std::vector<double> cumulative_;
};

}  // namespace

alpha_estimate krippendorff_alpha(const std::vector<rated_unit>& units,
                                  const bootstrap_options& bootstrap) {
    alpha_estimate out;
    std::vector<double> per_category;  // n_c
    double disagreeing = 0;            // sum_{c != k} o_ck
    double pairs = 0;                  // sum over units of m_u (m_u - 1) / 2
    for (const rated_unit& u : units) {
        std::uint64_t m = 0;
        for (std::uint64_t c : u.counts)
            m += c;
        if (m < 2 || u.weight == 0) continue;
        const double w = static_cast<double>(u.weight);
        const double md = static_cast<double>(m);
        double squares = 0;
        for (std::uint64_t c : u.counts)
            squares += static_cast<double>(c) * static_cast<double>(c);
        disagreeing += w * (md * md - squares) / (md - 1.0);
        pairs += w * md * (md - 1.0) / 2.0;
        if (per_category.size() < u.counts.size()) per_category.resize(u.counts.size(), 0.0);
        for (std::size_t j = 0; j < u.counts.size(); ++j)
            per_category[j] += w * static_cast<double>(u.counts[j]);
        out.pairable_values += u.weight * m;
    }
    const double n = static_cast<double>(out.pairable_values);
    if (out.pairable_values < 2) return out;
    double squares = 0;
    for (double c : per_category)
        squares += c * c;
    out.observed_disagreement = disagreeing / n;
    out.expected_disagreement = (n * n - squares) / (n * (n - 1.0));
    if (out.expected_disagreement < degenerate) return out;
    const double de = out.expected_disagreement;
    out.alpha = 1.0 - out.observed_disagreement / de;
    if (bootstrap.replicates == 0) return out;
    // Krippendorff's bootstrap: M pairs drawn from the coincidences; a nominal pair disagrees
    // with probability Do, so the disagreeing draws of a resample are Binomial(M, Do).
    const auto draws = static_cast<std::uint64_t>(std::llround(pairs));
    std::mt19937_64 random(bootstrap.seed);
    const binomial_sampler disagreements(draws,
                                         std::min(1.0, std::max(0.0, out.observed_disagreement)));
    std::vector<double> alphas;
    alphas.reserve(bootstrap.replicates);
    for (std::size_t r = 0; r < bootstrap.replicates; ++r)
        alphas.push_back(1.0 - ratio(disagreements(random), draws) / de);
    std::sort(alphas.begin(), alphas.end());
    const std::size_t last = alphas.size() - 1;
    out.low = alphas[static_cast<std::size_t>(std::floor(0.025 * static_cast<double>(last)))];
    out.high = alphas[static_cast<std::size_t>(std::ceil(0.975 * static_cast<double>(last)))];
    return out;
}

namespace {

// A source compared: who rated it, and how far it was coded.
struct source_info {
    const data_source* source = nullptr;
    std::vector<std::uint32_t> raters;  // coder indexes, sorted, each once
    std::uint32_t last_end = 0;         // the last byte offset coded in it
};

// A segment kept for the comparison.
struct kept_segment {
    code_id code;
    source_id source;
    std::uint32_t coder;
    std::uint32_t begin, end;
};

// Characters of [begin, end) of a source: code points of the kept text, else bytes.
std::uint64_t characters_in(const data_source& s, std::uint32_t begin, std::uint32_t end) {
    if (s.text.empty()) return end > begin ? end - begin : 0;
    const std::size_t stop = std::min<std::size_t>(end, s.text.size());
    std::uint64_t n = 0;
    for (std::size_t i = begin; i < stop; ++i)
        if ((static_cast<unsigned char>(s.text[i]) & 0xC0u) != 0x80u) ++n;
    return n;
}

// The bytes of a source the comparison covers: its kept text, else up to the last coded offset.
std::uint32_t size_of(const source_info& info) {
    if (info.source->text.empty()) return info.last_end;
    return static_cast<std::uint32_t>(std::min<std::size_t>(info.source->text.size(), UINT32_MAX));
}

// The units of one code, gathered source by source.
class code_units {
public:
    code_units(std::size_t coders, const std::map<std::size_t, std::uint64_t>& unrated_by_m)
        : rest_(unrated_by_m), two_(coders == 2) {
        if (two_) table_.assign(2, std::vector<std::uint64_t>(2, 0));
    }

    // `applied` marks, per rater of the source (in the source's order), who applied the code.
    void add(const std::vector<bool>& applied, std::uint64_t weight) {
        const std::size_t m = applied.size();
        const auto a = static_cast<std::uint64_t>(std::count(applied.begin(), applied.end(), true));
        units_.push_back({{a, m - a}, weight});
        rest_[m] -= weight;
        if (two_ && m == 2) table_[applied[0] ? 0 : 1][applied[1] ? 0 : 1] += weight;
    }

    std::vector<rated_unit> finish() {
        for (const auto& [m, weight] : rest_) {
            if (weight == 0) continue;
            units_.push_back({{0, m}, weight});
            if (two_ && m == 2) table_[1][1] += weight;
        }
        return std::move(units_);
    }

    [[nodiscard]] const std::vector<std::vector<std::uint64_t>>& table() const { return table_; }

private:
    std::map<std::size_t, std::uint64_t> rest_;  // units nobody coded, by number of raters
    bool two_;
    std::vector<std::vector<std::uint64_t>> table_;
    std::vector<rated_unit> units_;
};

// The comparison of one run of coder_agreement: the coders, the sources they rated, the
// segments kept, grouped by code and source.
class comparison {
public:
    comparison(const case_study& study, const filter& f, const agreement_options& o)
        : study_(study), o_(o), sources_(study, f) {}

    agreement_report run() {
        agreement_report r;
        r.scope = sources_.where().resolved().label;
        r.unit = o_.unit;
        choose_coders(r);
        if (r.status == assessment::not_assessable) return r;
        gather(r);
        std::vector<rated_unit> everything;
        std::vector<kappa_estimate> cohen_items, fleiss_items;
        for (std::size_t begin = 0; begin < kept_.size();) {
            std::size_t end = begin;
            while (end < kept_.size() && kept_[end].code == kept_[begin].code)
                ++end;
            const code_id code = kept_[begin].code;
            if (chosen(code)) {
                code_agreement c{code, study_.get(code).name, {}};
                std::vector<std::vector<std::uint64_t>> table;
                std::vector<rated_unit> units = units_of(code, begin, end, r, table);
                c.statistics = statistics_of(units, table);
                cohen_items.push_back(c.statistics.cohen);
                fleiss_items.push_back(c.statistics.fleiss);
                everything.insert(everything.end(), units.begin(), units.end());
                r.per_code.push_back(std::move(c));
            }
            begin = end;
        }
        // A code chosen by the caller that nobody applied still counts: every unit is "absent".
        for (code_id code : chosen_codes_) {
            if (applied_.count(code)) continue;
            code_agreement c{code, study_.get(code).name, {}};
            std::vector<std::vector<std::uint64_t>> table;
            std::vector<rated_unit> units = units_of(code, 0, 0, r, table);
            c.statistics = statistics_of(units, table);
            cohen_items.push_back(c.statistics.cohen);
            fleiss_items.push_back(c.statistics.fleiss);
            everything.insert(everything.end(), units.begin(), units.end());
            r.per_code.push_back(std::move(c));
        }
        std::sort(r.per_code.begin(), r.per_code.end(),
                  [](const code_agreement& a, const code_agreement& b) { return a.code < b.code; });
        r.codes = r.per_code.size();
        r.overall.percent = percent_agreement(everything);
        r.overall.fleiss = pooled_kappa(fleiss_items);
        r.overall.units = r.overall.fleiss.units;
        if (r.coders.size() == 2) r.overall.cohen = pooled_kappa(cohen_items);
        r.overall.alpha = krippendorff_alpha(everything, o_.bootstrap);
        std::stable_sort(r.disagreements.items.begin(), r.disagreements.items.end(),
                         [](const coding_disagreement& a, const coding_disagreement& b) {
                             if (a.source != b.source) return a.source < b.source;
                             return a.code < b.code;
                         });
        return r;
    }

private:
    [[nodiscard]] bool chosen(code_id code) const {
        return o_.codes.empty() || chosen_codes_.count(code);
    }

    [[nodiscard]] const data_source* compared(const coded_segment& seg) {
        if (o_.sources.empty()) return sources_.of(seg);
        return chosen_sources_.count(seg.source) ? &study_.get(seg.source) : nullptr;
    }

    void choose_coders(agreement_report& r) {
        for (source_id id : o_.sources) {
            (void)study_.get(id);  // throws not_found_error naming the id
            chosen_sources_.insert(id);
        }
        for (code_id id : o_.codes) {
            (void)study_.get(id);
            chosen_codes_.insert(id);
        }
        std::set<std::string> in_study, in_scope;
        for (const coded_segment& seg : study_.all<coded_segment>()) {
            in_study.insert(seg.coder);
            if (compared(seg)) in_scope.insert(seg.coder);
        }
        std::vector<std::string> names;
        if (o_.coders.empty()) {
            names.assign(in_scope.begin(), in_scope.end());
        } else {
            std::set<std::string> seen;
            for (const std::string& name : o_.coders) {
                if (!seen.insert(name).second)
                    throw invalid_request_error("coder \"" + name +
                                                "\" is named twice; name each coder once");
                if (in_study.count(name)) continue;
                std::string known;
                for (const std::string& c : in_study)
                    known += (known.empty() ? "" : ", ") + c;
                throw invalid_request_error("coder \"" + name +
                                            "\" coded nothing in this case study; coders: " +
                                            (known.empty() ? std::string("none") : known));
            }
            for (const std::string& name : seen)
                if (in_scope.count(name)) names.push_back(name);
        }
        r.coders = names;
        if (names.size() < 2) {
            r.reason = names.empty() ? "no coder coded a source in scope"
                                     : "only " + names.front() + " coded a source in scope";
            r.reason += "; agreement needs two or more coders of the same sources";
            return;
        }
        r.status = assessment::not_flagged;
        for (std::size_t i = 0; i < names.size(); ++i)
            coder_index_.emplace(names[i], static_cast<std::uint32_t>(i));
        names_ = std::move(names);
    }

    // Who rated each source, its size, and the segments of the compared coders.
    void gather(agreement_report& r) {
        for (const coded_segment& seg : study_.all<coded_segment>()) {
            auto coder = coder_index_.find(seg.coder);
            if (coder == coder_index_.end()) continue;
            const data_source* s = compared(seg);
            if (!s) continue;
            source_info& info = info_[seg.source];
            info.source = s;
            info.raters.push_back(coder->second);
            info.last_end = std::max(info.last_end, seg.end);
            kept_.push_back({seg.code, seg.source, coder->second, seg.begin, seg.end});
        }
        std::sort(kept_.begin(), kept_.end(), [](const kept_segment& a, const kept_segment& b) {
            if (a.code != b.code) return a.code < b.code;
            if (a.source != b.source) return a.source < b.source;
            if (a.coder != b.coder) return a.coder < b.coder;
            return a.begin < b.begin;
        });
        for (const kept_segment& k : kept_)
            applied_.insert(k.code);
        for (auto& [id, info] : info_) {
            std::sort(info.raters.begin(), info.raters.end());
            info.raters.erase(std::unique(info.raters.begin(), info.raters.end()),
                              info.raters.end());
            std::uint64_t weight = 1;
            if (o_.unit == agreement_unit::character)
                weight = characters_in(*info.source, 0, size_of(info));
            unrated_by_m_[info.raters.size()] += weight;
        }
        r.sources = info_.size();
    }

    // The units of one code: kept_[begin, end) are its segments, by source.
    std::vector<rated_unit> units_of(code_id code, std::size_t begin, std::size_t end,
                                     agreement_report& r,
                                     std::vector<std::vector<std::uint64_t>>& table) {
        code_units units(coder_index_.size(), unrated_by_m_);
        for (std::size_t i = begin; i < end;) {
            std::size_t j = i;
            while (j < end && kept_[j].source == kept_[i].source)
                ++j;
            const source_info& info = info_.at(kept_[i].source);
            if (o_.unit == agreement_unit::source)
                by_source(code, info, i, j, units, r);
            else
                by_character(code, info, i, j, units, r);
            i = j;
        }
        std::vector<rated_unit> out = units.finish();
        table = units.table();
        return out;
    }

    coding_disagreement disagreement(code_id code, const source_info& info,
                                     const std::vector<bool>& applied) const {
        coding_disagreement d;
        d.source = info.source->id;
        d.source_code = info.source->code;
        d.code = code;
        d.code_name = study_.get(code).name;
        for (std::size_t k = 0; k < info.raters.size(); ++k)
            (applied[k] ? d.applied_by : d.not_applied_by).push_back(coder_name(info.raters[k]));
        return d;
    }

    [[nodiscard]] const std::string& coder_name(std::uint32_t index) const { return names_[index]; }

    void by_source(code_id code, const source_info& info, std::size_t i, std::size_t j,
                   code_units& units, agreement_report& r) const {
        std::vector<bool> applied(info.raters.size(), false);
        for (std::size_t k = i; k < j; ++k)
            applied[rater_position(info, kept_[k].coder)] = true;
        units.add(applied, 1);
        const auto a = std::count(applied.begin(), applied.end(), true);
        if (info.raters.size() < 2 || a == static_cast<std::ptrdiff_t>(applied.size())) return;
        coding_disagreement d = disagreement(code, info, applied);
        for (std::size_t k = i; k < j; ++k)
            d.positions.push_back({kept_[k].begin, kept_[k].end, coder_name(kept_[k].coder)});
        std::sort(d.positions.begin(), d.positions.end(),
                  [](const coded_span& x, const coded_span& y) {
                      if (x.begin != y.begin) return x.begin < y.begin;
                      return x.coder < y.coder;
                  });
        r.disagreements.items.push_back(std::move(d));
    }

    static std::size_t rater_position(const source_info& info, std::uint32_t coder) {
        return static_cast<std::size_t>(
            std::lower_bound(info.raters.begin(), info.raters.end(), coder) - info.raters.begin());
    }

    // Sweeps the segments of one code in one source: each stretch where the same coders cover
    // the text is one group of character units.
    void by_character(code_id code, const source_info& info, std::size_t i, std::size_t j,
                      code_units& units, agreement_report& r) {
        const std::uint32_t size = size_of(info);
        std::vector<std::pair<std::uint32_t, std::int64_t>> events;  // (offset, +-(coder+1))
        for (std::size_t k = i; k < j; ++k) {
            const std::uint32_t b = std::min(kept_[k].begin, size),
                                e = std::min(kept_[k].end, size);
            if (b >= e) continue;
            const auto pos = static_cast<std::int64_t>(rater_position(info, kept_[k].coder)) + 1;
            events.emplace_back(b, pos);
            events.emplace_back(e, -pos);
        }
        std::sort(events.begin(), events.end());
        std::vector<std::uint32_t> cover(info.raters.size(), 0);
        std::vector<bool> applied(info.raters.size(), false), open_applied;
        std::uint32_t at = 0, open_begin = 0, open_end = 0;
        std::size_t covering = 0;
        bool open = false;  // a disagreeing span waiting to be closed
        auto close = [&] {
            if (!open) return;
            coding_disagreement d = disagreement(code, info, open_applied);
            d.positions.push_back({open_begin, open_end, ""});
            r.disagreements.items.push_back(std::move(d));
            open = false;
        };
        for (std::size_t e = 0; e < events.size();) {
            const std::uint32_t pos = events[e].first;
            if (covering > 0 && pos > at) {
                units.add(applied, characters_in(*info.source, at, pos));
                const bool split = covering < applied.size();
                if (open && (!split || open_end != at || open_applied != applied)) close();
                if (split && !open) {
                    open = true;
                    open_begin = at;
                    open_applied = applied;
                }
                if (split) open_end = pos;
            } else if (pos > at) {
                close();
            }
            for (; e < events.size() && events[e].first == pos; ++e) {
                const std::int64_t v = events[e].second;
                const auto k = static_cast<std::size_t>((v > 0 ? v : -v) - 1);
                if (v > 0 ? cover[k]++ == 0 : --cover[k] == 0) {
                    applied[k] = v > 0;
                    covering = v > 0 ? covering + 1 : covering - 1;
                }
            }
            at = pos;
        }
        close();
    }

    agreement_statistics statistics_of(const std::vector<rated_unit>& units,
                                       const std::vector<std::vector<std::uint64_t>>& table) {
        agreement_statistics s;
        s.fleiss = fleiss_kappa(units);
        s.units = s.fleiss.units;
        s.percent = percent_agreement(units);
        if (!table.empty()) s.cohen = cohen_kappa(table);
        s.alpha = krippendorff_alpha(units, o_.bootstrap);
        return s;
    }

    const case_study& study_;
    const agreement_options& o_;
    detail::source_scope sources_;
    std::unordered_set<source_id> chosen_sources_;
    std::unordered_set<code_id> chosen_codes_;
    std::vector<std::string> names_;  // the compared coders by index, sorted
    std::unordered_map<std::string, std::uint32_t> coder_index_;
    std::unordered_map<source_id, source_info> info_;
    std::map<std::size_t, std::uint64_t> unrated_by_m_;  // units by number of raters
    std::vector<kept_segment> kept_;
    std::unordered_set<code_id> applied_;
};

std::string interval_text(const std::optional<double>& low, const std::optional<double>& high) {
    return low && high ? "[" + format_text(*low, figure::statistic) + ", " +
                             format_text(*high, figure::statistic) + "]"
                       : "-";
}

std::string csv_value(const std::optional<double>& v) { return v ? format_exact(*v) : ""; }

std::string unit_text(agreement_unit unit) {
    return unit == agreement_unit::source ? "presence of a code in a source"
                                          : "each character of a source, coded or not";
}

}  // namespace

agreement_report coder_agreement(const case_study& study, const filter& f,
                                 const agreement_options& o) {
    return comparison(study, f, o).run();
}

std::string to_text(const agreement_report& r) {
    std::ostringstream out;
    out << detail::wrap_text("Agreement between coders, ",
                             "unit: " + std::string(unit_text(r.unit)) + ", " + r.scope, 2);
    if (r.status == assessment::not_assessable) {
        out << "  not assessable: " << r.reason << "\n";
        return out.str();
    }
    std::string names;
    for (const std::string& c : r.coders)
        names += (names.empty() ? "" : ", ") + c;
    out << detail::wrap_text("",
                             std::to_string(r.coders.size()) + " coders (" + names + "), " +
                                 std::to_string(r.sources) + " sources, " +
                                 std::to_string(r.codes) +
                                 " codes; a source a coder did not code at all is missing "
                                 "for that coder.",
                             2);
    bool undefined = false;
    auto value_text = [&undefined](const std::optional<double>& v) {
        undefined = undefined || !v;
        return v ? format_text(*v, figure::statistic) : std::string("undefined");
    };
    const agreement_statistics& all = r.overall;
    detail::table t;
    t.header = {"over all codes", "value", "95% CI", "units", "coders"};
    const std::string units = detail::num(all.units), coders = detail::num(r.coders.size());
    t.add({"percent agreement", value_text(all.percent), "-", units, coders});
    if (r.coders.size() == 2)
        t.add({"Cohen's kappa, pooled (de Vries et al. 2008)", value_text(all.cohen.kappa), "-",
               units, coders});
    t.add(
        {"Fleiss' kappa, pooled (Fleiss 1971)", value_text(all.fleiss.kappa), "-", units, coders});
    t.add({"Krippendorff's alpha, nominal (Hayes & Krippendorff 2007)", value_text(all.alpha.alpha),
           interval_text(all.alpha.low, all.alpha.high), units, coders});
    out << t.to_text();
    detail::table c;
    c.header = {"code", "units", "agreement"};
    if (r.coders.size() == 2) {
        c.header.push_back("Cohen's kappa");
        c.header.push_back("95% CI");
    }
    c.header.insert(c.header.end(), {"Fleiss' kappa", "alpha", "95% CI"});
    for (const code_agreement& a : r.per_code) {
        const agreement_statistics& s = a.statistics;
        std::vector<std::string> row{a.name, detail::num(s.units), value_text(s.percent)};
        if (r.coders.size() == 2) {
            row.push_back(value_text(s.cohen.kappa));
            row.push_back(interval_text(s.cohen.low, s.cohen.high));
        }
        row.insert(row.end(), {value_text(s.fleiss.kappa), value_text(s.alpha.alpha),
                               interval_text(s.alpha.low, s.alpha.high)});
        c.add(std::move(row));
    }
    out << c.to_text();
    if (undefined)
        out << "undefined: every unit fell in one category (or no unit was rated twice), so "
               "the statistic is 0/0.\n";
    const std::size_t n = r.disagreements.items.size();
    out << n << (n == 1 ? " disagreement" : " disagreements")
        << (n ? " (every one in coder-disagreements.csv of `export --format csv`)" : "") << "\n";
    constexpr std::size_t shown = 10;
    for (std::size_t i = 0; i < n && i < shown; ++i) {
        const coding_disagreement& d = r.disagreements.items[i];
        std::string by, not_by;
        for (const std::string& x : d.applied_by)
            by += (by.empty() ? "" : ", ") + x;
        for (const std::string& x : d.not_applied_by)
            not_by += (not_by.empty() ? "" : ", ") + x;
        out << "  " << d.source_code << ", " << d.code_name << ": applied by " << by << ", not by "
            << not_by << "\n";
    }
    if (n > shown) out << "  and " << n - shown << " more\n";
    return out.str();
}

void write_csv(std::ostream& out, const agreement_report& r) {
    detail::table t;
    t.header = {"code",        "unit",      "coders",     "units",        "percent_agreement",
                "cohen_kappa", "cohen_low", "cohen_high", "fleiss_kappa", "alpha",
                "alpha_low",   "alpha_high"};
    if (r.status != assessment::not_assessable) {
        const std::string unit(to_string(r.unit)), coders = detail::num(r.coders.size());
        auto row = [&](const std::string& name, const agreement_statistics& s) {
            t.add({name, unit, coders, detail::num(s.units), csv_value(s.percent),
                   csv_value(s.cohen.kappa), csv_value(s.cohen.low), csv_value(s.cohen.high),
                   csv_value(s.fleiss.kappa), csv_value(s.alpha.alpha), csv_value(s.alpha.low),
                   csv_value(s.alpha.high)});
        };
        for (const code_agreement& c : r.per_code)
            row(c.name, c.statistics);
        row("all", r.overall);
    }
    t.write_csv(out);
}

void write_csv(std::ostream& out, const disagreement_list& list) {
    detail::table t;
    t.header = {"source", "code", "applied_by", "not_applied_by", "positions"};
    auto join = [](const std::vector<std::string>& names) {
        std::string s;
        for (const std::string& n : names)
            s += (s.empty() ? "" : "; ") + n;
        return s;
    };
    for (const coding_disagreement& d : list.items) {
        std::string positions;
        for (const coded_span& p : d.positions) {
            if (!positions.empty()) positions += "; ";
            positions += std::to_string(p.begin) + "-" + std::to_string(p.end);
            if (!p.coder.empty()) positions += "@" + p.coder;
        }
        t.add({d.source_code, d.code_name, join(d.applied_by), join(d.not_applied_by), positions});
    }
    t.write_csv(out);
}

}  // namespace partnerqi::analysis
