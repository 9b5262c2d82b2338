// What a reader sees: the profile of a study team by team, each advisor's voice path, the
// practice catalog and its adoption, and text that fits 100 columns.
#include <sstream>
#include <string>

#include <support/catch.hpp>

#include "partnerqi/analysis/catalog.hpp"
#include "partnerqi/analysis/profile.hpp"
#include "partnerqi/analysis/summary.hpp"
#include "partnerqi/model/practice_catalog.hpp"
#include "partnerqi/model/seed_study.hpp"
#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/reach.hpp"

#include "mini_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
using partnerqi::test::built;
using partnerqi::test::mini_study;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::size_t widest_line(const std::string& text) {
    std::size_t widest = 0;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        widest = std::max(widest, line.size());
    return widest;
}

}  // namespace

SCENARIO("the profile tells what each team works on and who is on it") {
    GIVEN("the seed study with its illustrative detail") {
        const case_study study = seed_study_illustrated();
        const analysis::case_study_profile p = analysis::profile(study);
        WHEN("it is printed") {
            const std::string text = analysis::to_text(p);
            THEN("the two teams show their clinical areas, mental health and oncology") {
                CHECK(has(text, "QI team T1-MH"));
                CHECK(has(text, "clinical area: mental health"));
                CHECK(has(text, "clinical area: oncology"));
            }
            THEN("members are listed by role with their codes, and the waves with their windows") {
                CHECK(has(text, "patient-advisor (2): C1-PA1"));
                CHECK(has(text, "manager mid-level (1): C1-PM"));
                CHECK(has(text, "Wave W1: 2015-01-01/2015-12-31"));
            }
            THEN("no line is wider than 100 columns") { CHECK(widest_line(text) <= 100); }
        }
    }
    GIVEN("a team whose advisor has a display name") {
        builder b = mini_study();
        b.advisor("PA-1").of("ORG").display_name("Ada");
        b.team("T").of("ORG").member("PA-1");
        const built m{b.build()};
        const analysis::case_study_profile p = analysis::profile(m.s);
        THEN("the name is printed only when asked for") {
            CHECK_FALSE(has(analysis::to_text(p), "Ada"));
            analysis::profile_text_options names;
            names.names = true;
            CHECK(has(analysis::to_text(p, names), "PA-1 \"Ada\""));
        }
    }
}

SCENARIO("each advisor's voice path to a decision-maker is written out, or why there is none") {
    GIVEN("A1 heard by a mid-level manager through a provider, and A2 with no engagement") {
        builder b = mini_study();
        b.manager("MID", management_tier::mid_level).of("ORG");
        b.provider("DOC").of("ORG");
        b.advisor("A1").of("ORG");
        b.advisor("A2").of("ORG");
        b.engagement("A1", "DOC")
            .kind(engagement_kind::gives_feedback_to)
            .level(engagement_level::collaboration)
            .on("2020-02-01");
        b.engagement("DOC", "MID")
            .kind(engagement_kind::reports_to)
            .level(engagement_level::information)
            .on("2020-03-01");
        const built m{b.build()};
        const network::engagement_graph g(m.s);
        WHEN("the paths to a top-level or mid-level manager are written") {
            const auto lines = network::voice_paths_text(
                g, {management_tier::top_level, management_tier::mid_level});
            THEN("A1's path names each person and role, and A2's line says why it has none") {
                REQUIRE(lines.size() == 2);
                CHECK(lines[0] ==
                      "A1 (patient-advisor) -> DOC (provider) -> MID (manager, mid-level)");
                CHECK(has(lines[1], "A2: no voice path to a top-level or mid-level manager"));
                CHECK(has(lines[1], "no engagement recorded for A2"));
            }
            THEN("the path is the one voice_path_text gives advisor by advisor") {
                CHECK(lines[0] == network::voice_path_text(
                                      g, m.person("A1"),
                                      {management_tier::top_level, management_tier::mid_level}));
            }
        }
        WHEN("the whole summary is printed") {
            const std::string text = analysis::to_text(analysis::summary(m.s));
            THEN("it lists the voice paths under the network") {
                CHECK(has(text, "voice paths of the advisors to a decision-maker"));
                CHECK(has(text, "A1 (patient-advisor) -> DOC (provider)"));
            }
        }
    }
}

SCENARIO("the practice catalog lists its codes, and an adopted catalog says where it came from") {
    GIVEN("the default catalog") {
        const auto catalog = default_practice_catalog();
        THEN("its text names every code within 100 columns and its source") {
            const std::string text = analysis::catalog_text(catalog);
            for (const practice& p : catalog)
                CHECK(has(text, p.code));
            CHECK(has(text, "library heuristic"));
            CHECK(widest_line(text) <= 100);
        }
        THEN("its CSV has one row per practice under the documented header") {
            std::ostringstream out;
            analysis::write_catalog_csv(out, catalog);
            CHECK(out.str().rfind("code,category,tier,name,description,provenance,source\r\n"
                                  "DES-vision,designing,every,define a partnership vision,",
                                  0) == 0);
        }
    }
    GIVEN("a user's own study") {
        case_study s{"x", date_window::years(2015, 2017)};
        WHEN("the default catalog is adopted") {
            add_default_practice_catalog(s);
            const practice& p = s.get(s.require<practice>("MAN-prepare"));
            THEN("the practices are user-entered and their descriptions name their origin") {
                CHECK(p.provenance == provenance::user_entered);
                CHECK(has(p.description, std::string(practice_catalog_origin)));
            }
            THEN("the listing still knows them as the default catalog's") {
                CHECK(has(analysis::catalog_text(s.all<practice>()), "default catalog"));
                CHECK_FALSE(has(analysis::catalog_text(s.all<practice>()), "case study"));
            }
        }
        WHEN("a builder adopts it with the user's default provenance") {
            builder b{"y", date_window::years(2015, 2017)};
            b.adopt_default_practice_catalog();
            const case_study built_study = b.build();
            THEN("the practices are user-entered too") {
                CHECK(built_study.get(built_study.require<practice>("DES-vision")).provenance ==
                      provenance::user_entered);
            }
        }
    }
}
