/// @file
/// De-identified copies of a case study, for sharing outside the research team.
#pragma once

#include <string_view>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::io {

/// A copy of `study` with the people made anonymous and the free texts removed.
///
/// - Each person's code becomes a stable pseudonym, "P-" + a role prefix + "-" + hexadecimal
///   digits of HMAC-SHA-256(salt, code): the same study and salt always give the same
///   pseudonyms, and without the salt they cannot be traced back to the codes. Role prefixes:
///   PA patient advisor, PV provider, MG manager, PC partnership coordinator, CO coach,
///   RS researcher, OT other.
/// - Display names are removed.
/// - Notes, memo texts, data-source titles and texts, and coded-segment texts are emptied.
/// - Any person's code or display name (three characters or longer) still found in another
///   text (a team name, a label, a memo title) is replaced by the pseudonym or by
///   "[name removed]".
/// - Nothing else changes: ids, structure, dates, enums, and the codes of organizations, teams
///   and other records stay as they are, so analyses give the same results.
///
/// Throws partnerqi::invalid_request_error when `salt` is empty: without a secret salt the
/// pseudonyms of short, guessable codes could be recomputed by anyone.
/// @code
/// model::case_study shared = io::deidentify(study, secret_salt);
/// io::save(shared, "study-deidentified.pqi");
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT model::case_study deidentify(const model::case_study& study,
                                                            std::string_view salt);

}  // namespace partnerqi::io
