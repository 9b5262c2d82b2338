/// @file
/// Coding queries a qualitative researcher runs daily: matrix coding, code frequencies, code
/// co-occurrence and the evidence behind enactments (agreement between coders is in
/// agreement.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/enum_traits.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis {

/// The columns of a matrix coding query.
enum class coding_columns : std::uint8_t {
    tier,  ///< the tier of the interviewed manager (the source's tier, else its participants')
    study_case,  ///< the case of the source's organization
    wave         ///< the source's wave (else the waves whose window holds its date)
};

/// What a cell of a matrix coding query counts (as NVivo's matrix coding query offers).
enum class coding_count : std::uint8_t {
    segments,  ///< coding references
    sources,   ///< distinct data sources coded
    people     ///< distinct participants of the coded sources
};

}  // namespace partnerqi::analysis

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(analysis::coding_columns, 3, analysis::coding_columns::tier,
                             analysis::coding_columns::study_case, analysis::coding_columns::wave)
PARTNERQI_DETAIL_ENUM_TRAITS(analysis::coding_count, 3, analysis::coding_count::segments,
                             analysis::coding_count::sources, analysis::coding_count::people)
}  // namespace partnerqi

namespace partnerqi::analysis {

/// The spelling of what the columns stand for: "tier", "case" or "wave"; "invalid" for a value
/// that is not an enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(coding_columns columns) noexcept;
/// The spelling of what a cell counts: "segments", "sources" or "people"; "invalid" for a value
/// that is not an enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(coding_count count) noexcept;

/// The selection shared by every coding query.
struct coding_selection {
    std::vector<model::code_id> codes;  ///< rows; empty: every code of the codebook, in id order
    std::optional<std::string> coder;   ///< only this coder's segments; unset: every coder
    /// Count a segment under the ancestors of its code that are rows too (NVivo's aggregate).
    bool include_descendants = false;
};

/// Options of a matrix coding query.
struct matrix_coding_options {
    coding_columns columns = coding_columns::tier;  ///< what the columns stand for
    coding_count count = coding_count::segments;    ///< what each cell counts
    coding_selection selection;                     ///< the rows, the coder, and aggregation
};

/// A code x column matrix. The last column, "(not set)", holds coding whose source has no value
/// for the column (a focus group has no tier).
struct code_matrix {
    coding_columns columns = coding_columns::tier;  ///< what the columns stand for, as asked
    coding_count count = coding_count::segments;    ///< what each cell counts, as asked
    std::string scope;                      ///< the filter's label, e.g. "case-1, wave W2 (...)"
    std::vector<model::code_id> row_codes;  ///< one per row, in the selection's order
    std::vector<std::string> row_labels;    ///< code names
    /// Tier names, case codes (cases in scope) or wave codes, then "(not set)"; one per column.
    std::vector<std::string> column_labels;
    std::vector<std::vector<std::size_t>> cells;  ///< [row][column]
};

/// Counts coding per code and tier, case or wave. Sources count when their organization is in
/// the filter's scope and their date in its window (undated sources count unless a window or a
/// wave was chosen). Linear in the number of segments.
[[nodiscard]] PARTNERQI_EXPORT code_matrix matrix_coding(const model::case_study& study,
                                                         const filter& scope = {},
                                                         const matrix_coding_options& options = {});

/// How often one code is used.
struct code_frequency {
    model::code_id code;       ///< the code counted
    std::string name;          ///< the code's name
    std::size_t segments = 0;  ///< coded segments (coding references)
    std::size_t sources = 0;   ///< distinct data sources with at least one such segment
    std::size_t people = 0;    ///< distinct participants of the coded sources
    std::size_t coders = 0;    ///< distinct coders who applied the code
};

/// Frequencies of every selected code, in code id order.
struct code_frequency_table {
    std::string scope;  ///< the filter's label
    std::vector<code_frequency>
        codes;  ///< one per selected code, in id order, unused ones included
};

/// Counts segments, sources, participants and coders per code.
[[nodiscard]] PARTNERQI_EXPORT code_frequency_table
code_frequencies(const model::case_study& study, const filter& scope = {},
                 const coding_selection& selection = {});

/// Two codes applied in the same source.
struct code_pair {
    model::code_id first;   ///< the smaller id
    model::code_id second;  ///< the larger id

    /// @{
    std::string first_name, second_name;  ///< the two codes' names
    /// @}
    std::size_t sources = 0;  ///< sources where both codes occur
};

/// Code co-occurrence within a source, as a sparse list (pairs that never meet are left out).
struct cooccurrence_table {
    std::string scope;             ///< the filter's label
    std::vector<code_pair> pairs;  ///< by decreasing count, then by ids
};

/// Counts, for every pair of selected codes, the sources in which both occur.
[[nodiscard]] PARTNERQI_EXPORT cooccurrence_table
code_cooccurrence(const model::case_study& study, const filter& scope = {},
                  const coding_selection& selection = {});

/// The distinct coders of a study, sorted.
[[nodiscard]] PARTNERQI_EXPORT std::vector<std::string> coders(const model::case_study& study);

/// The coded segments that support one practice enactment.
struct enactment_evidence {
    model::enactment_id enactment;            ///< the enactment
    std::string practice;                     ///< practice code
    std::string manager;                      ///< manager code
    model::date on;                           ///< the enactment's date
    std::vector<model::segment_id> segments;  ///< in id order
};

/// Which enactments in scope are backed by coded evidence (coded_segment::supports).
struct evidence_report {
    std::string scope;                           ///< the filter's label
    std::vector<enactment_evidence> enactments;  ///< every enactment in scope, in id order
    std::size_t with_evidence = 0;  ///< enactments with at least one supporting segment
    std::size_t without_evidence =
        0;  ///< enactments with none; the two add up to enactments.size()
};

/// Links every enactment in scope to the segments that support it. Linear.
[[nodiscard]] PARTNERQI_EXPORT evidence_report practice_evidence(const model::case_study& study,
                                                                 const filter& scope = {});

/// @name Text and CSV (RFC 4180) of the coding queries
/// @{

/// The result as text for a terminal or a log: a heading naming the query and the scope, then
/// an aligned table.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const code_matrix& matrix);
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const code_frequency_table& table);
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const cooccurrence_table& table);
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const evidence_report& report);
/// The matrix as CSV, one row per code: `code,<column labels...>`.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const code_matrix& matrix);
/// The frequencies as CSV, one row per code: `code,segments,sources,people,coders`.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const code_frequency_table& table);
/// The co-occurrences as CSV, one row per pair: `first,second,sources`.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const cooccurrence_table& table);
/// The evidence as CSV, one row per enactment: `enactment,practice,manager,date,segments` with
/// segment ids joined by spaces.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const evidence_report& report);
/// @}

}  // namespace partnerqi::analysis
