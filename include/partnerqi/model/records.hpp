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
//
// The `/** */` comments inside the two macros document the members they generate, once for
// every record: Doxygen expands the macros and substitutes the record's name and member list.
// (A `///` comment would end the macro at the first line splice, hence the block comments.)
#define PARTNERQI_DETAIL_RECORD_FIELDS(...)                                                  \
    /** @brief The members `__VA_ARGS__`, in this order, as a tuple of const references.  \
        Equality and the case-study file go through it, so every member must be listed. */ \
    auto fields() const { return std::tie(__VA_ARGS__); }                                 \
    /** @brief The members `__VA_ARGS__`, in this order, as a tuple of references that a  \
        reader assigns through, e.g. the case-study file loader. */                        \
    auto fields() { return std::tie(__VA_ARGS__); }

#define PARTNERQI_DETAIL_RECORD_EQUALITY(T)                                                   \
    /** @brief True when every member of the two T records is equal, the id included. */    \
    friend bool operator==(const T& a, const T& b) { return a.fields() == b.fields(); }       \
    /** @brief True when any member of the two T records differs. */                         \
    friend bool operator!=(const T& a, const T& b) { return !(a == b); }

/// A healthcare organization taking part in a case study.
struct organization {
    organization_id id;       ///< assigned by the case study; leave empty when adding
    std::string code;         ///< stable external code, unique in the case study, e.g. "HCO-1"
    std::string name;         ///< e.g. "Integrated university health and social services centre"
    std::string kind;         ///< free label, e.g. "integrated university health and social services centre"
    model::setting setting = model::setting::urban;  ///< the setting it serves
    std::string region;       ///< e.g. "Quebec"
    std::string program;      ///< the partnership programme it runs, e.g. "Partners in Care Program"
    std::string partnership_model;  ///< the model it follows, e.g. "Montreal model"
    model::provenance provenance = model::provenance::user_entered;  ///< reported, entered or illustrative
    std::string note;         ///< free text (removed by de-identification)

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, name, kind, setting, region, program, partnership_model, provenance, note)
    PARTNERQI_DETAIL_RECORD_EQUALITY(organization)
};

/// A person with one role. Only a manager has a tier, and a manager always has one.
struct person {
    person_id id;                             ///< assigned by the case study; leave empty when adding
    std::string code;                         ///< participant code, unique, e.g. "M-TOP-03"
    std::optional<std::string> display_name;  ///< personal data; removed by de-identification
    person_role role = person_role::other;    ///< the one role the person holds in the study
    std::optional<management_tier> tier;      ///< set exactly when role is manager
    std::string profession;                   ///< for providers, e.g. "psychiatrist"
    std::string role_label;                   ///< title or label, e.g. "ICL", "program manager"
    std::optional<organization_id> organization;  ///< unset: belongs to no organization of the study
    model::provenance provenance = model::provenance::user_entered;  ///< reported, entered or illustrative
    std::string note;  ///< free text (removed by de-identification)

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, display_name, role, tier, profession, role_label, organization, provenance, note)
    PARTNERQI_DETAIL_RECORD_EQUALITY(person)
};

/// A person's membership of a QI team.
struct team_membership {
    person_id person;           ///< the member; at most one membership per person and team
    std::string role_in_team;   ///< e.g. "medical chief", "patient advisor"
    std::optional<date> joined; ///< inside the study window; unset: not reported
    std::optional<date> left;   ///< when set, not before joined; unset: still a member or not reported
    bool external = false;      ///< true when the person belongs to another organization

    PARTNERQI_DETAIL_RECORD_FIELDS(person, role_in_team, joined, left, external)
    PARTNERQI_DETAIL_RECORD_EQUALITY(team_membership)
};

/// A quality-improvement team of an organization.
struct qi_team {
    team_id id;                ///< assigned by the case study; leave empty when adding
    std::string code;          ///< unique, e.g. "T-MH"
    organization_id organization;  ///< the organization the team belongs to
    std::string name;          ///< e.g. "Mental health QI team"
    std::string clinical_area; ///< e.g. "mental health"
    std::string unit;          ///< e.g. "ambulatory hospital services"
    team_level level = team_level::clinical_team;  ///< where in the organization the team works
    std::vector<team_membership> members;  ///< a person appears at most once
    model::provenance provenance = model::provenance::user_entered;  ///< reported, entered or illustrative
    std::string note;  ///< free text (removed by de-identification)

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, organization, name, clinical_area, unit, level, members, provenance, note)
    PARTNERQI_DETAIL_RECORD_EQUALITY(qi_team)
};

/// Something a team or organization works on with advisors.
struct qi_activity {
    activity_id id;    ///< assigned by the case study; leave empty when adding
    std::string code;  ///< unique, e.g. "A1-kaizen"
    organization_id organization;  ///< the organization that runs it
    std::optional<team_id> team;  ///< the team that carries it (of that organization); unset when none does
    std::string title; ///< e.g. "Kaizen event on the intake process"
    activity_level level = activity_level::clinical_team;  ///< clinical-team level or another level
    activity_kind kind = activity_kind::improvement_project;  ///< what it does with advisors
    std::optional<engagement_level> level_reached;  ///< unknown when not reported
    std::optional<date> start;  ///< inside the study window; unset: not reported
    std::optional<date> end;  ///< when set with start, not before it; unset: ongoing or not reported
    std::vector<person_id> advisors;  ///< the patient advisors who took part, each once, each with that role
    model::provenance provenance = model::provenance::user_entered;  ///< reported, entered or illustrative
    std::string note;  ///< free text (removed by de-identification)

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, organization, team, title, level, kind, level_reached, start, end, advisors, provenance, note)
    PARTNERQI_DETAIL_RECORD_EQUALITY(qi_activity)
};

/// A named sub-practice of the practice catalog, under one of the four categories.
struct practice {
    practice_id id;    ///< assigned by the case study; leave empty when adding
    std::string code;  ///< unique, e.g. "MAN-prepare"
    practice_category category = practice_category::designing;  ///< the category it belongs to
    std::string name;  ///< never empty, e.g. "preparing advisors"
    std::string description;  ///< what managers do, in the study's words when reported
    model::provenance provenance = model::provenance::user_entered;  ///< reported, entered or illustrative

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, category, name, description, provenance)
    PARTNERQI_DETAIL_RECORD_EQUALITY(practice)
};

/// A manager performed a practice, on a date, for an organization or one of its teams.
struct practice_enactment {
    enactment_id id;        ///< assigned by the case study; leave empty when adding
    practice_id practice;   ///< the practice performed
    person_id manager;      ///< must be a person with the manager role
    date on;                ///< inside the study window
    organization_id organization;  ///< the organization it was performed for
    std::optional<team_id> team;     ///< a team of that organization; unset: for the organization as a whole
    std::vector<person_id> targets;  ///< people it was aimed at, each once, e.g. two advisors prepared
    model::provenance provenance = model::provenance::user_entered;  ///< reported, entered or illustrative
    std::string note;  ///< free text (removed by de-identification)

    PARTNERQI_DETAIL_RECORD_FIELDS(id, practice, manager, on, organization, team, targets, provenance, note)
    PARTNERQI_DETAIL_RECORD_EQUALITY(practice_enactment)
};

/// A directed, dated engagement of one person by another: an edge event of who-engages-whom.
struct engagement {
    engagement_id id;  ///< assigned by the case study; leave empty when adding
    person_id from;  ///< who engages
    person_id to;    ///< who is engaged; never the same person as `from`
    engagement_kind kind = engagement_kind::other;  ///< what `from` did with or for `to`
    engagement_level level = engagement_level::information;  ///< the level it reached
    date on;         ///< inside the study window
    std::optional<activity_id> activity;  ///< the QI activity it belongs to; unset: none
    model::provenance provenance = model::provenance::user_entered;  ///< reported, entered or illustrative

    PARTNERQI_DETAIL_RECORD_FIELDS(id, from, to, kind, level, on, activity, provenance)
    PARTNERQI_DETAIL_RECORD_EQUALITY(engagement)
};

/// A wave of data collection: a named window inside the study window.
struct wave {
    wave_id id;        ///< assigned by the case study; leave empty when adding
    std::string code;  ///< unique, e.g. "W1"
    std::string label; ///< e.g. "first wave of interviews"
    date_window window;  ///< inside the study window; waves may overlap

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, label, window)
    PARTNERQI_DETAIL_RECORD_EQUALITY(wave)
};

/// A piece of evidence: an interview, a focus group, a document or an observation.
struct data_source {
    source_id id;      ///< assigned by the case study; leave empty when adding
    std::string code;  ///< unique, e.g. "INT-07"
    source_kind kind = source_kind::interview;  ///< interview, focus group, document or observation
    std::string title; ///< e.g. "Interview with a front-line manager" (removed by de-identification)
    std::optional<date> on;  ///< inside the study window and its wave's window; unset: not reported
    std::optional<wave_id> wave;  ///< the wave it was collected in; unset: none or not reported
    std::optional<organization_id> organization;  ///< unset: not tied to one organization
    std::vector<person_id> participants;  ///< each once; an interview has at most one
    std::optional<management_tier> tier;  ///< only for an interview, with a manager; unset: not reported
    std::optional<group_composition> composition;  ///< only for a focus group; unset: not reported
    std::string text;  ///< transcript or content; offsets of coded segments index into it (removed by de-identification)
    model::provenance provenance = model::provenance::user_entered;  ///< reported, entered or illustrative

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, kind, title, on, wave, organization, participants, tier, composition, text, provenance)
    PARTNERQI_DETAIL_RECORD_EQUALITY(data_source)
};

/// A known total of data sources whose split may be unknown, e.g. "38 interviews with managers,
/// split by tier not reported". A breakdown is another total with organization or tier set.
struct source_total {
    total_id id;       ///< assigned by the case study; leave empty when adding
    source_kind kind = source_kind::interview;  ///< the kind of source counted
    std::uint32_t count = 0;  ///< the number of sources reported
    std::optional<organization_id> organization;  ///< unset: across the whole study
    std::optional<management_tier> tier;          ///< unset: across tiers; set only for interviews
    std::string description;  ///< e.g. "interviews with managers at the three tiers"
    model::provenance provenance = model::provenance::user_entered;  ///< reported, entered or illustrative

    PARTNERQI_DETAIL_RECORD_FIELDS(id, kind, count, organization, tier, description, provenance)
    PARTNERQI_DETAIL_RECORD_EQUALITY(source_total)
};

/// A code of the codebook; it may stand for a practice or a whole category.
struct code {
    code_id id;        ///< assigned by the case study; leave empty when adding
    std::string name;  ///< unique and never empty, e.g. "managing/preparing advisors"
    std::optional<code_id> parent;  ///< the enclosing code; unset: a top-level code. The codebook is a tree.
    std::string definition;  ///< when to apply the code, for coders
    std::optional<practice_category> category;  ///< the category it stands for; unset: none
    std::optional<practice_id> practice;  ///< the practice it stands for, of `category` when both are set; unset: none

    PARTNERQI_DETAIL_RECORD_FIELDS(id, name, parent, definition, category, practice)
    PARTNERQI_DETAIL_RECORD_EQUALITY(code)
};

/// A span of a data source coded with one code by one coder.
struct coded_segment {
    segment_id id;     ///< assigned by the case study; leave empty when adding
    source_id source;  ///< the data source coded
    std::uint32_t begin = 0;  ///< byte offset into the source's text of the first character; begin <= end
    std::uint32_t end = 0;    ///< byte offset one past the last character; at most the text's size when the text is kept
    code_id code;      ///< the code applied
    std::string coder;  ///< never empty, e.g. "coder-A"
    std::string text;   ///< the quoted span, when kept; removed by de-identification
    std::vector<enactment_id> supports;  ///< practice enactments this segment is evidence for, each once

    PARTNERQI_DETAIL_RECORD_FIELDS(id, source, begin, end, code, coder, text, supports)
    PARTNERQI_DETAIL_RECORD_EQUALITY(coded_segment)
};

/// An analytic memo, optionally about a source or a code.
struct memo {
    memo_id id;         ///< assigned by the case study; leave empty when adding
    std::string title;  ///< e.g. "Tier differences in preparing advisors"
    std::string text;   ///< the memo itself (removed by de-identification)
    std::optional<date> on;  ///< when it was written; unset: not recorded
    std::optional<source_id> source;  ///< the data source it is about; unset: none
    std::optional<code_id> code;      ///< the code it is about; unset: none

    PARTNERQI_DETAIL_RECORD_FIELDS(id, title, text, on, source, code)
    PARTNERQI_DETAIL_RECORD_EQUALITY(memo)
};

/// A case of the study: an organization and the teams studied in it.
struct study_case {
    case_id id;        ///< assigned by the case study; leave empty when adding
    std::string code;  ///< unique, e.g. "case-1"
    std::string label; ///< e.g. "Case 1: rural centre"
    organization_id organization;  ///< the organization studied
    std::vector<team_id> teams;  ///< teams of that organization, each once
    model::provenance provenance = model::provenance::user_entered;  ///< reported, entered or illustrative

    PARTNERQI_DETAIL_RECORD_FIELDS(id, code, label, organization, teams, provenance)
    PARTNERQI_DETAIL_RECORD_EQUALITY(study_case)
};

#undef PARTNERQI_DETAIL_RECORD_EQUALITY
#undef PARTNERQI_DETAIL_RECORD_FIELDS

}  // namespace partnerqi::model
