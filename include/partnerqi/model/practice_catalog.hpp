/// @file
/// The default practice catalog: named sub-practices under the four categories.
#pragma once

#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::model {

/// The default catalog of sub-practices, every entry marked provenance::illustrative.
///
/// The seed study reports the four categories but no list of sub-practices; these entries come
/// from the wider patient-partnership literature and are meant to be edited and extended.
/// Codes are prefixed by category: "DES-", "STR-", "MAN-", "EVA-". Ids are left empty.
[[nodiscard]] PARTNERQI_EXPORT std::vector<practice> default_practice_catalog();

/// Adds every entry of default_practice_catalog() whose code the case study does not have yet.
/// Returns how many were added.
PARTNERQI_EXPORT std::size_t add_default_practice_catalog(case_study& study);

}  // namespace partnerqi::model
