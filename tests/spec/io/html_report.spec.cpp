// Specification of the HTML report: one self-contained page per case study, with the
// provenance, the not-assessable states and every text of the study escaped. The page is read
// in a real browser by tests/html/render_in_chromium.cmake; here its markup is read as text.
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

#include <support/catch.hpp>

#include <partnerqi/analysis/summary.hpp>
#include <partnerqi/error.hpp>
#include <partnerqi/io/html_report.hpp>
#include <partnerqi/model/builder.hpp>
#include <partnerqi/model/seed_study.hpp>

namespace analysis = partnerqi::analysis;
namespace io = partnerqi::io;
namespace model = partnerqi::model;

namespace {

std::string page_of(const model::case_study& study) {
    return io::to_html(study, analysis::summary(study));
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

// The levels of the headings h1 to h6, in document order.
std::vector<int> heading_levels(const std::string& page) {
    std::vector<int> levels;
    const std::regex heading("<h([1-6])[ >]");
    for (auto it = std::sregex_iterator(page.begin(), page.end(), heading);
         it != std::sregex_iterator(); ++it)
        levels.push_back((*it)[1].str()[0] - '0');
    return levels;
}

// A study whose organization, team and advisor carry markup in their names and codes.
model::case_study hostile_study() {
    model::builder b{"<b>Hostile</b> study", model::date_window::years(2020, 2021)};
    b.default_provenance(model::provenance::user_entered);
    b.organization("ORG").name("<script>alert(\"org\")</script> & partners");
    b.advisor("<script>alert('pa')</script>").of("ORG");
    b.manager("M-TOP", model::management_tier::top_level).of("ORG");
    b.team("T-<i>1</i>").of("ORG").member("<script>alert('pa')</script>").member("M-TOP");
    b.engagement("M-TOP", "<script>alert('pa')</script>")
        .kind(model::engagement_kind::consults)
        .level(model::engagement_level::consultation)
        .on("2020-05-01");
    return b.build();
}

}  // namespace

SCENARIO("The HTML report of the demo study is one offline page in reading order", "[io][html]") {
    GIVEN("the seed study with its illustrative detail") {
        const model::case_study study = model::seed_study_illustrated();
        WHEN("its page is made") {
            const std::string page = page_of(study);
            THEN("it is an HTML5 document in UTF-8 that may fetch nothing") {
                CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
                CHECK(page.find("<meta charset=\"utf-8\">") != std::string::npos);
                CHECK(page.find("content=\"default-src 'none'; style-src 'unsafe-inline'; "
                                "img-src data:\"") != std::string::npos);
                CHECK(page.find("<script") == std::string::npos);
                CHECK(page.find("<link") == std::string::npos);
                CHECK(page.find("src=") == std::string::npos);
                CHECK(page.find("href=\"http") == std::string::npos);
                CHECK(page.find("url(http") == std::string::npos);
            }
            THEN("the sections come in the order a reader needs them") {
                const std::vector<std::string> sections{">The study and its provenance</h2>",
                                                        ">The engagement network by tier</h2>",
                                                        ">Practices by tier</h2>",
                                                        ">Tokenism audit</h2>",
                                                        ">Voice paths to decision-makers</h2>",
                                                        ">Evaluation loop</h2>",
                                                        ">Waves and cases side by side</h2>",
                                                        ">Agreement between coders</h2>",
                                                        ">Sources</h2>"};
                std::size_t last = 0;
                for (const std::string& s : sections) {
                    const std::size_t at = page.find(s);
                    INFO(s);
                    REQUIRE(at != std::string::npos);
                    CHECK(at > last);
                    last = at;
                }
            }
            THEN("headings go down one level at a time from a single h1") {
                const std::vector<int> levels = heading_levels(page);
                REQUIRE_FALSE(levels.empty());
                CHECK(levels.front() == 1);
                CHECK(count_of(page, "<h1") == 1);
                for (std::size_t i = 1; i < levels.size(); ++i) {
                    INFO("heading " << i);
                    CHECK(levels[i] <= levels[i - 1] + 1);
                }
            }
            THEN("every table has a caption and header cells with a scope") {
                const std::size_t tables = count_of(page, "<table");
                CHECK(tables >= 10);
                CHECK(count_of(page, "<caption>") == tables);
                CHECK(count_of(page, "<th scope=\"col\">") >= tables);
                CHECK(count_of(page, "<th>") == 0);
            }
            THEN("every picture has a title and a description") {
                const std::size_t pictures = count_of(page, "role=\"img\"");
                CHECK(pictures == 2);
                CHECK(count_of(page, "<title id=\"") == pictures);
                CHECK(count_of(page, "<desc id=\"") == pictures);
            }
            THEN("a banner says that some records are illustrative, with their number") {
                const analysis::case_study_profile p = analysis::profile(study);
                const std::size_t illustrative = p.records_by_provenance[static_cast<std::size_t>(
                    model::provenance::illustrative)];
                REQUIRE(illustrative > 0);
                CHECK(page.find("class=\"banner\"") != std::string::npos);
                CHECK(page.find(std::to_string(illustrative) +
                                " records of this study are illustrative") != std::string::npos);
            }
            THEN("each team's clinical area and unit show, as the info command prints them") {
                const analysis::case_study_profile p = analysis::profile(study);
                REQUIRE_FALSE(p.teams.empty());
                for (const analysis::team_profile& t : p.teams) {
                    INFO("team " << t.code);
                    REQUIRE_FALSE(t.clinical_area.empty());
                    CHECK(page.find("<td>" + t.clinical_area + "</td>") != std::string::npos);
                    CHECK(page.find("<td>" + t.unit + "</td>") != std::string::npos);
                }
            }
            THEN("the audit carries its disclaimer and the sentence of the text report") {
                CHECK(page.find("These indicators are library heuristics drawn from the "
                                "literature") != std::string::npos);
                const analysis::study_summary s = analysis::summary(study);
                const analysis::audit_summary a = analysis::summarize(s.audit);
                const std::string sentence =
                    std::to_string(a.flagged_teams) + " of " + std::to_string(a.teams) +
                    " teams and " + std::to_string(a.flagged_advisors) + " of " +
                    std::to_string(a.advisors) + " advisors have at least one indicator flagged.";
                CHECK(page.find(sentence) != std::string::npos);
                CHECK(analysis::to_text(s).find(sentence) != std::string::npos);
            }
            THEN("a print stylesheet starts each major section on a new page") {
                CHECK(page.find("@media print") != std::string::npos);
                CHECK(page.find("break-before:page") != std::string::npos);
                CHECK(page.find("tr,.chip,li{break-inside:avoid") != std::string::npos);
            }
        }
    }
}

SCENARIO("The HTML report shows what could not be assessed and where the records come from",
         "[io][html]") {
    GIVEN("the seed study's reported facts alone") {
        const model::case_study study = model::seed_study_reported();
        WHEN("its page is made") {
            const std::string page = page_of(study);
            THEN("no banner claims illustrative records") {
                CHECK(page.find("class=\"banner\"") == std::string::npos);
            }
            THEN("the provenance table counts reported records") {
                CHECK(page.find("<caption>Records by provenance</caption>") != std::string::npos);
                CHECK(page.find("<th scope=\"row\">reported</th>") != std::string::npos);
            }
            THEN("indicators without data are marked not assessable, with the data they need") {
                CHECK(page.find("? not assessable</span>") != std::string::npos);
                CHECK(page.find("no engagement recorded for C1-PA1 in 2015-01-01/2017-12-31") !=
                      std::string::npos);
                CHECK(page.find("not assessable: no practice enactment recorded") !=
                      std::string::npos);
            }
        }
    }
}

SCENARIO("Names that hold markup are shown as text, never run as markup", "[io][html]") {
    GIVEN("an organization, a team and an advisor whose names hold script and markup") {
        const model::case_study study = hostile_study();
        WHEN("the page is made") {
            const std::string page = page_of(study);
            THEN("no script element or injected tag appears") {
                CHECK(page.find("<script") == std::string::npos);
                CHECK(page.find("<i>1</i>") == std::string::npos);
                CHECK(page.find("<b>Hostile</b>") == std::string::npos);
            }
            THEN("the names are there, escaped") {
                CHECK(page.find("&lt;script&gt;alert(&quot;org&quot;)&lt;/script&gt; &amp; "
                                "partners") != std::string::npos);
                CHECK(page.find("&lt;script&gt;alert(&#39;pa&#39;)&lt;/script&gt;") !=
                      std::string::npos);
                CHECK(page.find("T-&lt;i&gt;1&lt;/i&gt;") != std::string::npos);
                CHECK(page.find("<title>Partnership report: &lt;b&gt;Hostile&lt;/b&gt; "
                                "study</title>") != std::string::npos);
            }
        }
    }
}

SCENARIO("A large network is drawn by tier, not person by person", "[io][html]") {
    GIVEN("the demo study and a limit below its number of people") {
        const model::case_study study = model::seed_study_illustrated();
        io::html_options options;
        options.max_drawn_people = 3;
        WHEN("the page is made") {
            const std::string page = io::to_html(study, analysis::summary(study), options);
            THEN("the picture shows the tiers with their tie counts and says so") {
                CHECK(page.find("Engagement network by tier, aggregated") != std::string::npos);
                CHECK(page.find("so the picture shows one node per tier") != std::string::npos);
                CHECK(page.find("<caption>Ties between tiers") != std::string::npos);
            }
        }
    }
}

SCENARIO("The HTML report is written atomically and can be cancelled", "[io][html]") {
    GIVEN("the demo study and a file that already holds an older page") {
        const model::case_study study = model::seed_study_illustrated();
        const analysis::study_summary s = analysis::summary(study);
        const std::filesystem::path file =
            std::filesystem::current_path() / "scratch-html-report.html";
        {
            std::ofstream old(file);
            old << "older page";
        }
        WHEN("the report is cancelled before it starts") {
            partnerqi::cancellation_flag stop;
            stop.raise();
            partnerqi::run_control control;
            control.cancel = &stop;
            THEN("it stops and the older page stays as it was") {
                CHECK_THROWS_AS(io::write_html_report(study, s, file, {}, control),
                                partnerqi::cancelled);
                std::ifstream in(file);
                CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "older page");
            }
        }
        WHEN("the report is written with progress watched") {
            std::size_t reports = 0;
            partnerqi::run_control control;
            control.progress = [&](const partnerqi::progress_report& r) {
                CHECK(r.step == "writing the HTML report");
                ++reports;
            };
            io::write_html_report(study, s, file, {}, control);
            THEN("the file holds the page to_html() makes, and progress was reported") {
                std::ifstream in(file);
                CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == io::to_html(study, s));
                CHECK(reports >= 2);
            }
        }
        std::filesystem::remove(file);
    }
}
