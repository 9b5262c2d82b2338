// The one scope rule: how a window, a wave and a case become the days and cases a question
// looks at, for the network, the analyses and the command-line options alike.
#include <optional>
#include <string>

#include <support/catch.hpp>
#include <support/messages.hpp>

#include <partnerqi/error.hpp>
#include <partnerqi/model.hpp>

using namespace partnerqi;
using namespace partnerqi::model;
using partnerqi::test::mentions;
using partnerqi::test::message_of;

namespace {

date d(const char* iso) { return date::from_iso(iso); }

}  // namespace

SCENARIO("a scope resolves to the days it covers, bounds included, and to its cases",
         "[model][scope]") {
    GIVEN("the illustrated seed study: 2015 to 2017, waves W1 to W3 one a year, two cases") {
        const case_study s = seed_study_illustrated();
        const wave_id w2 = s.require<wave>("W2");
        const case_id c1 = s.require<study_case>("case-1");
        THEN("an empty scope is the whole study window and every case") {
            const resolved_scope r = resolve_scope(s, {});
            CHECK(r.window == s.window());
            CHECK(r.whole_study);
            CHECK(r.cases.size() == 2);
            CHECK(r.organizations.empty());
        }
        THEN("a wave stands for its window") {
            CHECK(resolve_scope(s, {std::nullopt, w2, std::nullopt}).window ==
                  date_window::years(2016, 2016));
        }
        THEN("a wave and a window together keep the days they share") {
            const resolved_scope r =
                resolve_scope(s, {date_window(d("2016-07-01"), d("2017-06-30")), w2, std::nullopt});
            CHECK(r.window == date_window(d("2016-07-01"), d("2016-12-31")));
        }
        THEN("a case keeps that case and its organization, and names them in the label") {
            const resolved_scope r = resolve_scope(s, {std::nullopt, w2, c1});
            CHECK_FALSE(r.whole_study);
            REQUIRE(r.cases.size() == 1);
            CHECK(r.cases[0] == c1);
            REQUIRE(r.organizations.size() == 1);
            CHECK(r.organizations[0] == s.get(c1).organization);
            CHECK(r.label == "case-1, wave W2 (2016-01-01/2016-12-31)");
        }
        THEN("a window reaching past the study window is refused, naming both windows") {
            const std::string m = message_of<invalid_request_error>([&] {
                (void)resolve_scope(s,
                                    {date_window::years(2014, 2015), std::nullopt, std::nullopt});
            });
            CHECK(mentions(m, "2014-01-01/2015-12-31"));
            CHECK(mentions(m, "2015-01-01/2017-12-31"));
        }
        THEN("a wave and a window that share no day are refused, naming the wave") {
            CHECK(mentions(
                message_of<invalid_request_error>([&] {
                    (void)resolve_scope(s, {date_window::years(2017, 2017), w2, std::nullopt});
                }),
                "wave W2"));
        }
        THEN("an unknown wave id is refused, listing the study's waves") {
            CHECK(mentions(message_of<invalid_request_error>([&] {
                               (void)resolve_scope(s, {std::nullopt, wave_id{99}, std::nullopt});
                           }),
                           "W1, W2, W3"));
        }
        THEN("an unknown case id is refused, listing the study's cases") {
            CHECK(mentions(message_of<invalid_request_error>([&] {
                               (void)resolve_scope(s, {std::nullopt, std::nullopt, case_id{99}});
                           }),
                           "case-1, case-2"));
        }
    }
}

SCENARIO("the command-line options --wave, --case, --from and --to resolve by the same rule",
         "[model][scope]") {
    const case_study s = seed_study_illustrated();
    THEN("codes become ids and a missing --to is the last day of the study") {
        const scope_filter f = scope_from_options(s, std::string("W2"), std::string("case-2"),
                                                  d("2016-03-01"), std::nullopt);
        CHECK(f.wave == s.find<wave>("W2"));
        CHECK(f.study_case == s.find<study_case>("case-2"));
        CHECK(f.window == date_window(d("2016-03-01"), d("2017-12-31")));
        CHECK(resolve_scope(s, f).window == date_window(d("2016-03-01"), d("2016-12-31")));
    }
    THEN("no option at all is the whole study") {
        const scope_filter f =
            scope_from_options(s, std::nullopt, std::nullopt, std::nullopt, std::nullopt);
        CHECK_FALSE(f.window);
        CHECK_FALSE(f.wave);
        CHECK_FALSE(f.study_case);
    }
    THEN("an unknown wave code is not found, naming the code and the known ones") {
        const std::string m = message_of<not_found_error>([&] {
            (void)scope_from_options(s, std::string("W9"), std::nullopt, std::nullopt,
                                     std::nullopt);
        });
        CHECK(mentions(m, "\"W9\""));
        CHECK(mentions(m, "W1, W2, W3"));
    }
    THEN("an unknown case code is not found, naming the code and the known ones") {
        const std::string m = message_of<not_found_error>([&] {
            (void)scope_from_options(s, std::nullopt, std::string("case-9"), std::nullopt,
                                     std::nullopt);
        });
        CHECK(mentions(m, "\"case-9\""));
        CHECK(mentions(m, "case-1, case-2"));
    }
    THEN("--from after --to is refused, naming both dates") {
        const std::string m = message_of<invalid_request_error>([&] {
            (void)scope_from_options(s, std::nullopt, std::nullopt, d("2016-05-01"),
                                     d("2016-04-01"));
        });
        CHECK(mentions(m, "2016-05-01/2016-04-01"));
    }
    THEN("a --from before the study window is refused as any window outside it") {
        CHECK_THROWS_AS(
            scope_from_options(s, std::nullopt, std::nullopt, d("2010-01-01"), std::nullopt),
            invalid_request_error);
    }
}

SCENARIO("waves come in the order of their windows", "[model][scope]") {
    const case_study s = seed_study_illustrated();
    const auto waves = waves_in_window_order(s);
    REQUIRE(waves.size() == 3);
    CHECK(waves[0]->code == "W1");
    CHECK(waves[1]->code == "W2");
    CHECK(waves[2]->code == "W3");
}
