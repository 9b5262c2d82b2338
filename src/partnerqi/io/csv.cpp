#include "partnerqi/io/csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <iomanip>
#include <ostream>
#include <sstream>

#include <boost/range/iterator_range.hpp>

#include "partnerqi/detail/csv.hpp"
#include "partnerqi/io/detail/atomic_file.hpp"
#include "partnerqi/network/measures.hpp"

namespace partnerqi::io {

std::string csv_field(std::string_view text) { return partnerqi::detail::csv_field(text); }

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
    partnerqi::detail::write_csv_row(out, fields);
}

std::string format_number(double value) {
    if (value == 0.0) return "0";  // also turns -0 into 0
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

namespace {

/// For each vertex, the fewest directed ties to a top-level manager: one breadth-first search
/// over in-edges from every top-level manager at once.
std::vector<std::optional<std::size_t>> steps_to_top(const network::engagement_graph& g) {
    const auto& bg = g.graph();
    const std::size_t n = num_vertices(bg);
    std::vector<std::optional<std::size_t>> steps(n);
    std::deque<std::size_t> queue;
    for (std::size_t v = 0; v < n; ++v) {
        const auto& p = bg[static_cast<network::engagement_graph::vertex>(v)];
        if (p.role == model::person_role::manager && p.tier == model::management_tier::top_level) {
            steps[v] = 0;
            queue.push_back(v);
        }
    }
    while (!queue.empty()) {
        const std::size_t v = queue.front();
        queue.pop_front();
        for (auto e : boost::make_iterator_range(
                 in_edges(static_cast<network::engagement_graph::vertex>(v), bg))) {
            const std::size_t u = source(e, bg);
            if (!steps[u]) {
                steps[u] = *steps[v] + 1;
                queue.push_back(u);
            }
        }
    }
    return steps;
}

std::string text_or(const std::optional<std::size_t>& value, std::string_view none) {
    return value ? std::to_string(*value) : std::string(none);
}

}  // namespace

std::vector<person_metrics> metrics_of(const model::case_study& study,
                                       const network::engagement_graph& graph,
                                       const metrics_options& options) {
    const network::degree_measures degree = network::degrees(graph);
    const network::betweenness_result between =
        options.betweenness_pivots == 0
            ? network::betweenness(graph, options.threads)
            : network::approximate_betweenness(graph, options.betweenness_pivots, 2019, options.threads);
    const network::person_values<double> close = network::closeness(graph, options.threads);
    const network::component_measures weak = network::weak_components(graph);
    const std::vector<std::optional<std::size_t>> steps = steps_to_top(graph);

    const std::size_t n = graph.num_people();
    std::vector<person_metrics> rows(n);
    for (std::size_t v = 0; v < n; ++v) {
        const auto& p = graph.person(static_cast<network::engagement_graph::vertex>(v));
        person_metrics& row = rows[v];
        row.person = p.person;
        row.code = p.code;
        row.role = p.role;
        row.tier = p.tier;
        if (p.organization) row.organization = study.get(*p.organization).code;
        row.in_degree = degree.in.values[v];
        row.out_degree = degree.out.values[v];
        row.weighted_in_degree = degree.weighted_in.values[v];
        row.weighted_out_degree = degree.weighted_out.values[v];
        row.betweenness = between.raw.values[v];
        row.closeness = close.values[v];
        row.weak_component = weak.component.values[v];
        row.steps_to_top_manager = steps[v];
    }
    return rows;
}

void write_metrics_csv(std::ostream& out, const std::vector<person_metrics>& rows) {
    write_csv_row(out, std::vector<std::string>(metrics_columns.begin(), metrics_columns.end()));
    for (const person_metrics& r : rows) {
        write_csv_row(out, {r.code, std::string(model::to_string(r.role)),
                            r.tier ? std::string(model::to_string(*r.tier)) : std::string(),
                            r.organization, std::to_string(r.in_degree),
                            std::to_string(r.out_degree), std::to_string(r.weighted_in_degree),
                            std::to_string(r.weighted_out_degree), format_number(r.betweenness),
                            format_number(r.closeness), std::to_string(r.weak_component),
                            text_or(r.steps_to_top_manager, "")});
    }
}

std::string metrics_text(const std::vector<person_metrics>& rows) {
    auto fixed3 = [](double x) {
        std::ostringstream s;
        s << std::fixed << std::setprecision(3) << x;
        return s.str();
    };
    const std::vector<std::string> header{"code", "role", "tier", "organization", "in", "out",
                                          "w_in", "w_out", "betweenness", "closeness", "component",
                                          "steps_to_top"};
    std::vector<std::vector<std::string>> cells;
    cells.reserve(rows.size());
    for (const person_metrics& r : rows) {
        cells.push_back({r.code, std::string(model::to_string(r.role)),
                         r.tier ? std::string(model::to_string(*r.tier)) : "-",
                         r.organization.empty() ? "-" : r.organization, std::to_string(r.in_degree),
                         std::to_string(r.out_degree), std::to_string(r.weighted_in_degree),
                         std::to_string(r.weighted_out_degree), fixed3(r.betweenness),
                         fixed3(r.closeness), std::to_string(r.weak_component),
                         text_or(r.steps_to_top_manager, "-")});
    }
    std::vector<std::size_t> width(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) width[i] = header[i].size();
    for (const auto& row : cells)
        for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
    std::ostringstream out;
    auto line = [&](const std::vector<std::string>& row) {
        std::string text;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) text += "  ";
            const std::string pad(width[i] - row[i].size(), ' ');
            text += i < 4 ? row[i] + pad : pad + row[i];  // words left, numbers right
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out << text << '\n';
    };
    line(header);
    std::size_t total = 2 * (header.size() - 1);
    for (std::size_t w : width) total += w;
    out << std::string(total, '-') << '\n';
    for (const auto& row : cells) line(row);
    return out.str();
}

void save_csv(const std::filesystem::path& file, const std::function<void(std::ostream&)>& write) {
    std::ostringstream text;
    write(text);
    detail::write_file_atomically(file, text.str());
}

void save_metrics_csv(const std::filesystem::path& file, const std::vector<person_metrics>& rows) {
    save_csv(file, [&](std::ostream& out) { write_metrics_csv(out, rows); });
}

}  // namespace partnerqi::io
