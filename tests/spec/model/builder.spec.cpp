// A case study written by hand with the builder: one line per record, references by code, and
// mistakes reported with the code the user wrote.
#include <string>

#include <support/catch.hpp>
#include <support/messages.hpp>

#include <partnerqi/model.hpp>

using namespace partnerqi::model;
using partnerqi::validation_error;
using partnerqi::test::mentions;
using partnerqi::test::message_of;

namespace {

// A small hospital study (illustrative): a rural centre with three managers, a nurse and two
// advisors, a mental health QI team, a kaizen activity, practices performed, engagements, a
// wave with an interview, a two-level codebook, a coded segment, a memo and a case. The lines
// are deliberately out of dependency order.
builder small_hospital() {
    builder b{"A small hospital", date_window::years(2015, 2017)};
    b.default_provenance(provenance::illustrative);
    b.engagement("M-FL-01", "PA-01")
        .kind(engagement_kind::prepares)
        .level(engagement_level::collaboration)
        .on("2016-03-01")
        .activity("A-KAIZEN");
    b.engagement("PA-01", "M-TOP-01").kind(engagement_kind::gives_feedback_to).on("2016-04-01");
    b.team("T-MH")
        .of("HCO-1")
        .name("Mental health QI team")
        .clinical_area("mental health")
        .member("M-FL-01", "program manager")
        .member("PR-01", "nurse")
        .member("PA-01", "patient advisor")
        .joined("2015-09-01")
        .member("PA-02", "patient advisor");
    b.organization("HCO-1")
        .name("Rural health centre")
        .setting(setting::rural)
        .provenance(provenance::reported);
    b.manager("M-TOP-01", management_tier::top_level).of("HCO-1").role_label("VP quality");
    b.manager("M-FL-01", management_tier::front_line).of("HCO-1");
    b.provider("PR-01", "nurse").of("HCO-1");
    b.advisor("PA-01").of("HCO-1").display_name("Ada");
    b.advisor("PA-02").of("HCO-1");
    b.activity("A-KAIZEN")
        .team("T-MH")
        .title("Kaizen event on intake")
        .advisor("PA-01")
        .start("2016-02-01");
    b.adopt_default_practice_catalog();
    const enactment_line prepared = b.enactment("MAN-prepare", "M-FL-01")
                                        .on("2016-02-20")
                                        .team("T-MH")
                                        .target("PA-01")
                                        .target("PR-01");
    b.enactment("DES-sponsor", "M-TOP-01").on("2015-06-01");
    b.wave("W1", "2016-01-01", "2016-12-31").label("first wave");
    b.source("INT-01", source_kind::interview)
        .of("HCO-1")
        .wave("W1")
        .on("2016-07-07")
        .participant("M-FL-01")
        .tier(management_tier::front_line)
        .text("We brief both sides first.");
    b.total(source_kind::interview, 12).of("HCO-1").description("interviews with managers");
    b.code("managing/preparing").parent("managing").practice("MAN-prepare");
    b.code("managing").category(practice_category::managing_integration);
    b.segment("INT-01", "managing/preparing", "coder-A")
        .span(0, 8)
        .text("We brief")
        .supports(prepared);
    b.memo("Briefing comes first")
        .text("Both sides are briefed.")
        .source("INT-01")
        .code("managing");
    b.study_case("case-1").of("HCO-1").team("T-MH").label("Case 1: rural centre");
    return b;
}

}  // namespace

SCENARIO("a small hospital study written with the builder resolves every reference by code") {
    GIVEN("the lines of a small hospital study, written out of dependency order") {
        const case_study s = small_hospital().build();
        THEN("every record is in the case study, the practice catalog included") {
            CHECK(s.all<organization>().size() == 1);
            CHECK(s.all<person>().size() == 5);
            CHECK(s.all<qi_team>().size() == 1);
            CHECK(s.all<practice>().size() == default_practice_catalog().size());
            CHECK(s.all<practice_enactment>().size() == 2);
            CHECK(s.all<engagement>().size() == 2);
            CHECK(s.all<code>().size() == 2);
            CHECK(s.all<coded_segment>().size() == 1);
            CHECK(s.all<memo>().size() == 1);
            CHECK(s.all<study_case>().size() == 1);
        }
        THEN("the team's members are the people named, in the order written, with their roles") {
            const qi_team& team = s.get(s.require<qi_team>("T-MH"));
            REQUIRE(team.members.size() == 4);
            CHECK(s.code_of(team.members[0].person) == "M-FL-01");
            CHECK(team.members[2].role_in_team == "patient advisor");
            CHECK(team.members[2].joined == date::from_iso("2015-09-01"));
            CHECK(team.organization == s.require<organization>("HCO-1"));
        }
        THEN("an engagement joins the people its line names, in its activity") {
            const engagement& e = s.all<engagement>().front();
            CHECK(s.code_of(e.from) == "M-FL-01");
            CHECK(s.code_of(e.to) == "PA-01");
            CHECK(e.activity == s.find<qi_activity>("A-KAIZEN"));
            CHECK(e.level == engagement_level::collaboration);
        }
        THEN(
            "an activity and an enactment without an organization take their team's, or the "
            "manager's") {
            CHECK(s.get(s.require<qi_activity>("A-KAIZEN")).organization ==
                  s.require<organization>("HCO-1"));
            CHECK(s.all<practice_enactment>()[1].organization == s.require<organization>("HCO-1"));
            CHECK(!s.all<practice_enactment>()[1].team);
        }
        THEN(
            "a child code written before its parent hangs under it, and a segment supports its "
            "enactment") {
            CHECK(s.get(s.require<code>("managing/preparing")).parent == s.find<code>("managing"));
            CHECK(s.all<coded_segment>().front().supports ==
                  std::vector<enactment_id>{s.all<practice_enactment>().front().id});
        }
        THEN("records carry the builder's default provenance unless their line sets one") {
            CHECK(s.all<organization>().front().provenance == provenance::reported);
            CHECK(s.get(s.require<person>("PA-02")).provenance == provenance::illustrative);
            CHECK(s.get(s.require<practice>("MAN-prepare")).provenance == provenance::illustrative);
        }
    }
    GIVEN("a builder started from an existing case study") {
        builder b{small_hospital().build()};
        b.engagement("M-TOP-01", "PA-02").kind(engagement_kind::consults).on("2017-01-10");
        WHEN("it is built") {
            const case_study s = b.build();
            THEN(
                "the new line refers to records of the starting study and the records default to "
                "user-entered") {
                REQUIRE(s.all<engagement>().size() == 3);
                CHECK(s.code_of(s.all<engagement>().back().to) == "PA-02");
                CHECK(s.all<engagement>().back().provenance == provenance::user_entered);
            }
        }
    }
}

SCENARIO("usual mistakes in a hand-written study are reported with the code the user wrote") {
    GIVEN("a small hospital study") {
        builder b = small_hospital();
        WHEN("a team lists a member whose code has a typo") {
            b.team("T-ER").of("HCO-1").member("PA-20", "patient advisor");
            const std::string message = message_of<validation_error>([&] { (void)b.build(); });
            THEN("the message names the team, the code written and the closest code") {
                CHECK(mentions(message, "team \"T-ER\""));
                CHECK(mentions(message, "lists member \"PA-20\", but no person has that code"));
                CHECK(mentions(message, "did you mean \"PA-02\"?"));
            }
        }
        WHEN("a person is added twice") {
            const std::string message = message_of<validation_error>([&] { b.advisor("PA-02"); });
            THEN("the second line is refused, naming the person") {
                CHECK(mentions(message, "person \"PA-02\": is added twice"));
            }
        }
        WHEN("a team lists the same member twice") {
            const std::string message = message_of<validation_error>(
                [&] { b.team("T-ER").of("HCO-1").member("PA-01").member("PA-01"); });
            THEN("the message names the team and the member") {
                CHECK(mentions(message, "team \"T-ER\": lists member \"PA-01\" twice"));
            }
        }
        WHEN("an engagement joins a person to themself") {
            const std::string message =
                message_of<validation_error>([&] { b.engagement("PA-02", "PA-02"); });
            THEN("the message names the person") {
                CHECK(mentions(
                    message,
                    "engagement from \"PA-02\" to \"PA-02\": joins \"PA-02\" to themself"));
            }
        }
        WHEN("an enactment names a practice that is not in the catalog") {
            b.enactment("MAN-prepar", "M-FL-01").on("2016-05-01");
            const std::string message = message_of<validation_error>([&] { (void)b.build(); });
            THEN("the message names the practice written and suggests the catalog's") {
                CHECK(mentions(message,
                               "performs practice \"MAN-prepar\", but no practice has that code"));
                CHECK(mentions(message, "did you mean \"MAN-prepare\"?"));
            }
        }
        WHEN("the case study refuses a record, here a date outside the study window") {
            b.engagement("PA-02", "M-FL-01").on("2019-01-01");
            const std::string message = message_of<validation_error>([&] { (void)b.build(); });
            THEN("its rule comes through, naming the line by the codes written") {
                CHECK(mentions(message, "engagement from \"PA-02\" to \"M-FL-01\": "));
                CHECK(mentions(message, "outside the study window"));
            }
        }
        WHEN("an engagement has no date") {
            b.engagement("PA-02", "M-FL-01");
            const std::string message = message_of<validation_error>([&] { (void)b.build(); });
            THEN("the message says how to give it one") {
                CHECK(mentions(message, "has no date; set one with .on("));
            }
        }
        WHEN("a date is not a calendar date") {
            std::string message;
            try {
                b.engagement("PA-02", "M-FL-01").on("2016-13-01");
            } catch (const partnerqi::parse_error& e) {
                message = e.what();
            }
            THEN("the message names the line and quotes the text") {
                CHECK(mentions(message, "engagement from \"PA-02\" to \"M-FL-01\": "));
                CHECK(mentions(message, "2016-13-01"));
            }
        }
        WHEN("a team names no organization") {
            b.team("T-ER").member("PA-01");
            const std::string message = message_of<validation_error>([&] { (void)b.build(); });
            THEN("the message says how to name one") {
                CHECK(mentions(message, "team \"T-ER\": has no organization; name it with .of("));
            }
        }
        WHEN("a code's parent is a code that descends from it") {
            b.code("a").parent("b");
            b.code("b").parent("a");
            const std::string message = message_of<validation_error>([&] { (void)b.build(); });
            THEN("the message names the code and says the codebook must be a tree") {
                CHECK(mentions(message, "code \"a\": has parent \"b\""));
                CHECK(mentions(message, "the codebook must be a tree"));
            }
        }
    }
}
