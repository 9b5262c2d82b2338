// The case study owns every record and refuses any record that would break an invariant,
// with a message that names the record and the rule.
#include <string>

#include <support/catch.hpp>
#include <support/messages.hpp>

#include <partnerqi/model.hpp>

using namespace partnerqi::model;
using partnerqi::not_found_error;
using partnerqi::validation_error;
using partnerqi::test::mentions;
using partnerqi::test::message_of;

namespace {

// A small partnership: one organization with a top-level manager, a front-line manager, a
// nurse and two advisors, and a QI team holding the nurse, one manager and both advisors
// (illustrative).
struct small_study {
    case_study s = written();
    organization_id org = s.require<organization>("HCO-A"),
                    other_org = s.require<organization>("HCO-B");
    person_id director = s.require<person>("M-TOP-01"),
              coordinator_manager = s.require<person>("M-FL-01"),
              nurse = s.require<person>("PR-01"), pa1 = s.require<person>("PA-01"),
              pa2 = s.require<person>("PA-02");
    team_id team = s.require<qi_team>("T-1");

    static case_study written() {
        builder b{"A small partnership", date_window::years(2015, 2017)};
        b.organization("HCO-A").name("Health centre A");
        b.organization("HCO-B").name("Health centre B");
        b.manager("M-TOP-01", management_tier::top_level).of("HCO-A");
        b.manager("M-FL-01", management_tier::front_line).of("HCO-A");
        b.provider("PR-01").of("HCO-A");
        b.advisor("PA-01").of("HCO-A");
        b.advisor("PA-02").of("HCO-A");
        b.team("T-1")
            .of("HCO-A")
            .member("PR-01", "nurse")
            .member("M-FL-01", "program manager")
            .member("PA-01", "patient advisor")
            .joined("2015-09-01")
            .member("PA-02", "patient advisor")
            .joined("2015-09-01");
        return b.build();
    }

    // Adds a person of HCO-A straight through case_study::add, whose checks the scenarios test.
    person_id add_person(const char* code, person_role role,
                         std::optional<management_tier> tier = std::nullopt) {
        person p;
        p.code = code;
        p.role = role;
        p.tier = tier;
        p.organization = org;
        return s.add(p);
    }

    engagement engagement_between(person_id from, person_id to,
                                  const char* on = "2016-01-10") const {
        engagement e;
        e.from = from;
        e.to = to;
        e.kind = engagement_kind::prepares;
        e.level = engagement_level::consultation;
        e.on = date::from_iso(on);
        return e;
    }
};

}  // namespace

SCENARIO("records added to a case study get ids and can be found by id and by code",
         "[model][case_study]") {
    small_study f;
    THEN("ids are assigned in order and every record is found again") {
        CHECK(f.s.all<person>().size() == 5);
        CHECK(f.s.get(f.pa1).code == "PA-01");
        CHECK(f.s.find<person>("M-TOP-01") == f.director);
        CHECK(f.s.find<qi_team>("T-1") == f.team);
        CHECK(f.s.find<organization>("HCO-B") == f.other_org);
        CHECK_FALSE(f.s.find<person>("nobody").has_value());
        CHECK(f.s.get(f.team).members.size() == 4);
    }
    THEN("an id that names nothing is reported as not found") {
        CHECK_THROWS_AS(f.s.get(person_id{999}), not_found_error);
        CHECK_THROWS_AS(f.s.get(team_id{0}), not_found_error);
    }
    THEN("the whole aggregate validates") { CHECK_NOTHROW(f.s.validate()); }
}

SCENARIO("every kind of record can be added and looked up", "[model][case_study]") {
    small_study f;
    add_default_practice_catalog(f.s);
    practice_id prepare = f.s.require<practice>("MAN-prepare");

    qi_activity a;
    a.code = "ACT-1";
    a.organization = f.org;
    a.team = f.team;
    a.title = "co-design the discharge pathway";
    a.level_reached = engagement_level::collaboration;
    a.start = date::from_iso("2016-01-01");
    a.end = date::from_iso("2016-06-30");
    a.advisors = {f.pa1, f.pa2};
    activity_id act = f.s.add(a);

    practice_enactment en;
    en.practice = prepare;
    en.manager = f.coordinator_manager;
    en.on = date::from_iso("2015-10-01");
    en.organization = f.org;
    en.team = f.team;
    en.targets = {f.pa1, f.pa2};
    enactment_id enact = f.s.add(en);

    engagement e = f.engagement_between(f.coordinator_manager, f.pa1);
    e.activity = act;
    engagement_id eng = f.s.add(e);

    wave_id w1 = f.s.add(wave{{}, "W1", "first wave", date_window::years(2016, 2016)});
    data_source interview;
    interview.code = "INT-01";
    interview.kind = source_kind::interview;
    interview.on = date::from_iso("2016-03-01");
    interview.wave = w1;
    interview.organization = f.org;
    interview.participants = {f.director};
    interview.tier = management_tier::top_level;
    interview.text = "We prepared the advisors together.";
    source_id src = f.s.add(interview);

    source_total total;
    total.kind = source_kind::interview;
    total.count = 12;
    total_id tot = f.s.add(total);

    code c;
    c.name = "preparing advisors";
    c.practice = prepare;
    code_id cid = f.s.add(c);
    coded_segment seg;
    seg.source = src;
    seg.begin = 0;
    seg.end = 10;
    seg.code = cid;
    seg.coder = "coder-A";
    seg.supports = {enact};
    segment_id sid = f.s.add(seg);
    memo m;
    m.title = "note";
    m.source = src;
    m.code = cid;
    memo_id mid = f.s.add(m);
    case_id k =
        f.s.add(study_case{{}, "case-A", "Case A", f.org, {f.team}, provenance::user_entered});

    THEN("each is found by its id with the values it was given") {
        CHECK(f.s.get(act).advisors.size() == 2);
        CHECK(f.s.get(enact).targets.size() == 2);
        CHECK(f.s.get(eng).activity == act);
        CHECK(f.s.get(w1).window.first().year() == 2016);
        CHECK(f.s.get(src).tier == management_tier::top_level);
        CHECK(f.s.get(tot).count == 12);
        CHECK(f.s.get(cid).practice == prepare);
        CHECK(f.s.get(sid).supports.front() == enact);
        CHECK(f.s.get(mid).code == cid);
        CHECK(f.s.get(k).teams.size() == 1);
        CHECK(f.s.find<code>("preparing advisors") == cid);
        CHECK(f.s.find<data_source>("INT-01") == src);
        CHECK(f.s.find<wave>("W1") == w1);
        CHECK(f.s.find<study_case>("case-A") == k);
        CHECK(f.s.find<qi_activity>("ACT-1") == act);
    }
    THEN("the aggregate still validates, and a copy built from its data is equal to it") {
        CHECK_NOTHROW(f.s.validate());
        case_study copy = case_study::from_data(f.s.data());
        CHECK(copy == f.s);
        CHECK(copy.find<person>("PA-02") == f.pa2);
    }
}

SCENARIO("codes are unique within their kind", "[model][case_study][invariant]") {
    small_study f;
    WHEN("a second person takes the code PA-01") {
        std::string message =
            message_of<validation_error>([&] { f.add_person("PA-01", person_role::provider); });
        THEN(
            "the person is refused, the message names the code and the rule, and nothing changes") {
            CHECK(mentions(message, "person PA-01"));
            CHECK(mentions(message, "unique"));
            CHECK(f.s.all<person>().size() == 5);
        }
    }
    WHEN("a team takes a person's code") {
        qi_team t;
        t.code = "PA-01";
        t.organization = f.org;
        THEN("it is accepted, since codes are unique per kind") { CHECK_NOTHROW(f.s.add(t)); }
    }
    WHEN("a person has no code") {
        std::string message =
            message_of<validation_error>([&] { f.add_person("", person_role::provider); });
        THEN("it is refused and told to give one") { CHECK(mentions(message, "has no code")); }
    }
}

SCENARIO("a manager has a tier and only a manager has one", "[model][case_study][invariant]") {
    small_study f;
    WHEN("a manager is added without a tier") {
        std::string message =
            message_of<validation_error>([&] { f.add_person("M-X", person_role::manager); });
        THEN("it is refused and the message names the three tiers") {
            CHECK(mentions(message, "person M-X"));
            CHECK(mentions(message, "must have a tier"));
            CHECK(mentions(message, "front-line"));
        }
    }
    WHEN("a patient advisor is given a tier") {
        std::string message = message_of<validation_error>([&] {
            f.add_person("PA-X", person_role::patient_advisor, management_tier::mid_level);
        });
        THEN("it is refused: only managers have tiers") {
            CHECK(mentions(message, "only a manager has a tier"));
            CHECK(mentions(message, "patient-advisor"));
        }
    }
}

SCENARIO("every reference must resolve to an existing record", "[model][case_study][invariant]") {
    small_study f;
    WHEN("a person names an organization that does not exist") {
        person p;
        p.code = "PR-9";
        p.role = person_role::provider;
        p.organization = organization_id{77};
        std::string message = message_of<validation_error>([&] { f.s.add(p); });
        THEN("the message names the person, the missing id and what to do") {
            CHECK(mentions(message, "person PR-9"));
            CHECK(mentions(message, "#77"));
            CHECK(mentions(message, "add it first"));
        }
    }
    WHEN("an engagement names a person that does not exist") {
        engagement e = f.engagement_between(f.director, person_id{404});
        THEN("it is refused") {
            CHECK(mentions(message_of<validation_error>([&] { f.s.add(e); }), "#404"));
        }
    }
    WHEN("a team lists an unknown member") {
        THEN("the membership is refused") {
            CHECK(mentions(message_of<validation_error>([&] {
                               f.s.add_member(f.team, {person_id{55}, "x", {}, {}, false});
                           }),
                           "#55"));
            CHECK(f.s.get(f.team).members.size() == 4);
        }
    }
    WHEN("a coded segment names an unknown source") {
        coded_segment seg;
        seg.source = source_id{3};
        seg.code = code_id{1};
        seg.coder = "A";
        THEN("it is refused") {
            CHECK(mentions(message_of<validation_error>([&] { f.s.add(seg); }), "data source"));
        }
    }
}

SCENARIO("dated records lie inside the study window and end after they start",
         "[model][case_study][invariant]") {
    small_study f;
    WHEN("an engagement is dated 2018, after the 2015-2017 window") {
        std::string message = message_of<validation_error>(
            [&] { f.s.add(f.engagement_between(f.director, f.pa1, "2018-02-01")); });
        THEN("it is refused and the message gives the date and the window") {
            CHECK(mentions(message, "2018-02-01"));
            CHECK(mentions(message, "2015-01-01/2017-12-31"));
        }
    }
    WHEN("an activity ends before it starts") {
        qi_activity a;
        a.code = "A-X";
        a.organization = f.org;
        a.start = date::from_iso("2016-05-01");
        a.end = date::from_iso("2016-04-01");
        THEN("it is refused") {
            CHECK(mentions(message_of<validation_error>([&] { f.s.add(a); }), "before it starts"));
        }
    }
    WHEN("a membership is left before it is joined") {
        team_membership m{f.director, "sponsor", date::from_iso("2016-05-01"),
                          date::from_iso("2016-01-01"), false};
        THEN("it is refused") {
            CHECK(mentions(message_of<validation_error>([&] { f.s.add_member(f.team, m); }),
                           "before it starts"));
        }
    }
    WHEN("a wave reaches past the study window") {
        THEN("it is refused") {
            CHECK(mentions(message_of<validation_error>([&] {
                               f.s.add(wave{{}, "W9", "", date_window::years(2017, 2018)});
                           }),
                           "outside the study window"));
        }
    }
    WHEN("the study window is narrowed so that a membership date falls outside") {
        THEN("the new window is refused and the old one kept") {
            CHECK_THROWS_AS(f.s.set_window(date_window::years(2016, 2017)), validation_error);
            CHECK(f.s.window() == date_window::years(2015, 2017));
        }
    }
}

SCENARIO("a team member belongs to the team's organization unless marked external",
         "[model][case_study][invariant]") {
    small_study f;
    person p;
    p.code = "PR-B";
    p.role = person_role::provider;
    p.organization = f.other_org;
    person_id outsider = f.s.add(p);
    WHEN("a provider of another organization joins the team") {
        std::string message = message_of<validation_error>([&] {
            f.s.add_member(f.team, {outsider, "pharmacist", {}, {}, false});
        });
        THEN("it is refused and the message suggests marking it external") {
            CHECK(mentions(message, "team T-1"));
            CHECK(mentions(message, "external"));
        }
    }
    WHEN("the same membership is marked external") {
        THEN("it is accepted") {
            CHECK_NOTHROW(f.s.add_member(f.team, {outsider, "pharmacist", {}, {}, true}));
            CHECK(f.s.get(f.team).members.size() == 5);
        }
    }
    WHEN("a person is listed twice on a team") {
        THEN("it is refused") {
            CHECK(mentions(message_of<validation_error>([&] {
                               f.s.add_member(f.team, {f.pa1, "x", {}, {}, false});
                           }),
                           "twice"));
        }
    }
}

SCENARIO("practices are enacted by managers and engagements join two different people",
         "[model][case_study][invariant]") {
    small_study f;
    add_default_practice_catalog(f.s);
    practice_enactment en;
    en.practice = f.s.require<practice>("MAN-coach");
    en.on = date::from_iso("2016-01-01");
    en.organization = f.org;
    WHEN("a nurse is recorded as enacting a practice") {
        en.manager = f.nurse;
        std::string message = message_of<validation_error>([&] { f.s.add(en); });
        THEN("it is refused: practices are performed by managers") {
            CHECK(mentions(message, "person PR-01"));
            CHECK(mentions(message, "performed by managers"));
        }
    }
    WHEN("the enactment names a team of another organization") {
        qi_team t;
        t.code = "T-B";
        t.organization = f.other_org;
        en.manager = f.director;
        en.team = f.s.add(t);
        THEN("it is refused") {
            CHECK(mentions(message_of<validation_error>([&] { f.s.add(en); }),
                           "another organization"));
        }
    }
    WHEN("someone engages themself") {
        THEN("it is refused") {
            CHECK(mentions(
                message_of<validation_error>([&] { f.s.add(f.engagement_between(f.pa1, f.pa1)); }),
                "two different people"));
        }
    }
    WHEN("an activity lists a nurse as one of its advisors") {
        qi_activity a;
        a.code = "A-N";
        a.organization = f.org;
        a.advisors = {f.nurse};
        THEN("it is refused") {
            CHECK(mentions(message_of<validation_error>([&] { f.s.add(a); }), "as an advisor"));
        }
    }
}

SCENARIO("evidence records keep their own rules", "[model][case_study][invariant]") {
    small_study f;
    data_source s;
    s.code = "INT-2";
    s.kind = source_kind::interview;
    WHEN("an interview has two participants") {
        s.participants = {f.director, f.nurse};
        THEN("it is refused and a focus group suggested") {
            CHECK(mentions(message_of<validation_error>([&] { f.s.add(s); }), "focus group"));
        }
    }
    WHEN("a focus group carries a tier") {
        s.kind = source_kind::focus_group;
        s.tier = management_tier::top_level;
        THEN("it is refused") {
            CHECK(mentions(message_of<validation_error>([&] { f.s.add(s); }), "only an interview"));
        }
    }
    WHEN("a segment runs past the end of its source's text") {
        s.text = "short";
        source_id src = f.s.add(s);
        code c;
        c.name = "c";
        code_id cid = f.s.add(c);
        coded_segment seg{{}, src, 2, 40, cid, "coder-A", "", {}};
        THEN("it is refused with the text's length") {
            CHECK(mentions(message_of<validation_error>([&] { f.s.add(seg); }), "5 characters"));
        }
    }
    WHEN("a code would become its own ancestor") {
        code parent;
        parent.name = "parent";
        code_id p = f.s.add(parent);
        code child;
        child.name = "child";
        child.parent = p;
        code_id ch = f.s.add(child);
        code looped = f.s.get(p);
        looped.parent = ch;
        THEN("the edit is refused and the codebook stays a tree") {
            CHECK(mentions(message_of<validation_error>([&] { f.s.update(looped); }),
                           "own ancestor"));
            CHECK_FALSE(f.s.get(p).parent.has_value());
        }
    }
    WHEN("a total is split by tier for focus groups") {
        source_total t;
        t.kind = source_kind::focus_group;
        t.count = 7;
        t.tier = management_tier::mid_level;
        THEN("it is refused: only interviews have a tier") {
            CHECK(mentions(message_of<validation_error>([&] { f.s.add(t); }), "only interviews"));
        }
    }
}

SCENARIO("a record with an id of its own is refused, since the case study assigns ids",
         "[model][case_study][invariant]") {
    small_study f;
    person p;
    p.id = person_id{3};
    p.code = "NEW";
    CHECK(mentions(message_of<validation_error>([&] { f.s.add(p); }), "assigns ids"));
}

SCENARIO("a record is edited in place only when it and everything that refers to it stay valid",
         "[model][case_study][edit]") {
    small_study f;
    add_default_practice_catalog(f.s);
    practice_enactment en;
    en.practice = f.s.require<practice>("DES-vision");
    en.manager = f.director;
    en.on = date::from_iso("2015-03-01");
    en.organization = f.org;
    f.s.add(en);
    WHEN("an advisor's display name is set") {
        person p = f.s.get(f.pa1);
        p.display_name = "Ms A.";
        f.s.update(p);
        THEN("the new value is kept") { CHECK(f.s.get(f.pa1).display_name == "Ms A."); }
    }
    WHEN("a person's code changes") {
        person p = f.s.get(f.pa1);
        p.code = "PA-01b";
        f.s.update(p);
        THEN("lookup by the new code works and the old code is gone") {
            CHECK(f.s.find<person>("PA-01b") == f.pa1);
            CHECK_FALSE(f.s.find<person>("PA-01").has_value());
        }
    }
    WHEN("the director who enacted a practice is turned into a provider") {
        person p = f.s.get(f.director);
        p.role = person_role::provider;
        p.tier.reset();
        std::string message = message_of<validation_error>([&] { f.s.update(p); });
        THEN(
            "the edit is refused because the enactment needs a manager, and the director is "
            "unchanged") {
            CHECK(mentions(message, "performed by managers"));
            CHECK(f.s.get(f.director).role == person_role::manager);
        }
    }
    WHEN("a record that does not exist is updated") {
        person p;
        p.id = person_id{99};
        p.code = "ghost";
        THEN("it is reported as not found") { CHECK_THROWS_AS(f.s.update(p), not_found_error); }
    }
}

SCENARIO("a record is removed only when nothing refers to it", "[model][case_study][edit]") {
    small_study f;
    WHEN("an advisor on a team is removed") {
        std::string message = message_of<validation_error>([&] { f.s.remove(f.pa1); });
        THEN(
            "it is refused, the message names the team that still refers to it, and the advisor "
            "stays") {
            CHECK(mentions(message, "person PA-01"));
            CHECK(mentions(message, "team T-1"));
            CHECK(f.s.get(f.pa1).code == "PA-01");
            CHECK(f.s.find<person>("PA-01") == f.pa1);
        }
    }
    WHEN("the team is removed first, then the advisor") {
        f.s.remove(f.team);
        f.s.remove(f.pa1);
        THEN("both are gone, lookups by code fail, and ids of other records are unchanged") {
            CHECK_FALSE(f.s.find<qi_team>("T-1").has_value());
            CHECK_FALSE(f.s.find<person>("PA-01").has_value());
            CHECK_THROWS_AS(f.s.get(f.pa1), not_found_error);
            CHECK(f.s.get(f.pa2).code == "PA-02");
            CHECK_NOTHROW(f.s.validate());
        }
        THEN("a new person gets an id after every existing one") {
            person_id again = f.add_person("PA-03", person_role::patient_advisor);
            CHECK(again.value > f.pa2.value);
        }
    }
}

SCENARIO("a refused removal lists every record that still refers to the person",
         "[model][case_study][edit]") {
    small_study f;
    engagement e;
    e.from = f.director;
    e.to = f.pa1;
    e.kind = engagement_kind::consults;
    e.on = date::from_iso("2016-03-01");
    const engagement_id consulted = f.s.add(e);
    WHEN("the advisor, on a team and consulted by the director, is removed") {
        std::string message = message_of<validation_error>([&] { f.s.remove(f.pa1); });
        THEN("the message names the team and the engagement by its content, and counts them") {
            CHECK(mentions(message, "2 records still refer"));
            CHECK(mentions(message, "team T-1"));
            CHECK(mentions(message, "engagement M-TOP-01 -> PA-01 on 2016-03-01"));
        }
        THEN("referrers() gives the same two records") {
            CHECK(
                f.s.referrers(f.pa1) ==
                std::vector<std::string>{"team T-1", "engagement M-TOP-01 -> PA-01 on 2016-03-01"});
        }
    }
    WHEN("the engagement is removed and the advisor leaves the team") {
        f.s.remove(consulted);
        f.s.remove_member(f.team, f.pa1);
        THEN("the advisor can be removed, and the team keeps its other members") {
            CHECK_NOTHROW(f.s.remove(f.pa1));
            CHECK(f.s.get(f.team).members.size() == 3);
            CHECK_NOTHROW(f.s.validate());
        }
    }
    WHEN("a person who is not a member is taken off the team") {
        THEN("it is reported as not found, naming the team and the person") {
            std::string message;
            try {
                f.s.remove_member(f.team, f.director);
            } catch (const not_found_error& error) {
                message = error.what();
            }
            CHECK(mentions(message, "team T-1 has no member person M-TOP-01"));
        }
    }
}

SCENARIO("a record is looked up by code without undefined behaviour on a typo",
         "[model][case_study][lookup]") {
    small_study f;
    THEN("find gives no value, try_get a null pointer, for what does not exist") {
        CHECK_FALSE(f.s.find<person>("PA-10").has_value());
        CHECK(f.s.try_get(person_id{999}) == nullptr);
        CHECK(f.s.try_get(f.pa1) == &f.s.get(f.pa1));
    }
    THEN("require names the mistyped code and suggests the closest existing codes") {
        try {
            (void)f.s.require<person>("PA-10");
            FAIL("require accepted a code that no person has");
        } catch (const not_found_error& e) {
            const std::string message = e.what();
            CHECK(mentions(message, "no person has the code \"PA-10\""));
            CHECK(mentions(message, "did you mean \"PA-01\""));
        }
    }
    THEN("a swap of two neighbouring characters counts as one edit") {
        CHECK(f.s.closest_codes<person>("AP-01", 1) == std::vector<std::string>{"PA-01"});
    }
    THEN("a code far from every other gets no suggestion") {
        CHECK(f.s.closest_codes<person>("completely different").empty());
    }
}

SCENARIO("an edit re-checks the records that refer to the edited one, and only those",
         "[model][case_study][edit]") {
    small_study f;
    WHEN("the front-line manager, a member of the team, is moved to the other organization") {
        person moved = f.s.get(f.coordinator_manager);
        moved.organization = f.other_org;
        std::string message = message_of<validation_error>([&] { f.s.update(moved); });
        THEN("the team that lists them refuses it, and nothing changes") {
            CHECK(mentions(message, "team T-1"));
            CHECK(mentions(message, "external"));
            CHECK(f.s.get(f.coordinator_manager).organization ==
                  std::optional<organization_id>(f.org));
        }
    }
    WHEN("a person's code is changed") {
        person renamed = f.s.get(f.pa2);
        renamed.code = "PA-22";
        f.s.update(renamed);
        THEN("the new code finds them and the old one no longer does") {
            CHECK(f.s.find<person>("PA-22") == f.pa2);
            CHECK_FALSE(f.s.find<person>("PA-02").has_value());
        }
    }
}

SCENARIO("data that breaks an invariant is refused as a whole when a case study is built from it",
         "[model][case_study][validate]") {
    small_study f;
    case_study_data data = f.s.data();
    WHEN("two people share a code") {
        data.all<person>()[1].code = data.all<person>()[0].code;
        THEN("from_data refuses it") {
            CHECK(mentions(message_of<validation_error>([&] { (void)case_study::from_data(data); }),
                           "unique"));
        }
    }
    WHEN("records are out of id order") {
        std::swap(data.all<person>()[0], data.all<person>()[1]);
        THEN("from_data refuses it") {
            CHECK(mentions(message_of<validation_error>([&] { (void)case_study::from_data(data); }),
                           "id order"));
        }
    }
    WHEN("an enum holds a value outside its range") {
        data.all<person>()[0].role = static_cast<person_role>(99);
        THEN("from_data refuses it and names the field") {
            CHECK(mentions(message_of<validation_error>([&] { (void)case_study::from_data(data); }),
                           "invalid role"));
        }
    }
    WHEN("a membership points at a person that is not there") {
        data.all<qi_team>()[0].members[0].person = person_id{1000};
        THEN("from_data refuses it") {
            CHECK(mentions(message_of<validation_error>([&] { (void)case_study::from_data(data); }),
                           "#1000"));
        }
    }
    WHEN("three codes of a crafted file name each other as parents") {
        auto& codes = data.all<code>();
        for (std::uint32_t i = 1; i <= 3; ++i) {
            code c;
            c.id = code_id{i};
            c.name = "loop " + std::to_string(i);
            c.parent = code_id{i % 3 + 1};
            codes.push_back(c);
        }
        THEN("from_data refuses the loop") {
            CHECK(mentions(message_of<validation_error>([&] { (void)case_study::from_data(data); }),
                           "own ancestor"));
        }
    }
    WHEN("a codebook of 100,000 codes forms one parent chain") {
        auto& codes = data.all<code>();
        codes.clear();
        for (std::uint32_t i = 1; i <= 100'000; ++i) {
            code c;
            c.id = code_id{i};
            c.name = "level " + std::to_string(i);
            if (i > 1) c.parent = code_id{i - 1};
            codes.push_back(c);
        }
        THEN("it is a tree, checked in one pass over the codes") {
            CHECK(case_study::from_data(data).all<code>().size() == 100'000);
        }
    }
}
