/// @file
/// A builder for writing a case study by hand: one line per record, references by code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::model {

namespace detail {
struct builder_lines;
}  // namespace detail

class builder;

/// The line of an organization in a builder; each setter sets one field and returns the line.
class PARTNERQI_EXPORT organization_line {
public:
    /// Sets organization::name, e.g. "Rural health and social services centre".
    organization_line& name(std::string text);
    /// Sets organization::kind, a free label.
    organization_line& kind(std::string text);
    /// Sets the setting it serves.
    organization_line& setting(model::setting value);
    /// Sets organization::region, e.g. "Quebec".
    organization_line& region(std::string text);
    /// Sets the partnership programme it runs.
    organization_line& program(std::string text);
    /// Sets the partnership model it follows, e.g. "Montreal model".
    organization_line& partnership_model(std::string text);
    /// Overrides the builder's default provenance for this record.
    organization_line& provenance(model::provenance value);
    /// Sets the free-text note.
    organization_line& note(std::string text);

private:
    friend class builder;
    organization_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// The line of a person in a builder; each setter sets one field and returns the line.
class PARTNERQI_EXPORT person_line {
public:
    /// The organization the person belongs to, by its code, e.g. "HCO-1".
    person_line& of(std::string organization_code);
    /// Sets the display name (personal data, removed by de-identification).
    person_line& display_name(std::string text);
    /// Sets the profession, e.g. "psychiatrist".
    person_line& profession(std::string text);
    /// Sets the title or label, e.g. "ICL", "program manager".
    person_line& role_label(std::string text);
    /// Overrides the builder's default provenance for this record.
    person_line& provenance(model::provenance value);
    /// Sets the free-text note.
    person_line& note(std::string text);

private:
    friend class builder;
    person_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// The line of a QI team in a builder; each setter sets one field and returns the line.
///
/// `joined`, `left` and `external` apply to the member added last:
/// `.member("PA-01", "patient advisor").joined("2015-09-01")`.
class PARTNERQI_EXPORT team_line {
public:
    /// The organization the team belongs to, by its code.
    team_line& of(std::string organization_code);
    /// Sets the team's name, e.g. "Mental health QI team".
    team_line& name(std::string text);
    /// Sets the clinical area, e.g. "mental health".
    team_line& clinical_area(std::string text);
    /// Sets the unit, e.g. "ambulatory hospital services".
    team_line& unit(std::string text);
    /// Sets where in the organization the team works.
    team_line& level(team_level value);
    /// Adds a member by the person's code, with their role in the team, e.g. "medical chief";
    /// refused with partnerqi::validation_error when the team already lists that code.
    team_line& member(std::string person_code, std::string role_in_team = {});
    /// The member added last joined on this ISO date, e.g. "2015-09-01".
    team_line& joined(std::string_view iso_date);
    /// The member added last left on this ISO date.
    team_line& left(std::string_view iso_date);
    /// The member added last belongs to another organization than the team's.
    team_line& external();
    /// Overrides the builder's default provenance for this record.
    team_line& provenance(model::provenance value);
    /// Sets the free-text note.
    team_line& note(std::string text);

private:
    friend class builder;
    team_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// The line of a QI activity in a builder; each setter sets one field and returns the line.
class PARTNERQI_EXPORT activity_line {
public:
    /// The organization that runs it, by code; by default the organization of its team.
    activity_line& of(std::string organization_code);
    /// The team that carries it, by code.
    activity_line& team(std::string team_code);
    /// Sets the title, e.g. "Kaizen event on the intake process".
    activity_line& title(std::string text);
    /// Sets the level: clinical team or another level.
    activity_line& level(activity_level value);
    /// Sets what it does with advisors.
    activity_line& kind(activity_kind value);
    /// Sets the engagement level it reached.
    activity_line& level_reached(engagement_level value);
    /// Sets the ISO start date, e.g. "2016-01-01".
    activity_line& start(std::string_view iso_date);
    /// Sets the ISO end date.
    activity_line& end(std::string_view iso_date);
    /// Adds a patient advisor who took part, by code.
    activity_line& advisor(std::string person_code);
    /// Overrides the builder's default provenance for this record.
    activity_line& provenance(model::provenance value);
    /// Sets the free-text note.
    activity_line& note(std::string text);

private:
    friend class builder;
    activity_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// The line of a practice of the catalog in a builder; each setter sets one field and returns
/// the line.
class PARTNERQI_EXPORT practice_line {
public:
    /// Sets the practice's name (by default its code).
    practice_line& name(std::string text);
    /// Sets what managers do, in the study's words when reported.
    practice_line& description(std::string text);
    /// Overrides the builder's default provenance for this record.
    practice_line& provenance(model::provenance value);

private:
    friend class builder;
    practice_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// The line of a practice enactment in a builder; each setter sets one field and returns the
/// line. Keep a copy of the line to name the enactment in segment_line::supports.
class PARTNERQI_EXPORT enactment_line {
public:
    /// Sets the ISO date it was performed on, e.g. "2016-03-01".
    enactment_line& on(std::string_view iso_date);
    /// The organization it was performed for, by code; by default its team's organization,
    /// else the manager's.
    enactment_line& of(std::string organization_code);
    /// The team it was performed for, by code.
    enactment_line& team(std::string team_code);
    /// Adds a person it was aimed at, by code.
    enactment_line& target(std::string person_code);
    /// Overrides the builder's default provenance for this record.
    enactment_line& provenance(model::provenance value);
    /// Sets the free-text note.
    enactment_line& note(std::string text);

private:
    friend class builder;
    friend class segment_line;
    enactment_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// The line of an engagement in a builder; each setter sets one field and returns the line.
class PARTNERQI_EXPORT engagement_line {
public:
    /// Sets what the engaging person did with or for the engaged one.
    engagement_line& kind(engagement_kind value);
    /// Sets the level it reached.
    engagement_line& level(engagement_level value);
    /// Sets the ISO date, e.g. "2016-03-01".
    engagement_line& on(std::string_view iso_date);
    /// The QI activity it belongs to, by code.
    engagement_line& activity(std::string activity_code);
    /// Overrides the builder's default provenance for this record.
    engagement_line& provenance(model::provenance value);

private:
    friend class builder;
    engagement_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// The line of a wave in a builder; each setter sets one field and returns the line.
class PARTNERQI_EXPORT wave_line {
public:
    /// Sets the label, e.g. "first wave of interviews".
    wave_line& label(std::string text);
    /// Overrides the builder's default provenance for this record.
    wave_line& provenance(model::provenance value);

private:
    friend class builder;
    wave_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// The line of a data source in a builder; each setter sets one field and returns the line.
class PARTNERQI_EXPORT source_line {
public:
    /// Sets the title (removed by de-identification).
    source_line& title(std::string text);
    /// Sets the ISO date, e.g. "2016-07-07".
    source_line& on(std::string_view iso_date);
    /// The wave it was collected in, by code.
    source_line& wave(std::string wave_code);
    /// The organization it is tied to, by code.
    source_line& of(std::string organization_code);
    /// Adds a participant, by code.
    source_line& participant(std::string person_code);
    /// Sets the tier of the manager interviewed (interviews only).
    source_line& tier(management_tier value);
    /// Sets the composition (focus groups only).
    source_line& composition(group_composition value);
    /// Sets the transcript or content that coded segments index into.
    source_line& text(std::string content);
    /// Overrides the builder's default provenance for this record.
    source_line& provenance(model::provenance value);

private:
    friend class builder;
    source_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// The line of a source total in a builder; each setter sets one field and returns the line.
class PARTNERQI_EXPORT total_line {
public:
    /// The organization counted, by code; unset: across the whole study.
    total_line& of(std::string organization_code);
    /// Sets the tier counted (interviews only).
    total_line& tier(management_tier value);
    /// Sets the description, e.g. "interviews with managers at the three tiers".
    total_line& description(std::string text);
    /// Overrides the builder's default provenance for this record.
    total_line& provenance(model::provenance value);

private:
    friend class builder;
    total_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// The line of a code of the codebook in a builder; each setter sets one field and returns the
/// line.
class PARTNERQI_EXPORT code_line {
public:
    /// The enclosing code, by name.
    code_line& parent(std::string parent_name);
    /// Sets when to apply the code, for coders.
    code_line& definition(std::string text);
    /// Sets the practice category it stands for.
    code_line& category(practice_category value);
    /// The practice it stands for, by code.
    code_line& practice(std::string practice_code);
    /// Overrides the builder's default provenance for this record.
    code_line& provenance(model::provenance value);

private:
    friend class builder;
    code_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// The line of a coded segment in a builder; each setter sets one field and returns the line.
class PARTNERQI_EXPORT segment_line {
public:
    /// Sets the byte offsets [begin, end) into the source's text.
    segment_line& span(std::uint32_t begin, std::uint32_t end);
    /// Sets the quoted span.
    segment_line& text(std::string quote);
    /// Adds a practice enactment of the same builder that the segment is evidence for.
    segment_line& supports(const enactment_line& enactment);
    /// Overrides the builder's default provenance for this record.
    segment_line& provenance(model::provenance value);

private:
    friend class builder;
    segment_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// The line of a memo in a builder; each setter sets one field and returns the line.
class PARTNERQI_EXPORT memo_line {
public:
    /// Sets the memo itself (removed by de-identification).
    memo_line& text(std::string content);
    /// Sets the ISO date it was written on.
    memo_line& on(std::string_view iso_date);
    /// The data source it is about, by code.
    memo_line& source(std::string source_code);
    /// The code it is about, by name.
    memo_line& code(std::string code_name);
    /// Overrides the builder's default provenance for this record.
    memo_line& provenance(model::provenance value);

private:
    friend class builder;
    memo_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// The line of a case of the study in a builder; each setter sets one field and returns the
/// line.
class PARTNERQI_EXPORT case_line {
public:
    /// Sets the label, e.g. "Case 1: rural centre".
    case_line& label(std::string text);
    /// The organization studied, by code.
    case_line& of(std::string organization_code);
    /// Adds a team studied, by code.
    case_line& team(std::string team_code);
    /// Overrides the builder's default provenance for this record.
    case_line& provenance(model::provenance value);

private:
    friend class builder;
    case_line(detail::builder_lines* lines, std::size_t at) : lines_(lines), at_(at) {}
    detail::builder_lines* lines_;
    std::size_t at_;
};

/// Writes a case study by hand: one line per record, named fields, references by code.
///
/// Each line starts a record and returns a small handle whose setters set its fields. Lines
/// may come in any order: build() resolves every code and adds the records to a case_study in
/// dependency order, where its usual checks apply. Records carry the builder's default
/// provenance (user-entered unless changed) unless a line sets its own.
///
/// Mistakes throw partnerqi::validation_error naming the code written and where, with the
/// closest known code when there is one: a code added twice or a member listed twice as soon
/// as the line is written, a reference to an unknown code when build() resolves it.
/// @code
/// builder b{"Partners in Care", date_window::years(2015, 2017)};
/// b.organization("HCO-1").name("Rural centre").setting(setting::rural);
/// b.manager("M-TOP-01", management_tier::top_level).of("HCO-1").role_label("VP quality");
/// b.advisor("PA-02").of("HCO-1");
/// b.team("T-MH").of("HCO-1").name("Mental health QI team").clinical_area("mental health")
///     .member("M-TOP-01", "medical chief").member("PA-02", "patient advisor");
/// b.engagement("M-TOP-01", "PA-02").kind(engagement_kind::consults).on("2016-03-01");
/// case_study s = b.build();
/// @endcode
class PARTNERQI_EXPORT builder {
public:
    /// A builder of a new case study with a title and a study window.
    builder(std::string title, date_window window);
    /// A builder that adds records to an existing case study; codes also resolve to its
    /// records.
    explicit builder(case_study start);
    /// Moves the lines written so far; handles of the old builder stay valid for the new one.
    builder(builder&&) noexcept;
    /// Moves the lines written so far.
    builder& operator=(builder&&) noexcept;
    /// Not copyable: handles point into one builder's lines.
    builder(const builder&) = delete;
    /// Not copyable: handles point into one builder's lines.
    builder& operator=(const builder&) = delete;
    /// Forgets the lines written.
    ~builder();

    /// Sets the study's description.
    builder& description(std::string text);
    /// The provenance of every record whose line does not set one (user-entered to start).
    builder& default_provenance(model::provenance value);

    /// Starts an organization with its code, e.g. "HCO-1".
    organization_line organization(std::string code);
    /// Starts a person with a code and a role; use manager() for a manager, who needs a tier.
    person_line person(std::string code, person_role role);
    /// Starts a manager with a code and a tier, e.g. ("M-TOP-01", management_tier::top_level).
    person_line manager(std::string code, management_tier tier);
    /// Starts a patient advisor with a code, e.g. "PA-02".
    person_line advisor(std::string code);
    /// Starts a provider with a code and a profession, e.g. ("PV-01", "nurse").
    person_line provider(std::string code, std::string profession = {});
    /// Starts a QI team with its code, e.g. "T-MH".
    team_line team(std::string code);
    /// Starts a QI activity with its code, e.g. "A1-kaizen".
    activity_line activity(std::string code);
    /// Starts a practice of the catalog with its code and category, e.g. ("MAN-prepare",
    /// practice_category::managing_integration).
    practice_line practice(std::string code, practice_category category);
    /// Adds every entry of default_practice_catalog() whose code no line and no record of the
    /// starting case study has, so that enactments can name them; each is marked with the
    /// default provenance set so far (user-entered unless default_provenance() said otherwise)
    /// and, unless that is illustrative, carries the origin note of model::adopted().
    builder& adopt_default_practice_catalog();
    /// Starts an enactment: a manager, by code, performed a practice, by code.
    enactment_line enactment(std::string practice_code, std::string manager_code);
    /// Starts an engagement of one person by another, both by code.
    engagement_line engagement(std::string from_code, std::string to_code);
    /// Starts a wave of data collection with its code and window.
    wave_line wave(std::string code, date_window window);
    /// Starts a wave with its code and the ISO dates of its first and last day.
    wave_line wave(std::string code, std::string_view first_iso, std::string_view last_iso);
    /// Starts a data source with its code and kind, e.g. ("INT-07", source_kind::interview).
    source_line source(std::string code, source_kind kind);
    /// Starts a reported total of sources of a kind.
    total_line total(source_kind kind, std::uint32_t count);
    /// Starts a code of the codebook with its name, e.g. "managing/preparing advisors".
    code_line code(std::string name);
    /// Starts a coded segment: a source, by code, coded with a code, by name, by a coder.
    segment_line segment(std::string source_code, std::string code_name, std::string coder);
    /// Starts an analytic memo with its title.
    memo_line memo(std::string title);
    /// Starts a case of the study with its code, e.g. "case-1".
    case_line study_case(std::string code);

    /// The case study: the starting one (or a new one) with every line added, in dependency
    /// order; throws partnerqi::validation_error naming the code and the line at fault.
    [[nodiscard]] case_study build() const;

private:
    std::unique_ptr<detail::builder_lines> lines_;
};

}  // namespace partnerqi::model
