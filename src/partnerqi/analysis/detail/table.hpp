// Private helpers shared by every analysis: one table shape, rendered either as aligned text or
// as RFC 4180 CSV, so that to_text and write_csv never disagree.
#pragma once

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/detail/csv.hpp"
#include "partnerqi/number_format.hpp"

namespace partnerqi::analysis::detail {

// CSV quoting is the library's one helper, shared with the io exports; numbers follow the one
// policy of partnerqi/number_format.hpp (format_text in text, format_exact in CSV).
using partnerqi::detail::csv_field;
using partnerqi::detail::write_csv_row;

/// `head` then `items` separated by ", ", wrapped to lines of at most `max_width` columns (an
/// item longer than a line stays whole); continuation lines start with `indent` spaces. Ends with
/// a line feed.
inline std::string wrap_list(const std::string& head, const std::vector<std::string>& items,
                             std::size_t indent, std::size_t max_width = 100) {
    std::string out = head, line_start_pad(indent, ' ');
    std::size_t column = head.size();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string item = items[i] + (i + 1 < items.size() ? "," : "");
        const bool first = i == 0;
        if (!first && column + 1 + item.size() > max_width) {
            out += "\n" + line_start_pad + item;
            column = indent + item.size();
        } else {
            const std::string gap = first && (head.empty() || head.back() == ' ') ? "" : " ";
            out += gap + item;
            column += gap.size() + item.size();
        }
    }
    return out + "\n";
}

/// `head` then the words of `text`, wrapped as wrap_list() wraps items. Ends with a line feed.
inline std::string wrap_text(const std::string& head, const std::string& text, std::size_t indent,
                             std::size_t max_width = 100) {
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        if (end > at) words.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    std::string out = head;
    std::size_t column = head.size();
    for (const std::string& word : words) {
        if (column > indent && column + 1 + word.size() > max_width) {
            out += "\n" + std::string(indent, ' ') + word;
            column = indent + word.size();
        } else {
            const std::string gap = out.empty() || out.back() == ' ' ? "" : " ";
            out += gap + word;
            column += gap.size() + word.size();
        }
    }
    return out + "\n";
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
        for (const auto& row : rows)
            write_csv_row(out, row);
    }

    /// Aligned columns: the first left-aligned, the others right-aligned; `indent` spaces first.
    /// A table wider than `max_width` columns has its widest columns after the first wrapped at
    /// spaces onto continuation lines until it fits, when wrapping can make it fit (a single
    /// word is never cut); a table too wide anyway is written as records, one per row: its first
    /// cell, then each other column as "header value", wrapped to `max_width` columns.
    [[nodiscard]] std::string to_text(std::size_t indent = 2, std::size_t max_width = 100) const {
        auto to_left = [&](std::size_t i) { return i < left.size() ? left[i] : i == 0; };
        std::vector<std::size_t> width(header.size(), 0), longest_word(header.size(), 0);
        auto measure = [&](const std::vector<std::string>& row) {
            for (std::size_t i = 0; i < row.size() && i < width.size(); ++i) {
                width[i] = std::max(width[i], row[i].size());
                std::size_t word = 0;
                for (char c : row[i]) {
                    word = c == ' ' ? 0 : word + 1;
                    longest_word[i] = std::max(longest_word[i], word);
                }
            }
        };
        measure(header);
        for (const auto& row : rows)
            measure(row);
        auto total = [&] {
            std::size_t sum = indent + 2 * (width.empty() ? 0 : width.size() - 1);
            for (std::size_t w : width)
                sum += w;
            return sum;
        };
        // Wrap only when wrapping makes the table fit: a table too wide anyway stays one line
        // per row, which reads (and searches) better than a table wrapped and still too wide.
        std::size_t narrowest = total();
        for (std::size_t i = 1; i < width.size(); ++i)
            narrowest -= width[i] - longest_word[i];
        if (narrowest > max_width) return as_records(indent, max_width);
        while (narrowest <= max_width && total() > max_width) {
            std::size_t widest = width.size();
            for (std::size_t i = 1; i < width.size(); ++i)
                if (width[i] > longest_word[i] &&
                    (widest == width.size() || width[i] > width[widest]))
                    widest = i;
            if (widest == width.size()) break;
            const std::size_t excess = total() - max_width;
            width[widest] =
                std::max(longest_word[widest], width[widest] > excess ? width[widest] - excess : 0);
        }
        std::ostringstream out;
        auto line = [&](const std::vector<std::string>& row) {
            std::vector<std::string> rest(width.size());
            for (std::size_t i = 0; i < width.size(); ++i)
                rest[i] = i < row.size() ? row[i] : std::string();
            bool more = true;
            while (more) {
                more = false;
                std::string text(indent, ' ');
                for (std::size_t i = 0; i < width.size(); ++i) {
                    std::string cell = rest[i];
                    rest[i].clear();
                    if (cell.size() > width[i]) {  // wrap at the last space that fits
                        std::size_t cut = cell.rfind(' ', width[i]);
                        if (cut == std::string::npos || cut == 0) cut = cell.find(' ');
                        if (cut != std::string::npos) {
                            rest[i] = cell.substr(cut + 1);
                            cell.resize(cut);
                            more = true;
                        }
                    }
                    if (i) text += "  ";
                    const std::string pad(width[i] > cell.size() ? width[i] - cell.size() : 0, ' ');
                    text += to_left(i) ? cell + pad : pad + cell;
                }
                while (!text.empty() && text.back() == ' ')
                    text.pop_back();
                out << text << '\n';
            }
        };
        line(header);
        out << std::string(indent, ' ') << std::string(total() - indent, '-') << '\n';
        for (const auto& row : rows)
            line(row);
        return out.str();
    }

    /// Each row as one record: its first cell and a colon, then "header value" for each other
    /// column, wrapped to `max_width` columns (continuation lines indented 4 more).
    [[nodiscard]] std::string as_records(std::size_t indent, std::size_t max_width) const {
        std::string out;
        for (const auto& row : rows) {
            std::vector<std::string> items;
            for (std::size_t i = 1; i < row.size() && i < header.size(); ++i)
                items.push_back(header[i] + " " + (row[i].empty() ? "-" : row[i]));
            out += wrap_list(std::string(indent, ' ') + (row.empty() ? "" : row[0]) + ":", items,
                             indent + 4, max_width);
        }
        return out;
    }
};

/// A count as text.
inline std::string num(std::size_t n) { return std::to_string(n); }

/// A signed difference as text, with an explicit + for growth.
inline std::string signed_num(std::int64_t n) { return (n > 0 ? "+" : "") + std::to_string(n); }

}  // namespace partnerqi::analysis::detail
