// Properties of the agreement statistics on random reliability data (RapidCheck under a fixed
// seed, support/property.hpp).
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include <support/catch.hpp>
#include <support/property.hpp>

#include "partnerqi/analysis/agreement.hpp"

using namespace partnerqi;
using analysis::rated_unit;

namespace {

template <class Property>
void require_property(const char* name, Property property) {
    test::require_success(test::check_property(name, {20080301, 200, 60}, std::move(property)));
}

// Units x coders ratings in 1..categories, 0 for missing.
std::vector<std::vector<int>> any_ratings(int coders, int categories, bool missing) {
    const auto units = *rc::gen::inRange(1, 40);
    std::vector<std::vector<int>> data(static_cast<std::size_t>(units));
    for (auto& unit : data)
        unit = *rc::gen::container<std::vector<int>>(
            static_cast<std::size_t>(coders), rc::gen::inRange(missing ? 0 : 1, categories + 1));
    return data;
}

std::vector<rated_unit> counts_of(const std::vector<std::vector<int>>& data, int categories) {
    std::vector<rated_unit> units;
    for (const auto& unit : data) {
        rated_unit u{std::vector<std::uint64_t>(static_cast<std::size_t>(categories), 0), 1};
        for (int v : unit)
            if (v > 0) ++u.counts[static_cast<std::size_t>(v - 1)];
        units.push_back(u);
    }
    return units;
}

}  // namespace

SCENARIO("kappas lie in [-1, 1] and do not depend on which coder is first") {
    require_property("two-coder kappa bounds and symmetry", [] {
        const int categories = *rc::gen::inRange(2, 5);
        const auto data = any_ratings(2, categories, false);
        std::vector<std::vector<std::uint64_t>> table(
            static_cast<std::size_t>(categories),
            std::vector<std::uint64_t>(static_cast<std::size_t>(categories), 0));
        for (const auto& u : data)
            ++table[static_cast<std::size_t>(u[0] - 1)][static_cast<std::size_t>(u[1] - 1)];
        auto transposed = table;
        for (std::size_t i = 0; i < table.size(); ++i)
            for (std::size_t j = 0; j < table.size(); ++j)
                transposed[i][j] = table[j][i];
        const auto k = analysis::cohen_kappa(table);
        const auto t = analysis::cohen_kappa(transposed);
        RC_ASSERT(k.kappa.has_value() == t.kappa.has_value());
        if (!k.kappa) return;
        RC_ASSERT(*k.kappa >= -1.0 - 1e-12);
        RC_ASSERT(*k.kappa <= 1.0 + 1e-12);
        RC_ASSERT(std::abs(*k.kappa - *t.kappa) < 1e-12);
        RC_ASSERT(k.standard_error.has_value() == t.standard_error.has_value());
        if (k.standard_error) RC_ASSERT(std::abs(*k.standard_error - *t.standard_error) < 1e-12);
        const auto f = analysis::fleiss_kappa(counts_of(data, categories));
        RC_ASSERT(f.kappa.has_value());
        RC_ASSERT(*f.kappa >= -1.0 - 1e-12);
        RC_ASSERT(*f.kappa <= 1.0 + 1e-12);
    });
}

SCENARIO("on complete data alpha and Fleiss' kappa agree up to the small-sample factor") {
    // With every unit rated by m coders and n = N m values: 1 - alpha = (1 - kappa)(n - 1) / n,
    // so the two agree as the data grow.
    require_property("alpha and Fleiss' kappa", [] {
        const int coders = *rc::gen::inRange(2, 6);
        const int categories = *rc::gen::inRange(2, 5);
        const auto data = any_ratings(coders, categories, false);
        const auto units = counts_of(data, categories);
        const auto f = analysis::fleiss_kappa(units);
        const auto a = analysis::krippendorff_alpha(units, {0, 1});
        RC_ASSERT(f.kappa.has_value() == a.alpha.has_value());
        if (!f.kappa) return;
        const double n = static_cast<double>(a.pairable_values);
        RC_ASSERT(std::abs((1.0 - *a.alpha) - (1.0 - *f.kappa) * (n - 1.0) / n) < 1e-9);
    });
}

SCENARIO("alpha with missing values does not depend on the order of coders or units") {
    require_property("alpha symmetry", [] {
        const int coders = *rc::gen::inRange(2, 6);
        auto data = any_ratings(coders, 3, true);
        const auto a = analysis::krippendorff_alpha(counts_of(data, 3), {0, 1});
        for (auto& unit : data)
            std::reverse(unit.begin(), unit.end());
        std::reverse(data.begin(), data.end());
        const auto b = analysis::krippendorff_alpha(counts_of(data, 3), {0, 1});
        RC_ASSERT(a.alpha.has_value() == b.alpha.has_value());
        if (a.alpha) {
            RC_ASSERT(std::abs(*a.alpha - *b.alpha) < 1e-12);
            RC_ASSERT(*a.alpha <= 1.0 + 1e-12);
        }
    });
}

SCENARIO("the bootstrap interval of alpha repeats with the same seed") {
    require_property("bootstrap reproducibility", [] {
        const auto data = any_ratings(3, 3, true);
        const auto units = counts_of(data, 3);
        const auto a = analysis::krippendorff_alpha(units, {200, 7});
        const auto b = analysis::krippendorff_alpha(units, {200, 7});
        RC_ASSERT(a.low == b.low);
        RC_ASSERT(a.high == b.high);
        if (a.low) RC_ASSERT(*a.low <= *a.high);
    });
}
