#include "partnerqi/analysis/tokenism_audit.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "partnerqi/analysis/detail/labels.hpp"
#include "partnerqi/analysis/detail/network_bridge.hpp"
#include "partnerqi/analysis/detail/scope.hpp"
#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/error.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

namespace {

constexpr std::array<indicator_definition, indicator_count> definitions{{
    {indicator::lone_advisor,
     "lone-advisor",
     indicator_scope::team,
     "a single advisor on a team holds little power against professionals and has no peer to lean "
     "on",
     "Majid 2020 (unequal power); Robins 2014 (grey literature); Clavel et al. 2019 (both study "
     "teams had two advisors)",
     "library heuristic: fewer than 2 advisors, the number on both teams of Clavel et al. 2019",
     "the team's memberships in the window",
     {"Majid 2020", "Robins 2014", "Clavel et al. 2019"}},
    {indicator::never_above_consultation,
     "never-above-consultation",
     indicator_scope::advisor,
     "being informed or consulted only keeps the advisor on Arnstein's degrees of tokenism",
     "Arnstein 1969 (informing, consultation and placation rungs); Pomey et al. 2015 (Montreal "
     "continuum); IAP2 spectrum (the crosswalk between them)",
     "the highest Montreal level on an Arnstein tokenism rung (model::tokenism_ceiling), through "
     "the scale mapping of Pomey et al. 2015, IAP2 spectrum and Arnstein 1969",
     "the advisor's engagements with managers or providers in the window",
     {"Arnstein 1969", "Pomey et al. 2015", "IAP2 spectrum"}},
    {indicator::not_prepared_or_supported,
     "not-prepared-or-supported",
     indicator_scope::advisor,
     "no manager, coach or partnership coordinator prepared, coached or supported the advisor, "
     "the daily work that keeps involvement from being tokenistic",
     "Clavel et al. 2019 (managing advisor integration to avoid tokenism); Robins 2014 (grey "
     "literature)",
     "library heuristic: no such engagement and no managing-integration practice aimed at the "
     "advisor",
     "the advisor's engagements or managing-integration enactments in the window",
     {"Clavel et al. 2019", "Robins 2014", ""}},
    {indicator::no_path_to_decision_maker,
     "no-path-to-decision-maker",
     indicator_scope::advisor,
     "the advisor's voice cannot reach a top- or mid-level manager through the engagement network",
     "Majid 2020 (unequal power, limited impact); voice direction of each engagement kind is a "
     "library heuristic (network::voice_direction)",
     "library heuristic: no voice path to a top-level or mid-level manager",
     "the advisor's engagements in the window and a decision-maker in the network",
     {"Majid 2020", "", ""}},
    {indicator::no_evaluation_on_team,
     "no-evaluation-on-team",
     indicator_scope::team,
     "nobody evaluated how advisors were integrated, so tokenism would go unnoticed",
     "Majid 2020 (limited impact); Clavel et al. 2019 (evaluating integration); Abelson et al. "
     "2016 (PPEET)",
     "library heuristic: evaluation responses are recorded in scope, none about the team in the "
     "window",
     "evaluation responses (evaluation_response records) in scope",
     {"Majid 2020", "Clavel et al. 2019", "Abelson et al. 2016"}},
    {indicator::input_without_impact,
     "input-without-impact",
     indicator_scope::advisor,
     "none of the advisor's inputs that were decided on was adopted or adapted",
     "Majid 2020 (limited impact); Bombard et al. 2018 (outcomes of engagement in QI); Robins "
     "2014 (input that is not acted on, grey literature)",
     "library heuristic: at least one input decided on (adopted, adapted or rejected) in the "
     "window and none adopted or adapted",
     "influence-log entries (advisor_input records) of the advisor with a decision",
     {"Majid 2020", "Bombard et al. 2018", "Robins 2014"}},
    {indicator::concentrated_advisors,
     "concentrated-advisors",
     indicator_scope::study,
     "relying on the same advisors on several teams narrows whose experience counts",
     "Robins 2014 (over-relying on the same few patients, grey literature)",
     "library heuristic: advisors on two or more teams hold more than half of the advisor seats, "
     "over at least 3 teams",
     "advisor memberships on at least the minimum number of teams in the window",
     {"Robins 2014", "", ""}},
}};

constexpr std::size_t at(indicator id) { return static_cast<std::size_t>(id); }

struct advisor_state {
    person_id id;
    bool active =
        false;  ///< on a team, in an engagement, an activity or an enactment in the window
    std::vector<team_id> teams;
    std::size_t engagements = 0;              ///< in the window, with anyone
    std::size_t with_power = 0;               ///< in the window, with a manager or a provider
    std::optional<engagement_level> highest;  ///< over engagements with power-holders
    std::vector<record_ref> low_engagements;
    bool prepared = false;
    std::size_t decided_inputs = 0;  ///< influence-log inputs decided on (deferred left out)
    std::size_t taken_up = 0;        ///< of them, adopted or adapted
    std::vector<record_ref> rejected_inputs;
};

void check_options(const audit_options& o) {
    if (!(o.concentration_share >= 0.0 && o.concentration_share <= 1.0))
        throw invalid_request_error("audit option concentration_share is " +
                                    format_text(o.concentration_share, figure::proportion) +
                                    "; use a share between 0 and 1");
    if (o.concentration_min_teams < 2)
        throw invalid_request_error("audit option concentration_min_teams is " +
                                    std::to_string(o.concentration_min_teams) +
                                    "; use 2 or more teams (one team says nothing about "
                                    "advisors sitting on several)");
    if (o.enabled[at(indicator::no_path_to_decision_maker)] && o.decision_maker_tiers.empty())
        throw invalid_request_error(
            "audit option decision_maker_tiers is empty; name at least one tier, or "
            "disable no-path-to-decision-maker");
    for (double w : o.weights)
        if (!std::isfinite(w))
            throw invalid_request_error(
                "an audit weight is not a finite number; use a finite weight");
}

indicator_hit make_hit(indicator id, const audit_options& o, std::string threshold,
                       std::string detail_text, std::vector<record_ref> records) {
    indicator_hit h;
    h.id = id;
    h.threshold = std::move(threshold);
    h.detail = std::move(detail_text);
    h.records = std::move(records);
    h.weight = o.weights[at(id)];
    return h;
}

bool kind_supports(engagement_kind k) {
    return k == engagement_kind::prepares || k == engagement_kind::coaches ||
           k == engagement_kind::supports;
}

template <class Audit>
assessment state_in(const Audit& a, indicator id) noexcept {
    if (std::any_of(a.hits.begin(), a.hits.end(),
                    [&](const indicator_hit& h) { return h.id == id; }))
        return assessment::flagged;
    if (std::any_of(a.gaps.begin(), a.gaps.end(),
                    [&](const indicator_gap& g) { return g.id == id; }))
        return assessment::not_assessable;
    return assessment::not_flagged;
}

}  // namespace

bool holds_decision_power(person_role role) noexcept {
    return role == person_role::manager || role == person_role::provider;
}

bool gives_support(person_role role) noexcept {
    return role == person_role::manager || role == person_role::coach ||
           role == person_role::partnership_coordinator;
}

std::vector<const reference*> references_of(indicator id) {
    std::vector<const reference*> out;
    if (!is_valid(id)) return out;
    for (std::string_view key : definitions[at(id)].references)
        if (!key.empty()) out.push_back(&reference_of(key));
    return out;
}

const std::array<indicator_definition, indicator_count>& indicator_definitions() noexcept {
    return definitions;
}
const indicator_definition& definition(indicator id) noexcept { return definitions[at(id)]; }
std::string_view to_string(indicator id) noexcept {
    return is_valid(id) ? definitions[at(id)].name : "invalid";
}

std::string_view to_string(indicator_scope scope) noexcept {
    switch (scope) {
        case indicator_scope::advisor: return "advisor";
        case indicator_scope::team: return "team";
        case indicator_scope::study: return "study";
    }
    return "invalid";
}

std::string_view to_string(record_kind kind) noexcept {
    switch (kind) {
        case record_kind::person: return "person";
        case record_kind::team: return "team";
        case record_kind::engagement: return "engagement";
        case record_kind::enactment: return "enactment";
        case record_kind::activity: return "activity";
        case record_kind::input: return "input";
    }
    return "invalid";
}

std::string_view tokenism_disclaimer() noexcept {
    return "These indicators are library heuristics drawn from the literature (Arnstein 1969: "
           "degrees of tokenism; Majid 2020: unequal power and limited impact; Robins 2014: "
           "practitioner warnings, grey literature). They are not findings of the seed study "
           "(Clavel, Pomey and Ghadiri 2019); a flagged indicator is a question to examine, not a "
           "verdict, and an indicator whose data was not recorded is not assessable.";
}

bool advisor_audit::fired(indicator id) const noexcept {
    return std::any_of(hits.begin(), hits.end(),
                       [&](const indicator_hit& h) { return h.id == id; });
}
bool team_audit::fired(indicator id) const noexcept {
    return std::any_of(hits.begin(), hits.end(),
                       [&](const indicator_hit& h) { return h.id == id; });
}
assessment advisor_audit::state(indicator id) const noexcept { return state_in(*this, id); }
assessment team_audit::state(indicator id) const noexcept { return state_in(*this, id); }

const advisor_audit* tokenism_audit_report::find(person_id id) const noexcept {
    auto it = std::lower_bound(advisors.begin(), advisors.end(), id,
                               [](const advisor_audit& a, person_id v) { return a.advisor < v; });
    return it != advisors.end() && it->advisor == id ? &*it : nullptr;
}
const team_audit* tokenism_audit_report::find(team_id id) const noexcept {
    auto it = std::lower_bound(teams.begin(), teams.end(), id,
                               [](const team_audit& t, team_id v) { return t.team < v; });
    return it != teams.end() && it->team == id ? &*it : nullptr;
}

tokenism_audit_report tokenism_audit(const case_study& study, const filter& f,
                                     const audit_options& o) {
    check_options(o);
    detail::scope scope(study, f);
    tokenism_audit_report report;
    report.scope = scope.resolved().label;
    report.window = scope.window();
    report.options = o;
    const std::string window = scope.window().to_iso();
    auto on = [&](indicator id) { return o.enabled[at(id)]; };

    // Candidate advisors: of an organization in scope, or on a team in scope.
    std::vector<advisor_state> states;
    std::unordered_map<person_id, std::size_t> index;
    auto candidate = [&](const person& p) -> advisor_state* {
        auto it = index.find(p.id);
        if (it != index.end()) return &states[it->second];
        if (p.role != person_role::patient_advisor) return nullptr;
        index.emplace(p.id, states.size());
        states.push_back(advisor_state{});
        states.back().id = p.id;
        return &states.back();
    };
    bool any_decision_maker = false;
    for (const person& p : study.all<person>()) {
        if (p.role == person_role::patient_advisor && p.organization &&
            scope.has_organization(*p.organization))
            candidate(p);
        if (p.role == person_role::manager && p.tier &&
            std::find(o.decision_maker_tiers.begin(), o.decision_maker_tiers.end(), *p.tier) !=
                o.decision_maker_tiers.end())
            any_decision_maker = true;
    }
    auto state_of = [&](person_id id) -> advisor_state* {
        auto it = index.find(id);
        return it == index.end() ? nullptr : &states[it->second];
    };

    // Teams in scope, their members and advisors during the window.
    struct team_state {
        const qi_team* team;
        std::vector<person_id> advisors;
        std::size_t members = 0;
        bool evaluated = false;  ///< an evaluation response about the team in the window
    };
    std::vector<team_state> teams;
    std::unordered_map<team_id, std::size_t> team_index;
    for (const qi_team& t : study.all<qi_team>()) {
        if (!scope.has_organization(t.organization) || !scope.has_team(t.id)) continue;
        team_index.emplace(t.id, teams.size());
        team_state ts{&t, {}, 0, false};
        for (const team_membership& m : t.members) {
            if (!scope.active(m)) continue;
            ++ts.members;
            const person& p = study.get(m.person);
            if (p.role != person_role::patient_advisor) continue;
            advisor_state* s = candidate(p);
            s->active = true;
            s->teams.push_back(t.id);
            ts.advisors.push_back(p.id);
        }
        teams.push_back(std::move(ts));
    }

    // Engagements in the window: levels reached with power-holders, support, input to
    // activities. A tie with a peer advisor, a coach or a coordinator lifts no level.
    for (const engagement& e : study.all<engagement>()) {
        if (!scope.in_window(e.on)) continue;
        advisor_state* from = state_of(e.from);
        advisor_state* to = state_of(e.to);
        const person_role from_role = study.get(e.from).role;
        const person_role to_role = study.get(e.to).role;
        for (advisor_state* s : {from, to}) {
            if (!s) continue;
            s->active = true;
            ++s->engagements;
            const person_role other = s == from ? to_role : from_role;
            if (!holds_decision_power(other)) continue;
            ++s->with_power;
            if (!s->highest || e.level > *s->highest) s->highest = e.level;
            if (e.level <= o.consultation_ceiling)
                s->low_engagements.push_back(
                    {record_kind::engagement, e.id.value, detail::label_of(study, e)});
        }
        if (to && kind_supports(e.kind) && gives_support(from_role)) to->prepared = true;
    }

    // Enactments in scope: managing-integration practices aimed at advisors.
    bool any_managing = false;
    for (const practice_enactment& e : study.all<practice_enactment>()) {
        if (!scope.has(e)) continue;
        practice_category category = study.get(e.practice).category;
        if (category == practice_category::managing_integration) {
            any_managing = true;
            for (person_id target : e.targets) {
                if (advisor_state* s = state_of(target)) {
                    s->active = true;
                    s->prepared = true;
                }
            }
        }
    }

    // Activities in scope: the advisors who took part are audited.
    for (const qi_activity& a : study.all<qi_activity>()) {
        if (!scope.has_place(a.organization, a.team) || !scope.overlaps(a.start, a.end)) continue;
        for (person_id pa : a.advisors)
            if (advisor_state* s = state_of(pa)) s->active = true;
    }

    // The influence log: what became of each advisor's input brought in the window. Deferred
    // and undecided inputs are no evidence either way.
    for (const advisor_input& in : study.all<advisor_input>()) {
        if (!scope.in_window(in.on)) continue;
        advisor_state* s = state_of(in.advisor);
        if (!s) continue;
        if (in.team && !scope.has_team(*in.team)) continue;
        s->active = true;
        if (!in.decision || *in.decision == decision_outcome::deferred) continue;
        ++s->decided_inputs;
        if (takes_up(*in.decision))
            ++s->taken_up;
        else
            s->rejected_inputs.push_back({record_kind::input, in.id.value, in.code});
    }

    // Evaluation responses in the window, per team in scope.
    bool any_evaluation = false;
    for (const evaluation_response& r : study.all<evaluation_response>()) {
        if (r.on && !scope.in_window(*r.on)) continue;
        if (!r.on && r.wave) {
            const date_window& w = study.get(*r.wave).window;
            if (!scope.overlaps(w.first(), w.last())) continue;
        }
        if (r.team) {
            auto it = team_index.find(*r.team);
            if (it == team_index.end()) continue;
            teams[it->second].evaluated = true;
            any_evaluation = true;
        } else {
            const auto& org = study.get(r.respondent).organization;
            if (!org || scope.has_organization(*org)) any_evaluation = true;
        }
    }

    // Advisors audited: those active in the window, in id order.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < states.size(); ++i)
        if (states[i].active) order.push_back(i);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return states[a].id < states[b].id; });

    std::vector<bool> reaches;
    if (on(indicator::no_path_to_decision_maker) && any_decision_maker) {
        std::vector<person_id> ids;
        ids.reserve(order.size());
        for (std::size_t i : order)
            ids.push_back(states[i].id);
        reaches = detail::reaches_decision_maker(study, scope, ids, o.decision_maker_tiers);
    }
    std::string tiers_text;
    for (std::size_t i = 0; i < o.decision_maker_tiers.size(); ++i)
        tiers_text += (i ? " or " : "") + std::string(to_string(o.decision_maker_tiers[i]));

    std::unordered_map<person_id, std::size_t> advisor_at;
    for (std::size_t k = 0; k < order.size(); ++k) {
        advisor_state& s = states[order[k]];
        const person& p = study.get(s.id);
        advisor_audit a;
        a.advisor = s.id;
        a.code = p.code;
        a.teams = s.teams;
        record_ref self{record_kind::person, s.id.value, p.code};
        auto gap = [&](indicator id, std::string needed) {
            a.gaps.push_back({id, std::move(needed)});
        };
        if (on(indicator::never_above_consultation)) {
            if (s.with_power == 0) {
                gap(indicator::never_above_consultation,
                    "no engagement with a manager or provider recorded for " + p.code + " in " +
                        window);
            } else if (*s.highest <= o.consultation_ceiling) {
                a.hits.push_back(
                    make_hit(indicator::never_above_consultation, o,
                             "no engagement with a manager or provider above " +
                                 std::string(to_string(o.consultation_ceiling)),
                             "highest level reached: " + std::string(to_string(*s.highest)) + " (" +
                                 std::to_string(s.low_engagements.size()) + " engagements)",
                             s.low_engagements));
            }
        }
        if (on(indicator::not_prepared_or_supported)) {
            if (s.prepared) {
            } else if (s.engagements == 0 && !any_managing) {
                gap(indicator::not_prepared_or_supported,
                    "no engagement and no managing-integration enactment recorded for " + p.code +
                        " in " + window);
            } else {
                a.hits.push_back(make_hit(
                    indicator::not_prepared_or_supported, o,
                    "no prepares, coaches or supports engagement from a manager, coach or "
                    "partnership coordinator and no managing-integration practice aimed at the "
                    "advisor",
                    "none among the " + std::to_string(s.engagements) +
                        " engagements of the advisor and the managing-integration enactments "
                        "recorded in the window",
                    {self}));
            }
        }
        if (on(indicator::no_path_to_decision_maker)) {
            if (s.engagements == 0) {
                gap(indicator::no_path_to_decision_maker,
                    "no engagement recorded for " + p.code + " in " + window);
            } else if (!any_decision_maker) {
                gap(indicator::no_path_to_decision_maker,
                    "no " + tiers_text + " manager recorded in the study to hear " + p.code);
            } else if (!reaches[k]) {
                a.hits.push_back(make_hit(
                    indicator::no_path_to_decision_maker, o,
                    "no voice path to a " + tiers_text + " manager",
                    "the engagements recorded carry the advisor's voice to no manager of those "
                    "tiers (network::voice_path_text says where it stops)",
                    {self}));
            }
        }
        if (on(indicator::input_without_impact)) {
            if (s.decided_inputs == 0) {
                gap(indicator::input_without_impact,
                    "no influence-log entry with a decision (adopted, adapted or rejected) "
                    "recorded for " +
                        p.code + " in " + window);
            } else if (s.taken_up == 0) {
                a.hits.push_back(make_hit(
                    indicator::input_without_impact, o, "no input adopted or adapted",
                    std::to_string(s.decided_inputs) + (s.decided_inputs == 1
                                                            ? " input decided on, rejected"
                                                            : " inputs decided on, all rejected"),
                    s.rejected_inputs));
            }
        }
        for (const indicator_hit& h : a.hits)
            a.score += h.weight;
        for (const indicator_definition& d : definitions)
            if (d.scope == indicator_scope::advisor && on(d.id)) ++a.assessed;
        a.assessed -= a.gaps.size();
        advisor_at.emplace(a.advisor, report.advisors.size());
        report.advisors.push_back(std::move(a));
    }

    std::size_t teams_with_advisors = 0;
    for (const team_state& ts : teams) {
        team_audit t;
        t.team = ts.team->id;
        t.code = ts.team->code;
        t.advisors = ts.advisors.size();
        if (!ts.advisors.empty()) ++teams_with_advisors;
        record_ref self{record_kind::team, t.team.value, t.code};
        if (on(indicator::lone_advisor)) {
            if (ts.members == 0) {
                t.gaps.push_back({indicator::lone_advisor,
                                  "no team membership recorded for " + t.code + " in " + window});
            } else if (ts.advisors.size() < o.min_advisors_per_team) {
                std::vector<record_ref> records{self};
                std::string names;
                for (person_id pa : ts.advisors) {
                    records.push_back({record_kind::person, pa.value, study.code_of(pa)});
                    names += (names.empty() ? ": " : ", ") + study.code_of(pa);
                }
                t.hits.push_back(
                    make_hit(indicator::lone_advisor, o,
                             "fewer than " + std::to_string(o.min_advisors_per_team) + " advisors",
                             std::to_string(ts.advisors.size()) +
                                 (ts.advisors.size() == 1 ? " advisor" : " advisors") + names,
                             std::move(records)));
            }
        }
        if (on(indicator::no_evaluation_on_team)) {
            if (!any_evaluation)
                t.gaps.push_back({indicator::no_evaluation_on_team,
                                  "no evaluation response recorded in scope in " + window});
            else if (!ts.evaluated)
                t.hits.push_back(make_hit(
                    indicator::no_evaluation_on_team, o,
                    "no evaluation response about the team in the window",
                    "evaluation responses are recorded in scope, none about " + t.code, {self}));
        }
        for (const indicator_hit& h : t.hits)
            t.score += h.weight;
        for (const indicator_definition& d : definitions)
            if (d.scope == indicator_scope::team && on(d.id)) ++t.assessed;
        t.assessed -= t.gaps.size();
        // The worst advisor's score, not the sum: fewer advisors must never mean a better score.
        double worst = 0;
        for (person_id pa : ts.advisors) {
            auto it = advisor_at.find(pa);
            if (it == advisor_at.end()) continue;
            const advisor_audit& a = report.advisors[it->second];
            if (t.worst_advisor.empty() || a.score > worst) {
                worst = a.score;
                t.worst_advisor = a.code;
            }
        }
        t.score += worst;
        report.teams.push_back(std::move(t));
    }

    // Concentration: the share of advisor seats held by advisors who sit on several teams.
    if (on(indicator::concentrated_advisors)) {
        if (teams_with_advisors < o.concentration_min_teams) {
            report.study_gaps.push_back(
                {indicator::concentrated_advisors,
                 "advisor memberships on at least " + std::to_string(o.concentration_min_teams) +
                     " teams are needed; " + std::to_string(teams_with_advisors) +
                     " teams with advisors recorded in " + window});
        } else {
            std::size_t total = 0, shared = 0;
            std::vector<record_ref> records;
            std::string names;
            for (std::size_t i : order) {
                const std::size_t seats = states[i].teams.size();
                total += seats;
                if (seats < 2) continue;
                shared += seats;
                const std::string code = study.code_of(states[i].id);
                records.push_back({record_kind::person, states[i].id.value, code});
                names += (names.empty() ? "" : ", ") + code + " (" + std::to_string(seats) + ")";
            }
            const double share =
                total ? static_cast<double>(shared) / static_cast<double>(total) : 0.0;
            if (total && share > o.concentration_share)
                report.study_hits.push_back(make_hit(
                    indicator::concentrated_advisors, o,
                    "advisors on two or more teams hold more than " +
                        format_text(o.concentration_share, figure::percent) +
                        " of advisor seats over " + std::to_string(teams_with_advisors) + " teams",
                    names + " hold " + std::to_string(shared) + " of " + std::to_string(total) +
                        " seats (" + format_text(share, figure::percent) + ")",
                    std::move(records)));
        }
    }
    return report;
}

audit_summary summarize(const tokenism_audit_report& r) {
    audit_summary s;
    s.advisors = r.advisors.size();
    s.teams = r.teams.size();
    auto count = [&](indicator_scope scope, const std::vector<indicator_hit>& hits,
                     const std::vector<indicator_gap>& gaps) {
        for (const indicator_definition& d : definitions)
            if (d.scope == scope && r.options.enabled[at(d.id)]) ++s.assessed[at(d.id)];
        for (const indicator_hit& h : hits)
            ++s.fired[at(h.id)];
        for (const indicator_gap& g : gaps) {
            ++s.not_assessable[at(g.id)];
            --s.assessed[at(g.id)];
        }
    };
    double sum = 0;
    for (const advisor_audit& a : r.advisors) {
        if (!a.hits.empty()) ++s.flagged_advisors;
        count(indicator_scope::advisor, a.hits, a.gaps);
        sum += a.score;
    }
    s.mean_advisor_score = s.advisors ? sum / static_cast<double>(s.advisors) : 0.0;
    sum = 0;
    for (const team_audit& t : r.teams) {
        if (!t.hits.empty()) ++s.flagged_teams;
        count(indicator_scope::team, t.hits, t.gaps);
        sum += t.score;
    }
    s.mean_team_score = s.teams ? sum / static_cast<double>(s.teams) : 0.0;
    count(indicator_scope::study, r.study_hits, r.study_gaps);
    return s;
}

namespace {

std::string records_text(const std::vector<record_ref>& records) {
    std::string out;
    for (const record_ref& r : records) {
        if (!out.empty()) out += "; ";
        out += r.label;
    }
    return out;
}

std::string names_of(const std::vector<indicator_hit>& list) {
    std::string names;
    for (const indicator_hit& h : list)
        names += (names.empty() ? "" : ", ") + std::string(to_string(h.id));
    return names.empty() ? "-" : names;
}

std::string names_of(const std::vector<indicator_gap>& list) {
    std::string names;
    for (const indicator_gap& g : list)
        names += (names.empty() ? "" : ", ") + std::string(to_string(g.id));
    return names.empty() ? "-" : names;
}

std::size_t enabled_about(const audit_options& o, indicator_scope scope) {
    std::size_t n = 0;
    for (const indicator_definition& d : definitions)
        if (d.scope == scope && o.enabled[at(d.id)]) ++n;
    return n;
}

}  // namespace

std::string to_text(const tokenism_audit_report& r) {
    std::ostringstream out;
    out << "Tokenism audit, " << r.scope << "\n";
    out << detail::wrap_text("Note: ", std::string(tokenism_disclaimer()), 2) << "\nIndicators:\n";
    for (const indicator_definition& d : definitions) {
        if (!r.options.enabled[at(d.id)]) continue;
        out << detail::wrap_text(
            "  " + std::string(d.name) + " (" + std::string(to_string(d.scope)) + "): ",
            std::string(d.rationale) + ". Sources: " + std::string(d.source) + ". Threshold: " +
                std::string(d.threshold_source) + ". Needs: " + std::string(d.needs) + ".",
            4);
    }
    audit_summary s = summarize(r);
    out << "\n"
        << s.flagged_teams << " of " << s.teams << " teams and " << s.flagged_advisors << " of "
        << s.advisors << " advisors have at least one indicator flagged.\n";
    out << detail::wrap_text("",
                             "Scores add the weights of flagged indicators among those assessed; "
                             "a team adds its worst advisor's score.",
                             2);
    detail::table t;
    t.header = {"subject", "score", "assessed", "flagged", "not assessable"};
    t.left = {true, false, false, true, true};
    const std::size_t team_n = enabled_about(r.options, indicator_scope::team);
    const std::size_t advisor_n = enabled_about(r.options, indicator_scope::advisor);
    for (const team_audit& team : r.teams) {
        std::string flagged = names_of(team.hits);
        double own = 0;
        for (const indicator_hit& h : team.hits)
            own += h.weight;
        if (team.score > own) flagged += " (+ worst advisor " + team.worst_advisor + ")";
        t.add({"team " + team.code, format_text(team.score, figure::average),
               std::to_string(team.assessed) + " of " + std::to_string(team_n), flagged,
               names_of(team.gaps)});
    }
    for (const advisor_audit& a : r.advisors)
        t.add({"advisor " + a.code, format_text(a.score, figure::average),
               std::to_string(a.assessed) + " of " + std::to_string(advisor_n), names_of(a.hits),
               names_of(a.gaps)});
    out << t.to_text();
    auto hits = [&](const std::string& subject, const std::vector<indicator_hit>& list) {
        for (const indicator_hit& h : list)
            out << detail::wrap_text("  " + subject + " / " + std::string(to_string(h.id)) + " [" +
                                         h.threshold + "]: ",
                                     h.detail, 4)
                << detail::wrap_text("    records: ", records_text(h.records), 6);
    };
    auto gaps = [&](const std::string& subject, const std::vector<indicator_gap>& list) {
        for (const indicator_gap& g : list)
            out << detail::wrap_text("  " + subject + " / " + std::string(to_string(g.id)) + ": ",
                                     g.needed, 4);
    };
    out << "\nWhat triggered each flagged indicator:\n";
    if (s.flagged_teams + s.flagged_advisors + r.study_hits.size() == 0) out << "  none\n";
    hits("study", r.study_hits);
    for (const team_audit& team : r.teams)
        hits("team " + team.code, team.hits);
    for (const advisor_audit& a : r.advisors)
        hits("advisor " + a.code, a.hits);
    out << "\nNot assessable (the data each would need):\n";
    std::size_t missing = 0;
    for (std::size_t n : s.not_assessable)
        missing += n;
    if (missing == 0) out << "  none\n";
    gaps("study", r.study_gaps);
    for (const team_audit& team : r.teams)
        gaps("team " + team.code, team.gaps);
    for (const advisor_audit& a : r.advisors)
        gaps("advisor " + a.code, a.gaps);
    return out.str();
}

void write_csv(std::ostream& out, const tokenism_audit_report& r) {
    detail::table t;
    t.header = {"subject_kind", "subject", "indicator", "state",     "weight",
                "threshold",    "detail",  "records",   "disclaimer"};
    const std::string disclaimer(tokenism_disclaimer());
    auto rows = [&](indicator_scope scope, const std::string& subject,
                    const std::vector<indicator_hit>& hits,
                    const std::vector<indicator_gap>& gaps) {
        const std::string kind(to_string(scope));
        for (const indicator_definition& d : definitions) {
            if (d.scope != scope || !r.options.enabled[at(d.id)]) continue;
            const std::string name(d.name), weight = format_exact(r.options.weights[at(d.id)]);
            auto hit = std::find_if(hits.begin(), hits.end(),
                                    [&](const indicator_hit& h) { return h.id == d.id; });
            auto gap = std::find_if(gaps.begin(), gaps.end(),
                                    [&](const indicator_gap& g) { return g.id == d.id; });
            if (hit != hits.end()) {
                std::string recs;
                for (const record_ref& ref : hit->records)
                    recs += (recs.empty() ? "" : "; ") + std::string(to_string(ref.kind)) + ":" +
                            ref.label;
                t.add({kind, subject, name, std::string(to_string(assessment::flagged)), weight,
                       hit->threshold, hit->detail, recs, disclaimer});
            } else if (gap != gaps.end()) {
                t.add({kind, subject, name, std::string(to_string(assessment::not_assessable)),
                       weight, "", gap->needed, "", disclaimer});
            } else {
                t.add({kind, subject, name, std::string(to_string(assessment::not_flagged)), weight,
                       "", "", "", disclaimer});
            }
        }
    };
    rows(indicator_scope::study, r.scope, r.study_hits, r.study_gaps);
    for (const team_audit& team : r.teams)
        rows(indicator_scope::team, team.code, team.hits, team.gaps);
    for (const advisor_audit& a : r.advisors)
        rows(indicator_scope::advisor, a.code, a.hits, a.gaps);
    t.write_csv(out);
}

std::string_view to_string(assessment value) noexcept {
    switch (value) {
        case assessment::flagged: return "flagged";
        case assessment::not_flagged: return "not-flagged";
        case assessment::not_assessable: return "not-assessable";
    }
    return "invalid";
}

}  // namespace partnerqi::analysis
