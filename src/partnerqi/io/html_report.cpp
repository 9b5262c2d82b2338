#include "partnerqi/io/html_report.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iomanip>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/range/iterator_range.hpp>

#include "partnerqi/analysis/detail/side_by_side.hpp"
#include "partnerqi/analysis/references.hpp"
#include "partnerqi/detail/progress_meter.hpp"
#include "partnerqi/io/detail/atomic_file.hpp"
#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/reach.hpp"
#include "partnerqi/number_format.hpp"

namespace partnerqi::io {

using namespace partnerqi::model;
using analysis::assessment;

namespace {

// The page's one escaping function: text of the study inside elements and attribute values
// (HTML and inline SVG alike). Control characters other than tab and line feed are dropped.
std::string esc(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
                    break;
                out += c;
        }
    }
    return out;
}

// A coordinate or style value of the drawing (not a figure of the study, whose numbers follow
// partnerqi/number_format.hpp like the text report's): `decimals` digits after the point.
std::string coord(double value, int decimals = 0) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << value;
    return out.str();
}

std::string count(std::size_t n) { return format_text(static_cast<double>(n), figure::count); }

// The Okabe-Ito palette (Okabe and Ito 2008, "Color Universal Design").
constexpr std::string_view oi_orange = "#E69F00", oi_sky = "#56B4E9", oi_green = "#009E73",
                           oi_blue = "#0072B2", oi_vermillion = "#D55E00", oi_grey = "#999999";

constexpr std::string_view style = R"(
:root{--ink:#1a1a1a;--muted:#555;--rule:#ccc;--flag:#D55E00;--ok:#009E73;--na:#666}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);
 max-width:1180px;margin:0 auto;padding:1.5rem 2rem 4rem;line-height:1.45;font-size:15px}
h1{font-size:1.9rem;margin:.2rem 0 .3rem}
h2{font-size:1.45rem;border-bottom:3px solid #0072B2;padding-bottom:.2rem;margin-top:2.6rem}
h3{font-size:1.12rem;margin:1.6rem 0 .5rem}
p.lead{color:var(--muted);margin-top:0}
nav ol{columns:2;margin:.4rem 0 0;padding-left:1.4rem}
table{border-collapse:collapse;margin:.6rem 0 1.2rem;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.3rem 0;caption-side:top}
th,td{border:1px solid var(--rule);padding:.28rem .5rem;vertical-align:top;text-align:left}
thead th{background:#f0f0f0}
tbody th{background:#fafafa;font-weight:600;white-space:nowrap}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.banner{border:3px dashed #D55E00;background:#fff6ec;padding:.7rem 1rem;margin:1rem 0;font-weight:600}
.banner::before{content:"\26A0  "}
.note{border-left:6px solid #0072B2;background:#eef6fb;padding:.6rem 1rem;margin:1rem 0}
.disclaimer{border-left:6px solid #E69F00;background:#fff8e6;padding:.6rem 1rem;margin:1rem 0}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:.6rem;font-size:.82rem;
 font-weight:600;white-space:nowrap;border:1.5px solid}
.flagged{color:#8a3300;border-color:#D55E00;background:#fde3d3}
.not-flagged{color:#00563f;border-color:#009E73;background:#e0f4ee}
.not-assessable{color:#333;border-color:#777;border-style:dashed;
 background:repeating-linear-gradient(45deg,#fff,#fff 4px,#e8e8e8 4px,#e8e8e8 8px)}
.na-cell{color:var(--muted)}
.heat td.cell{text-align:center;min-width:7.5rem;font-variant-numeric:tabular-nums}
figure{margin:1rem 0;break-inside:avoid;page-break-inside:avoid}
figcaption{color:var(--muted);font-size:.88rem;margin-top:.3rem}
svg{max-width:100%;height:auto;display:block;border:1px solid #e3e3e3;background:#fff}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;font-size:.85rem;margin:.3rem 0;padding:0;list-style:none}
.legend li{display:flex;align-items:center;gap:.35rem}
.legend svg{border:0;display:inline;width:auto}
.path{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85rem}
.chip{display:inline-block;border:1px solid #888;border-radius:.3rem;padding:0 .3rem;margin:.1rem 0}
.arrow{color:var(--muted);padding:0 .25rem}
dl.facts{display:grid;grid-template-columns:max-content auto;gap:.15rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
ol.refs li{margin-bottom:.3rem}
.muted{color:var(--muted)}
@media print{
 body{max-width:none;padding:0;font-size:9.5pt}
 table{font-size:8.5pt}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 nav{display:none}
 h2{break-before:page;page-break-before:always}
 h2.first{break-before:auto;page-break-before:auto}
 h2,h3{break-after:avoid;page-break-after:avoid}
 tr,.chip,li{break-inside:avoid;page-break-inside:avoid}
 thead{display:table-header-group}
 figure,svg,.banner,.disclaimer{break-inside:avoid;page-break-inside:avoid}
 a{color:inherit;text-decoration:none}
}
)";

std::string badge(assessment a) {
    switch (a) {
        case assessment::flagged: return R"(<span class="badge flagged">&#9873; flagged</span>)";
        case assessment::not_flagged:
            return R"(<span class="badge not-flagged">&#10003; not flagged</span>)";
        default: return R"(<span class="badge not-assessable">? not assessable</span>)";
    }
}

// The rows of the network picture: managers by tier, the other roles, then patient advisors.
constexpr std::size_t tier_rows = 5;
constexpr std::array<std::string_view, tier_rows> row_names{
    "top-level managers", "mid-level managers", "front-line managers", "other roles",
    "patient advisors"};
constexpr std::array<std::string_view, tier_rows> row_fill{oi_blue, oi_sky, oi_green, "#ffffff",
                                                           oi_orange};
constexpr std::array<std::string_view, tier_rows> row_ink{"#ffffff", "#000000", "#000000",
                                                          "#000000", "#000000"};

std::size_t row_of(const network::person_vertex& p) {
    if (p.role == person_role::patient_advisor) return 4;
    if (p.tier) return static_cast<std::size_t>(*p.tier);
    return 3;
}

std::string_view dash_of(engagement_level level) {
    switch (level) {
        case engagement_level::information: return R"( stroke-dasharray="1.5 3")";
        case engagement_level::consultation: return R"( stroke-dasharray="6 4")";
        default: return "";
    }
}

std::string width_of(engagement_level level) {
    return level == engagement_level::partnership ? "3" : "1.3";
}

// One node's shape: managers are boxes, advisors ellipses, other roles rounded boxes; an
// illustrative record has a dashed outline.
std::string node_shape(std::size_t row, double x, double y, bool illustrative) {
    const std::string dash = illustrative ? R"( stroke-dasharray="4 2")" : "";
    const std::string fill = std::string(row_fill[row]);
    if (row == 4)
        return "<ellipse cx=\"" + coord(x, 1) + "\" cy=\"" + coord(y, 1) +
               "\" rx=\"40\" ry=\"15\" fill=\"" + fill + "\" stroke=\"#333\"" + dash + "/>";
    return "<rect x=\"" + coord(x - 38, 1) + "\" y=\"" + coord(y - 14, 1) +
           "\" width=\"76\" height=\"28\" rx=\"" + (row == 3 ? "9" : "0") + "\" fill=\"" + fill +
           "\" stroke=\"#333\"" + dash + "/>";
}

// The legend of the network picture; the aggregated picture has no people and no tie styles.
std::string legend_html(bool per_person) {
    constexpr std::string_view swatch =
        R"(<li><svg width="44" height="20" viewBox="-44 -20 88 40" aria-hidden="true">)";
    std::string out = R"(<ul class="legend" aria-label="Legend of the network picture">)";
    for (std::size_t r = 0; r < tier_rows; ++r)
        out += std::string(swatch) + node_shape(r, 0, 0, false) + "</svg>" +
               std::string(row_names[r]) + "</li>";
    if (!per_person) return out + "</ul>";
    out += std::string(swatch) + node_shape(3, 0, 0, true) +
           "</svg>dashed outline: illustrative record</li>";
    for (engagement_level l : enum_traits<engagement_level>::values)
        out +=
            R"(<li><svg width="46" height="12" aria-hidden="true"><line x1="2" y1="6" x2="44" y2="6" stroke="#444" stroke-width=")" +
            width_of(l) + "\"" + std::string(dash_of(l)) + "/></svg>strongest level " +
            std::string(to_string(l)) + "</li>";
    return out + "</ul>";
}

class page {
public:
    page(const case_study& study, const analysis::study_summary& s, const html_options& o)
        : study_(study), s_(s), o_(o) {}

    std::string render(partnerqi::detail::progress_meter& progress) {
        const std::string title =
            o_.title.empty() ? "Partnership report: " + s_.title : std::string(o_.title);
        out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
        out_ +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; img-src data:\">\n";
        out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        out_ += "<meta name=\"generator\" content=\"partnerqi\">\n";
        out_ += "<title>" + esc(title) + "</title>\n<style>" + std::string(style) +
                "</style>\n</head>\n<body>\n<header>\n<h1>" + esc(title) + "</h1>\n";
        out_ += "<p class=\"lead\">Scope: " + esc(s_.scope) + "</p>\n";
        contents();
        out_ += "</header>\n<main>\n";
        std::uint64_t done = 0;
        const auto section = [&](void (page::*write)()) {
            (this->*write)();
            progress.at(++done);
        };
        section(&page::study_section);
        section(&page::network_section);
        section(&page::matrix_section);
        section(&page::audit_section);
        section(&page::voice_section);
        section(&page::loop_section);
        section(&page::side_by_side_section);
        section(&page::agreement_section);
        section(&page::sources_section);
        out_ += "</main>\n<footer><p class=\"muted\">Made by partnerqi " +
                std::string(
                    "from the case-study summary; every number above is also in the text "
                    "report (partnerqi report).") +
                "</p></footer>\n</body>\n</html>\n";
        return std::move(out_);
    }

    static constexpr std::uint64_t sections = 9;

private:
    void contents() {
        out_ +=
            "<nav aria-label=\"Contents\"><ol>"
            "<li><a href=\"#study\">The study and its provenance</a></li>"
            "<li><a href=\"#network\">The engagement network by tier</a></li>"
            "<li><a href=\"#practices\">Practices by tier</a></li>"
            "<li><a href=\"#audit\">Tokenism audit</a></li>"
            "<li><a href=\"#voice\">Voice paths to decision-makers</a></li>"
            "<li><a href=\"#loop\">Evaluation loop</a></li>"
            "<li><a href=\"#side-by-side\">Waves and cases side by side</a></li>"
            "<li><a href=\"#agreement\">Agreement between coders</a></li>"
            "<li><a href=\"#sources\">Sources</a></li></ol></nav>\n";
    }

    void h2(std::string_view id, std::string_view text, bool first = false) {
        out_ += "<section id=\"" + std::string(id) + "\" aria-labelledby=\"" + std::string(id) +
                "-h\">\n<h2 id=\"" + std::string(id) + "-h\"" + (first ? " class=\"first\"" : "") +
                ">" + esc(text) + "</h2>\n";
    }
    void end_section() { out_ += "</section>\n"; }

    // A table: caption, header cells (scope col), then rows whose first cell is a row header.
    // Cells are HTML already; `numeric` marks the columns aligned right.
    void table(std::string_view caption, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows,
               const std::vector<bool>& numeric = {}, std::string_view cls = "") {
        out_ += "<table" + (cls.empty() ? std::string() : " class=\"" + std::string(cls) + "\"") +
                "><caption>" + esc(caption) + "</caption>\n<thead><tr>";
        for (const std::string& h : header)
            out_ += "<th scope=\"col\">" + h + "</th>";
        out_ += "</tr></thead>\n<tbody>\n";
        for (const auto& row : rows) {
            out_ += "<tr>";
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (i == 0)
                    out_ += "<th scope=\"row\">" + row[i] + "</th>";
                else
                    out_ += (i < numeric.size() && numeric[i] ? "<td class=\"n\">" : "<td>") +
                            row[i] + "</td>";
            }
            out_ += "</tr>\n";
        }
        out_ += "</tbody></table>\n";
    }

    // ---- the study and its provenance -------------------------------------------------------
    void study_section() {
        const analysis::case_study_profile& p = s_.profile;
        h2("study", "The study and its provenance", true);
        const auto& by = p.records_by_provenance;
        const std::size_t illustrative = by[static_cast<std::size_t>(provenance::illustrative)];
        if (illustrative > 0)
            out_ += "<p class=\"banner\" role=\"note\" id=\"illustrative-banner\">" +
                    count(illustrative) +
                    " records of this study are illustrative: invented for an example, not "
                    "facts. Read every number below as a demonstration, not as a finding.</p>\n";
        out_ += "<dl class=\"facts\"><dt>Study</dt><dd>" + esc(p.title) +
                "</dd><dt>Study window</dt><dd>" + esc(p.window.to_iso()) +
                "</dd><dt>Scope of this page</dt><dd>" + esc(s_.scope) + "</dd></dl>\n";
        std::vector<std::vector<std::string>> rows;
        std::size_t all = 0;
        for (provenance v : enum_traits<provenance>::values)
            all += by[static_cast<std::size_t>(v)];
        for (provenance v : enum_traits<provenance>::values)
            rows.push_back({esc(to_string(v)), count(by[static_cast<std::size_t>(v)])});
        rows.push_back({"every record", count(all)});
        table("Records by provenance", {"provenance", "records"}, rows, {false, true});

        rows.clear();
        for (const analysis::organization_profile& o : p.organizations) {
            std::string roles;
            for (person_role r : enum_traits<person_role>::values) {
                const std::size_t n = o.people_by_role[static_cast<std::size_t>(r)];
                if (n) roles += (roles.empty() ? "" : "; ") + esc(to_string(r)) + " " + count(n);
            }
            std::string tiers;
            for (management_tier t : enum_traits<management_tier>::values)
                tiers += (tiers.empty() ? "" : "; ") + esc(to_string(t)) + " " +
                         count(o.managers_by_tier[static_cast<std::size_t>(t)]);
            rows.push_back({esc(o.code), esc(o.name), esc(to_string(o.setting)),
                            o.program.empty() ? "(none recorded)" : esc(o.program), roles, tiers});
        }
        table("Organizations",
              {"code", "name", "setting", "program", "people by role", "managers by tier"}, rows);
        rows.clear();
        const auto recorded = [](const std::string& text) {
            return text.empty() ? std::string("(not recorded)") : esc(text);
        };
        for (const analysis::team_profile& t : p.teams)
            rows.push_back({esc(t.code), recorded(t.name), recorded(t.clinical_area),
                            recorded(t.unit), esc(t.organization_code), count(t.members),
                            count(t.advisors)});
        table("QI teams",
              {"team", "name", "clinical area", "unit", "organization", "members",
               "patient advisors"},
              rows, {false, false, false, false, false, true, true});
        rows.clear();
        for (source_kind k : enum_traits<source_kind>::values)
            rows.push_back({esc(to_string(k)) + " recorded one by one",
                            count(p.sources_by_kind[static_cast<std::size_t>(k)]), ""});
        for (const source_total& t : p.totals)
            rows.push_back({"known total: " + esc(to_string(t.kind)) +
                                (t.tier ? " with " + esc(to_string(*t.tier)) + " managers" : ""),
                            count(t.count),
                            esc(to_string(t.provenance)) +
                                (t.description.empty() ? "" : ": " + esc(t.description))});
        rows.push_back({"engagements", count(p.engagements), ""});
        rows.push_back({"practice enactments", count(p.enactments), ""});
        rows.push_back({"coded segments", count(p.segments), ""});
        rows.push_back({"evaluation items", count(p.evaluation_items), ""});
        rows.push_back({"evaluation responses", count(p.evaluation_responses), ""});
        rows.push_back({"influence-log entries", count(p.influence_entries), ""});
        table("Data sources and records", {"what", "count", "provenance and note"}, rows,
              {false, true, false});
        end_section();
    }

    // ---- the network ------------------------------------------------------------------------
    void network_section() {
        h2("network", "The engagement network by tier");
        network::graph_filter gf;
        static_cast<scope_filter&>(gf) = o_.scope;
        const network::engagement_graph g(study_, gf);
        const auto& bg = g.graph();
        const std::size_t n = g.num_people();
        std::array<std::size_t, tier_rows> per_row{};
        for (std::size_t v = 0; v < n; ++v)
            ++per_row[row_of(bg[v])];
        std::string desc = count(n) + " people and " + count(g.num_ties()) + " directed ties (" +
                           count(g.num_events()) + " engagement events) in " + g.window().to_iso() +
                           ", by tier: ";
        for (std::size_t r = 0; r < tier_rows; ++r)
            desc += (r ? ", " : "") + std::string(row_names[r]) + " " + count(per_row[r]);
        desc += ".";
        const bool aggregated = n > o_.max_drawn_people;
        out_ += "<figure>\n";
        std::vector<std::vector<std::string>> tier_ties;
        if (aggregated)
            tier_ties = aggregated_picture(g, per_row, desc);
        else
            people_picture(g, per_row, desc);
        out_ += "<figcaption>" + esc(desc) +
                (aggregated ? " The network has more than " + count(o_.max_drawn_people) +
                                  " people, so the picture shows one node per tier with the "
                                  "number of ties between tiers, not each person."
                            : " Ties point from who acts to who is engaged; rows are tiers, "
                              "people in code order.") +
                "</figcaption>\n</figure>\n";
        out_ += legend_html(!aggregated) + "\n";
        if (aggregated) {
            std::vector<std::string> header{"from \\ to"};
            for (std::string_view name : row_names)
                header.emplace_back(name);
            table("Ties between tiers (rows: who acts; columns: who is engaged)", header, tier_ties,
                  {false, true, true, true, true, true});
        }
        if (s_.network) {
            const network::network_summary& ns = *s_.network;
            std::vector<std::vector<std::string>> rows{
                {"people", count(ns.people)},
                {"ties", count(ns.ties)},
                {"engagement events", count(ns.events)},
                {"density", format_text(ns.density, figure::proportion)},
                {"reciprocity",
                 ns.reciprocity ? format_text(*ns.reciprocity, figure::proportion) : "n/a"},
                {"weak components", count(ns.weak_components)},
                {"strong components", count(ns.strong_components)},
                {"advisors", count(ns.advisors)},
                {"advisors reaching a top-level manager", count(ns.advisors_reaching_top_level)},
                {"advisors reaching a decision-maker", count(ns.advisors_reaching_decision_makers)},
                {"advisors reaching any manager", count(ns.advisors_reaching_a_manager)},
                {"brokers", count(ns.brokers)}};
            if (!ns.most_between.empty())
                rows.push_back(
                    {"highest betweenness", format_text(ns.max_betweenness, figure::measure) +
                                                " (" + esc(ns.most_between) +
                                                (ns.betweenness_exact ? "" : ", sampled") + ")"});
            table("Network measures", {"measure", "value"}, rows, {false, true});
        }
        end_section();
    }

    void svg_open(double width, double height, std::string_view title, const std::string& desc,
                  std::string_view id) {
        out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " +
                coord(width) + " " + coord(height) + "\" width=\"" + coord(width) +
                "\" aria-labelledby=\"" + std::string(id) + "-title " + std::string(id) +
                "-desc\">\n<title id=\"" + std::string(id) + "-title\">" + esc(title) +
                "</title>\n<desc id=\"" + std::string(id) + "-desc\">" + esc(desc) + "</desc>\n";
        out_ += "<defs><marker id=\"" + std::string(id) +
                "-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"9\" "
                "markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" "
                "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" "
                "fill=\"#444\"/></marker></defs>\n";
    }

    void people_picture(const network::engagement_graph& g,
                        const std::array<std::size_t, tier_rows>& per_row,
                        const std::string& desc) {
        constexpr std::size_t per_line = 12;
        constexpr double left = 150, spacing = 86, line_height = 74, top = 12;
        const double width = left + spacing * per_line + 10;
        const auto& bg = g.graph();
        const std::size_t n = g.num_people();
        std::array<double, tier_rows> row_top{};
        double y = top;
        for (std::size_t r = 0; r < tier_rows; ++r) {
            row_top[r] = y;
            const std::size_t lines =
                std::max<std::size_t>(1, (per_row[r] + per_line - 1) / per_line);
            y += static_cast<double>(lines) * line_height + 14;
        }
        const double height = y + 6;
        std::vector<std::pair<double, double>> at(n);
        std::array<std::size_t, tier_rows> placed{};
        for (std::size_t v = 0; v < n; ++v) {
            const std::size_t r = row_of(bg[v]);
            const std::size_t i = placed[r]++;
            const std::size_t in_line = std::min(per_line, per_row[r] - (i / per_line) * per_line);
            const double offset = (static_cast<double>(per_line - in_line)) * spacing / 2;
            at[v] = {
                left + offset + spacing * static_cast<double>(i % per_line) + spacing / 2,
                row_top[r] + line_height * static_cast<double>(i / per_line) + line_height / 2};
        }
        svg_open(width, height, "Engagement network by tier", desc, "net");
        for (std::size_t r = 0; r < tier_rows; ++r) {
            out_ += "<rect x=\"2\" y=\"" + coord(row_top[r] + 2, 1) + "\" width=\"" +
                    coord(width - 4) + "\" height=\"" +
                    coord(static_cast<double>(
                              std::max<std::size_t>(1, (per_row[r] + per_line - 1) / per_line)) *
                                  line_height +
                              8,
                          1) +
                    "\" fill=\"" + (r % 2 ? "#f7f7f7" : "#fcfcfc") + "\"/>";
            out_ += "<text x=\"10\" y=\"" + coord(row_top[r] + 22, 1) +
                    "\" font-size=\"13\" font-weight=\"600\" fill=\"#222\">" +
                    std::string(row_names[r]) + "</text><text x=\"10\" y=\"" +
                    coord(row_top[r] + 38, 1) + "\" font-size=\"11\" fill=\"#555\">" +
                    count(per_row[r]) + (per_row[r] == 1 ? " person" : " people") + "</text>\n";
        }
        out_ += "<g fill=\"none\" stroke=\"#444\">\n";
        for (auto e : boost::make_iterator_range(edges(bg))) {
            const auto u = source(e, bg), v = target(e, bg);
            const network::engagement_tie& t = bg[e];
            auto [x1, y1] = at[u];
            auto [x2, y2] = at[v];
            std::string d;
            if (std::abs(y1 - y2) < 1) {
                const double lift = std::min(30.0, 14 + std::abs(x2 - x1) * 0.08);
                d = "M" + coord(x1, 1) + "," + coord(y1 - 14, 1) + " Q" + coord((x1 + x2) / 2, 1) +
                    "," + coord(y1 - 14 - lift, 1) + " " + coord(x2, 1) + "," + coord(y2 - 15, 1);
            } else {
                const double sy = y2 > y1 ? 1 : -1;
                d = "M" + coord(x1, 1) + "," + coord(y1 + sy * 14, 1) + " L" + coord(x2, 1) + "," +
                    coord(y2 - sy * 15, 1);
            }
            out_ += "<path d=\"" + d + "\" stroke-width=\"" + width_of(t.strongest) + "\"" +
                    std::string(dash_of(t.strongest)) + " marker-end=\"url(#net-arrow)\"><title>" +
                    esc(bg[u].code) + " to " + esc(bg[v].code) + ": " + count(t.events) +
                    (t.events == 1 ? " event" : " events") + ", strongest " +
                    std::string(to_string(t.strongest)) + ", " +
                    std::string(to_string(t.provenance)) + "</title></path>\n";
        }
        out_ += "</g>\n";
        for (std::size_t v = 0; v < n; ++v) {
            const network::person_vertex& p = bg[v];
            const std::size_t r = row_of(p);
            const bool illustrative = p.provenance == provenance::illustrative;
            out_ += "<g><title>" + esc(p.code) + " (" + std::string(to_string(p.role)) +
                    (p.tier ? ", " + std::string(to_string(*p.tier)) : "") + ", " +
                    std::string(to_string(p.provenance)) + ")</title>" +
                    node_shape(r, at[v].first, at[v].second, illustrative);
            const bool long_code = p.code.size() > 8;
            out_ += "<text x=\"" + coord(at[v].first, 1) + "\" y=\"" + coord(at[v].second + 4, 1) +
                    "\" text-anchor=\"middle\" font-size=\"" + (long_code ? "11" : "12") +
                    "\" fill=\"" + std::string(row_ink[r]) + "\"" +
                    (long_code ? " textLength=\"70\" lengthAdjust=\"spacingAndGlyphs\"" : "") +
                    ">" + esc(p.code) + "</text></g>\n";
        }
        out_ += "</svg>\n";
    }

    // Draws one node per tier and returns the tie counts between tiers as table rows.
    std::vector<std::vector<std::string>> aggregated_picture(
        const network::engagement_graph& g, const std::array<std::size_t, tier_rows>& per_row,
        const std::string& desc) {
        const auto& bg = g.graph();
        std::array<std::array<std::size_t, tier_rows>, tier_rows> ties{};
        for (auto e : boost::make_iterator_range(edges(bg)))
            ++ties[row_of(bg[source(e, bg)])][row_of(bg[target(e, bg)])];
        constexpr double width = 900, box_w = 260, box_h = 46, gap = 70, top = 20;
        const double x = width / 2 - box_w / 2;
        const double height = top * 2 + tier_rows * box_h + (tier_rows - 1) * gap;
        const auto row_y = [&](std::size_t r) {
            return top + static_cast<double>(r) * (box_h + gap);
        };
        svg_open(width, height, "Engagement network by tier, aggregated", desc, "net");
        out_ += "<g fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\">\n";
        for (std::size_t a = 0; a < tier_rows; ++a)
            for (std::size_t b = 0; b < tier_rows; ++b) {
                if (a == b || ties[a][b] == 0) continue;
                // Downward ties on the right, upward on the left, bowed by distance.
                const bool down = b > a;
                const double side = down ? x + box_w : x;
                const double bow = (down ? 1 : -1) * (40 + 30 * std::abs(double(b) - double(a)));
                const double y1 = row_y(a) + box_h / 2, y2 = row_y(b) + box_h / 2;
                out_ += "<path d=\"M" + coord(side, 1) + "," + coord(y1, 1) + " C" +
                        coord(side + bow, 1) + "," + coord(y1, 1) + " " + coord(side + bow, 1) +
                        "," + coord(y2, 1) + " " + coord(side, 1) + "," + coord(y2, 1) +
                        "\" marker-end=\"url(#net-arrow)\"/>";
                out_ += "<text x=\"" + coord(side + bow * 0.75, 1) + "\" y=\"" +
                        coord((y1 + y2) / 2 + 4, 1) +
                        "\" font-size=\"12\" text-anchor=\"middle\" stroke=\"#fff\" "
                        "stroke-width=\"4\" paint-order=\"stroke\" fill=\"#222\">" +
                        count(ties[a][b]) + "</text>\n";
            }
        out_ += "</g>\n";
        for (std::size_t r = 0; r < tier_rows; ++r) {
            out_ += "<rect x=\"" + coord(x, 1) + "\" y=\"" + coord(row_y(r), 1) + "\" width=\"" +
                    coord(box_w) + "\" height=\"" + coord(box_h) + "\" rx=\"" +
                    (r == 4 ? "23" : "0") + "\" fill=\"" + std::string(row_fill[r]) +
                    "\" stroke=\"#333\"/><text x=\"" + coord(width / 2, 1) + "\" y=\"" +
                    coord(row_y(r) + 20, 1) + "\" text-anchor=\"middle\" font-size=\"13\" fill=\"" +
                    std::string(row_ink[r]) + "\">" + std::string(row_names[r]) + ": " +
                    count(per_row[r]) + "</text><text x=\"" + coord(width / 2, 1) + "\" y=\"" +
                    coord(row_y(r) + 37, 1) + "\" text-anchor=\"middle\" font-size=\"11\" fill=\"" +
                    std::string(row_ink[r]) + "\">" + count(ties[r][r]) + " ties within</text>\n";
        }
        out_ += "</svg>\n";
        std::vector<std::vector<std::string>> rows;
        for (std::size_t a = 0; a < tier_rows; ++a) {
            rows.push_back({std::string(row_names[a])});
            for (std::size_t b = 0; b < tier_rows; ++b)
                rows.back().push_back(count(ties[a][b]));
        }
        return rows;
    }

    // ---- practices by tier ------------------------------------------------------------------
    void heat_table(const analysis::practice_tier_table& t, std::string_view caption) {
        std::size_t most = 1;
        for (const auto& row : t.cells)
            for (const analysis::practice_cell& c : row)
                most = std::max(most, c.enactments);
        std::vector<std::string> header{"category"};
        for (management_tier tier : enum_traits<management_tier>::values)
            header.push_back(esc(to_string(tier)));
        header.emplace_back("every tier");
        std::vector<std::vector<std::string>> rows;
        const auto cell = [](const analysis::practice_cell& c) {
            return count(c.enactments) + " (" + count(c.managers) + ")";
        };
        out_ += "<table class=\"heat\"><caption>" + esc(caption) + "</caption>\n<thead><tr>";
        for (const std::string& h : header)
            out_ += "<th scope=\"col\">" + h + "</th>";
        out_ += "</tr></thead>\n<tbody>\n";
        for (practice_category k : enum_traits<practice_category>::values) {
            const auto ki = static_cast<std::size_t>(k);
            out_ += "<tr><th scope=\"row\">" + esc(to_string(k)) + "</th>";
            for (management_tier tier : enum_traits<management_tier>::values) {
                const analysis::practice_cell& c = t.at(k, tier);
                const double share = static_cast<double>(c.enactments) / static_cast<double>(most);
                const double alpha = c.enactments == 0 ? 0.0 : 0.12 + 0.78 * share;
                out_ += "<td class=\"cell\" style=\"background:rgba(0,114,178," + coord(alpha, 2) +
                        ");color:" + (alpha > 0.75 ? "#fff" : "#000") + "\">" + cell(c) + "</td>";
            }
            out_ += "<td class=\"n\">" + cell(t.by_category[ki]) + "</td></tr>\n";
        }
        out_ += "<tr><th scope=\"row\">every category</th>";
        for (management_tier tier : enum_traits<management_tier>::values)
            out_ += "<td class=\"n\">" + cell(t.by_tier[static_cast<std::size_t>(tier)]) + "</td>";
        out_ += "<td class=\"n\">" + cell(t.total) + "</td></tr>\n</tbody></table>\n";
    }

    void matrix_section() {
        h2("practices", "Practices by tier");
        out_ +=
            "<p>Who, at which tier of management, performed which category of practice. Cells: "
            "enactments (distinct managers); the darker the cell, the more enactments, and the "
            "number is always printed.</p>\n";
        const analysis::every_tier_check& check = s_.every_tier;
        out_ += "<p class=\"note\"><strong>Every tier takes part:</strong> " + badge(check.state) +
                " " + esc(check.message) + "</p>\n";
        heat_table(s_.matrix.pooled,
                   "All cases, " + s_.matrix.pooled.label + ": " + s_.matrix.scope);
        for (const analysis::practice_tier_table& t : s_.matrix.cases) {
            out_ += "<h3>Case " + esc(t.label) + "</h3>\n";
            const analysis::every_tier_check c = analysis::check_every_tier(t);
            out_ += "<p>" + badge(c.state) + " " + esc(c.message) + "</p>\n";
            heat_table(t, "Case " + t.label);
        }
        end_section();
    }

    // ---- tokenism audit ---------------------------------------------------------------------
    std::string records_of(const analysis::indicator_hit& h) {
        std::string out;
        for (const analysis::record_ref& r : h.records)
            out += (out.empty() ? "" : "; ") + esc(to_string(r.kind)) + " " + esc(r.label);
        return out.empty() ? "none" : out;
    }

    void audit_section() {
        const analysis::tokenism_audit_report& r = s_.audit;
        h2("audit", "Tokenism audit");
        out_ +=
            "<p class=\"disclaimer\" role=\"note\" id=\"disclaimer\"><strong>Read this "
            "first.</strong> " +
            esc(analysis::tokenism_disclaimer()) + "</p>\n";
        const analysis::audit_summary sum = analysis::summarize(r);
        out_ += "<p>" + esc(r.scope) + ": <strong>" + count(sum.flagged_teams) + " of " +
                count(sum.teams) + " teams and " + count(sum.flagged_advisors) + " of " +
                count(sum.advisors) +
                " advisors have at least one indicator flagged.</strong> Scores add the weights "
                "of flagged indicators among those assessed; a team adds its worst advisor's "
                "score.</p>\n";
        std::vector<const analysis::indicator_definition*> team_ind, advisor_ind;
        std::vector<std::vector<std::string>> rows;
        for (const analysis::indicator_definition& d : analysis::indicator_definitions()) {
            if (!r.options.enabled[static_cast<std::size_t>(d.id)]) continue;
            if (d.scope == analysis::indicator_scope::team) team_ind.push_back(&d);
            if (d.scope == analysis::indicator_scope::advisor) advisor_ind.push_back(&d);
            rows.push_back({esc(d.name), esc(to_string(d.scope)), esc(d.rationale), esc(d.source),
                            esc(d.threshold_source), esc(d.needs)});
        }
        out_ += "<h3>Indicators</h3>\n";
        table("The indicators, what they look for and the data each needs",
              {"indicator", "about", "why it may signal tokenism", "sources", "threshold", "needs"},
              rows);

        std::vector<const analysis::indicator_definition*> study_ind;
        for (const analysis::indicator_definition& d : analysis::indicator_definitions())
            if (r.options.enabled[static_cast<std::size_t>(d.id)] &&
                d.scope == analysis::indicator_scope::study)
                study_ind.push_back(&d);
        if (!study_ind.empty()) {
            out_ += "<h3>The study as a whole</h3>\n";
            rows.clear();
            for (const analysis::indicator_definition* d : study_ind) {
                assessment state = assessment::not_flagged;
                for (const analysis::indicator_hit& h : r.study_hits)
                    if (h.id == d->id) state = assessment::flagged;
                for (const analysis::indicator_gap& g : r.study_gaps)
                    if (g.id == d->id) state = assessment::not_assessable;
                rows.push_back({esc(d->name), badge(state)});
            }
            table("Study indicators", {"indicator", "state"}, rows);
        }
        out_ += "<h3>Teams</h3>\n";
        subject_grid("Team indicators per team", r.teams, team_ind, "team");
        out_ += "<h3>Advisors</h3>\n";
        subject_grid("Advisor indicators per patient advisor", r.advisors, advisor_ind, "advisor");

        out_ += "<h3>What triggered each flagged indicator</h3>\n";
        rows.clear();
        const auto hits = [&](const std::string& subject,
                              const std::vector<analysis::indicator_hit>& list) {
            for (const analysis::indicator_hit& h : list)
                rows.push_back({esc(subject), esc(to_string(h.id)), esc(h.threshold), esc(h.detail),
                                records_of(h)});
        };
        hits("study", r.study_hits);
        for (const analysis::team_audit& t : r.teams)
            hits("team " + t.code, t.hits);
        for (const analysis::advisor_audit& a : r.advisors)
            hits("advisor " + a.code, a.hits);
        if (rows.empty())
            out_ += "<p>None: no indicator was flagged.</p>\n";
        else
            table("The evidence behind each flag: threshold, what was seen, records to check",
                  {"subject", "indicator", "threshold", "what was seen", "records"}, rows);

        out_ += "<h3>Not assessable</h3>\n";
        rows.clear();
        const auto gaps = [&](const std::string& subject,
                              const std::vector<analysis::indicator_gap>& list) {
            for (const analysis::indicator_gap& g : list)
                rows.push_back({esc(subject), esc(to_string(g.id)), esc(g.needed)});
        };
        gaps("study", r.study_gaps);
        for (const analysis::team_audit& t : r.teams)
            gaps("team " + t.code, t.gaps);
        for (const analysis::advisor_audit& a : r.advisors)
            gaps("advisor " + a.code, a.gaps);
        if (rows.empty())
            out_ += "<p>None: every indicator could be assessed.</p>\n";
        else
            table("Indicators not assessable and the data each would need",
                  {"subject", "indicator", "data needed"}, rows);

        out_ += "<h3>References of the indicators</h3>\n<ol class=\"refs\">\n";
        std::vector<std::string_view> keys;
        for (const analysis::indicator_definition& d : analysis::indicator_definitions())
            for (const analysis::reference* ref : analysis::references_of(d.id))
                if (std::find(keys.begin(), keys.end(), ref->key) == keys.end()) {
                    keys.push_back(ref->key);
                    out_ += "<li>" + esc(ref->citation()) + "</li>\n";
                }
        out_ += "</ol>\n";
        end_section();
    }

    template <class Audit>
    void subject_grid(std::string_view caption, const std::vector<Audit>& list,
                      const std::vector<const analysis::indicator_definition*>& indicators,
                      std::string_view kind) {
        if (list.empty()) {
            out_ += "<p>No " + std::string(kind) + " in scope.</p>\n";
            return;
        }
        std::vector<std::string> header{std::string(kind), "score", "assessed"};
        for (const analysis::indicator_definition* d : indicators)
            header.push_back(esc(d->name));
        std::vector<std::vector<std::string>> rows;
        for (const Audit& a : list) {
            std::vector<std::string> row{esc(a.code), format_text(a.score, figure::average),
                                         count(a.assessed) + " of " + count(indicators.size())};
            for (const analysis::indicator_definition* d : indicators)
                row.push_back(badge(a.state(d->id)));
            rows.push_back(std::move(row));
        }
        std::vector<bool> numeric{false, true, true};
        table(caption, header, rows, numeric);
    }

    // ---- voice paths ------------------------------------------------------------------------
    void voice_section() {
        h2("voice", "Voice paths to decision-makers");
        const analysis::tokenism_audit_report& r = s_.audit;
        const std::vector<management_tier>& tiers = r.options.decision_maker_tiers;
        std::string names;
        for (management_tier t : tiers)
            names += (names.empty() ? "" : " or ") + std::string(to_string(t));
        out_ +=
            "<p>For each patient advisor, the people their voice passes through to the "
            "nearest " +
            esc(names) +
            " manager, in the direction each kind of engagement carries voice (a manager "
            "who consults an advisor hears them). The network includes every person of "
            "the window, as the audit's no-path-to-decision-maker indicator does.</p>\n";
        if (r.advisors.empty()) {
            out_ += "<p>No patient advisor in scope.</p>\n";
            end_section();
            return;
        }
        network::graph_filter gf;
        gf.window = model::resolve_scope(study_, o_.scope).window;
        const network::engagement_graph g(study_, gf);
        const network::reach_result reach = network::breadth_first_reach(
            g, network::managers_of(tiers), network::tie_direction::against_voice);
        const auto& bg = g.graph();
        std::vector<std::vector<std::string>> rows;
        constexpr auto path_indicator = analysis::indicator::no_path_to_decision_maker;
        for (const analysis::advisor_audit& a : r.advisors) {
            const assessment state = a.state(path_indicator);
            std::string what;
            const auto v = g.vertex_of(a.advisor);
            if (v && reach.reached(*v)) {
                std::vector<network::engagement_graph::vertex> path = reach.path_to(*v);
                std::reverse(path.begin(), path.end());
                what = "<span class=\"path\">";
                for (std::size_t i = 0; i < path.size(); ++i) {
                    const network::person_vertex& p = bg[path[i]];
                    what += (i ? "<span class=\"arrow\" aria-label=\"to\">&#8594;</span>" : "") +
                            std::string("<span class=\"chip\">") + esc(p.code) + " (" +
                            esc(to_string(p.role)) +
                            (p.tier ? ", " + esc(to_string(*p.tier)) : "") + ")</span>";
                }
                what += "</span>";
            } else {
                for (const analysis::indicator_hit& h : a.hits)
                    if (h.id == path_indicator) what = esc(h.detail);
                for (const analysis::indicator_gap& gap : a.gaps)
                    if (gap.id == path_indicator) what = esc(gap.needed);
                if (what.empty()) what = "no voice path to a " + esc(names) + " manager";
            }
            rows.push_back({esc(a.code), badge(state), what});
        }
        table("Each advisor's voice path, or why there is none",
              {"advisor", "no-path-to-decision-maker", "voice path"}, rows);
        end_section();
    }

    // ---- evaluation loop --------------------------------------------------------------------
    void loop_section() {
        const analysis::evaluation_loop_report& r = s_.loop;
        h2("loop", "Evaluation loop");
        out_ += "<p>" + esc(analysis::loop_rule_text(r)) + "</p>\n";
        out_ += "<p class=\"note\">" + badge(r.state) + " <strong>" + count(r.evaluations) +
                " evaluations (and " + count(r.evaluation_responses) +
                " evaluation responses): " + count(r.closed) + " closed, " + count(r.open) +
                " open, " + count(r.pending) + " pending.</strong> " + esc(r.state_detail) +
                ".</p>\n<p>" + esc(analysis::loop_inputs_text(r)) + "</p>\n";
        if (r.evaluations > 0) timeline();
        std::vector<std::vector<std::string>> rows;
        for (const analysis::team_loop& t : r.teams)
            for (const analysis::evaluation_followup& ev : t.evaluations)
                rows.push_back({esc(t.label), esc(ev.practice) + " by " + esc(ev.manager),
                                esc(ev.on.to_iso()), esc(to_string(ev.status)),
                                ev.follow_up_practice.empty() ? "-" : esc(ev.follow_up_practice),
                                ev.days ? count(static_cast<std::size_t>(*ev.days)) : "-"});
        if (!rows.empty())
            table("Each evaluation and what followed it",
                  {"team", "evaluation", "date", "status", "follow-up", "days"}, rows,
                  {false, false, false, false, false, true});
        rows.clear();
        for (const analysis::loop_period& p : r.periods)
            rows.push_back({esc(p.label), count(p.evaluations), count(p.closed), count(p.open),
                            count(p.pending)});
        table("The evaluation loop over time",
              {"period", "evaluations", "closed", "open", "pending"}, rows,
              {false, true, true, true, true});
        end_section();
    }

    void timeline() {
        const analysis::evaluation_loop_report& r = s_.loop;
        std::int32_t first = s_.audit.window.first().days_since_epoch();
        std::int32_t last = s_.audit.window.last().days_since_epoch();
        for (const analysis::team_loop& t : r.teams)
            for (const analysis::evaluation_followup& ev : t.evaluations) {
                first = std::min(first, ev.on.days_since_epoch());
                last = std::max(last, ev.on.days_since_epoch() + ev.days.value_or(0));
            }
        last = std::max(last, first + 1);
        constexpr double left = 170, right = 30, lane = 34, top = 34;
        constexpr double width = 1100;
        const double height = top + lane * static_cast<double>(r.teams.size()) + 40;
        const auto x_of = [&](std::int32_t day) {
            return left + (width - left - right) * static_cast<double>(day - first) /
                              static_cast<double>(last - first);
        };
        const std::string desc = count(r.evaluations) + " evaluations on " + count(r.teams.size()) +
                                 " lanes from " + date::from_days(first).to_iso() + " to " +
                                 date::from_days(last).to_iso() + ": " + count(r.closed) +
                                 " closed (filled circle joined to a square at the follow-up), " +
                                 count(r.open) + " open (hollow triangle), " + count(r.pending) +
                                 " pending (hollow circle). The table below lists each one.";
        out_ += "<figure>\n";
        svg_open(width, height, "The evaluation loop on a timeline", desc, "loop");
        // Periods as bands, years as ticks.
        bool shade = false;
        for (const analysis::loop_period& p : r.periods) {
            const std::int32_t a = std::max(first, p.window.first().days_since_epoch());
            const std::int32_t b = std::min(last, p.window.last().days_since_epoch());
            if (a > b) continue;
            out_ += "<rect x=\"" + coord(x_of(a), 1) + "\" y=\"" + coord(top - 16, 1) +
                    "\" width=\"" + coord(x_of(b) - x_of(a), 1) + "\" height=\"" +
                    coord(height - top - 8, 1) + "\" fill=\"" + (shade ? "#f1f1f1" : "#fafafa") +
                    "\"/><text x=\"" + coord(x_of(a) + 4, 1) + "\" y=\"" + coord(top - 4, 1) +
                    "\" font-size=\"11\" fill=\"#555\">" + esc(p.label) + "</text>\n";
            shade = !shade;
        }
        const int year_first = date::from_days(first).year(),
                  year_last = date::from_days(last).year();
        for (int y = year_first + 1; y <= year_last; ++y) {
            const double x = x_of(date::from_ymd(y, 1, 1).days_since_epoch());
            out_ += "<line x1=\"" + coord(x, 1) + "\" y1=\"" + coord(top - 16, 1) + "\" x2=\"" +
                    coord(x, 1) + "\" y2=\"" + coord(height - 24, 1) +
                    "\" stroke=\"#bbb\" stroke-dasharray=\"2 3\"/><text x=\"" + coord(x, 1) +
                    "\" y=\"" + coord(height - 10, 1) +
                    "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">" +
                    count(static_cast<std::size_t>(y)) + "</text>\n";
        }
        double y = top + lane / 2;
        for (const analysis::team_loop& t : r.teams) {
            out_ += "<text x=\"8\" y=\"" + coord(y + 4, 1) + "\" font-size=\"12\" fill=\"#222\">" +
                    esc(t.label) + "</text><line x1=\"" + coord(left, 1) + "\" y1=\"" +
                    coord(y, 1) + "\" x2=\"" + coord(width - right, 1) + "\" y2=\"" + coord(y, 1) +
                    "\" stroke=\"#ddd\"/>\n";
            for (const analysis::evaluation_followup& ev : t.evaluations) {
                const double x = x_of(ev.on.days_since_epoch());
                const std::string tip =
                    "<title>" + esc(ev.practice) + " by " + esc(ev.manager) + " on " +
                    esc(ev.on.to_iso()) + ": " + esc(to_string(ev.status)) +
                    (ev.days ? ", followed by " + esc(ev.follow_up_practice) + " after " +
                                   count(static_cast<std::size_t>(*ev.days)) + " days"
                             : "") +
                    "</title>";
                switch (ev.status) {
                    case analysis::loop_status::closed: {
                        const double x2 = x_of(ev.on.days_since_epoch() + ev.days.value_or(0));
                        out_ += "<g>" + tip + "<line x1=\"" + coord(x, 1) + "\" y1=\"" +
                                coord(y, 1) + "\" x2=\"" + coord(x2, 1) + "\" y2=\"" + coord(y, 1) +
                                "\" stroke=\"" + std::string(oi_green) +
                                "\" stroke-width=\"3\"/><circle cx=\"" + coord(x, 1) + "\" cy=\"" +
                                coord(y, 1) + "\" r=\"6\" fill=\"" + std::string(oi_green) +
                                "\"/><rect x=\"" + coord(x2 - 5, 1) + "\" y=\"" + coord(y - 5, 1) +
                                "\" width=\"10\" height=\"10\" fill=\"" + std::string(oi_blue) +
                                "\"/></g>\n";
                        break;
                    }
                    case analysis::loop_status::open:
                        out_ += "<g>" + tip + "<path d=\"M" + coord(x, 1) + "," + coord(y - 8, 1) +
                                " L" + coord(x + 7, 1) + "," + coord(y + 6, 1) + " L" +
                                coord(x - 7, 1) + "," + coord(y + 6, 1) +
                                " z\" fill=\"#fff\" stroke=\"" + std::string(oi_vermillion) +
                                "\" stroke-width=\"2.5\"/></g>\n";
                        break;
                    default:
                        out_ += "<g>" + tip + "<circle cx=\"" + coord(x, 1) + "\" cy=\"" +
                                coord(y, 1) + "\" r=\"6\" fill=\"#fff\" stroke=\"" +
                                std::string(oi_grey) + "\" stroke-width=\"2.5\"/></g>\n";
                }
            }
            y += lane;
        }
        out_ += "</svg>\n<figcaption>" + esc(desc) + "</figcaption>\n</figure>\n";
        out_ +=
            "<ul class=\"legend\" aria-label=\"Legend of the timeline\">"
            "<li><svg width=\"40\" height=\"16\" aria-hidden=\"true\"><line x1=\"6\" "
            "y1=\"8\" x2=\"32\" y2=\"8\" stroke=\"" +
            std::string(oi_green) +
            "\" stroke-width=\"3\"/><circle cx=\"6\" cy=\"8\" r=\"5\" fill=\"" +
            std::string(oi_green) + "\"/><rect x=\"29\" y=\"4\" width=\"8\" height=\"8\" fill=\"" +
            std::string(oi_blue) +
            "\"/></svg>closed: evaluation, then the follow-up practice</li>"
            "<li><svg width=\"20\" height=\"16\" aria-hidden=\"true\"><path d=\"M10,2 L16,14 "
            "L4,14 z\" fill=\"#fff\" stroke=\"" +
            std::string(oi_vermillion) +
            "\" stroke-width=\"2\"/></svg>open: nothing followed in time</li>"
            "<li><svg width=\"20\" height=\"16\" aria-hidden=\"true\"><circle cx=\"10\" "
            "cy=\"8\" r=\"5\" fill=\"#fff\" stroke=\"" +
            std::string(oi_grey) +
            "\" stroke-width=\"2\"/></svg>pending: the delay runs past the study "
            "window</li></ul>\n";
    }

    // ---- waves and cases --------------------------------------------------------------------
    void wide_table(std::string_view caption, const analysis::detail::table& t) {
        std::vector<std::string> header;
        for (const std::string& h : t.header)
            header.push_back(esc(h));
        std::vector<std::vector<std::string>> rows;
        for (const auto& row : t.rows) {
            std::vector<std::string> cells;
            for (std::size_t i = 0; i < row.size(); ++i) {
                std::string cell = row[i];
                if (i == 0 && cell.rfind("  ", 0) == 0)
                    cells.push_back("&#8195;" + esc(cell.substr(2)));
                else
                    cells.push_back(esc(cell));
            }
            rows.push_back(std::move(cells));
        }
        std::vector<bool> numeric(header.size(), true);
        if (!numeric.empty()) numeric[0] = false;
        table(caption, header, rows, numeric);
    }

    void side_by_side_section() {
        h2("side-by-side", "Waves and cases side by side");
        bool any = false;
        if (s_.waves) {
            any = true;
            const analysis::wave_report& w = *s_.waves;
            out_ += "<h3>Waves</h3>\n";
            if (w.waves.empty()) {
                out_ += "<p>The study records no wave.</p>\n";
            } else {
                wide_table(
                    "Waves, " + w.scope + " (audit rows: indicators flagged of those assessed)",
                    analysis::detail::side_by_side(analysis::detail::views(w)));
                if (!w.changes.empty()) {
                    analysis::detail::table t;
                    t.header = {"change"};
                    std::vector<std::vector<std::pair<std::string, std::string>>> all;
                    for (const analysis::wave_change& c : w.changes) {
                        t.header.push_back(c.from + " -> " + c.to);
                        all.push_back(analysis::detail::change_rows(c, false));
                    }
                    for (std::size_t i = 0; i < all.front().size(); ++i) {
                        std::vector<std::string> row{all.front()[i].first};
                        for (const auto& rows : all)
                            row.push_back(i < rows.size() ? rows[i].second : "-");
                        t.add(std::move(row));
                    }
                    wide_table("What changed from one wave to the next", t);
                }
            }
        }
        if (s_.cases) {
            any = true;
            out_ += "<h3>Cases</h3>\n";
            wide_table("Cases side by side, " + s_.cases->scope,
                       analysis::detail::side_by_side(analysis::detail::views(*s_.cases)));
        }
        if (any)
            out_ +=
                "<p class=\"muted\">Audit rows: " + esc(analysis::tokenism_disclaimer()) + "</p>\n";
        for (const std::string& note : s_.notes)
            out_ += "<p class=\"note\">Left out: " + esc(note) + "</p>\n";
        if (!any && s_.notes.empty())
            out_ +=
                "<p>Nothing to put side by side: one wave or case is chosen, or the study "
                "has no waves and fewer than two cases.</p>\n";
        end_section();
    }

    // ---- agreement --------------------------------------------------------------------------
    static std::string value_of(const std::optional<double>& v) {
        return v ? format_text(*v, figure::statistic) : "undefined";
    }
    static std::string interval_of(const std::optional<double>& low,
                                   const std::optional<double>& high) {
        return low && high ? "[" + format_text(*low, figure::statistic) + ", " +
                                 format_text(*high, figure::statistic) + "]"
                           : "-";
    }

    void agreement_section() {
        h2("agreement", "Agreement between coders");
        if (!s_.agreement) {
            out_ += "<p>" + badge(assessment::not_assessable) +
                    " Nothing was coded in this study, so there is no agreement to measure.</p>\n";
            end_section();
            return;
        }
        const analysis::agreement_report& r = *s_.agreement;
        out_ += "<p>Unit: " + esc(to_string(r.unit)) + ", " + esc(r.scope) + ".</p>\n";
        if (r.status == assessment::not_assessable) {
            out_ += "<p>" + badge(r.status) + " " + esc(r.reason) + "</p>\n";
            end_section();
            return;
        }
        std::string names;
        for (const std::string& c : r.coders)
            names += (names.empty() ? "" : ", ") + c;
        out_ += "<p>" + count(r.coders.size()) + " coders (" + esc(names) + "), " +
                count(r.sources) + " sources, " + count(r.codes) +
                " codes; a source a coder did not code at all is missing for that coder.</p>\n";
        const analysis::agreement_statistics& all = r.overall;
        const std::string units = count(all.units), coders = count(r.coders.size());
        std::vector<std::vector<std::string>> rows;
        rows.push_back({"percent agreement", value_of(all.percent), "-", units, coders});
        if (r.coders.size() == 2)
            rows.push_back({"Cohen's kappa, pooled (de Vries et al. 2008)",
                            value_of(all.cohen.kappa), "-", units, coders});
        rows.push_back({"Fleiss' kappa, pooled (Fleiss 1971)", value_of(all.fleiss.kappa), "-",
                        units, coders});
        rows.push_back({"Krippendorff's alpha, nominal (Hayes &amp; Krippendorff 2007)",
                        value_of(all.alpha.alpha), interval_of(all.alpha.low, all.alpha.high),
                        units, coders});
        table("Over all codes", {"statistic", "value", "95% CI", "units", "coders"}, rows,
              {false, true, true, true, true});
        rows.clear();
        std::vector<std::string> header{"code", "units", "agreement"};
        if (r.coders.size() == 2) {
            header.emplace_back("Cohen's kappa");
            header.emplace_back("95% CI");
        }
        header.insert(header.end(), {"Fleiss' kappa", "alpha", "95% CI"});
        for (const analysis::code_agreement& a : r.per_code) {
            const analysis::agreement_statistics& st = a.statistics;
            std::vector<std::string> row{esc(a.name), count(st.units), value_of(st.percent)};
            if (r.coders.size() == 2) {
                row.push_back(value_of(st.cohen.kappa));
                row.push_back(interval_of(st.cohen.low, st.cohen.high));
            }
            row.insert(row.end(), {value_of(st.fleiss.kappa), value_of(st.alpha.alpha),
                                   interval_of(st.alpha.low, st.alpha.high)});
            rows.push_back(std::move(row));
        }
        std::vector<bool> numeric(header.size(), true);
        numeric[0] = false;
        table("Per code", header, rows, numeric);
        bool undefined = !all.percent || !all.fleiss.kappa || !all.alpha.alpha ||
                         (r.coders.size() == 2 && !all.cohen.kappa);
        for (const analysis::code_agreement& a : r.per_code)
            undefined = undefined || !a.statistics.percent || !a.statistics.fleiss.kappa ||
                        !a.statistics.alpha.alpha ||
                        (r.coders.size() == 2 && !a.statistics.cohen.kappa);
        if (undefined)
            out_ +=
                "<p>undefined: every unit fell in one category (or no unit was rated twice), "
                "so the statistic is 0/0.</p>\n";
        const std::size_t n = r.disagreements.items.size();
        out_ += "<p>" + count(n) + (n == 1 ? " disagreement" : " disagreements") +
                (n ? " (every one in coder-disagreements.csv of <code>export --format csv</code>)"
                   : "") +
                ".</p>\n";
        end_section();
    }

    // ---- sources ----------------------------------------------------------------------------
    void sources_section() {
        h2("sources", "Sources");
        out_ += "<ol class=\"refs\">\n";
        for (const analysis::reference& ref : analysis::bibliography())
            out_ += "<li>" + esc(ref.citation()) + "</li>\n";
        out_ += "</ol>\n";
        end_section();
    }

    const case_study& study_;
    const analysis::study_summary& s_;
    const html_options& o_;
    std::string out_;
};

}  // namespace

std::string to_html(const case_study& study, const analysis::study_summary& summary,
                    const html_options& options, const run_control& control) {
    partnerqi::detail::progress_meter progress(control, "writing the HTML report", page::sections);
    std::string out = page(study, summary, options).render(progress);
    progress.finish();
    return out;
}

void write_html_report(const case_study& study, const analysis::study_summary& summary,
                       const std::filesystem::path& path, const html_options& options,
                       const run_control& control) {
    const std::string html = to_html(study, summary, options, control);
    detail::write_file_atomically(path, html);
}

}  // namespace partnerqi::io
