/// @file
/// Cross-case comparison: two or more organizations side by side on the same measures.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "partnerqi/analysis/evaluation_loop.hpp"
#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/analysis/network_summary.hpp"
#include "partnerqi/analysis/practice_matrix.hpp"
#include "partnerqi/analysis/tokenism_audit.hpp"
#include "partnerqi/analysis/waves.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis {

/// The measures of one case.
struct case_column {
    model::case_id study_case;    ///< the case, in the case study named by `study`
    std::string code;             ///< the case code
    std::string label;            ///< the case's label, e.g. "Case 1: rural centre"
    std::string organization;     ///< the organization's code
    std::string study;            ///< the title of the case study it comes from
    practice_tier_table matrix;   ///< the case's practice x tier table, labelled with the case code
    every_tier_check every_tier;  ///< check_every_tier() of that table
    audit_summary audit;          ///< the tokenism audit of the case, summarized

    /// @{
    std::size_t evaluations = 0, closed_loops = 0;  ///< from the evaluation loop
    /// @}
    std::optional<partnerqi::network::network_summary>
        network;  ///< people of the case's organization only
};

/// Cases side by side.
struct case_comparison {
    std::string scope;  ///< the filter's label, the common window, or "each study's window"
    std::vector<case_column> columns;  ///< in the order asked
};

/// A case of some case study, for comparing organizations kept in different files.
struct case_ref {
    std::reference_wrapper<const model::case_study> study;  ///< must outlive the comparison call
    model::case_id study_case;                              ///< a case of that study
};

/// Compares cases of one study on the same window (the filter's window or wave; its case must be
/// unset). An empty list means every case of the study. Throws partnerqi::invalid_request_error
/// when fewer than two cases are compared, a case is unknown or the filter names a case.
[[nodiscard]] PARTNERQI_EXPORT case_comparison
compare_cases(const model::case_study& study, const std::vector<model::case_id>& cases = {},
              const filter& scope = {}, const period_options& options = {});

/// Compares cases from several studies, each over its own study window, or over `window` when
/// set (it must lie inside every study window, model::resolve_scope()'s rule). Throws
/// partnerqi::invalid_request_error when fewer than two cases are given.
[[nodiscard]] PARTNERQI_EXPORT case_comparison compare_cases(
    const std::vector<case_ref>& cases, const std::optional<model::date_window>& window = {},
    const period_options& options = {});

/// The comparison as text: measures as rows, cases as columns.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const case_comparison& comparison);

/// The comparison as CSV (RFC 4180): `measure,<"case (organization)"...>`, one row per measure.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const case_comparison& comparison);

}  // namespace partnerqi::analysis
