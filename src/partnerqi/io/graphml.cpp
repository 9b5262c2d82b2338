#include "partnerqi/io/graphml.hpp"

#include <ostream>
#include <sstream>
#include <string>

#include <boost/range/iterator_range.hpp>

#include "partnerqi/error.hpp"
#include "partnerqi/io/detail/atomic_file.hpp"
#include "partnerqi/io/detail/network_columns.hpp"
#include "partnerqi/network/engagement_graph.hpp"

namespace partnerqi::io {

using network::metrics_of;
using network::metrics_options;
using network::person_metrics;

namespace {

using detail::column_type;
using detail::xml_escape;

/// Only the types every reader accepts: string, int, long and double.
std::string_view graphml_type(column_type type) {
    switch (type) {
        case column_type::integer: return "int";
        case column_type::long_integer: return "long";
        case column_type::real: return "double";
        case column_type::text: break;
    }
    return "string";
}

void key(std::ostream& out, std::string_view name, std::string_view domain, column_type type) {
    out << "  <key id=\"" << name << "\" for=\"" << domain << "\" attr.name=\"" << name
        << "\" attr.type=\"" << graphml_type(type) << "\"/>\n";
}

void data(std::ostream& out, std::string_view indent, std::string_view name,
          std::string_view value) {
    out << indent << "<data key=\"" << name << "\">" << xml_escape(value) << "</data>\n";
}

/// One data element per known value of a row; name(i) is the key of column i.
template <std::size_t N, class Name>
void row_data(std::ostream& out, const Name& name, const detail::row_values<N>& values) {
    for (std::size_t i = 0; i < N; ++i)
        if (values[i]) data(out, "      ", name(i), *values[i]);
}

}  // namespace

void write_graphml(std::ostream& out, const model::case_study& study,
                   const network::engagement_graph& graph,
                   const std::vector<person_metrics>& rows) {
    using vertex = network::engagement_graph::vertex;
    const auto& g = graph.graph();
    if (rows.size() != graph.num_people()) {
        throw invalid_request_error("GraphML export: the metrics table has " +
                                    std::to_string(rows.size()) + " rows for a network of " +
                                    std::to_string(graph.num_people()) +
                                    " people; compute it with metrics_of on the same network");
    }

    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    key(out, "title", "graph", column_type::text);
    key(out, "window", "graph", column_type::text);
    for (std::size_t i = 0; i < network::metrics_columns.size(); ++i)
        key(out, network::metrics_columns[i], "node", detail::person_column_types[i]);
    for (const detail::column& c : detail::tie_columns)
        key(out, c.name, "edge", c.type);
    out << "  <graph id=\"engagement-network\" edgedefault=\"directed\">\n";
    data(out, "    ", "title", study.title());
    data(out, "    ", "window", graph.window().to_iso());

    for (std::size_t v = 0; v < rows.size(); ++v) {
        const person_metrics& r = rows[v];
        if (r.person != g[static_cast<vertex>(v)].person) {
            throw invalid_request_error("GraphML export: metrics row " + std::to_string(v) +
                                        " is for person " + r.code +
                                        ", not for the network's person at that place; compute "
                                        "it with metrics_of on the same network");
        }
        out << "    <node id=\"" << xml_escape(r.code) << "\">\n";
        row_data(
            out, [](std::size_t i) { return network::metrics_columns[i]; },
            detail::person_values(r));
        out << "    </node>\n";
    }
    for (auto e : boost::make_iterator_range(edges(g))) {
        const network::engagement_tie& t = g[e];
        out << "    <edge id=\"e" << t.index << "\" source=\""
            << xml_escape(rows[source(e, g)].code) << "\" target=\""
            << xml_escape(rows[target(e, g)].code) << "\">\n";
        row_data(
            out, [](std::size_t i) { return detail::tie_columns[i].name; }, detail::tie_values(t));
        out << "    </edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
}

void write_graphml(std::ostream& out, const model::case_study& study,
                   const network::engagement_graph& graph, const metrics_options& options) {
    write_graphml(out, study, graph, metrics_of(study, graph, options));
}

void save_graphml(const std::filesystem::path& file, const model::case_study& study,
                  const network::engagement_graph& graph, const metrics_options& options) {
    std::ostringstream text;
    write_graphml(text, study, graph, options);
    detail::write_file_atomically(file, text.str());
}

}  // namespace partnerqi::io
