/// @file
/// Coding queries a qualitative researcher runs daily: matrix coding, code frequencies, code
/// co-occurrence, inter-coder agreement (Cohen's kappa) and the evidence behind enactments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis {

/// The columns of a matrix coding query.
enum class coding_columns : std::uint8_t {
    tier,        ///< the tier of the interviewed manager (the source's tier, else its participants')
    study_case,  ///< the case of the source's organization
    wave         ///< the source's wave (else the waves whose window holds its date)
};

/// What a cell of a matrix coding query counts (as NVivo's matrix coding query offers).
enum class coding_count : std::uint8_t {
    segments,  ///< coding references
    sources,   ///< distinct data sources coded
    people     ///< distinct participants of the coded sources
};

/// The selection shared by every coding query.
struct coding_selection {
    std::vector<model::code_id> codes;  ///< rows; empty: every code of the codebook, in id order
    std::optional<std::string> coder;   ///< only this coder's segments; unset: every coder
    /// Count a segment under the ancestors of its code that are rows too (NVivo's aggregate).
    bool include_descendants = false;
};

/// Options of a matrix coding query.
struct matrix_coding_options {
    coding_columns columns = coding_columns::tier;
    coding_count count = coding_count::segments;
    coding_selection selection;
};

/// A code x column matrix. The last column, "(not set)", holds coding whose source has no value
/// for the column (a focus group has no tier).
struct code_matrix {
    coding_columns columns = coding_columns::tier;
    coding_count count = coding_count::segments;
    std::string scope;
    std::vector<model::code_id> row_codes;
    std::vector<std::string> row_labels;     ///< code names
    std::vector<std::string> column_labels;
    std::vector<std::vector<std::size_t>> cells;  ///< [row][column]
};

/// Counts coding per code and tier, case or wave. Sources count when their organization is in
/// the filter's scope and their date in its window (undated sources count unless a window or a
/// wave was chosen). Linear in the number of segments.
[[nodiscard]] PARTNERQI_EXPORT code_matrix matrix_coding(const model::case_study& study, const filter& scope = {},
                                                         const matrix_coding_options& options = {});

/// How often one code is used.
struct code_frequency {
    model::code_id code;
    std::string name;
    std::size_t segments = 0;
    std::size_t sources = 0;
    std::size_t people = 0;  ///< distinct participants of the coded sources
    std::size_t coders = 0;
};

/// Frequencies of every selected code, in code id order.
struct code_frequency_table {
    std::string scope;
    std::vector<code_frequency> codes;
};

/// Counts segments, sources, participants and coders per code.
[[nodiscard]] PARTNERQI_EXPORT code_frequency_table code_frequencies(const model::case_study& study,
                                                                     const filter& scope = {},
                                                                     const coding_selection& selection = {});

/// Two codes applied in the same source.
struct code_pair {
    model::code_id first;   ///< the smaller id
    model::code_id second;
    std::string first_name, second_name;
    std::size_t sources = 0;  ///< sources where both codes occur
};

/// Code co-occurrence within a source, as a sparse list (pairs that never meet are left out).
struct cooccurrence_table {
    std::string scope;
    std::vector<code_pair> pairs;  ///< by decreasing count, then by ids
};

/// Counts, for every pair of selected codes, the sources in which both occur.
[[nodiscard]] PARTNERQI_EXPORT cooccurrence_table code_cooccurrence(const model::case_study& study,
                                                                    const filter& scope = {},
                                                                    const coding_selection& selection = {});

/// The 2 x 2 agreement table of two coders over presence/absence units.
struct agreement_counts {
    std::size_t both = 0;     ///< both coders applied the code
    std::size_t only_a = 0;   ///< only the first coder did
    std::size_t only_b = 0;   ///< only the second coder did
    std::size_t neither = 0;  ///< neither did

    [[nodiscard]] std::size_t units() const noexcept { return both + only_a + only_b + neither; }
};

/// Cohen's kappa of a 2 x 2 agreement table: (po - pe) / (1 - pe), with po the observed
/// agreement and pe the agreement expected from each coder's marginals.
///
/// No value when there are no units or when pe = 1 (both coders used one category only, so
/// kappa is 0/0; sklearn returns nan there).
[[nodiscard]] PARTNERQI_EXPORT std::optional<double> cohen_kappa(const agreement_counts& counts) noexcept;

/// Agreement on one code.
struct code_agreement {
    model::code_id code;
    std::string name;
    agreement_counts counts;  ///< units are the sources
    std::optional<double> kappa;
};

/// Options of the agreement query.
struct kappa_options {
    /// Sources compared; empty: every source in scope that either coder coded.
    std::vector<model::source_id> sources;
    /// Codes compared; empty: every code either coder applied to those sources.
    std::vector<model::code_id> codes;
};

/// Inter-coder agreement between two coders.
///
/// The unit is a (source, code) pair and the rating is presence/absence: did the coder apply the
/// code anywhere in the source? This is QDA Miner's "code occurrence" criterion and the
/// presence/absence-per-source agreement QualCoder and most kappa reports use. NVivo's coding
/// comparison instead counts characters of each source; partnerqi does not compute that variant.
struct kappa_report {
    std::string scope;
    std::string coder_a, coder_b;
    std::size_t sources = 0, codes = 0;
    agreement_counts counts;  ///< pooled over every (source, code) unit
    double observed = 0;      ///< po
    double expected = 0;      ///< pe
    std::optional<double> kappa;
    std::vector<code_agreement> per_code;  ///< in code id order
};

/// Cohen's kappa between two coders on the same sources.
///
/// Throws partnerqi::invalid_request_error when the two coders are the same, or when a coder
/// coded nothing in the study (the message lists the coders that did).
[[nodiscard]] PARTNERQI_EXPORT kappa_report cohen_kappa(const model::case_study& study, std::string_view coder_a,
                                                        std::string_view coder_b, const filter& scope = {},
                                                        const kappa_options& options = {});

/// The distinct coders of a study, sorted.
[[nodiscard]] PARTNERQI_EXPORT std::vector<std::string> coders(const model::case_study& study);

/// The coded segments that support one practice enactment.
struct enactment_evidence {
    model::enactment_id enactment;
    std::string practice;  ///< practice code
    std::string manager;   ///< manager code
    model::date on;
    std::vector<model::segment_id> segments;  ///< in id order
};

/// Which enactments in scope are backed by coded evidence (coded_segment::supports).
struct evidence_report {
    std::string scope;
    std::vector<enactment_evidence> enactments;  ///< every enactment in scope, in id order
    std::size_t with_evidence = 0;
    std::size_t without_evidence = 0;
};

/// Links every enactment in scope to the segments that support it. Linear.
[[nodiscard]] PARTNERQI_EXPORT evidence_report practice_evidence(const model::case_study& study,
                                                                 const filter& scope = {});

/// @name Text and CSV (RFC 4180) of the coding queries
/// @{
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const code_matrix& matrix);
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const code_frequency_table& table);
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const cooccurrence_table& table);
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const kappa_report& report);
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const evidence_report& report);
/// `code,<column labels...>`.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const code_matrix& matrix);
/// `code,segments,sources,people,coders`.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const code_frequency_table& table);
/// `first,second,sources`.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const cooccurrence_table& table);
/// `code,both,only_a,only_b,neither,kappa`, then a row "all" with the pooled counts.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const kappa_report& report);
/// `enactment,practice,manager,date,segments` with segment ids joined by spaces.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const evidence_report& report);
/// @}

}  // namespace partnerqi::analysis
