#include "partnerqi/analysis/evaluation_loop.hpp"

#include <sstream>

#include <support/catch.hpp>

#include "partnerqi/model/evaluation_catalog.hpp"
#include "partnerqi/model/seed_study.hpp"

#include "mini_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
using analysis::loop_status;
using partnerqi::test::built;
using partnerqi::test::mini_study;

namespace {

// MID sits on teams T1 and T2; the practices EVA, MAN, STR and DES are one of each category.
struct loop_fixture {
    builder lines = mini_study();
    built m;
    loop_fixture() {
        lines.manager("MID", management_tier::mid_level).of("ORG");
        lines.team("T1").of("ORG").name("T1").member("MID");
        lines.team("T2").of("ORG").name("T2").member("MID");
        lines.practice("EVA", practice_category::evaluating_integration);
        lines.practice("MAN", practice_category::managing_integration);
        lines.practice("STR", practice_category::structuring);
        lines.practice("DES", practice_category::designing);
    }
    // Builds the case study from the lines written so far.
    void build() { m = built{lines.build()}; }
};

}  // namespace

SCENARIO("an evaluation followed by a managing practice within 180 days closes the loop") {
    loop_fixture f;
    f.lines.enactment("EVA", "MID").on("2020-03-01").team("T1");
    f.lines.enactment("MAN", "MID").on("2020-05-30").team("T1");  // 90 days later
    f.build();
    const auto follow = f.m.s.all<practice_enactment>().back().id;
    auto r = analysis::evaluation_loop(f.m.s);
    REQUIRE(r.teams.size() == 1);
    REQUIRE(r.teams[0].evaluations.size() == 1);
    const auto& ev = r.teams[0].evaluations[0];
    CHECK(ev.status == loop_status::closed);
    CHECK(ev.follow_up == std::optional<enactment_id>(follow));
    CHECK(ev.days == std::optional<std::int32_t>(90));
    CHECK(r.closed == 1);
}

SCENARIO(
    "an adjustment that comes too late, on another team, or of another category leaves the loop "
    "open") {
    loop_fixture f;
    f.lines.enactment("EVA", "MID").on("2020-01-01").team("T1");
    f.lines.enactment("DES", "MID").on("2020-02-01").team("T1");  // designing is not an adjustment
    f.lines.enactment("STR", "MID").on("2020-02-01").team("T2");  // another team
    f.lines.enactment("STR", "MID")
        .on("2020-07-19")
        .team("T1");  // 200 days later (2020 is a leap year)
    f.build();
    WHEN("the default 180-day delay applies") {
        auto r = analysis::evaluation_loop(f.m.s);
        THEN("the evaluation is open") {
            CHECK(r.teams.at(0).evaluations.at(0).status == loop_status::open);
            CHECK(r.open == 1);
        }
    }
    WHEN("the delay is a year") {
        analysis::evaluation_loop_options o;
        o.max_delay_days = 365;
        auto r = analysis::evaluation_loop(f.m.s, {}, o);
        THEN("the structuring practice 200 days later closes it") {
            CHECK(r.teams.at(0).evaluations.at(0).days == std::optional<std::int32_t>(200));
        }
    }
    WHEN("the delay is negative") {
        analysis::evaluation_loop_options o;
        o.max_delay_days = -1;
        THEN("the request is refused") {
            CHECK_THROWS_AS(analysis::evaluation_loop(f.m.s, {}, o), invalid_request_error);
        }
    }
}

SCENARIO("an evaluation too close to the end of the study to judge is pending, not open") {
    loop_fixture f;
    f.lines.enactment("EVA", "MID").on("2021-11-01").team("T1");  // 60 days before 2021-12-31
    f.build();
    auto r = analysis::evaluation_loop(f.m.s);
    CHECK(r.teams.at(0).evaluations.at(0).status == loop_status::pending);
    CHECK(r.pending == 1);
}

SCENARIO("the study's illustrative cases close one loop, leave one open and one pending per case") {
    // Per case: EVA-feedback 2016-09-30, next team adjustment MAN-share-power 2017-04-10 is 192
    // days later (open); EVA-experience 2017-03-15 is closed by MAN-share-power 26 days later;
    // EVA-lessons 2017-10-02 is organization-level with no later adjustment and only 90 days left
    // in the study (pending).
    auto r = analysis::evaluation_loop(seed_study_illustrated());
    CHECK(r.evaluations == 6);
    CHECK(r.closed == 2);
    CHECK(r.open == 2);
    CHECK(r.pending == 2);
    REQUIRE(r.teams.size() == 4);  // two teams, then two organization-level rows
    CHECK(r.teams[0].label == "T1-MH");
    CHECK(r.teams[0].evaluations[1].days == std::optional<std::int32_t>(26));
    CHECK(r.teams[2].label == "HCO-1 (organization level)");
    THEN(
        "over time, the 2016 wave has two open loops and the 2017 wave two closed and two "
        "pending") {
        REQUIRE(r.periods.size() == 3);
        CHECK(r.periods[0].evaluations == 0);
        CHECK(r.periods[1].evaluations == 2);
        CHECK(r.periods[1].open == 2);
        CHECK(r.periods[2].closed == 2);
        CHECK(r.periods[2].pending == 2);
    }
    THEN("the loop prints and exports") {
        CHECK(analysis::to_text(r).find("MAN-share-power") != std::string::npos);
        std::ostringstream csv;
        analysis::write_csv(csv, r);
        CHECK(csv.str().rfind("team,evaluation,practice,manager,date,status,follow_up,follow_up_"
                              "practice,days\r\n",
                              0) == 0);
    }
}

SCENARIO("the loop reads evaluation responses as evaluation records") {
    GIVEN("a study with neither evaluation responses nor evaluating practices") {
        loop_fixture f;
        f.build();
        auto r = analysis::evaluation_loop(f.m.s);
        THEN("the loop is not assessable and says no evaluation was recorded") {
            CHECK(r.state == analysis::assessment::not_assessable);
            CHECK(r.state_detail.find("no evaluation recorded") != std::string::npos);
        }
    }
    GIVEN("PEIRS-22 responses of the manager about T1, but no evaluating practice enacted") {
        loop_fixture f;
        f.build();
        add_evaluation_catalog(f.m.s, evaluation_instrument::peirs_22);
        evaluation_response resp;
        resp.respondent = f.m.person("MID");
        resp.item = f.m.s.require<evaluation_item>("PEIRS22-01");
        resp.value = 3;
        resp.team = f.m.s.require<qi_team>("T1");
        resp.on = date::from_iso("2020-05-01");
        f.m.s.add(resp);
        auto r = analysis::evaluation_loop(f.m.s);
        THEN("the response is counted, and the loop asks for the review that dates its follow-up") {
            CHECK(r.evaluation_responses == 1);
            CHECK(r.state == analysis::assessment::not_assessable);
            CHECK(r.state_detail.find("1 evaluation responses recorded") != std::string::npos);
        }
    }
    GIVEN("the illustrated seed study") {
        auto r = analysis::evaluation_loop(seed_study_illustrated());
        THEN("its 48 illustrative PPEET responses are counted beside its six evaluations") {
            CHECK(r.evaluation_responses == 48);
            CHECK(r.state == analysis::assessment::flagged);
        }
    }
}
