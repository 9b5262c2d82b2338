#include "partnerqi/io/csv.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <sstream>

#include <boost/range/iterator_range.hpp>

#include "partnerqi/detail/csv.hpp"
#include "partnerqi/io/detail/atomic_file.hpp"
#include "partnerqi/io/detail/network_columns.hpp"
#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/number_format.hpp"

namespace partnerqi::io {

using network::metrics_columns;
using network::person_metrics;

std::string csv_field(std::string_view text) { return partnerqi::detail::csv_field(text); }

std::string_view to_string(csv_cells cells) noexcept {
    switch (cells) {
        case csv_cells::guarded: return "guarded";
        case csv_cells::raw: return "raw";
    }
    return "invalid";
}

void set_csv_cells(std::ostream& out, csv_cells cells) {
    partnerqi::detail::set_csv_cells(out, cells);
}

csv_cells csv_cells_of(std::ostream& out) { return partnerqi::detail::csv_cells_of(out); }

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
    partnerqi::detail::write_csv_row(out, fields);
}

namespace {

std::string text_or(const std::optional<std::size_t>& value, std::string_view none) {
    return value ? std::to_string(*value) : std::string(none);
}

}  // namespace

void write_metrics_csv(std::ostream& out, const std::vector<person_metrics>& rows) {
    write_csv_row(out, std::vector<std::string>(metrics_columns.begin(), metrics_columns.end()));
    for (const person_metrics& r : rows) {
        std::vector<std::string> fields;
        fields.reserve(metrics_columns.size());
        for (auto& value : detail::person_values(r))
            fields.push_back(value ? std::move(*value) : std::string());
        write_csv_row(out, fields);
    }
}

void write_ties_csv(std::ostream& out, const network::engagement_graph& graph) {
    std::vector<std::string> header{"source", "target"};
    for (const detail::column& c : detail::tie_columns)
        header.emplace_back(c.name);
    write_csv_row(out, header);
    const auto& g = graph.graph();
    std::vector<std::string> fields;
    for (auto e : boost::make_iterator_range(edges(g))) {
        fields.clear();
        fields.push_back(g[source(e, g)].code);
        fields.push_back(g[target(e, g)].code);
        for (auto& value : detail::tie_values(g[e]))
            fields.push_back(value ? std::move(*value) : std::string());
        write_csv_row(out, fields);
    }
}

std::string metrics_text(const std::vector<person_metrics>& rows) {
    const std::vector<std::string> header{
        "code", "role",  "tier",        "organization", "provenance", "in",          "out",
        "w_in", "w_out", "betweenness", "closeness",    "component",  "steps_to_top"};
    std::vector<std::vector<std::string>> cells;
    cells.reserve(rows.size());
    for (const person_metrics& r : rows) {
        cells.push_back({r.code, std::string(model::to_string(r.role)),
                         r.tier ? std::string(model::to_string(*r.tier)) : "-",
                         r.organization.empty() ? "-" : r.organization,
                         std::string(model::to_string(r.provenance)), std::to_string(r.in_degree),
                         std::to_string(r.out_degree), std::to_string(r.weighted_in_degree),
                         std::to_string(r.weighted_out_degree),
                         format_text(r.betweenness, figure::measure),
                         format_text(r.closeness, figure::measure),
                         std::to_string(r.weak_component), text_or(r.steps_to_top_manager, "-")});
    }
    std::vector<std::size_t> width(header.size());
    for (std::size_t i = 0; i < header.size(); ++i)
        width[i] = header[i].size();
    for (const auto& row : cells)
        for (std::size_t i = 0; i < row.size(); ++i)
            width[i] = std::max(width[i], row[i].size());
    std::ostringstream out;
    auto line = [&](const std::vector<std::string>& row) {
        std::string text;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) text += "  ";
            const std::string pad(width[i] - row[i].size(), ' ');
            text += i < 5 ? row[i] + pad : pad + row[i];  // words left, numbers right
        }
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        out << text << '\n';
    };
    line(header);
    std::size_t total = 2 * (header.size() - 1);
    for (std::size_t w : width)
        total += w;
    out << std::string(total, '-') << '\n';
    for (const auto& row : cells)
        line(row);
    return out.str();
}

void save_csv(const std::filesystem::path& file, const std::function<void(std::ostream&)>& write,
              csv_cells cells) {
    std::ostringstream text;
    set_csv_cells(text, cells);
    write(text);
    detail::write_file_atomically(file, text.str());
}

void save_metrics_csv(const std::filesystem::path& file, const std::vector<person_metrics>& rows,
                      csv_cells cells) {
    save_csv(
        file, [&](std::ostream& out) { write_metrics_csv(out, rows); }, cells);
}

void save_ties_csv(const std::filesystem::path& file, const network::engagement_graph& graph,
                   csv_cells cells) {
    save_csv(
        file, [&](std::ostream& out) { write_ties_csv(out, graph); }, cells);
}

}  // namespace partnerqi::io
