/// @file
/// The tokenism audit: named indicators of tokenistic involvement, per patient advisor and per
/// team. The indicators are heuristics drawn from the literature, not findings of the seed study.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/analysis/assessment.hpp"
#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/analysis/references.hpp"
#include "partnerqi/enum_traits.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis {

/// The indicators of the tokenism audit.
enum class indicator : std::uint8_t {
    lone_advisor,               ///< team: fewer advisors than the threshold (default 2)
    never_above_consultation,   ///< advisor: no engagement with a power-holder above the ceiling
    not_prepared_or_supported,  ///< advisor: no manager, coach or coordinator prepared or supported
    no_path_to_decision_maker,  ///< advisor: their voice reaches no top- or mid-level manager
    no_evaluation_on_team,      ///< team: no evaluation response about it in the window
    input_without_impact,       ///< advisor: none of their inputs decided on was taken up
    concentrated_advisors       ///< study: most advisor seats are held by advisors on several teams
};

/// What an indicator is about.
enum class indicator_scope : std::uint8_t { advisor, team, study };

}  // namespace partnerqi::analysis

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(analysis::indicator, 7, analysis::indicator::lone_advisor,
                             analysis::indicator::never_above_consultation,
                             analysis::indicator::not_prepared_or_supported,
                             analysis::indicator::no_path_to_decision_maker,
                             analysis::indicator::no_evaluation_on_team,
                             analysis::indicator::input_without_impact,
                             analysis::indicator::concentrated_advisors)
PARTNERQI_DETAIL_ENUM_TRAITS(analysis::indicator_scope, 3, analysis::indicator_scope::advisor,
                             analysis::indicator_scope::team, analysis::indicator_scope::study)
}  // namespace partnerqi

namespace partnerqi::analysis {

/// The spelling of what an indicator is about: "advisor", "team" or "study"; "invalid" for a
/// value that is not an enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(indicator_scope scope) noexcept;

/// The number of indicators.
inline constexpr std::size_t indicator_count = enum_traits<indicator>::values.size();

/// The fixed description of an indicator.
struct indicator_definition {
    indicator id = indicator::lone_advisor;  ///< the indicator defined
    std::string_view name;                   ///< e.g. "lone-advisor"
    indicator_scope scope =
        indicator_scope::team;   ///< whether it judges an advisor, a team or the study
    std::string_view rationale;  ///< one line: why it may signal tokenism
    std::string_view source;     ///< where the idea comes from, by the keys of bibliography()
    std::string_view threshold_source;  ///< where the default threshold comes from
    std::string_view needs;  ///< the data it needs; without it the indicator is not assessable
    std::array<std::string_view, 3> references;  ///< keys of bibliography(); empty ones unused
};

/// Every indicator, in enum order.
[[nodiscard]] PARTNERQI_EXPORT const std::array<indicator_definition, indicator_count>&
indicator_definitions() noexcept;
/// The definition of one indicator.
[[nodiscard]] PARTNERQI_EXPORT const indicator_definition& definition(indicator id) noexcept;
/// The indicator's name, its spelling, e.g. "lone-advisor"; "invalid" for a value that is not
/// an enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(indicator id) noexcept;
/// The full references an indicator rests on, from bibliography(). Every indicator is a
/// library heuristic: its sources give the idea, the library chose the rule and the threshold.
[[nodiscard]] PARTNERQI_EXPORT std::vector<const reference*> references_of(indicator id);

/// The statement every audit output carries: these are heuristics, not findings of the study.
[[nodiscard]] PARTNERQI_EXPORT std::string_view tokenism_disclaimer() noexcept;

/// True for the roles that hold decision power over care and QI in the audit's sense (managers
/// and providers, Arnstein's "powerholders"): only engagements with them can lift an advisor's
/// engagement level. Peer ties between advisors, and ties with coaches, coordinators,
/// researchers or other roles, do not.
[[nodiscard]] PARTNERQI_EXPORT bool holds_decision_power(model::person_role role) noexcept;
/// True for the roles whose preparing, coaching or supporting counts as support of an advisor:
/// managers, coaches and partnership coordinators.
[[nodiscard]] PARTNERQI_EXPORT bool gives_support(model::person_role role) noexcept;

/// Thresholds and weights of the audit. The defaults follow the indicator definitions.
struct audit_options {
    /// lone-advisor fires when a team has fewer advisors than this (both study teams had two).
    std::size_t min_advisors_per_team = 2;
    /// never-above-consultation fires when no engagement of the advisor with a power-holder
    /// reached above this level; by default the highest level on an Arnstein tokenism rung.
    model::engagement_level consultation_ceiling = model::tokenism_ceiling();
    /// no-path-to-decision-maker looks for a voice path to managers of these tiers.
    std::vector<model::management_tier> decision_maker_tiers{model::management_tier::top_level,
                                                             model::management_tier::mid_level};
    /// concentrated-advisors fires when advisors who sit on two or more teams hold more than this
    /// share of all advisor seats...
    double concentration_share = 0.5;
    /// ...and is assessable only with advisor seats on at least this many teams.
    std::size_t concentration_min_teams = 3;
    /// Weight of each indicator in the scores, indexed by indicator.
    std::array<double, indicator_count> weights{1, 1, 1, 1, 1, 1, 1};
    /// Which indicators run, indexed by indicator.
    std::array<bool, indicator_count> enabled{true, true, true, true, true, true, true};
};

/// The kind of record that triggered an indicator.
enum class record_kind : std::uint8_t { person, team, engagement, enactment, activity, input };

}  // namespace partnerqi::analysis

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(analysis::record_kind, 6, analysis::record_kind::person,
                             analysis::record_kind::team, analysis::record_kind::engagement,
                             analysis::record_kind::enactment, analysis::record_kind::activity,
                             analysis::record_kind::input)
}  // namespace partnerqi

namespace partnerqi::analysis {

/// The spelling of a record kind: "person", "team", "engagement", "enactment", "activity" or
/// "input" (an influence-log entry);
/// "invalid" for a value that is not an enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(record_kind kind) noexcept;

/// A record that triggered an indicator.
struct record_ref {
    record_kind kind = record_kind::person;  ///< which kind of record `id` names
    std::uint32_t id = 0;                    ///< the record's id value
    std::string label;                       ///< its code, for readers

    /// True for the same kind and id; the label is not compared.
    friend bool operator==(const record_ref& a, const record_ref& b) {
        return a.kind == b.kind && a.id == b.id;
    }
};

/// An indicator that fired, with the threshold it used and the records behind it.
struct indicator_hit {
    indicator id = indicator::lone_advisor;  ///< the indicator that fired
    std::string threshold;            ///< the threshold as applied, e.g. "fewer than 2 advisors"
    std::string detail;               ///< what was seen, e.g. "1 advisor: PA-07"
    std::vector<record_ref> records;  ///< the records behind the hit, for checking it by hand
    double weight = 1;                ///< the indicator's weight from audit_options::weights
};

/// An indicator that could not be assessed, and the data it would need.
struct indicator_gap {
    indicator id = indicator::lone_advisor;  ///< the indicator not assessed
    /// What is missing, e.g. "no engagement recorded for PA-02 in 2016-01-01/2016-12-31".
    std::string needed;
};

/// The audit of one patient advisor.
struct PARTNERQI_EXPORT advisor_audit {
    model::person_id advisor;           ///< the patient advisor audited
    std::string code;                   ///< the advisor's code
    std::vector<model::team_id> teams;  ///< teams in scope they sat on during the window
    std::vector<indicator_hit> hits;    ///< the advisor indicators that fired, in indicator order
    std::vector<indicator_gap> gaps;    ///< the advisor indicators not assessable, in order
    std::size_t assessed = 0;           ///< enabled advisor indicators that could be assessed
    double score = 0;  ///< sum of the weights of the indicators that fired (assessed ones only)

    /// True when the indicator fired for this advisor.
    [[nodiscard]] bool fired(indicator id) const noexcept;
    /// The outcome of an advisor indicator; not-flagged for one that is disabled or not about
    /// advisors.
    [[nodiscard]] assessment state(indicator id) const noexcept;
};

/// The audit of one QI team.
struct PARTNERQI_EXPORT team_audit {
    model::team_id team;              ///< the QI team audited
    std::string code;                 ///< the team's code
    std::size_t advisors = 0;         ///< advisors on the team during the window
    std::vector<indicator_hit> hits;  ///< the team indicators that fired, in indicator order
    std::vector<indicator_gap> gaps;  ///< the team indicators not assessable, in order
    std::size_t assessed = 0;         ///< enabled team indicators that could be assessed
    /// The team's own fired weights plus the score of its worst-scoring advisor (none: 0). The
    /// worst advisor, not the sum, so that a team with fewer advisors never scores better for it.
    double score = 0;
    std::string worst_advisor;  ///< code of the advisor whose score was added; empty when none

    /// True when the indicator fired for this team.
    [[nodiscard]] bool fired(indicator id) const noexcept;
    /// The outcome of a team indicator; not-flagged for one that is disabled or not about teams.
    [[nodiscard]] assessment state(indicator id) const noexcept;
};

/// The tokenism audit of a scope.
struct PARTNERQI_EXPORT tokenism_audit_report {
    std::string scope;                      ///< the filter's label
    model::date_window window;              ///< the window the audit looked at
    audit_options options;                  ///< the thresholds and weights the audit used
    std::vector<advisor_audit> advisors;    ///< in person id order
    std::vector<team_audit> teams;          ///< in team id order
    std::vector<indicator_hit> study_hits;  ///< indicators about the whole scope (concentration)
    std::vector<indicator_gap> study_gaps;  ///< study indicators not assessable

    /// The audit of one advisor, or none.
    [[nodiscard]] const advisor_audit* find(model::person_id id) const noexcept;
    /// The audit of one team, or none.
    [[nodiscard]] const team_audit* find(model::team_id id) const noexcept;
};

/// Runs every enabled indicator for the advisors and teams in scope.
///
/// Advisors in scope are people with the patient-advisor role whose organization is in scope or
/// who sit on a team in scope. An indicator whose data was not recorded is not assessable (it
/// names what is missing) and adds nothing to a score: absence of records is never a finding.
/// Engagements, enactments, influence-log inputs and evaluation responses count when dated
/// inside the window (undated activities always count; an undated response when its wave
/// overlaps the window). Linear in the number of records (hash indexes, no nested scans). Throws
/// partnerqi::invalid_request_error for a bad filter or options (k = 0, share outside [0, 1]).
[[nodiscard]] PARTNERQI_EXPORT tokenism_audit_report tokenism_audit(
    const model::case_study& study, const filter& scope = {}, const audit_options& options = {});

/// Counts of an audit, for waves and comparisons.
struct audit_summary {
    std::size_t advisors = 0;          ///< advisors audited
    std::size_t teams = 0;             ///< teams audited
    std::size_t flagged_advisors = 0;  ///< advisors with at least one indicator
    std::size_t flagged_teams = 0;     ///< teams with at least one team indicator
    /// How many advisors, teams or studies each indicator fired for, indexed by indicator.
    std::array<std::size_t, indicator_count> fired{};
    /// How many advisors, teams or studies each indicator could be assessed for.
    std::array<std::size_t, indicator_count> assessed{};
    /// How many advisors, teams or studies each indicator could not be assessed for.
    std::array<std::size_t, indicator_count> not_assessable{};
    double mean_advisor_score = 0;  ///< mean advisor_audit::score; 0 without advisors
    double mean_team_score = 0;     ///< mean team_audit::score; 0 without teams
};

/// The counts of an audit.
[[nodiscard]] PARTNERQI_EXPORT audit_summary summarize(const tokenism_audit_report& report);

/// The audit as text: the disclaimer, the indicators with rationale, sources and threshold, then
/// each team and advisor with its score and how many indicators were assessed, the records
/// behind every hit, and what each indicator not assessable would need.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const tokenism_audit_report& report);

/// The audit as CSV (RFC 4180), one row per subject and enabled indicator about it:
/// `subject_kind,subject,indicator,state,weight,threshold,detail,records,disclaimer`; state is
/// an assessment spelling, detail says what was seen (flagged) or what data is missing (not
/// assessable), records are "kind:label" joined by "; ", and disclaimer is
/// tokenism_disclaimer() on every row, so the file cannot travel without it.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const tokenism_audit_report& report);

}  // namespace partnerqi::analysis
