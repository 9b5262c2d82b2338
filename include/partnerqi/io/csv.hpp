/// @file
/// CSV tables (RFC 4180) for R, Python or a spreadsheet, among them the per-person metrics table
/// (network::metrics_of()) that the CSV, GraphML and command-line exports share.
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
#include "partnerqi/io/csv_cells.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/network/engagement_graph_fwd.hpp"
#include "partnerqi/network/metrics_table.hpp"

namespace partnerqi::io {

/// One CSV field quoted as RFC 4180 asks: wrapped in double quotes, inner quotes doubled, when
/// it holds a comma, a double quote, a carriage return or a line feed; otherwise unchanged.
/// @code
/// assert(io::csv_field("a,b") == "\"a,b\"");
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT std::string csv_field(std::string_view text);

/// Writes one CSV record: the fields quoted by csv_field(), separated by commas, ended by CRLF
/// (RFC 4180, section 2). Every CSV file partnerqi writes goes through here. Unless `out` was set
/// to raw cells (set_csv_cells()), a field that a spreadsheet would run as a formula (it starts
/// with =, +, -, @, a tab or a carriage return and is not a plain number), or that starts with an
/// apostrophe, gets an apostrophe before it, as OWASP recommends against CSV injection
/// (csv_cells); read_tables() takes the apostrophe off.
PARTNERQI_EXPORT void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);

/// Writes the metrics table as CSV (cells as `out` is set: csv_cells_of()): a header of
/// network::metrics_columns, then one row per person (its `provenance` column is the provenance of
/// the person's record). An unknown value (no tier, no organization, no path to a top-level
/// manager) is an empty field.
/// @code
/// io::write_metrics_csv(std::cout, network::metrics_of(study, network::build(study)));
/// @endcode
PARTNERQI_EXPORT void write_metrics_csv(std::ostream& out,
                                        const std::vector<network::person_metrics>& rows);

/// Writes the ties of a network as CSV (cells as `out` is set: csv_cells_of()), one row per tie in
/// edge order: `source` and `target` (the people's codes), then `count` (engagement events),
/// `level` (the strongest level), `first` and `last` (ISO dates), `kinds` (comma separated, in
/// vocabulary order) and `provenance` (the weakest provenance of its events: illustrative <
/// user-entered < reported), the same values as the edges of the GraphML and GEXF exports.
/// @code
/// io::write_ties_csv(std::cout, network::build(study));
/// @endcode
PARTNERQI_EXPORT void write_ties_csv(std::ostream& out, const network::engagement_graph& graph);

/// The metrics table as aligned text for a terminal (numbers right-aligned, betweenness and
/// closeness with three decimals, "-" for an unknown value), each person's provenance included.
[[nodiscard]] PARTNERQI_EXPORT std::string metrics_text(
    const std::vector<network::person_metrics>& rows);

/// Writes a CSV table into a file atomically: `write` fills a buffer, which then replaces `file`
/// in one step (a temporary beside it, flushed, then renamed), so a failure never leaves half
/// a table. The buffer is set to write `cells` (set_csv_cells()), so every partnerqi CSV writer
/// that `write` calls writes them so. Throws partnerqi::save_error naming the file.
/// @code
/// io::save_csv("audit.csv", [&](std::ostream& out) { analysis::write_csv(out, audit); });
/// @endcode
PARTNERQI_EXPORT void save_csv(const std::filesystem::path& file,
                               const std::function<void(std::ostream&)>& write,
                               csv_cells cells = csv_cells::guarded);

/// Writes the metrics table into a CSV file atomically (write_metrics_csv() through save_csv()).
PARTNERQI_EXPORT void save_metrics_csv(const std::filesystem::path& file,
                                       const std::vector<network::person_metrics>& rows,
                                       csv_cells cells = csv_cells::guarded);

/// Writes the ties of a network into a CSV file atomically (write_ties_csv() through save_csv()).
PARTNERQI_EXPORT void save_ties_csv(const std::filesystem::path& file,
                                    const network::engagement_graph& graph,
                                    csv_cells cells = csv_cells::guarded);

}  // namespace partnerqi::io
