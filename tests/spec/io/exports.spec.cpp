// Specification of the exports: the metrics and ties tables as CSV and the network as a DOT
// picture.
// The study and its measures are worked out by hand in exports_fixture.hpp.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <support/catch.hpp>

#include <partnerqi/io/csv.hpp>
#include <partnerqi/io/dot.hpp>
#include <partnerqi/io/gexf.hpp>
#include <partnerqi/io/graphml.hpp>
#include <partnerqi/network/engagement_graph.hpp>
#include <partnerqi/number_format.hpp>

#include "exports_fixture.hpp"

namespace io = partnerqi::io;
namespace model = partnerqi::model;
namespace network = partnerqi::network;
using exports_fixture::matches_golden;
using exports_fixture::small_study;

namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

/// A fresh, empty directory under the test's working directory.
std::filesystem::path scratch(const std::string& name) {
    std::filesystem::path dir = std::filesystem::current_path() / ("scratch-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace

SCENARIO("CSV fields are quoted as RFC 4180 asks", "[io][csv]") {
    GIVEN("plain text, a comma, a double quote and a line break") {
        THEN("only fields with a comma, a quote, CR or LF are quoted, inner quotes doubled") {
            CHECK(io::csv_field("M-TOP-03") == "M-TOP-03");
            CHECK(io::csv_field("") == "");
            CHECK(io::csv_field("a,b") == "\"a,b\"");
            CHECK(io::csv_field("say \"yes\"") == "\"say \"\"yes\"\"\"");
            CHECK(io::csv_field("two\nlines") == "\"two\nlines\"");
            CHECK(io::csv_field("cr\r") == "\"cr\r\"");
        }
        AND_THEN("a record ends with CRLF") {
            std::ostringstream out;
            io::write_csv_row(out, {"a", "b,c", ""});
            CHECK(out.str() == "a,\"b,c\",\r\n");
        }
    }
}

SCENARIO("CSV cells a spreadsheet would run are guarded unless a script asks for raw cells",
         "[io][csv]") {
    GIVEN("cells that start like formulas, a negative number and a plain word") {
        const std::vector<std::string> cells{"=1+1", "@SUM(A1)", "-0.5", "plain"};
        WHEN("they are written to a stream as it comes") {
            std::ostringstream out;
            io::write_csv_row(out, cells);
            THEN("the formulas get an apostrophe, the number and the word do not") {
                CHECK(io::csv_cells_of(out) == io::csv_cells::guarded);
                CHECK(out.str() == "'=1+1,'@SUM(A1),-0.5,plain\r\n");
            }
        }
        WHEN("the stream is set to raw cells") {
            std::ostringstream out;
            io::set_csv_cells(out, io::csv_cells::raw);
            io::write_csv_row(out, cells);
            THEN("every cell is written as it is") {
                CHECK(io::csv_cells_of(out) == io::csv_cells::raw);
                CHECK(out.str() == "=1+1,@SUM(A1),-0.5,plain\r\n");
            }
        }
        WHEN("a table is saved into a file with raw cells, and again with the default") {
            const std::filesystem::path dir = scratch("raw-cells");
            auto write = [&](std::ostream& out) { io::write_csv_row(out, cells); };
            io::save_csv(dir / "raw.csv", write, io::csv_cells::raw);
            io::save_csv(dir / "guarded.csv", write);
            THEN("the raw file holds the cells as they are, the other the guarded ones") {
                CHECK(exports_fixture::read_all((dir / "raw.csv").string()) ==
                      "=1+1,@SUM(A1),-0.5,plain\r\n");
                CHECK(exports_fixture::read_all((dir / "guarded.csv").string()) ==
                      "'=1+1,'@SUM(A1),-0.5,plain\r\n");
            }
        }
    }
}

SCENARIO("every figure is printed with the precision of its kind and never as a negative zero",
         "[io][csv]") {
    GIVEN("a kappa a hair below zero, as chance agreement gives") {
        const double kappa = -1e-12;
        THEN("text shows three decimals without a sign and files show a plain zero or the value") {
            CHECK(partnerqi::format_text(kappa, partnerqi::figure::statistic) == "0.000");
            CHECK(partnerqi::format_text(-0.0, partnerqi::figure::measure) == "0.000");
            CHECK(partnerqi::format_exact(-0.0) == "0");
            CHECK(partnerqi::format_change(-0.0001, partnerqi::figure::proportion) == "0.000");
        }
    }
    GIVEN("one figure of each kind") {
        THEN("counts are whole, shares and measures have 3 decimals, averages 1, percents none") {
            CHECK(partnerqi::format_text(12, partnerqi::figure::count) == "12");
            CHECK(partnerqi::format_text(0.25, partnerqi::figure::proportion) == "0.250");
            CHECK(partnerqi::format_text(1.5, partnerqi::figure::measure) == "1.500");
            CHECK(partnerqi::format_text(-0.4126, partnerqi::figure::statistic) == "-0.413");
            CHECK(partnerqi::format_text(62.54, partnerqi::figure::average) == "62.5");
            CHECK(partnerqi::format_text(0.254, partnerqi::figure::percent) == "25%");
            CHECK(partnerqi::format_change(0.125, partnerqi::figure::proportion) == "+0.125");
            CHECK(partnerqi::format_text(std::nan(""), partnerqi::figure::measure) == "n/a");
        }
    }
}

SCENARIO("measures are written in the shortest form that reads back exactly", "[io][csv]") {
    CHECK(partnerqi::format_exact(0.0) == "0");
    CHECK(partnerqi::format_exact(-0.0) == "0");
    CHECK(partnerqi::format_exact(2.0) == "2");
    CHECK(partnerqi::format_exact(0.25) == "0.25");
    const double ninth = 2.0 / 9.0;
    CHECK(std::strtod(partnerqi::format_exact(ninth).c_str(), nullptr) == ninth);
    CHECK(partnerqi::format_exact(1.0 / 6.0) == "0.16666666666666666");
}

SCENARIO("the metrics table gives every person's measures as worked out by hand", "[io][csv]") {
    GIVEN("the small illustrative study and its whole network") {
        const model::case_study study = small_study();
        const network::engagement_graph g(study);
        WHEN("the metrics are computed") {
            network::metrics_options two_threads;
            two_threads.threads = 2;
            const auto rows = network::metrics_of(study, g, two_threads);
            THEN("there is one row per person in code order with the hand-worked values") {
                REQUIRE(rows.size() == 7);
                CHECK(rows[0].code == "A-1");
                CHECK(rows[2].code == "M-FL");
                CHECK(rows[6].code == exports_fixture::odd_code);
                // M-FL: in 1, out 2, 1 event in, 3 out, on two of the pairs' paths
                CHECK(rows[2].in_degree == 1);
                CHECK(rows[2].out_degree == 2);
                CHECK(rows[2].weighted_in_degree == 1);
                CHECK(rows[2].weighted_out_degree == 3);
                CHECK(rows[2].betweenness == Approx(2.0));
                CHECK(rows[3].betweenness == Approx(2.0));
                CHECK(rows[5].betweenness == Approx(1.0));
                CHECK(rows[4].closeness == Approx(0.25));
                CHECK(rows[1].closeness == Approx(2.0 / 9.0));
                CHECK(rows[6].closeness == 0.0);
                CHECK(rows[0].weak_component == 0);
                CHECK(rows[1].weak_component == 1);
                CHECK(rows[6].organization == "HCO, \"east\"");
            }
            THEN(
                "steps to a top-level manager follow the reporting chain and are unknown without "
                "one") {
                CHECK(rows[4].steps_to_top_manager == std::optional<std::size_t>(0));  // M-TOP
                CHECK(rows[3].steps_to_top_manager == std::optional<std::size_t>(1));  // M-MID
                CHECK(rows[2].steps_to_top_manager == std::optional<std::size_t>(2));  // M-FL
                CHECK(rows[0].steps_to_top_manager == std::optional<std::size_t>(3));
                CHECK_FALSE(rows[1].steps_to_top_manager.has_value());
                CHECK_FALSE(rows[5].steps_to_top_manager.has_value());                 // P-1
            }
        }
    }
}

SCENARIO("the metrics CSV matches the golden table", "[io][csv][golden]") {
    GIVEN("the small illustrative study") {
        const model::case_study study = small_study();
        const network::engagement_graph g(study);
        WHEN("its metrics are written as CSV") {
            std::ostringstream out;
            io::write_metrics_csv(out, network::metrics_of(study, g));
            THEN("the text equals tests/data/golden-exports/small-metrics.csv byte for byte") {
                CHECK(matches_golden("small-metrics.csv", out.str()));
            }
            THEN("the header names the thirteen columns and unknown values are empty fields") {
                const std::string text = out.str();
                CHECK(text.rfind("code,role,tier,organization,provenance,in_degree,out_degree,"
                                 "weighted_in_degree,weighted_out_degree,betweenness,closeness,"
                                 "weak_component,steps_to_top_manager\r\n",
                                 0) == 0);
                CHECK(text.find("A-2,patient-advisor,,HCO-T,illustrative,1,0,1,0,0,"
                                "0.2222222222222222,1,\r\n") != std::string::npos);
            }
            THEN("each person's row carries the provenance of their record") {
                const std::string text = out.str();
                CHECK(text.find("\nM-TOP,manager,top-level,HCO-T,reported,") != std::string::npos);
                CHECK(text.find("\nP-1,provider,,HCO-T,user-entered,") != std::string::npos);
                CHECK(text.find("\nM-FL,manager,front-line,HCO-T,illustrative,") !=
                      std::string::npos);
            }
        }
        WHEN("the metrics are shown as text for a terminal") {
            const std::string text = io::metrics_text(network::metrics_of(study, g));
            THEN("each person is a line, with a dash for what is unknown") {
                CHECK(count_of(text, "\n") == 9);  // header, rule, seven people
                CHECK(text.find("M-TOP") != std::string::npos);
                CHECK(text.find("2.000") != std::string::npos);
            }
            THEN("each person's line shows the provenance of their record") {
                CHECK(text.find("provenance") != std::string::npos);
                CHECK(count_of(text, " illustrative ") == 5);
                CHECK(count_of(text, " reported ") == 1);
                CHECK(count_of(text, " user-entered ") == 1);
            }
        }
    }
}

SCENARIO("DOT labels show backslashes, quotes and line breaks as they are", "[io][dot]") {
    CHECK(io::dot_escape("plain") == "plain");
    CHECK(io::dot_escape("a\"b") == "a\\\"b");
    CHECK(io::dot_escape("back\\slash") == "back\\\\slash");
    CHECK(io::dot_escape("two\nlines") == "two\\nlines");
    CHECK(io::dot_escape("tab\there\r") == "tabhere");
}

SCENARIO("the DOT picture puts tiers in ranks, marks advisors and styles ties by level",
         "[io][dot]") {
    GIVEN("the small illustrative study") {
        const model::case_study study = small_study();
        const network::engagement_graph g(study);
        WHEN("its network is written as DOT") {
            const std::string dot = io::to_dot(study, g);
            THEN("the text equals tests/data/golden-exports/small.dot byte for byte") {
                CHECK(matches_golden("small.dot", dot));
            }
            THEN("each tier is a rank=same group and the ranks are chained top to bottom") {
                CHECK(count_of(dot, "rank=same;") == 5);
                CHECK(dot.find("r0 -> r1 -> r2 -> r3 -> r4 [style=invis") != std::string::npos);
                // M-TOP is vertex 4 and sits in the top-level rank (rank0)
                const auto rank0 = dot.find("subgraph rank0");
                const auto rank1 = dot.find("subgraph rank1");
                const auto top = dot.find("p4 [label=\"M-TOP\"");
                CHECK(rank0 < top);
                CHECK(top < rank1);
            }
            THEN("advisors are orange ellipses and managers boxes") {
                CHECK(
                    dot.find(
                        "p0 [label=\"A-1\", shape=ellipse, style=filled, fillcolor=\"#f4a261\"") !=
                    std::string::npos);
                CHECK(dot.find("p4 [label=\"M-TOP\", shape=box") != std::string::npos);
            }
            THEN("information is dotted, consultation dashed, partnership bold") {
                CHECK(dot.find("p3 -> p4 [style=dotted") != std::string::npos);
                CHECK(dot.find("p0 -> p2 [style=dashed") != std::string::npos);
                CHECK(dot.find("p2 -> p0 [style=bold, label=\"2\"") != std::string::npos);
            }
            THEN("the odd code is escaped and the display names stay out") {
                CHECK(dot.find("label=\"X \\\"quoted\\\", \\\\odd\"") != std::string::npos);
                CHECK(dot.find("Ada") == std::string::npos);
            }
        }
        WHEN("display names are asked for") {
            io::dot_options options;
            options.show_names = true;
            options.title = "Caption";
            const std::string dot = io::to_dot(study, g, options);
            THEN(
                "the name shows under the code, its line break escaped, under the given caption "
                "which still says the network includes illustrative records") {
                CHECK(dot.find("label=\"A-1\\nAda\\nLine\"") != std::string::npos);
                CHECK(dot.find("graph [label=\"Caption (includes illustrative records)\"") !=
                      std::string::npos);
            }
        }
        WHEN("a collaboration tie is on its own") {
            network::graph_filter only_prepares;
            only_prepares.kinds = {model::engagement_kind::prepares};
            const std::string dot =
                io::to_dot(study, network::engagement_graph(study, only_prepares));
            THEN("it is drawn solid") {
                CHECK(dot.find("p2 -> p0 [style=solid") != std::string::npos);
            }
        }
    }
}

SCENARIO("a picture tells invented people and ties apart from reported ones", "[io][dot]") {
    GIVEN("the small study, whose provenance is mixed") {
        const model::case_study study = small_study();
        const network::engagement_graph g(study);
        WHEN("its network is drawn") {
            const std::string dot = io::to_dot(study, g);
            THEN("the title says that the picture includes illustrative records") {
                CHECK(dot.find("graph [label=\"Illustrative export study (includes illustrative "
                               "records)\\n2015-01-01/2017-12-31\"") != std::string::npos);
            }
            THEN("each person's tooltip ends with the provenance of their record") {
                CHECK(dot.find("tooltip=\"top-level manager; reported\"") != std::string::npos);
                CHECK(dot.find("tooltip=\"provider; user-entered\"") != std::string::npos);
                CHECK(dot.find("tooltip=\"patient-advisor; illustrative\"") != std::string::npos);
            }
            THEN("a tie's tooltip ends with the weakest provenance of its engagements") {
                CHECK(dot.find("2016-02-01 to 2016-05-01; illustrative\"") != std::string::npos);
                CHECK(dot.find("2016-04-15 to 2016-04-15; user-entered\"") != std::string::npos);
            }
        }
    }
    GIVEN("a study whose records were all entered by its user") {
        model::builder b{"Entered study", model::date_window::years(2016, 2016)};
        b.organization("H");
        b.advisor("A").of("H");
        b.manager("M", model::management_tier::front_line).of("H");
        b.engagement("M", "A").on("2016-03-01").kind(model::engagement_kind::prepares);
        const model::case_study study = b.build();
        WHEN("its network is drawn") {
            const std::string dot = io::to_dot(study, network::engagement_graph(study));
            THEN("the title is the study's own, with no note") {
                CHECK(dot.find("graph [label=\"Entered study\\n2016-01-01/2016-12-31\"") !=
                      std::string::npos);
                CHECK(dot.find("illustrative") == std::string::npos);
            }
        }
    }
}

SCENARIO("the ties CSV lists every tie with its engagements and provenance", "[io][csv]") {
    GIVEN("the small study") {
        const model::case_study study = small_study();
        const network::engagement_graph g(study);
        WHEN("its ties are written as CSV") {
            std::ostringstream out;
            io::write_ties_csv(out, g);
            const std::string text = out.str();
            THEN("the header names the two people and the tie's columns, one row per tie") {
                CHECK(text.rfind("source,target,count,level,first,last,kinds,provenance\r\n", 0) ==
                      0);
                CHECK(count_of(text, "\r\n") == 1 + g.num_ties());
            }
            THEN("a tie of mixed provenance is as weak as its weakest engagement") {
                CHECK(text.find("\r\nM-FL,A-1,2,partnership,2016-02-01,2016-05-01,\"prepares,"
                                "supports\",illustrative\r\n") != std::string::npos);
                CHECK(text.find("\r\nM-MID,M-TOP,1,information,2016-04-15,2016-04-15,reports-to,"
                                "user-entered\r\n") != std::string::npos);
            }
            THEN("codes that need quoting are quoted") {
                CHECK(text.find("\r\n\"X \"\"quoted\"\", \\odd\",P-1,") != std::string::npos);
            }
        }
    }
}

SCENARIO("Graphviz renders the picture as SVG and PNG when it is installed",
         "[io][dot][graphviz]") {
    if (!io::find_graphviz_dot()) {
        WARN("Graphviz's dot is not installed: rendering is not checked");
        return;
    }
    GIVEN("the DOT of the small study") {
        const model::case_study study = small_study();
        const std::string dot = io::to_dot(study, network::engagement_graph(study));
        const auto dir = scratch("render");
        WHEN("it is rendered as SVG and as PNG") {
            io::render(dot, io::picture_format::svg, dir / "small.svg");
            io::render(dot, io::picture_format::png, dir / "small.png");
            THEN("the SVG holds every code and the PNG starts with the PNG signature") {
                const std::string svg = exports_fixture::read_all((dir / "small.svg").string());
                CHECK(svg.find("<svg") != std::string::npos);
                CHECK(svg.find("TOP</text>") != std::string::npos);  // Graphviz writes "-" as &#45;
                const std::string png = exports_fixture::read_all((dir / "small.png").string());
                CHECK(png.rfind("\x89PNG\r\n", 0) == 0);
            }
            THEN("no temporary file is left behind") {
                std::size_t files = 0;
                for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir))
                    ++files;
                CHECK(files == 2);
            }
        }
    }
}

SCENARIO("a failed rendering says why and leaves no picture", "[io][dot][graphviz]") {
    const auto dir = scratch("render-failure");
    GIVEN("a dot program that does not exist") {
        io::render_options options;
        options.dot_program = dir / "no-such-dot";
        THEN("rendering is refused with a save error and nothing is written") {
            CHECK_THROWS_AS(
                io::render("digraph {}", io::picture_format::svg, dir / "x.svg", options),
                partnerqi::save_error);
            CHECK(std::filesystem::is_empty(dir));
        }
    }
    GIVEN("a PATH without Graphviz") {
        const char* old = std::getenv("PATH");
        const std::string saved = old ? old : "";
        ::setenv("PATH", dir.c_str(), 1);
        const bool found = io::find_graphviz_dot().has_value();
        std::string message;
        try {
            io::render("digraph {}", io::picture_format::svg, dir / "x.svg");
        } catch (const partnerqi::save_error& e) {
            message = e.what();
        }
        ::setenv("PATH", saved.c_str(), 1);
        THEN("dot is not found and the message says to install Graphviz") {
            CHECK_FALSE(found);
            CHECK(message.find("Graphviz") != std::string::npos);
            CHECK(message.find("apt-get install graphviz") != std::string::npos);
        }
    }
    GIVEN("DOT text that Graphviz cannot read") {
        if (!io::find_graphviz_dot()) return;
        std::string message;
        try {
            io::render("digraph { a -> ", io::picture_format::svg, dir / "broken.svg");
        } catch (const partnerqi::save_error& e) {
            message = e.what();
        }
        THEN("the error names the picture and quotes Graphviz, and nothing is left behind") {
            CHECK(message.find("broken.svg") != std::string::npos);
            CHECK(message.find("failed") != std::string::npos);
            CHECK(std::filesystem::is_empty(dir));
        }
    }
}

SCENARIO("exports are written into files in one step", "[io][files]") {
    GIVEN("the small illustrative study and an empty directory") {
        const model::case_study study = small_study();
        const network::engagement_graph g(study);
        const auto dir = scratch("files");
        WHEN("the picture, the GraphML, the GEXF, the metrics and the ties tables are saved") {
            io::save_picture(study, g, io::picture_format::dot, dir / "net.dot");
            io::save_graphml(dir / "net.graphml", study, g);
            io::save_gexf(dir / "net.gexf", study, g);
            io::save_metrics_csv(dir / "metrics.csv", network::metrics_of(study, g));
            io::save_ties_csv(dir / "ties.csv", g);
            THEN("each file holds exactly what the stream writers give, and nothing else is left") {
                CHECK(exports_fixture::read_all((dir / "net.dot").string()) ==
                      io::to_dot(study, g));
                std::ostringstream graphml;
                io::write_graphml(graphml, study, g);
                CHECK(exports_fixture::read_all((dir / "net.graphml").string()) == graphml.str());
                std::ostringstream gexf;
                io::write_gexf(gexf, study, g);
                CHECK(exports_fixture::read_all((dir / "net.gexf").string()) == gexf.str());
                std::ostringstream ties;
                io::write_ties_csv(ties, g);
                CHECK(exports_fixture::read_all((dir / "ties.csv").string()) == ties.str());
                CHECK(matches_golden("small-metrics.csv",
                                     exports_fixture::read_all((dir / "metrics.csv").string())));
                std::size_t files = 0;
                for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir))
                    ++files;
                CHECK(files == 5);
            }
        }
        WHEN("a table is saved into a directory that does not exist") {
            THEN("a save error names the file") {
                std::string message;
                try {
                    io::save_csv(dir / "missing" / "t.csv",
                                 [](std::ostream& out) { out << "a\r\n"; });
                } catch (const partnerqi::save_error& e) {
                    message = e.what();
                }
                CHECK(message.find("t.csv") != std::string::npos);
            }
        }
    }
}

SCENARIO("sampled betweenness is exact when every person is a source", "[io][csv]") {
    const model::case_study study = small_study();
    const network::engagement_graph g(study);
    network::metrics_options sampled;
    sampled.betweenness_pivots = 7;  // all seven people: Brandes over every source
    const auto rows = network::metrics_of(study, g, sampled);
    CHECK(rows[2].betweenness == Approx(2.0));  // M-FL, as worked out by hand
    CHECK(rows[5].betweenness == Approx(1.0));  // P-1
}
