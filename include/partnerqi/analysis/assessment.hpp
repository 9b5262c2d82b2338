/// @file
/// The three outcomes of every indicator and check of the analyses: flagged, not flagged, or not
/// assessable because the data it needs was not recorded. Missing data is never a finding.
#pragma once

#include <cstdint>
#include <string_view>

#include "partnerqi/enum_traits.hpp"
#include "partnerqi/export.hpp"

namespace partnerqi::analysis {

/// The outcome of one indicator or check for one subject.
enum class assessment : std::uint8_t {
    flagged,         ///< the data needed was recorded and it shows what the indicator looks for
    not_flagged,     ///< the data needed was recorded and it does not show it
    not_assessable,  ///< the data needed was not recorded; the outcome names what is missing
};

}  // namespace partnerqi::analysis

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(analysis::assessment, 3, analysis::assessment::flagged,
                             analysis::assessment::not_flagged,
                             analysis::assessment::not_assessable)
}  // namespace partnerqi

namespace partnerqi::analysis {

/// The spelling of an assessment: "flagged", "not-flagged" or "not-assessable"; "invalid" for a
/// value that is not an enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(assessment value) noexcept;

}  // namespace partnerqi::analysis
