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
    audit_options audit;                                  ///< for each tokenism audit
    partnerqi::network::network_summary_options network;  ///< for each network summary
    bool with_network = true;  ///< build and summarize the engagement network
};

/// The analyses of one wave.
struct wave_snapshot {
    model::wave_id wave;          ///< the wave analysed
    std::string code;             ///< the wave's code, e.g. "W1"
    std::string label;            ///< the wave's label
    model::date_window window;    ///< the wave's window
    practice_tier_table matrix;   ///< pooled over the cases in scope
    every_tier_check every_tier;  ///< check_every_tier() of that table
    audit_summary audit;          ///< the tokenism audit in the wave's window, summarized
    std::optional<partnerqi::network::network_summary>
        network;  ///< unset when period_options::with_network is off
};

/// What changed from one wave to a later one ("after" minus "before").
struct wave_change {
    std::string from;  ///< wave code
    std::string to;    ///< the later wave's code
    /// Change of enactments per category and tier, indexed like practice_tier_table::cells.
    std::array<std::array<std::int64_t, 3>, 4> enactments{};
    std::array<std::int64_t, 3>
        enactments_by_tier{};  ///< change of enactments per tier, indexed by model::management_tier
    std::int64_t enactments_total = 0;  ///< change of all enactments
    std::int64_t managers_total = 0;    ///< change of distinct managers who enacted a practice
    std::vector<model::management_tier>
        tiers_started;  ///< tiers with no enactment before and some after
    std::vector<model::management_tier>
        tiers_stopped;  ///< tiers with enactments before and none after
    std::array<std::int64_t, indicator_count> indicators{};  ///< change of how often each fired
    std::int64_t flagged_advisors = 0;  ///< change of advisors with at least one indicator
    std::int64_t flagged_teams = 0;     ///< change of teams with at least one team indicator

    /// @{
    /// Changes of the network_summary counts of the same names; unset unless both waves have a
    /// network summary.
    std::optional<std::int64_t> people, ties, events, advisors_reaching_decision_makers, brokers;
    /// @}
    std::optional<double> density;  ///< change of density, in [-1, 1]; unset as the counts above
};

/// One snapshot per wave and the change between consecutive waves.
struct wave_report {
    std::string scope;                 ///< the filter's label
    std::vector<wave_snapshot> waves;  ///< in window order
    std::vector<wave_change> changes;  ///< waves[i] to waves[i+1]
};

/// The analyses of one wave, for the cases of `scope` (its window and wave are ignored).
/// Throws partnerqi::invalid_request_error for an unknown wave or case.
[[nodiscard]] PARTNERQI_EXPORT wave_snapshot wave_snapshot_of(const model::case_study& study,
                                                              model::wave_id wave,
                                                              const filter& scope = {},
                                                              const period_options& options = {});

/// What changed from `before` to `after`.
[[nodiscard]] PARTNERQI_EXPORT wave_change compare_waves(const wave_snapshot& before,
                                                         const wave_snapshot& after);

/// Every wave of the study (those overlapping the filter's window or wave, when set), for the
/// filter's case, with the changes between consecutive waves. A study without waves gives an
/// empty report. Costs one pass over the records per wave.
[[nodiscard]] PARTNERQI_EXPORT wave_report wave_analysis(const model::case_study& study,
                                                         const filter& scope = {},
                                                         const period_options& options = {});

/// The report as text: measures as rows, waves as columns, then the changes.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const wave_report& report);

/// The report as CSV (RFC 4180), long format: `wave,measure,value`, then `change,measure,value`
/// rows whose first field is "W1->W2".
PARTNERQI_EXPORT void write_csv(std::ostream& out, const wave_report& report);

}  // namespace partnerqi::analysis
