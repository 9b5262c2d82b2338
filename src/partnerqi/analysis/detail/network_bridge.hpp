// Private: what the analyses ask of the network layer, in the analyses' own terms.
#pragma once

#include <optional>
#include <vector>

#include "partnerqi/analysis/detail/scope.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis::detail {

/// For each advisor, in the given order, whether the advisor's voice reaches a manager of one of
/// `tiers` in the engagement network of the scope's window, each tie followed in the direction
/// its kinds carry voice (network::voice_direction).
std::vector<bool> reaches_decision_maker(const model::case_study& study, const scope& where,
                                         const std::vector<model::person_id>& advisors,
                                         const std::vector<model::management_tier>& tiers);

}  // namespace partnerqi::analysis::detail
