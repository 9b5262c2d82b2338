// Evidence of evaluation and influence: evaluation responses by domain, team and wave, the
// influence log per advisor, team and wave, and the GRIPP2 report that reads them.
#include "partnerqi/analysis/evidence.hpp"

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>

#include <support/catch.hpp>

#include "partnerqi/analysis/gripp2.hpp"
#include "partnerqi/error.hpp"
#include "partnerqi/model/evaluation_catalog.hpp"
#include "partnerqi/model/seed_study.hpp"

#include "mini_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
using analysis::gripp2_status;
using partnerqi::test::built;
using partnerqi::test::mini_study;

namespace {

// ORG with team T (advisors A1, A2, manager MID) and waves W1 (2020) and W2 (2021).
built evidence_study() {
    builder b = mini_study();
    b.manager("MID", management_tier::mid_level).of("ORG");
    b.advisor("A1").of("ORG");
    b.advisor("A2").of("ORG");
    b.team("T").of("ORG").name("T").member("MID").member("A1").member("A2");
    b.wave("W1", "2020-01-01", "2020-12-31");
    b.wave("W2", "2021-01-01", "2021-12-31");
    return built{b.build()};
}

void respond(built& m, const char* who, const char* item, std::uint32_t value, const char* in_wave,
             const char* on) {
    evaluation_response r;
    r.respondent = m.person(who);
    r.item = m.s.require<evaluation_item>(item);
    r.value = value;
    r.team = m.s.require<qi_team>("T");
    r.wave = m.s.require<wave>(in_wave);
    r.on = date::from_iso(on);
    m.s.add(r);
}

advisor_input input(built& m, const char* code, const char* who, const char* on) {
    advisor_input in;
    in.code = code;
    in.advisor = m.person(who);
    in.team = m.s.require<qi_team>("T");
    in.on = date::from_iso(on);
    return in;
}

// The message of the validation error `add` throws, or "(accepted)".
template <class Add>
std::string refusal(Add&& add) {
    try {
        add();
    } catch (const validation_error& e) {
        return e.what();
    }
    return "(accepted)";
}

const analysis::influence_counts& row(const std::vector<analysis::influence_counts>& rows,
                                      const std::string& label) {
    auto it = std::find_if(rows.begin(), rows.end(),
                           [&](const analysis::influence_counts& c) { return c.label == label; });
    REQUIRE(it != rows.end());
    return *it;
}

}  // namespace

SCENARIO("the evaluation catalog ships the structure of PPEET and PEIRS-22, not their wording") {
    THEN("each PPEET questionnaire covers the four principles on a 1-to-5 scale") {
        for (auto q :
             {evaluation_instrument::ppeet_participant, evaluation_instrument::ppeet_project,
              evaluation_instrument::ppeet_organization}) {
            const auto items = evaluation_catalog(q);
            REQUIRE(items.size() == 4);
            CHECK(items[0].domain == "integrity of design and process");
            CHECK(items[1].domain == "influence and impact");
            CHECK(items[2].domain == "participatory culture");
            CHECK(items[3].domain == "collaboration and common purpose");
            for (const auto& i : items) {
                CHECK(i.wording.empty());
                CHECK(i.scale_min == 1);
                CHECK(i.scale_max == 5);
                CHECK(i.provenance == provenance::illustrative);
            }
        }
    }
    THEN("PEIRS-22 has 22 item identifiers under one domain") {
        const auto items = evaluation_catalog(evaluation_instrument::peirs_22);
        REQUIRE(items.size() == 22);
        CHECK(items.front().code == "PEIRS22-01");
        CHECK(items.back().code == "PEIRS22-22");
    }
    THEN("a user-defined instrument has no items until the user records them") {
        CHECK(evaluation_catalog(evaluation_instrument::user_defined).empty());
    }
}

SCENARIO("an evaluation response outside its item's scale is refused") {
    built m = evidence_study();
    add_evaluation_catalog(m.s, evaluation_instrument::ppeet_participant);
    CHECK(refusal([&] {
              respond(m, "A1", "PPEET-PAR-INF", 6, "W1", "2020-06-01");
          }).find("outside the scale") != std::string::npos);
    CHECK_THROWS_AS(respond(m, "A1", "PPEET-PAR-INF", 3, "W1", "2021-06-01"), validation_error);
    CHECK(m.s.all<evaluation_response>().empty());
}

SCENARIO("evaluation responses are summarized by domain per team and wave, with the change") {
    GIVEN("two advisors and the manager answering the influence item in two waves") {
        built m = evidence_study();
        add_evaluation_catalog(m.s, evaluation_instrument::ppeet_participant);
        respond(m, "A1", "PPEET-PAR-INF", 2, "W1", "2020-06-01");
        respond(m, "A2", "PPEET-PAR-INF", 3, "W1", "2020-06-01");
        respond(m, "MID", "PPEET-PAR-INF", 5, "W1", "2020-06-01");
        respond(m, "A1", "PPEET-PAR-INF", 4, "W2", "2021-06-01");
        respond(m, "A2", "PPEET-PAR-INF", 5, "W2", "2021-06-01");
        const auto s = analysis::summarize_evaluations(m.s);
        THEN("each wave has one row with its respondents by role and its mean") {
            REQUIRE(s.rows.size() == 2);
            CHECK(s.rows[0].wave == "W1");
            CHECK(s.rows[0].respondents == 3);
            CHECK(s.rows[0].advisors == 2);
            CHECK(s.rows[0].managers == 1);
            // (25 + 50 + 100) / 3 percent of the 1-to-5 scale.
            CHECK(s.rows[0].mean_percent == Approx(175.0 / 3));
            CHECK_FALSE(s.rows[0].change);
        }
        THEN("the second wave says how far the domain moved since the first") {
            CHECK(s.rows[1].mean_percent == Approx(87.5));
            REQUIRE(s.rows[1].change);
            CHECK(*s.rows[1].change == Approx(87.5 - 175.0 / 3));
            CHECK(s.rows[1].previous_wave == "W1");
        }
        THEN("a wave filter keeps that wave's responses only") {
            analysis::filter f;
            f.wave = m.s.require<wave>("W2");
            CHECK(analysis::summarize_evaluations(m.s, f).responses == 2);
        }
        THEN("the summary prints and exports as CSV") {
            CHECK(analysis::to_text(s).find("influence and impact") != std::string::npos);
            std::ostringstream csv;
            analysis::write_csv(csv, s);
            CHECK(csv.str().rfind("team,wave,instrument,domain,respondents", 0) == 0);
        }
    }
}

SCENARIO("the influence log links input, decision and change in date order") {
    built m = evidence_study();
    THEN("a decision before the input is refused") {
        advisor_input in = input(m, "IN-1", "A1", "2020-05-01");
        in.decision = decision_outcome::adopted;
        in.decided_on = date::from_iso("2020-04-01");
        CHECK(refusal([&] { m.s.add(in); }).find("before it was brought") != std::string::npos);
    }
    THEN("a change after a rejection is refused") {
        advisor_input in = input(m, "IN-1", "A1", "2020-05-01");
        in.decision = decision_outcome::rejected;
        in.change = change_kind::policy;
        CHECK(refusal([&] { m.s.add(in); }).find("not adopted or adapted") != std::string::npos);
    }
    THEN("input from someone who is not a patient advisor is refused") {
        CHECK_THROWS_AS(m.s.add(input(m, "IN-1", "MID", "2020-05-01")), validation_error);
    }
}

SCENARIO("the influence log is summarized per advisor, team and wave") {
    GIVEN("A1: adopted after 10 days with a change, rejected after 30; A2: deferred, undecided") {
        built m = evidence_study();
        advisor_input a = input(m, "IN-1", "A1", "2020-03-01");
        a.decision = decision_outcome::adopted;
        a.decided_on = date::from_iso("2020-03-11");
        a.change = change_kind::care_process;
        a.changed_on = date::from_iso("2020-06-01");
        m.s.add(a);
        advisor_input b = input(m, "IN-2", "A1", "2021-03-01");
        b.decision = decision_outcome::rejected;
        b.decided_on = date::from_iso("2021-03-31");
        m.s.add(b);
        advisor_input c = input(m, "IN-3", "A2", "2021-04-01");
        c.decision = decision_outcome::deferred;
        m.s.add(c);
        m.s.add(input(m, "IN-4", "A2", "2021-05-01"));
        const auto s = analysis::summarize_influence(m.s);
        THEN("the totals count inputs, decisions and changes") {
            CHECK(s.total.inputs == 4);
            CHECK(s.total.decided == 3);
            CHECK(s.total.changes == 1);
            REQUIRE(s.total.adoption_rate);
            CHECK(*s.total.adoption_rate == Approx(0.5));
            REQUIRE(s.total.median_days_to_decision);
            CHECK(*s.total.median_days_to_decision == Approx(20.0));
        }
        THEN("A1 adopted one of two decided inputs, A2 has no decision on substance") {
            CHECK(*row(s.advisors, "A1").adoption_rate == Approx(0.5));
            CHECK_FALSE(row(s.advisors, "A2").adoption_rate);
        }
        THEN("the waves split the inputs by the date they were brought") {
            CHECK(row(s.waves, "W1").inputs == 1);
            CHECK(row(s.waves, "W2").inputs == 3);
            CHECK(row(s.teams, "T").inputs == 4);
        }
        THEN("entries without an evidence source are listed") {
            CHECK(s.missing_evidence.size() == 4);
        }
    }
}

SCENARIO("the demo's GRIPP2 report claims only what its records hold") {
    const case_study demo = seed_study_illustrated();
    const analysis::gripp2_report g = analysis::gripp2(demo);
    const std::string text = analysis::to_text(g);
    THEN("the short form has the five GRIPP2-SF items in order") {
        REQUIRE(g.short_form.size() == 5);
        CHECK(g.short_form[0].title.rfind("Aim", 0) == 0);
        CHECK(g.short_form[1].title.rfind("Methods", 0) == 0);
        CHECK(g.short_form[2].title.rfind("Results", 0) == 0);
        CHECK(g.short_form[3].title.rfind("Discussion", 0) == 0);
        CHECK(g.short_form[4].title.rfind("Reflections", 0) == 0);
    }
    THEN("the results come from the illustrative influence log and PPEET responses") {
        for (const auto& s : g.short_form[2].statements)
            CHECK(s.status == gripp2_status::illustrative);
        CHECK(text.find("8 advisor inputs") != std::string::npos);
        CHECK(text.find("48 evaluation responses from 6 respondents") != std::string::npos);
    }
    THEN("the reported membership of the two teams stays marked reported") {
        CHECK(text.find("[reported] 4 patient advisors sat on 2 QI teams") != std::string::npos);
    }
    THEN("what no record can fill is marked missing, with what to document") {
        CHECK(text.find("[missing] partnerqi records no costs") != std::string::npos);
        CHECK(g.counts[static_cast<std::size_t>(gripp2_status::missing)] >= 2);
    }
    THEN("it cites the GRIPP2 checklists") {
        CHECK(text.find("10.1136/bmj.j3453") != std::string::npos);
    }
}

SCENARIO("the reported facts alone leave GRIPP2's results missing, never invented") {
    const analysis::gripp2_report g = analysis::gripp2(seed_study_reported());
    for (const auto& s : g.short_form[2].statements)
        CHECK(s.status == gripp2_status::missing);
    for (const auto* form : {&g.short_form, &g.long_form})
        for (const auto& i : *form)
            for (const auto& s : i.statements)
                CHECK(s.status != gripp2_status::illustrative);
}
