// The one CSV writer of the library (RFC 4180), shared by the analysis tables and the io
// exports so that every table partnerqi writes is quoted the same way.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

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

/// One CSV record: fields separated by commas, ended by CRLF (RFC 4180, section 2).
inline void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out << ',';
        out << csv_field(fields[i]);
    }
    out << "\r\n";
}

}  // namespace partnerqi::detail
