/// @file
/// CSV tables (RFC 4180) for R, Python or a spreadsheet, and the per-person metrics table that
/// the CSV, GraphML and command-line exports share.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/network/engagement_graph.hpp"

namespace partnerqi::io {

/// One CSV field quoted as RFC 4180 asks: wrapped in double quotes, inner quotes doubled, when
/// it holds a comma, a double quote, a carriage return or a line feed; otherwise unchanged.
/// @code
/// assert(io::csv_field("a,b") == "\"a,b\"");
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT std::string csv_field(std::string_view text);

/// Writes one CSV record: the fields quoted by csv_field(), separated by commas, ended by CRLF
/// (RFC 4180, section 2).
PARTNERQI_EXPORT void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);

/// A real number as the shortest text that reads back to the same double ("0.5", "2",
/// "0.3333333333333333"), so that exported measures compare exactly with other tools.
[[nodiscard]] PARTNERQI_EXPORT std::string format_number(double value);

/// The measures of one person of an engagement network: one row of the metrics table.
///
/// The names of the members are the column names of the CSV and the data keys of the GraphML
/// export, so a table read from either gives the same columns.
struct person_metrics {
    model::person_id person;          ///< the person's record id
    std::string code;                 ///< the person's code, e.g. "M-TOP-03"
    model::person_role role = model::person_role::other;  ///< the person's role
    std::optional<model::management_tier> tier;  ///< set exactly for managers
    std::string organization;         ///< the code of the person's organization; empty when none
    std::size_t in_degree = 0;        ///< distinct people who engaged this person
    std::size_t out_degree = 0;       ///< distinct people this person engaged
    std::uint64_t weighted_in_degree = 0;   ///< engagement events received
    std::uint64_t weighted_out_degree = 0;  ///< engagement events sent
    double betweenness = 0.0;         ///< unnormalized, as networkx.betweenness_centrality(G, normalized=False)
    double closeness = 0.0;           ///< as networkx.closeness_centrality(G) (incoming distances)
    std::size_t weak_component = 0;   ///< the weak component, numbered from 0 in code order
    /// The fewest directed ties from this person to a top-level manager (0 for a top-level
    /// manager); unset when no directed path leads to one.
    std::optional<std::size_t> steps_to_top_manager;
};

/// The column names of the metrics table, in order; also the GraphML node data keys.
inline constexpr std::array<std::string_view, 12> metrics_columns{
    "code",       "role",          "tier",          "organization",
    "in_degree",  "out_degree",    "weighted_in_degree", "weighted_out_degree",
    "betweenness", "closeness",    "weak_component", "steps_to_top_manager"};

/// How the metrics table is computed.
struct metrics_options {
    /// Threads for betweenness and closeness (0: every hardware thread); the result does not
    /// depend on it.
    unsigned threads = 0;
    /// 0: exact betweenness, O(V E). Otherwise betweenness is estimated from this many source
    /// people drawn with a fixed seed (network::approximate_betweenness), O(pivots E), for
    /// networks too large for the exact computation; exact again when pivots >= people.
    std::size_t betweenness_pivots = 0;
};

/// The metrics of every person of `graph`, in vertex order (person code order).
///
/// `graph` must have been built from `study` (the study gives organization codes). Closeness
/// costs O(V E); betweenness O(V E) when exact, see metrics_options. Steps to a top-level
/// manager come from one breadth-first search of the reversed network from every top-level
/// manager at once, O(V + E).
[[nodiscard]] PARTNERQI_EXPORT std::vector<person_metrics> metrics_of(
    const model::case_study& study, const network::engagement_graph& graph,
    const metrics_options& options = {});

/// Writes the metrics table as CSV: a header of metrics_columns, then one row per person. An
/// unknown value (no tier, no organization, no path to a top-level manager) is an empty field.
/// @code
/// io::write_metrics_csv(std::cout, io::metrics_of(study, network::build(study)));
/// @endcode
PARTNERQI_EXPORT void write_metrics_csv(std::ostream& out, const std::vector<person_metrics>& rows);

/// The metrics table as aligned text for a terminal (numbers right-aligned, betweenness and
/// closeness with three decimals, "-" for an unknown value).
[[nodiscard]] PARTNERQI_EXPORT std::string metrics_text(const std::vector<person_metrics>& rows);

/// Writes a CSV table into a file atomically: `write` fills a buffer, which then replaces `file`
/// in one step (a temporary beside it, flushed, then renamed), so a failure never leaves half
/// a table. Throws partnerqi::save_error naming the file.
/// @code
/// io::save_csv("audit.csv", [&](std::ostream& out) { analysis::write_csv(out, audit); });
/// @endcode
PARTNERQI_EXPORT void save_csv(const std::filesystem::path& file,
                               const std::function<void(std::ostream&)>& write);

/// Writes the metrics table into a CSV file atomically (write_metrics_csv() through save_csv()).
PARTNERQI_EXPORT void save_metrics_csv(const std::filesystem::path& file,
                                       const std::vector<person_metrics>& rows);

}  // namespace partnerqi::io
