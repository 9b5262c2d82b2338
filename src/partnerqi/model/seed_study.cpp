#include "partnerqi/model/seed_study.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "partnerqi/model/builder.hpp"
#include "partnerqi/model/evaluation_catalog.hpp"

namespace partnerqi::model {

namespace {

constexpr const char* program_manager = "program manager";

// A reported organization of the study: both are integrated university centres in Quebec.
void reported_organization(builder& b, const char* code, const char* name, setting where) {
    b.organization(code)
        .name(name)
        .setting(where)
        .kind("integrated university health and social services centre")
        .region("Quebec")
        .program("Partners in Care Program")
        .partnership_model("Montreal model");
}

// A reported member of a QI team, of the team's organization. The study reports the program
// managers' title but not their management tier, so they are recorded with role "other" and the
// label "program manager" here; seed_study_illustrated() assumes a tier for them.
void reported_member(builder& b, team_line& team, const char* organization, const char* code,
                     person_role role, const char* label, const char* profession,
                     const char* role_in_team) {
    person_line p = b.person(code, role);
    p.of(organization).role_label(label).profession(profession);
    if (std::string(label) == program_manager)
        p.note(
            "role reported as program manager; the study reports no management tier, so none "
            "is recorded");
    team.member(code, role_in_team);
}

// A reported QI activity. The study gives its title and level, not its kind: the kind stays
// "other" here, and seed_study_illustrated() adds partnerqi's classification as illustrative.
void reported_activity(builder& b, const char* code, const char* organization, const char* team,
                       const char* title, activity_level level) {
    activity_line a = b.activity(code)
                          .of(organization)
                          .title(title)
                          .level(level)
                          .kind(activity_kind::other)
                          .note("reported activity; the study does not classify it by kind");
    if (*team) a.team(team);
}

// partnerqi's classification of each reported activity by kind: illustrative, not the study's.
struct activity_classification {
    const char* code;
    activity_kind kind;
};
constexpr activity_classification classified[] = {
    {"C1-A1", activity_kind::co_designing_care_process},
    {"C1-A2", activity_kind::giving_feedback_on_care},
    {"C1-A3", activity_kind::improvement_project},
    {"C1-O1", activity_kind::improvement_project},
    {"C1-O2", activity_kind::improvement_project},
    {"C1-O3", activity_kind::improvement_project},
    {"C2-A1", activity_kind::education},
    {"C2-A2", activity_kind::education},
    {"C2-A3", activity_kind::education},
    {"C2-O1", activity_kind::education},
    {"C2-O2", activity_kind::improvement_project},
};

}  // namespace

case_study seed_study_reported() {
    builder b("Partnering with patients in quality improvement: two Quebec cases",
              date_window::years(2015, 2017));
    b.default_provenance(provenance::reported);
    b.description(
        "Clavel N, Pomey M-P, Ghadiri DPS. Partnering with patients in quality improvement: "
        "towards renewed practices for healthcare organization managers? BMC Health Serv Res. "
        "2019. doi:10.1186/s12913-019-4618-8. Multi-level longitudinal case studies, 2015-2017.");

    using r = person_role;
    reported_organization(b, "HCO-1", "Case 1 organization (rural)", setting::rural);
    reported_organization(b, "HCO-2", "Case 2 organization (urban)", setting::urban);

    team_line t1 = b.team("T1-MH")
                       .of("HCO-1")
                       .name("Mental health QI team")
                       .clinical_area("mental health")
                       .unit("ambulatory hospital services");
    reported_member(b, t1, "HCO-1", "C1-PM", r::other, program_manager, "", "program manager");
    reported_member(b, t1, "HCO-1", "C1-PSY-CHIEF", r::provider, "medical chief", "psychiatrist",
                    "medical chief");
    reported_member(b, t1, "HCO-1", "C1-PSYCH", r::provider, "", "psychologist", "psychologist");
    reported_member(b, t1, "HCO-1", "C1-OT", r::provider, "", "occupational therapist",
                    "occupational therapist");
    reported_member(b, t1, "HCO-1", "C1-NURSE", r::provider, "", "nurse", "nurse");
    reported_member(b, t1, "HCO-1", "C1-PA1", r::patient_advisor, "patient advisor", "",
                    "patient advisor");
    reported_member(b, t1, "HCO-1", "C1-PA2", r::patient_advisor, "patient advisor", "",
                    "patient advisor");
    reported_member(b, t1, "HCO-1", "C1-ICL1", r::other, "ICL", "", "ICL");
    reported_member(b, t1, "HCO-1", "C1-ICL2", r::other, "ICL", "", "ICL");
    team_line t2 = b.team("T2-ONC")
                       .of("HCO-2")
                       .name("Breast cancer QI team")
                       .clinical_area("oncology")
                       .unit("acute breast-cancer services");
    reported_member(b, t2, "HCO-2", "C2-PM", r::other, program_manager, "", "program manager");
    reported_member(b, t2, "HCO-2", "C2-RAD-CHIEF", r::provider, "medical chief",
                    "radiation oncologist", "medical chief");
    reported_member(b, t2, "HCO-2", "C2-SURG", r::provider, "", "surgical oncologist",
                    "surgical oncologist");
    reported_member(b, t2, "HCO-2", "C2-PSYCH", r::provider, "", "psychologist", "psychologist");
    reported_member(b, t2, "HCO-2", "C2-PA1", r::patient_advisor, "patient advisor", "",
                    "patient advisor");
    reported_member(b, t2, "HCO-2", "C2-PA2", r::patient_advisor, "patient advisor", "",
                    "patient advisor");
    reported_member(b, t2, "HCO-2", "C2-ICL1", r::other, "ICL", "", "ICL");

    using al = activity_level;
    reported_activity(b, "C1-A1", "HCO-1", "T1-MH", "patient pathways in ambulatory mental health",
                      al::clinical_team);
    reported_activity(b, "C1-A2", "HCO-1", "T1-MH", "assessing day-hospital services",
                      al::clinical_team);
    reported_activity(b, "C1-A3", "HCO-1", "T1-MH",
                      "adapting physical activities to patients' needs", al::clinical_team);
    reported_activity(b, "C1-O1", "HCO-1", "", "wait-time information platform", al::other);
    reported_activity(b, "C1-O2", "HCO-1", "", "kaizen on how patient advisors are recruited",
                      al::other);
    reported_activity(b, "C1-O3", "HCO-1", "", "facility development projects", al::other);
    reported_activity(b, "C2-A1", "HCO-2", "T2-ONC",
                      "educational activities on life after breast cancer", al::clinical_team);
    reported_activity(b, "C2-A2", "HCO-2", "T2-ONC",
                      "patient advisors co-facilitating pre-surgery classes", al::clinical_team);
    reported_activity(b, "C2-A3", "HCO-2", "T2-ONC", "promoting the educational activities",
                      al::clinical_team);
    reported_activity(b, "C2-O1", "HCO-2", "", "educational activities for people with cancer",
                      al::other);
    reported_activity(b, "C2-O2", "HCO-2", "", "improving the cancer care continuum", al::other);

    b.total(source_kind::interview, 38)
        .description(
            "interviews with managers at the three tiers; the split by tier and by case is not "
            "reported");
    b.total(source_kind::focus_group, 7)
        .description("focus groups with patients and providers; their composition is not reported");

    b.study_case("case-1").label("Case 1: rural, mental health").of("HCO-1").team("T1-MH");
    b.study_case("case-2").label("Case 2: urban, oncology").of("HCO-2").team("T2-ONC");
    return b.build();
}

namespace {

// Invented evaluation responses and influence log, every record illustrative: PPEET
// participant items answered by both advisors of each team and project items by the programme
// manager, in waves W2 and W3; and per team an adopted proposal that changed the care process,
// an adapted concern that changed a document, a deferred question and a rejected proposal.
void add_evaluation_evidence(case_study& study) {
    for (evaluation_instrument i :
         {evaluation_instrument::ppeet_participant, evaluation_instrument::ppeet_project})
        add_evaluation_catalog(study, i);
    const char* principles[] = {"IDP", "INF", "CUL", "COL"};
    // Scores on the 1-to-5 scale, by principle, in W2 then W3.
    const std::uint32_t advisor_scores[2][4] = {{4, 2, 3, 3}, {4, 3, 4, 4}};
    const std::uint32_t manager_scores[2][4] = {{4, 3, 4, 4}, {5, 4, 4, 4}};
    int entry = 0;
    for (const char* c : {"C1-", "C2-"}) {
        const std::string p = c;
        const team_id team = study.require<qi_team>(p == "C1-" ? "T1-MH" : "T2-ONC");
        const person_id pm = study.require<person>(p + "PM");
        const person_id advisors[] = {study.require<person>(p + "PA1"),
                                      study.require<person>(p + "PA2")};
        for (int k = 0; k < 2; ++k) {
            const wave_id in_wave = study.require<wave>(k == 0 ? "W2" : "W3");
            const date on = date::from_iso(k == 0 ? "2016-11-15" : "2017-11-15");
            auto respond = [&](person_id who, const std::string& code, std::uint32_t value) {
                evaluation_response r;
                r.respondent = who;
                r.item = study.require<evaluation_item>(code);
                r.value = value;
                r.team = team;
                r.wave = in_wave;
                r.on = on;
                r.provenance = provenance::illustrative;
                study.add(std::move(r));
            };
            for (int q = 0; q < 4; ++q) {
                for (person_id a : advisors)
                    respond(a, std::string("PPEET-PAR-") + principles[q], advisor_scores[k][q]);
                respond(pm, std::string("PPEET-PRO-") + principles[q], manager_scores[k][q]);
            }
        }

        const std::optional<source_id> evidence =
            p == "C1-" ? study.find<data_source>("FG-1") : std::nullopt;
        auto log = [&](person_id advisor, input_kind kind, const char* summary, const char* on,
                       std::optional<decision_outcome> decision, const char* decided_on,
                       std::optional<change_kind> change, const char* change_summary,
                       const char* changed_on) {
            advisor_input in;
            in.code = "IN-" + std::to_string(++entry);
            in.advisor = advisor;
            in.kind = kind;
            in.summary = summary;
            in.team = team;
            in.on = date::from_iso(on);
            in.source = evidence;
            in.decision = decision;
            if (decision) {
                in.decided_by = pm;
                in.decided_on = date::from_iso(decided_on);
                in.decision_source = evidence;
            }
            in.change = change;
            if (change) {
                in.change_summary = change_summary;
                in.changed_on = date::from_iso(changed_on);
                in.change_source = evidence;
            }
            in.provenance = provenance::illustrative;
            in.note = "illustrative: not reported by the seed study";
            study.add(std::move(in));
        };
        log(advisors[0], input_kind::proposal, "call patients back after their first visit",
            "2016-03-03", decision_outcome::adopted, "2016-04-12", change_kind::care_process,
            "call-back step added to the intake process", "2016-09-01");
        log(advisors[1], input_kind::concern, "the information leaflet is hard to read",
            "2016-05-05", decision_outcome::adapted, "2016-06-14", change_kind::document,
            "leaflet rewritten with advisors", "2016-10-20");
        log(advisors[0], input_kind::question, "can advisors see the team's quality indicators",
            "2017-02-14", decision_outcome::deferred, "2017-03-15", std::nullopt, "", "");
        log(advisors[1], input_kind::proposal, "hold team meetings in the evening", "2017-04-10",
            decision_outcome::rejected, "2017-05-02", std::nullopt, "", "");
    }
}

}  // namespace

case_study seed_study_illustrated() {
    case_study reported = seed_study_reported();
    // The reported program managers become mid-level managers, and the reported activities get
    // a kind: both are assumptions, so the records they change are marked illustrative.
    for (const char* code : {"C1-PM", "C2-PM"}) {
        person pm = reported.get(reported.require<person>(code));
        pm.role = person_role::manager;
        pm.tier = management_tier::mid_level;
        pm.provenance = provenance::illustrative;
        pm.note = "role reported; the tier (mid-level) is assumed, the study does not report it";
        reported.update(std::move(pm));
    }
    for (const activity_classification& c : classified) {
        qi_activity a = reported.get(reported.require<qi_activity>(c.code));
        a.kind = c.kind;
        a.provenance = provenance::illustrative;
        a.note = "reported activity; its kind is partnerqi's illustrative classification";
        reported.update(std::move(a));
    }
    builder b{std::move(reported)};
    b.default_provenance(provenance::illustrative);
    b.adopt_default_practice_catalog();
    using tier = management_tier;

    for (int y = 2015; y <= 2017; ++y) {
        b.wave("W" + std::to_string(y - 2014), date_window::years(y, y))
            .label("data collection " + std::to_string(y) + " (illustrative)");
    }

    for (const char* c : {"C1-", "C2-"}) {
        const std::string p = c, org = p == "C1-" ? "HCO-1" : "HCO-2";
        b.manager(p + "M-TOP", tier::top_level).of(org).role_label("director of services");
        b.manager(p + "M-MID", tier::mid_level)
            .of(org)
            .role_label("quality and performance manager");
        b.manager(p + "M-FRONT", tier::front_line)
            .of(org)
            .role_label("clinical-administrative coordinator");
        b.person(p + "COORD", person_role::partnership_coordinator)
            .of(org)
            .role_label("partnership coordinator");
    }

    using ek = engagement_kind;
    using el = engagement_level;
    for (const char* c : {"C1-", "C2-"}) {
        const std::string p = c, org = p == "C1-" ? "HCO-1" : "HCO-2",
                          team = p == "C1-" ? "T1-MH" : "T2-ONC";
        const std::string top = p + "M-TOP", mid = p + "M-MID", front = p + "M-FRONT",
                          coordinator = p + "COORD", pm = p + "PM",
                          chief = p == "C1-" ? "C1-PSY-CHIEF" : "C2-RAD-CHIEF", pa1 = p + "PA1",
                          pa2 = p + "PA2";
        auto enact = [&](const char* practice, const std::string& manager, const char* on,
                         bool on_team) {
            enactment_line e = b.enactment(practice, manager).on(on).of(org);
            if (on_team) e.team(team);
            return e;
        };
        // Designing and structuring: typical change-management work, mostly at the top.
        enact("DES-vision", top, "2015-02-10", false);
        enact("DES-sponsor", top, "2015-03-05", false);
        enact("DES-align", mid, "2015-04-20", false);
        enact("STR-office", top, "2015-05-12", false).target(coordinator);
        enact("STR-committees", mid, "2015-09-01", true).target(pa1).target(pa2);
        enact("STR-recruitment", front, "2015-10-03", true);
        // Managing integration: daily work of mid-level and front-line managers.
        enact("MAN-match", pm, "2015-10-15", true).target(pa1).target(pa2);
        enact("MAN-prepare", front, "2015-11-02", true).target(pa1).target(pa2);
        enact("MAN-coach", front, "2016-02-08", true).target(pa1);
        enact("MAN-role", pm, "2016-01-20", true).target(pa1).target(pa2);
        enact("MAN-act-on-input", mid, "2016-06-14", true);
        // Evaluating integration, then an adjustment that follows it.
        enact("EVA-feedback", pm, "2016-09-30", true).target(pa1).target(pa2);
        enact("EVA-experience", mid, "2017-03-15", true).target(pa1).target(pa2);
        enact("MAN-share-power", pm, "2017-04-10", true);
        enact("EVA-lessons", top, "2017-10-02", false);

        auto engage = [&](const std::string& from, const std::string& to, ek kind, el level,
                          const char* on) {
            b.engagement(from, to).kind(kind).level(level).on(on);
        };
        engage(coordinator, pa1, ek::recruits, el::information, "2015-09-10");
        engage(coordinator, pa2, ek::recruits, el::information, "2015-09-12");
        engage(front, pa1, ek::prepares, el::consultation, "2015-11-02");
        engage(front, pa2, ek::prepares, el::consultation, "2015-11-02");
        engage(pm, pa1, ek::co_designs_with, el::collaboration, "2016-03-03");
        engage(pm, pa2, ek::co_designs_with, el::collaboration, "2016-03-03");
        engage(chief, pa1, ek::consults, el::consultation, "2016-04-12");
        engage(pa1, pm, ek::gives_feedback_to, el::collaboration, "2016-05-05");
        engage(pa2, pm, ek::gives_feedback_to, el::collaboration, "2016-05-05");
        engage(pm, mid, ek::reports_to, el::information, "2016-06-01");
        engage(mid, top, ek::reports_to, el::information, "2016-06-20");
        engage(front, pm, ek::reports_to, el::information, "2016-07-04");
        engage(pa1, pa2, ek::supports, el::collaboration, "2016-10-01");
        engage(pm, pa1, ek::co_designs_with, el::partnership, "2017-02-14");
        engage(mid, pa2, ek::evaluates, el::consultation, "2017-03-15");
        engage(top, pa1, ek::consults, el::consultation, "2017-09-20");
    }

    // A codebook whose top-level codes stand for the four categories.
    for (practice_category c : enum_traits<practice_category>::values)
        b.code(std::string(to_string(c))).definition(std::string(purpose(c))).category(c);
    const std::string managing = std::string(to_string(practice_category::managing_integration));
    const std::string evaluating =
        std::string(to_string(practice_category::evaluating_integration));
    const std::string preparing = managing + "/preparing advisors";
    b.code(preparing)
        .parent(managing)
        .practice("MAN-prepare")
        .category(practice_category::managing_integration);

    // A few interviews, one per tier and case, with coded segments (all illustrative).
    const std::string excerpt =
        "We sat down with the two advisors before the first meeting. Later we asked them how the "
        "meetings went and changed the agenda.";
    int n = 0;
    for (const char* c : {"C1-", "C2-"}) {
        const std::string p = c, org = p == "C1-" ? "HCO-1" : "HCO-2";
        const std::pair<std::string, tier> interviewees[] = {{p + "M-TOP", tier::top_level},
                                                             {p + "M-MID", tier::mid_level},
                                                             {p + "M-FRONT", tier::front_line}};
        for (const auto& [who, t] : interviewees) {
            const std::string code = "INT-" + std::to_string(++n);
            b.source(code, source_kind::interview)
                .title("interview with a " + std::string(to_string(t)) + " manager (illustrative)")
                .on("2016-05-0" + std::to_string(n))
                .wave("W2")
                .of(org)
                .participant(who)
                .tier(t)
                .text(excerpt);
            for (const char* coder : {"coder-A", "coder-B"}) {
                b.segment(code, preparing, coder).span(0, 59);
                b.segment(code, evaluating, coder)
                    .span(60, static_cast<std::uint32_t>(excerpt.size()));
            }
        }
    }
    b.source("FG-1", source_kind::focus_group)
        .title("focus group with patient advisors (illustrative)")
        .on("2017-04-03")
        .wave("W3")
        .of("HCO-1")
        .participant("C1-PA1")
        .participant("C1-PA2")
        .composition(group_composition::patients);

    b.memo("every tier takes part (illustrative)")
        .text("Front-line managers prepare advisors; top-level managers sponsor the approach.")
        .on("2017-11-01")
        .code(managing);
    case_study study = b.build();
    add_evaluation_evidence(study);
    return study;
}

}  // namespace partnerqi::model
