/// @file
/// What part of a case study an analysis looks at: a time window, a wave, one case.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis {

/// The part of a case study an analysis looks at. Every member is optional; an empty filter
/// means the whole study window and every case, pooled.
///
/// When both `window` and `wave` are set the analysis uses the days they share.
/// @code
/// analysis::filter f;
/// f.wave = *study.find_wave("W2");
/// f.study_case = *study.find_case("case-1");
/// @endcode
struct filter {
    std::optional<model::date_window> window;  ///< unset: the study window
    std::optional<model::wave_id> wave;        ///< narrows the window to the wave's window
    std::optional<model::case_id> study_case;  ///< unset: every case
};

/// A filter checked against a case study: the effective window, the cases it covers and a label.
struct resolved_filter {
    model::date_window window;           ///< the days the analysis counts
    std::vector<model::case_id> cases;   ///< the cases in scope, in id order (empty when the study has none)
    bool whole_study = true;             ///< true when no case was chosen (every organization counts)
    std::string label;                   ///< e.g. "case-1, wave W2 (2016-01-01/2016-12-31)"
};

/// Checks a filter against a study and works out the window and cases it covers.
///
/// Throws partnerqi::invalid_request_error when the wave or the case does not exist, or when the
/// window shares no day with the study window (or with the wave).
[[nodiscard]] PARTNERQI_EXPORT resolved_filter resolve(const model::case_study& study,
                                                       const filter& scope);

}  // namespace partnerqi::analysis
