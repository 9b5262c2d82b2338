/// @file
/// The records of a case study: plain value types, owned and checked by model::case_study.
///
/// Each record kind is a struct and, next to it, its record_traits: its names, its record format
/// version and every field once, with what it is for. Equality, files, tables, messages and
/// de-identification are written once over those traits (record_traits.hpp). Ids are assigned
/// by the case_study when the record is added.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "partnerqi/model/date.hpp"
#include "partnerqi/model/enums.hpp"
#include "partnerqi/model/ids.hpp"
#include "partnerqi/model/record_traits.hpp"

namespace partnerqi::model {

/// A healthcare organization taking part in a case study.
struct organization {
    organization_id id;  ///< assigned by the case study; leave empty when adding
    std::string code;    ///< stable external code, unique in the case study, e.g. "HCO-1"
    std::string name;    ///< e.g. "Integrated university health and social services centre"
    std::string
        kind;  ///< free label, e.g. "integrated university health and social services centre"
    model::setting setting = model::setting::urban;  ///< the setting it serves
    std::string region;                              ///< e.g. "Quebec"
    std::string program;  ///< the partnership programme it runs, e.g. "Partners in Care Program"
    std::string partnership_model;  ///< the model it follows, e.g. "Montreal model"
    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
    std::string note;                     ///< free text (removed by de-identification)
};

/// The registry entry of organization: its names, format version and fields.
template <>
struct record_traits<organization> {
    using id_type = organization_id;                          ///< its strong id type
    static constexpr std::string_view kind = "organization";  ///< its name in messages
    static constexpr std::string_view table =
        "organizations";                    ///< its collection in files and tables
    static constexpr unsigned version = 1;  ///< its record format version
    static constexpr auto code_field =
        &organization::code;  ///< the field that is its external code
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &organization::id, field_use::own_id),
        make_field("code", &organization::code, field_use::code | field_use::identifying),
        make_field("name", &organization::name, field_use::label | field_use::identifying),
        make_field("kind", &organization::kind, field_use::label),
        make_field("setting", &organization::setting),
        make_field("region", &organization::region, field_use::label | field_use::identifying),
        make_field("program", &organization::program, field_use::label | field_use::identifying),
        make_field("partnership_model", &organization::partnership_model,
                   field_use::label | field_use::identifying),
        make_field("provenance", &organization::provenance, field_use::provenance),
        make_field("note", &organization::note, field_use::free_text));
};

/// A person with one role. Only a manager has a tier, and a manager always has one.
struct person {
    person_id id;      ///< assigned by the case study; leave empty when adding
    std::string code;  ///< participant code, unique, e.g. "M-TOP-03"
    std::optional<std::string> display_name;  ///< personal data; removed by de-identification
    person_role role = person_role::other;    ///< the one role the person holds in the study
    std::optional<management_tier> tier;      ///< set exactly when role is manager
    std::string profession;                   ///< for providers, e.g. "psychiatrist"
    std::string role_label;                   ///< title or label, e.g. "ICL", "program manager"
    std::optional<organization_id>
        organization;  ///< unset: belongs to no organization of the study
    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
    std::string note;                     ///< free text (removed by de-identification)
};

/// The registry entry of person: its names, format version and fields.
template <>
struct record_traits<person> {
    using id_type = person_id;                           ///< its strong id type
    static constexpr std::string_view kind = "person";   ///< its name in messages
    static constexpr std::string_view table = "people";  ///< its collection in files and tables
    static constexpr unsigned version = 1;               ///< its record format version
    static constexpr auto code_field = &person::code;    ///< the field that is its external code
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &person::id, field_use::own_id),
        make_field("code", &person::code, field_use::code),
        make_field("display_name", &person::display_name, field_use::personal),
        make_field("role", &person::role), make_field("tier", &person::tier),
        make_field("profession", &person::profession, field_use::label | field_use::identifying),
        make_field("role_label", &person::role_label, field_use::label | field_use::identifying),
        make_field("organization", &person::organization),
        make_field("provenance", &person::provenance, field_use::provenance),
        make_field("note", &person::note, field_use::free_text));
};

/// A person's membership of a QI team.
struct team_membership {
    person_id person;            ///< the member; at most one membership per person and team
    std::string role_in_team;    ///< e.g. "medical chief", "patient advisor"
    std::optional<date> joined;  ///< inside the study window; unset: not reported
    std::optional<date>
        left;               ///< when set, not before joined; unset: still a member or not reported
    bool external = false;  ///< true when the person belongs to another organization

    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
};

/// The registry entry of team_membership: its names, format version and fields.
template <>
struct record_traits<team_membership> {
    static constexpr std::string_view kind = "team membership";  ///< its name in messages
    static constexpr std::string_view table =
        "team_members";                     ///< its collection in files and tables
    static constexpr unsigned version = 2;  ///< its record format version
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("person", &team_membership::person),
        make_field("role_in_team", &team_membership::role_in_team,
                   field_use::label | field_use::identifying),
        make_field("joined", &team_membership::joined), make_field("left", &team_membership::left),
        make_field("external", &team_membership::external),
        make_field("provenance", &team_membership::provenance, field_use::provenance, 2));
};

/// A quality-improvement team of an organization.
struct qi_team {
    team_id id;                    ///< assigned by the case study; leave empty when adding
    std::string code;              ///< unique, e.g. "T-MH"
    organization_id organization;  ///< the organization the team belongs to
    std::string name;              ///< e.g. "Mental health QI team"
    std::string clinical_area;     ///< e.g. "mental health"
    std::string unit;              ///< e.g. "ambulatory hospital services"
    team_level level = team_level::clinical_team;  ///< where in the organization the team works
    std::vector<team_membership> members;          ///< a person appears at most once
    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
    std::string note;                     ///< free text (removed by de-identification)
};

/// The registry entry of qi_team: its names, format version and fields.
template <>
struct record_traits<qi_team> {
    using id_type = team_id;                            ///< its strong id type
    static constexpr std::string_view kind = "team";    ///< its name in messages
    static constexpr std::string_view table = "teams";  ///< its collection in files and tables
    static constexpr unsigned version = 1;              ///< its record format version
    static constexpr auto code_field = &qi_team::code;  ///< the field that is its external code
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &qi_team::id, field_use::own_id),
        make_field("code", &qi_team::code, field_use::code | field_use::identifying),
        make_field("organization", &qi_team::organization),
        make_field("name", &qi_team::name, field_use::label | field_use::identifying),
        make_field("clinical_area", &qi_team::clinical_area,
                   field_use::label | field_use::identifying),
        make_field("unit", &qi_team::unit, field_use::label | field_use::identifying),
        make_field("level", &qi_team::level), make_field("members", &qi_team::members),
        make_field("provenance", &qi_team::provenance, field_use::provenance),
        make_field("note", &qi_team::note, field_use::free_text));
};

/// Something a team or organization works on with advisors.
struct qi_activity {
    activity_id id;                ///< assigned by the case study; leave empty when adding
    std::string code;              ///< unique, e.g. "A1-kaizen"
    organization_id organization;  ///< the organization that runs it
    std::optional<team_id>
        team;           ///< the team that carries it (of that organization); unset when none does
    std::string title;  ///< e.g. "Kaizen event on the intake process"
    activity_level level = activity_level::clinical_team;  ///< clinical-team level or another level
    activity_kind kind = activity_kind::improvement_project;  ///< what it does with advisors
    std::optional<engagement_level> level_reached;            ///< unknown when not reported
    std::optional<date> start;  ///< inside the study window; unset: not reported
    std::optional<date>
        end;  ///< when set with start, not before it; unset: ongoing or not reported
    std::vector<person_id>
        advisors;  ///< the patient advisors who took part, each once, each with that role
    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
    std::string note;                     ///< free text (removed by de-identification)
};

/// The registry entry of qi_activity: its names, format version and fields.
template <>
struct record_traits<qi_activity> {
    using id_type = activity_id;                             ///< its strong id type
    static constexpr std::string_view kind = "activity";     ///< its name in messages
    static constexpr std::string_view table = "activities";  ///< its collection in files and tables
    static constexpr unsigned version = 1;                   ///< its record format version
    static constexpr auto code_field = &qi_activity::code;  ///< the field that is its external code
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &qi_activity::id, field_use::own_id),
        make_field("code", &qi_activity::code, field_use::code | field_use::identifying),
        make_field("organization", &qi_activity::organization),
        make_field("team", &qi_activity::team),
        make_field("title", &qi_activity::title, field_use::label | field_use::identifying),
        make_field("level", &qi_activity::level), make_field("kind", &qi_activity::kind),
        make_field("level_reached", &qi_activity::level_reached),
        make_field("start", &qi_activity::start), make_field("end", &qi_activity::end),
        make_field("advisors", &qi_activity::advisors),
        make_field("provenance", &qi_activity::provenance, field_use::provenance),
        make_field("note", &qi_activity::note, field_use::free_text));
};

/// A named sub-practice of the practice catalog, under one of the four categories.
struct practice {
    practice_id id;    ///< assigned by the case study; leave empty when adding
    std::string code;  ///< unique, e.g. "MAN-prepare"
    practice_category category = practice_category::designing;  ///< the category it belongs to
    std::string name;         ///< never empty, e.g. "preparing advisors"
    std::string description;  ///< what managers do, in the study's words when reported
    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
};

/// The registry entry of practice: its names, format version and fields.
template <>
struct record_traits<practice> {
    using id_type = practice_id;                            ///< its strong id type
    static constexpr std::string_view kind = "practice";    ///< its name in messages
    static constexpr std::string_view table = "practices";  ///< its collection in files and tables
    static constexpr unsigned version = 1;                  ///< its record format version
    static constexpr auto code_field = &practice::code;     ///< the field that is its external code
    /// Every field, in file order.
    static constexpr auto fields =
        std::make_tuple(make_field("id", &practice::id, field_use::own_id),
                        make_field("code", &practice::code, field_use::code),
                        make_field("category", &practice::category),
                        make_field("name", &practice::name, field_use::label),
                        make_field("description", &practice::description, field_use::label),
                        make_field("provenance", &practice::provenance, field_use::provenance));
};

/// A manager performed a practice, on a date, for an organization or one of its teams.
struct practice_enactment {
    enactment_id id;               ///< assigned by the case study; leave empty when adding
    practice_id practice;          ///< the practice performed
    person_id manager;             ///< must be a person with the manager role
    date on;                       ///< inside the study window
    organization_id organization;  ///< the organization it was performed for
    std::optional<team_id>
        team;  ///< a team of that organization; unset: for the organization as a whole
    std::vector<person_id>
        targets;  ///< people it was aimed at, each once, e.g. two advisors prepared
    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
    std::string note;                     ///< free text (removed by de-identification)
};

/// The registry entry of practice_enactment: its names, format version and fields.
template <>
struct record_traits<practice_enactment> {
    using id_type = enactment_id;                                   ///< its strong id type
    static constexpr std::string_view kind = "practice enactment";  ///< its name in messages
    static constexpr std::string_view table = "enactments";  ///< its collection in files and tables
    static constexpr unsigned version = 1;                   ///< its record format version
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &practice_enactment::id, field_use::own_id),
        make_field("practice", &practice_enactment::practice),
        make_field("manager", &practice_enactment::manager),
        make_field("on", &practice_enactment::on),
        make_field("organization", &practice_enactment::organization),
        make_field("team", &practice_enactment::team),
        make_field("targets", &practice_enactment::targets),
        make_field("provenance", &practice_enactment::provenance, field_use::provenance),
        make_field("note", &practice_enactment::note, field_use::free_text));
};

/// A directed, dated engagement of one person by another: an edge event of who-engages-whom.
struct engagement {
    engagement_id id;  ///< assigned by the case study; leave empty when adding
    person_id from;    ///< who engages
    person_id to;      ///< who is engaged; never the same person as `from`
    engagement_kind kind = engagement_kind::other;           ///< what `from` did with or for `to`
    engagement_level level = engagement_level::information;  ///< the level it reached
    date on;                                                 ///< inside the study window
    std::optional<activity_id> activity;  ///< the QI activity it belongs to; unset: none
    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
};

/// The registry entry of engagement: its names, format version and fields.
template <>
struct record_traits<engagement> {
    using id_type = engagement_id;                          ///< its strong id type
    static constexpr std::string_view kind = "engagement";  ///< its name in messages
    static constexpr std::string_view table =
        "engagements";                      ///< its collection in files and tables
    static constexpr unsigned version = 1;  ///< its record format version
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &engagement::id, field_use::own_id), make_field("from", &engagement::from),
        make_field("to", &engagement::to), make_field("kind", &engagement::kind),
        make_field("level", &engagement::level), make_field("on", &engagement::on),
        make_field("activity", &engagement::activity),
        make_field("provenance", &engagement::provenance, field_use::provenance));
};

/// A wave of data collection: a named window inside the study window.
struct wave {
    wave_id id;          ///< assigned by the case study; leave empty when adding
    std::string code;    ///< unique, e.g. "W1"
    std::string label;   ///< e.g. "first wave of interviews"
    date_window window;  ///< inside the study window; waves may overlap

    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
};

/// The registry entry of wave: its names, format version and fields.
template <>
struct record_traits<wave> {
    using id_type = wave_id;                            ///< its strong id type
    static constexpr std::string_view kind = "wave";    ///< its name in messages
    static constexpr std::string_view table = "waves";  ///< its collection in files and tables
    static constexpr unsigned version = 2;              ///< its record format version
    static constexpr auto code_field = &wave::code;     ///< the field that is its external code
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &wave::id, field_use::own_id),
        make_field("code", &wave::code, field_use::code),
        make_field("label", &wave::label, field_use::label), make_field("window", &wave::window),
        make_field("provenance", &wave::provenance, field_use::provenance, 2));
};

/// A piece of evidence: an interview, a focus group, a document or an observation.
struct data_source {
    source_id id;      ///< assigned by the case study; leave empty when adding
    std::string code;  ///< unique, e.g. "INT-07"
    source_kind kind = source_kind::interview;  ///< interview, focus group, document or observation
    std::string
        title;  ///< e.g. "Interview with a front-line manager" (removed by de-identification)
    std::optional<date> on;  ///< inside the study window and its wave's window; unset: not reported
    std::optional<wave_id> wave;  ///< the wave it was collected in; unset: none or not reported
    std::optional<organization_id> organization;  ///< unset: not tied to one organization
    std::vector<person_id> participants;          ///< each once; an interview has at most one
    std::optional<management_tier>
        tier;  ///< only for an interview, with a manager; unset: not reported
    std::optional<group_composition> composition;  ///< only for a focus group; unset: not reported
    std::string text;  ///< transcript or content; offsets of coded segments index into it (removed
                       ///< by de-identification)
    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
};

/// The registry entry of data_source: its names, format version and fields.
template <>
struct record_traits<data_source> {
    using id_type = source_id;                               ///< its strong id type
    static constexpr std::string_view kind = "data source";  ///< its name in messages
    static constexpr std::string_view table = "sources";     ///< its collection in files and tables
    static constexpr unsigned version = 1;                   ///< its record format version
    static constexpr auto code_field = &data_source::code;  ///< the field that is its external code
    /// Every field, in file order.
    static constexpr auto fields =
        std::make_tuple(make_field("id", &data_source::id, field_use::own_id),
                        make_field("code", &data_source::code, field_use::code),
                        make_field("kind", &data_source::kind),
                        make_field("title", &data_source::title, field_use::free_text),
                        make_field("on", &data_source::on), make_field("wave", &data_source::wave),
                        make_field("organization", &data_source::organization),
                        make_field("participants", &data_source::participants),
                        make_field("tier", &data_source::tier),
                        make_field("composition", &data_source::composition),
                        make_field("text", &data_source::text, field_use::free_text),
                        make_field("provenance", &data_source::provenance, field_use::provenance));
};

/// A known total of data sources whose split may be unknown, e.g. "38 interviews with managers,
/// split by tier not reported". A breakdown is another total with organization or tier set.
struct source_total {
    total_id id;  ///< assigned by the case study; leave empty when adding
    source_kind kind = source_kind::interview;    ///< the kind of source counted
    std::uint32_t count = 0;                      ///< the number of sources reported
    std::optional<organization_id> organization;  ///< unset: across the whole study
    std::optional<management_tier> tier;          ///< unset: across tiers; set only for interviews
    std::string description;  ///< e.g. "interviews with managers at the three tiers"
    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
};

/// The registry entry of source_total: its names, format version and fields.
template <>
struct record_traits<source_total> {
    using id_type = total_id;                                 ///< its strong id type
    static constexpr std::string_view kind = "source total";  ///< its name in messages
    static constexpr std::string_view table = "totals";  ///< its collection in files and tables
    static constexpr unsigned version = 1;               ///< its record format version
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &source_total::id, field_use::own_id),
        make_field("kind", &source_total::kind), make_field("count", &source_total::count),
        make_field("organization", &source_total::organization),
        make_field("tier", &source_total::tier),
        make_field("description", &source_total::description, field_use::label),
        make_field("provenance", &source_total::provenance, field_use::provenance));
};

/// A code of the codebook; it may stand for a practice or a whole category.
struct code {
    code_id id;        ///< assigned by the case study; leave empty when adding
    std::string name;  ///< unique and never empty, e.g. "managing/preparing advisors"
    std::optional<code_id>
        parent;  ///< the enclosing code; unset: a top-level code. The codebook is a tree.
    std::string definition;                     ///< when to apply the code, for coders
    std::optional<practice_category> category;  ///< the category it stands for; unset: none
    std::optional<practice_id>
        practice;  ///< the practice it stands for, of `category` when both are set; unset: none

    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
};

/// The registry entry of code: its names, format version and fields.
template <>
struct record_traits<code> {
    using id_type = code_id;                            ///< its strong id type
    static constexpr std::string_view kind = "code";    ///< its name in messages
    static constexpr std::string_view table = "codes";  ///< its collection in files and tables
    static constexpr unsigned version = 2;              ///< its record format version
    static constexpr auto code_field = &code::name;     ///< the field that is its external code
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &code::id, field_use::own_id),
        make_field("name", &code::name, field_use::code | field_use::label),
        make_field("parent", &code::parent),
        make_field("definition", &code::definition, field_use::label),
        make_field("category", &code::category), make_field("practice", &code::practice),
        make_field("provenance", &code::provenance, field_use::provenance, 2));
};

/// A span of a data source coded with one code by one coder.
struct coded_segment {
    segment_id id;     ///< assigned by the case study; leave empty when adding
    source_id source;  ///< the data source coded
    std::uint32_t begin =
        0;  ///< byte offset into the source's text of the first character; begin <= end
    std::uint32_t end = 0;  ///< byte offset one past the last character; at most the text's size
                            ///< when the text is kept
    code_id code;           ///< the code applied
    std::string coder;      ///< never empty, e.g. "coder-A"
    std::string text;       ///< the quoted span, when kept; removed by de-identification
    std::vector<enactment_id>
        supports;  ///< practice enactments this segment is evidence for, each once

    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
};

/// The registry entry of coded_segment: its names, format version and fields.
template <>
struct record_traits<coded_segment> {
    using id_type = segment_id;                                ///< its strong id type
    static constexpr std::string_view kind = "coded segment";  ///< its name in messages
    static constexpr std::string_view table = "segments";  ///< its collection in files and tables
    static constexpr unsigned version = 2;                 ///< its record format version
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &coded_segment::id, field_use::own_id),
        make_field("source", &coded_segment::source), make_field("begin", &coded_segment::begin),
        make_field("end", &coded_segment::end), make_field("code", &coded_segment::code),
        make_field("coder", &coded_segment::coder, field_use::label | field_use::identifying),
        make_field("text", &coded_segment::text, field_use::free_text),
        make_field("supports", &coded_segment::supports),
        make_field("provenance", &coded_segment::provenance, field_use::provenance, 2));
};

/// An analytic memo, optionally about a source or a code.
struct memo {
    memo_id id;                       ///< assigned by the case study; leave empty when adding
    std::string title;                ///< e.g. "Tier differences in preparing advisors"
    std::string text;                 ///< the memo itself (removed by de-identification)
    std::optional<date> on;           ///< when it was written; unset: not recorded
    std::optional<source_id> source;  ///< the data source it is about; unset: none
    std::optional<code_id> code;      ///< the code it is about; unset: none

    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
};

/// The registry entry of memo: its names, format version and fields.
template <>
struct record_traits<memo> {
    using id_type = memo_id;                            ///< its strong id type
    static constexpr std::string_view kind = "memo";    ///< its name in messages
    static constexpr std::string_view table = "memos";  ///< its collection in files and tables
    static constexpr unsigned version = 2;              ///< its record format version
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &memo::id, field_use::own_id),
        make_field("title", &memo::title, field_use::label),
        make_field("text", &memo::text, field_use::free_text), make_field("on", &memo::on),
        make_field("source", &memo::source), make_field("code", &memo::code),
        make_field("provenance", &memo::provenance, field_use::provenance, 2));
};

/// A case of the study: an organization and the teams studied in it.
struct study_case {
    case_id id;                    ///< assigned by the case study; leave empty when adding
    std::string code;              ///< unique, e.g. "case-1"
    std::string label;             ///< e.g. "Case 1: rural centre"
    organization_id organization;  ///< the organization studied
    std::vector<team_id> teams;    ///< teams of that organization, each once
    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
};

/// The registry entry of study_case: its names, format version and fields.
template <>
struct record_traits<study_case> {
    using id_type = case_id;                               ///< its strong id type
    static constexpr std::string_view kind = "case";       ///< its name in messages
    static constexpr std::string_view table = "cases";     ///< its collection in files and tables
    static constexpr unsigned version = 1;                 ///< its record format version
    static constexpr auto code_field = &study_case::code;  ///< the field that is its external code
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &study_case::id, field_use::own_id),
        make_field("code", &study_case::code, field_use::code | field_use::identifying),
        make_field("label", &study_case::label, field_use::label | field_use::identifying),
        make_field("organization", &study_case::organization),
        make_field("teams", &study_case::teams),
        make_field("provenance", &study_case::provenance, field_use::provenance));
};

/// An item of an engagement-evaluation instrument: its identifier, the principle or domain it
/// belongs to and its response scale. Item wording is not shipped (the published instruments
/// are copyrighted): attach wording you are licensed to use in `wording`.
/// model::evaluation_catalog() gives the structure of PPEET and PEIRS-22.
struct evaluation_item {
    item_id id;        ///< assigned by the case study; leave empty when adding
    std::string code;  ///< unique item identifier, e.g. "PEIRS22-07" or "OWN-3"
    evaluation_instrument instrument =
        evaluation_instrument::user_defined;  ///< the instrument the item belongs to
    std::string domain;  ///< the principle or domain, e.g. "influence and impact"; never empty
    std::uint32_t scale_min = 1;  ///< the lowest value of the scale
    std::uint32_t scale_max = 5;  ///< the highest value of the scale; above scale_min
    std::string scale_labels;     ///< e.g. "1 = strongly disagree; 5 = strongly agree"
    std::string wording;          ///< the item's text, only when licensed; empty otherwise
    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
};

/// The registry entry of evaluation_item: its names, format version and fields.
template <>
struct record_traits<evaluation_item> {
    using id_type = item_id;                                     ///< its strong id type
    static constexpr std::string_view kind = "evaluation item";  ///< its name in messages
    static constexpr std::string_view table =
        "evaluation_items";                 ///< its collection in files and tables
    static constexpr unsigned version = 1;  ///< its record format version
    static constexpr unsigned since = 2;    ///< the case-study format that added the kind
    static constexpr auto code_field =
        &evaluation_item::code;  ///< the field that is its external code
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &evaluation_item::id, field_use::own_id),
        make_field("code", &evaluation_item::code, field_use::code),
        make_field("instrument", &evaluation_item::instrument),
        make_field("domain", &evaluation_item::domain, field_use::label),
        make_field("scale_min", &evaluation_item::scale_min),
        make_field("scale_max", &evaluation_item::scale_max),
        make_field("scale_labels", &evaluation_item::scale_labels, field_use::label),
        make_field("wording", &evaluation_item::wording, field_use::label),
        make_field("provenance", &evaluation_item::provenance, field_use::provenance));
};

/// One respondent's answer to one evaluation item, for a team (or the organization) in a wave.
/// The respondent's role (advisor, provider, manager, ...) is their person record's role.
struct evaluation_response {
    response_id id;           ///< assigned by the case study; leave empty when adding
    person_id respondent;     ///< who answered
    item_id item;             ///< the item answered
    std::uint32_t value = 0;  ///< on the item's scale: scale_min <= value <= scale_max
    std::optional<team_id>
        team;  ///< the team evaluated; unset: the organization or programme as a whole
    std::optional<wave_id> wave;  ///< the wave of the evaluation; unset: not tied to a wave
    std::optional<date> on;  ///< inside the study window and the wave's window; unset: not known
    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
};

/// The registry entry of evaluation_response: its names, format version and fields.
template <>
struct record_traits<evaluation_response> {
    using id_type = response_id;                                     ///< its strong id type
    static constexpr std::string_view kind = "evaluation response";  ///< its name in messages
    static constexpr std::string_view table =
        "evaluation_responses";             ///< its collection in files and tables
    static constexpr unsigned version = 1;  ///< its record format version
    static constexpr unsigned since = 2;    ///< the case-study format that added the kind
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &evaluation_response::id, field_use::own_id),
        make_field("respondent", &evaluation_response::respondent),
        make_field("item", &evaluation_response::item),
        make_field("value", &evaluation_response::value),
        make_field("team", &evaluation_response::team),
        make_field("wave", &evaluation_response::wave), make_field("on", &evaluation_response::on),
        make_field("provenance", &evaluation_response::provenance, field_use::provenance));
};

/// An entry of the influence log: an advisor's input, the decision taken on it and the change it
/// led to, each step dated and linked to its evidence (a data source, and for the input a coded
/// segment). A later step is set only when the earlier one is: a decision needs the input, a
/// change needs an adopted or adapted decision.
struct advisor_input {
    input_id id;        ///< assigned by the case study; leave empty when adding
    std::string code;   ///< unique, e.g. "IN-03"
    person_id advisor;  ///< a person with the patient-advisor role
    input_kind kind = input_kind::proposal;  ///< proposal, concern or question
    std::string summary;                  ///< what the advisor brought, e.g. "call patients back"
    std::optional<team_id> team;          ///< the team it was brought to; unset: none
    std::optional<activity_id> activity;  ///< the QI activity it belongs to; unset: none
    date on;                              ///< when it was brought; inside the study window
    std::optional<source_id> source;      ///< the evidence of the input; unset: none
    std::optional<segment_id> segment;    ///< the coded segment quoting it (of `source`)
    std::optional<decision_outcome> decision;  ///< unset: no decision recorded yet
    std::optional<person_id> decided_by;       ///< who decided; only with a decision
    std::optional<date> decided_on;            ///< when; only with a decision, not before `on`
    std::optional<source_id> decision_source;  ///< the evidence of the decision; unset: none
    std::optional<change_kind> change;         ///< what it changed; only after adopted or adapted
    std::string change_summary;              ///< e.g. "call-back step added to the intake protocol"
    std::optional<date> changed_on;          ///< when; only with a change, not before `decided_on`
    std::optional<source_id> change_source;  ///< the evidence of the change; unset: none
    model::provenance provenance =
        model::provenance::user_entered;  ///< reported, entered or illustrative
    std::string note;                     ///< free text (removed by de-identification)
};

/// The registry entry of advisor_input: its names, format version and fields.
template <>
struct record_traits<advisor_input> {
    using id_type = input_id;                                  ///< its strong id type
    static constexpr std::string_view kind = "advisor input";  ///< its name in messages
    static constexpr std::string_view table =
        "influence_log";                    ///< its collection in files and tables
    static constexpr unsigned version = 1;  ///< its record format version
    static constexpr unsigned since = 2;    ///< the case-study format that added the kind
    static constexpr auto code_field =
        &advisor_input::code;  ///< the field that is its external code
    /// Every field, in file order.
    static constexpr auto fields = std::make_tuple(
        make_field("id", &advisor_input::id, field_use::own_id),
        make_field("code", &advisor_input::code, field_use::code),
        make_field("advisor", &advisor_input::advisor), make_field("kind", &advisor_input::kind),
        make_field("summary", &advisor_input::summary, field_use::label),
        make_field("team", &advisor_input::team), make_field("activity", &advisor_input::activity),
        make_field("on", &advisor_input::on), make_field("source", &advisor_input::source),
        make_field("segment", &advisor_input::segment),
        make_field("decision", &advisor_input::decision),
        make_field("decided_by", &advisor_input::decided_by),
        make_field("decided_on", &advisor_input::decided_on),
        make_field("decision_source", &advisor_input::decision_source),
        make_field("change", &advisor_input::change),
        make_field("change_summary", &advisor_input::change_summary, field_use::label),
        make_field("changed_on", &advisor_input::changed_on),
        make_field("change_source", &advisor_input::change_source),
        make_field("provenance", &advisor_input::provenance, field_use::provenance),
        make_field("note", &advisor_input::note, field_use::free_text));
};

/// Every top-level record kind, in the order files store them and a case study is checked.
/// Adding a kind: its struct and record_traits above, an entry here, and its rules in
/// src/partnerqi/model/rules.cpp.
using record_kinds =
    type_list<organization, person, qi_team, qi_activity, practice, practice_enactment, engagement,
              wave, data_source, source_total, code, coded_segment, memo, study_case,
              evaluation_item, evaluation_response, advisor_input>;

}  // namespace partnerqi::model
