/// @file
/// The default practice catalog: named sub-practices under the four categories.
#pragma once

#include <string_view>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::model {

/// Where the entries of default_practice_catalog() come from, as listings print it.
inline constexpr std::string_view practice_catalog_source =
    "library heuristic: partnerqi's reading of the patient-partnership literature; the seed "
    "study names the four categories but no sub-practice";

/// The note an adopted catalog entry carries at the end of its description, so that a study
/// says where its practice came from: " [adopted from partnerqi's default practice catalog]".
inline constexpr std::string_view practice_catalog_origin =
    " [adopted from partnerqi's default practice catalog]";

/// The default catalog of sub-practices, every entry marked provenance::illustrative.
///
/// The seed study reports the four categories but no list of sub-practices; these entries are
/// a library heuristic (practice_catalog_source), meant to be edited and extended. `partnerqi
/// catalog` lists them. Codes are prefixed by category: "DES-" designing, "STR-" structuring,
/// "MAN-" managing integration, "EVA-" evaluating integration:
/// DES-vision, DES-align, DES-model, DES-sponsor, STR-office, STR-resources, STR-committees,
/// STR-recruitment, MAN-match, MAN-role, MAN-prepare, MAN-coach, MAN-act-on-input,
/// MAN-share-power, EVA-feedback, EVA-experience, EVA-impact, EVA-lessons. Ids are left empty.
[[nodiscard]] PARTNERQI_EXPORT std::vector<practice> default_practice_catalog();

/// An entry of default_practice_catalog() as a study adopts it: marked `marked`, and unless that
/// is provenance::illustrative, its description ends with practice_catalog_origin.
[[nodiscard]] PARTNERQI_EXPORT practice adopted(practice entry, provenance marked);

/// Adopts every entry of default_practice_catalog() whose code the case study does not have yet,
/// marked `marked` (user-entered by default: the user chose to record them) with the origin
/// note of adopted(). Returns how many were added.
PARTNERQI_EXPORT std::size_t add_default_practice_catalog(
    case_study& study, provenance marked = provenance::user_entered);

}  // namespace partnerqi::model
