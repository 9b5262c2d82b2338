// Private: the measures that waves and cross-case comparison put side by side, one row each.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/analysis/network_summary.hpp"
#include "partnerqi/analysis/practice_matrix.hpp"
#include "partnerqi/analysis/tokenism_audit.hpp"
#include "partnerqi/analysis/waves.hpp"

namespace partnerqi::analysis {
struct case_comparison;
}  // namespace partnerqi::analysis

namespace partnerqi::analysis::detail {

/// The measures of one period or case: what a wave snapshot and a case column have in common.
struct period_measures {
    practice_tier_table matrix;
    every_tier_check every_tier;
    audit_summary audit;
    std::optional<partnerqi::network::network_summary> network;
};

/// The matrix (labelled `label`), its every-tier check, the audit summary and, when asked, the
/// network summary of the scope `f`; without the network the path indicator is not evaluated.
period_measures measure_period(const model::case_study& study, const filter& f,
                               const period_options& o, const std::string& label);

/// What one column shows; pointers borrow from the result being rendered.
struct column_view {
    std::string label;
    const practice_tier_table* matrix = nullptr;
    const every_tier_check* check = nullptr;
    const audit_summary* audit = nullptr;
    const std::optional<partnerqi::network::network_summary>* network = nullptr;
    std::optional<std::pair<std::size_t, std::size_t>> loops;  ///< evaluations, closed
};

/// The columns of a wave report, one per wave (defined in waves.cpp).
std::vector<column_view> views(const wave_report& r);
/// The columns of a case comparison, one per case (defined in comparison.cpp).
std::vector<column_view> views(const case_comparison& c);
/// The changes from one wave to the next as (measure, value) rows, shared by the text, the CSV
/// and the HTML report (defined in waves.cpp); with `csv`, real numbers as files write them.
std::vector<std::pair<std::string, std::string>> change_rows(const wave_change& c, bool csv);

/// Measures as rows, columns as given; real numbers as text shows them, or with `csv` as files
/// write them (format_exact).
inline table side_by_side(const std::vector<column_view>& cols, bool csv = false) {
    const auto real = [csv](double x) {
        return csv ? format_exact(x) : format_text(x, figure::proportion);
    };
    table t;
    t.header = {"measure"};
    for (const column_view& c : cols)
        t.header.push_back(c.label);
    auto row = [&](const std::string& name, auto value) {
        std::vector<std::string> r{name};
        for (const column_view& c : cols)
            r.push_back(value(c));
        t.add(std::move(r));
    };
    row("enactments", [](const column_view& c) { return num(c.matrix->total.enactments); });
    row("managers enacting", [](const column_view& c) { return num(c.matrix->total.managers); });
    for (model::management_tier tier : model::enum_traits<model::management_tier>::values) {
        auto i = static_cast<std::size_t>(tier);
        row("enactments " + std::string(to_string(tier)),
            [i](const column_view& c) { return num(c.matrix->by_tier[i].enactments); });
    }
    for (model::practice_category cat : model::enum_traits<model::practice_category>::values) {
        auto i = static_cast<std::size_t>(cat);
        row("enactments " + std::string(to_string(cat)),
            [i](const column_view& c) { return num(c.matrix->by_category[i].enactments); });
    }
    row("every tier takes part", [](const column_view& c) {
        if (c.check->passed) return std::string("yes");
        if (c.check->state == assessment::not_assessable) return std::string("not assessable");
        std::string missing;
        for (auto tier : c.check->missing_tiers)
            missing += (missing.empty() ? "" : " ") + std::string(to_string(tier));
        for (auto k : c.check->missing_categories)
            missing += (missing.empty() ? "" : " ") + std::string(to_string(k));
        return "no, missing " + missing;
    });
    bool loops = false;
    for (const column_view& c : cols)
        loops = loops || c.loops.has_value();
    if (loops)
        row("evaluations closed", [](const column_view& c) {
            return c.loops ? num(c.loops->second) + " of " + num(c.loops->first) : std::string("-");
        });
    row("advisors audited", [](const column_view& c) { return num(c.audit->advisors); });
    row("advisors flagged", [](const column_view& c) { return num(c.audit->flagged_advisors); });
    row("teams flagged", [](const column_view& c) {
        return num(c.audit->flagged_teams) + " of " + num(c.audit->teams);
    });
    for (const indicator_definition& d : indicator_definitions()) {
        auto i = static_cast<std::size_t>(d.id);
        row("  " + std::string(d.name), [i](const column_view& c) {
            return num(c.audit->fired[i]) + " of " + num(c.audit->assessed[i]) + " assessed";
        });
    }
    bool network = false;
    for (const column_view& c : cols)
        network = network || (c.network && c.network->has_value());
    if (network) {
        auto net = [&](const std::string& name, auto value) {
            row(name, [value](const column_view& c) {
                return c.network && c.network->has_value() ? value(**c.network) : std::string("-");
            });
        };
        net("network people", [](const network::network_summary& n) { return num(n.people); });
        net("network ties", [](const network::network_summary& n) { return num(n.ties); });
        net("network density",
            [real](const network::network_summary& n) { return real(n.density); });
        net("network reciprocity", [real](const network::network_summary& n) {
            return n.reciprocity ? real(*n.reciprocity) : std::string("n/a");
        });
        net("weak components",
            [](const network::network_summary& n) { return num(n.weak_components); });
        net("advisors reaching a decision-maker", [](const network::network_summary& n) {
            return num(n.advisors_reaching_decision_makers) + " of " + num(n.advisors);
        });
        net("advisors reaching a top-level manager", [](const network::network_summary& n) {
            return num(n.advisors_reaching_top_level) + " of " + num(n.advisors);
        });
        net("brokers", [](const network::network_summary& n) { return num(n.brokers); });
    }
    return t;
}

}  // namespace partnerqi::analysis::detail
