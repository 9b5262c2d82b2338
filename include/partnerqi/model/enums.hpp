/// @file
/// The closed vocabularies of the model, with their names and conversions both ways.
///
/// Every enum E has `to_string(E)` (the canonical spelling, lower case with hyphens),
/// `parse<E>(text)` (which throws partnerqi::parse_error listing the accepted spellings), and
/// `enum_traits<E>::values` (every value, in order).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "partnerqi/error.hpp"
#include "partnerqi/export.hpp"

namespace partnerqi::model {

/// The three tiers of management the study distinguishes.
enum class management_tier : std::uint8_t { top_level, mid_level, front_line };

/// The role a person holds in a case study.
enum class person_role : std::uint8_t {
    patient_advisor,          ///< brings lived experience of care into QI work
    provider,                 ///< a clinician or other professional; see person::profession
    manager,                  ///< holds a management_tier
    partnership_coordinator,  ///< runs the partnership programme day to day
    coach,                    ///< a patient or professional coach of advisors
    researcher,               ///< a member of the research team
    other                     ///< any other role; see person::role_label (e.g. "ICL")
};

/// The four categories of managerial practice the study reports, in the study's order.
enum class practice_category : std::uint8_t {
    designing,               ///< designing the partnership approach
    structuring,             ///< structuring the partnership
    managing_integration,    ///< managing advisor integration in QI
    evaluating_integration   ///< evaluating advisor integration
};

/// The Montreal model's continuum of engagement, ordered from lowest to highest.
enum class engagement_level : std::uint8_t { information, consultation, collaboration, partnership };

/// What one person did with or for another: the kind of a directed engagement.
enum class engagement_kind : std::uint8_t {
    recruits,
    trains,
    prepares,
    coaches,
    supports,
    informs,
    consults,
    co_designs_with,
    gives_feedback_to,
    evaluates,
    reports_to,
    other
};

/// Where a QI activity sits: at the clinical-team level or at another level.
enum class activity_level : std::uint8_t { clinical_team, other };

/// What a QI activity does with advisors.
enum class activity_kind : std::uint8_t {
    defining_quality_criteria,
    co_designing_care_process,
    improvement_project,
    giving_feedback_on_care,
    education,
    other
};

/// The level at which a QI team works.
enum class team_level : std::uint8_t { clinical_team, organizational_committee, system };

/// The kind of a data source in a case study.
enum class source_kind : std::uint8_t { interview, focus_group, document, observation };

/// Who took part in a focus group.
enum class group_composition : std::uint8_t { patients, providers, patients_and_providers, managers, mixed };

/// Where a record comes from.
enum class provenance : std::uint8_t {
    reported,      ///< reported by a published source (the seed study)
    user_entered,  ///< entered by the user of the library
    illustrative   ///< invented for an example; not a fact
};

/// The setting an organization serves.
enum class setting : std::uint8_t { rural, urban, semi_urban, mixed };

/// Carman et al. (2013): the continuum of patient engagement.
enum class carman_level : std::uint8_t { consultation, involvement, partnership_and_shared_leadership };

/// The IAP2 Spectrum of Public Participation.
enum class iap2_level : std::uint8_t { inform, consult, involve, collaborate, empower };

/// Arnstein's (1969) ladder of citizen participation, from the lowest rung.
enum class arnstein_rung : std::uint8_t {
    manipulation,
    therapy,
    informing,
    consultation,
    placation,
    partnership,
    delegated_power,
    citizen_control
};

/// The three groups of Arnstein's ladder.
enum class arnstein_group : std::uint8_t { nonparticipation, tokenism, citizen_power };

/// Every value of an enum, in order, and the enum's name in messages.
template <class Enum>
struct enum_traits;

// Declares enum_traits<E> and to_string(E) for one enum. The `/** */` comments document what
// it generates, once for every enum: Doxygen expands the macro and substitutes E and the values.
#define PARTNERQI_DETAIL_ENUM_TRAITS(E, N, ...)                                               \
    /** @brief The N values of E in declaration order, and its name for messages. */         \
    template <>                                                                               \
    struct enum_traits<E> {                                                                   \
        /** @brief The enum's name as parse_error messages print it: unknown E "...". */     \
        static constexpr std::string_view name = #E;                                          \
        /** @brief Every enumerator once, in declaration order, for parse and is_valid. */   \
        static constexpr std::array<E, N> values = {__VA_ARGS__};                             \
    };                                                                                        \
    /** @brief The canonical spelling of `value`, an E: its enumerator's name with hyphens   \
        for underscores, as files and tables write it and parse<E> reads it back.            \
        Returns "invalid" for a value that is not an enumerator (see is_valid). */          \
    [[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(E value) noexcept;

PARTNERQI_DETAIL_ENUM_TRAITS(management_tier, 3, management_tier::top_level,
                             management_tier::mid_level, management_tier::front_line)
PARTNERQI_DETAIL_ENUM_TRAITS(person_role, 7, person_role::patient_advisor, person_role::provider,
                             person_role::manager, person_role::partnership_coordinator,
                             person_role::coach, person_role::researcher, person_role::other)
PARTNERQI_DETAIL_ENUM_TRAITS(practice_category, 4, practice_category::designing,
                             practice_category::structuring,
                             practice_category::managing_integration,
                             practice_category::evaluating_integration)
PARTNERQI_DETAIL_ENUM_TRAITS(engagement_level, 4, engagement_level::information,
                             engagement_level::consultation, engagement_level::collaboration,
                             engagement_level::partnership)
PARTNERQI_DETAIL_ENUM_TRAITS(engagement_kind, 12, engagement_kind::recruits,
                             engagement_kind::trains, engagement_kind::prepares,
                             engagement_kind::coaches, engagement_kind::supports,
                             engagement_kind::informs, engagement_kind::consults,
                             engagement_kind::co_designs_with, engagement_kind::gives_feedback_to,
                             engagement_kind::evaluates, engagement_kind::reports_to,
                             engagement_kind::other)
PARTNERQI_DETAIL_ENUM_TRAITS(activity_level, 2, activity_level::clinical_team, activity_level::other)
PARTNERQI_DETAIL_ENUM_TRAITS(activity_kind, 6, activity_kind::defining_quality_criteria,
                             activity_kind::co_designing_care_process,
                             activity_kind::improvement_project,
                             activity_kind::giving_feedback_on_care, activity_kind::education,
                             activity_kind::other)
PARTNERQI_DETAIL_ENUM_TRAITS(team_level, 3, team_level::clinical_team,
                             team_level::organizational_committee, team_level::system)
PARTNERQI_DETAIL_ENUM_TRAITS(source_kind, 4, source_kind::interview, source_kind::focus_group,
                             source_kind::document, source_kind::observation)
PARTNERQI_DETAIL_ENUM_TRAITS(group_composition, 5, group_composition::patients,
                             group_composition::providers,
                             group_composition::patients_and_providers, group_composition::managers,
                             group_composition::mixed)
PARTNERQI_DETAIL_ENUM_TRAITS(provenance, 3, provenance::reported, provenance::user_entered,
                             provenance::illustrative)
PARTNERQI_DETAIL_ENUM_TRAITS(setting, 4, setting::rural, setting::urban, setting::semi_urban,
                             setting::mixed)
PARTNERQI_DETAIL_ENUM_TRAITS(carman_level, 3, carman_level::consultation, carman_level::involvement,
                             carman_level::partnership_and_shared_leadership)
PARTNERQI_DETAIL_ENUM_TRAITS(iap2_level, 5, iap2_level::inform, iap2_level::consult,
                             iap2_level::involve, iap2_level::collaborate, iap2_level::empower)
PARTNERQI_DETAIL_ENUM_TRAITS(arnstein_rung, 8, arnstein_rung::manipulation, arnstein_rung::therapy,
                             arnstein_rung::informing, arnstein_rung::consultation,
                             arnstein_rung::placation, arnstein_rung::partnership,
                             arnstein_rung::delegated_power, arnstein_rung::citizen_control)
PARTNERQI_DETAIL_ENUM_TRAITS(arnstein_group, 3, arnstein_group::nonparticipation,
                             arnstein_group::tokenism, arnstein_group::citizen_power)
#undef PARTNERQI_DETAIL_ENUM_TRAITS

namespace detail {
[[noreturn]] PARTNERQI_EXPORT void throw_unknown_enum_text(std::string_view enum_name,
                                                           std::string_view text,
                                                           std::string_view accepted);
}  // namespace detail

/// The accepted spellings of an enum, comma separated, for messages and help texts.
template <class Enum>
[[nodiscard]] std::string accepted_spellings() {
    std::string out;
    for (Enum value : enum_traits<Enum>::values) {
        if (!out.empty()) out += ", ";
        out += to_string(value);
    }
    return out;
}

/// Parses the canonical spelling of an enum value (as to_string writes it); also accepts
/// underscores for hyphens. Throws partnerqi::parse_error naming the text and the accepted
/// spellings.
/// @code
/// auto t = parse<management_tier>("front-line");
/// @endcode
template <class Enum>
[[nodiscard]] Enum parse(std::string_view text) {
    for (Enum value : enum_traits<Enum>::values) {
        std::string_view name = to_string(value);
        if (name.size() != text.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i) {
            char c = text[i] == '_' ? '-' : text[i];
            same = (c == name[i]);
        }
        if (same) return value;
    }
    detail::throw_unknown_enum_text(enum_traits<Enum>::name, text, accepted_spellings<Enum>());
}

/// True when `value` is one of the enumerators of Enum (for data read from outside).
template <class Enum>
[[nodiscard]] constexpr bool is_valid(Enum value) noexcept {
    for (Enum v : enum_traits<Enum>::values) {
        if (v == value) return true;
    }
    return false;
}

/// What a practice category is for, in the study's words.
[[nodiscard]] PARTNERQI_EXPORT std::string_view purpose(practice_category category) noexcept;
/// True for designing and structuring: the study reports they rest on typical
/// change-management practices.
[[nodiscard]] PARTNERQI_EXPORT bool is_typical_change_management(practice_category category) noexcept;
/// True for managing and evaluating integration: the study reports they need new daily
/// practices from managers.
[[nodiscard]] PARTNERQI_EXPORT bool is_new_daily_practice(practice_category category) noexcept;

/// Approximate place of a Montreal-continuum level on Carman et al.'s continuum.
///
/// Carman has no "information" form; information maps to consultation, its lowest form.
/// The mapping is approximate: the frameworks were not designed to be aligned.
[[nodiscard]] PARTNERQI_EXPORT carman_level to_carman(engagement_level level) noexcept;
/// Approximate place on the IAP2 spectrum: information -> inform, consultation -> consult,
/// collaboration -> collaborate, partnership (co-construction) -> empower. Approximate.
[[nodiscard]] PARTNERQI_EXPORT iap2_level to_iap2(engagement_level level) noexcept;
/// Approximate rung of Arnstein's ladder: information -> informing, consultation ->
/// consultation, collaboration -> placation (advice is sought but power stays with
/// professionals), partnership -> partnership. Approximate.
[[nodiscard]] PARTNERQI_EXPORT arnstein_rung to_arnstein(engagement_level level) noexcept;
/// The group of a rung: manipulation and therapy are non-participation; informing,
/// consultation and placation are Arnstein's "degrees of tokenism"; the rest citizen power.
[[nodiscard]] PARTNERQI_EXPORT arnstein_group group_of(arnstein_rung rung) noexcept;
/// True when the level maps onto one of Arnstein's tokenism rungs.
[[nodiscard]] PARTNERQI_EXPORT bool is_tokenism_rung(engagement_level level) noexcept;

}  // namespace partnerqi::model
