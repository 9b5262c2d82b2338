/// @file
/// Evidence of evaluation and influence: engagement-evaluation responses summarized by principle
/// or domain per team and wave, and the influence log (advisor input -> decision -> change)
/// summarized per advisor, team and wave.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis {

/// The responses of one team (or the organization level) in one wave to one domain of one
/// instrument.
struct domain_score {
    std::string team;  ///< the team's code, or "(organization)" for responses about no team
    std::string wave;  ///< the wave's code, or "(no wave)"
    model::evaluation_instrument instrument =
        model::evaluation_instrument::user_defined;  ///< the instrument
    std::string domain;                              ///< the principle or domain
    std::size_t respondents = 0;  ///< distinct people who answered at least one item
    std::size_t advisors = 0;     ///< of them, patient advisors
    std::size_t providers = 0;    ///< of them, providers
    std::size_t managers = 0;     ///< of them, managers
    std::size_t responses = 0;    ///< item responses
    /// Mean of the responses, each as a percentage of its item's scale: 100 * (value - min) /
    /// (max - min), so items on different scales can be pooled (a library choice).
    double mean_percent = 0;
    /// Change of mean_percent, in percentage points, since the same team, instrument and domain
    /// in the previous wave (waves ordered by start date); unset for the first wave or without
    /// waves.
    std::optional<double> change;
    std::string previous_wave;  ///< the wave `change` is measured from; empty when unset
};

/// The evaluation responses of a scope, summarized.
struct evaluation_summary {
    std::string scope;               ///< the filter's label
    std::size_t items = 0;           ///< evaluation items recorded in the study
    std::size_t responses = 0;       ///< responses in scope
    std::size_t respondents = 0;     ///< distinct respondents in scope
    std::vector<domain_score> rows;  ///< by team, then wave (by start), instrument and domain
};

/// Summarizes the evaluation responses in scope: a response counts when its team (or, without a
/// team, its respondent's organization) is in scope and its date, when set, lies in the window
/// (an undated response counts when its wave overlaps the window, or always without a wave).
/// Linear in the number of responses plus a sort of the rows.
/// Throws partnerqi::invalid_request_error for a bad filter.
[[nodiscard]] PARTNERQI_EXPORT evaluation_summary
summarize_evaluations(const model::case_study& study, const filter& scope = {});

/// The summary as text: counts, then one line per team, wave, instrument and domain.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const evaluation_summary& summary);

/// The summary as CSV (RFC 4180), one row per domain_score:
/// `team,wave,instrument,domain,respondents,advisors,providers,managers,responses,mean_percent,
/// change,previous_wave`.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const evaluation_summary& summary);

/// Counts of influence-log entries for one advisor, team or wave, or for the whole scope.
struct influence_counts {
    std::string label;         ///< the advisor's, team's or wave's code; "all" for the total
    std::size_t inputs = 0;    ///< entries (proposals, concerns, questions)
    std::size_t decided = 0;   ///< entries with a decision, deferred included
    std::size_t adopted = 0;   ///< decided adopted
    std::size_t adapted = 0;   ///< decided adapted
    std::size_t deferred = 0;  ///< decided deferred
    std::size_t rejected = 0;  ///< decided rejected
    std::size_t changes = 0;   ///< entries that record the change they led to
    /// (adopted + adapted) / (adopted + adapted + rejected): deferred inputs have no decision on
    /// their substance yet and are left out (a library choice); unset when that is 0.
    std::optional<double> adoption_rate;
    /// Median days from input to decision over the entries with a decision date; unset without.
    std::optional<double> median_days_to_decision;
};

/// The influence log of a scope, summarized.
struct influence_summary {
    std::string scope;                          ///< the filter's label
    influence_counts total;                     ///< every entry in scope
    std::vector<influence_counts> advisors;     ///< per advisor with an entry, in person id order
    std::vector<influence_counts> teams;        ///< per team with an entry, in team id order
    std::vector<influence_counts> waves;        ///< per wave (in id order) holding an input date
    std::vector<std::string> missing_evidence;  ///< codes of entries with a step without source
};

/// Summarizes the influence log in scope: an entry counts when its input date lies in the window
/// and its place (its team, else its activity's organization, else its advisor's organization)
/// is in scope. A wave counts the entries brought inside its window (waves may overlap).
/// O(n log n) in the number of entries, plus, per wave, the entries it holds.
/// Throws partnerqi::invalid_request_error for a bad filter.
[[nodiscard]] PARTNERQI_EXPORT influence_summary summarize_influence(const model::case_study& study,
                                                                     const filter& scope = {});

/// The summary as text: the totals, then per advisor, team and wave.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const influence_summary& summary);

/// The summary as CSV (RFC 4180), one row per advisor, team, wave and the total:
/// `by,label,inputs,decided,adopted,adapted,deferred,rejected,changes,adoption_rate,
/// median_days_to_decision`.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const influence_summary& summary);

}  // namespace partnerqi::analysis
