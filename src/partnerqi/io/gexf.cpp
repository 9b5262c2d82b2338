#include "partnerqi/io/gexf.hpp"

#include <ostream>
#include <sstream>
#include <string>

#include <boost/range/iterator_range.hpp>

#include "partnerqi/error.hpp"
#include "partnerqi/io/detail/atomic_file.hpp"
#include "partnerqi/io/detail/network_columns.hpp"
#include "partnerqi/network/engagement_graph.hpp"

namespace partnerqi::io {

namespace {

using detail::column_type;
using detail::xml_escape;

std::string_view gexf_type(column_type type) {
    switch (type) {
        case column_type::integer: return "integer";
        case column_type::long_integer: return "long";
        case column_type::real: return "double";
        case column_type::text: break;
    }
    return "string";
}

void attribute(std::ostream& out, std::string_view name, column_type type) {
    out << "      <attribute id=\"" << name << "\" title=\"" << name << "\" type=\""
        << gexf_type(type) << "\"/>\n";
}

/// The attvalues of the known values of a row; name(i) is the attribute of column i.
template <std::size_t N, class Name>
void attvalues(std::ostream& out, const Name& name, const detail::row_values<N>& values) {
    out << "        <attvalues>\n";
    for (std::size_t i = 0; i < N; ++i) {
        if (!values[i]) continue;
        out << "          <attvalue for=\"" << name(i) << "\" value=\"" << xml_escape(*values[i])
            << "\"/>\n";
    }
    out << "        </attvalues>\n";
}

}  // namespace

void write_gexf(std::ostream& out, const model::case_study& study,
                const network::engagement_graph& graph,
                const std::vector<network::person_metrics>& rows) {
    using vertex = network::engagement_graph::vertex;
    const auto& g = graph.graph();
    if (rows.size() != graph.num_people()) {
        throw invalid_request_error("GEXF export: the metrics table has " +
                                    std::to_string(rows.size()) + " rows for a network of " +
                                    std::to_string(graph.num_people()) +
                                    " people; compute it with metrics_of on the same network");
    }
    for (std::size_t v = 0; v < rows.size(); ++v) {
        if (rows[v].person != g[static_cast<vertex>(v)].person) {
            throw invalid_request_error("GEXF export: metrics row " + std::to_string(v) +
                                        " is for person " + rows[v].code +
                                        ", not for the network's person at that place; compute "
                                        "it with metrics_of on the same network");
        }
    }
    std::string description = study.title();
    if (detail::shows_illustrative(graph))
        description += " " + std::string(detail::illustrative_note);
    const model::date_window& window = graph.window();

    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://gexf.net/1.3\"\n"
           "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
           "      version=\"1.3\">\n"
           "  <meta>\n"
           "    <creator>partnerqi</creator>\n"
        << "    <description>" << xml_escape(description) << ", engagements " << window.to_iso()
        << "</description>\n"
        << "  </meta>\n"
        << "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" start=\""
        << window.first().to_iso() << "\" end=\"" << window.last().to_iso() << "\">\n"
        << "    <attributes class=\"node\" mode=\"static\">\n";
    for (std::size_t i = 0; i < network::metrics_columns.size(); ++i)
        attribute(out, network::metrics_columns[i], detail::person_column_types[i]);
    out << "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
    for (const detail::column& c : detail::tie_columns)
        attribute(out, c.name, c.type);
    out << "    </attributes>\n";

    out << "    <nodes count=\"" << rows.size() << "\">\n";
    for (const network::person_metrics& r : rows) {
        const std::string code = xml_escape(r.code);
        out << "      <node id=\"" << code << "\" label=\"" << code << "\">\n";
        attvalues(
            out, [](std::size_t i) { return network::metrics_columns[i]; },
            detail::person_values(r));
        out << "      </node>\n";
    }
    out << "    </nodes>\n";

    const network::tie_days days = network::days_of_ties(study, graph);
    out << "    <edges count=\"" << graph.num_ties() << "\">\n";
    for (auto e : boost::make_iterator_range(edges(g))) {
        const network::engagement_tie& t = g[e];
        out << "      <edge id=\"e" << t.index << "\" source=\""
            << xml_escape(rows[source(e, g)].code) << "\" target=\""
            << xml_escape(rows[target(e, g)].code) << "\" weight=\"" << t.events << "\">\n";
        attvalues(
            out, [](std::size_t i) { return detail::tie_columns[i].name; }, detail::tie_values(t));
        out << "        <spells>\n";
        for (std::size_t d = days.start[t.index]; d < days.start[t.index + 1]; ++d) {
            const std::string day = days.days[d].to_iso();
            out << "          <spell start=\"" << day << "\" end=\"" << day << "\"/>\n";
        }
        out << "        </spells>\n      </edge>\n";
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
}

void write_gexf(std::ostream& out, const model::case_study& study,
                const network::engagement_graph& graph, const network::metrics_options& options) {
    write_gexf(out, study, graph, network::metrics_of(study, graph, options));
}

void save_gexf(const std::filesystem::path& file, const model::case_study& study,
               const network::engagement_graph& graph, const network::metrics_options& options) {
    std::ostringstream text;
    write_gexf(text, study, graph, options);
    detail::write_file_atomically(file, text.str());
}

}  // namespace partnerqi::io
