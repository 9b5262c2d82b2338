// Specification of the GEXF export for Gephi: read back with a strict XML reader, every person
// and tie of the network is there with its measures, its provenance and, for a tie, the days
// of its engagements as spells; hostile text stays well-formed XML in every XML export (GEXF,
// GraphML, REFI-QDA project and codebook, SVG drawn from the DOT labels).
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <boost/range/iterator_range.hpp>

#include <support/catch.hpp>
#include <support/messages.hpp>

#include <partnerqi/error.hpp>
#include <partnerqi/io/dot.hpp>
#include <partnerqi/io/gexf.hpp>
#include <partnerqi/io/graphml.hpp>
#include <partnerqi/io/refi_qda.hpp>
#include <partnerqi/model/seed_study.hpp>
#include <partnerqi/network/engagement_graph.hpp>

#include "exports_fixture.hpp"
#include "tiny_xml.hpp"
#include "zip_entry.hpp"

namespace io = partnerqi::io;
namespace model = partnerqi::model;
namespace network = partnerqi::network;
using exports_fixture::small_study;
using partnerqi::test::entry_of;

namespace {

/// A fresh folder for the files of a scenario, removed afterwards.
struct scratch_folder {
    std::filesystem::path path;
    explicit scratch_folder(const std::string& name)
        : path(std::filesystem::current_path() / ("scratch-" + name)) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~scratch_folder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

std::string gexf_of(const model::case_study& study, const network::engagement_graph& graph) {
    std::ostringstream out;
    io::write_gexf(out, study, graph);
    return out.str();
}

/// The value of a node's or an edge's attvalue, or "" when it has none.
std::string value_of(const tiny_xml::element& e, const std::string& attribute) {
    for (const tiny_xml::element* v : e.child("attvalues").all("attvalue"))
        if (v->at("for") == attribute) return v->at("value");
    return "";
}

/// The spells of an edge as "start/end" texts.
std::vector<std::string> spells_of(const tiny_xml::element& edge) {
    std::vector<std::string> out;
    for (const tiny_xml::element* s : edge.child("spells").all("spell"))
        out.push_back(s->at("start") + "/" + s->at("end"));
    return out;
}

/// The element of the node or edge with an id.
const tiny_xml::element& with_id(const std::vector<const tiny_xml::element*>& elements,
                                 const std::string& id) {
    for (const tiny_xml::element* e : elements)
        if (e->at("id") == id) return *e;
    throw tiny_xml::malformed("no element with id " + id);
}

}  // namespace

SCENARIO("the strict XML reader of the specification refuses what is not well-formed XML",
         "[io][gexf][xml]") {
    CHECK(tiny_xml::parse("<a b=\"x &amp; y\">t&#10;</a>").at("b") == "x & y");
    CHECK_THROWS_AS(tiny_xml::parse("<a>&</a>"), tiny_xml::malformed);
    CHECK_THROWS_AS(tiny_xml::parse("<a b=\"<\"/>"), tiny_xml::malformed);
    CHECK_THROWS_AS(tiny_xml::parse("<a>\x01</a>"), tiny_xml::malformed);
    CHECK_THROWS_AS(tiny_xml::parse("<a>\xff</a>"), tiny_xml::malformed);
    CHECK_THROWS_AS(tiny_xml::parse("<a></b>"), tiny_xml::malformed);
    CHECK_THROWS_AS(tiny_xml::parse("<a/><b/>"), tiny_xml::malformed);
    CHECK_THROWS_AS(tiny_xml::parse("<a>&#1;</a>"), tiny_xml::malformed);
}

SCENARIO("the GEXF of the demo study holds every person and tie of its network", "[io][gexf]") {
    GIVEN("the demo study (the seed study with its illustrative details) and its network") {
        const model::case_study study = model::seed_study_illustrated();
        const network::engagement_graph graph(study);
        const auto& g = graph.graph();
        WHEN("its network is written as GEXF and read back") {
            const tiny_xml::element gexf = tiny_xml::parse(gexf_of(study, graph));
            const tiny_xml::element& net = gexf.child("graph");
            const auto nodes = net.child("nodes").all("node");
            const auto edges = net.child("edges").all("edge");
            THEN("it is a dynamic, directed GEXF 1.3 graph over the network's window") {
                CHECK(gexf.at("xmlns") == "http://gexf.net/1.3");
                CHECK(gexf.at("version") == "1.3");
                CHECK(net.at("mode") == "dynamic");
                CHECK(net.at("timeformat") == "date");
                CHECK(net.at("defaultedgetype") == "directed");
                CHECK(net.at("start") == graph.window().first().to_iso());
                CHECK(net.at("end") == graph.window().last().to_iso());
            }
            THEN("there is one node per person, its id and label the person's code") {
                REQUIRE(nodes.size() == graph.num_people());
                CHECK(net.child("nodes").at("count") == std::to_string(graph.num_people()));
                for (std::size_t v = 0; v < nodes.size(); ++v) {
                    const std::string& code =
                        g[static_cast<network::engagement_graph::vertex>(v)].code;
                    CHECK(nodes[v]->at("id") == code);
                    CHECK(nodes[v]->at("label") == code);
                    CHECK(value_of(*nodes[v], "code") == code);
                }
            }
            THEN("there is one edge per tie, between the same people, weighted by its events") {
                REQUIRE(edges.size() == graph.num_ties());
                std::size_t i = 0;
                for (auto e : boost::make_iterator_range(boost::edges(g))) {
                    CHECK(edges[i]->at("source") == g[source(e, g)].code);
                    CHECK(edges[i]->at("target") == g[target(e, g)].code);
                    CHECK(edges[i]->at("weight") == std::to_string(g[e].events));
                    CHECK(value_of(*edges[i], "count") == std::to_string(g[e].events));
                    ++i;
                }
            }
            THEN("each tie's spells are its engagement days, from its first to its last") {
                std::size_t i = 0;
                std::size_t spells = 0;
                for (auto e : boost::make_iterator_range(boost::edges(g))) {
                    const auto days = spells_of(*edges[i++]);
                    REQUIRE_FALSE(days.empty());
                    CHECK(days.size() <= g[e].events);
                    CHECK(days.front() == g[e].first.to_iso() + "/" + g[e].first.to_iso());
                    CHECK(days.back() == g[e].last.to_iso() + "/" + g[e].last.to_iso());
                    CHECK(std::set<std::string>(days.begin(), days.end()).size() == days.size());
                    spells += days.size();
                }
                CHECK(spells >= graph.num_ties());
            }
            THEN("it says that the network includes illustrative records") {
                CHECK(gexf.child("meta")
                          .child("description")
                          .text.find("(includes illustrative records)") != std::string::npos);
            }
        }
    }
}

SCENARIO("spells and provenance of the small study are those worked out by hand", "[io][gexf]") {
    GIVEN("the small illustrative study, whose provenance is mixed") {
        const model::case_study study = small_study();
        const network::engagement_graph graph(study);
        WHEN("its network is written as GEXF and read back") {
            const tiny_xml::element net = tiny_xml::parse(gexf_of(study, graph)).child("graph");
            const auto nodes = net.child("nodes").all("node");
            const auto edges = net.child("edges").all("edge");
            THEN("the tie that was prepared and then supported has a spell on each of its days") {
                const tiny_xml::element& e1 = with_id(edges, "e1");
                CHECK(e1.at("source") == "M-FL");
                CHECK(e1.at("target") == "A-1");
                CHECK(spells_of(e1) ==
                      std::vector<std::string>{"2016-02-01/2016-02-01", "2016-05-01/2016-05-01"});
                CHECK(spells_of(with_id(edges, "e3")) ==
                      std::vector<std::string>{"2016-04-15/2016-04-15"});
            }
            THEN("each person carries the provenance of their record") {
                CHECK(value_of(with_id(nodes, "M-TOP"), "provenance") == "reported");
                CHECK(value_of(with_id(nodes, "P-1"), "provenance") == "user-entered");
                CHECK(value_of(with_id(nodes, "A-1"), "provenance") == "illustrative");
            }
            THEN("a tie carries the weakest provenance of its engagements") {
                CHECK(value_of(with_id(edges, "e1"), "provenance") == "illustrative");
                CHECK(value_of(with_id(edges, "e3"), "provenance") == "user-entered");
                CHECK(value_of(with_id(edges, "e0"), "provenance") == "illustrative");
            }
            THEN("measures and unknown values are as in the metrics table") {
                const tiny_xml::element& m_fl = with_id(nodes, "M-FL");
                CHECK(value_of(m_fl, "tier") == "front-line");
                CHECK(value_of(m_fl, "betweenness") == "2");
                CHECK(value_of(m_fl, "steps_to_top_manager") == "2");
                CHECK(value_of(with_id(nodes, "A-2"), "steps_to_top_manager").empty());
                CHECK(value_of(with_id(nodes, "A-2"), "tier").empty());
            }
        }
    }
    GIVEN("a study whose engagements fall on the same day twice") {
        model::builder b{"Entered study", model::date_window::years(2016, 2016)};
        b.organization("H");
        b.advisor("A").of("H");
        b.manager("M", model::management_tier::front_line).of("H");
        b.engagement("M", "A").on("2016-03-01").kind(model::engagement_kind::prepares);
        b.engagement("M", "A").on("2016-03-01").kind(model::engagement_kind::supports);
        b.engagement("M", "A").on("2016-01-10").kind(model::engagement_kind::informs);
        const model::case_study study = b.build();
        const network::engagement_graph graph(study);
        WHEN("its network is written as GEXF and read back") {
            const std::string text = gexf_of(study, graph);
            const tiny_xml::element gexf = tiny_xml::parse(text);
            const auto edges = gexf.child("graph").child("edges").all("edge");
            THEN("the tie has one spell per day, in order, and its weight counts every event") {
                REQUIRE(edges.size() == 1);
                CHECK(spells_of(*edges[0]) ==
                      std::vector<std::string>{"2016-01-10/2016-01-10", "2016-03-01/2016-03-01"});
                CHECK(edges[0]->at("weight") == "3");
            }
            THEN("nothing says it includes illustrative records, for it has none") {
                CHECK(value_of(*edges[0], "provenance") == "user-entered");
                CHECK(text.find("illustrative") == std::string::npos);
            }
        }
    }
}

SCENARIO("hostile text in a study stays well-formed in every XML export",
         "[io][gexf][graphml][xml]") {
    GIVEN(
        "a study whose title and codes hold markup, control characters and bytes that are "
        "not UTF-8") {
        const std::string title =
            "<b>&amp; \"q\" 'a' \x01\x1b tab\there\nline \xff cut \xc3 over \xc0\xaf sur "
            "\xed\xa0\x80 ok \xc3\xa9";
        const std::string person = "P<1>&\"'\x07\xfe";
        model::builder b{title, model::date_window::years(2016, 2016)};
        b.organization("H\xe2\x82");  // a cut euro sign
        b.advisor(person).of("H\xe2\x82");
        b.manager("M]]>", model::management_tier::top_level).of("H\xe2\x82");
        b.engagement(person, "M]]>").on("2016-05-05").kind(model::engagement_kind::informs);
        b.source("S]]>", model::source_kind::interview).title(title).text(title);
        b.code("<c> & ]]>\xff").definition(title);
        b.memo("memo ]]> \x01\xc3").text(title).code("<c> & ]]>\xff");
        const model::case_study study = b.build();
        const network::engagement_graph graph(study);
        WHEN("its network is written as GEXF") {
            const std::string text = gexf_of(study, graph);
            THEN("a strict XML reader reads it, with no forbidden character in it") {
                REQUIRE_NOTHROW(tiny_xml::parse(text));
                CHECK(text.find('\x01') == std::string::npos);
                CHECK(text.find('\x1b') == std::string::npos);
                CHECK(text.find('\x07') == std::string::npos);
            }
            THEN(
                "markup reads back as text, control characters are gone and bad bytes are "
                "U+FFFD") {
                const tiny_xml::element gexf = tiny_xml::parse(text);
                const std::string description = gexf.child("meta").child("description").text;
                CHECK(description.rfind("<b>&amp; \"q\" 'a'  tab\there\nline \xEF\xBF\xBD cut "
                                        "\xEF\xBF\xBD over \xEF\xBF\xBD\xEF\xBF\xBD sur "
                                        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD ok \xc3\xa9",
                                        0) == 0);
                const auto nodes = gexf.child("graph").child("nodes").all("node");
                REQUIRE(nodes.size() == 2);
                CHECK(nodes[0]->at("id") == "M]]>");
                CHECK(nodes[1]->at("id") == "P<1>&\"'\xEF\xBF\xBD");
                CHECK(value_of(*nodes[1], "organization") == "H\xEF\xBF\xBD");
                const auto& edge = gexf.child("graph").child("edges").child("edge");
                CHECK(edge.at("source") == nodes[1]->at("id"));
            }
        }
        WHEN("its network is written as GraphML") {
            std::ostringstream out;
            io::write_graphml(out, study, graph);
            THEN("the same strict reader reads it") {
                const tiny_xml::element graphml = tiny_xml::parse(out.str());
                CHECK(graphml.child("graph").all("node").size() == 2);
            }
        }
        WHEN("it is exported as a REFI-QDA project and as a codebook") {
            scratch_folder dir("hostile-refi-qda");
            io::write_qdpx(study, dir.path / "hostile.qdpx");
            io::write_qdc(study, dir.path / "hostile.qdc");
            THEN("the same strict reader reads the project and the codebook") {
                const std::string qde = entry_of(dir.path / "hostile.qdpx", "project.qde");
                REQUIRE_FALSE(qde.empty());
                CHECK_NOTHROW(tiny_xml::parse(qde));
                CHECK_NOTHROW(tiny_xml::parse(
                    exports_fixture::read_all((dir.path / "hostile.qdc").string())));
            }
        }
        WHEN("its network is drawn as DOT") {
            const std::string dot = io::to_dot(study, graph);
            THEN("the labels hold UTF-8 only: every bad byte became U+FFFD") {
                CHECK(dot.find('\xff') == std::string::npos);
                CHECK(dot.find('\xfe') == std::string::npos);
                CHECK(dot.find('\x07') == std::string::npos);
                CHECK(dot.find("P<1>&\\\"'\xEF\xBF\xBD") != std::string::npos);
            }
        }
        WHEN("its network is drawn as SVG by Graphviz") {
            const auto graphviz = io::find_graphviz_dot();
            const std::string xmllint = "/usr/bin/xmllint";
            if (!graphviz || !std::filesystem::exists(xmllint)) {
                WARN("Graphviz or xmllint is not installed: the SVG is not checked");
                return;
            }
            scratch_folder dir("hostile-svg");
            const std::filesystem::path svg = dir.path / "hostile.svg";
            io::save_picture(study, graph, io::picture_format::svg, svg);
            THEN("xmllint reads the SVG as well-formed XML") {
                CHECK(std::system((xmllint + " --noout --nonet " + svg.string()).c_str()) == 0);
            }
        }
    }
}

SCENARIO("a GEXF export refuses a metrics table of another network", "[io][gexf]") {
    GIVEN("the small study's network and the metrics of a narrower one") {
        const model::case_study study = small_study();
        const network::engagement_graph whole(study);
        network::graph_filter managers;
        managers.roles = {model::person_role::manager};
        const auto rows = network::metrics_of(study, network::engagement_graph(study, managers));
        WHEN("they are written together") {
            std::ostringstream out;
            THEN("the export refuses, saying how to compute the metrics") {
                CHECK(partnerqi::test::mentions(
                    partnerqi::test::message_of<partnerqi::invalid_request_error>(
                        [&] { io::write_gexf(out, study, whole, rows); }),
                    "metrics_of on the same network"));
            }
        }
    }
}
