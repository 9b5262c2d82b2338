/// @file
/// The evaluation loop: whether evaluating advisor integration is followed by an adjustment
/// (a structuring or managing practice, or a change recorded in the influence log), which is
/// what continuous improvement asks for.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/analysis/assessment.hpp"
#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/enum_traits.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis {

/// Options of the evaluation loop.
struct evaluation_loop_options {
    /// A follow-up counts when it comes at most this many days after the evaluation (same day
    /// included).
    std::int32_t max_delay_days = 180;
};

/// What became of one evaluation.
enum class loop_status : std::uint8_t {
    closed,  ///< a structuring or managing practice, or a recorded change, followed in the delay
    open,    ///< none followed within the delay
    pending  ///< none yet, but the delay runs past the end of the study window
};

}  // namespace partnerqi::analysis

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(analysis::loop_status, 3, analysis::loop_status::closed,
                             analysis::loop_status::open, analysis::loop_status::pending)
}  // namespace partnerqi

namespace partnerqi::analysis {

/// The spelling of a status: "closed", "open" or "pending"; "invalid" for a value that is not
/// an enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(loop_status status) noexcept;

/// One evaluating enactment and the adjustment that followed it, if any: the first structuring
/// or managing enactment, or the first change an advisor's input led to (model::advisor_input
/// with a decision and a dated change), whichever comes first (an enactment on a tie).
struct evaluation_followup {
    model::enactment_id evaluation;  ///< the enactment of an evaluating-integration practice
    std::string practice;            ///< practice code of the evaluation, e.g. "EVA-feedback"
    std::string manager;             ///< code of the manager who evaluated
    model::date on;                  ///< the evaluation's date
    std::optional<model::enactment_id>
        follow_up;  ///< the follow-up when it is a structuring or managing practice
    std::string follow_up_practice;  ///< its practice code, empty when none
    /// The follow-up when it is an influence-log entry whose change is dated within the delay;
    /// unset otherwise (at most one of `follow_up` and `follow_up_input` is set).
    std::optional<model::input_id> follow_up_input;
    std::string follow_up_input_code;  ///< that entry's code, e.g. "IN-03"; empty when none
    std::optional<std::int32_t>
        days;  ///< days from the evaluation to the follow-up, 0 to max_delay_days; unset when none
    /// closed exactly when `follow_up` or `follow_up_input` is set
    loop_status status = loop_status::open;
};

/// The evaluation loop of one team, or of an organization's work outside any team.
struct team_loop {
    std::optional<model::team_id> team;   ///< unset: the organization-level enactments
    model::organization_id organization;  ///< the team's organization, or the organization itself
    std::string label;                    ///< the team code, or "<org code> (organization level)"
    std::vector<evaluation_followup> evaluations;  ///< in date order

    /// @{
    /// How many of `evaluations` are closed, open and pending; they add up to its size.
    std::size_t closed = 0, open = 0, pending = 0;
    /// @}
};

/// Evaluations and their outcome in one period (a wave, or a calendar year when there are no
/// waves).
struct loop_period {
    std::string label;          ///< the wave's code, or the year, e.g. "2016"
    model::date_window window;  ///< the whole wave window or calendar year (not cut to the filter)

    /// @{
    /// Evaluations dated in the period, and how many are closed, open and pending.
    std::size_t evaluations = 0, closed = 0, open = 0, pending = 0;
    /// @}
};

/// The evaluation loop for a filter.
struct evaluation_loop_report {
    std::string scope;                  ///< the filter's label
    std::int32_t max_delay_days = 180;  ///< the delay used, in days (evaluation_loop_options)
    std::vector<team_loop>
        teams;  ///< teams with at least one evaluation, then organization-level rows
    std::vector<loop_period> periods;  ///< over time

    /// @{
    /// Every evaluation in scope, and how many are closed, open and pending.
    std::size_t evaluations = 0, closed = 0, open = 0, pending = 0;
    /// @}
    /// Responses to evaluation instruments (model::evaluation_response) in scope and window.
    std::size_t evaluation_responses = 0;
    /// Influence-log entries (model::advisor_input) brought in scope and window.
    std::size_t inputs = 0;
    /// Of `inputs`, those whose decision led to a recorded, dated change: each is evidence that
    /// a loop was closed.
    std::size_t inputs_changed = 0;
    /// The latest of those changes; unset when there is none.
    std::optional<model::date> last_change;
    /// The loop as a check: flagged when an evaluation stayed open, not flagged when every
    /// evaluation was closed or is pending, or, without evaluating enactments, when the
    /// influence log records an input that led to a change (a closed loop, dated); not
    /// assessable when none of these records exist (neither evaluation responses, evaluating
    /// enactments nor influence-log entries: missing records are not evidence that nobody
    /// evaluated), or when responses or inputs were recorded without an evaluating enactment
    /// that dates their review and without any change.
    assessment state = assessment::not_assessable;
    /// One sentence on the state; for not-assessable, the data that would be needed.
    std::string state_detail;
};

/// For each evaluating enactment in scope, looks for the first structuring or managing enactment,
/// or influence-log change, on the same team (for an organization-level evaluation: anywhere in
/// the organization; an input's place is its team, else its advisor's organization) dated from
/// the same day to `max_delay_days` later; the follow-up may fall after the filter's window but
/// not after the study window. O(n log n) in the number of enactments and inputs.
/// Throws partnerqi::invalid_request_error for a bad filter or a negative delay.
[[nodiscard]] PARTNERQI_EXPORT evaluation_loop_report
evaluation_loop(const model::case_study& study, const filter& scope = {},
                const evaluation_loop_options& options = {});

/// The rule the loop applies, in one sentence: "An evaluation is closed when a structuring or
/// managing practice, or a change an advisor's input led to, follows on the same team within 180
/// days; pending when that delay runs past the study window." The text and HTML reports both
/// print it.
[[nodiscard]] PARTNERQI_EXPORT std::string loop_rule_text(const evaluation_loop_report& report);

/// What the influence log adds to the loop, in one sentence: "8 advisor inputs in the influence
/// log, 4 of them led to a recorded change (the latest on 2016-10-20)."
[[nodiscard]] PARTNERQI_EXPORT std::string loop_inputs_text(const evaluation_loop_report& report);

/// The loop as text: totals, one line per evaluation, then the periods.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const evaluation_loop_report& report);

/// The loop as CSV (RFC 4180), one row per evaluation:
/// `team,evaluation,practice,manager,date,status,follow_up,follow_up_practice,days,follow_up_input`
/// (the last column is the influence-log entry's code).
PARTNERQI_EXPORT void write_csv(std::ostream& out, const evaluation_loop_report& report);

}  // namespace partnerqi::analysis
