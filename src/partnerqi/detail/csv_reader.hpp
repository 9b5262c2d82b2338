// The one CSV reader of the library, next to its writer (csv.hpp): it takes what spreadsheets
// write (RFC 4180 quoting, CRLF or LF, a UTF-8 byte order mark) and refuses, with a message a
// spreadsheet user can act on, what it cannot read faithfully (UTF-16, bytes that are not UTF-8,
// an unclosed quote, a cell over the size limit).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace partnerqi::detail {

/// What went wrong reading a CSV text, and on which row (as a spreadsheet numbers rows: the
/// first line is row 1).
struct csv_problem {
    std::size_t row = 0;  ///< 1-based row of the text where the problem is
    std::string message;  ///< what is wrong and what to do
};

/// The rows of a CSV text, every row as its cells, empty rows included so that rows[i] is row
/// i + 1 of the spreadsheet.
struct csv_rows {
    std::vector<std::vector<std::string>> rows;  ///< rows[0] is the first row (the header)
};

/// The advice for a file in another encoding than UTF-8: how to re-save it from a spreadsheet.
inline constexpr std::string_view resave_as_utf8_hint =
    "re-save it as CSV UTF-8 in Excel (File > Save As > \"CSV UTF-8 (Comma delimited)\") or "
    "LibreOffice (File > Save As > Text CSV, character set \"Unicode (UTF-8)\")";

/// The offset of the first byte of `text` that is not part of well-formed UTF-8 (overlong
/// forms, surrogates and code points over U+10FFFF are not), or no value when all of it is.
[[nodiscard]] std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept;

/// Parses a whole CSV text (RFC 4180: cells separated by commas, rows ended by CRLF, LF or CR,
/// a cell in double quotes may hold commas, line breaks and doubled quotes). A leading UTF-8
/// byte order mark is skipped. Fills `out` and returns no value, or returns the first problem:
/// a UTF-16 or UTF-32 text, bytes that are not UTF-8, a quote never closed, text after a
/// closing quote, a cell longer than `max_cell_bytes`, more than `max_cells` cells in all (each
/// cell costs memory whatever its size, so a file of commas is bounded too).
[[nodiscard]] std::optional<csv_problem> parse_csv(std::string_view text,
                                                   std::size_t max_cell_bytes,
                                                   std::size_t max_cells, csv_rows& out);

}  // namespace partnerqi::detail
