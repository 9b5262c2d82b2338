/// @file
/// The case study: the one aggregate that owns every record and keeps its invariants.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/records.hpp"

namespace partnerqi::model {

/// Every record of a case study, as plain data. Each vector is sorted by id, ids unique.
///
/// This is what files store. It carries no invariant of its own: turn it into a case_study
/// with case_study::from_data, which checks everything.
struct case_study_data {
    std::string title;        ///< e.g. "Partners in Care"
    std::string description;  ///< free text about the study
    date_window window;  ///< the study window; every dated record lies inside it
    std::vector<organization> organizations;  ///< the organizations taking part
    std::vector<person> people;               ///< everyone, whatever their role
    std::vector<qi_team> teams;               ///< QI teams, with their members
    std::vector<qi_activity> activities;      ///< QI activities with advisors
    std::vector<practice> practices;          ///< the practice catalog
    std::vector<practice_enactment> enactments;  ///< managers performing practices
    std::vector<engagement> engagements;      ///< who engaged whom, when, at which level
    std::vector<wave> waves;                  ///< the waves of data collection
    std::vector<data_source> sources;         ///< interviews, focus groups, documents, observations
    std::vector<source_total> totals;         ///< reported counts of sources whose split may be unknown
    std::vector<code> codes;                  ///< the codebook, a tree through code::parent
    std::vector<coded_segment> segments;      ///< coded spans of the sources
    std::vector<memo> memos;                  ///< analytic memos
    std::vector<study_case> cases;            ///< the cases of the study

    /// Every member above, in this order, as a tuple of const references; equality goes
    /// through it, so a new member must be listed here too.
    auto fields() const {
        return std::tie(title, description, window, organizations, people, teams, activities,
                        practices, enactments, engagements, waves, sources, totals, codes,
                        segments, memos, cases);
    }
    /// Every member above, in this order, as a tuple of references to assign through.
    auto fields() {
        return std::tie(title, description, window, organizations, people, teams, activities,
                        practices, enactments, engagements, waves, sources, totals, codes,
                        segments, memos, cases);
    }
    /// True when every member is equal, record for record and in the same order.
    friend bool operator==(const case_study_data& a, const case_study_data& b) {
        return a.fields() == b.fields();
    }
    /// True when any member differs.
    friend bool operator!=(const case_study_data& a, const case_study_data& b) { return !(a == b); }
};

/// A whole case study: organizations, people, teams, activities, the practice catalog,
/// enactments, engagements, waves, evidence and cases.
///
/// Records are added through `add`, which checks every invariant and assigns the id:
/// - codes are non-empty and unique within their kind (people, teams, ...);
/// - every id a record refers to names an existing record of the right kind;
/// - a manager has a tier, and only a manager has one;
/// - dated records lie inside the study window, and end dates are not before start dates;
/// - a team member belongs to the team's organization unless the membership is external;
/// - an enactment is performed by a manager; an engagement joins two different people.
/// A refused record leaves the case study unchanged and throws partnerqi::validation_error
/// naming the record and the rule.
/// @code
/// case_study s{"Partners in Care", date_window::years(2015, 2017)};
/// auto org = s.add(organization{{}, "HCO-1", "Rural centre"});
/// person m; m.code = "M-TOP-01"; m.role = person_role::manager;
/// m.tier = management_tier::top_level; m.organization = org;
/// auto id = s.add(m);
/// @endcode
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

    /// @name Adding records
    /// Each checks a record, assigns its id and returns it; one overload per kind of record.
    /// @{

    /// Checks the record, assigns its id and returns it; the record's own id must be left empty.
    ///
    /// Throws partnerqi::validation_error naming the record and the rule, and changes
    /// nothing, when the record breaks an invariant of the class description.
    organization_id add(organization record);
    person_id add(person record);
    team_id add(qi_team record);
    activity_id add(qi_activity record);
    practice_id add(practice record);
    enactment_id add(practice_enactment record);
    engagement_id add(engagement record);
    wave_id add(wave record);
    source_id add(data_source record);
    total_id add(source_total record);
    code_id add(code record);
    segment_id add(coded_segment record);
    memo_id add(memo record);
    case_id add(study_case record);
    /// @}

    /// Adds a member to a team (checked as for `add`).
    void add_member(team_id team, team_membership membership);

    /// @name Looking records up by id
    /// Each returns the record with an id, or throws partnerqi::not_found_error.
    /// @{

    /// The record with this id; throws partnerqi::not_found_error when no record has it.
    ///
    /// The reference stays valid until the case study is next changed.
    [[nodiscard]] const organization& get(organization_id id) const;
    [[nodiscard]] const person& get(person_id id) const;
    [[nodiscard]] const qi_team& get(team_id id) const;
    [[nodiscard]] const qi_activity& get(activity_id id) const;
    [[nodiscard]] const practice& get(practice_id id) const;
    [[nodiscard]] const practice_enactment& get(enactment_id id) const;
    [[nodiscard]] const engagement& get(engagement_id id) const;
    [[nodiscard]] const wave& get(wave_id id) const;
    [[nodiscard]] const data_source& get(source_id id) const;
    [[nodiscard]] const source_total& get(total_id id) const;
    [[nodiscard]] const code& get(code_id id) const;
    [[nodiscard]] const coded_segment& get(segment_id id) const;
    [[nodiscard]] const memo& get(memo_id id) const;
    [[nodiscard]] const study_case& get(case_id id) const;
    /// @}

    /// @name Looking records up by their external code (or a code's name)
    /// Each returns the id of the record with a code, or no value; find_code takes a code's name.
    /// @{

    /// The id of the record with exactly this code (case-sensitive), or no value when none has it.
    [[nodiscard]] std::optional<organization_id> find_organization(std::string_view code) const;
    [[nodiscard]] std::optional<person_id> find_person(std::string_view code) const;
    [[nodiscard]] std::optional<team_id> find_team(std::string_view code) const;
    [[nodiscard]] std::optional<activity_id> find_activity(std::string_view code) const;
    [[nodiscard]] std::optional<practice_id> find_practice(std::string_view code) const;
    [[nodiscard]] std::optional<wave_id> find_wave(std::string_view code) const;
    [[nodiscard]] std::optional<source_id> find_source(std::string_view code) const;
    [[nodiscard]] std::optional<code_id> find_code(std::string_view name) const;
    [[nodiscard]] std::optional<case_id> find_case(std::string_view code) const;
    /// @}

    /// @name Replacing records
    /// Each replaces the record with the same id, checked as `add` checks a new one.
    /// @{

    /// Replaces the record with the same id, after checking it and every record that refers
    /// to it.
    ///
    /// Throws partnerqi::not_found_error when no record has the id, and
    /// partnerqi::validation_error naming the record and the rule when the new version
    /// breaks an invariant; either way the case study is unchanged.
    void update(organization record);
    void update(person record);
    void update(qi_team record);
    void update(qi_activity record);
    void update(practice record);
    void update(practice_enactment record);
    void update(engagement record);
    void update(wave record);
    void update(data_source record);
    void update(source_total record);
    void update(code record);
    void update(coded_segment record);
    void update(memo record);
    void update(study_case record);
    /// @}

    /// @name Removing records
    /// Each removes the record with an id; refused while another record refers to it.
    /// @{

    /// Removes the record with this id.
    ///
    /// Refused with partnerqi::validation_error, naming a record that still refers to it,
    /// while anything does: edit or remove that record first. Throws
    /// partnerqi::not_found_error when no record has the id. The case study is unchanged on
    /// failure.
    void remove(organization_id id);
    void remove(person_id id);
    void remove(team_id id);
    void remove(activity_id id);
    void remove(practice_id id);
    void remove(enactment_id id);
    void remove(engagement_id id);
    void remove(wave_id id);
    void remove(source_id id);
    void remove(total_id id);
    void remove(code_id id);
    void remove(segment_id id);
    void remove(memo_id id);
    void remove(case_id id);
    /// @}

    /// @name Collections, in id order
    /// Each returns every record of one kind, as the case_study_data member of the same name.
    /// @{

    /// Every record of one kind, in increasing id order.
    ///
    /// The reference stays valid for the life of the case study; its contents follow every
    /// change.
    [[nodiscard]] const std::vector<organization>& organizations() const noexcept { return data_.organizations; }
    [[nodiscard]] const std::vector<person>& people() const noexcept { return data_.people; }
    [[nodiscard]] const std::vector<qi_team>& teams() const noexcept { return data_.teams; }
    [[nodiscard]] const std::vector<qi_activity>& activities() const noexcept { return data_.activities; }
    [[nodiscard]] const std::vector<practice>& practices() const noexcept { return data_.practices; }
    [[nodiscard]] const std::vector<practice_enactment>& enactments() const noexcept { return data_.enactments; }
    [[nodiscard]] const std::vector<engagement>& engagements() const noexcept { return data_.engagements; }
    [[nodiscard]] const std::vector<wave>& waves() const noexcept { return data_.waves; }
    [[nodiscard]] const std::vector<data_source>& sources() const noexcept { return data_.sources; }
    [[nodiscard]] const std::vector<source_total>& totals() const noexcept { return data_.totals; }
    [[nodiscard]] const std::vector<code>& codes() const noexcept { return data_.codes; }
    [[nodiscard]] const std::vector<coded_segment>& segments() const noexcept { return data_.segments; }
    [[nodiscard]] const std::vector<memo>& memos() const noexcept { return data_.memos; }
    [[nodiscard]] const std::vector<study_case>& cases() const noexcept { return data_.cases; }
    /// @}

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
    struct code_index {
        std::unordered_map<std::string, std::uint32_t> organizations, people, teams, activities,
            practices, waves, sources, codes, cases;
    };
    friend class checker;

    case_study_data data_;
    code_index index_;
};

}  // namespace partnerqi::model
