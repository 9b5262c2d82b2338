#include "partnerqi/detail/csv_reader.hpp"

#include <cstdint>
#include <cstdio>

namespace partnerqi::detail {

namespace {

std::string hex_byte(unsigned char byte) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned>(byte));
    return text;
}

// The 1-based line of a byte offset (lines end with LF, CRLF or CR).
std::size_t line_of(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
            ++line;
    }
    return line;
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t code = 0;
        std::uint32_t smallest = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            code = c & 0x1F;
            smallest = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            code = c & 0x0F;
            smallest = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            code = c & 0x07;
            smallest = 0x10000;
        } else {
            return i;
        }
        if (n - i < length) return i;
        for (std::size_t k = 1; k < length; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            code = (code << 6) | (s[i + k] & 0x3F);
        }
        if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
        i += length;
    }
    return std::nullopt;
}

std::optional<csv_problem> parse_csv(std::string_view text, std::size_t max_cell_bytes,
                                     std::size_t max_cells, csv_rows& out) {
    out.rows.clear();
    if (text.size() >= 2 &&
        ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        return csv_problem{1, "the file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8; " +
                                  std::string(resave_as_utf8_hint)};
    }
    if (text.size() >= 4 && text[0] == '\0' && text[1] == '\0' && text[2] == '\xFE' &&
        text[3] == '\xFF') {
        return csv_problem{1, "the file is UTF-32, not UTF-8; " + std::string(resave_as_utf8_hint)};
    }
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (auto bad = first_invalid_utf8(text)) {
        return csv_problem{
            line_of(text, *bad),
            "byte " + hex_byte(static_cast<unsigned char>(text[*bad])) +
                " is not UTF-8: the file seems saved in another encoding (Windows-1252, "
                "\"ANSI\" or Latin-1 write accents so); " +
                std::string(resave_as_utf8_hint)};
    }

    std::vector<std::string> row;
    std::string cell;
    std::size_t row_number = 1;
    const std::size_t n = text.size();
    std::size_t i = 0;
    auto too_long = [&] {
        return csv_problem{row_number, "a cell is longer than " +
                                           std::to_string(max_cell_bytes / (1024 * 1024)) +
                                           " MiB, the most a table cell may hold; split it"};
    };
    std::size_t cells = 0;
    auto too_many = [&] {
        return csv_problem{row_number, "the table has more than " + std::to_string(max_cells) +
                                           " cells, the most a table may hold (a spreadsheet "
                                           "holds far fewer); remove empty columns and rows"};
    };
    auto end_row = [&] {
        ++cells;
        row.push_back(std::move(cell));
        cell.clear();
        out.rows.push_back(std::move(row));
        row.clear();
        ++row_number;
    };
    while (i < n) {
        // One cell, then what ends it.
        if (text[i] == '"') {
            const std::size_t opened = row_number;
            ++i;
            for (;;) {
                const std::size_t quote = text.find('"', i);
                if (quote == std::string_view::npos) {
                    return csv_problem{
                        opened,
                        "a quoted cell opened on this row is never closed; end it with a "
                        "double quote (a quote inside a cell is written as two quotes)"};
                }
                const std::string_view piece = text.substr(i, quote - i);
                if (cell.size() + piece.size() > max_cell_bytes) return too_long();
                cell.append(piece);
                i = quote + 1;
                if (i < n && text[i] == '"') {
                    cell += '"';
                    ++i;
                    continue;
                }
                break;
            }
            // Quoted line breaks belong to the cell: rows count records, as spreadsheets do.
            if (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                return csv_problem{opened,
                                   "text follows the closing quote of a quoted cell; inside a "
                                   "quoted cell write a double quote as two double quotes (\"\")"};
            }
        } else {
            const std::size_t stop = text.find_first_of(",\r\n", i);
            const std::size_t end = stop == std::string_view::npos ? n : stop;
            if (cell.size() + (end - i) > max_cell_bytes) return too_long();
            cell.append(text.substr(i, end - i));
            i = end;
        }
        if (i >= n) break;
        if (text[i] == ',') {
            if (++cells > max_cells) return too_many();
            row.push_back(std::move(cell));
            cell.clear();
            ++i;
            if (i >= n) break;  // a comma ends the text: one more, empty, cell
            continue;
        }
        if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
        ++i;
        if (cells >= max_cells) return too_many();
        end_row();
    }
    if (!row.empty() || !cell.empty()) {
        if (cells >= max_cells) return too_many();
        end_row();
    }
    return std::nullopt;
}

}  // namespace partnerqi::detail
