#include "partnerqi/io/detail/network_columns.hpp"

#include <cstdint>

#include <boost/range/iterator_range.hpp>

#include "partnerqi/io/csv.hpp"
#include "partnerqi/io/detail/utf8.hpp"
#include "partnerqi/number_format.hpp"

namespace partnerqi::io::detail {

row_values<network::metrics_columns.size()> person_values(const network::person_metrics& r) {
    auto some = [](auto value) { return std::optional<std::string>(std::to_string(value)); };
    return {r.code,
            std::string(model::to_string(r.role)),
            r.tier ? std::optional<std::string>(model::to_string(*r.tier)) : std::nullopt,
            r.organization.empty() ? std::nullopt : std::optional<std::string>(r.organization),
            std::string(model::to_string(r.provenance)),
            some(r.in_degree),
            some(r.out_degree),
            some(r.weighted_in_degree),
            some(r.weighted_out_degree),
            format_exact(r.betweenness),
            format_exact(r.closeness),
            some(r.weak_component),
            r.steps_to_top_manager ? some(*r.steps_to_top_manager) : std::nullopt};
}

row_values<tie_columns.size()> tie_values(const network::engagement_tie& t) {
    return {std::to_string(t.events), std::string(model::to_string(t.strongest)),
            t.first.to_iso(),         t.last.to_iso(),
            kinds_text(t.kinds, ","), std::string(model::to_string(t.provenance))};
}

std::string kinds_text(network::kind_mask kinds, std::string_view separator) {
    std::string out;
    for (model::engagement_kind k : model::enum_traits<model::engagement_kind>::values) {
        if ((kinds & network::mask_of(k)) == 0) continue;
        if (!out.empty()) out += separator;
        out += model::to_string(k);
    }
    return out;
}

bool shows_illustrative(const network::engagement_graph& graph) {
    const auto& g = graph.graph();
    for (auto v : boost::make_iterator_range(vertices(g)))
        if (g[v].provenance == model::provenance::illustrative) return true;
    for (auto e : boost::make_iterator_range(edges(g)))
        if (g[e].provenance == model::provenance::illustrative) return true;
    return false;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) {
            std::size_t consumed = 0;
            const std::size_t length = valid_sequence(text.substr(i), consumed);
            if (length == 0) {
                out += replacement;
                i += consumed;
            } else {
                out.append(text.substr(i, length));
                i += length;
            }
            continue;
        }
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            default:
                if (u >= 0x20) out += c;  // other control characters: dropped
        }
        ++i;
    }
    return out;
}

}  // namespace partnerqi::io::detail
