/// @file
/// The case study: the one aggregate that owns every record and keeps its invariants.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/records.hpp"

namespace partnerqi::model {

namespace detail {
/// One vector per record kind of a type_list.
template <class List>
struct tables_of;
/// One vector per record kind of a type_list.
template <class... Record>
struct tables_of<type_list<Record...>> {
    using type = std::tuple<std::vector<Record>...>;  ///< the vectors, in the list's order
};
}  // namespace detail

/// The record kind whose id type is `Id`, e.g. person for person_id.
template <class Id>
using record_for_id = typename record_with_id<Id, record_kinds>::type;

/// The position of a record kind in record_kinds.
template <class Record>
inline constexpr std::size_t kind_index = index_in<Record, record_kinds>::value;

/// Every record of a case study, as plain data: one vector per record kind, each sorted by id,
/// ids unique.
///
/// This is what files store. It carries no invariant of its own: turn it into a case_study
/// with case_study::from_data, which checks everything.
struct case_study_data {
    std::string title;        ///< e.g. "Partners in Care"
    std::string description;  ///< free text about the study
    date_window window;       ///< the study window; every dated record lies inside it
    /// The records, one vector per kind of record_kinds; reach one with all<Record>().
    detail::tables_of<record_kinds>::type tables;

    /// Every record of one kind, in id order.
    template <class Record>
    [[nodiscard]] std::vector<Record>& all() noexcept {
        return std::get<std::vector<Record>>(tables);
    }
    /// Every record of one kind, in id order.
    template <class Record>
    [[nodiscard]] const std::vector<Record>& all() const noexcept {
        return std::get<std::vector<Record>>(tables);
    }

    /// True when every member is equal, record for record and in the same order.
    friend bool operator==(const case_study_data& a, const case_study_data& b) {
        return a.title == b.title && a.description == b.description && a.window == b.window &&
               a.tables == b.tables;
    }
    /// True when any member differs.
    friend bool operator!=(const case_study_data& a, const case_study_data& b) { return !(a == b); }
};

/// A whole case study: organizations, people, teams, activities, the practice catalog,
/// enactments, engagements, waves, evidence and cases.
///
/// Records are added through `add`, which checks every invariant and assigns the id:
/// - codes are non-empty and unique within their kind (people, teams, ...);
/// - every id a record refers to names an existing record of the right kind, each at most once
///   in a list;
/// - a manager has a tier, and only a manager has one;
/// - dated records lie inside the study window, and end dates are not before start dates;
/// - a team member belongs to the team's organization unless the membership is external;
/// - an enactment is performed by a manager; an engagement joins two different people.
/// A refused record leaves the case study unchanged and throws partnerqi::validation_error
/// naming the record and the rule. Edits check only what they touch: the record and the
/// records that refer to it, found through an index of references.
///
/// Every operation is one template over the record kinds (record_kinds):
/// @code
/// case_study s{"Partners in Care", date_window::years(2015, 2017)};
/// organization_id org = s.add(organization{{}, "HCO-1", "Rural centre"});
/// person m;
/// m.code = "M-TOP-01";
/// m.role = person_role::manager;
/// m.tier = management_tier::top_level;
/// m.organization = org;
/// person_id id = s.add(m);
/// const person& same = s.get(s.require<person>("M-TOP-01"));
/// @endcode
/// To write a study by hand, model::builder is shorter.
class PARTNERQI_EXPORT case_study {
public:
    /// An empty case study over the window 1970-01-01 (set a window before adding records).
    case_study() = default;
    /// An empty case study with a title and a study window.
    case_study(std::string title, date_window window);

    /// Checks `data` as validate() does, and builds the case study from it; throws
    /// partnerqi::validation_error naming the first record at fault.
    [[nodiscard]] static case_study from_data(case_study_data data);

    /// Every record, as plain data.
    [[nodiscard]] const case_study_data& data() const noexcept { return data_; }

    /// The study's title, e.g. "Partners in Care".
    [[nodiscard]] const std::string& title() const noexcept { return data_.title; }
    /// Free text about the study.
    [[nodiscard]] const std::string& description() const noexcept { return data_.description; }
    /// The study window: every dated record lies inside it.
    [[nodiscard]] const date_window& window() const noexcept { return data_.window; }
    /// Replaces the title; any text is accepted.
    void set_title(std::string title) { data_.title = std::move(title); }
    /// Replaces the description; any text is accepted.
    void set_description(std::string text) { data_.description = std::move(text); }
    /// Changes the study window; refused when a dated record would fall outside it.
    void set_window(date_window window);

    /// Checks a record, assigns its id and returns it; the record's own id must be left empty.
    ///
    /// Throws partnerqi::validation_error naming the record and the rule, and changes
    /// nothing, when the record breaks an invariant of the class description.
    template <class Record>
    id_of<Record> add(Record record) {
        return id_of<Record>{add_record(kind_index<Record>, &record)};
    }

    /// Replaces the record with the same id, after checking it and every record that refers
    /// to it.
    ///
    /// Throws partnerqi::not_found_error when no record has the id, and
    /// partnerqi::validation_error naming the record and the rule when the new version
    /// breaks an invariant; either way the case study is unchanged.
    template <class Record>
    void update(Record record) {
        update_record(kind_index<Record>, &record);
    }

    /// Removes the record with this id.
    ///
    /// Refused with partnerqi::validation_error, listing every record that still refers to it,
    /// while anything does: edit or remove those records first. Throws
    /// partnerqi::not_found_error when no record has the id. The case study is unchanged on
    /// failure.
    template <class Id>
    void remove(Id id) {
        remove_record(kind_index<record_for_id<Id>>, id.value);
    }

    /// Adds a member to a team, checked as `add` checks a team's members.
    void add_member(team_id team, team_membership membership);
    /// Removes a person's membership of a team; throws partnerqi::not_found_error when the
    /// team does not exist or the person is not a member of it.
    void remove_member(team_id team, person_id person);

    /// The record with this id, or nullptr when no record has it.
    ///
    /// The pointer stays valid until the case study is next changed.
    template <class Id>
    [[nodiscard]] const record_for_id<Id>* try_get(Id id) const noexcept {
        using Record = record_for_id<Id>;
        const std::vector<Record>& records = data_.all<Record>();
        if (!id.valid()) return nullptr;
        // While nothing has been removed, id n sits at index n - 1.
        if (id.value <= records.size() && records[id.value - 1].id == id)
            return &records[id.value - 1];
        auto it = std::lower_bound(records.begin(), records.end(), id,
                                   [](const Record& r, Id i) { return (r.id) < i; });
        return (it != records.end() && it->id == id) ? &*it : nullptr;
    }

    /// The record with this id; throws partnerqi::not_found_error when no record has it.
    ///
    /// The reference stays valid until the case study is next changed.
    template <class Id>
    [[nodiscard]] const record_for_id<Id>& get(Id id) const {
        if (const auto* r = try_get(id)) return *r;
        throw_not_found(kind_index<record_for_id<Id>>, id.value);
    }

    /// The id of the record of kind `Record` with exactly this code (case-sensitive; a code's
    /// name for model::code), or no value when none has it.
    template <class Record>
    [[nodiscard]] std::optional<id_of<Record>> find(std::string_view code) const {
        static_assert(has_code_v<Record>, "this kind of record has no code to find it by");
        const auto& codes = codes_[kind_index<Record>];
        auto it = codes.find(std::string(code));
        if (it == codes.end()) return std::nullopt;
        return id_of<Record>{it->second};
    }

    /// The id of the record of kind `Record` with this code; throws partnerqi::not_found_error
    /// naming the code and suggesting the closest existing codes when none has it.
    template <class Record>
    [[nodiscard]] id_of<Record> require(std::string_view code) const {
        if (auto id = find<Record>(code)) return *id;
        throw_unknown_code(kind_index<Record>, code);
    }

    /// The existing codes of kind `Record` closest to `code` (a few edits away, a swap of two
    /// neighbouring characters counting as one), closest first, at most `count`: what a message
    /// suggests for a mistyped code.
    template <class Record>
    [[nodiscard]] std::vector<std::string> closest_codes(std::string_view code,
                                                         std::size_t count = 3) const {
        static_assert(has_code_v<Record>, "this kind of record has no code");
        return closest_codes_of(kind_index<Record>, code, count);
    }

    /// Every record of one kind, in increasing id order.
    ///
    /// The reference stays valid for the life of the case study; its contents follow every
    /// change.
    template <class Record>
    [[nodiscard]] const std::vector<Record>& all() const noexcept {
        return data_.all<Record>();
    }

    /// How messages name a record: its kind and code ("person M-TOP-01", "code \"x\""), or for
    /// kinds without a code a description from its content ("engagement M-TOP-01 -> PA-02 on
    /// 2016-03-01"). Throws partnerqi::not_found_error when no record has the id.
    template <class Id>
    [[nodiscard]] std::string describe(Id id) const {
        (void)get(id);
        return describe_record(kind_index<record_for_id<Id>>, id.value);
    }

    /// Every record that refers to the record with this id, each as describe() names it.
    template <class Id>
    [[nodiscard]] std::vector<std::string> referrers(Id id) const {
        (void)get(id);
        return referrers_of(kind_index<record_for_id<Id>>, id.value);
    }

    /// A short label for a person in messages and tables: their code.
    [[nodiscard]] const std::string& code_of(person_id id) const { return get(id).code; }

    /// Re-checks every invariant of the whole aggregate; throws partnerqi::validation_error
    /// naming the first record at fault. The file loader calls it before handing data over.
    void validate() const;

    /// True when both hold equal data (case_study_data's equality), ids included.
    friend bool operator==(const case_study& a, const case_study& b) { return a.data_ == b.data_; }
    /// True when the data differ in any record or field.
    friend bool operator!=(const case_study& a, const case_study& b) { return !(a == b); }

private:
    friend class checker;
    friend class editor;

    // The generic operations, one per record kind through the registry; `kind` indexes
    // record_kinds and `record` points to a record of that kind.
    std::uint32_t add_record(std::size_t kind, void* record);
    void update_record(std::size_t kind, void* record);
    void remove_record(std::size_t kind, std::uint32_t id);
    [[nodiscard]] std::string describe_record(std::size_t kind, std::uint32_t id) const;
    [[nodiscard]] std::vector<std::string> referrers_of(std::size_t kind, std::uint32_t id) const;
    [[noreturn]] void throw_not_found(std::size_t kind, std::uint32_t id) const;
    [[noreturn]] void throw_unknown_code(std::size_t kind, std::string_view code) const;
    [[nodiscard]] std::vector<std::string> closest_codes_of(std::size_t kind, std::string_view code,
                                                            std::size_t count) const;

    /// A record of a kind, as (kind index << 32) | id.
    using record_key = std::uint64_t;

    case_study_data data_;
    /// Codes to ids, one map per kind (empty for kinds without a code).
    std::array<std::unordered_map<std::string, std::uint32_t>, record_kinds::size> codes_;
    /// Each referred-to record and the records that refer to it (once per reference); built on
    /// the first update or removal, then kept up to date by every edit.
    std::unordered_map<record_key, std::vector<record_key>> referrers_;
    bool referrers_built_ = false;
};

}  // namespace partnerqi::model
