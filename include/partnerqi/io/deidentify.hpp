/// @file
/// De-identified copies of a case study, for sharing outside the research team: keyed
/// pseudonyms (coded information) or an anonymized copy with a disclosure-risk report.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/enum_traits.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::io {

/// How far a copy is de-identified. The words follow the TCPS 2 (Canada's Tri-Council Policy
/// Statement: Ethical Conduct for Research Involving Humans, 2022, chapter 5, section A).
enum class deidentify_level : std::uint8_t {
    /// Coded information: people's codes become keyed pseudonyms, names and free texts are
    /// removed; job titles, teams, organizations and dates stay. For a research team that keeps
    /// the key, not for publication.
    pseudonymize,
    /// Anonymized information: on top of pseudonyms, every field the record registry marks as
    /// identifying is removed or generalized, dates are generalized or shifted, and the
    /// disclosure risk of what remains is measured.
    anonymize
};

/// What an anonymized copy does with dates.
enum class date_treatment : std::uint8_t {
    keep,   ///< dates stay as they are
    month,  ///< every date becomes the first day of its month; windows widen to whole months
    year,   ///< every date becomes January 1 of its year; windows widen to whole years. The
            ///< default: HIPAA Safe Harbor (45 CFR 164.514(b)(2)(i)(C)) keeps only the year
    shift   ///< every date moves by one keyed offset of -365 to +365 days, the same for the
            ///< whole study, so that every interval is kept
};

/// What to de-identify, and how.
struct deidentify_options {
    deidentify_level level = deidentify_level::anonymize;  ///< pseudonyms only, or anonymized
    /// Dates of an anonymized copy (a pseudonymized copy keeps its dates).
    date_treatment dates = date_treatment::year;
    /// Identifying fields an anonymized copy keeps on purpose, as "table.field" (for example
    /// "teams.clinical_area"); identifying_fields() lists them.
    std::vector<std::string> keep;
    /// The smallest equivalence class an anonymized copy should reach (k-anonymity); at least 2.
    unsigned k = 3;
};

/// One person whose quasi-identifiers are shared by fewer than k people.
struct person_at_risk {
    std::string code;     ///< the person's pseudonym in the copy
    unsigned class_size;  ///< how many people share the person's quasi-identifiers
};

/// The disclosure risk of what a copy still shows, measured as ARX and sdcMicro do for
/// k-anonymity (Sweeney, "k-anonymity: a model for protecting privacy", International Journal of
/// Uncertainty, Fuzziness and Knowledge-Based Systems 10(5), 2002, doi:10.1142/S0218488502001648;
/// Templ, Kowarik and Meindl, "Statistical disclosure control for micro-data using the R package
/// sdcMicro", Journal of Statistical Software 67(4), 2015, doi:10.18637/jss.v067.i04).
struct disclosure_risk {
    /// The quasi-identifiers compared: organization, role, tier, profession group and the
    /// pattern of team memberships.
    std::vector<std::string> quasi_identifiers;
    unsigned threshold = 0;       ///< the k asked for
    unsigned smallest_class = 0;  ///< the smallest equivalence class; 0 for a study with no people
    std::vector<person_at_risk> at_risk;  ///< people in classes smaller than the threshold
    /// What was generalized, removed or suppressed, one line each, in the order it was done.
    std::vector<std::string> actions;
    /// True when every person's class has at least `threshold` people.
    [[nodiscard]] bool meets_threshold() const noexcept { return at_risk.empty(); }
};

/// A de-identified copy and what was done to make it.
struct deidentified {
    model::case_study study;  ///< the copy
    disclosure_risk risk;     ///< what it still shows, measured on the copy
};

/// The identifying fields of every record kind, as "table.field", in registry order: what
/// deidentify_options::keep accepts.
[[nodiscard]] PARTNERQI_EXPORT std::vector<std::string> identifying_fields();

/// A de-identified copy of `study` under the secret `salt`.
///
/// Both levels:
/// - Each person's code becomes a stable pseudonym, "P-" + a role prefix + "-" + hexadecimal
///   digits of HMAC-SHA-256(salt, code) (OpenSSL's libcrypto): the same study and salt always
///   give the same pseudonyms, and without the salt they cannot be traced back to the codes.
///   Role prefixes: PA patient advisor, PV provider, MG manager, PC partnership coordinator,
///   CO coach, RS researcher, OT other.
/// - Personal data (display names) and free texts (notes, memo texts, data-source titles and
///   texts, quotes of coded segments) are removed, except, at the pseudonymize level, the note
///   of a record marked illustrative: it says what was invented or assumed (an assumed tier),
///   so it is kept, scrubbed of codes and names, for the caveat to travel with the copy.
/// - Every person's code or display name, and at the anonymize level every original value of an
///   identifying field, still found in a text that is kept (a memo title, a wave label, the
///   study's title) is replaced, in one pass, by its pseudonym or generalized value, or by
///   "[removed]". Values shorter than three characters are not searched for.
///
/// At the anonymize level, every field marked field_use::identifying, unless named in
/// `options.keep`, is generalized from this vocabulary or removed:
/// - organizations: code "ORG-A", "ORG-B", ...; name "Organization A", ...; region, programme
///   and partnership model removed;
/// - teams: code "TEAM-1", ...; name "Team 1", ...; clinical area and unit removed;
/// - activities: code "ACT-1", ...; title "Activity 1", ...;
/// - cases: code "CASE-1", ...; label "Case 1", ...;
/// - people: job title (role_label) replaced by the role and tier ("mid-level manager",
///   "patient advisor"); profession replaced by its group: "physician", "nurse", "allied
///   health professional", "administrative staff" or "other profession" (a library vocabulary,
///   matched on words such as "psychiatr", "nurs", "social work");
/// - team memberships: the role in the team replaced by the member's role;
/// - coders: "coder 1", "coder 2", ... in order of first appearance;
/// - dates as `options.dates` says.
/// Then the disclosure risk is measured; people below the threshold first lose their
/// profession group (local suppression, as sdcMicro's localSuppression does); the remaining
/// quasi-identifiers (organization, role, tier, teams) carry the analyses and are never
/// suppressed, so a copy may still miss the threshold: risk.meets_threshold() says so, and the
/// command-line tool then refuses to write it unless told --accept-risk.
///
/// Ids, structure, enums and the analyses' inputs stay, so analyses give the same results
/// (on generalized dates, the same as far as the dates allow).
///
/// Throws partnerqi::invalid_request_error when `salt` is empty (the pseudonyms of short,
/// guessable codes could be recomputed by anyone), when `options.keep` names a field that is
/// not identifying, or when `options.k` is below 2.
/// @code
/// io::deidentified shared = io::deidentify(study, secret_salt, io::deidentify_options{});
/// if (shared.risk.meets_threshold()) io::save(shared.study, "study-anonymized.pqi");
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT deidentified deidentify(const model::case_study& study,
                                                       std::string_view salt,
                                                       const deidentify_options& options);

/// The pseudonymized copy of `study`: deidentify() at deidentify_level::pseudonymize.
[[nodiscard]] PARTNERQI_EXPORT model::case_study deidentify(const model::case_study& study,
                                                            std::string_view salt);

/// "pseudonymize" or "anonymize".
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(deidentify_level level) noexcept;
/// "keep", "month", "year" or "shift".
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(date_treatment dates) noexcept;

}  // namespace partnerqi::io

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(io::deidentify_level, 2, io::deidentify_level::pseudonymize,
                             io::deidentify_level::anonymize)
PARTNERQI_DETAIL_ENUM_TRAITS(io::date_treatment, 4, io::date_treatment::keep,
                             io::date_treatment::month, io::date_treatment::year,
                             io::date_treatment::shift)
}  // namespace partnerqi
