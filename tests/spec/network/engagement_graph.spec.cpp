// The who-engages-whom network: who is a vertex, how engagement events become ties, filters,
// determinism, and refused requests.
#include <algorithm>

#include <boost/range/iterator_range.hpp>

#include <support/catch.hpp>

#include <partnerqi/network/engagement_graph.hpp>

#include "network_fixtures.hpp"

using namespace partnerqi;
using model::engagement_kind;
using model::engagement_level;
using model::management_tier;
using model::person_role;
using network::engagement_graph;
using network::graph_filter;
using network_fixtures::built;
using network_fixtures::consults;
using network_fixtures::illustrative_study;

SCENARIO("parallel engagement events between two people become one tie that aggregates them",
         "[network][graph]") {
    GIVEN("an advisor consulted three times by a manager, on three dates, at three levels") {
        model::builder lines = illustrative_study();
        lines.manager("M-MID", management_tier::mid_level).of("HCO-T");
        lines.advisor("PA-1").of("HCO-T");
        consults(lines, "M-MID", "PA-1", "2016-03-01");
        lines.engagement("M-MID", "PA-1")
            .on("2015-06-01")
            .kind(engagement_kind::informs)
            .level(engagement_level::information);
        lines.engagement("M-MID", "PA-1")
            .on("2017-01-10")
            .kind(engagement_kind::co_designs_with)
            .level(engagement_level::collaboration);
        const built b{lines.build()};
        const auto m = b.person("M-MID"), a = b.person("PA-1");
        WHEN("the network of the whole study is built") {
            engagement_graph g(b.study);
            THEN("there is one tie, from the manager to the advisor, carrying all three events") {
                REQUIRE(g.num_people() == 2);
                REQUIRE(g.num_ties() == 1);
                CHECK(g.num_events() == 3);
                auto t = g.tie_between(m, a);
                REQUIRE(t.has_value());
                CHECK(t->events == 3);
                // first is the earliest date and last the latest, whatever the order of entry
                CHECK(t->first.to_iso() == "2015-06-01");
                CHECK(t->last.to_iso() == "2017-01-10");
                CHECK(t->strongest == engagement_level::collaboration);
                CHECK(t->has_kind(engagement_kind::informs));
                CHECK(t->has_kind(engagement_kind::consults));
                CHECK(t->has_kind(engagement_kind::co_designs_with));
                CHECK_FALSE(t->has_kind(engagement_kind::recruits));
                CHECK(t->index == 0);
            }
            THEN("there is no tie the other way") { CHECK_FALSE(g.tie_between(a, m).has_value()); }
        }
    }
}

SCENARIO("a tie is as trustworthy as its weakest engagement and knows the days of its events",
         "[network][graph][provenance]") {
    GIVEN(
        "a manager who engaged an advisor twice on one day and once later, one of the three "
        "invented, and a reported tie the other way") {
        model::builder lines = illustrative_study();
        lines.default_provenance(model::provenance::reported);
        lines.manager("M-MID", management_tier::mid_level).of("HCO-T");
        lines.advisor("PA-1").of("HCO-T").provenance(model::provenance::user_entered);
        consults(lines, "M-MID", "PA-1", "2016-03-01");
        consults(lines, "M-MID", "PA-1", "2016-03-01").kind(engagement_kind::informs);
        consults(lines, "M-MID", "PA-1", "2015-06-01").provenance(model::provenance::illustrative);
        consults(lines, "PA-1", "M-MID", "2017-02-02");
        const built b{lines.build()};
        const auto m = b.person("M-MID"), a = b.person("PA-1");
        WHEN("the network of the whole study is built") {
            const engagement_graph g(b.study);
            THEN("the manager's tie is illustrative and the advisor's tie reported") {
                CHECK(g.tie_between(m, a)->provenance == model::provenance::illustrative);
                CHECK(g.tie_between(a, m)->provenance == model::provenance::reported);
            }
            THEN("each person carries the provenance of their record") {
                CHECK(g.person(*g.vertex_of(a)).provenance == model::provenance::user_entered);
                CHECK(g.person(*g.vertex_of(m)).provenance == model::provenance::reported);
            }
            THEN("the days of each tie are its distinct engagement days, in order") {
                const network::tie_days days = network::days_of_ties(b.study, g);
                REQUIRE(days.start.size() == g.num_ties() + 1);
                const auto first = g.tie_between(m, a)->index;
                REQUIRE(days.start[first + 1] - days.start[first] == 2);
                CHECK(days.days[days.start[first]].to_iso() == "2015-06-01");
                CHECK(days.days[days.start[first] + 1].to_iso() == "2016-03-01");
                const auto back = g.tie_between(a, m)->index;
                REQUIRE(days.start[back + 1] - days.start[back] == 1);
                CHECK(days.days[days.start[back]].to_iso() == "2017-02-02");
            }
        }
        WHEN("the network of 2016 and 2017 only is built") {
            graph_filter later;
            later.window = model::date_window::years(2016, 2017);
            const engagement_graph g(b.study, later);
            THEN("the invented event is outside it, so the tie is reported and has one day") {
                CHECK(g.tie_between(m, a)->provenance == model::provenance::reported);
                const network::tie_days days = network::days_of_ties(b.study, g);
                const auto first = g.tie_between(m, a)->index;
                CHECK(days.start[first + 1] - days.start[first] == 1);
                CHECK(days.days.size() == 2);
            }
        }
    }
}

SCENARIO("every person is a vertex by default, and only active people when asked",
         "[network][graph]") {
    GIVEN("two advisors, one engaged by a manager and one nobody engaged") {
        model::builder lines = illustrative_study();
        lines.manager("M-TOP", management_tier::top_level).of("HCO-T");
        lines.advisor("PA-1").of("HCO-T");
        lines.advisor("PA-2").of("HCO-T");
        consults(lines, "M-TOP", "PA-1");
        const built b{lines.build()};
        const auto m = b.person("M-TOP"), a1 = b.person("PA-1"), a2 = b.person("PA-2");
        THEN("by default the isolated advisor is a vertex too") {
            engagement_graph g(b.study);
            CHECK(g.num_people() == 3);
            CHECK(g.vertex_of(a2).has_value());
        }
        THEN("with only_active, the isolated advisor is left out") {
            graph_filter f;
            f.only_active = true;
            engagement_graph g(b.study, f);
            CHECK(g.num_people() == 2);
            CHECK_FALSE(g.vertex_of(a2).has_value());
            REQUIRE(g.tie_between(m, a1).has_value());
            CHECK(g.tie_between(m, a1)->events == 1);
        }
    }
}

SCENARIO("the network is built in canonical order whatever the order records were entered",
         "[network][graph]") {
    // Vertices sorted by code, ties by (source, target): the same study entered in two orders
    // gives the same vertex order and the same ties.
    auto fill = [](bool reversed) {
        model::builder b = illustrative_study();
        std::vector<std::string> codes = {"C-PROV", "A-PA", "M-TOP", "B-PA"};
        if (reversed) std::reverse(codes.begin(), codes.end());
        for (const auto& c : codes) {
            if (c == "M-TOP")
                b.manager(c, management_tier::top_level).of("HCO-T");
            else
                b.person(c, c == "C-PROV" ? person_role::provider : person_role::patient_advisor)
                    .of("HCO-T");
        }
        std::vector<std::pair<std::string, std::string>> ties = {{"M-TOP", "A-PA"},
                                                                 {"A-PA", "M-TOP"},
                                                                 {"C-PROV", "B-PA"},
                                                                 {"B-PA", "A-PA"},
                                                                 {"M-TOP", "B-PA"}};
        if (reversed) std::reverse(ties.begin(), ties.end());
        for (const auto& [u, v] : ties)
            consults(b, u, v);
        return built{b.build()};
    };
    const built first = fill(false), second = fill(true);
    engagement_graph g1(first.study), g2(second.study), g1_again(first.study);
    auto codes = [](const engagement_graph& g) {
        std::vector<std::string> out;
        for (std::size_t v = 0; v < g.num_people(); ++v)
            out.push_back(g.person(static_cast<engagement_graph::vertex>(v)).code);
        return out;
    };
    auto tie_codes = [](const engagement_graph& g) {
        std::vector<std::string> out;
        const auto& bg = g.graph();
        for (auto e : boost::make_iterator_range(edges(bg)))
            out.push_back(bg[source(e, bg)].code + ">" + bg[target(e, bg)].code);
        return out;
    };
    THEN("vertices are in code order") {
        CHECK(codes(g1) == std::vector<std::string>{"A-PA", "B-PA", "C-PROV", "M-TOP"});
        CHECK(codes(g2) == codes(g1));
    }
    THEN("ties are in (source, target) order and equal for both entry orders") {
        CHECK(tie_codes(g1) == std::vector<std::string>{"A-PA>M-TOP", "B-PA>A-PA", "C-PROV>B-PA",
                                                        "M-TOP>A-PA", "M-TOP>B-PA"});
        CHECK(tie_codes(g2) == tie_codes(g1));
    }
    THEN("building twice gives the same people and ties") {
        CHECK(g1.people() == g1_again.people());
        CHECK(g1.ties() == g1_again.ties());
    }
    THEN("each tie's index is its Boost edge index") {
        const auto& bg = g1.graph();
        for (auto e : boost::make_iterator_range(edges(bg)))
            CHECK(bg[e].index == get(boost::edge_index, bg, e));
    }
    THEN("vertex_of and person_of are inverse") {
        for (std::size_t v = 0; v < g1.num_people(); ++v) {
            auto x = static_cast<engagement_graph::vertex>(v);
            CHECK(g1.vertex_of(g1.person_of(x)) == x);
        }
    }
}

SCENARIO("filters select the window, the kinds, the minimum level, the organizations and the roles",
         "[network][graph]") {
    GIVEN(
        "a manager who engaged an advisor three times and a provider once, and a second "
        "organization") {
        model::builder lines = illustrative_study();
        lines.manager("M-MID", management_tier::mid_level).of("HCO-T");
        lines.advisor("PA-1").of("HCO-T");
        lines.provider("PROV-1").of("HCO-T");
        lines.organization("HCO-2").name("Illustrative centre HCO-2");
        lines.advisor("PA-9").of("HCO-2");
        lines.engagement("M-MID", "PA-1")
            .on("2015-06-01")
            .kind(engagement_kind::informs)
            .level(engagement_level::information);
        consults(lines, "M-MID", "PA-1", "2016-03-01");
        lines.engagement("M-MID", "PA-1")
            .on("2017-01-10")
            .kind(engagement_kind::co_designs_with)
            .level(engagement_level::collaboration);
        lines.engagement("M-MID", "PROV-1")
            .on("2016-05-05")
            .kind(engagement_kind::informs)
            .level(engagement_level::information);
        lines.engagement("PA-9", "M-MID")
            .on("2016-07-07")
            .kind(engagement_kind::gives_feedback_to)
            .level(engagement_level::consultation);
        const built b{lines.build()};
        const auto m = b.person("M-MID"), a = b.person("PA-1"), p = b.person("PROV-1"),
                   other = b.person("PA-9");

        THEN("a window keeps only the events inside it: 2016 has one event to the advisor") {
            graph_filter f;
            f.window = model::date_window::years(2016, 2016);
            engagement_graph g(b.study, f);
            CHECK(g.window() == model::date_window::years(2016, 2016));
            REQUIRE(g.tie_between(m, a).has_value());
            CHECK(g.tie_between(m, a)->events == 1);
            CHECK(g.tie_between(m, a)->strongest == engagement_level::consultation);
            CHECK(g.num_ties() == 3);  // m->a, m->p, other->m
        }
        THEN(
            "a kind filter keeps only those kinds: informing gives one event each to advisor and "
            "provider") {
            graph_filter f;
            f.kinds = {engagement_kind::informs};
            engagement_graph g(b.study, f);
            CHECK(g.num_ties() == 2);
            CHECK(g.tie_between(m, a)->events == 1);
            CHECK(g.tie_between(m, a)->first.to_iso() == "2015-06-01");
            CHECK(g.tie_between(m, p).has_value());
        }
        THEN("a minimum level of collaboration keeps only the 2017 co-design") {
            graph_filter f;
            f.min_level = engagement_level::collaboration;
            engagement_graph g(b.study, f);
            CHECK(g.num_ties() == 1);
            CHECK(g.num_events() == 1);
            CHECK(g.tie_between(m, a)->first.to_iso() == "2017-01-10");
        }
        THEN("an organization filter keeps its people and the ties among them") {
            graph_filter f;
            f.organizations = {b.org};
            engagement_graph g(b.study, f);
            CHECK(g.num_people() == 3);
            CHECK_FALSE(g.vertex_of(other).has_value());
            CHECK(g.num_ties() == 2);  // the feedback from the other organization's advisor is gone
        }
        THEN("a role filter keeps managers and advisors only") {
            graph_filter f;
            f.roles = {person_role::manager, person_role::patient_advisor};
            engagement_graph g(b.study, f);
            CHECK(g.num_people() == 3);
            CHECK_FALSE(g.vertex_of(p).has_value());
            CHECK(g.num_ties() == 2);  // m->a and other->m
        }
    }
}

SCENARIO("requests that make no sense are refused with an invalid request error",
         "[network][graph]") {
    model::builder lines = illustrative_study();
    lines.advisor("PA-1").of("HCO-T");
    lines.wave("W1", model::date_window::years(2016, 2016));
    const built b{lines.build()};
    const auto a = b.person("PA-1");
    const auto wave = b.study.require<model::wave>("W1");

    THEN("a window outside the study window is refused, naming both windows") {
        graph_filter f;
        f.window = model::date_window::years(2014, 2015);
        try {
            engagement_graph g(b.study, f);
            FAIL("no exception");
        } catch (const invalid_request_error& e) {
            std::string message = e.what();
            CHECK(message.find("2014-01-01/2015-12-31") != std::string::npos);
            CHECK(message.find("2015-01-01/2017-12-31") != std::string::npos);
        }
    }
    THEN("an empty window cannot even be made") {
        CHECK_THROWS_AS(model::date_window(model::date::from_iso("2016-02-01"),
                                           model::date::from_iso("2016-01-01")),
                        invalid_request_error);
    }
    THEN("an unknown wave is refused") {
        graph_filter f;
        f.wave = model::wave_id{wave.value + 41};
        CHECK_THROWS_AS(engagement_graph(b.study, f), invalid_request_error);
    }
    THEN("a known wave stands for its window") {
        graph_filter f;
        f.wave = wave;
        CHECK(engagement_graph(b.study, f).window() == model::date_window::years(2016, 2016));
    }
    THEN("a window and a wave together keep the days they share, as every analysis does") {
        graph_filter f;
        f.wave = wave;
        f.window = model::date_window(model::date::from_iso("2016-06-01"),
                                      model::date::from_iso("2017-03-31"));
        CHECK(engagement_graph(b.study, f).window() ==
              model::date_window(model::date::from_iso("2016-06-01"),
                                 model::date::from_iso("2016-12-31")));
    }
    THEN("a window and a wave that share no day are refused, naming the wave") {
        graph_filter f;
        f.wave = wave;
        f.window = model::date_window::years(2017, 2017);
        try {
            engagement_graph g(b.study, f);
            FAIL("no exception");
        } catch (const invalid_request_error& e) {
            CHECK(std::string(e.what()).find("wave W1") != std::string::npos);
        }
    }
    THEN("an unknown organization is refused") {
        graph_filter f;
        f.organizations = {model::organization_id{77}};
        CHECK_THROWS_AS(engagement_graph(b.study, f), invalid_request_error);
    }
    THEN("asking for a person who is not in the network is refused") {
        engagement_graph g(b.study);
        CHECK_FALSE(g.vertex_of(model::person_id{999}).has_value());
        CHECK_THROWS_AS((void)g.require_vertex(model::person_id{999}), invalid_request_error);
        CHECK_THROWS_AS((void)g.person_of(5), invalid_request_error);
        CHECK(g.require_vertex(a) == 0);
    }
}

SCENARIO("the illustrated seed study builds into a network of both cases",
         "[network][graph][seed]") {
    auto study = model::seed_study_illustrated();
    engagement_graph g(study);
    THEN("every person is a vertex and the 32 illustrative engagements make 30 ties") {
        // 16 engagements per case; the program manager co-designed with advisor 1 twice
        // (2016 and 2017), so each case has 15 distinct ordered pairs.
        CHECK(g.num_people() == study.all<model::person>().size());
        CHECK(g.num_events() == 32);
        CHECK(g.num_ties() == 30);
        auto pm = study.require<model::person>("C1-PM");
        auto pa1 = study.require<model::person>("C1-PA1");
        REQUIRE(g.tie_between(pm, pa1).has_value());
        CHECK(g.tie_between(pm, pa1)->events == 2);
        CHECK(g.tie_between(pm, pa1)->strongest == engagement_level::partnership);
    }
}
