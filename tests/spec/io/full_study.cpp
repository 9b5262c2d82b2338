#include "full_study.hpp"

#include <chrono>
#include <filesystem>
#include <random>
#include <sstream>

#include "partnerqi/model/seed_study.hpp"

namespace partnerqi::io::testing {

using namespace partnerqi::model;

case_study full_study() {
    case_study s = seed_study_illustrated();
    s.set_description("Two cases of the seed study, with illustrative detail.\n"
                      "Line two: <markup> & \"quotes\" 'apostrophes', accents: é à ü, tab\there.");
    const auto illustrative = provenance::illustrative;

    organization org;
    org.code = "HCO-X";
    org.name = "Semi-urban centre <illustrative>";
    org.kind = "community health centre";
    org.setting = setting::semi_urban;
    org.region = "Région des Îles";
    org.program = "Partners & Friends";
    org.partnership_model = "Montreal model";
    org.provenance = illustrative;
    org.note = "a note\nover two lines";
    const organization_id o = s.add(org);

    auto add_person = [&](const char* code, person_role role, std::optional<management_tier> tier) {
        person p;
        p.code = code;
        p.display_name = std::string("Name of ") + code;
        p.role = role;
        p.tier = tier;
        p.profession = role == person_role::provider ? "nurse" : "";
        p.role_label = "label of " + std::string(code);
        p.organization = o;
        p.provenance = illustrative;
        p.note = "note on " + std::string(code);
        return s.add(p);
    };
    const person_id manager = add_person("X-MGR", person_role::manager, management_tier::front_line);
    const person_id advisor = add_person("X-PA", person_role::patient_advisor, std::nullopt);
    const person_id nurse = add_person("X-NURSE", person_role::provider, std::nullopt);
    const person_id coach = add_person("X-COACH", person_role::coach, std::nullopt);

    qi_team team;
    team.code = "T-X";
    team.organization = o;
    team.name = "Team X";
    team.clinical_area = "geriatrics";
    team.unit = "day hospital";
    team.level = team_level::organizational_committee;
    team.members = {
        {manager, "chair", date::from_ymd(2015, 3, 1), date::from_ymd(2017, 6, 30), false, illustrative},
        {advisor, "patient advisor", date::from_ymd(2015, 4, 1), std::nullopt, false},
        {nurse, "", std::nullopt, std::nullopt, false},
    };
    team.provenance = illustrative;
    team.note = "team note";
    const team_id t = s.add(team);

    qi_activity activity;
    activity.code = "A-X";
    activity.organization = o;
    activity.team = t;
    activity.title = "Co-designing the discharge letter";
    activity.level = activity_level::other;
    activity.kind = activity_kind::co_designing_care_process;
    activity.level_reached = engagement_level::partnership;
    activity.start = date::from_ymd(2016, 1, 1);
    activity.end = date::from_ymd(2016, 12, 31);
    activity.advisors = {advisor};
    activity.provenance = illustrative;
    activity.note = "activity note";
    const activity_id a = s.add(activity);

    practice pr;
    pr.code = "X-practice";
    pr.category = practice_category::evaluating_integration;
    pr.name = "Asking advisors how it went";
    pr.description = "after each meeting";
    pr.provenance = illustrative;
    const practice_id p = s.add(pr);

    practice_enactment en;
    en.practice = p;
    en.manager = manager;
    en.on = date::from_ymd(2016, 6, 1);
    en.organization = o;
    en.team = t;
    en.targets = {advisor, nurse};
    en.provenance = illustrative;
    en.note = "enactment note";
    const enactment_id e = s.add(en);

    engagement eg;
    eg.from = coach;
    eg.to = advisor;
    eg.kind = engagement_kind::coaches;
    eg.level = engagement_level::collaboration;
    eg.on = date::from_ymd(2016, 2, 2);
    eg.activity = a;
    eg.provenance = illustrative;
    (void)s.add(eg);

    wave w;
    w.code = "W-X";
    w.label = "whole study";
    w.window = s.window();
    w.provenance = illustrative;
    const wave_id wv = s.add(w);

    data_source interview;
    interview.code = "INT-X";
    interview.kind = source_kind::interview;
    interview.title = "interview with the front-line manager";
    interview.on = date::from_ymd(2016, 7, 7);
    interview.wave = wv;
    interview.organization = o;
    interview.participants = {manager};
    interview.tier = management_tier::front_line;
    interview.text = "X-MGR said: we ask Name of X-PA after each meeting.";
    interview.provenance = illustrative;
    const source_id src = s.add(interview);

    data_source group;
    group.code = "FG-X";
    group.kind = source_kind::focus_group;
    group.title = "focus group";
    group.participants = {advisor, nurse};
    group.composition = group_composition::patients_and_providers;
    group.text = std::string("bytes \x01\x7f and a NUL: ") + std::string(1, '\0') + " end";
    group.provenance = illustrative;
    (void)s.add(group);

    source_total total;
    total.kind = source_kind::interview;
    total.count = 3;
    total.organization = o;
    total.tier = management_tier::front_line;
    total.description = "interviews with front-line managers of HCO-X";
    total.provenance = illustrative;
    (void)s.add(total);

    code parent;
    parent.name = "X/evaluating";
    parent.definition = "evaluation codes of case X";
    parent.category = practice_category::evaluating_integration;
    parent.provenance = illustrative;
    const code_id pc = s.add(parent);
    code child;
    child.name = "X/evaluating/asking";
    child.parent = pc;
    child.definition = "asking advisors";
    child.category = practice_category::evaluating_integration;
    child.practice = p;
    child.provenance = illustrative;
    const code_id cc = s.add(child);

    coded_segment seg;
    seg.source = src;
    seg.begin = 0;
    seg.end = 5;
    seg.code = cc;
    seg.coder = "coder-X";
    seg.text = "X-MGR";
    seg.supports = {e};
    seg.provenance = illustrative;
    (void)s.add(seg);

    memo m;
    m.title = "memo about X-MGR";
    m.text = "X-MGR (Name of X-MGR) asks every time.";
    m.on = date::from_ymd(2017, 1, 1);
    m.source = src;
    m.code = cc;
    m.provenance = illustrative;
    (void)s.add(m);

    study_case c;
    c.code = "case-X";
    c.label = "case X";
    c.organization = o;
    c.teams = {t};
    c.provenance = illustrative;
    (void)s.add(c);
    return s;
}

std::string saved_bytes(const case_study& study, encoding format) {
    std::ostringstream out(std::ios::out | std::ios::binary);
    save(study, out, save_options{format});
    return std::move(out).str();
}

case_study load_bytes(const std::string& bytes, const load_limits& limits) {
    std::istringstream in(bytes, std::ios::in | std::ios::binary);
    return load(in, limits);
}

scratch_dir::scratch_dir() {
    std::random_device random;
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    std::filesystem::path p = std::filesystem::temp_directory_path() /
                              ("partnerqi-io-" + std::to_string(stamp) + "-" +
                               std::to_string(random()));
    std::filesystem::create_directories(p);
    path_ = p.string();
}

scratch_dir::~scratch_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace partnerqi::io::testing
