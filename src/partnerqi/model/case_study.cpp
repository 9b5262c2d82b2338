#include "partnerqi/model/case_study.hpp"

#include <algorithm>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <utility>

#include "partnerqi/error.hpp"

namespace partnerqi::model {

namespace {

// Makes room for one more element with geometric growth, so that the push_back that follows
// cannot throw (an edit then either happens whole or not at all) and adding n records stays
// O(n). A plain reserve(size() + 1) would reallocate on every add.
template <class T>
void reserve_one_more(std::vector<T>& v) {
    if (v.size() == v.capacity()) v.reserve(v.empty() ? 8 : 2 * v.size());
}

// ---- Walking the registry -----------------------------------------------------------------

// Calls f(static_cast<Record*>(nullptr)) for the record kind at `kind` in record_kinds.
template <class F>
void visit_kind(std::size_t kind, F&& f) {
    std::size_t i = 0;
    for_each_type(record_kinds{}, [&](auto* tag) {
        if (i++ == kind) f(tag);
    });
}

// Calls f(name, id) for every reference a record makes (ids of other records, in optionals and
// lists, and in nested records such as a team's memberships), in field order.
template <class Record, class F>
void for_each_reference(const Record& r, F&& f) {
    for_each_field<Record>([&](const auto& d) {
        if (d.is(field_use::own_id)) return;
        using T = typename std::decay_t<decltype(d)>::value_type;
        const T& value = r.*(d.member);
        if constexpr (is_id<T>::value) {
            f(d.name, value);
        } else if constexpr (is_optional<T>::value) {
            if constexpr (is_id<typename T::value_type>::value)
                if (value) f(d.name, *value);
        } else if constexpr (is_vector<T>::value) {
            using Item = typename T::value_type;
            for (const Item& item : value) {
                if constexpr (is_id<Item>::value)
                    f(d.name, item);
                else if constexpr (is_record_v<Item>)
                    for_each_reference(item, f);
            }
        }
    });
}

std::string hash_id(std::uint32_t value) { return "#" + std::to_string(value); }

template <class Record>
std::string kind_name() {
    return std::string(record_traits<Record>::kind);
}

constexpr std::uint64_t key_of(std::size_t kind, std::uint32_t id) {
    return (static_cast<std::uint64_t>(kind) << 32) | id;
}
constexpr std::size_t kind_of_key(std::uint64_t key) { return static_cast<std::size_t>(key >> 32); }
constexpr std::uint32_t id_of_key(std::uint64_t key) { return static_cast<std::uint32_t>(key); }

template <class Record>
const Record* find_by_id(const std::vector<Record>& records, std::uint32_t value) {
    if (value == 0) return nullptr;
    if (value <= records.size() && records[value - 1].id.value == value) return &records[value - 1];
    auto it = std::lower_bound(records.begin(), records.end(), value,
                               [](const Record& r, std::uint32_t v) { return r.id.value < v; });
    return (it != records.end() && it->id.value == value) ? &*it : nullptr;
}

// ---- Naming records in messages -----------------------------------------------------------

// A person's code, or their id when the reference does not resolve (a record being refused).
std::string who(const case_study_data& d, person_id p) {
    const person* r = find_by_id(d.all<person>(), p.value);
    return r ? r->code : "person " + hash_id(p.value);
}

template <class Record>
std::string code_or_id(const case_study_data& d, id_of<Record> i) {
    const Record* r = find_by_id(d.all<Record>(), i.value);
    return r ? code_of_record(*r) : kind_name<Record>() + " " + hash_id(i.value);
}

// Records without a code are named by what they say.
std::string content(const case_study_data& d, const engagement& r) {
    return who(d, r.from) + " -> " + who(d, r.to) + " on " + r.on.to_iso();
}
std::string content(const case_study_data& d, const practice_enactment& r) {
    return "of " + code_or_id<practice>(d, r.practice) + " by " + who(d, r.manager) + " on " +
           r.on.to_iso();
}
std::string content(const case_study_data&, const source_total& r) {
    return hash_id(r.id.value) + " (" + std::to_string(r.count) + " " +
           std::string(to_string(r.kind)) + ")";
}
std::string content(const case_study_data& d, const coded_segment& r) {
    return hash_id(r.id.value) + " of " + code_or_id<data_source>(d, r.source) + " [" +
           std::to_string(r.begin) + ", " + std::to_string(r.end) + ") by " + r.coder;
}
std::string content(const case_study_data& d, const evaluation_response& r) {
    return hash_id(r.id.value) + " of " + who(d, r.respondent) + " to " +
           code_or_id<evaluation_item>(d, r.item);
}
std::string content(const case_study_data&, const memo& r) {
    return hash_id(r.id.value) + (r.title.empty() ? "" : " \"" + r.title + "\"");
}

template <class Record>
std::string name_of(const case_study_data& d, const Record& r) {
    if constexpr (has_code_v<Record>) {
        const std::string& key = code_of_record(r);
        if (key.empty()) return kind_name<Record>() + " " + hash_id(r.id.value);
        return kind_name<Record>() + " " + (std::is_same_v<Record, code> ? "\"" + key + "\"" : key);
    } else {
        return kind_name<Record>() + " " + content(d, r);
    }
}

std::string describe_key(const case_study_data& d, std::uint64_t key) {
    std::string text;
    visit_kind(kind_of_key(key), [&](auto* tag) {
        using Record = std::remove_pointer_t<decltype(tag)>;
        const Record* r = find_by_id(d.all<Record>(), id_of_key(key));
        text = r ? name_of(d, *r) : kind_name<Record>() + " " + hash_id(id_of_key(key));
    });
    return text;
}

template <class Record>
[[noreturn]] void not_found(std::uint32_t id) {
    throw not_found_error("no " + kind_name<Record>() + " has id " + hash_id(id) +
                          " in this case study");
}

// Edits (insertions, deletions, substitutions and swaps of neighbours) from `a` to `b`: the
// optimal string alignment distance, so that "PA-20" is one edit from "PA-02".
std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t width = b.size() + 1;
    std::vector<std::size_t> d((a.size() + 1) * width);
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i * width] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t best =
                std::min({d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1,
                          d[(i - 1) * width + j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                best = std::min(best, d[(i - 2) * width + j - 2] + 1);
            d[i * width + j] = best;
        }
    }
    return d[a.size() * width + b.size()];
}

}  // namespace

// ---- The rules ------------------------------------------------------------------------------

// Checks one record against the rest of the data: first what every kind shares (a code, valid
// enums, references that resolve, each at most once in a list), then the kind's own rules.
// Code uniqueness is checked by the callers, which own the code index.
class checker {
public:
    explicit checker(const case_study_data& d) : d_(d) {}

    template <class Record>
    void check(const Record& r) const {
        if constexpr (has_code_v<Record>) {
            if (code_of_record(r).empty())
                fail(r, std::is_same_v<Record, code>
                            ? "has no name; give the code a name"
                            : "has no code; give it a stable external code");
        }
        check_fields(r, r);
        rules(r);
    }

    // The fields of `part` (the record itself or one of its nested records), for `r`'s messages.
    template <class Record, class Part>
    void check_fields(const Record& r, const Part& part) const {
        for_each_field<Part>([&](const auto& d) {
            using T = typename std::decay_t<decltype(d)>::value_type;
            const T& value = part.*(d.member);
            if constexpr (std::is_enum_v<T>) {
                require_enum(r, value, d.name);
            } else if constexpr (is_id<T>::value) {
                if (!d.is(field_use::own_id)) require(r, value, d.name);
            } else if constexpr (is_optional<T>::value) {
                using V = typename T::value_type;
                if constexpr (std::is_enum_v<V>) {
                    if (value) require_enum(r, *value, d.name);
                } else if constexpr (is_id<V>::value) {
                    if (value) require(r, *value, d.name);
                }
            } else if constexpr (is_vector<T>::value) {
                using Item = typename T::value_type;
                if constexpr (is_id<Item>::value) {
                    std::unordered_set<std::uint32_t> seen;
                    for (Item i : value) {
                        const auto& target = require(r, i, d.name);
                        if (!seen.insert(i.value).second)
                            fail(r, "lists " + name_of(d_, target) + " twice in " + d.name +
                                        "; list each at most once");
                    }
                } else if constexpr (is_record_v<Item>) {
                    for (const Item& item : value)
                        check_fields(r, item);
                }
            }
        });
    }

    template <class Record>
    [[noreturn]] void fail(const Record& r, const std::string& rule) const {
        throw validation_error(name_of(d_, r), rule);
    }

    // ---- Each kind's own rules ------------------------------------------------------------

    void rules(const person& r) const {
        if (r.role == person_role::manager && !r.tier)
            fail(r, "a manager must have a tier (top-level, mid-level or front-line)");
        if (r.role != person_role::manager && r.tier)
            fail(r, "only a manager has a tier, but this person's role is " +
                        std::string(to_string(r.role)));
    }

    void rules(const qi_team& r) const {
        std::unordered_set<std::uint32_t> seen;
        for (const team_membership& m : r.members) {
            if (!seen.insert(m.person.value).second)
                fail(r, "lists " + name_of(d_, get(m.person)) +
                            " twice; a person is a member at most once");
            membership(r, m);
        }
    }

    // One membership of a team: its dates, and the person's organization.
    void membership(const qi_team& r, const team_membership& m) const {
        const person& p = require(r, m.person, "member");
        const std::string what = "membership of " + name_of(d_, p);
        require_span(r, m.joined, m.left, what);
        if (!m.external && p.organization != std::optional<organization_id>(r.organization))
            fail(r, name_of(d_, p) + " does not belong to " + name_of(d_, get(r.organization)) +
                        "; mark the membership external if that is intended");
    }

    void rules(const qi_activity& r) const {
        if (r.team) require_team_of(r, *r.team, r.organization);
        require_span(r, r.start, r.end, "it");
        for (person_id a : r.advisors) {
            const person& p = get(a);
            if (p.role != person_role::patient_advisor)
                fail(r, "lists " + name_of(d_, p) + " as an advisor, but that person's role is " +
                            std::string(to_string(p.role)));
        }
    }

    void rules(const practice& r) const {
        if (r.name.empty()) fail(r, "has no name; give the practice a name");
    }

    void rules(const practice_enactment& r) const {
        const person& m = get(r.manager);
        if (m.role != person_role::manager)
            fail(r, "is performed by " + name_of(d_, m) + ", whose role is " +
                        std::string(to_string(m.role)) + "; practices are performed by managers");
        require_in_window(r, r.on, "its date");
        if (r.team) require_team_of(r, *r.team, r.organization);
    }

    void rules(const engagement& r) const {
        if (r.from == r.to)
            fail(r, "joins " + name_of(d_, get(r.from)) +
                        " to themself; an engagement joins two different people");
        require_in_window(r, r.on, "its date");
    }

    void rules(const wave& r) const {
        if (!d_.window.contains(r.window))
            fail(r, "spans " + r.window.to_iso() + ", outside the study window " +
                        d_.window.to_iso() + "; widen the study window or shorten the wave");
    }

    void rules(const data_source& r) const {
        if (r.on) require_in_window(r, *r.on, "its date");
        if (r.wave) {
            const wave& w = get(*r.wave);
            if (r.on && !w.window.contains(*r.on))
                fail(r, "is dated " + r.on->to_iso() + ", outside its " + name_of(d_, w) + " (" +
                            w.window.to_iso() + ")");
        }
        if (r.kind == source_kind::interview && r.participants.size() > 1)
            fail(r, "is an interview with " + std::to_string(r.participants.size()) +
                        " participants; an interview has one (record a focus group instead)");
        if (r.tier && r.kind != source_kind::interview)
            fail(r, "has a tier, but only an interview has one");
        if (r.composition && r.kind != source_kind::focus_group)
            fail(r, "has a composition, but only a focus group has one");
    }

    void rules(const source_total& r) const {
        if (r.tier && r.kind != source_kind::interview)
            fail(r, "splits by tier, but only interviews have a tier");
    }

    void rules(const code& r) const {
        if (r.practice) {
            const practice& p = get(*r.practice);
            if (r.category && *r.category != p.category)
                fail(r, "stands for category " + std::string(to_string(*r.category)) + " and for " +
                            name_of(d_, p) + " of category " + std::string(to_string(p.category)));
        }
        if (r.parent && *r.parent == r.id)
            fail(r, "is its own parent; the codebook must be a tree");
    }

    // A code's new parent chain must end without coming back to it: one walk, for one edit.
    void ancestors_end(const code& r) const {
        std::optional<code_id> parent = r.parent;
        for (std::size_t steps = 0; parent; ++steps) {
            if (*parent == r.id || steps > d_.all<code>().size())
                fail(r, "would be its own ancestor; the codebook must be a tree");
            parent = require(r, *parent, "parent").parent;
        }
    }

    // Every parent chain of the codebook ends, checked in one linear pass without recursion:
    // each code is walked up at most once, until a code already known to lead to a root.
    void codebook_is_a_tree() const {
        const std::vector<code>& codes = d_.all<code>();
        std::unordered_map<std::uint32_t, std::size_t> index;
        index.reserve(codes.size());
        for (std::size_t i = 0; i < codes.size(); ++i)
            index.emplace(codes[i].id.value, i);
        enum : std::uint8_t { unseen, on_walk, ends };
        std::vector<std::uint8_t> state(codes.size(), unseen);
        std::vector<std::size_t> walk;
        for (std::size_t start = 0; start < codes.size(); ++start) {
            walk.clear();
            std::optional<std::size_t> at = start;
            while (at && state[*at] == unseen) {
                state[*at] = on_walk;
                walk.push_back(*at);
                const auto& parent = codes[*at].parent;
                at = parent ? std::optional<std::size_t>(index.at(parent->value)) : std::nullopt;
            }
            if (at && state[*at] == on_walk)
                fail(codes[*at], "is its own ancestor; the codebook must be a tree");
            for (std::size_t i : walk)
                state[i] = ends;
        }
    }

    void rules(const coded_segment& r) const {
        const data_source& s = get(r.source);
        if (r.end < r.begin)
            fail(r, "ends (" + std::to_string(r.end) + ") before it begins (" +
                        std::to_string(r.begin) + ")");
        if (!s.text.empty() && r.end > s.text.size())
            fail(r, "ends at " + std::to_string(r.end) + ", past the end of " + name_of(d_, s) +
                        " (" + std::to_string(s.text.size()) + " characters)");
        if (r.coder.empty()) fail(r, "has no coder; name who coded it");
    }

    void rules(const evaluation_item& r) const {
        if (r.domain.empty())
            fail(r, "has no domain; name the principle or domain the item belongs to");
        if (r.scale_max <= r.scale_min)
            fail(r, "has the scale " + std::to_string(r.scale_min) + " to " +
                        std::to_string(r.scale_max) +
                        "; the highest value must be above the lowest");
    }

    void rules(const evaluation_response& r) const {
        const evaluation_item& item = get(r.item);
        if (r.value < item.scale_min || r.value > item.scale_max)
            fail(r, "has the value " + std::to_string(r.value) + ", outside the scale of " +
                        name_of(d_, item) + " (" + std::to_string(item.scale_min) + " to " +
                        std::to_string(item.scale_max) + ")");
        if (r.on) {
            require_in_window(r, *r.on, "its date");
            if (r.wave) {
                const wave& w = get(*r.wave);
                if (!w.window.contains(*r.on))
                    fail(r, "is dated " + r.on->to_iso() + ", outside its " + name_of(d_, w) +
                                " (" + w.window.to_iso() + ")");
            }
        }
    }

    void rules(const advisor_input& r) const {
        const person& a = get(r.advisor);
        if (a.role != person_role::patient_advisor)
            fail(r, "is the input of " + name_of(d_, a) + ", whose role is " +
                        std::string(to_string(a.role)) +
                        "; the influence log records patient advisors' input");
        require_in_window(r, r.on, "its date");
        if (r.activity && r.team) {
            const qi_activity& act = get(*r.activity);
            if (act.team && *act.team != *r.team)
                fail(r, "refers to " + name_of(d_, act) + ", which is carried by another team");
        }
        if (r.segment) {
            const coded_segment& seg = get(*r.segment);
            if (r.source && seg.source != *r.source)
                fail(r, "quotes " + name_of(d_, seg) + ", which is not a segment of " +
                            name_of(d_, get(*r.source)));
        }
        if (!r.decision && (r.decided_by || r.decided_on || r.decision_source))
            fail(r,
                 "names who decided, when or on what evidence, but no decision; set the "
                 "decision (adopted, adapted, deferred or rejected)");
        if (r.decided_on) {
            require_in_window(r, *r.decided_on, "its decision date");
            if (*r.decided_on < r.on)
                fail(r, "is decided on " + r.decided_on->to_iso() + ", before it was brought (" +
                            r.on.to_iso() + ")");
        }
        const bool changed =
            r.change || r.changed_on || r.change_source || !r.change_summary.empty();
        if (changed && !(r.decision && takes_up(*r.decision)))
            fail(r,
                 "records a change, but the input was not adopted or adapted; record the "
                 "decision that took it up first");
        if (r.changed_on) {
            require_in_window(r, *r.changed_on, "its change date");
            const date after = r.decided_on ? *r.decided_on : r.on;
            if (*r.changed_on < after)
                fail(r, "is changed on " + r.changed_on->to_iso() +
                            ", before the step that led to it (" + after.to_iso() + ")");
        }
    }

    void rules(const study_case& r) const {
        for (team_id t : r.teams)
            require_team_of(r, t, r.organization);
    }

    // Kinds with no rules of their own beyond the shared ones.
    template <class Record>
    void rules(const Record&) const {}

private:
    // A reference already checked by check_fields.
    template <class Id>
    const record_for_id<Id>& get(Id id) const {
        return *find_by_id(d_.all<record_for_id<Id>>(), id.value);
    }

    template <class Record, class Id>
    const record_for_id<Id>& require(const Record& r, Id id, const std::string& field) const {
        using Target = record_for_id<Id>;
        const auto& records = d_.all<Target>();
        // Ids are strictly increasing from 1 (checked before any record is checked, and add
        // keeps it), so when the last id equals the count they are exactly 1..n: existence is
        // then a range check that reads no record, which keeps checking millions of engagements
        // from missing the cache twice per engagement.
        if (id.valid() && id.value <= records.size() && records.back().id.value == records.size())
            return records[id.value - 1];
        const Target* target = find_by_id(records, id.value);
        if (!target)
            fail(r, "refers in \"" + field + "\" to " + kind_name<Target>() + " " +
                        hash_id(id.value) + ", but no " + kind_name<Target>() +
                        " has that id; add it first");
        return *target;
    }

    template <class Record, class Enum>
    void require_enum(const Record& r, Enum value, const char* field) const {
        if (!is_valid(value))
            fail(r, std::string("has an invalid ") + field + " (" +
                        std::to_string(static_cast<int>(value)) + ")");
    }

    template <class Record>
    void require_in_window(const Record& r, date d, const std::string& what) const {
        if (!d_.window.contains(d))
            fail(r,
                 what + " " + d.to_iso() + " lies outside the study window " + d_.window.to_iso());
    }

    template <class Record>
    void require_span(const Record& r, const std::optional<date>& start,
                      const std::optional<date>& end, const std::string& what) const {
        if (start) require_in_window(r, *start, what + " (start)");
        if (end) require_in_window(r, *end, what + " (end)");
        if (start && end && *end < *start)
            fail(r,
                 what + " ends (" + end->to_iso() + ") before it starts (" + start->to_iso() + ")");
    }

    template <class Record>
    void require_team_of(const Record& r, team_id t, organization_id org) const {
        const qi_team& team = require(r, t, "team");
        if (team.organization != org)
            fail(r, "refers to " + name_of(d_, team) + ", which belongs to another organization");
    }

    const case_study_data& d_;
};

// ---- Indexes and edits ----------------------------------------------------------------------

// The edits of a case study, kind by kind; each keeps the code index and the reference index.
class editor {
public:
    explicit editor(case_study& s) : s_(s), d_(s.data_) {}

    // Checks ids (non-zero, strictly increasing) and codes (unique) of every kind, and fills
    // the code index.
    void index_codes() { index_codes(d_, s_.codes_); }

    template <class Codes>
    static void index_codes(const case_study_data& d, Codes& all_codes) {
        for_each_type(record_kinds{}, [&](auto* tag) {
            using Record = std::remove_pointer_t<decltype(tag)>;
            auto& codes = all_codes[kind_index<Record>];
            codes.clear();
            std::uint32_t previous = 0;
            for (const Record& r : d.all<Record>()) {
                if (!r.id.valid()) checker(d).fail(r, "has no id");
                if (r.id.value <= previous)
                    checker(d).fail(
                        r, "is out of id order or repeats an id; records are kept in id order");
                previous = r.id.value;
                if constexpr (has_code_v<Record>) {
                    if (!codes.emplace(code_of_record(r), r.id.value).second)
                        checker(d).fail(r, "repeats a code that another " + kind_name<Record>() +
                                               " already has; codes must be unique");
                }
            }
        });
    }

    void check_all() const { check_all(d_); }

    static void check_all(const case_study_data& d) {
        const checker c(d);
        for_each_type(record_kinds{}, [&](auto* tag) {
            using Record = std::remove_pointer_t<decltype(tag)>;
            for (const Record& r : d.all<Record>())
                c.check(r);
        });
        c.codebook_is_a_tree();
    }

    // The reference index, built once, on the first edit that needs it.
    void build_referrers() {
        if (s_.referrers_built_) return;
        s_.referrers_.clear();
        s_.referrers_built_ = true;
        try {
            for_each_type(record_kinds{}, [&](auto* tag) {
                using Record = std::remove_pointer_t<decltype(tag)>;
                for (const Record& r : d_.all<Record>())
                    link(r);
            });
        } catch (...) {
            s_.referrers_.clear();
            s_.referrers_built_ = false;
            throw;
        }
    }

    // Records that `from` refers to `target` (once more).
    void link_one(std::uint64_t target, std::uint64_t from) {
        if (s_.referrers_built_) s_.referrers_[target].push_back(from);
    }

    // Records that `from` refers to `target` once less.
    void unlink_one(std::uint64_t target, std::uint64_t from) {
        auto it = s_.referrers_.find(target);
        if (it == s_.referrers_.end()) return;
        auto& list = it->second;
        auto at = std::find(list.begin(), list.end(), from);
        if (at != list.end()) list.erase(at);
        if (list.empty()) s_.referrers_.erase(it);
    }

    template <class Record>
    void link(const Record& r) {
        const std::uint64_t from = key_of(kind_index<Record>, r.id.value);
        for_each_reference(r, [&](const char*, auto target) {
            link_one(key_of(kind_index<record_for_id<decltype(target)>>, target.value), from);
        });
    }

    template <class Record>
    void unlink(const Record& r) {
        const std::uint64_t from = key_of(kind_index<Record>, r.id.value);
        for_each_reference(r, [&](const char*, auto target) {
            unlink_one(key_of(kind_index<record_for_id<decltype(target)>>, target.value), from);
        });
    }

    const std::vector<std::uint64_t>* referrers(std::size_t kind, std::uint32_t id) const {
        auto it = s_.referrers_.find(key_of(kind, id));
        return it == s_.referrers_.end() ? nullptr : &it->second;
    }

    // The records that refer to a record, each once, in kind then id order: from the index when
    // it is built, otherwise from one pass over every record (a const query builds nothing).
    static std::vector<std::uint64_t> referrer_keys(const case_study& s, std::size_t kind,
                                                    std::uint32_t id) {
        std::vector<std::uint64_t> keys;
        if (s.referrers_built_) {
            auto it = s.referrers_.find(key_of(kind, id));
            if (it != s.referrers_.end()) keys = it->second;
            std::sort(keys.begin(), keys.end());
            keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
            return keys;
        }
        for_each_type(record_kinds{}, [&](auto* tag) {
            using Record = std::remove_pointer_t<decltype(tag)>;
            for (const Record& r : s.data_.all<Record>()) {
                bool refers = false;
                for_each_reference(r, [&](const char*, auto target) {
                    refers = refers || (kind_index<record_for_id<decltype(target)>> == kind &&
                                        target.value == id);
                });
                if (refers) keys.push_back(key_of(kind_index<Record>, r.id.value));
            }
        });
        return keys;
    }

    template <class Record>
    std::uint32_t add(Record record) {
        const checker c(d_);
        if (record.id.valid())
            c.fail(record, "already has an id; the case study assigns ids, leave it empty");
        auto& records = d_.all<Record>();
        record.id.value = records.empty() ? 1 : records.back().id.value + 1;
        c.check(record);
        auto& codes = s_.codes_[kind_index<Record>];
        if constexpr (has_code_v<Record>) {
            if (codes.count(code_of_record(record)))
                c.fail(record, "repeats a code that another " + kind_name<Record>() +
                                   " already has; codes must be unique");
        }
        reserve_one_more(records);
        if constexpr (has_code_v<Record>) codes.emplace(code_of_record(record), record.id.value);
        try {
            link(record);
        } catch (...) {
            if constexpr (has_code_v<Record>) codes.erase(code_of_record(record));
            s_.referrers_built_ = false;  // rebuilt whole on the next edit
            throw;
        }
        records.push_back(std::move(record));  // cannot throw: reserved
        return records.back().id.value;
    }

    template <class Record>
    Record& at(std::uint32_t id) {
        auto& records = d_.all<Record>();
        const Record* r = find_by_id(records, id);
        if (!r) not_found<Record>(id);
        return records[static_cast<std::size_t>(r - records.data())];
    }

    // Re-checks every record that refers to the record at `key`.
    void check_referrers(std::uint64_t key) const {
        const auto* list = referrers(kind_of_key(key), id_of_key(key));
        if (!list) return;
        const checker c(d_);
        for (std::uint64_t from : *list)
            visit_kind(kind_of_key(from), [&](auto* tag) {
                using Record = std::remove_pointer_t<decltype(tag)>;
                c.check(*find_by_id(d_.all<Record>(), id_of_key(from)));
            });
    }

    template <class Record>
    void update(Record record) {
        build_referrers();
        Record& slot = at<Record>(record.id.value);
        const checker c(d_);
        c.check(record);
        if constexpr (std::is_same_v<Record, code>) c.ancestors_end(record);
        auto& codes = s_.codes_[kind_index<Record>];
        bool code_changed = false;
        if constexpr (has_code_v<Record>) {
            code_changed = code_of_record(record) != code_of_record(slot);
            if (code_changed && codes.count(code_of_record(record)))
                c.fail(record, "repeats a code that another " + kind_name<Record>() +
                                   " already has; codes must be unique");
        }
        std::swap(slot, record);  // `record` now holds the old version
        try {
            check_referrers(key_of(kind_index<Record>, slot.id.value));
        } catch (...) {
            std::swap(slot, record);
            throw;
        }
        unlink(record);
        link(slot);
        if constexpr (has_code_v<Record>) {
            if (code_changed) {
                codes.erase(code_of_record(record));
                codes.emplace(code_of_record(slot), slot.id.value);
            }
        }
    }

    template <class Record>
    void remove(std::uint32_t id) {
        build_referrers();
        Record& slot = at<Record>(id);
        const std::vector<std::uint64_t> distinct = referrer_keys(s_, kind_index<Record>, id);
        if (!distinct.empty()) {
            std::string names;
            constexpr std::size_t shown = 20;
            for (std::size_t i = 0; i < distinct.size() && i < shown; ++i)
                names += (i ? "; " : "") + describe_key(d_, distinct[i]);
            if (distinct.size() > shown)
                names += "; and " + std::to_string(distinct.size() - shown) + " more";
            throw validation_error(
                name_of(d_, slot),
                "cannot be removed: " + std::to_string(distinct.size()) +
                    (distinct.size() == 1 ? " record still refers" : " records still refer") +
                    " to it (" + names + "); edit or remove them first");
        }
        unlink(slot);
        if constexpr (has_code_v<Record>) s_.codes_[kind_index<Record>].erase(code_of_record(slot));
        auto& records = d_.all<Record>();
        records.erase(records.begin() + (&slot - records.data()));
    }

private:
    case_study& s_;
    case_study_data& d_;
};

// ---- case_study ---------------------------------------------------------------------------

case_study::case_study(std::string title, date_window window) {
    data_.title = std::move(title);
    data_.window = window;
}

case_study case_study::from_data(case_study_data data) {
    case_study s;
    s.data_ = std::move(data);
    editor e(s);
    e.index_codes();
    e.check_all();
    return s;
}

void case_study::validate() const {
    decltype(codes_) scratch;
    editor::index_codes(data_, scratch);
    editor::check_all(data_);
}

void case_study::set_window(date_window window) {
    const date_window old = data_.window;
    data_.window = window;
    try {
        editor(*this).check_all();
    } catch (...) {
        data_.window = old;
        throw;
    }
}

std::uint32_t case_study::add_record(std::size_t kind, void* record) {
    std::uint32_t id = 0;
    visit_kind(kind, [&](auto* tag) {
        using Record = std::remove_pointer_t<decltype(tag)>;
        id = editor(*this).add(std::move(*static_cast<Record*>(record)));
    });
    return id;
}

void case_study::update_record(std::size_t kind, void* record) {
    visit_kind(kind, [&](auto* tag) {
        using Record = std::remove_pointer_t<decltype(tag)>;
        editor(*this).update(std::move(*static_cast<Record*>(record)));
    });
}

void case_study::remove_record(std::size_t kind, std::uint32_t id) {
    visit_kind(kind, [&](auto* tag) {
        using Record = std::remove_pointer_t<decltype(tag)>;
        editor(*this).remove<Record>(id);
    });
}

std::string case_study::describe_record(std::size_t kind, std::uint32_t id) const {
    return describe_key(data_, key_of(kind, id));
}

std::vector<std::string> case_study::referrers_of(std::size_t kind, std::uint32_t id) const {
    std::vector<std::string> names;
    for (std::uint64_t k : editor::referrer_keys(*this, kind, id))
        names.push_back(describe_key(data_, k));
    return names;
}

void case_study::throw_not_found(std::size_t kind, std::uint32_t id) const {
    visit_kind(kind, [&](auto* tag) { not_found<std::remove_pointer_t<decltype(tag)>>(id); });
    throw not_found_error("no record has id " + hash_id(id));  // not reached: kind is valid
}

std::vector<std::string> case_study::closest_codes_of(std::size_t kind, std::string_view code,
                                                      std::size_t count) const {
    // Only codes of similar length can be close; long texts are not compared at all, so a
    // suggestion costs one short comparison per code of the kind.
    constexpr std::size_t longest = 64;
    const std::size_t most = std::max<std::size_t>(2, code.size() / 3);
    std::vector<std::pair<std::size_t, std::string>> near;
    if (code.size() <= longest) {
        for (const auto& entry : codes_[kind]) {
            const std::string& other = entry.first;
            const std::size_t gap = other.size() > code.size() ? other.size() - code.size()
                                                               : code.size() - other.size();
            if (gap > most || other.size() > longest) continue;
            const std::size_t distance = edit_distance(code, other);
            if (distance <= most) near.emplace_back(distance, other);
        }
    }
    std::sort(near.begin(), near.end());
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < near.size() && i < count; ++i)
        codes.push_back(std::move(near[i].second));
    return codes;
}

void case_study::throw_unknown_code(std::size_t kind, std::string_view code) const {
    std::string kind_text;
    visit_kind(kind,
               [&](auto* tag) { kind_text = kind_name<std::remove_pointer_t<decltype(tag)>>(); });
    std::string hint;
    for (const std::string& near : closest_codes_of(kind, code, 3))
        hint += (hint.empty() ? "\"" : ", \"") + near + "\"";
    throw not_found_error("no " + kind_text + " has the code \"" + std::string(code) + "\"" +
                          (hint.empty() ? "; check the spelling (codes are case-sensitive)"
                                        : "; did you mean " + hint + "?"));
}

void case_study::add_member(team_id team, team_membership membership) {
    editor e(*this);
    qi_team& t = e.at<qi_team>(team.value);
    const checker c(data_);
    for (const team_membership& m : t.members)
        if (m.person == membership.person)
            c.fail(t, "would list " +
                          describe_key(data_, key_of(kind_index<person>, m.person.value)) +
                          " twice; a person is a member at most once");
    c.check_fields(t, membership);
    c.membership(t, membership);
    reserve_one_more(t.members);
    e.link_one(key_of(kind_index<person>, membership.person.value),
               key_of(kind_index<qi_team>, team.value));
    t.members.push_back(std::move(membership));  // cannot throw: reserved
}

void case_study::remove_member(team_id team, person_id member) {
    editor e(*this);
    qi_team& t = e.at<qi_team>(team.value);
    auto it = std::find_if(t.members.begin(), t.members.end(),
                           [&](const team_membership& m) { return m.person == member; });
    if (it == t.members.end())
        throw not_found_error(name_of(data_, t) + " has no member " +
                              describe_key(data_, key_of(kind_index<person>, member.value)));
    e.unlink_one(key_of(kind_index<person>, member.value), key_of(kind_index<qi_team>, team.value));
    t.members.erase(it);
}

}  // namespace partnerqi::model
