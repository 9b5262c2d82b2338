#include "partnerqi/analysis/evaluation_loop.hpp"

#include <sstream>

#include <support/catch.hpp>
#include <support/messages.hpp>

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

SCENARIO(
    "the study's illustrative cases close two loops, one by a recorded change, and leave one "
    "pending per case") {
    // Per case: EVA-feedback 2016-09-30 is closed 20 days later by the change the leaflet input
    // led to (2016-10-20; the next team practice, MAN-share-power 2017-04-10, is 192 days
    // later); EVA-experience 2017-03-15 is closed by MAN-share-power 26 days later; EVA-lessons
    // 2017-10-02 is organization-level with no later adjustment and only 90 days left in the
    // study (pending).
    auto r = analysis::evaluation_loop(seed_study_illustrated());
    CHECK(r.evaluations == 6);
    CHECK(r.closed == 4);
    CHECK(r.open == 0);
    CHECK(r.pending == 2);
    REQUIRE(r.teams.size() == 4);  // two teams, then two organization-level rows
    CHECK(r.teams[0].label == "T1-MH");
    CHECK(r.teams[0].evaluations[0].follow_up_input_code == "IN-2");
    CHECK(r.teams[0].evaluations[0].days == std::optional<std::int32_t>(20));
    CHECK(r.teams[0].evaluations[1].days == std::optional<std::int32_t>(26));
    CHECK(r.teams[2].label == "HCO-1 (organization level)");
    CHECK(r.inputs == 8);
    CHECK(r.inputs_changed == 4);
    THEN(
        "over time, the 2016 wave has two closed loops and the 2017 wave two closed and two "
        "pending") {
        REQUIRE(r.periods.size() == 3);
        CHECK(r.periods[0].evaluations == 0);
        CHECK(r.periods[1].evaluations == 2);
        CHECK(r.periods[1].closed == 2);
        CHECK(r.periods[2].closed == 2);
        CHECK(r.periods[2].pending == 2);
    }
    THEN("the loop prints and exports") {
        CHECK(analysis::to_text(r).find("MAN-share-power") != std::string::npos);
        std::ostringstream csv;
        analysis::write_csv(csv, r);
        CHECK(csv.str().rfind("team,evaluation,practice,manager,date,status,follow_up,follow_up_"
                              "practice,days,follow_up_input\r\n",
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
            CHECK(r.state_detail.find("1 evaluation responses and 0 advisor inputs recorded") !=
                  std::string::npos);
        }
    }
    GIVEN("the illustrated seed study") {
        auto r = analysis::evaluation_loop(seed_study_illustrated());
        THEN("its 48 illustrative PPEET responses are counted beside its six evaluations") {
            CHECK(r.evaluation_responses == 48);
            CHECK(r.state == analysis::assessment::not_flagged);
        }
    }
}

namespace {

// An influence-log entry of the advisor PA on team T1, brought on `on`; decided (adopted, by MID)
// on `decided` and changed on `changed` when those are given.
advisor_input input_of(const built& m, const char* code, const char* on, const char* decided,
                       const char* changed) {
    advisor_input in;
    in.code = code;
    in.advisor = m.person("PA");
    in.summary = "call patients back after discharge";
    in.team = m.s.require<qi_team>("T1");
    in.on = date::from_iso(on);
    if (decided != nullptr) {
        in.decision = decision_outcome::adopted;
        in.decided_by = m.person("MID");
        in.decided_on = date::from_iso(decided);
    }
    if (changed != nullptr) {
        in.change = change_kind::care_process;
        in.change_summary = "call-back step added to the intake protocol";
        in.changed_on = date::from_iso(changed);
    }
    return in;
}

}  // namespace

SCENARIO("a change an advisor's input led to closes the loop of an evaluation, on its date") {
    loop_fixture f;
    f.lines.advisor("PA").of("ORG");
    f.lines.enactment("EVA", "MID").on("2020-03-01").team("T1");
    f.build();
    f.m.s.add(input_of(f.m, "IN-1", "2020-02-01", "2020-03-10", "2020-04-10"));
    auto r = analysis::evaluation_loop(f.m.s);
    THEN("the evaluation is closed by the change 40 days later, and the log is counted") {
        const auto& ev = r.teams.at(0).evaluations.at(0);
        CHECK(ev.status == loop_status::closed);
        CHECK_FALSE(ev.follow_up.has_value());
        CHECK(ev.follow_up_input == std::optional<input_id>(f.m.s.require<advisor_input>("IN-1")));
        CHECK(ev.days == std::optional<std::int32_t>(40));
        CHECK(r.inputs == 1);
        CHECK(r.inputs_changed == 1);
        CHECK(r.last_change == std::optional<date>(date::from_iso("2020-04-10")));
        CHECK(r.state == analysis::assessment::not_flagged);
    }
    THEN("the text names the entry as the follow-up and the CSV gives its code") {
        CHECK(analysis::to_text(r).find("IN-1 (change)") != std::string::npos);
        CHECK(analysis::loop_inputs_text(r) ==
              "1 advisor inputs in the influence log, 1 of them led to a recorded change (the "
              "latest on 2020-04-10).");
        CHECK(test::unwrapped(analysis::to_text(r)).find(analysis::loop_inputs_text(r)) !=
              std::string::npos);
        std::ostringstream csv;
        analysis::write_csv(csv, r);
        CHECK(csv.str().find(",40,IN-1\r\n") != std::string::npos);
    }
    WHEN("a managing practice comes on the same day as the change") {
        f.lines.enactment("MAN", "MID").on("2020-04-10").team("T1");
        f.build();
        f.m.s.add(input_of(f.m, "IN-1", "2020-02-01", "2020-03-10", "2020-04-10"));
        auto tie = analysis::evaluation_loop(f.m.s);
        THEN("the practice is the follow-up") {
            const auto& ev = tie.teams.at(0).evaluations.at(0);
            CHECK(ev.follow_up_practice == "MAN");
            CHECK_FALSE(ev.follow_up_input.has_value());
        }
    }
}

SCENARIO("the influence log alone shows whether the loop was closed") {
    loop_fixture f;
    f.lines.advisor("PA").of("ORG");
    f.build();
    GIVEN("an input that led to a change, and no evaluating practice") {
        f.m.s.add(input_of(f.m, "IN-1", "2020-02-01", "2020-03-10", "2020-04-10"));
        auto r = analysis::evaluation_loop(f.m.s);
        THEN("the loop is not flagged, with the date of the change as evidence") {
            CHECK(r.state == analysis::assessment::not_flagged);
            CHECK(r.state_detail.find("1 of 1 advisor inputs led to a recorded change (the latest "
                                      "on 2020-04-10)") != std::string::npos);
        }
    }
    GIVEN("an input decided without a change yet, and no evaluating practice") {
        f.m.s.add(input_of(f.m, "IN-1", "2020-02-01", "2020-03-10", nullptr));
        auto r = analysis::evaluation_loop(f.m.s);
        THEN("the loop is not assessable and asks for the review or the changes") {
            CHECK(r.inputs == 1);
            CHECK(r.inputs_changed == 0);
            CHECK(r.state == analysis::assessment::not_assessable);
            CHECK(r.state_detail.find("1 advisor inputs recorded") != std::string::npos);
        }
    }
    GIVEN("an input outside the window asked for") {
        f.m.s.add(input_of(f.m, "IN-1", "2020-02-01", "2020-03-10", "2020-04-10"));
        analysis::filter in_2021;
        in_2021.window = date_window::years(2021, 2021);
        auto r = analysis::evaluation_loop(f.m.s, in_2021);
        THEN("it is not counted and the loop is not assessable") {
            CHECK(r.inputs == 0);
            CHECK(r.state == analysis::assessment::not_assessable);
        }
    }
}
