/// @file
/// Waves and change: the matrix, the audit and the network for each wave of data collection,
/// and what changed from one wave to the next.
#pragma once

#include <array>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/analysis/network_summary.hpp"
#include "partnerqi/analysis/practice_matrix.hpp"
#include "partnerqi/analysis/tokenism_audit.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis {

/// Options shared by the per-wave and per-case analyses.
struct period_options {
    audit_options audit;
    network_summary_options network;
    bool with_network = true;  ///< build and summarize the engagement network
};

/// The analyses of one wave.
struct wave_snapshot {
    model::wave_id wave;
    std::string code;
    std::string label;
    model::date_window window;       ///< the wave's window
    practice_tier_table matrix;      ///< pooled over the cases in scope
    every_tier_check every_tier;
    audit_summary audit;
    std::optional<network_summary> network;
};

/// What changed from one wave to a later one ("after" minus "before").
struct wave_change {
    std::string from;  ///< wave code
    std::string to;
    /// Change of enactments per category and tier, indexed like practice_tier_table::cells.
    std::array<std::array<std::int64_t, 3>, 4> enactments{};
    std::array<std::int64_t, 3> enactments_by_tier{};
    std::int64_t enactments_total = 0;
    std::int64_t managers_total = 0;
    std::vector<model::management_tier> tiers_started;  ///< tiers with no enactment before and some after
    std::vector<model::management_tier> tiers_stopped;  ///< tiers with enactments before and none after
    std::array<std::int64_t, indicator_count> indicators{};  ///< change of how often each fired
    std::int64_t flagged_advisors = 0;
    std::int64_t flagged_teams = 0;
    /// Network changes, when both waves have a network summary.
    std::optional<std::int64_t> people, ties, events, advisors_reaching_decision_makers, brokers;
    std::optional<double> density;
};

/// One snapshot per wave and the change between consecutive waves.
struct wave_report {
    std::string scope;
    std::vector<wave_snapshot> waves;  ///< in window order
    std::vector<wave_change> changes;  ///< waves[i] to waves[i+1]
};

/// The analyses of one wave, for the cases of `scope` (its window and wave are ignored).
/// Throws partnerqi::invalid_request_error for an unknown wave or case.
[[nodiscard]] PARTNERQI_EXPORT wave_snapshot wave_snapshot_of(const model::case_study& study, model::wave_id wave,
                                                              const filter& scope = {},
                                                              const period_options& options = {});

/// What changed from `before` to `after`.
[[nodiscard]] PARTNERQI_EXPORT wave_change compare_waves(const wave_snapshot& before, const wave_snapshot& after);

/// Every wave of the study (those overlapping the filter's window or wave, when set), for the
/// filter's case, with the changes between consecutive waves. A study without waves gives an
/// empty report. Costs one pass over the records per wave.
[[nodiscard]] PARTNERQI_EXPORT wave_report wave_analysis(const model::case_study& study, const filter& scope = {},
                                                         const period_options& options = {});

/// The report as text: measures as rows, waves as columns, then the changes.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const wave_report& report);

/// The report as CSV (RFC 4180), long format: `wave,measure,value`, then `change,measure,value`
/// rows whose first field is "W1->W2".
PARTNERQI_EXPORT void write_csv(std::ostream& out, const wave_report& report);

}  // namespace partnerqi::analysis
