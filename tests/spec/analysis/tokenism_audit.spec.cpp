#include "partnerqi/analysis/tokenism_audit.hpp"

#include <optional>
#include <sstream>

#include <support/catch.hpp>
#include <support/messages.hpp>

#include "partnerqi/analysis/references.hpp"
#include "partnerqi/model/evaluation_catalog.hpp"
#include "partnerqi/model/seed_study.hpp"
#include "partnerqi/network/reach.hpp"

#include "mini_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
using analysis::assessment;
using analysis::indicator;
using partnerqi::test::built;
using partnerqi::test::mini_study;

namespace {

// ORG has managers TOP, MID, FRONT and a provider DOC; team T-PAIR has advisors A1 and A2,
// team T-LONE has advisor B1 only.
struct audit_fixture {
    builder lines = mini_study();
    built m;
    person_id top, mid, front, doc, a1, a2, b1;
    team_id pair, lone;
    audit_fixture() {
        lines.manager("TOP", management_tier::top_level).of("ORG");
        lines.manager("MID", management_tier::mid_level).of("ORG");
        lines.manager("FRONT", management_tier::front_line).of("ORG");
        lines.provider("DOC").of("ORG");
        for (const char* code : {"A1", "A2", "B1"})
            lines.advisor(code).of("ORG");
        lines.team("T-PAIR")
            .of("ORG")
            .name("T-PAIR")
            .member("MID")
            .member("DOC")
            .member("A1")
            .member("A2");
        lines.team("T-LONE").of("ORG").name("T-LONE").member("FRONT").member("DOC").member("B1");
        build();
    }
    // Builds the case study from the lines written so far and looks up the ids above.
    void build() {
        m = built{lines.build()};
        top = m.person("TOP");
        mid = m.person("MID");
        front = m.person("FRONT");
        doc = m.person("DOC");
        a1 = m.person("A1");
        a2 = m.person("A2");
        b1 = m.person("B1");
        pair = m.s.require<qi_team>("T-PAIR");
        lone = m.s.require<qi_team>("T-LONE");
    }
    analysis::tokenism_audit_report run(const analysis::filter& f = {},
                                        const analysis::audit_options& o = {}) const {
        return analysis::tokenism_audit(m.s, f, o);
    }
};

}  // namespace

SCENARIO("a team with a lone patient advisor is flagged") {
    GIVEN("a team with two advisors and a team with one") {
        audit_fixture f;
        auto r = f.run();
        THEN("the one-advisor team is flagged, with the team and its advisor as records") {
            const auto* lone = r.find(f.lone);
            REQUIRE(lone);
            CHECK(lone->advisors == 1);
            REQUIRE(lone->fired(indicator::lone_advisor));
            const auto& hit = lone->hits.front();
            CHECK(hit.id == indicator::lone_advisor);
            CHECK(hit.threshold == "fewer than 2 advisors");
            REQUIRE(hit.records.size() == 2);
            CHECK(hit.records[0].kind == analysis::record_kind::team);
            CHECK(hit.records[1].label == "B1");
        }
        THEN("the two-advisor team is not") {
            CHECK_FALSE(r.find(f.pair)->fired(indicator::lone_advisor));
        }
        THEN("a threshold of three flags both teams") {
            analysis::audit_options o;
            o.min_advisors_per_team = 3;
            auto r3 = f.run({}, o);
            CHECK(r3.find(f.pair)->fired(indicator::lone_advisor));
            CHECK(r3.find(f.lone)->fired(indicator::lone_advisor));
        }
    }
}

SCENARIO("neither team of the study's two cases is flagged as lone-advisor") {
    for (const case_study& s : {seed_study_reported(), seed_study_illustrated()}) {
        auto r = analysis::tokenism_audit(s);
        REQUIRE(r.teams.size() == 2);
        for (const auto& t : r.teams) {
            CHECK(t.advisors == 2);
            CHECK_FALSE(t.fired(indicator::lone_advisor));
        }
    }
}

SCENARIO("an advisor whose only ties are information-level is flagged") {
    GIVEN("A1 only informed, A2 co-designing at collaboration level") {
        audit_fixture f;
        f.lines.engagement("MID", "A1")
            .kind(engagement_kind::informs)
            .level(engagement_level::information)
            .on("2020-03-01");
        f.lines.engagement("A1", "MID")
            .kind(engagement_kind::gives_feedback_to)
            .level(engagement_level::information)
            .on("2020-04-01");
        f.lines.engagement("MID", "A2")
            .kind(engagement_kind::co_designs_with)
            .level(engagement_level::collaboration)
            .on("2020-03-01");
        f.build();
        const auto e1 = f.m.s.all<engagement>()[0].id, e2 = f.m.s.all<engagement>()[1].id;
        auto r = f.run();
        THEN("A1 is flagged with both engagements as records") {
            const auto* a1 = r.find(f.a1);
            REQUIRE(a1);
            REQUIRE(a1->fired(indicator::never_above_consultation));
            const auto& hit = *std::find_if(a1->hits.begin(), a1->hits.end(), [](const auto& h) {
                return h.id == indicator::never_above_consultation;
            });
            REQUIRE(hit.records.size() == 2);
            CHECK(hit.records[0].id == e1.value);
            CHECK(hit.records[1].id == e2.value);
            CHECK(hit.records[0].kind == analysis::record_kind::engagement);
        }
        THEN("A2 is not flagged") {
            CHECK_FALSE(r.find(f.a2)->fired(indicator::never_above_consultation));
        }
        THEN("an advisor with no engagement recorded is not assessable, not flagged") {
            const auto* b1 = r.find(f.b1);
            CHECK(b1->state(indicator::never_above_consultation) == assessment::not_assessable);
            REQUIRE(b1->gaps.size() >= 1);
            CHECK(b1->gaps.front().needed ==
                  "no engagement with a manager or provider recorded for B1 in "
                  "2020-01-01/2021-12-31");
        }
    }
}

SCENARIO("an advisor no manager prepared, coached or supported is flagged") {
    GIVEN(
        "A1 prepared by a manager, A2 supported only by a provider, B1 coached through a managing "
        "practice") {
        audit_fixture f;
        f.lines.engagement("FRONT", "A1")
            .kind(engagement_kind::prepares)
            .level(engagement_level::consultation)
            .on("2020-02-01");
        f.lines.engagement("DOC", "A2")
            .kind(engagement_kind::supports)
            .level(engagement_level::collaboration)
            .on("2020-02-01");
        f.lines.practice("MAN-coach", practice_category::managing_integration);
        f.lines.enactment("MAN-coach", "FRONT").on("2020-02-02").team("T-LONE").target("B1");
        f.build();
        auto r = f.run();
        THEN("A2 is flagged because the provider is not a manager") {
            CHECK(r.find(f.a2)->fired(indicator::not_prepared_or_supported));
        }
        THEN("A1 and B1 are not flagged") {
            CHECK_FALSE(r.find(f.a1)->fired(indicator::not_prepared_or_supported));
            CHECK_FALSE(r.find(f.b1)->fired(indicator::not_prepared_or_supported));
        }
        THEN("a designing practice aimed at A2 does not count as preparing them") {
            f.lines.practice("DES", practice_category::designing);
            f.lines.enactment("DES", "TOP").on("2020-03-01").target("A2");
            f.build();
            CHECK(f.run().find(f.a2)->fired(indicator::not_prepared_or_supported));
        }
    }
}

SCENARIO("a team nobody answered an evaluation about in the window is flagged") {
    GIVEN("PPEET participant responses about T-PAIR in 2020, none about T-LONE") {
        audit_fixture f;
        f.lines.wave("W2021", "2021-01-01", "2021-12-31");
        f.build();
        add_evaluation_catalog(f.m.s, evaluation_instrument::ppeet_participant);
        for (person_id who : {f.a1, f.a2}) {
            evaluation_response r;
            r.respondent = who;
            r.item = f.m.s.require<evaluation_item>("PPEET-PAR-INF");
            r.value = 4;
            r.team = f.pair;
            r.on = date::from_iso("2020-06-01");
            f.m.s.add(r);
        }
        const auto w2021 = f.m.s.require<wave>("W2021");
        auto r = f.run();
        THEN("T-LONE is flagged and T-PAIR is not") {
            CHECK(r.find(f.lone)->fired(indicator::no_evaluation_on_team));
            CHECK_FALSE(r.find(f.pair)->fired(indicator::no_evaluation_on_team));
        }
        THEN("in the 2021 wave, with no evaluation response recorded, neither is assessable") {
            analysis::filter w;
            w.wave = w2021;
            auto r2021 = f.run(w);
            for (team_id t : {f.pair, f.lone})
                CHECK(r2021.find(t)->state(indicator::no_evaluation_on_team) ==
                      assessment::not_assessable);
        }
    }
    GIVEN("an evaluating practice enacted on T-PAIR but no evaluation response") {
        audit_fixture f;
        f.lines.practice("EVA", practice_category::evaluating_integration);
        f.lines.enactment("EVA", "MID").on("2020-06-01").team("T-PAIR");
        f.build();
        THEN("the practice alone is no evaluation record: the indicator is not assessable") {
            CHECK(f.run().find(f.pair)->state(indicator::no_evaluation_on_team) ==
                  assessment::not_assessable);
        }
    }
}

namespace {

// Logs an input of `advisor` on 2020-03-01 with `decision` (unset: none yet) a month later.
void log_input(audit_fixture& f, const std::string& code, person_id advisor,
               std::optional<decision_outcome> decision) {
    advisor_input in;
    in.code = code;
    in.advisor = advisor;
    in.team = f.pair;
    in.on = date::from_iso("2020-03-01");
    in.decision = decision;
    if (decision) in.decided_on = date::from_iso("2020-04-01");
    f.m.s.add(in);
}

}  // namespace

SCENARIO("an advisor none of whose decided inputs was adopted or adapted is flagged") {
    GIVEN("A1 with a rejected and an adapted input, A2 with two rejected, B1 with one deferred") {
        audit_fixture f;
        log_input(f, "IN-1", f.a1, decision_outcome::rejected);
        log_input(f, "IN-2", f.a1, decision_outcome::adapted);
        log_input(f, "IN-3", f.a2, decision_outcome::rejected);
        log_input(f, "IN-4", f.a2, decision_outcome::rejected);
        log_input(f, "IN-5", f.b1, decision_outcome::deferred);
        const auto in3 = f.m.s.require<advisor_input>("IN-3");
        auto r = f.run();
        THEN("A2 is flagged with the rejected inputs as records") {
            const auto* a2 = r.find(f.a2);
            REQUIRE(a2->fired(indicator::input_without_impact));
            const auto& hit = *std::find_if(a2->hits.begin(), a2->hits.end(), [](const auto& h) {
                return h.id == indicator::input_without_impact;
            });
            REQUIRE(hit.records.size() == 2);
            CHECK(hit.records[0].kind == analysis::record_kind::input);
            CHECK(hit.records[0].id == in3.value);
        }
        THEN("A1, whose adapted input counts, is not flagged") {
            CHECK(r.find(f.a1)->state(indicator::input_without_impact) == assessment::not_flagged);
        }
        THEN("B1, whose only input awaits a decision, is not assessable") {
            CHECK(r.find(f.b1)->state(indicator::input_without_impact) ==
                  assessment::not_assessable);
        }
    }
    GIVEN("no influence log, but A1 in an activity that stopped at consultation") {
        audit_fixture f;
        f.lines.activity("ACT-LOW")
            .of("ORG")
            .team("T-PAIR")
            .title("ACT-LOW")
            .advisor("A1")
            .level_reached(engagement_level::consultation);
        f.build();
        THEN("engagement levels are no evidence of impact: the indicator is not assessable") {
            CHECK(f.run().find(f.a1)->state(indicator::input_without_impact) ==
                  assessment::not_assessable);
        }
    }
}

SCENARIO("advisors who sit on several teams holding most seats are flagged as a concentration") {
    GIVEN("three teams that all seat the same two advisors") {
        builder b = mini_study();
        b.advisor("A").of("ORG");
        b.advisor("B").of("ORG");
        for (const char* team : {"T1", "T2", "T3"})
            b.team(team).of("ORG").name(team).member("A").member("B");
        const built m{b.build()};
        auto r = analysis::tokenism_audit(m.s);
        THEN("the two advisors on several teams hold all six seats, above the 50% threshold") {
            REQUIRE(r.study_hits.size() == 1);
            CHECK(r.study_hits[0].id == indicator::concentrated_advisors);
            CHECK(r.study_hits[0].detail.find("6 of 6 seats (100%)") != std::string::npos);
            CHECK(r.study_hits[0].records.size() == 2);
        }
    }
    GIVEN("three teams with two different advisors each") {
        builder b = mini_study();
        for (int t = 1; t <= 3; ++t) {
            const std::string n = std::to_string(t);
            b.advisor("A" + n).of("ORG");
            b.advisor("B" + n).of("ORG");
            b.team("T" + n).of("ORG").name("T" + n).member("A" + n).member("B" + n);
        }
        const built m{b.build()};
        THEN("no advisor sits on two teams, so nothing is flagged and the study was assessed") {
            auto r = analysis::tokenism_audit(m.s);
            CHECK(r.study_hits.empty());
            CHECK(r.study_gaps.empty());
        }
    }
    GIVEN("three teams with one different advisor each") {
        builder b = mini_study();
        for (int t = 1; t <= 3; ++t) {
            const std::string n = std::to_string(t);
            b.advisor("A" + n).of("ORG");
            b.team("T" + n).of("ORG").name("T" + n).member("A" + n);
        }
        const built m{b.build()};
        THEN("few advisors are not the same advisors: nothing is flagged") {
            auto r = analysis::tokenism_audit(m.s);
            CHECK(r.study_hits.empty());
            CHECK(r.study_gaps.empty());
        }
    }
    GIVEN("two teams with one different advisor each") {
        builder b = mini_study();
        for (int t = 1; t <= 2; ++t) {
            const std::string n = std::to_string(t);
            b.advisor("A" + n).of("ORG");
            b.team("T" + n).of("ORG").name("T" + n).member("A" + n);
        }
        const built m{b.build()};
        THEN("two teams are below the minimum of three, so concentration is not assessable") {
            auto r = analysis::tokenism_audit(m.s);
            CHECK(r.study_hits.empty());
            REQUIRE(r.study_gaps.size() == 1);
            CHECK(r.study_gaps[0].needed.find("at least 3 teams") != std::string::npos);
        }
    }
}

SCENARIO("a team with one advisor never scores better than a team with two for having fewer") {
    GIVEN("three advisors each only informed by the mid-level manager, lone-advisor disabled") {
        audit_fixture f;
        for (const char* code : {"A1", "A2", "B1"})
            f.lines.engagement("MID", code)
                .kind(engagement_kind::informs)
                .level(engagement_level::information)
                .on("2020-03-01");
        f.build();
        analysis::audit_options o;
        o.enabled[static_cast<std::size_t>(indicator::lone_advisor)] = false;
        auto r = f.run({}, o);
        THEN("each advisor scores 3 on the 3 indicators that could be assessed") {
            for (auto a : {f.a1, f.a2, f.b1}) {
                CHECK(r.find(a)->score == Approx(3.0));
                CHECK(r.find(a)->assessed == 3);
                CHECK(r.find(a)->state(indicator::input_without_impact) ==
                      assessment::not_assessable);
            }
        }
        THEN("both teams carry their worst advisor's score, whatever their size") {
            CHECK(r.find(f.pair)->score == Approx(r.find(f.lone)->score));
            CHECK(r.find(f.pair)->score == Approx(3.0));
        }
    }
}

SCENARIO("scores add the weights of the indicators that fired among those assessed") {
    audit_fixture f;
    analysis::audit_options o;
    o.weights[static_cast<std::size_t>(indicator::lone_advisor)] = 3;
    auto r = f.run({}, o);
    // B1 has no engagement, no preparation, no activity: nothing about B1 is assessable.
    const auto* b1 = r.find(f.b1);
    CHECK(b1->score == Approx(0.0));
    CHECK(b1->assessed == 0);
    CHECK(b1->gaps.size() == 4);
    // T-LONE: lone-advisor (3); no evaluation response, so no-evaluation is not assessable.
    CHECK(r.find(f.lone)->score == Approx(3.0));
    CHECK(r.find(f.lone)->assessed == 1);
    auto s = analysis::summarize(r);
    CHECK(s.advisors == 3);
    CHECK(s.flagged_teams == 1);
    CHECK(s.fired[static_cast<std::size_t>(indicator::lone_advisor)] == 1);
    CHECK(s.not_assessable[static_cast<std::size_t>(indicator::no_evaluation_on_team)] == 2);
}

SCENARIO("the study's reported facts alone flag nothing, they leave indicators not assessable") {
    const case_study s = seed_study_reported();
    auto r = analysis::tokenism_audit(s);
    THEN("no advisor, no team and not the study is flagged") {
        REQUIRE(r.advisors.size() == 4);
        REQUIRE(r.teams.size() == 2);
        for (const auto& a : r.advisors)
            CHECK(a.hits.empty());
        for (const auto& t : r.teams)
            CHECK(t.hits.empty());
        CHECK(r.study_hits.empty());
    }
    THEN("every advisor indicator names the data it would need") {
        for (const auto& a : r.advisors) {
            CHECK(a.gaps.size() == 4);
            CHECK(a.score == Approx(0.0));
            for (const auto& g : a.gaps)
                CHECK(g.needed.find(a.code) != std::string::npos);
        }
        const auto& pa1 = *std::find_if(r.advisors.begin(), r.advisors.end(),
                                        [](const auto& a) { return a.code == "C1-PA1"; });
        CHECK(pa1.state(indicator::no_path_to_decision_maker) == assessment::not_assessable);
    }
    THEN("the teams' advisor counts are assessed from the reported memberships") {
        for (const auto& t : r.teams) {
            CHECK(t.state(indicator::lone_advisor) == assessment::not_flagged);
            CHECK(t.state(indicator::no_evaluation_on_team) == assessment::not_assessable);
        }
    }
    THEN("the text says nobody is flagged and lists what is missing") {
        const std::string text = test::unwrapped(analysis::to_text(r));
        CHECK(text.find("0 of 2 teams and 0 of 4 advisors have at least one indicator flagged") !=
              std::string::npos);
        CHECK(text.find("no engagement recorded for C1-PA1 in 2015-01-01/2017-12-31") !=
              std::string::npos);
    }
}

SCENARIO("ties between advisors or with other non-decision-makers lift no engagement level") {
    GIVEN("A1 informed by MID and partnering with A2, A2 partnering only with A1") {
        audit_fixture f;
        f.lines.engagement("MID", "A1")
            .kind(engagement_kind::informs)
            .level(engagement_level::information)
            .on("2020-03-01");
        f.lines.engagement("A1", "A2")
            .kind(engagement_kind::co_designs_with)
            .level(engagement_level::partnership)
            .on("2020-03-02");
        f.build();
        auto r = f.run();
        THEN("A1 is still flagged as never above consultation") {
            CHECK(r.find(f.a1)->fired(indicator::never_above_consultation));
        }
        THEN("A2, with a peer tie only, is not assessable rather than cleared") {
            CHECK(r.find(f.a2)->state(indicator::never_above_consultation) ==
                  assessment::not_assessable);
        }
    }
}

SCENARIO("support from a coach or a partnership coordinator counts as support") {
    GIVEN("a coach who coaches A1 and a coordinator who supports A2") {
        audit_fixture f;
        f.lines.person("COACH", person_role::coach).of("ORG");
        f.lines.person("COORD", person_role::partnership_coordinator).of("ORG");
        f.lines.engagement("COACH", "A1")
            .kind(engagement_kind::coaches)
            .level(engagement_level::consultation)
            .on("2020-02-01");
        f.lines.engagement("COORD", "A2")
            .kind(engagement_kind::supports)
            .level(engagement_level::consultation)
            .on("2020-02-01");
        f.build();
        auto r = f.run();
        THEN("neither advisor is flagged as not prepared or supported") {
            CHECK(r.find(f.a1)->state(indicator::not_prepared_or_supported) ==
                  assessment::not_flagged);
            CHECK(r.find(f.a2)->state(indicator::not_prepared_or_supported) ==
                  assessment::not_flagged);
        }
        THEN("coaches and coordinators give support, and hold no decision power") {
            CHECK(analysis::gives_support(person_role::coach));
            CHECK(analysis::gives_support(person_role::partnership_coordinator));
            CHECK_FALSE(analysis::gives_support(person_role::provider));
            CHECK_FALSE(analysis::holds_decision_power(person_role::coach));
            CHECK_FALSE(analysis::holds_decision_power(person_role::patient_advisor));
        }
    }
}

SCENARIO("a manager who consults an advisor is a path for the advisor's voice") {
    GIVEN("MID consults A1, MID informs A2, B1 has no engagement") {
        audit_fixture f;
        f.lines.engagement("MID", "A1")
            .kind(engagement_kind::consults)
            .level(engagement_level::consultation)
            .on("2020-03-01");
        f.lines.engagement("MID", "A2")
            .kind(engagement_kind::informs)
            .level(engagement_level::information)
            .on("2020-03-01");
        f.build();
        auto r = f.run();
        THEN("A1's voice reaches MID against the tie, A2's does not, B1 is not assessable") {
            CHECK(r.find(f.a1)->state(indicator::no_path_to_decision_maker) ==
                  assessment::not_flagged);
            CHECK(r.find(f.a2)->state(indicator::no_path_to_decision_maker) == assessment::flagged);
            CHECK(r.find(f.b1)->state(indicator::no_path_to_decision_maker) ==
                  assessment::not_assessable);
        }
        THEN("the voice path reads as codes and roles, or says why there is none") {
            const network::engagement_graph g(f.m.s);
            const std::vector<management_tier> tiers{management_tier::top_level,
                                                     management_tier::mid_level};
            CHECK(network::voice_path_text(g, f.a1, tiers) ==
                  "A1 (patient-advisor) -> MID (manager, mid-level)");
            CHECK(network::voice_path_text(g, f.a2, tiers)
                      .find("A2: no voice path to a top-level or mid-level manager") == 0);
            CHECK(network::voice_path_text(g, f.b1, tiers) ==
                  "B1: no voice path to a top-level or mid-level manager: no engagement "
                  "recorded for B1 in 2020-01-01/2021-12-31");
        }
        THEN("the plain graph direction, which NetworkX follows, still runs from MID to A1") {
            const network::engagement_graph g(f.m.s);
            auto along = network::breadth_first_reach(
                g, [&](const network::person_vertex& p) { return p.person == f.a1; },
                network::tie_direction::along);
            CHECK_FALSE(along.reached(*g.vertex_of(f.mid)));
        }
    }
}

SCENARIO("every engagement kind says in which direction it carries the advisor's voice") {
    using network::voice_flow;
    CHECK(network::voice_direction(engagement_kind::consults) == voice_flow::against_tie);
    CHECK(network::voice_direction(engagement_kind::evaluates) == voice_flow::against_tie);
    CHECK(network::voice_direction(engagement_kind::gives_feedback_to) == voice_flow::with_tie);
    CHECK(network::voice_direction(engagement_kind::co_designs_with) == voice_flow::both_ways);
    CHECK(network::voice_direction(engagement_kind::recruits) == voice_flow::none);
    for (engagement_kind k : enum_traits<engagement_kind>::values)
        CHECK(is_valid(network::voice_direction(k)));
}

SCENARIO("the audit's tokenism ceiling agrees with the mapping of the engagement scales") {
    const analysis::audit_options o;
    CHECK(o.consultation_ceiling == tokenism_ceiling());
    for (engagement_level level : enum_traits<engagement_level>::values) {
        INFO("level " << to_string(level));
        const bool at_or_below = level <= o.consultation_ceiling;
        CHECK(is_tokenism_rung(level) == at_or_below);
        CHECK((to_iap2(level) <= iap2_level::consult) == at_or_below);
        CHECK((to_carman(level) == carman_level::consultation) == at_or_below);
    }
}

SCENARIO("every indicator, threshold and scale mapping names full published references") {
    for (const auto& d : analysis::indicator_definitions()) {
        INFO("indicator " << d.name);
        CHECK_FALSE(d.threshold_source.empty());
        CHECK_FALSE(d.needs.empty());
        const auto refs = analysis::references_of(d.id);
        REQUIRE_FALSE(refs.empty());
        for (const analysis::reference* r : refs)
            CHECK(d.source.find(r->key) != std::string_view::npos);
    }
    for (const analysis::reference& r : analysis::bibliography()) {
        INFO("reference " << r.key);
        CHECK_FALSE(r.authors.empty());
        CHECK_FALSE(r.title.empty());
        CHECK_FALSE(r.where.empty());
        CHECK((!r.doi.empty() || !r.url.empty()));
    }
    CHECK(analysis::reference_of("Majid 2020").doi == "10.1177/2374373520925268");
    CHECK(analysis::reference_of("Carman et al. 2013").doi == "10.1377/hlthaff.2012.1133");
    CHECK(analysis::reference_of("Arnstein 1969").doi == "10.1080/01944366908977225");
    CHECK(analysis::scale_mapping_references().size() == 4);
    CHECK_THROWS_AS(analysis::reference_of("Nobody 1900"), invalid_request_error);
    const std::string text = test::unwrapped(analysis::bibliography_text());
    CHECK(text.find("Montreal collaboration -> Carman involvement, IAP2 collaborate, Arnstein "
                    "partnership (citizen-power)") != std::string::npos);
    CHECK(text.find("doi:10.1186/s12913-019-4618-8") != std::string::npos);
}

SCENARIO("a disabled indicator never fires") {
    audit_fixture f;
    analysis::audit_options o;
    o.enabled[static_cast<std::size_t>(indicator::lone_advisor)] = false;
    CHECK_FALSE(f.run({}, o).find(f.lone)->fired(indicator::lone_advisor));
}

SCENARIO("the audit says its indicators are heuristics, not findings of the study") {
    audit_fixture f;
    auto r = f.run();
    std::string text = analysis::to_text(r);
    CHECK(text.find("not findings of the seed study") != std::string::npos);
    CHECK(text.find("lone-advisor") != std::string::npos);
    for (const auto& d : analysis::indicator_definitions()) {
        CHECK_FALSE(d.rationale.empty());
        CHECK_FALSE(d.source.empty());
    }
    std::ostringstream csv;
    analysis::write_csv(csv, r);
    CHECK(csv.str().find("team,T-LONE,lone-advisor,flagged,1,fewer than 2 advisors,1 advisor: "
                         "B1,team:T-LONE; person:B1,") != std::string::npos);
    THEN("every row of the CSV carries the disclaimer and a state") {
        std::istringstream lines(csv.str());
        std::string line;
        std::getline(lines, line);
        CHECK(line.find(",state,") != std::string::npos);
        CHECK(line.find("disclaimer") != std::string::npos);
        int rows = 0;
        while (std::getline(lines, line)) {
            ++rows;
            CHECK(line.find("not findings of the seed study") != std::string::npos);
        }
        // 1 study row, 2 team indicators x 2 teams, 4 advisor indicators x 3 advisors.
        CHECK(rows == 1 + 4 + 12);
    }
}

SCENARIO("nonsensical audit options are refused") {
    audit_fixture f;
    analysis::audit_options o;
    o.concentration_min_teams = 1;
    CHECK_THROWS_AS(f.run({}, o), invalid_request_error);
    o.concentration_min_teams = 3;
    o.concentration_share = 1.5;
    CHECK_THROWS_AS(f.run({}, o), invalid_request_error);
}
