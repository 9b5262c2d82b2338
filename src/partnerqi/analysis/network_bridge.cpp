#include "partnerqi/analysis/detail/network_bridge.hpp"

namespace partnerqi::analysis::detail {

// Until the network layer is linked in, paths cannot be answered: an empty answer tells the
// audit that the indicator was not evaluated.
std::vector<bool> reaches_decision_maker(const model::case_study&, const scope&,
                                         const std::vector<model::person_id>&,
                                         const std::vector<model::management_tier>&) {
    return {};
}

}  // namespace partnerqi::analysis::detail
