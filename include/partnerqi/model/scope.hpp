/// @file
/// The part of a case study a question looks at (a time window, a wave, a case) and the one
/// rule that turns it into days and cases, shared by the network filter, the analyses and the
/// command-line options.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::model {

/// The part of a case study a question looks at. Every member is optional; an empty scope
/// means the whole study window and every case, pooled. resolve_scope() states the rule.
/// @code
/// model::scope_filter s;
/// s.wave = study.require<wave>("W2");
/// s.study_case = study.require<study_case>("case-1");
/// @endcode
struct scope_filter {
    std::optional<date_window> window;  ///< inside the study window; unset: the study window
    std::optional<wave_id> wave;        ///< narrows the window to the wave's window
    std::optional<case_id> study_case;  ///< unset: every case
};

/// A scope checked against a case study: the days it covers, its cases and a label.
struct resolved_scope {
    date_window window;  ///< the days counted, bounds included
    std::vector<case_id>
        cases;                ///< the cases in scope, in id order (empty when the study has none)
    bool whole_study = true;  ///< true when no case was chosen (every organization counts)
    std::vector<organization_id>
        organizations;  ///< the chosen case's organization; empty for the whole study
    std::string label;  ///< e.g. "case-1, wave W2 (2016-01-01/2016-12-31)"
};

/// Resolves a scope by the library's one rule, which the network filter, every analysis and
/// the command-line options follow:
///
/// - The window starts as the study window. A wave narrows it to the days the wave's window
///   shares with the study window; an explicit window must lie inside the study window and
///   narrows it further, so a wave and a window together keep the days they share. Both bounds
///   of every window are included.
/// - A case keeps that case (and its organization's people, teams and records); no case keeps
///   every case, pooled.
///
/// Throws partnerqi::invalid_request_error naming the id and listing the known codes for an
/// unknown wave or case, naming both windows for a window not inside the study window, and
/// naming the wave and the window when they share no day.
[[nodiscard]] PARTNERQI_EXPORT resolved_scope resolve_scope(const case_study& study,
                                                            const scope_filter& scope);

/// The scope asked for by the values of the command-line options --wave, --case, --from and
/// --to (each optional), resolved by resolve_scope() so that a bad request fails before any
/// work.
///
/// A missing --from or --to stands for the first or last day of the study window. Throws
/// partnerqi::not_found_error naming the code and listing the study's codes for an unknown wave
/// or case, and partnerqi::invalid_request_error when --from is after --to or for a window
/// resolve_scope() refuses.
/// @code
/// auto s = model::scope_from_options(study, std::string("W2"), std::nullopt, std::nullopt,
/// std::nullopt);
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT scope_filter
scope_from_options(const case_study& study, const std::optional<std::string>& wave_code,
                   const std::optional<std::string>& case_code, const std::optional<date>& from,
                   const std::optional<date>& to);

/// The waves of a study in the order of their windows (first day, then last day, then code):
/// the order of every per-wave result.
[[nodiscard]] PARTNERQI_EXPORT std::vector<const wave*> waves_in_window_order(
    const case_study& study);

}  // namespace partnerqi::model
