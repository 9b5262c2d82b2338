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

#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis {

/// The indicators of the tokenism audit.
enum class indicator : std::uint8_t {
    lone_advisor,               ///< team: fewer advisors than the threshold (default 2)
    never_above_consultation,   ///< advisor: no engagement above consultation
    not_prepared_or_supported,  ///< advisor: no manager prepared, coached or supported them
    no_path_to_decision_maker,  ///< advisor: no directed path to a top- or mid-level manager
    no_evaluation_on_team,      ///< team: no evaluating practice in the window
    input_without_impact,       ///< advisor: their input reached no activity at collaboration or above
    concentrated_advisors       ///< study: the same few advisors hold most team seats
};

/// The number of indicators.
inline constexpr std::size_t indicator_count = 7;

/// What an indicator is about.
enum class indicator_scope : std::uint8_t { advisor, team, study };

/// The fixed description of an indicator.
struct indicator_definition {
    indicator id = indicator::lone_advisor;
    std::string_view name;       ///< e.g. "lone-advisor"
    indicator_scope scope = indicator_scope::team;
    std::string_view rationale;  ///< one line: why it may signal tokenism
    std::string_view source;     ///< where the idea comes from
};

/// Every indicator, in enum order.
[[nodiscard]] PARTNERQI_EXPORT const std::array<indicator_definition, indicator_count>& indicator_definitions() noexcept;
/// The definition of one indicator.
[[nodiscard]] PARTNERQI_EXPORT const indicator_definition& definition(indicator id) noexcept;
/// The indicator's name, e.g. "lone-advisor".
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(indicator id) noexcept;

/// The statement every audit output carries: these are heuristics, not findings of the study.
[[nodiscard]] PARTNERQI_EXPORT std::string_view tokenism_disclaimer() noexcept;

/// Thresholds and weights of the audit. The defaults follow the indicator definitions.
struct audit_options {
    /// lone-advisor fires when a team has fewer advisors than this (both study teams had two).
    std::size_t min_advisors_per_team = 2;
    /// never-above-consultation fires when no engagement of the advisor reached above this level.
    model::engagement_level consultation_ceiling = model::engagement_level::consultation;
    /// input-without-impact fires when none of the advisor's activities reached this level.
    model::engagement_level impact_level = model::engagement_level::collaboration;
    /// no-path-to-decision-maker looks for a path to managers of these tiers.
    std::vector<model::management_tier> decision_maker_tiers{model::management_tier::top_level,
                                                             model::management_tier::mid_level};
    /// concentrated-advisors: the top k advisors by team seats...
    std::size_t concentration_top_k = 2;
    /// ...hold more than this share of all advisor seats...
    double concentration_share = 0.5;
    /// ...over at least this many teams (one team alone says nothing about concentration).
    std::size_t concentration_min_teams = 2;
    /// Weight of each indicator in the scores, indexed by indicator.
    std::array<double, indicator_count> weights{1, 1, 1, 1, 1, 1, 1};
    /// Which indicators run, indexed by indicator.
    std::array<bool, indicator_count> enabled{true, true, true, true, true, true, true};
};

/// The kind of record that triggered an indicator.
enum class record_kind : std::uint8_t { person, team, engagement, enactment, activity };

/// A record that triggered an indicator.
struct record_ref {
    record_kind kind = record_kind::person;
    std::uint32_t id = 0;  ///< the record's id value
    std::string label;     ///< its code, for readers

    friend bool operator==(const record_ref& a, const record_ref& b) {
        return a.kind == b.kind && a.id == b.id;
    }
};

/// An indicator that fired, with the threshold it used and the records behind it.
struct indicator_hit {
    indicator id = indicator::lone_advisor;
    std::string threshold;  ///< the threshold as applied, e.g. "fewer than 2 advisors"
    std::string detail;     ///< what was seen, e.g. "1 advisor: PA-07"
    std::vector<record_ref> records;
    double weight = 1;
};

/// The audit of one patient advisor.
struct PARTNERQI_EXPORT advisor_audit {
    model::person_id advisor;
    std::string code;
    std::vector<model::team_id> teams;  ///< teams in scope they sat on during the window
    std::vector<indicator_hit> hits;
    double score = 0;  ///< sum of the weights of the indicators that fired

    /// True when the indicator fired for this advisor.
    [[nodiscard]] bool fired(indicator id) const noexcept;
};

/// The audit of one QI team.
struct PARTNERQI_EXPORT team_audit {
    model::team_id team;
    std::string code;
    std::size_t advisors = 0;  ///< advisors on the team during the window
    std::vector<indicator_hit> hits;
    /// Weighted sum of the team's own indicators plus those of its advisors.
    double score = 0;

    /// True when the indicator fired for this team.
    [[nodiscard]] bool fired(indicator id) const noexcept;
};

/// The tokenism audit of a scope.
struct PARTNERQI_EXPORT tokenism_audit_report {
    std::string scope;                    ///< the filter's label
    audit_options options;
    std::vector<advisor_audit> advisors;  ///< in person id order
    std::vector<team_audit> teams;        ///< in team id order
    std::vector<indicator_hit> study_hits;  ///< indicators about the whole scope (concentration)
    /// False when no network layer result was available for no-path-to-decision-maker.
    bool path_indicator_evaluated = false;

    /// The audit of one advisor, or none.
    [[nodiscard]] const advisor_audit* find(model::person_id id) const noexcept;
    /// The audit of one team, or none.
    [[nodiscard]] const team_audit* find(model::team_id id) const noexcept;
};

/// Runs every enabled indicator for the advisors and teams in scope.
///
/// Advisors in scope are people with the patient-advisor role whose organization is in scope or
/// who sit on a team in scope. Engagements, enactments and activities count when dated inside the
/// window (undated activities always count). Linear in the number of records (hash indexes, no
/// nested scans). Throws partnerqi::invalid_request_error for a bad filter or options (k = 0,
/// share outside [0, 1]).
[[nodiscard]] PARTNERQI_EXPORT tokenism_audit_report tokenism_audit(const model::case_study& study,
                                                                  const filter& scope = {},
                                                                  const audit_options& options = {});

/// Counts of an audit, for waves and comparisons.
struct audit_summary {
    std::size_t advisors = 0;
    std::size_t teams = 0;
    std::size_t flagged_advisors = 0;  ///< advisors with at least one indicator
    std::size_t flagged_teams = 0;     ///< teams with at least one team indicator
    /// How many advisors, teams or studies each indicator fired for, indexed by indicator.
    std::array<std::size_t, indicator_count> fired{};
    double mean_advisor_score = 0;
    double mean_team_score = 0;
};

/// The counts of an audit.
[[nodiscard]] PARTNERQI_EXPORT audit_summary summarize(const tokenism_audit_report& report);

/// The audit as text: the disclaimer, the indicators with rationale and threshold, then each
/// flagged team and advisor with the records behind every hit.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const tokenism_audit_report& report);

/// The audit as CSV (RFC 4180), one row per hit:
/// `subject_kind,subject,indicator,weight,threshold,detail,records`; records are
/// "kind:label" joined by "; ". Subjects with no hit get one row with an empty indicator.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const tokenism_audit_report& report);

}  // namespace partnerqi::analysis
