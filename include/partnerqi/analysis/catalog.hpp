/// @file
/// The practice catalog as a listing: the sub-practices a study can record enactments of, with
/// their code, category, tier, name, description and source (`partnerqi catalog` prints it).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/records.hpp"

namespace partnerqi::analysis {

/// The catalog as readable text, one practice per row (code, category, tier, name and
/// description, wrapped to 100 columns), after a line naming where the entries come from. The
/// tier column says "every": the catalog ties no practice to a tier, since the seed study found
/// managers at every tier in each category (the practice x tier matrix counts who enacted
/// what).
/// @code
/// std::cout << analysis::catalog_text(model::default_practice_catalog());
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT std::string catalog_text(
    const std::vector<model::practice>& catalog);

/// The catalog as CSV: a header `code,category,tier,name,description,provenance,source`, then
/// one row per practice; `source` is model::practice_catalog_source for an entry of the default
/// catalog (same code, name and description), "case study" otherwise.
PARTNERQI_EXPORT void write_catalog_csv(std::ostream& out,
                                        const std::vector<model::practice>& catalog);

}  // namespace partnerqi::analysis
