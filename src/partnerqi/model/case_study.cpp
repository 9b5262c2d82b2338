#include "partnerqi/model/case_study.hpp"

#include <algorithm>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <utility>

#include "partnerqi/error.hpp"

namespace partnerqi::model {

namespace {

template <class Rec, class Id>
const Rec* find_by_id(const std::vector<Rec>& records, Id id) {
    if (!id.valid()) return nullptr;
    // Fast path: while nothing has been removed, id n sits at index n - 1.
    if (id.value <= records.size() && records[id.value - 1].id == id) return &records[id.value - 1];
    auto it = std::lower_bound(records.begin(), records.end(), id,
                               [](const Rec& r, Id i) { return (r.id) < i; });
    return (it != records.end() && it->id == id) ? &*it : nullptr;
}

template <class Rec, class Id>
Rec* find_by_id(std::vector<Rec>& records, Id id) {
    return const_cast<Rec*>(find_by_id(std::as_const(records), id));
}

std::string hash_id(std::uint32_t value) { return "#" + std::to_string(value); }

template <class Id>
std::string kind_name();
template <> std::string kind_name<organization_id>() { return "organization"; }
template <> std::string kind_name<person_id>() { return "person"; }
template <> std::string kind_name<team_id>() { return "team"; }
template <> std::string kind_name<activity_id>() { return "activity"; }
template <> std::string kind_name<practice_id>() { return "practice"; }
template <> std::string kind_name<enactment_id>() { return "practice enactment"; }
template <> std::string kind_name<engagement_id>() { return "engagement"; }
template <> std::string kind_name<wave_id>() { return "wave"; }
template <> std::string kind_name<source_id>() { return "data source"; }
template <> std::string kind_name<total_id>() { return "source total"; }
template <> std::string kind_name<code_id>() { return "code"; }
template <> std::string kind_name<segment_id>() { return "coded segment"; }
template <> std::string kind_name<memo_id>() { return "memo"; }
template <> std::string kind_name<case_id>() { return "case"; }

// The code a record is known by in its kind's index; records without one return nullptr.
const std::string* code_key(const organization& r) { return &r.code; }
const std::string* code_key(const person& r) { return &r.code; }
const std::string* code_key(const qi_team& r) { return &r.code; }
const std::string* code_key(const qi_activity& r) { return &r.code; }
const std::string* code_key(const practice& r) { return &r.code; }
const std::string* code_key(const wave& r) { return &r.code; }
const std::string* code_key(const data_source& r) { return &r.code; }
const std::string* code_key(const code& r) { return &r.name; }
const std::string* code_key(const study_case& r) { return &r.code; }
template <class Rec>
const std::string* code_key(const Rec&) { return nullptr; }

// How a record is named in messages: its kind and its code (a code's name in quotes), or its id
// when it has no code.
template <class Rec>
std::string describe(const Rec& r) {
    const std::string* key = code_key(r);
    std::string label = !key || key->empty() ? hash_id(r.id.value)
                        : std::is_same_v<Rec, code> ? "\"" + *key + "\""
                                                     : *key;
    return kind_name<decltype(r.id)>() + " " + label;
}

template <class Rec>
auto& records_of(case_study_data& d);
template <class Rec>
const auto& records_of(const case_study_data& d) { return records_of<Rec>(const_cast<case_study_data&>(d)); }
template <> auto& records_of<organization>(case_study_data& d) { return d.organizations; }
template <> auto& records_of<person>(case_study_data& d) { return d.people; }
template <> auto& records_of<qi_team>(case_study_data& d) { return d.teams; }
template <> auto& records_of<qi_activity>(case_study_data& d) { return d.activities; }
template <> auto& records_of<practice>(case_study_data& d) { return d.practices; }
template <> auto& records_of<practice_enactment>(case_study_data& d) { return d.enactments; }
template <> auto& records_of<engagement>(case_study_data& d) { return d.engagements; }
template <> auto& records_of<wave>(case_study_data& d) { return d.waves; }
template <> auto& records_of<data_source>(case_study_data& d) { return d.sources; }
template <> auto& records_of<source_total>(case_study_data& d) { return d.totals; }
template <> auto& records_of<code>(case_study_data& d) { return d.codes; }
template <> auto& records_of<coded_segment>(case_study_data& d) { return d.segments; }
template <> auto& records_of<memo>(case_study_data& d) { return d.memos; }
template <> auto& records_of<study_case>(case_study_data& d) { return d.cases; }

template <class Id>
struct record_for;
#define PARTNERQI_DETAIL_RECORD_FOR(Id, Rec) \
    template <>                             \
    struct record_for<Id> {                 \
        using type = Rec;                   \
    };
PARTNERQI_DETAIL_RECORD_FOR(organization_id, organization)
PARTNERQI_DETAIL_RECORD_FOR(person_id, person)
PARTNERQI_DETAIL_RECORD_FOR(team_id, qi_team)
PARTNERQI_DETAIL_RECORD_FOR(activity_id, qi_activity)
PARTNERQI_DETAIL_RECORD_FOR(practice_id, practice)
PARTNERQI_DETAIL_RECORD_FOR(enactment_id, practice_enactment)
PARTNERQI_DETAIL_RECORD_FOR(engagement_id, engagement)
PARTNERQI_DETAIL_RECORD_FOR(wave_id, wave)
PARTNERQI_DETAIL_RECORD_FOR(source_id, data_source)
PARTNERQI_DETAIL_RECORD_FOR(total_id, source_total)
PARTNERQI_DETAIL_RECORD_FOR(code_id, code)
PARTNERQI_DETAIL_RECORD_FOR(segment_id, coded_segment)
PARTNERQI_DETAIL_RECORD_FOR(memo_id, memo)
PARTNERQI_DETAIL_RECORD_FOR(case_id, study_case)
#undef PARTNERQI_DETAIL_RECORD_FOR

}  // namespace

// Checks one record's own fields and every reference it makes, against the rest of the data.
// Code uniqueness is checked by the callers, which own the code index.
class checker {
public:
    explicit checker(const case_study_data& d) : d_(d) {}

    void check(const organization& r) const {
        require_code(r, r.code);
        require_enum(r, r.setting, "setting");
        require_enum(r, r.provenance, "provenance");
    }

    void check(const person& r) const {
        require_code(r, r.code);
        require_enum(r, r.role, "role");
        require_enum(r, r.provenance, "provenance");
        if (r.tier) require_enum(r, *r.tier, "tier");
        if (r.role == person_role::manager && !r.tier)
            fail(r, "a manager must have a tier (top-level, mid-level or front-line)");
        if (r.role != person_role::manager && r.tier)
            fail(r, "only a manager has a tier, but this person's role is " +
                        std::string(to_string(r.role)));
        if (r.organization) require(r, *r.organization, "organization");
    }

    void check(const qi_team& r) const {
        require_code(r, r.code);
        require_enum(r, r.level, "level");
        require_enum(r, r.provenance, "provenance");
        const organization& org = require(r, r.organization, "organization");
        std::unordered_set<std::uint32_t> seen;
        for (const team_membership& m : r.members) {
            const person& p = require(r, m.person, "member");
            if (!seen.insert(m.person.value).second)
                fail(r, "lists " + describe(p) + " twice; a person is a member at most once");
            std::string what = "membership of " + describe(p);
            if (m.joined) require_in_window(r, *m.joined, what + " (joined)");
            if (m.left) require_in_window(r, *m.left, what + " (left)");
            if (m.joined && m.left && *m.left < *m.joined)
                fail(r, what + " ends (" + m.left->to_iso() + ") before it starts (" +
                            m.joined->to_iso() + ")");
            if (!m.external && p.organization != std::optional<organization_id>(r.organization))
                fail(r, describe(p) + " does not belong to " + describe(org) +
                            "; mark the membership external if that is intended");
        }
    }

    void check(const qi_activity& r) const {
        require_code(r, r.code);
        require_enum(r, r.level, "level");
        require_enum(r, r.kind, "kind");
        require_enum(r, r.provenance, "provenance");
        if (r.level_reached) require_enum(r, *r.level_reached, "level reached");
        require(r, r.organization, "organization");
        if (r.team) require_team_of(r, *r.team, r.organization);
        require_span(r, r.start, r.end);
        std::unordered_set<std::uint32_t> seen;
        for (person_id a : r.advisors) {
            const person& p = require(r, a, "advisor");
            if (p.role != person_role::patient_advisor)
                fail(r, "lists " + describe(p) + " as an advisor, but that person's role is " +
                            std::string(to_string(p.role)));
            if (!seen.insert(a.value).second) fail(r, "lists " + describe(p) + " twice");
        }
    }

    void check(const practice& r) const {
        require_code(r, r.code);
        require_enum(r, r.category, "category");
        require_enum(r, r.provenance, "provenance");
        if (r.name.empty()) fail(r, "has no name; give the practice a name");
    }

    void check(const practice_enactment& r) const {
        require_enum(r, r.provenance, "provenance");
        require(r, r.practice, "practice");
        const person& m = require(r, r.manager, "manager");
        if (m.role != person_role::manager)
            fail(r, "is performed by " + describe(m) + ", whose role is " +
                        std::string(to_string(m.role)) + "; practices are performed by managers");
        require_in_window(r, r.on, "its date");
        require(r, r.organization, "organization");
        if (r.team) require_team_of(r, *r.team, r.organization);
        require_unique_people(r, r.targets, "target");
    }

    void check(const engagement& r) const {
        require_enum(r, r.kind, "kind");
        require_enum(r, r.level, "level");
        require_enum(r, r.provenance, "provenance");
        const person& from = require(r, r.from, "engaging person");
        require(r, r.to, "engaged person");
        if (r.from == r.to) fail(r, "joins " + describe(from) + " to themself; an engagement joins two different people");
        require_in_window(r, r.on, "its date");
        if (r.activity) require(r, *r.activity, "activity");
    }

    void check(const wave& r) const {
        require_code(r, r.code);
        if (!d_.window.contains(r.window))
            fail(r, "spans " + r.window.to_iso() + ", outside the study window " +
                        d_.window.to_iso() + "; widen the study window or shorten the wave");
    }

    void check(const data_source& r) const {
        require_code(r, r.code);
        require_enum(r, r.kind, "kind");
        require_enum(r, r.provenance, "provenance");
        if (r.on) require_in_window(r, *r.on, "its date");
        if (r.wave) {
            const wave& w = require(r, *r.wave, "wave");
            if (r.on && !w.window.contains(*r.on))
                fail(r, "is dated " + r.on->to_iso() + ", outside its " + describe(w) + " (" +
                            w.window.to_iso() + ")");
        }
        if (r.organization) require(r, *r.organization, "organization");
        require_unique_people(r, r.participants, "participant");
        if (r.kind == source_kind::interview && r.participants.size() > 1)
            fail(r, "is an interview with " + std::to_string(r.participants.size()) +
                        " participants; an interview has one (record a focus group instead)");
        if (r.tier) {
            require_enum(r, *r.tier, "tier");
            if (r.kind != source_kind::interview) fail(r, "has a tier, but only an interview has one");
        }
        if (r.composition) {
            require_enum(r, *r.composition, "composition");
            if (r.kind != source_kind::focus_group)
                fail(r, "has a composition, but only a focus group has one");
        }
    }

    void check(const source_total& r) const {
        require_enum(r, r.kind, "kind");
        require_enum(r, r.provenance, "provenance");
        if (r.organization) require(r, *r.organization, "organization");
        if (r.tier) {
            require_enum(r, *r.tier, "tier");
            if (r.kind != source_kind::interview) fail(r, "splits by tier, but only interviews have a tier");
        }
    }

    void check(const code& r) const {
        if (r.name.empty()) fail(r, "has no name; give the code a name");
        if (r.category) require_enum(r, *r.category, "category");
        if (r.practice) {
            const practice& p = require(r, *r.practice, "practice");
            if (r.category && *r.category != p.category)
                fail(r, "stands for category " + std::string(to_string(*r.category)) + " and for " +
                            describe(p) + " of category " + std::string(to_string(p.category)));
        }
        // The parent chain must end: at most as many steps as there are codes.
        std::optional<code_id> parent = r.parent;
        for (std::size_t steps = 0; parent; ++steps) {
            if (*parent == r.id || steps > d_.codes.size())
                fail(r, "is its own ancestor; the codebook must be a tree");
            parent = require(r, *parent, "parent code").parent;
        }
    }

    void check(const coded_segment& r) const {
        const data_source& s = require(r, r.source, "source");
        if (r.end < r.begin) fail(r, "ends (" + std::to_string(r.end) + ") before it begins (" + std::to_string(r.begin) + ")");
        if (!s.text.empty() && r.end > s.text.size())
            fail(r, "ends at " + std::to_string(r.end) + ", past the end of " + describe(s) +
                        " (" + std::to_string(s.text.size()) + " characters)");
        require(r, r.code, "code");
        if (r.coder.empty()) fail(r, "has no coder; name who coded it");
        std::unordered_set<std::uint32_t> seen;
        for (enactment_id e : r.supports) {
            require(r, e, "supported enactment");
            if (!seen.insert(e.value).second) fail(r, "lists a supported enactment twice");
        }
    }

    void check(const memo& r) const {
        if (r.source) require(r, *r.source, "source");
        if (r.code) require(r, *r.code, "code");
    }

    void check(const study_case& r) const {
        require_code(r, r.code);
        require_enum(r, r.provenance, "provenance");
        require(r, r.organization, "organization");
        std::unordered_set<std::uint32_t> seen;
        for (team_id t : r.teams) {
            require_team_of(r, t, r.organization);
            if (!seen.insert(t.value).second) fail(r, "lists a team twice");
        }
    }

    template <class Rec>
    [[noreturn]] static void fail(const Rec& r, const std::string& rule) {
        throw validation_error(describe(r), rule);
    }

private:
    template <class Rec, class Id>
    const typename record_for<Id>::type& require(const Rec& r, Id id, const std::string& role) const {
        using Target = typename record_for<Id>::type;
        const auto& records = records_of<Target>(d_);
        // Ids are strictly increasing from 1 (index_records checks that before any record is
        // checked, and add keeps it), so when the last id equals the count they are exactly
        // 1..n: existence is then a range check that reads no record, which keeps checking
        // millions of engagements from missing the cache twice per engagement.
        if (id.valid() && id.value <= records.size() && records.back().id.value == records.size())
            return records[id.value - 1];
        const Target* target = find_by_id(records, id);
        if (!target)
            fail(r, "refers to " + role + " " + hash_id(id.value) + ", but no " + kind_name<Id>() +
                        " has that id; add it first");
        return *target;
    }

    template <class Rec>
    void require_code(const Rec& r, const std::string& code) const {
        if (code.empty()) fail(r, "has no code; give it a stable external code");
    }

    template <class Rec, class Enum>
    static void require_enum(const Rec& r, Enum value, const char* what) {
        if (!is_valid(value))
            fail(r, std::string("has an invalid ") + what + " (" +
                        std::to_string(static_cast<int>(value)) + ")");
    }

    template <class Rec>
    void require_in_window(const Rec& r, date d, const std::string& what) const {
        if (!d_.window.contains(d))
            fail(r, what + " " + d.to_iso() + " lies outside the study window " +
                        d_.window.to_iso());
    }

    template <class Rec>
    void require_span(const Rec& r, const std::optional<date>& start, const std::optional<date>& end) const {
        if (start) require_in_window(r, *start, "its start");
        if (end) require_in_window(r, *end, "its end");
        if (start && end && *end < *start)
            fail(r, "ends (" + end->to_iso() + ") before it starts (" + start->to_iso() + ")");
    }

    template <class Rec>
    void require_team_of(const Rec& r, team_id t, organization_id org) const {
        const qi_team& team = require(r, t, "team");
        if (team.organization != org)
            fail(r, "refers to " + describe(team) + ", which belongs to another organization");
    }

    template <class Rec>
    void require_unique_people(const Rec& r, const std::vector<person_id>& people, const std::string& role) const {
        std::unordered_set<std::uint32_t> seen;
        for (person_id p : people) {
            const person& who = require(r, p, role);
            if (!seen.insert(p.value).second) fail(r, "lists " + describe(who) + " twice");
        }
    }

    const case_study_data& d_;
};

namespace {

using code_map = std::unordered_map<std::string, std::uint32_t>;

template <class Index>
code_map* map_for(Index& ix, const organization*) { return &ix.organizations; }
template <class Index>
code_map* map_for(Index& ix, const person*) { return &ix.people; }
template <class Index>
code_map* map_for(Index& ix, const qi_team*) { return &ix.teams; }
template <class Index>
code_map* map_for(Index& ix, const qi_activity*) { return &ix.activities; }
template <class Index>
code_map* map_for(Index& ix, const practice*) { return &ix.practices; }
template <class Index>
code_map* map_for(Index& ix, const wave*) { return &ix.waves; }
template <class Index>
code_map* map_for(Index& ix, const data_source*) { return &ix.sources; }
template <class Index>
code_map* map_for(Index& ix, const code*) { return &ix.codes; }
template <class Index>
code_map* map_for(Index& ix, const study_case*) { return &ix.cases; }
template <class Index, class Rec>
code_map* map_for(Index&, const Rec*) { return nullptr; }

// Checks ids (non-zero, strictly increasing) and code uniqueness of one kind, filling `codes`.
template <class Rec>
void index_records(const std::vector<Rec>& records, code_map* codes) {
    std::uint32_t previous = 0;
    for (const Rec& r : records) {
        if (!r.id.valid()) checker::fail(r, "has no id");
        if (r.id.value <= previous)
            checker::fail(r, "is out of id order or repeats an id; records are kept in id order");
        previous = r.id.value;
        if (codes) {
            if (!codes->emplace(*code_key(r), r.id.value).second)
                checker::fail(r, "repeats a code that another " + kind_name<decltype(r.id)>() +
                                     " already has; codes must be unique");
        }
    }
}

template <class Rec>
void check_all(const checker& c, const std::vector<Rec>& records) {
    for (const Rec& r : records) c.check(r);
}

template <class F>
void for_each_kind(case_study_data& d, F&& f) {
    f(d.organizations); f(d.people); f(d.teams); f(d.activities); f(d.practices);
    f(d.enactments); f(d.engagements); f(d.waves); f(d.sources); f(d.totals);
    f(d.codes); f(d.segments); f(d.memos); f(d.cases);
}

template <class Index>
void build_index(const case_study_data& d, Index& ix) {
    for_each_kind(const_cast<case_study_data&>(d), [&](const auto& records) {
        using Rec = typename std::decay_t<decltype(records)>::value_type;
        index_records(records, map_for(ix, static_cast<const Rec*>(nullptr)));
    });
}

template <class Index>
void validate_data(const case_study_data& d, Index& ix) {
    build_index(d, ix);
    checker c(d);
    for_each_kind(const_cast<case_study_data&>(d), [&](const auto& records) { check_all(c, records); });
}

}  // namespace

case_study::case_study(std::string title, date_window window) {
    data_.title = std::move(title);
    data_.window = window;
}

case_study case_study::from_data(case_study_data data) {
    case_study s;
    s.data_ = std::move(data);
    validate_data(s.data_, s.index_);
    return s;
}

void case_study::validate() const {
    code_index scratch;
    validate_data(data_, scratch);
}

void case_study::set_window(date_window window) {
    date_window old = data_.window;
    data_.window = window;
    try {
        validate();
    } catch (...) {
        data_.window = old;
        throw;
    }
}

namespace {

template <class Rec, class Index>
auto add_record(case_study_data& d, Index& ix, Rec record) {
    if (record.id.valid())
        checker::fail(record, "already has an id; the case study assigns ids, leave it empty");
    auto& records = records_of<Rec>(d);
    std::uint32_t next = records.empty() ? 1 : records.back().id.value + 1;
    record.id.value = next;
    checker(d).check(record);
    code_map* codes = map_for(ix, static_cast<const Rec*>(nullptr));
    if (codes && codes->count(*code_key(record)))
        checker::fail(record, "repeats a code that is already taken; codes must be unique");
    records.push_back(std::move(record));
    try {
        if (codes) codes->emplace(*code_key(records.back()), next);
    } catch (...) {
        records.pop_back();
        throw;
    }
    return records.back().id;
}

template <class Rec>
std::size_t position_of(const std::vector<Rec>& records, decltype(Rec{}.id) id) {
    const Rec* r = find_by_id(records, id);
    if (!r)
        throw not_found_error("no " + kind_name<decltype(id)>() + " has id " + hash_id(id.value) +
                              " in this case study");
    return static_cast<std::size_t>(r - records.data());
}

template <class Rec, class Index>
void update_record(case_study_data& d, Index& ix, Rec record) {
    auto& records = records_of<Rec>(d);
    std::size_t at = position_of(records, record.id);
    checker(d).check(record);
    std::swap(records[at], record);  // `record` now holds the old version
    try {
        Index scratch;
        validate_data(d, scratch);
        ix = std::move(scratch);
    } catch (...) {
        std::swap(records[at], record);
        throw;
    }
}

template <class Rec, class Index>
void remove_record(case_study_data& d, Index& ix, decltype(Rec{}.id) id) {
    auto& records = records_of<Rec>(d);
    std::size_t at = position_of(records, id);
    Rec removed = std::move(records[at]);
    records.erase(records.begin() + static_cast<std::ptrdiff_t>(at));
    try {
        Index scratch;
        validate_data(d, scratch);
        ix = std::move(scratch);
    } catch (const validation_error& e) {
        std::string what = describe(removed);
        records.insert(records.begin() + static_cast<std::ptrdiff_t>(at), std::move(removed));
        throw validation_error(what, "cannot be removed: " + e.record() +
                                         " still refers to it; edit or remove that record first");
    }
}

template <class Rec, class Index>
std::optional<decltype(Rec{}.id)> lookup_code(const Index& ix, std::string_view text) {
    const code_map* codes = map_for(const_cast<Index&>(ix), static_cast<const Rec*>(nullptr));
    auto it = codes->find(std::string(text));
    if (it == codes->end()) return std::nullopt;
    return decltype(Rec{}.id){it->second};
}

}  // namespace

#define PARTNERQI_DETAIL_RECORD_OPS(Rec, Id)                                                     \
    Id case_study::add(Rec record) { return add_record(data_, index_, std::move(record)); }    \
    void case_study::update(Rec record) { update_record(data_, index_, std::move(record)); }   \
    void case_study::remove(Id id) { remove_record<Rec>(data_, index_, id); }                  \
    const Rec& case_study::get(Id id) const {                                                   \
        return records_of<Rec>(data_)[position_of(records_of<Rec>(data_), id)];                 \
    }

PARTNERQI_DETAIL_RECORD_OPS(organization, organization_id)
PARTNERQI_DETAIL_RECORD_OPS(person, person_id)
PARTNERQI_DETAIL_RECORD_OPS(qi_team, team_id)
PARTNERQI_DETAIL_RECORD_OPS(qi_activity, activity_id)
PARTNERQI_DETAIL_RECORD_OPS(practice, practice_id)
PARTNERQI_DETAIL_RECORD_OPS(practice_enactment, enactment_id)
PARTNERQI_DETAIL_RECORD_OPS(engagement, engagement_id)
PARTNERQI_DETAIL_RECORD_OPS(wave, wave_id)
PARTNERQI_DETAIL_RECORD_OPS(data_source, source_id)
PARTNERQI_DETAIL_RECORD_OPS(source_total, total_id)
PARTNERQI_DETAIL_RECORD_OPS(code, code_id)
PARTNERQI_DETAIL_RECORD_OPS(coded_segment, segment_id)
PARTNERQI_DETAIL_RECORD_OPS(memo, memo_id)
PARTNERQI_DETAIL_RECORD_OPS(study_case, case_id)
#undef PARTNERQI_DETAIL_RECORD_OPS

void case_study::add_member(team_id team, team_membership membership) {
    qi_team updated = get(team);
    updated.members.push_back(std::move(membership));
    update(std::move(updated));
}

std::optional<organization_id> case_study::find_organization(std::string_view c) const { return lookup_code<organization>(index_, c); }
std::optional<person_id> case_study::find_person(std::string_view c) const { return lookup_code<person>(index_, c); }
std::optional<team_id> case_study::find_team(std::string_view c) const { return lookup_code<qi_team>(index_, c); }
std::optional<activity_id> case_study::find_activity(std::string_view c) const { return lookup_code<qi_activity>(index_, c); }
std::optional<practice_id> case_study::find_practice(std::string_view c) const { return lookup_code<practice>(index_, c); }
std::optional<wave_id> case_study::find_wave(std::string_view c) const { return lookup_code<wave>(index_, c); }
std::optional<source_id> case_study::find_source(std::string_view c) const { return lookup_code<data_source>(index_, c); }
std::optional<code_id> case_study::find_code(std::string_view c) const { return lookup_code<code>(index_, c); }
std::optional<case_id> case_study::find_case(std::string_view c) const { return lookup_code<study_case>(index_, c); }

}  // namespace partnerqi::model
