/// @file
/// The summary: every analysis of a case study for one filter, rendered as readable text (what
/// the command-line `report` prints).
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/analysis/agreement.hpp"
#include "partnerqi/analysis/coding.hpp"
#include "partnerqi/analysis/comparison.hpp"
#include "partnerqi/analysis/evaluation_loop.hpp"
#include "partnerqi/analysis/evidence.hpp"
#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/analysis/network_summary.hpp"
#include "partnerqi/analysis/practice_matrix.hpp"
#include "partnerqi/analysis/profile.hpp"
#include "partnerqi/analysis/tokenism_audit.hpp"
#include "partnerqi/analysis/waves.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/progress.hpp"

namespace partnerqi::analysis {

/// What the summary runs, and with which options.
struct summary_options {
    filter scope;                    ///< the part of the study every analysis looks at
    practice_matrix_options matrix;  ///< for the practice x tier matrix
    evaluation_loop_options loop;    ///< for the evaluation loop
    period_options periods;          ///< audit and network options, also used per wave and per case
    bool waves =
        true;  ///< per-wave analyses and changes (when the study has waves and no wave is chosen)
    bool cases = true;   ///< cases side by side (when two or more cases are in scope)
    bool coding = true;  ///< coding queries (when the study has coded segments)
    /// The unit, coders and bootstrap of the agreement between coders (its scope is `scope`).
    agreement_options agreement;
    /// Waves and cases are put side by side only up to this many columns: each column costs a
    /// pass over the study, so the cap keeps the summary near-linear on studies with many
    /// organizations (call wave_analysis or compare_cases on a selection for more).
    std::size_t max_columns = 12;
    /// Progress, in analyses done, as "analysing", and the flag that stops the summary between
    /// two analyses with partnerqi::cancelled (see partnerqi/progress.hpp).
    run_control control;
};

/// Every analysis of a case study for one filter.
struct study_summary {
    std::string title;               ///< the study's title
    std::string scope;               ///< the filter's label
    case_study_profile profile;      ///< of the whole study, whatever the filter
    practice_matrix_report matrix;   ///< per case and pooled
    every_tier_check every_tier;     ///< on the pooled table
    tokenism_audit_report audit;     ///< the full audit of the scope
    evaluation_loop_report loop;     ///< the evaluation loop of the scope
    evaluation_summary evaluations;  ///< evaluation responses by domain, team and wave
    influence_summary influence;     ///< the influence log per advisor, team and wave
    std::optional<partnerqi::network::network_summary>
        network;  ///< unset when period_options::with_network is off
    /// Each patient advisor's voice path to a decision-maker of the network's decision-maker
    /// tiers, or why there is none (network::voice_paths_text()); empty when `network` is unset.
    std::vector<std::string> voice_paths;
    /// The tiers whose managers count as decision-makers for `voice_paths`.
    std::vector<model::management_tier> decision_maker_tiers;
    std::optional<wave_report>
        waves;  ///< unset when off, a wave is chosen, the study has none, or too many
    std::optional<case_comparison>
        cases;  ///< unset when off, a case is chosen, fewer than two, or too many
    std::optional<code_frequency_table>
        frequencies;                           ///< unset when coding is off or nothing is coded
    std::optional<code_matrix> codes_by_tier;  ///< matrix coding by tier; unset as `frequencies`
    std::optional<cooccurrence_table> cooccurrence;  ///< unset as `frequencies`
    /// Agreement between every coder in scope (or those of summary_options::agreement); unset
    /// as `frequencies`; "not assessable" when fewer than two coders coded a source in scope.
    std::optional<agreement_report> agreement;
    std::optional<evidence_report> evidence;  ///< unset when coding is off
    /// Why waves or cases were left out, e.g. "40 cases: more than the 12 columns a summary shows".
    std::vector<std::string> notes;
};

/// Runs every analysis for the filter. Near-linear in the size of the study for each wave and
/// case it covers. Throws partnerqi::invalid_request_error for a bad filter or options.
[[nodiscard]] PARTNERQI_EXPORT study_summary summary(const model::case_study& study,
                                                     const summary_options& options = {});

/// The summary as readable text: profile, matrix and check, audit, evaluation loop, evaluation
/// responses, influence log, network,
/// waves, cases and coding, each under a heading, then the sources (bibliography_text()).
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const study_summary& summary);

/// One table of a summary as a CSV file: its file name and what writes it.
struct csv_table {
    std::string_view file_name;                ///< e.g. "tokenism-audit.csv"
    std::function<void(std::ostream&)> write;  ///< its write_csv(); refers to the summary
};

/// Every table the summary holds, in the order of to_text(), each with its CSV file name:
/// practice-matrix.csv, tokenism-audit.csv, evaluation-loop.csv, evaluation-summary.csv,
/// influence-log.csv, then those present of
/// network-summary.csv, waves.csv, cases.csv, code-frequencies.csv, codes-by-tier.csv,
/// code-cooccurrence.csv, coder-agreement.csv, coder-disagreements.csv and practice-evidence.csv.
/// The write functions refer to `summary`, which must outlive them.
/// @code
/// for (const auto& t : analysis::csv_tables(s)) io::save_csv(dir / t.file_name, t.write);
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT std::vector<csv_table> csv_tables(const study_summary& summary);

}  // namespace partnerqi::analysis
