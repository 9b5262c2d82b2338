// Private: short readable labels of records, for the records an analysis points at.
#pragma once

#include <string>

#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis::detail {

/// "FROM -> TO (kind, level, date)".
inline std::string label_of(const model::case_study& study, const model::engagement& e) {
    return study.code_of(e.from) + " -> " + study.code_of(e.to) + " (" +
           std::string(to_string(e.kind)) + ", " + std::string(to_string(e.level)) + ", " +
           e.on.to_iso() + ")";
}

/// "PRACTICE by MANAGER on DATE".
inline std::string label_of(const model::case_study& study, const model::practice_enactment& e) {
    return study.get(e.practice).code + " by " + study.code_of(e.manager) + " on " + e.on.to_iso();
}

}  // namespace partnerqi::analysis::detail
