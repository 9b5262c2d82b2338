/// @file
/// Agreement between coders: percent agreement, Cohen's kappa, Fleiss' kappa, Krippendorff's
/// alpha and the pooled kappa of de Vries et al., per code and over all codes, with confidence
/// intervals and the list of disagreements, over sources (presence of a code in a source) or
/// over characters (as NVivo's coding comparison counts them).
///
/// Sources of the statistics:
/// - Cohen J. A coefficient of agreement for nominal scales. Educational and Psychological
///   Measurement 1960;20(1):37-46.
/// - Fleiss JL, Cohen J, Everitt BS. Large sample standard errors of kappa and weighted kappa.
///   Psychological Bulletin 1969;72(5):323-327 (the standard error of Cohen's kappa).
/// - Fleiss JL. Measuring nominal scale agreement among many raters. Psychological Bulletin
///   1971;76(5):378-382. doi:10.1037/h0031619
/// - Krippendorff K. Computing Krippendorff's alpha-reliability. Annenberg School for
///   Communication, University of Pennsylvania, departmental paper, 2011.
/// - Hayes AF, Krippendorff K. Answering the call for a standard reliability measure for coding
///   data. Communication Methods and Measures 2007;1(1):77-89. doi:10.1080/19312450709336664
/// - de Vries H, Elliott MN, Kanouse DE, Teleki SS. Using pooled kappa to summarize interrater
///   agreement across many items. Field Methods 2008;20(3):272-282.
///   doi:10.1177/1525822X08317166
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

/// What a unit of the agreement is.
enum class agreement_unit : std::uint8_t {
    /// A (source, code) pair: did the coder apply the code anywhere in the source? QDA Miner's
    /// "code occurrence" criterion and QualCoder's presence per source.
    source,
    /// A (character, code) pair: is the character inside a segment of that code? NVivo's coding
    /// comparison, which computes kappa over the characters of each source.
    character
};

}  // namespace partnerqi::analysis

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(analysis::agreement_unit, 2, analysis::agreement_unit::source,
                             analysis::agreement_unit::character)
}  // namespace partnerqi

namespace partnerqi::analysis {

/// The spelling of a unit: "source" or "character"; "invalid" for a value that is not an
/// enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(agreement_unit unit) noexcept;

/// @name The statistics, on any nominal data
/// @{

/// The ratings one unit received, or a group of units that received the same ratings: how many
/// coders put it in each category. Coders who did not rate the unit are missing and count in no
/// category. Every unit of one data set has as many categories.
struct rated_unit {
    std::vector<std::uint64_t> counts;  ///< coders per category
    std::uint64_t weight = 1;           ///< how many units are rated like this
};

/// A kappa with the agreement it corrects for chance.
struct kappa_estimate {
    std::optional<double> kappa;  ///< in [-1, 1]; unset when undefined (no unit, or pe = 1)
    double observed = 0;          ///< po: the observed agreement
    double expected = 0;          ///< pe: the agreement expected by chance
    /// The large-sample standard error (Fleiss, Cohen & Everitt 1969); unset when not known.
    std::optional<double> standard_error;
    /// @{
    std::optional<double> low, high;  ///< the 95% confidence interval, kappa +- 1.96 se
    /// @}
    std::uint64_t units = 0;  ///< units rated by the coders compared
};

/// Cohen's kappa (Cohen 1960) of a k x k table of two coders, `table[i][j]` counting the units
/// the first coder put in category i and the second in category j: (po - pe) / (1 - pe), with
/// pe from each coder's marginals. The standard error and interval are the large-sample ones of
/// Fleiss, Cohen & Everitt 1969 (those of SAS PROC FREQ and statsmodels' cohens_kappa); they
/// are unset on the boundary where that variance is 0 (perfect agreement, or a coder who used
/// one category only), where a one-point interval would mean nothing.
/// Throws partnerqi::invalid_request_error when the table is not square.
[[nodiscard]] PARTNERQI_EXPORT kappa_estimate
cohen_kappa(const std::vector<std::vector<std::uint64_t>>& table);

/// Fleiss' kappa (Fleiss 1971): P = the mean over units of the share of agreeing coder pairs,
/// Pe = the sum over categories of the squared share of ratings, kappa = (P - Pe) / (1 - Pe).
/// Units rated by fewer than two coders are left out. Fleiss 1971 has every unit rated by as
/// many coders; with missing ratings partnerqi takes P_i = sum n_ij (n_ij - 1) / (n_i (n_i - 1))
/// per unit and the shares over every rating of the units kept (a library generalization,
/// equal to Fleiss' kappa on complete data). No standard error: the published ones hold only
/// under the hypothesis kappa = 0.
[[nodiscard]] PARTNERQI_EXPORT kappa_estimate fleiss_kappa(const std::vector<rated_unit>& units);

/// Percent agreement: the mean over units rated by two or more coders of the share of coder
/// pairs that agree (for two coders, the share of units they agree on), in [0, 1]; unset when
/// no unit is rated twice.
[[nodiscard]] PARTNERQI_EXPORT std::optional<double> percent_agreement(
    const std::vector<rated_unit>& units);

/// The pooled kappa of de Vries et al. 2008 over several items (here codes): the mean of the
/// items' po and the mean of their pe, then (po - pe) / (1 - pe). Not the kappa of the summed
/// table ("collapsed" kappa), which overstates agreement when items differ in prevalence.
/// Items whose kappa is undefined because they have no unit are left out. No interval.
[[nodiscard]] PARTNERQI_EXPORT kappa_estimate
pooled_kappa(const std::vector<kappa_estimate>& items);

/// Options of the bootstrap of Krippendorff's alpha.
struct bootstrap_options {
    std::size_t replicates = 1000;  ///< resamples drawn; 0: no interval
    /// Of the random generator (mt19937_64, with the standard library's binomial distribution):
    /// a report repeats exactly with the same seed and standard library.
    std::uint64_t seed = 2007;
};

/// Krippendorff's alpha for nominal data, with its bootstrap interval.
struct alpha_estimate {
    std::optional<double> alpha;        ///< 1 - Do / De; unset when undefined (no pair, or De = 0)
    double observed_disagreement = 0;   ///< Do
    double expected_disagreement = 0;   ///< De
    std::uint64_t pairable_values = 0;  ///< n: the values of units rated by two or more coders
    /// @{
    std::optional<double> low, high;  ///< the 95% bootstrap interval; unset without replicates
    /// @}
};

/// Krippendorff's alpha for nominal data (Krippendorff 2011): the coincidence matrix
/// o_ck = sum over units of n_uc n_uk / (m_u - 1) (n_uc (n_uc - 1) / (m_u - 1) on the diagonal)
/// over units rated by m_u >= 2 coders, Do = sum_{c != k} o_ck / n, De = sum_{c != k} n_c n_k /
/// (n (n - 1)). Missing ratings are simply absent.
///
/// The interval follows the bootstrap Hayes & Krippendorff 2007 describe (Krippendorff's
/// algorithm, 2006, revised 2011): each resample draws, with replacement, as many pairs of
/// values as the data hold (sum over units of m_u (m_u - 1) / 2) from the coincidences o_ck / n,
/// computes Do from them and alpha = 1 - Do / De with the data's De; the interval is the 2.5th
/// and 97.5th percentile of the resamples' alphas. For nominal data a drawn pair disagrees with
/// probability Do, so a resample's Do is a binomial count over the draws, drawn directly (so the
/// cost does not grow with the number of units, which characters make large). The small-sample
/// correction of Krippendorff's algorithm is not applied.
[[nodiscard]] PARTNERQI_EXPORT alpha_estimate
krippendorff_alpha(const std::vector<rated_unit>& units, const bootstrap_options& bootstrap = {});
/// @}

/// The statistics of one code, or over all codes.
struct agreement_statistics {
    /// Units rated by two or more of the coders compared; over all codes, summed over the codes.
    std::uint64_t units = 0;
    std::optional<double> percent;  ///< percent agreement in [0, 1]; see percent_agreement()
    /// Cohen's kappa with its interval, when exactly two coders are compared; over all codes,
    /// the pooled kappa of de Vries et al. (no interval).
    kappa_estimate cohen;
    /// Fleiss' kappa; over all codes, pooled as de Vries et al. pool Cohen's (the mean of the
    /// codes' P and Pe, a library extension of their pooling to Fleiss' terms).
    kappa_estimate fleiss;
    /// Krippendorff's alpha with its bootstrap interval; over all codes, the alpha of every
    /// (unit, code) pair as one binary variable (applied or not).
    alpha_estimate alpha;
};

/// Agreement on one code.
struct code_agreement {
    model::code_id code;              ///< the code compared
    std::string name;                 ///< the code's name
    agreement_statistics statistics;  ///< over the units of this code
};

/// A stretch of a source.
struct coded_span {
    std::uint32_t begin = 0;  ///< byte offset of the first character
    std::uint32_t end = 0;    ///< byte offset one past the last
    std::string coder;        ///< the coder of the segment; empty for a span where coders differ
};

/// A unit on which the coders who rated it do not all agree.
struct coding_disagreement {
    model::source_id source;                  ///< the source
    std::string source_code;                  ///< its code, e.g. "INT-07"
    model::code_id code;                      ///< the code
    std::string code_name;                    ///< its name
    std::vector<std::string> applied_by;      ///< coders who applied the code, sorted
    std::vector<std::string> not_applied_by;  ///< coders who rated the source but did not
    /// Per source unit: the segments of that code by those who applied it; per character unit:
    /// the one span (without coder) over which the coders are split this way.
    std::vector<coded_span> positions;
};

/// The disagreements of an agreement report, by source then code then position.
struct disagreement_list {
    std::vector<coding_disagreement> items;  ///< every disagreement, none left out
};

/// Options of the agreement query.
struct agreement_options {
    agreement_unit unit = agreement_unit::source;  ///< sources (default) or characters
    /// Coders compared; empty: every coder who coded a source in scope.
    std::vector<std::string> coders;
    /// Sources compared; empty: every source in scope that a compared coder coded.
    std::vector<model::source_id> sources;
    /// Codes compared; empty: every code a compared coder applied to those sources.
    std::vector<model::code_id> codes;
    bootstrap_options bootstrap;  ///< of the alphas' intervals
};

/// Inter-coder agreement of two or more coders.
///
/// Missing data: a coder rated a source when they coded anything in it (any code); a source a
/// coder did not code at all is missing for that coder, never "code absent". A unit counts for
/// the statistics when two or more coders rated its source.
///
/// Per character unit, the characters of a source are the Unicode code points of its kept text,
/// or, when the text was not kept, its bytes up to the last offset coded in it; a character is
/// coded by a coder when one of their segments of the code covers it. NVivo reports kappa per
/// source; the per-code values here count every character of every compared source as a unit.
struct agreement_report {
    std::string scope;                             ///< the filter's label
    agreement_unit unit = agreement_unit::source;  ///< what a unit is
    std::vector<std::string> coders;               ///< the coders compared, sorted
    /// not_assessable when fewer than two coders coded anything in scope (then every statistic
    /// is unset and `reason` says why); else not_flagged (agreement is a measure, not a flag).
    assessment status = assessment::not_assessable;
    std::string reason;       ///< why the agreement is not assessable; empty when it is
    std::size_t sources = 0;  ///< sources compared
    std::size_t codes = 0;    ///< codes compared
    std::vector<code_agreement> per_code;  ///< in code id order
    agreement_statistics overall;          ///< over all codes (see agreement_statistics)
    disagreement_list disagreements;       ///< where the coders differ
};

/// The agreement of the coders of a study.
///
/// Each code is a binary variable per unit: applied or not. The work is the segments times the
/// coders of their source (each disagreement lists the coders on both sides), plus the codes
/// times the coders, plus, per character unit, the kept text of the coded sources, plus the
/// bootstrap's replicates per code (independent of the number of units). Throws
/// partnerqi::invalid_request_error when a coder named in the options coded nothing in the study
/// (the message lists the coders that did) or is named twice, and partnerqi::not_found_error for
/// an unknown source or code id.
[[nodiscard]] PARTNERQI_EXPORT agreement_report
coder_agreement(const model::case_study& study, const filter& scope = {},
                const agreement_options& options = {});

/// The report as text: a heading naming the unit, the coders and the scope, a table of the
/// statistics (value and 95% interval) over all codes and per code, then the number of
/// disagreements; or "not assessable" with the reason.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const agreement_report& report);

/// The agreement as CSV (RFC 4180), one row per code then a row "all":
/// `code,unit,coders,units,percent_agreement,cohen_kappa,cohen_low,cohen_high,fleiss_kappa,`
/// `alpha,alpha_low,alpha_high`; an undefined value is an empty field. A report that is not
/// assessable has the header only.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const agreement_report& report);

/// The disagreements as CSV, one row per disagreement:
/// `source,code,applied_by,not_applied_by,positions` with coders joined by "; " and positions
/// as `begin-end` (with `@coder` when known) joined by "; ".
PARTNERQI_EXPORT void write_csv(std::ostream& out, const disagreement_list& list);

}  // namespace partnerqi::analysis
