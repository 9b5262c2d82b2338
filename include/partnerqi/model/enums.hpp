/// @file
/// The closed vocabularies of the model, with their names and conversions both ways.
///
/// Every enum E has `to_string(E)` (the canonical spelling, lower case with hyphens),
/// `parse<E>(text)` (which throws partnerqi::parse_error listing the accepted spellings), and
/// `enum_traits<E>::values` (every value, in order), through the mechanism every public enum of
/// partnerqi shares (partnerqi/enum_traits.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "partnerqi/enum_traits.hpp"
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
    designing,              ///< designing the partnership approach
    structuring,            ///< structuring the partnership
    managing_integration,   ///< managing advisor integration in QI
    evaluating_integration  ///< evaluating advisor integration
};

/// The Montreal model's continuum of engagement, ordered from lowest to highest.
enum class engagement_level : std::uint8_t {
    information,
    consultation,
    collaboration,
    partnership
};

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

/// What a QI activity does with advisors. The first four are the kinds of QI activity the seed
/// study's Background names; `education` is a library extension, not one of them.
enum class activity_kind : std::uint8_t {
    defining_quality_criteria,  ///< defining quality criteria for care and services
    co_designing_care_process,  ///< co-designing care processes
    improvement_project,        ///< developing improvement projects
    giving_feedback_on_care,    ///< giving feedback on the quality of care and services
    education,                  ///< educational activities (a library extension)
    other                       ///< any other kind, or not classified (the study gives no kind)
};

/// The level at which a QI team works.
enum class team_level : std::uint8_t { clinical_team, organizational_committee, system };

/// The kind of a data source in a case study.
enum class source_kind : std::uint8_t { interview, focus_group, document, observation };

/// Who took part in a focus group.
enum class group_composition : std::uint8_t {
    patients,
    providers,
    patients_and_providers,
    managers,
    mixed
};

/// Where a record comes from.
enum class provenance : std::uint8_t {
    reported,      ///< reported by a published source (the seed study)
    user_entered,  ///< entered by the user of the library
    illustrative   ///< invented for an example; not a fact
};

/// The setting an organization serves.
enum class setting : std::uint8_t { rural, urban, semi_urban, mixed };

/// Carman et al. (2013): the continuum of patient engagement.
enum class carman_level : std::uint8_t {
    consultation,
    involvement,
    partnership_and_shared_leadership
};

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

/// The engagement-evaluation instrument an evaluation item belongs to.
///
/// PPEET: Abelson et al. 2016, Health Expect 19(4):817-827, doi:10.1111/hex.12378 (three
/// questionnaires, four principles). PEIRS-22: Hamilton et al. 2021, Health Expect
/// 24(3):863-879, doi:10.1111/hex.13227, built on the framework of Hamilton et al. 2018, Health
/// Expect 21(1):396-406, doi:10.1111/hex.12635.
enum class evaluation_instrument : std::uint8_t {
    ppeet_participant,   ///< PPEET participant questionnaire (patients, citizens, families)
    ppeet_project,       ///< PPEET project questionnaire (those who run the engagement)
    ppeet_organization,  ///< PPEET organization questionnaire (executives, board members)
    peirs_22,            ///< the 22-item Patient Engagement In Research Scale
    user_defined         ///< an instrument of the user's own
};

/// What an advisor brought to a team: the first step of the influence log.
enum class input_kind : std::uint8_t { proposal, concern, question };

/// The decision taken on an advisor's input.
enum class decision_outcome : std::uint8_t {
    adopted,   ///< taken up as proposed
    adapted,   ///< taken up in a changed form
    deferred,  ///< postponed; no decision on the substance yet
    rejected   ///< not taken up
};

/// Where an adopted or adapted input changed something.
enum class change_kind : std::uint8_t { care_process, document, policy, qi_plan };

}  // namespace partnerqi::model

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(model::management_tier, 3, model::management_tier::top_level,
                             model::management_tier::mid_level, model::management_tier::front_line)
PARTNERQI_DETAIL_ENUM_TRAITS(model::person_role, 7, model::person_role::patient_advisor,
                             model::person_role::provider, model::person_role::manager,
                             model::person_role::partnership_coordinator, model::person_role::coach,
                             model::person_role::researcher, model::person_role::other)
PARTNERQI_DETAIL_ENUM_TRAITS(model::practice_category, 4, model::practice_category::designing,
                             model::practice_category::structuring,
                             model::practice_category::managing_integration,
                             model::practice_category::evaluating_integration)
PARTNERQI_DETAIL_ENUM_TRAITS(model::engagement_level, 4, model::engagement_level::information,
                             model::engagement_level::consultation,
                             model::engagement_level::collaboration,
                             model::engagement_level::partnership)
PARTNERQI_DETAIL_ENUM_TRAITS(model::engagement_kind, 12, model::engagement_kind::recruits,
                             model::engagement_kind::trains, model::engagement_kind::prepares,
                             model::engagement_kind::coaches, model::engagement_kind::supports,
                             model::engagement_kind::informs, model::engagement_kind::consults,
                             model::engagement_kind::co_designs_with,
                             model::engagement_kind::gives_feedback_to,
                             model::engagement_kind::evaluates, model::engagement_kind::reports_to,
                             model::engagement_kind::other)
PARTNERQI_DETAIL_ENUM_TRAITS(model::activity_level, 2, model::activity_level::clinical_team,
                             model::activity_level::other)
PARTNERQI_DETAIL_ENUM_TRAITS(model::activity_kind, 6,
                             model::activity_kind::defining_quality_criteria,
                             model::activity_kind::co_designing_care_process,
                             model::activity_kind::improvement_project,
                             model::activity_kind::giving_feedback_on_care,
                             model::activity_kind::education, model::activity_kind::other)
PARTNERQI_DETAIL_ENUM_TRAITS(model::team_level, 3, model::team_level::clinical_team,
                             model::team_level::organizational_committee, model::team_level::system)
PARTNERQI_DETAIL_ENUM_TRAITS(model::source_kind, 4, model::source_kind::interview,
                             model::source_kind::focus_group, model::source_kind::document,
                             model::source_kind::observation)
PARTNERQI_DETAIL_ENUM_TRAITS(model::group_composition, 5, model::group_composition::patients,
                             model::group_composition::providers,
                             model::group_composition::patients_and_providers,
                             model::group_composition::managers, model::group_composition::mixed)
PARTNERQI_DETAIL_ENUM_TRAITS(model::provenance, 3, model::provenance::reported,
                             model::provenance::user_entered, model::provenance::illustrative)
PARTNERQI_DETAIL_ENUM_TRAITS(model::setting, 4, model::setting::rural, model::setting::urban,
                             model::setting::semi_urban, model::setting::mixed)
PARTNERQI_DETAIL_ENUM_TRAITS(model::carman_level, 3, model::carman_level::consultation,
                             model::carman_level::involvement,
                             model::carman_level::partnership_and_shared_leadership)
PARTNERQI_DETAIL_ENUM_TRAITS(model::iap2_level, 5, model::iap2_level::inform,
                             model::iap2_level::consult, model::iap2_level::involve,
                             model::iap2_level::collaborate, model::iap2_level::empower)
PARTNERQI_DETAIL_ENUM_TRAITS(model::arnstein_rung, 8, model::arnstein_rung::manipulation,
                             model::arnstein_rung::therapy, model::arnstein_rung::informing,
                             model::arnstein_rung::consultation, model::arnstein_rung::placation,
                             model::arnstein_rung::partnership,
                             model::arnstein_rung::delegated_power,
                             model::arnstein_rung::citizen_control)
PARTNERQI_DETAIL_ENUM_TRAITS(model::arnstein_group, 3, model::arnstein_group::nonparticipation,
                             model::arnstein_group::tokenism, model::arnstein_group::citizen_power)
PARTNERQI_DETAIL_ENUM_TRAITS(model::evaluation_instrument, 5,
                             model::evaluation_instrument::ppeet_participant,
                             model::evaluation_instrument::ppeet_project,
                             model::evaluation_instrument::ppeet_organization,
                             model::evaluation_instrument::peirs_22,
                             model::evaluation_instrument::user_defined)
PARTNERQI_DETAIL_ENUM_TRAITS(model::input_kind, 3, model::input_kind::proposal,
                             model::input_kind::concern, model::input_kind::question)
PARTNERQI_DETAIL_ENUM_TRAITS(model::decision_outcome, 4, model::decision_outcome::adopted,
                             model::decision_outcome::adapted, model::decision_outcome::deferred,
                             model::decision_outcome::rejected)
PARTNERQI_DETAIL_ENUM_TRAITS(model::change_kind, 4, model::change_kind::care_process,
                             model::change_kind::document, model::change_kind::policy,
                             model::change_kind::qi_plan)
}  // namespace partnerqi

namespace partnerqi::model {

// The traits, parse and is_valid of every enum, under the names the model has always used.
using partnerqi::accepted_spellings;
using partnerqi::enum_traits;
using partnerqi::is_valid;
using partnerqi::parse;

// Declares to_string(E) for one enum. The `/** */` comment documents what it generates, once
// for every enum: Doxygen expands the macro and substitutes E.
#define PARTNERQI_DETAIL_ENUM_TO_STRING(E)                                                 \
    /** @brief The canonical spelling of `value`, an E: its enumerator's name with hyphens \
        for underscores, as files and tables write it and parse<E> reads it back.          \
        Returns "invalid" for a value that is not an enumerator (see is_valid). */         \
    [[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(E value) noexcept;

PARTNERQI_DETAIL_ENUM_TO_STRING(management_tier)
PARTNERQI_DETAIL_ENUM_TO_STRING(person_role)
PARTNERQI_DETAIL_ENUM_TO_STRING(practice_category)
PARTNERQI_DETAIL_ENUM_TO_STRING(engagement_level)
PARTNERQI_DETAIL_ENUM_TO_STRING(engagement_kind)
PARTNERQI_DETAIL_ENUM_TO_STRING(activity_level)
PARTNERQI_DETAIL_ENUM_TO_STRING(activity_kind)
PARTNERQI_DETAIL_ENUM_TO_STRING(team_level)
PARTNERQI_DETAIL_ENUM_TO_STRING(source_kind)
PARTNERQI_DETAIL_ENUM_TO_STRING(group_composition)
PARTNERQI_DETAIL_ENUM_TO_STRING(provenance)
PARTNERQI_DETAIL_ENUM_TO_STRING(setting)
PARTNERQI_DETAIL_ENUM_TO_STRING(carman_level)
PARTNERQI_DETAIL_ENUM_TO_STRING(iap2_level)
PARTNERQI_DETAIL_ENUM_TO_STRING(arnstein_rung)
PARTNERQI_DETAIL_ENUM_TO_STRING(arnstein_group)
PARTNERQI_DETAIL_ENUM_TO_STRING(evaluation_instrument)
PARTNERQI_DETAIL_ENUM_TO_STRING(input_kind)
PARTNERQI_DETAIL_ENUM_TO_STRING(decision_outcome)
PARTNERQI_DETAIL_ENUM_TO_STRING(change_kind)
#undef PARTNERQI_DETAIL_ENUM_TO_STRING

/// What a practice category is for, in the study's words.
[[nodiscard]] PARTNERQI_EXPORT std::string_view purpose(practice_category category) noexcept;
/// True for designing and structuring: the study reports they rest on typical
/// change-management practices.
[[nodiscard]] PARTNERQI_EXPORT bool is_typical_change_management(
    practice_category category) noexcept;
/// True for managing and evaluating integration: the study reports they need new daily
/// practices from managers.
[[nodiscard]] PARTNERQI_EXPORT bool is_new_daily_practice(practice_category category) noexcept;

/// One mapping between the engagement scales, used by every analysis (the tokenism audit's
/// ceiling included, see tokenism_ceiling()). The levels of the Montreal continuum (Pomey et al.
/// 2015, Sante Publique, PMID 26168616) map to the IAP2 spectrum by what the public is promised
/// (IAP2 Spectrum of Public Participation), and IAP2 levels map to Arnstein's rungs (Arnstein
/// 1969, doi:10.1080/01944366908977225) by who holds the decision: inform <-> informing,
/// consult <-> consultation, involve <-> placation, collaborate <-> partnership, empower <->
/// delegated power. The crosswalk is a library heuristic: the frameworks were not designed to be
/// aligned, and analysis::scale_mapping_references() lists their full references.
///
/// Approximate place of a Montreal-continuum level on Carman et al.'s continuum (Carman et al.
/// 2013, Health Affairs, doi:10.1377/hlthaff.2012.1133): information and consultation ->
/// consultation (Carman has no "information" form), collaboration -> involvement, partnership
/// (co-construction) -> partnership and shared leadership.
[[nodiscard]] PARTNERQI_EXPORT carman_level to_carman(engagement_level level) noexcept;
/// Approximate place on the IAP2 spectrum: information -> inform, consultation -> consult,
/// collaboration -> collaborate (advisors work on the decision with professionals),
/// partnership (co-construction) -> empower.
[[nodiscard]] PARTNERQI_EXPORT iap2_level to_iap2(engagement_level level) noexcept;
/// Approximate rung of Arnstein's ladder for an IAP2 level: inform -> informing, consult ->
/// consultation, involve -> placation (advice is sought, power stays with professionals),
/// collaborate -> partnership, empower -> delegated power.
[[nodiscard]] PARTNERQI_EXPORT arnstein_rung to_arnstein(iap2_level level) noexcept;
/// Approximate rung of Arnstein's ladder for a Montreal level, through its IAP2 level:
/// information -> informing, consultation -> consultation, collaboration -> partnership,
/// partnership -> delegated power.
[[nodiscard]] PARTNERQI_EXPORT arnstein_rung to_arnstein(engagement_level level) noexcept;
/// The group of a rung: manipulation and therapy are non-participation; informing,
/// consultation and placation are Arnstein's "degrees of tokenism"; the rest citizen power.
[[nodiscard]] PARTNERQI_EXPORT arnstein_group group_of(arnstein_rung rung) noexcept;
/// True when the level maps onto one of Arnstein's tokenism rungs.
[[nodiscard]] PARTNERQI_EXPORT bool is_tokenism_rung(engagement_level level) noexcept;
/// The highest Montreal level that still maps onto one of Arnstein's tokenism rungs
/// (consultation): the tokenism audit's default ceiling comes from here, so the audit and the
/// scale mapping cannot disagree.
[[nodiscard]] PARTNERQI_EXPORT engagement_level tokenism_ceiling() noexcept;

/// True for adopted and adapted: the decision took the input up, so it can lead to a change.
[[nodiscard]] PARTNERQI_EXPORT bool takes_up(decision_outcome outcome) noexcept;

}  // namespace partnerqi::model
