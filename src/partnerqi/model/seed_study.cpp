#include "partnerqi/model/seed_study.hpp"

#include <string>
#include <vector>

#include "partnerqi/model/practice_catalog.hpp"

namespace partnerqi::model {

namespace {

constexpr provenance reported = provenance::reported;
constexpr provenance illustrative = provenance::illustrative;

person_id add_person(case_study& s, const char* code, person_role role, organization_id org,
                     provenance prov, const char* label = "", const char* profession = "",
                     std::optional<management_tier> tier = std::nullopt, const char* note = "") {
    person p;
    p.code = code;
    p.role = role;
    p.organization = org;
    p.provenance = prov;
    p.role_label = label;
    p.profession = profession;
    p.tier = tier;
    p.note = note;
    return s.add(std::move(p));
}

activity_id add_activity(case_study& s, const char* code, organization_id org,
                         std::optional<team_id> team, const char* title, activity_level level,
                         activity_kind kind) {
    qi_activity a;
    a.code = code;
    a.organization = org;
    a.team = team;
    a.title = title;
    a.level = level;
    a.kind = kind;
    a.provenance = reported;
    a.note = "reported activity; its kind is partnerqi's classification";
    return s.add(std::move(a));
}

struct member_spec {
    const char* code;
    person_role role;
    const char* label;
    const char* profession;
    const char* role_in_team;
};

team_id add_reported_team(case_study& s, organization_id org, const char* code, const char* name,
                          const char* area, const char* unit, const std::vector<member_spec>& members) {
    qi_team t;
    t.code = code;
    t.organization = org;
    t.name = name;
    t.clinical_area = area;
    t.unit = unit;
    t.level = team_level::clinical_team;
    t.provenance = reported;
    for (const member_spec& m : members) {
        bool is_manager = m.role == person_role::manager;
        person_id id = add_person(
            s, m.code, m.role, org, is_manager ? illustrative : reported, m.label, m.profession,
            is_manager ? std::optional<management_tier>(management_tier::mid_level) : std::nullopt,
            is_manager ? "role reported; the tier (mid-level) is assumed, the study does not report it" : "");
        t.members.push_back(team_membership{id, m.role_in_team, std::nullopt, std::nullopt, false});
    }
    return s.add(std::move(t));
}

organization_id add_reported_org(case_study& s, const char* code, const char* name, setting where) {
    organization o;
    o.code = code;
    o.name = name;
    o.kind = "integrated university health and social services centre";
    o.setting = where;
    o.region = "Quebec";
    o.program = "Partners in Care Program";
    o.partnership_model = "Montreal model";
    o.provenance = reported;
    return s.add(std::move(o));
}

}  // namespace

case_study seed_study_reported() {
    case_study s("Partnering with patients in quality improvement: two Quebec cases",
                 date_window::years(2015, 2017));
    s.set_description(
        "Clavel N, Pomey M-P, Ghadiri DPS. Partnering with patients in quality improvement: "
        "towards renewed practices for healthcare organization managers? BMC Health Serv Res. "
        "2019. doi:10.1186/s12913-019-4618-8. Multi-level longitudinal case studies, 2015-2017.");

    using r = person_role;
    organization_id hco1 = add_reported_org(s, "HCO-1", "Case 1 organization (rural)", setting::rural);
    organization_id hco2 = add_reported_org(s, "HCO-2", "Case 2 organization (urban)", setting::urban);

    team_id t1 = add_reported_team(
        s, hco1, "T1-MH", "Mental health QI team", "mental health", "ambulatory hospital services",
        {{"C1-PM", r::manager, "program manager", "", "program manager"},
         {"C1-PSY-CHIEF", r::provider, "medical chief", "psychiatrist", "medical chief"},
         {"C1-PSYCH", r::provider, "", "psychologist", "psychologist"},
         {"C1-OT", r::provider, "", "occupational therapist", "occupational therapist"},
         {"C1-NURSE", r::provider, "", "nurse", "nurse"},
         {"C1-PA1", r::patient_advisor, "patient advisor", "", "patient advisor"},
         {"C1-PA2", r::patient_advisor, "patient advisor", "", "patient advisor"},
         {"C1-ICL1", r::other, "ICL", "", "ICL"},
         {"C1-ICL2", r::other, "ICL", "", "ICL"}});
    team_id t2 = add_reported_team(
        s, hco2, "T2-ONC", "Breast cancer QI team", "oncology", "acute breast-cancer services",
        {{"C2-PM", r::manager, "program manager", "", "program manager"},
         {"C2-RAD-CHIEF", r::provider, "medical chief", "radiation oncologist", "medical chief"},
         {"C2-SURG", r::provider, "", "surgical oncologist", "surgical oncologist"},
         {"C2-PSYCH", r::provider, "", "psychologist", "psychologist"},
         {"C2-PA1", r::patient_advisor, "patient advisor", "", "patient advisor"},
         {"C2-PA2", r::patient_advisor, "patient advisor", "", "patient advisor"},
         {"C2-ICL1", r::other, "ICL", "", "ICL"}});

    using al = activity_level;
    using ak = activity_kind;
    add_activity(s, "C1-A1", hco1, t1, "patient pathways in ambulatory mental health", al::clinical_team, ak::co_designing_care_process);
    add_activity(s, "C1-A2", hco1, t1, "assessing day-hospital services", al::clinical_team, ak::giving_feedback_on_care);
    add_activity(s, "C1-A3", hco1, t1, "adapting physical activities to patients' needs", al::clinical_team, ak::improvement_project);
    add_activity(s, "C1-O1", hco1, std::nullopt, "wait-time information platform", al::other, ak::improvement_project);
    add_activity(s, "C1-O2", hco1, std::nullopt, "kaizen on how patient advisors are recruited", al::other, ak::improvement_project);
    add_activity(s, "C1-O3", hco1, std::nullopt, "facility development projects", al::other, ak::improvement_project);
    add_activity(s, "C2-A1", hco2, t2, "educational activities on life after breast cancer", al::clinical_team, ak::education);
    add_activity(s, "C2-A2", hco2, t2, "patient advisors co-facilitating pre-surgery classes", al::clinical_team, ak::education);
    add_activity(s, "C2-A3", hco2, t2, "promoting the educational activities", al::clinical_team, ak::education);
    add_activity(s, "C2-O1", hco2, std::nullopt, "educational activities for people with cancer", al::other, ak::education);
    add_activity(s, "C2-O2", hco2, std::nullopt, "improving the cancer care continuum", al::other, ak::improvement_project);

    source_total interviews;
    interviews.kind = source_kind::interview;
    interviews.count = 38;
    interviews.description = "interviews with managers at the three tiers; the split by tier and by case is not reported";
    interviews.provenance = reported;
    s.add(std::move(interviews));
    source_total groups;
    groups.kind = source_kind::focus_group;
    groups.count = 7;
    groups.description = "focus groups with patients and providers; their composition is not reported";
    groups.provenance = reported;
    s.add(std::move(groups));

    s.add(study_case{{}, "case-1", "Case 1: rural, mental health", hco1, {t1}, reported});
    s.add(study_case{{}, "case-2", "Case 2: urban, oncology", hco2, {t2}, reported});
    return s;
}

case_study seed_study_illustrated() {
    case_study s = seed_study_reported();
    add_default_practice_catalog(s);
    using r = person_role;
    using tier = management_tier;

    wave_id waves[3];
    for (int y = 2015; y <= 2017; ++y) {
        wave w;
        w.code = "W" + std::to_string(y - 2014);
        w.label = "data collection " + std::to_string(y) + " (illustrative)";
        w.window = date_window::years(y, y);
        waves[y - 2015] = s.add(std::move(w));
    }

    struct org_people {
        organization_id org;
        team_id team;
        person_id top, mid, front, coordinator, program_manager, chief, pa1, pa2;
    };
    std::vector<org_people> orgs;
    for (int c = 1; c <= 2; ++c) {
        std::string p = "C" + std::to_string(c) + "-";
        org_people o{};
        o.org = *s.find_organization("HCO-" + std::to_string(c));
        o.team = s.cases()[static_cast<std::size_t>(c - 1)].teams.front();
        o.top = add_person(s, (p + "M-TOP").c_str(), r::manager, o.org, illustrative, "director of services", "", tier::top_level);
        o.mid = add_person(s, (p + "M-MID").c_str(), r::manager, o.org, illustrative, "quality and performance manager", "", tier::mid_level);
        o.front = add_person(s, (p + "M-FRONT").c_str(), r::manager, o.org, illustrative, "clinical-administrative coordinator", "", tier::front_line);
        o.coordinator = add_person(s, (p + "COORD").c_str(), r::partnership_coordinator, o.org, illustrative, "partnership coordinator");
        o.program_manager = *s.find_person(p + "PM");
        o.chief = *s.find_person(c == 1 ? "C1-PSY-CHIEF" : "C2-RAD-CHIEF");
        o.pa1 = *s.find_person(p + "PA1");
        o.pa2 = *s.find_person(p + "PA2");
        orgs.push_back(o);
    }

    auto enact = [&](const char* practice_code, person_id manager, int y, int m, int d,
                     const org_people& o, bool on_team, std::vector<person_id> targets) {
        practice_enactment e;
        e.practice = *s.find_practice(practice_code);
        e.manager = manager;
        e.on = date::from_ymd(y, m, d);
        e.organization = o.org;
        if (on_team) e.team = o.team;
        e.targets = std::move(targets);
        e.provenance = illustrative;
        return s.add(std::move(e));
    };
    auto engage = [&](person_id from, person_id to, engagement_kind kind, engagement_level level,
                      int y, int m, int d) {
        engagement e;
        e.from = from;
        e.to = to;
        e.kind = kind;
        e.level = level;
        e.on = date::from_ymd(y, m, d);
        e.provenance = illustrative;
        return s.add(std::move(e));
    };

    using ek = engagement_kind;
    using el = engagement_level;
    for (const org_people& o : orgs) {
        // Designing and structuring: typical change-management work, mostly at the top.
        enact("DES-vision", o.top, 2015, 2, 10, o, false, {});
        enact("DES-sponsor", o.top, 2015, 3, 5, o, false, {});
        enact("DES-align", o.mid, 2015, 4, 20, o, false, {});
        enact("STR-office", o.top, 2015, 5, 12, o, false, {o.coordinator});
        enact("STR-committees", o.mid, 2015, 9, 1, o, true, {o.pa1, o.pa2});
        enact("STR-recruitment", o.front, 2015, 10, 3, o, true, {});
        // Managing integration: daily work of mid-level and front-line managers.
        enact("MAN-match", o.program_manager, 2015, 10, 15, o, true, {o.pa1, o.pa2});
        enact("MAN-prepare", o.front, 2015, 11, 2, o, true, {o.pa1, o.pa2});
        enact("MAN-coach", o.front, 2016, 2, 8, o, true, {o.pa1});
        enact("MAN-role", o.program_manager, 2016, 1, 20, o, true, {o.pa1, o.pa2});
        enact("MAN-act-on-input", o.mid, 2016, 6, 14, o, true, {});
        // Evaluating integration, then an adjustment that follows it.
        enact("EVA-feedback", o.program_manager, 2016, 9, 30, o, true, {o.pa1, o.pa2});
        enact("EVA-experience", o.mid, 2017, 3, 15, o, true, {o.pa1, o.pa2});
        enact("MAN-share-power", o.program_manager, 2017, 4, 10, o, true, {});
        enact("EVA-lessons", o.top, 2017, 10, 2, o, false, {});

        engage(o.coordinator, o.pa1, ek::recruits, el::information, 2015, 9, 10);
        engage(o.coordinator, o.pa2, ek::recruits, el::information, 2015, 9, 12);
        engage(o.front, o.pa1, ek::prepares, el::consultation, 2015, 11, 2);
        engage(o.front, o.pa2, ek::prepares, el::consultation, 2015, 11, 2);
        engage(o.program_manager, o.pa1, ek::co_designs_with, el::collaboration, 2016, 3, 3);
        engage(o.program_manager, o.pa2, ek::co_designs_with, el::collaboration, 2016, 3, 3);
        engage(o.chief, o.pa1, ek::consults, el::consultation, 2016, 4, 12);
        engage(o.pa1, o.program_manager, ek::gives_feedback_to, el::collaboration, 2016, 5, 5);
        engage(o.pa2, o.program_manager, ek::gives_feedback_to, el::collaboration, 2016, 5, 5);
        engage(o.program_manager, o.mid, ek::reports_to, el::information, 2016, 6, 1);
        engage(o.mid, o.top, ek::reports_to, el::information, 2016, 6, 20);
        engage(o.front, o.program_manager, ek::reports_to, el::information, 2016, 7, 4);
        engage(o.pa1, o.pa2, ek::supports, el::collaboration, 2016, 10, 1);
        engage(o.program_manager, o.pa1, ek::co_designs_with, el::partnership, 2017, 2, 14);
        engage(o.mid, o.pa2, ek::evaluates, el::consultation, 2017, 3, 15);
        engage(o.top, o.pa1, ek::consults, el::consultation, 2017, 9, 20);
    }

    // A codebook whose top-level codes stand for the four categories.
    code_id category_codes[4];
    for (practice_category c : enum_traits<practice_category>::values) {
        code k;
        k.name = std::string(to_string(c));
        k.definition = std::string(purpose(c));
        k.category = c;
        category_codes[static_cast<int>(c)] = s.add(std::move(k));
    }
    code prep;
    prep.name = "managing-integration/preparing advisors";
    prep.parent = category_codes[2];
    prep.practice = *s.find_practice("MAN-prepare");
    prep.category = practice_category::managing_integration;
    code_id prep_code = s.add(std::move(prep));

    // A few interviews, one per tier and case, with coded segments (all illustrative).
    const char* excerpt =
        "We sat down with the two advisors before the first meeting. Later we asked them how the "
        "meetings went and changed the agenda.";
    int n = 0;
    for (const org_people& o : orgs) {
        const std::pair<person_id, tier> interviewees[] = {{o.top, tier::top_level}, {o.mid, tier::mid_level}, {o.front, tier::front_line}};
        for (const auto& [who, t] : interviewees) {
            data_source src;
            src.code = "INT-" + std::to_string(++n);
            src.kind = source_kind::interview;
            src.title = "interview with a " + std::string(to_string(t)) + " manager (illustrative)";
            src.on = date::from_ymd(2016, 5, n);
            src.wave = waves[1];
            src.organization = o.org;
            src.participants = {who};
            src.tier = t;
            src.text = excerpt;
            src.provenance = illustrative;
            source_id sid = s.add(std::move(src));
            for (const char* coder : {"coder-A", "coder-B"}) {
                coded_segment seg;
                seg.source = sid;
                seg.begin = 0;
                seg.end = 59;
                seg.code = prep_code;
                seg.coder = coder;
                s.add(seg);
                seg.begin = 60;
                seg.end = static_cast<std::uint32_t>(std::string(excerpt).size());
                seg.code = category_codes[3];
                s.add(std::move(seg));
            }
        }
    }
    data_source group;
    group.code = "FG-1";
    group.kind = source_kind::focus_group;
    group.title = "focus group with patient advisors (illustrative)";
    group.on = date::from_ymd(2017, 4, 3);
    group.wave = waves[2];
    group.organization = orgs[0].org;
    group.participants = {orgs[0].pa1, orgs[0].pa2};
    group.composition = group_composition::patients;
    group.provenance = illustrative;
    s.add(std::move(group));

    memo m;
    m.title = "every tier takes part (illustrative)";
    m.text = "Front-line managers prepare advisors; top-level managers sponsor the approach.";
    m.on = date::from_ymd(2017, 11, 1);
    m.code = category_codes[2];
    s.add(std::move(m));
    return s;
}

}  // namespace partnerqi::model
