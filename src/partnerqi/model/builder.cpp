#include "partnerqi/model/builder.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include "partnerqi/error.hpp"
#include "partnerqi/model/practice_catalog.hpp"

namespace partnerqi::model {

namespace detail {

// One entry per line: the record as far as the line set it, plus the codes it refers to, which
// build() resolves once every record they name has been added.
struct organization_entry {
    model::organization record;
    std::optional<model::provenance> provenance;
};
struct person_entry {
    model::person record;
    std::string organization;
    std::optional<model::provenance> provenance;
};
struct member_entry {
    std::string person;
    team_membership membership;
};
struct team_entry {
    qi_team record;
    std::string organization;
    std::vector<member_entry> members;
    std::optional<model::provenance> provenance;
};
struct activity_entry {
    qi_activity record;
    std::string organization, team;
    std::vector<std::string> advisors;
    std::optional<model::provenance> provenance;
};
struct practice_entry {
    model::practice record;
    std::optional<model::provenance> provenance;
};
struct enactment_entry {
    practice_enactment record;
    std::string practice, manager, organization, team;
    std::vector<std::string> targets;
    std::optional<date> on;
    std::optional<model::provenance> provenance;
};
struct engagement_entry {
    model::engagement record;
    std::string from, to, activity;
    std::optional<date> on;
    std::optional<model::provenance> provenance;
};
struct wave_entry {
    model::wave record;
    std::optional<model::provenance> provenance;
};
struct source_entry {
    data_source record;
    std::string wave, organization;
    std::vector<std::string> participants;
    std::optional<model::provenance> provenance;
};
struct total_entry {
    source_total record;
    std::string organization;
    std::optional<model::provenance> provenance;
};
struct code_entry {
    model::code record;
    std::string parent, practice;
    std::optional<model::provenance> provenance;
};
struct segment_entry {
    coded_segment record;
    std::string source, code;
    std::vector<std::size_t> supports;  // positions in builder_lines::enactments
    std::optional<model::provenance> provenance;
};
struct memo_entry {
    model::memo record;
    std::string source, code;
    std::optional<model::provenance> provenance;
};
struct case_entry {
    model::study_case record;
    std::string organization;
    std::vector<std::string> teams;
    std::optional<model::provenance> provenance;
};

struct builder_lines {
    case_study start;
    model::provenance default_provenance = model::provenance::user_entered;
    std::vector<organization_entry> organizations;
    std::vector<person_entry> people;
    std::vector<team_entry> teams;
    std::vector<activity_entry> activities;
    std::vector<practice_entry> practices;
    std::vector<enactment_entry> enactments;
    std::vector<engagement_entry> engagements;
    std::vector<wave_entry> waves;
    std::vector<source_entry> sources;
    std::vector<total_entry> totals;
    std::vector<code_entry> codes;
    std::vector<segment_entry> segments;
    std::vector<memo_entry> memos;
    std::vector<case_entry> cases;
    // The codes (a code's name) the lines claimed, one set per kind as record_kinds orders them,
    // to refuse a second line with the same one.
    std::array<std::unordered_set<std::string>, record_kinds::size> claimed;
};

}  // namespace detail

namespace {

using detail::builder_lines;

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// "; did you mean "PA-02"?" when a known code of the kind is a few edits away, else "".
template <class Id>
std::string closest_code(const case_study& s, const std::string& code) {
    const std::vector<std::string> near = s.closest_codes<record_for_id<Id>>(code, 1);
    return near.empty() ? "" : "; did you mean " + quoted(near.front()) + "?";
}

template <class Id>
std::string kind_name() {
    return std::string(record_traits<record_for_id<Id>>::kind);
}

template <class Id>
std::optional<Id> find_in(const case_study& s, std::string_view code) {
    return s.find<record_for_id<Id>>(code);
}

// The id of the record with `code`; `where` names the line and `what` how it refers, e.g.
// `lists member`.
template <class Id>
Id resolve(const case_study& s, const std::string& code, const std::string& where,
           const std::string& what) {
    if (auto id = find_in<Id>(s, code)) return *id;
    throw validation_error(
        where, what + " " + quoted(code) + ", but no " + kind_name<Id>() + " has that " +
                   (std::is_same_v<Id, code_id> ? "name" : "code") + closest_code<Id>(s, code));
}

template <class Id>
std::optional<Id> resolve_optional(const case_study& s, const std::string& code,
                                   const std::string& where, const std::string& what) {
    if (code.empty()) return std::nullopt;
    return resolve<Id>(s, code, where, what);
}

// Refuses a line whose code is empty, was claimed by another line or names a record of the
// starting case study.
template <class Id>
void claim(builder_lines& lines, const std::string& code) {
    std::unordered_set<std::string>& taken = lines.claimed[kind_index<record_for_id<Id>>];
    const case_study& start = lines.start;
    const std::string where = std::string(kind_name<Id>()) + " " + quoted(code);
    if (code.empty())
        throw validation_error(where, std::is_same_v<Id, code_id>
                                          ? "has no name; give the code a name"
                                          : "has no code; give it a stable external code");
    if (find_in<Id>(start, code))
        throw validation_error(
            where, "is added, but the case study the builder started from has it already");
    if (!taken.insert(code).second)
        throw validation_error(where, "is added twice; write one line per " +
                                          std::string(kind_name<Id>()) +
                                          " and set all its fields there");
}

date parse_date(std::string_view iso, const std::string& where) {
    try {
        return date::from_iso(iso);
    } catch (const parse_error& e) {
        throw parse_error(where + ": " + e.what());
    }
}

std::string where_of(const detail::organization_entry& e) {
    return "organization " + quoted(e.record.code);
}
std::string where_of(const detail::person_entry& e) { return "person " + quoted(e.record.code); }
std::string where_of(const detail::team_entry& e) { return "team " + quoted(e.record.code); }
std::string where_of(const detail::activity_entry& e) {
    return "activity " + quoted(e.record.code);
}
std::string where_of(const detail::practice_entry& e) {
    return "practice " + quoted(e.record.code);
}
std::string where_of(const detail::enactment_entry& e) {
    return "enactment of practice " + quoted(e.practice) + " by " + quoted(e.manager);
}
std::string where_of(const detail::engagement_entry& e) {
    return "engagement from " + quoted(e.from) + " to " + quoted(e.to);
}
std::string where_of(const detail::wave_entry& e) { return "wave " + quoted(e.record.code); }
std::string where_of(const detail::source_entry& e) {
    return "data source " + quoted(e.record.code);
}
std::string where_of(const detail::total_entry& e) {
    return "source total of " + std::to_string(e.record.count) + " " +
           std::string(to_string(e.record.kind));
}
std::string where_of(const detail::code_entry& e) { return "code " + quoted(e.record.name); }
std::string where_of(const detail::segment_entry& e) {
    return "coded segment of " + quoted(e.source) + " with code " + quoted(e.code);
}
std::string where_of(const detail::memo_entry& e) { return "memo " + quoted(e.record.title); }
std::string where_of(const detail::case_entry& e) { return "case " + quoted(e.record.code); }

// Adds a record; the case study's own refusal comes through naming the line.
template <class Rec>
auto add_to(case_study& s, Rec record, const std::string& where) {
    try {
        return s.add(std::move(record));
    } catch (const validation_error& e) {
        throw validation_error(where, e.rule());
    }
}

template <class Id>
Id required(const case_study& s, const std::string& code, const std::string& where,
            const char* what, const char* how) {
    if (code.empty())
        throw validation_error(where, std::string("has no ") + what + "; name it with " + how);
    return resolve<Id>(s, code, where, std::string("refers to ") + what);
}

}  // namespace

// ---- The lines --------------------------------------------------------------------------------

// A setter that stores its argument in one member of the line's entry and returns the line.
#define PARTNERQI_DETAIL_SETTER(Line, setter, Type, entries, member) \
    Line& Line::setter(Type value) {                                 \
        lines_->entries[at_].member = std::move(value);              \
        return *this;                                                \
    }

PARTNERQI_DETAIL_SETTER(organization_line, name, std::string, organizations, record.name)
PARTNERQI_DETAIL_SETTER(organization_line, kind, std::string, organizations, record.kind)
PARTNERQI_DETAIL_SETTER(organization_line, setting, model::setting, organizations, record.setting)
PARTNERQI_DETAIL_SETTER(organization_line, region, std::string, organizations, record.region)
PARTNERQI_DETAIL_SETTER(organization_line, program, std::string, organizations, record.program)
PARTNERQI_DETAIL_SETTER(organization_line, partnership_model, std::string, organizations,
                        record.partnership_model)
PARTNERQI_DETAIL_SETTER(organization_line, provenance, model::provenance, organizations, provenance)
PARTNERQI_DETAIL_SETTER(organization_line, note, std::string, organizations, record.note)
PARTNERQI_DETAIL_SETTER(person_line, of, std::string, people, organization)
PARTNERQI_DETAIL_SETTER(person_line, display_name, std::string, people, record.display_name)
PARTNERQI_DETAIL_SETTER(person_line, profession, std::string, people, record.profession)
PARTNERQI_DETAIL_SETTER(person_line, role_label, std::string, people, record.role_label)
PARTNERQI_DETAIL_SETTER(person_line, provenance, model::provenance, people, provenance)
PARTNERQI_DETAIL_SETTER(person_line, note, std::string, people, record.note)

namespace {
team_membership& last_member(detail::team_entry& e, const char* setter) {
    if (e.members.empty())
        throw invalid_request_error(
            where_of(e) + ": " + setter +
            "() applies to the member added last, but the team lists no member yet; "
            "call member() first");
    return e.members.back().membership;
}
}  // namespace

PARTNERQI_DETAIL_SETTER(team_line, of, std::string, teams, organization)
PARTNERQI_DETAIL_SETTER(team_line, name, std::string, teams, record.name)
PARTNERQI_DETAIL_SETTER(team_line, clinical_area, std::string, teams, record.clinical_area)
PARTNERQI_DETAIL_SETTER(team_line, unit, std::string, teams, record.unit)
PARTNERQI_DETAIL_SETTER(team_line, level, team_level, teams, record.level)
team_line& team_line::member(std::string person_code, std::string role_in_team) {
    detail::team_entry& e = lines_->teams[at_];
    for (const detail::member_entry& m : e.members)
        if (m.person == person_code)
            throw validation_error(where_of(e),
                                   "lists member " + quoted(person_code) +
                                       " twice; a person is a member of a team at most once");
    team_membership membership;
    membership.role_in_team = std::move(role_in_team);
    e.members.push_back({std::move(person_code), std::move(membership)});
    return *this;
}
team_line& team_line::joined(std::string_view iso_date) {
    detail::team_entry& e = lines_->teams[at_];
    last_member(e, "joined").joined = parse_date(iso_date, where_of(e));
    return *this;
}
team_line& team_line::left(std::string_view iso_date) {
    detail::team_entry& e = lines_->teams[at_];
    last_member(e, "left").left = parse_date(iso_date, where_of(e));
    return *this;
}
team_line& team_line::external() {
    last_member(lines_->teams[at_], "external").external = true;
    return *this;
}
PARTNERQI_DETAIL_SETTER(team_line, provenance, model::provenance, teams, provenance)
PARTNERQI_DETAIL_SETTER(team_line, note, std::string, teams, record.note)
PARTNERQI_DETAIL_SETTER(activity_line, of, std::string, activities, organization)
PARTNERQI_DETAIL_SETTER(activity_line, team, std::string, activities, team)
PARTNERQI_DETAIL_SETTER(activity_line, title, std::string, activities, record.title)
PARTNERQI_DETAIL_SETTER(activity_line, level, activity_level, activities, record.level)
PARTNERQI_DETAIL_SETTER(activity_line, kind, activity_kind, activities, record.kind)
PARTNERQI_DETAIL_SETTER(activity_line, level_reached, engagement_level, activities,
                        record.level_reached)
activity_line& activity_line::start(std::string_view iso_date) {
    detail::activity_entry& e = lines_->activities[at_];
    e.record.start = parse_date(iso_date, where_of(e));
    return *this;
}
activity_line& activity_line::end(std::string_view iso_date) {
    detail::activity_entry& e = lines_->activities[at_];
    e.record.end = parse_date(iso_date, where_of(e));
    return *this;
}
activity_line& activity_line::advisor(std::string person_code) {
    lines_->activities[at_].advisors.push_back(std::move(person_code));
    return *this;
}
PARTNERQI_DETAIL_SETTER(activity_line, provenance, model::provenance, activities, provenance)
PARTNERQI_DETAIL_SETTER(activity_line, note, std::string, activities, record.note)
PARTNERQI_DETAIL_SETTER(practice_line, name, std::string, practices, record.name)
PARTNERQI_DETAIL_SETTER(practice_line, description, std::string, practices, record.description)
PARTNERQI_DETAIL_SETTER(practice_line, provenance, model::provenance, practices, provenance)

enactment_line& enactment_line::on(std::string_view iso_date) {
    detail::enactment_entry& e = lines_->enactments[at_];
    e.on = parse_date(iso_date, where_of(e));
    return *this;
}
PARTNERQI_DETAIL_SETTER(enactment_line, of, std::string, enactments, organization)
PARTNERQI_DETAIL_SETTER(enactment_line, team, std::string, enactments, team)
enactment_line& enactment_line::target(std::string person_code) {
    lines_->enactments[at_].targets.push_back(std::move(person_code));
    return *this;
}
PARTNERQI_DETAIL_SETTER(enactment_line, provenance, model::provenance, enactments, provenance)
PARTNERQI_DETAIL_SETTER(enactment_line, note, std::string, enactments, record.note)
PARTNERQI_DETAIL_SETTER(engagement_line, kind, engagement_kind, engagements, record.kind)
PARTNERQI_DETAIL_SETTER(engagement_line, level, engagement_level, engagements, record.level)
engagement_line& engagement_line::on(std::string_view iso_date) {
    detail::engagement_entry& e = lines_->engagements[at_];
    e.on = parse_date(iso_date, where_of(e));
    return *this;
}
PARTNERQI_DETAIL_SETTER(engagement_line, activity, std::string, engagements, activity)
PARTNERQI_DETAIL_SETTER(engagement_line, provenance, model::provenance, engagements, provenance)
PARTNERQI_DETAIL_SETTER(wave_line, label, std::string, waves, record.label)
PARTNERQI_DETAIL_SETTER(wave_line, provenance, model::provenance, waves, provenance)
PARTNERQI_DETAIL_SETTER(source_line, title, std::string, sources, record.title)
source_line& source_line::on(std::string_view iso_date) {
    detail::source_entry& e = lines_->sources[at_];
    e.record.on = parse_date(iso_date, where_of(e));
    return *this;
}
PARTNERQI_DETAIL_SETTER(source_line, wave, std::string, sources, wave)
PARTNERQI_DETAIL_SETTER(source_line, of, std::string, sources, organization)
source_line& source_line::participant(std::string person_code) {
    lines_->sources[at_].participants.push_back(std::move(person_code));
    return *this;
}
PARTNERQI_DETAIL_SETTER(source_line, tier, management_tier, sources, record.tier)
PARTNERQI_DETAIL_SETTER(source_line, composition, group_composition, sources, record.composition)
PARTNERQI_DETAIL_SETTER(source_line, text, std::string, sources, record.text)
PARTNERQI_DETAIL_SETTER(source_line, provenance, model::provenance, sources, provenance)
PARTNERQI_DETAIL_SETTER(total_line, of, std::string, totals, organization)
PARTNERQI_DETAIL_SETTER(total_line, tier, management_tier, totals, record.tier)
PARTNERQI_DETAIL_SETTER(total_line, description, std::string, totals, record.description)
PARTNERQI_DETAIL_SETTER(total_line, provenance, model::provenance, totals, provenance)
PARTNERQI_DETAIL_SETTER(code_line, parent, std::string, codes, parent)
PARTNERQI_DETAIL_SETTER(code_line, definition, std::string, codes, record.definition)
PARTNERQI_DETAIL_SETTER(code_line, provenance, model::provenance, codes, provenance)
PARTNERQI_DETAIL_SETTER(code_line, category, practice_category, codes, record.category)
PARTNERQI_DETAIL_SETTER(code_line, practice, std::string, codes, practice)

segment_line& segment_line::span(std::uint32_t begin, std::uint32_t end) {
    lines_->segments[at_].record.begin = begin;
    lines_->segments[at_].record.end = end;
    return *this;
}
PARTNERQI_DETAIL_SETTER(segment_line, text, std::string, segments, record.text)
PARTNERQI_DETAIL_SETTER(segment_line, provenance, model::provenance, segments, provenance)
segment_line& segment_line::supports(const enactment_line& enactment) {
    if (enactment.lines_ != lines_)
        throw invalid_request_error(
            where_of(lines_->segments[at_]) +
            ": supports an enactment written in another builder; write both in one");
    lines_->segments[at_].supports.push_back(enactment.at_);
    return *this;
}

PARTNERQI_DETAIL_SETTER(memo_line, text, std::string, memos, record.text)
PARTNERQI_DETAIL_SETTER(memo_line, provenance, model::provenance, memos, provenance)
memo_line& memo_line::on(std::string_view iso_date) {
    detail::memo_entry& e = lines_->memos[at_];
    e.record.on = parse_date(iso_date, where_of(e));
    return *this;
}
PARTNERQI_DETAIL_SETTER(memo_line, source, std::string, memos, source)
PARTNERQI_DETAIL_SETTER(memo_line, code, std::string, memos, code)
PARTNERQI_DETAIL_SETTER(case_line, label, std::string, cases, record.label)
PARTNERQI_DETAIL_SETTER(case_line, of, std::string, cases, organization)
case_line& case_line::team(std::string team_code) {
    lines_->cases[at_].teams.push_back(std::move(team_code));
    return *this;
}
PARTNERQI_DETAIL_SETTER(case_line, provenance, model::provenance, cases, provenance)

#undef PARTNERQI_DETAIL_SETTER

// ---- The builder ------------------------------------------------------------------------------

builder::builder(std::string title, date_window window)
    : builder(case_study(std::move(title), window)) {}

builder::builder(case_study start) : lines_(std::make_unique<builder_lines>()) {
    lines_->start = std::move(start);
}

builder::builder(builder&&) noexcept = default;
builder& builder::operator=(builder&&) noexcept = default;
builder::~builder() = default;

builder& builder::description(std::string text) {
    lines_->start.set_description(std::move(text));
    return *this;
}

builder& builder::default_provenance(model::provenance value) {
    lines_->default_provenance = value;
    return *this;
}

organization_line builder::organization(std::string code) {
    claim<organization_id>(*lines_, code);
    detail::organization_entry e;
    e.record.code = std::move(code);
    lines_->organizations.push_back(std::move(e));
    return {lines_.get(), lines_->organizations.size() - 1};
}

person_line builder::person(std::string code, person_role role) {
    claim<person_id>(*lines_, code);
    detail::person_entry e;
    e.record.code = std::move(code);
    e.record.role = role;
    lines_->people.push_back(std::move(e));
    return {lines_.get(), lines_->people.size() - 1};
}

person_line builder::manager(std::string code, management_tier tier) {
    person_line line = person(std::move(code), person_role::manager);
    lines_->people.back().record.tier = tier;
    return line;
}

person_line builder::advisor(std::string code) {
    return person(std::move(code), person_role::patient_advisor);
}

person_line builder::provider(std::string code, std::string profession) {
    return person(std::move(code), person_role::provider).profession(std::move(profession));
}

team_line builder::team(std::string code) {
    claim<team_id>(*lines_, code);
    detail::team_entry e;
    e.record.code = std::move(code);
    lines_->teams.push_back(std::move(e));
    return {lines_.get(), lines_->teams.size() - 1};
}

activity_line builder::activity(std::string code) {
    claim<activity_id>(*lines_, code);
    detail::activity_entry e;
    e.record.code = std::move(code);
    lines_->activities.push_back(std::move(e));
    return {lines_.get(), lines_->activities.size() - 1};
}

practice_line builder::practice(std::string code, practice_category category) {
    claim<practice_id>(*lines_, code);
    detail::practice_entry e;
    e.record.name = code;
    e.record.code = std::move(code);
    e.record.category = category;
    lines_->practices.push_back(std::move(e));
    return {lines_.get(), lines_->practices.size() - 1};
}

builder& builder::adopt_default_practice_catalog() {
    for (model::practice& p : default_practice_catalog()) {
        if (lines_->claimed[kind_index<model::practice>].count(p.code) ||
            find_in<practice_id>(lines_->start, p.code))
            continue;
        lines_->claimed[kind_index<model::practice>].insert(p.code);
        const model::provenance marked = lines_->default_provenance;
        lines_->practices.push_back({adopted(std::move(p), marked), marked});
    }
    return *this;
}

enactment_line builder::enactment(std::string practice_code, std::string manager_code) {
    detail::enactment_entry e;
    e.practice = std::move(practice_code);
    e.manager = std::move(manager_code);
    lines_->enactments.push_back(std::move(e));
    return {lines_.get(), lines_->enactments.size() - 1};
}

engagement_line builder::engagement(std::string from_code, std::string to_code) {
    detail::engagement_entry e;
    e.from = std::move(from_code);
    e.to = std::move(to_code);
    if (e.from == e.to)
        throw validation_error(
            where_of(e),
            "joins " + quoted(e.from) + " to themself; an engagement joins two different people");
    lines_->engagements.push_back(std::move(e));
    return {lines_.get(), lines_->engagements.size() - 1};
}

wave_line builder::wave(std::string code, date_window window) {
    claim<wave_id>(*lines_, code);
    detail::wave_entry e;
    e.record.label = code;
    e.record.code = std::move(code);
    e.record.window = window;
    lines_->waves.push_back(std::move(e));
    return {lines_.get(), lines_->waves.size() - 1};
}

wave_line builder::wave(std::string code, std::string_view first_iso, std::string_view last_iso) {
    const std::string where = "wave " + quoted(code);
    const date first = parse_date(first_iso, where);
    const date last = parse_date(last_iso, where);
    if (last < first)
        throw validation_error(
            where, "ends (" + last.to_iso() + ") before it starts (" + first.to_iso() + ")");
    return wave(std::move(code), date_window(first, last));
}

source_line builder::source(std::string code, source_kind kind) {
    claim<source_id>(*lines_, code);
    detail::source_entry e;
    e.record.code = std::move(code);
    e.record.kind = kind;
    lines_->sources.push_back(std::move(e));
    return {lines_.get(), lines_->sources.size() - 1};
}

total_line builder::total(source_kind kind, std::uint32_t count) {
    detail::total_entry e;
    e.record.kind = kind;
    e.record.count = count;
    lines_->totals.push_back(std::move(e));
    return {lines_.get(), lines_->totals.size() - 1};
}

code_line builder::code(std::string name) {
    claim<code_id>(*lines_, name);
    detail::code_entry e;
    e.record.name = std::move(name);
    lines_->codes.push_back(std::move(e));
    return {lines_.get(), lines_->codes.size() - 1};
}

segment_line builder::segment(std::string source_code, std::string code_name, std::string coder) {
    detail::segment_entry e;
    e.source = std::move(source_code);
    e.code = std::move(code_name);
    e.record.coder = std::move(coder);
    lines_->segments.push_back(std::move(e));
    return {lines_.get(), lines_->segments.size() - 1};
}

memo_line builder::memo(std::string title) {
    detail::memo_entry e;
    e.record.title = std::move(title);
    lines_->memos.push_back(std::move(e));
    return {lines_.get(), lines_->memos.size() - 1};
}

case_line builder::study_case(std::string code) {
    claim<case_id>(*lines_, code);
    detail::case_entry e;
    e.record.label = code;
    e.record.code = std::move(code);
    lines_->cases.push_back(std::move(e));
    return {lines_.get(), lines_->cases.size() - 1};
}

case_study builder::build() const {
    const builder_lines& lines = *lines_;
    case_study s = lines.start;
    auto provenance_of = [&](const std::optional<model::provenance>& p) {
        return p.value_or(lines.default_provenance);
    };

    for (const detail::organization_entry& e : lines.organizations) {
        model::organization r = e.record;
        r.provenance = provenance_of(e.provenance);
        add_to(s, std::move(r), where_of(e));
    }
    for (const detail::person_entry& e : lines.people) {
        model::person r = e.record;
        r.organization = resolve_optional<organization_id>(s, e.organization, where_of(e),
                                                           "belongs to organization");
        r.provenance = provenance_of(e.provenance);
        add_to(s, std::move(r), where_of(e));
    }
    for (const detail::practice_entry& e : lines.practices) {
        model::practice r = e.record;
        r.provenance = provenance_of(e.provenance);
        add_to(s, std::move(r), where_of(e));
    }
    for (const detail::team_entry& e : lines.teams) {
        const std::string where = where_of(e);
        qi_team r = e.record;
        r.organization = required<organization_id>(s, e.organization, where, "organization",
                                                   ".of(\"<organization code>\")");
        for (const detail::member_entry& m : e.members) {
            team_membership membership = m.membership;
            membership.person = resolve<person_id>(s, m.person, where, "lists member");
            membership.provenance = provenance_of(e.provenance);
            r.members.push_back(std::move(membership));
        }
        r.provenance = provenance_of(e.provenance);
        add_to(s, std::move(r), where);
    }
    for (const detail::activity_entry& e : lines.activities) {
        const std::string where = where_of(e);
        qi_activity r = e.record;
        r.team = resolve_optional<team_id>(s, e.team, where, "refers to team");
        if (!e.organization.empty() || !r.team)
            r.organization =
                required<organization_id>(s, e.organization, where, "organization",
                                          ".of(\"<organization code>\") or .team(\"<team code>\")");
        else
            r.organization = s.get(*r.team).organization;
        for (const std::string& a : e.advisors)
            r.advisors.push_back(resolve<person_id>(s, a, where, "lists advisor"));
        r.provenance = provenance_of(e.provenance);
        add_to(s, std::move(r), where);
    }
    std::vector<enactment_id> enacted;
    enacted.reserve(lines.enactments.size());
    for (const detail::enactment_entry& e : lines.enactments) {
        const std::string where = where_of(e);
        practice_enactment r = e.record;
        r.practice = resolve<practice_id>(s, e.practice, where, "performs practice");
        r.manager = resolve<person_id>(s, e.manager, where, "is performed by");
        if (!e.on) throw validation_error(where, "has no date; set one with .on(\"YYYY-MM-DD\")");
        r.on = *e.on;
        r.team = resolve_optional<team_id>(s, e.team, where, "refers to team");
        if (!e.organization.empty()) {
            r.organization =
                resolve<organization_id>(s, e.organization, where, "refers to organization");
        } else if (r.team) {
            r.organization = s.get(*r.team).organization;
        } else if (auto own = s.get(r.manager).organization) {
            r.organization = *own;
        } else {
            throw validation_error(where,
                                   "has no organization, and the manager belongs to none; name it "
                                   "with .of(\"<organization code>\")");
        }
        for (const std::string& t : e.targets)
            r.targets.push_back(resolve<person_id>(s, t, where, "targets"));
        r.provenance = provenance_of(e.provenance);
        enacted.push_back(add_to(s, std::move(r), where));
    }
    for (const detail::engagement_entry& e : lines.engagements) {
        const std::string where = where_of(e);
        model::engagement r = e.record;
        r.from = resolve<person_id>(s, e.from, where, "starts from");
        r.to = resolve<person_id>(s, e.to, where, "goes to");
        if (!e.on) throw validation_error(where, "has no date; set one with .on(\"YYYY-MM-DD\")");
        r.on = *e.on;
        r.activity = resolve_optional<activity_id>(s, e.activity, where, "belongs to activity");
        r.provenance = provenance_of(e.provenance);
        add_to(s, std::move(r), where);
    }
    for (const detail::wave_entry& e : lines.waves) {
        model::wave r = e.record;
        r.provenance = provenance_of(e.provenance);
        add_to(s, std::move(r), where_of(e));
    }
    for (const detail::source_entry& e : lines.sources) {
        const std::string where = where_of(e);
        data_source r = e.record;
        r.wave = resolve_optional<wave_id>(s, e.wave, where, "belongs to wave");
        r.organization =
            resolve_optional<organization_id>(s, e.organization, where, "belongs to organization");
        for (const std::string& p : e.participants)
            r.participants.push_back(resolve<person_id>(s, p, where, "lists participant"));
        r.provenance = provenance_of(e.provenance);
        add_to(s, std::move(r), where);
    }
    for (const detail::total_entry& e : lines.totals) {
        source_total r = e.record;
        r.organization = resolve_optional<organization_id>(s, e.organization, where_of(e),
                                                           "counts organization");
        r.provenance = provenance_of(e.provenance);
        add_to(s, std::move(r), where_of(e));
    }
    // Parents before children: each pass adds the codes whose parent is known by then.
    std::vector<const detail::code_entry*> waiting;
    for (const detail::code_entry& e : lines.codes)
        waiting.push_back(&e);
    while (!waiting.empty()) {
        auto ready =
            std::stable_partition(waiting.begin(), waiting.end(), [&](const detail::code_entry* e) {
                return !e->parent.empty() && !find_in<code_id>(s, e->parent);
            });
        if (ready == waiting.end()) {
            const detail::code_entry& e = *waiting.front();
            if (lines.claimed[kind_index<model::code>].count(e.parent))
                throw validation_error(where_of(e),
                                       "has parent " + quoted(e.parent) +
                                           ", which descends from it; the codebook must be a tree");
            (void)resolve<code_id>(s, e.parent, where_of(e), "has parent");
        }
        for (auto it = ready; it != waiting.end(); ++it) {
            const detail::code_entry& e = **it;
            model::code r = e.record;
            r.parent = resolve_optional<code_id>(s, e.parent, where_of(e), "has parent");
            r.practice =
                resolve_optional<practice_id>(s, e.practice, where_of(e), "stands for practice");
            r.provenance = provenance_of(e.provenance);
            add_to(s, std::move(r), where_of(e));
        }
        waiting.erase(ready, waiting.end());
    }
    for (const detail::segment_entry& e : lines.segments) {
        const std::string where = where_of(e);
        coded_segment r = e.record;
        r.source = resolve<source_id>(s, e.source, where, "codes data source");
        r.code = resolve<code_id>(s, e.code, where, "applies code");
        for (std::size_t at : e.supports)
            r.supports.push_back(enacted[at]);
        r.provenance = provenance_of(e.provenance);
        add_to(s, std::move(r), where);
    }
    for (const detail::memo_entry& e : lines.memos) {
        model::memo r = e.record;
        r.source = resolve_optional<source_id>(s, e.source, where_of(e), "is about data source");
        r.code = resolve_optional<code_id>(s, e.code, where_of(e), "is about code");
        r.provenance = provenance_of(e.provenance);
        add_to(s, std::move(r), where_of(e));
    }
    for (const detail::case_entry& e : lines.cases) {
        const std::string where = where_of(e);
        model::study_case r = e.record;
        r.organization = required<organization_id>(s, e.organization, where, "organization",
                                                   ".of(\"<organization code>\")");
        for (const std::string& t : e.teams)
            r.teams.push_back(resolve<team_id>(s, t, where, "studies team"));
        r.provenance = provenance_of(e.provenance);
        add_to(s, std::move(r), where);
    }
    return s;
}

}  // namespace partnerqi::model
