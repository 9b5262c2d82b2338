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

#include "partnerqi/detail/csv.hpp"

namespace partnerqi::analysis::detail {

// CSV quoting is the library's one helper, shared with the io exports.
using partnerqi::detail::csv_field;
using partnerqi::detail::write_csv_row;

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
        for (const auto& row : rows)
            write_csv_row(out, row);
    }

    /// Aligned columns: the first left-aligned, the others right-aligned; `indent` spaces first.
    [[nodiscard]] std::string to_text(std::size_t indent = 2) const {
        std::vector<std::size_t> width(header.size(), 0);
        auto measure = [&](const std::vector<std::string>& row) {
            for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
                width[i] = std::max(width[i], row[i].size());
        };
        measure(header);
        for (const auto& row : rows)
            measure(row);
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
        for (std::size_t w : width)
            total += w;
        out << std::string(indent, ' ')
            << std::string(total + 2 * (width.empty() ? 0 : width.size() - 1), '-') << '\n';
        for (const auto& row : rows)
            line(row);
        return out.str();
    }
};

/// A count as text.
inline std::string num(std::size_t n) { return std::to_string(n); }

/// A signed difference as text, with an explicit + for growth.
inline std::string signed_num(std::int64_t n) { return (n > 0 ? "+" : "") + std::to_string(n); }

/// A real number with `digits` decimals.
inline std::string fixed(double x, int digits = 2) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << x;
    return out.str();
}

}  // namespace partnerqi::analysis::detail
