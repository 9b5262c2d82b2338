// Private helpers shared by every analysis: one table shape, rendered either as aligned text or
// as RFC 4180 CSV, so that to_text and write_csv never disagree.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iomanip>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace partnerqi::analysis::detail {

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

/// A header and rows of text cells.
struct table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    /// Per column, true to align left; columns past its end: the first left, the others right.
    std::vector<bool> left;

    void add(std::vector<std::string> row) { rows.push_back(std::move(row)); }

    /// Header then rows as CSV.
    void write_csv(std::ostream& out) const {
        write_csv_row(out, header);
        for (const auto& row : rows) write_csv_row(out, row);
    }

    /// Aligned columns: the first left-aligned, the others right-aligned; `indent` spaces first.
    [[nodiscard]] std::string to_text(std::size_t indent = 2) const {
        std::vector<std::size_t> width(header.size(), 0);
        auto measure = [&](const std::vector<std::string>& row) {
            for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
                width[i] = std::max(width[i], row[i].size());
        };
        measure(header);
        for (const auto& row : rows) measure(row);
        std::ostringstream out;
        auto line = [&](const std::vector<std::string>& row) {
            out << std::string(indent, ' ');
            for (std::size_t i = 0; i < width.size(); ++i) {
                const std::string cell = i < row.size() ? row[i] : std::string();
                if (i) out << "  ";
                bool to_left = i < left.size() ? left[i] : i == 0;
                if (to_left)
                    out << std::left << std::setw(static_cast<int>(width[i])) << cell;
                else
                    out << std::right << std::setw(static_cast<int>(width[i])) << cell;
            }
            out << '\n';
        };
        line(header);
        std::size_t total = 0;
        for (std::size_t w : width) total += w;
        out << std::string(indent, ' ') << std::string(total + 2 * (width.empty() ? 0 : width.size() - 1), '-')
            << '\n';
        for (const auto& row : rows) line(row);
        return out.str();
    }
};

/// A count as text.
inline std::string num(std::size_t n) { return std::to_string(n); }

/// A signed difference as text, with an explicit + for growth.
inline std::string signed_num(std::int64_t n) {
    return (n > 0 ? "+" : "") + std::to_string(n);
}

/// A real number with `digits` decimals.
inline std::string fixed(double x, int digits = 2) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << x;
    return out.str();
}

}  // namespace partnerqi::analysis::detail
