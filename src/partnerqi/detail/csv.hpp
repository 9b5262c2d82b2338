// The one CSV writer of the library (RFC 4180), shared by the analysis tables and the io
// exports so that every table partnerqi writes is quoted the same way.
#pragma once

#include <charconv>
#include <ios>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/io/csv_cells.hpp"

namespace partnerqi::detail {

/// A field quoted as RFC 4180 asks: wrapped in double quotes (inner quotes doubled) when it holds
/// a comma, a double quote, a carriage return or a line feed; otherwise unchanged.
inline std::string csv_field(std::string_view text) {
    bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!quote) return std::string(text);
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

/// The spreadsheet letters of a 0-based column: A, B, ..., Z, AA, AB, ...
inline std::string column_letters(std::size_t index) {
    std::string out;
    for (++index; index > 0; index = (index - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (index - 1) % 26));
    return out;
}

/// True when a spreadsheet would run the cell as a formula: it starts with '=', '+', '-', '@', a
/// tab or a carriage return (OWASP, "CSV Injection"), and is not a plain number such as "-0.5",
/// which a spreadsheet only reads as a number. A cell starting with an apostrophe counts too, so
/// that guarded() can be undone exactly.
inline bool needs_spreadsheet_guard(std::string_view text) {
    if (text.empty()) return false;
    const char first = text.front();
    if (first == '\'') return true;
    if (first != '=' && first != '+' && first != '-' && first != '@' && first != '\t' &&
        first != '\r')
        return false;
    double number = 0;
    const char* end = text.data() + text.size();
    const auto [at, ec] = std::from_chars(text.data(), end, number);
    return ec != std::errc() || at != end;
}

/// The cell made inert for spreadsheets as OWASP recommends, with an apostrophe before it (which
/// spreadsheets hide); other cells unchanged. unguarded() gives the text back.
inline std::string guarded(std::string_view text) {
    return needs_spreadsheet_guard(text) ? "'" + std::string(text) : std::string(text);
}

/// The text of a cell that guarded() wrote.
inline std::string_view unguarded(std::string_view cell) {
    return !cell.empty() && cell.front() == '\'' && needs_spreadsheet_guard(cell.substr(1))
               ? cell.substr(1)
               : cell;
}

/// How cells reach a CSV file: the public enum, which the io layer documents.
using csv_cells = io::csv_cells;

/// The slot of a stream's words (std::ios_base::iword) that holds its csv_cells; a stream that
/// was never set holds 0, csv_cells::guarded.
inline int csv_cells_slot() {
    static const int slot = std::ios_base::xalloc();
    return slot;
}

/// How write_csv_row() writes cells into `out` when not told otherwise.
inline csv_cells csv_cells_of(std::ostream& out) {
    return out.iword(csv_cells_slot()) == static_cast<long>(csv_cells::raw) ? csv_cells::raw
                                                                            : csv_cells::guarded;
}

/// Sets how write_csv_row() writes cells into `out` from now on.
inline void set_csv_cells(std::ostream& out, csv_cells cells) {
    out.iword(csv_cells_slot()) = static_cast<long>(cells);
}

/// One CSV record: fields separated by commas, ended by CRLF (RFC 4180, section 2), each guarded
/// against formula injection unless `cells` is raw.
inline void write_csv_row(std::ostream& out, const std::vector<std::string>& fields,
                          csv_cells cells) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out << ',';
        out << csv_field(cells == csv_cells::guarded ? guarded(fields[i]) : fields[i]);
    }
    out << "\r\n";
}

/// One CSV record, its cells written as the stream is set to (csv_cells_of()).
inline void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
    write_csv_row(out, fields, csv_cells_of(out));
}

}  // namespace partnerqi::detail
