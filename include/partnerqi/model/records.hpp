/// @file
/// The records of a case study: plain value types, owned and checked by model::case_study.
///
/// Each record has a member `fields()` that ties its members in a fixed order; equality is
/// member-wise through it. Ids are assigned by the case_study when the record is added.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "partnerqi/model/date.hpp"
#include "partnerqi/model/enums.hpp"
#include "partnerqi/model/ids.hpp"

namespace partnerqi::model {

// Ties the members in a fixed order (const and mutable), for equality and for files.
#define PARTNERQI_DETAIL_RECORD_FIELDS(...)                  \
    auto fields() const { return std::tie(__VA_ARGS__); } \
    auto fields() { return std::tie(__VA_ARGS__); }

#define PARTNERQI_DETAIL_RECORD_EQUALITY(T)                                                   \
    friend bool operator==(const T& a, const T& b) { return a.fields() == b.fields(); }       \
    friend bool operator!=(const T& a, const T& b) { return !(a == b); }

/// A healthcare organization taking part in a case study.
struct organization {
    organization_id id;
    std::string code;         ///< stable external code, unique in the case study, e.g. "HCO-1"
    std::string name;         ///< e.g. "Integrated university health and social services centre"
    std::string kind;         ///< free label, e.g. "integrated university health and social services centre"
    model::setting setting = model::setting::urban;
    std::string region;       ///< e.g. "Quebec"
    std::string program;      ///< the partnership programme it runs, e.g. "Partners in Care Program"
    std::string partnership_model;  ///< the model it follows, e.g. "Montreal model"
    model::provenance provenance = model::provenance::user_entered;
    std::string note;         ///< free text (removed by de-identification)

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, name, kind, setting, region, program, partnership_model, provenance, note)
    PARTNERQI_DETAIL_RECORD_EQUALITY(organization)
};

/// A person with one role. Only a manager has a tier, and a manager always has one.
struct person {
    person_id id;
    std::string code;                         ///< participant code, unique, e.g. "M-TOP-03"
    std::optional<std::string> display_name;  ///< personal data; removed by de-identification
    person_role role = person_role::other;
    std::optional<management_tier> tier;      ///< set exactly when role is manager
    std::string profession;                   ///< for providers, e.g. "psychiatrist"
    std::string role_label;                   ///< title or label, e.g. "ICL", "program manager"
    std::optional<organization_id> organization;
    model::provenance provenance = model::provenance::user_entered;
    std::string note;

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, display_name, role, tier, profession, role_label, organization, provenance, note)
    PARTNERQI_DETAIL_RECORD_EQUALITY(person)
};

/// A person's membership of a QI team.
struct team_membership {
    person_id person;
    std::string role_in_team;   ///< e.g. "medical chief", "patient advisor"
    std::optional<date> joined;
    std::optional<date> left;   ///< when set, not before joined
    bool external = false;      ///< true when the person belongs to another organization

    PARTNERQI_DETAIL_RECORD_FIELDS(person, role_in_team, joined, left, external)
    PARTNERQI_DETAIL_RECORD_EQUALITY(team_membership)
};

/// A quality-improvement team of an organization.
struct qi_team {
    team_id id;
    std::string code;          ///< unique, e.g. "T-MH"
    organization_id organization;
    std::string name;
    std::string clinical_area; ///< e.g. "mental health"
    std::string unit;          ///< e.g. "ambulatory hospital services"
    team_level level = team_level::clinical_team;
    std::vector<team_membership> members;  ///< a person appears at most once
    model::provenance provenance = model::provenance::user_entered;
    std::string note;

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, organization, name, clinical_area, unit, level, members, provenance, note)
    PARTNERQI_DETAIL_RECORD_EQUALITY(qi_team)
};

/// Something a team or organization works on with advisors.
struct qi_activity {
    activity_id id;
    std::string code;  ///< unique, e.g. "A1-kaizen"
    organization_id organization;
    std::optional<team_id> team;  ///< the team that carries it, when there is one
    std::string title;
    activity_level level = activity_level::clinical_team;
    activity_kind kind = activity_kind::improvement_project;
    std::optional<engagement_level> level_reached;  ///< unknown when not reported
    std::optional<date> start;
    std::optional<date> end;  ///< when set with start, not before it
    std::vector<person_id> advisors;  ///< the patient advisors who took part
    model::provenance provenance = model::provenance::user_entered;
    std::string note;

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, organization, team, title, level, kind, level_reached, start, end, advisors, provenance, note)
    PARTNERQI_DETAIL_RECORD_EQUALITY(qi_activity)
};

/// A named sub-practice of the practice catalog, under one of the four categories.
struct practice {
    practice_id id;
    std::string code;  ///< unique, e.g. "MAN-prepare"
    practice_category category = practice_category::designing;
    std::string name;
    std::string description;
    model::provenance provenance = model::provenance::user_entered;

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, category, name, description, provenance)
    PARTNERQI_DETAIL_RECORD_EQUALITY(practice)
};

/// A manager performed a practice, on a date, for an organization or one of its teams.
struct practice_enactment {
    enactment_id id;
    practice_id practice;
    person_id manager;      ///< must be a person with the manager role
    date on;                ///< inside the study window
    organization_id organization;
    std::optional<team_id> team;     ///< a team of that organization
    std::vector<person_id> targets;  ///< people it was aimed at, e.g. two advisors prepared
    model::provenance provenance = model::provenance::user_entered;
    std::string note;

    PARTNERQI_DETAIL_RECORD_FIELDS(id, practice, manager, on, organization, team, targets, provenance, note)
    PARTNERQI_DETAIL_RECORD_EQUALITY(practice_enactment)
};

/// A directed, dated engagement of one person by another: an edge event of who-engages-whom.
struct engagement {
    engagement_id id;
    person_id from;  ///< who engages
    person_id to;    ///< who is engaged; never the same person as `from`
    engagement_kind kind = engagement_kind::other;
    engagement_level level = engagement_level::information;  ///< the level it reached
    date on;         ///< inside the study window
    std::optional<activity_id> activity;  ///< the QI activity it belongs to, if any
    model::provenance provenance = model::provenance::user_entered;

    PARTNERQI_DETAIL_RECORD_FIELDS(id, from, to, kind, level, on, activity, provenance)
    PARTNERQI_DETAIL_RECORD_EQUALITY(engagement)
};

/// A wave of data collection: a named window inside the study window.
struct wave {
    wave_id id;
    std::string code;  ///< unique, e.g. "W1"
    std::string label;
    date_window window;

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, label, window)
    PARTNERQI_DETAIL_RECORD_EQUALITY(wave)
};

/// A piece of evidence: an interview, a focus group, a document or an observation.
struct data_source {
    source_id id;
    std::string code;  ///< unique, e.g. "INT-07"
    source_kind kind = source_kind::interview;
    std::string title;
    std::optional<date> on;
    std::optional<wave_id> wave;
    std::optional<organization_id> organization;
    std::vector<person_id> participants;  ///< an interview has at most one
    std::optional<management_tier> tier;  ///< for an interview with a manager
    std::optional<group_composition> composition;  ///< for a focus group
    std::string text;  ///< transcript or content; offsets of coded segments index into it
    model::provenance provenance = model::provenance::user_entered;

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, kind, title, on, wave, organization, participants, tier, composition, text, provenance)
    PARTNERQI_DETAIL_RECORD_EQUALITY(data_source)
};

/// A known total of data sources whose split may be unknown, e.g. "38 interviews with managers,
/// split by tier not reported". A breakdown is another total with organization or tier set.
struct source_total {
    total_id id;
    source_kind kind = source_kind::interview;
    std::uint32_t count = 0;
    std::optional<organization_id> organization;  ///< unset: across the whole study
    std::optional<management_tier> tier;          ///< unset: across tiers
    std::string description;  ///< e.g. "interviews with managers at the three tiers"
    model::provenance provenance = model::provenance::user_entered;

    PARTNERQI_DETAIL_RECORD_FIELDS(id, kind, count, organization, tier, description, provenance)
    PARTNERQI_DETAIL_RECORD_EQUALITY(source_total)
};

/// A code of the codebook; it may stand for a practice or a whole category.
struct code {
    code_id id;
    std::string name;  ///< unique, e.g. "managing/preparing advisors"
    std::optional<code_id> parent;
    std::string definition;
    std::optional<practice_category> category;
    std::optional<practice_id> practice;

    PARTNERQI_DETAIL_RECORD_FIELDS(id, name, parent, definition, category, practice)
    PARTNERQI_DETAIL_RECORD_EQUALITY(code)
};

/// A span of a data source coded with one code by one coder.
struct coded_segment {
    segment_id id;
    source_id source;
    std::uint32_t begin = 0;  ///< character offset, begin <= end
    std::uint32_t end = 0;
    code_id code;
    std::string coder;  ///< e.g. "coder-A"
    std::string text;   ///< the quoted span, when kept; removed by de-identification
    std::vector<enactment_id> supports;  ///< practice enactments this segment is evidence for

    PARTNERQI_DETAIL_RECORD_FIELDS(id, source, begin, end, code, coder, text, supports)
    PARTNERQI_DETAIL_RECORD_EQUALITY(coded_segment)
};

/// An analytic memo, optionally about a source or a code.
struct memo {
    memo_id id;
    std::string title;
    std::string text;
    std::optional<date> on;
    std::optional<source_id> source;
    std::optional<code_id> code;

    PARTNERQI_DETAIL_RECORD_FIELDS(id, title, text, on, source, code)
    PARTNERQI_DETAIL_RECORD_EQUALITY(memo)
};

/// A case of the study: an organization and the teams studied in it.
struct study_case {
    case_id id;
    std::string code;  ///< unique, e.g. "case-1"
    std::string label;
    organization_id organization;
    std::vector<team_id> teams;  ///< teams of that organization
    model::provenance provenance = model::provenance::user_entered;

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, label, organization, teams, provenance)
    PARTNERQI_DETAIL_RECORD_EQUALITY(study_case)
};

#undef PARTNERQI_DETAIL_RECORD_EQUALITY
#undef PARTNERQI_DETAIL_RECORD_FIELDS

}  // namespace partnerqi::model
