#include "partnerqi/model/enums.hpp"

namespace partnerqi::model {

std::string_view to_string(management_tier v) noexcept {
    switch (v) {
        case management_tier::top_level: return "top-level";
        case management_tier::mid_level: return "mid-level";
        case management_tier::front_line: return "front-line";
    }
    return "invalid";
}

std::string_view to_string(person_role v) noexcept {
    switch (v) {
        case person_role::patient_advisor: return "patient-advisor";
        case person_role::provider: return "provider";
        case person_role::manager: return "manager";
        case person_role::partnership_coordinator: return "partnership-coordinator";
        case person_role::coach: return "coach";
        case person_role::researcher: return "researcher";
        case person_role::other: return "other";
    }
    return "invalid";
}

std::string_view to_string(practice_category v) noexcept {
    switch (v) {
        case practice_category::designing: return "designing";
        case practice_category::structuring: return "structuring";
        case practice_category::managing_integration: return "managing-integration";
        case practice_category::evaluating_integration: return "evaluating-integration";
    }
    return "invalid";
}

std::string_view to_string(engagement_level v) noexcept {
    switch (v) {
        case engagement_level::information: return "information";
        case engagement_level::consultation: return "consultation";
        case engagement_level::collaboration: return "collaboration";
        case engagement_level::partnership: return "partnership";
    }
    return "invalid";
}

std::string_view to_string(engagement_kind v) noexcept {
    switch (v) {
        case engagement_kind::recruits: return "recruits";
        case engagement_kind::trains: return "trains";
        case engagement_kind::prepares: return "prepares";
        case engagement_kind::coaches: return "coaches";
        case engagement_kind::supports: return "supports";
        case engagement_kind::informs: return "informs";
        case engagement_kind::consults: return "consults";
        case engagement_kind::co_designs_with: return "co-designs-with";
        case engagement_kind::gives_feedback_to: return "gives-feedback-to";
        case engagement_kind::evaluates: return "evaluates";
        case engagement_kind::reports_to: return "reports-to";
        case engagement_kind::other: return "other";
    }
    return "invalid";
}

std::string_view to_string(activity_level v) noexcept {
    switch (v) {
        case activity_level::clinical_team: return "clinical-team";
        case activity_level::other: return "other";
    }
    return "invalid";
}

std::string_view to_string(activity_kind v) noexcept {
    switch (v) {
        case activity_kind::defining_quality_criteria: return "defining-quality-criteria";
        case activity_kind::co_designing_care_process: return "co-designing-care-process";
        case activity_kind::improvement_project: return "improvement-project";
        case activity_kind::giving_feedback_on_care: return "giving-feedback-on-care";
        case activity_kind::education: return "education";
        case activity_kind::other: return "other";
    }
    return "invalid";
}

std::string_view to_string(team_level v) noexcept {
    switch (v) {
        case team_level::clinical_team: return "clinical-team";
        case team_level::organizational_committee: return "organizational-committee";
        case team_level::system: return "system";
    }
    return "invalid";
}

std::string_view to_string(source_kind v) noexcept {
    switch (v) {
        case source_kind::interview: return "interview";
        case source_kind::focus_group: return "focus-group";
        case source_kind::document: return "document";
        case source_kind::observation: return "observation";
    }
    return "invalid";
}

std::string_view to_string(group_composition v) noexcept {
    switch (v) {
        case group_composition::patients: return "patients";
        case group_composition::providers: return "providers";
        case group_composition::patients_and_providers: return "patients-and-providers";
        case group_composition::managers: return "managers";
        case group_composition::mixed: return "mixed";
    }
    return "invalid";
}

std::string_view to_string(provenance v) noexcept {
    switch (v) {
        case provenance::reported: return "reported";
        case provenance::user_entered: return "user-entered";
        case provenance::illustrative: return "illustrative";
    }
    return "invalid";
}

std::string_view to_string(setting v) noexcept {
    switch (v) {
        case setting::rural: return "rural";
        case setting::urban: return "urban";
        case setting::semi_urban: return "semi-urban";
        case setting::mixed: return "mixed";
    }
    return "invalid";
}

std::string_view to_string(carman_level v) noexcept {
    switch (v) {
        case carman_level::consultation: return "consultation";
        case carman_level::involvement: return "involvement";
        case carman_level::partnership_and_shared_leadership:
            return "partnership-and-shared-leadership";
    }
    return "invalid";
}

std::string_view to_string(iap2_level v) noexcept {
    switch (v) {
        case iap2_level::inform: return "inform";
        case iap2_level::consult: return "consult";
        case iap2_level::involve: return "involve";
        case iap2_level::collaborate: return "collaborate";
        case iap2_level::empower: return "empower";
    }
    return "invalid";
}

std::string_view to_string(arnstein_rung v) noexcept {
    switch (v) {
        case arnstein_rung::manipulation: return "manipulation";
        case arnstein_rung::therapy: return "therapy";
        case arnstein_rung::informing: return "informing";
        case arnstein_rung::consultation: return "consultation";
        case arnstein_rung::placation: return "placation";
        case arnstein_rung::partnership: return "partnership";
        case arnstein_rung::delegated_power: return "delegated-power";
        case arnstein_rung::citizen_control: return "citizen-control";
    }
    return "invalid";
}

std::string_view to_string(arnstein_group v) noexcept {
    switch (v) {
        case arnstein_group::nonparticipation: return "nonparticipation";
        case arnstein_group::tokenism: return "tokenism";
        case arnstein_group::citizen_power: return "citizen-power";
    }
    return "invalid";
}

std::string_view to_string(evaluation_instrument v) noexcept {
    switch (v) {
        case evaluation_instrument::ppeet_participant: return "ppeet-participant";
        case evaluation_instrument::ppeet_project: return "ppeet-project";
        case evaluation_instrument::ppeet_organization: return "ppeet-organization";
        case evaluation_instrument::peirs_22: return "peirs-22";
        case evaluation_instrument::user_defined: return "user-defined";
    }
    return "invalid";
}

std::string_view to_string(input_kind v) noexcept {
    switch (v) {
        case input_kind::proposal: return "proposal";
        case input_kind::concern: return "concern";
        case input_kind::question: return "question";
    }
    return "invalid";
}

std::string_view to_string(decision_outcome v) noexcept {
    switch (v) {
        case decision_outcome::adopted: return "adopted";
        case decision_outcome::adapted: return "adapted";
        case decision_outcome::deferred: return "deferred";
        case decision_outcome::rejected: return "rejected";
    }
    return "invalid";
}

std::string_view to_string(change_kind v) noexcept {
    switch (v) {
        case change_kind::care_process: return "care-process";
        case change_kind::document: return "document";
        case change_kind::policy: return "policy";
        case change_kind::qi_plan: return "qi-plan";
    }
    return "invalid";
}

bool takes_up(decision_outcome outcome) noexcept {
    return outcome == decision_outcome::adopted || outcome == decision_outcome::adapted;
}

std::string_view purpose(practice_category c) noexcept {
    switch (c) {
        case practice_category::designing:
            return "designing the patient partnership approach so that it makes sense to the "
                   "entire organization";
        case practice_category::structuring:
            return "structuring patient partnership to support its deployment and sustainability";
        case practice_category::managing_integration:
            return "managing patient advisor integration in quality improvement to avoid "
                   "tokenistic involvement";
        case practice_category::evaluating_integration:
            return "evaluating patient advisor integration to support continuous improvement";
    }
    return "invalid";
}

bool is_typical_change_management(practice_category c) noexcept {
    return c == practice_category::designing || c == practice_category::structuring;
}

bool is_new_daily_practice(practice_category c) noexcept {
    return c == practice_category::managing_integration ||
           c == practice_category::evaluating_integration;
}

carman_level to_carman(engagement_level level) noexcept {
    switch (level) {
        case engagement_level::information:
        case engagement_level::consultation: return carman_level::consultation;
        case engagement_level::collaboration: return carman_level::involvement;
        case engagement_level::partnership: return carman_level::partnership_and_shared_leadership;
    }
    return carman_level::consultation;
}

iap2_level to_iap2(engagement_level level) noexcept {
    switch (level) {
        case engagement_level::information: return iap2_level::inform;
        case engagement_level::consultation: return iap2_level::consult;
        case engagement_level::collaboration: return iap2_level::collaborate;
        case engagement_level::partnership: return iap2_level::empower;
    }
    return iap2_level::inform;
}

arnstein_rung to_arnstein(iap2_level level) noexcept {
    switch (level) {
        case iap2_level::inform: return arnstein_rung::informing;
        case iap2_level::consult: return arnstein_rung::consultation;
        case iap2_level::involve: return arnstein_rung::placation;
        case iap2_level::collaborate: return arnstein_rung::partnership;
        case iap2_level::empower: return arnstein_rung::delegated_power;
    }
    return arnstein_rung::informing;
}

arnstein_rung to_arnstein(engagement_level level) noexcept { return to_arnstein(to_iap2(level)); }

arnstein_group group_of(arnstein_rung rung) noexcept {
    switch (rung) {
        case arnstein_rung::manipulation:
        case arnstein_rung::therapy: return arnstein_group::nonparticipation;
        case arnstein_rung::informing:
        case arnstein_rung::consultation:
        case arnstein_rung::placation: return arnstein_group::tokenism;
        case arnstein_rung::partnership:
        case arnstein_rung::delegated_power:
        case arnstein_rung::citizen_control: return arnstein_group::citizen_power;
    }
    return arnstein_group::nonparticipation;
}

bool is_tokenism_rung(engagement_level level) noexcept {
    return group_of(to_arnstein(level)) == arnstein_group::tokenism;
}

engagement_level tokenism_ceiling() noexcept {
    engagement_level ceiling = engagement_level::information;
    for (engagement_level level : enum_traits<engagement_level>::values)
        if (is_tokenism_rung(level)) ceiling = level;
    return ceiling;
}

}  // namespace partnerqi::model
