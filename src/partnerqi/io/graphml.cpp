#include "partnerqi/io/graphml.hpp"

#include <ostream>
#include <sstream>
#include <string>

#include <boost/range/iterator_range.hpp>

#include "partnerqi/error.hpp"
#include "partnerqi/io/detail/atomic_file.hpp"
#include "partnerqi/network/engagement_graph.hpp"

namespace partnerqi::io {

using network::metrics_of;
using network::metrics_options;
using network::person_metrics;

namespace {

/// Text as XML character data or attribute value: markup characters escaped, control
/// characters that XML 1.0 forbids dropped.
std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                out += c;
        }
    }
    return out;
}

struct key {
    std::string_view name;
    std::string_view domain;  // "graph", "node" or "edge"
    std::string_view type;    // only string, int, long, double: what every reader accepts
};

constexpr key keys[] = {
    {"title", "graph", "string"},
    {"window", "graph", "string"},
    {"code", "node", "string"},
    {"role", "node", "string"},
    {"tier", "node", "string"},
    {"organization", "node", "string"},
    {"in_degree", "node", "int"},
    {"out_degree", "node", "int"},
    {"weighted_in_degree", "node", "long"},
    {"weighted_out_degree", "node", "long"},
    {"betweenness", "node", "double"},
    {"closeness", "node", "double"},
    {"weak_component", "node", "int"},
    {"steps_to_top_manager", "node", "int"},
    {"count", "edge", "int"},
    {"level", "edge", "string"},
    {"first", "edge", "string"},
    {"last", "edge", "string"},
    {"kinds", "edge", "string"},
};

void data(std::ostream& out, std::string_view indent, std::string_view name,
          std::string_view value) {
    out << indent << "<data key=\"" << name << "\">" << xml_escape(value) << "</data>\n";
}

std::string kinds_text(network::kind_mask kinds) {
    std::string out;
    for (model::engagement_kind k : model::enum_traits<model::engagement_kind>::values) {
        if ((kinds & network::mask_of(k)) == 0) continue;
        if (!out.empty()) out += ',';
        out += model::to_string(k);
    }
    return out;
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
    for (const key& k : keys) {
        out << "  <key id=\"" << k.name << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name
            << "\" attr.type=\"" << k.type << "\"/>\n";
    }
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
        data(out, "      ", "code", r.code);
        data(out, "      ", "role", model::to_string(r.role));
        if (r.tier) data(out, "      ", "tier", model::to_string(*r.tier));
        if (!r.organization.empty()) data(out, "      ", "organization", r.organization);
        data(out, "      ", "in_degree", std::to_string(r.in_degree));
        data(out, "      ", "out_degree", std::to_string(r.out_degree));
        data(out, "      ", "weighted_in_degree", std::to_string(r.weighted_in_degree));
        data(out, "      ", "weighted_out_degree", std::to_string(r.weighted_out_degree));
        data(out, "      ", "betweenness", format_number(r.betweenness));
        data(out, "      ", "closeness", format_number(r.closeness));
        data(out, "      ", "weak_component", std::to_string(r.weak_component));
        if (r.steps_to_top_manager) {
            data(out, "      ", "steps_to_top_manager", std::to_string(*r.steps_to_top_manager));
        }
        out << "    </node>\n";
    }
    for (auto e : boost::make_iterator_range(edges(g))) {
        const network::engagement_tie& t = g[e];
        out << "    <edge id=\"e" << t.index << "\" source=\""
            << xml_escape(rows[source(e, g)].code) << "\" target=\""
            << xml_escape(rows[target(e, g)].code) << "\">\n";
        data(out, "      ", "count", std::to_string(t.events));
        data(out, "      ", "level", model::to_string(t.strongest));
        data(out, "      ", "first", t.first.to_iso());
        data(out, "      ", "last", t.last.to_iso());
        data(out, "      ", "kinds", kinds_text(t.kinds));
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
