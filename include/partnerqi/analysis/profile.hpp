/// @file
/// A readable profile of a case study: what it holds, and where each record comes from.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis {

/// One member of a QI team in a profile.
struct member_profile {
    std::string code;                         ///< the person's participant code, e.g. "C1-PA1"
    std::optional<std::string> display_name;  ///< personal data; printed only when asked for
    model::person_role role = model::person_role::other;  ///< the person's role in the study
    std::optional<model::management_tier> tier;           ///< set for managers
    std::string role_in_team;  ///< e.g. "medical chief"; empty when not recorded
    bool external = false;     ///< true when the person belongs to another organization
};

/// One QI team in a profile.
struct team_profile {
    model::team_id team;            ///< the team profiled
    std::string code;               ///< the team's code, e.g. "T-MH"
    std::string organization_code;  ///< its organization's code, e.g. "HCO-1"
    std::string name;               ///< e.g. "Mental health QI team"
    std::string clinical_area;      ///< e.g. "mental health"; empty when not recorded
    std::string unit;  ///< e.g. "ambulatory hospital services"; empty when not recorded
    model::team_level level = model::team_level::clinical_team;  ///< where the team works
    std::size_t members = 0;                  ///< memberships, external ones included
    std::size_t advisors = 0;                 ///< members whose role is patient advisor
    std::vector<member_profile> member_list;  ///< the members in the team's order
};

/// One wave of data collection in a profile.
struct wave_profile {
    std::string code;           ///< e.g. "W1"
    std::string label;          ///< e.g. "first wave of interviews"
    model::date_window window;  ///< when it ran
    std::size_t sources = 0;    ///< data sources collected in it
};

/// The counts a profile reports for one organization.
struct organization_profile {
    model::organization_id organization;             ///< the organization profiled
    std::string code;                                ///< its code, e.g. "HCO-1"
    std::string name;                                ///< its name
    model::setting setting = model::setting::urban;  ///< the setting it serves
    std::string program;                             ///< the partnership programme it runs
    std::string region;                              ///< e.g. "Quebec"; empty when not recorded
    std::string partnership_model;  ///< the model it follows, e.g. "Montreal model"
    /// People by role, indexed by model::person_role.
    std::array<std::size_t, 7> people_by_role{};
    /// Managers by tier, indexed by model::management_tier.
    std::array<std::size_t, 3> managers_by_tier{};
    std::size_t clinical_team_activities = 0;  ///< QI activities at the clinical-team level
    std::size_t other_level_activities = 0;    ///< QI activities at another level
};

/// What a case study holds, counted.
struct case_study_profile {
    std::string title;                                ///< the study's title
    model::date_window window;                        ///< the study window
    std::vector<wave_profile> waves;                  ///< in window order
    std::vector<organization_profile> organizations;  ///< in id order
    std::vector<team_profile> teams;                  ///< in id order
    /// Data sources recorded one by one, indexed by model::source_kind.
    std::array<std::size_t, 4> sources_by_kind{};
    /// Known totals whose split may be unknown (e.g. 38 interviews), as recorded.
    std::vector<model::source_total> totals;
    /// Records of every top-level kind by provenance, indexed by model::provenance.
    std::array<std::size_t, 3> records_by_provenance{};
    std::size_t engagements = 0;           ///< engagement records, whatever their date
    std::size_t enactments = 0;            ///< practice enactments, whatever their date
    std::size_t segments = 0;              ///< coded segments
    std::size_t evaluation_items = 0;      ///< items of evaluation instruments
    std::size_t evaluation_responses = 0;  ///< responses to evaluation items
    std::size_t influence_entries = 0;     ///< influence-log entries (advisor inputs)
};

/// Counts what a case study holds.
[[nodiscard]] PARTNERQI_EXPORT case_study_profile profile(const model::case_study& study);

/// What the text of a profile shows.
struct profile_text_options {
    /// Print members' display names next to their codes. Off by default: names are personal
    /// data, and codes suffice to read every other table.
    bool names = false;
};

/// The profile as readable text: the study window and its waves, each organization (setting,
/// program, people by role and tier, activities by level), each team (clinical area, unit,
/// members by role and tier, by code), the sources and known totals, and the records by
/// provenance. Fits 100 columns unless a single word is longer.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const case_study_profile& profile,
                                                   const profile_text_options& options = {});

}  // namespace partnerqi::analysis
