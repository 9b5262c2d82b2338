/// @file
/// How the cells of the CSV files partnerqi writes reach the file: guarded against spreadsheet
/// formula injection (the default), or raw for scripts. This header includes no Boost.
#pragma once

#include <iosfwd>
#include <string_view>

#include "partnerqi/enum_traits.hpp"
#include "partnerqi/export.hpp"

namespace partnerqi::io {

/// How the cells of a CSV file are written.
///
/// A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as
/// a formula, which can run commands or send data away when a shared file is opened (OWASP,
/// "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection). Guarded cells are
/// written as OWASP recommends: such a cell, unless it is a plain number such as `-0.5`, and any
/// cell that starts with an apostrophe, gets an apostrophe before it, which spreadsheets hide and
/// read_tables() takes off again. Raw cells are written as they are, for scripts (R, Python) that
/// read the file and must see the exact texts; never open a raw file of untrusted texts in a
/// spreadsheet.
enum class csv_cells {
    guarded,  ///< formula-like cells get an apostrophe before them (the default)
    raw       ///< every cell exactly as it is
};

}  // namespace partnerqi::io

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(io::csv_cells, 2, io::csv_cells::guarded, io::csv_cells::raw)
}  // namespace partnerqi

namespace partnerqi::io {

/// The spelling of a csv_cells value: "guarded" or "raw"; "invalid" for a value that is not an
/// enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(csv_cells cells) noexcept;

/// Sets how the CSV writers of partnerqi (write_csv_row(), write_metrics_csv(), write_ties_csv(),
/// the analysis tables' write_csv()) write cells into `out` from now on, as std::hex sets how
/// numbers are written. A stream that was never set writes guarded cells.
/// @code
/// io::set_csv_cells(std::cout, io::csv_cells::raw);
/// io::write_metrics_csv(std::cout, rows);  // exact texts, for a script
/// @endcode
PARTNERQI_EXPORT void set_csv_cells(std::ostream& out, csv_cells cells);

/// How the CSV writers write cells into `out`: what set_csv_cells() set, guarded otherwise.
[[nodiscard]] PARTNERQI_EXPORT csv_cells csv_cells_of(std::ostream& out);

}  // namespace partnerqi::io
