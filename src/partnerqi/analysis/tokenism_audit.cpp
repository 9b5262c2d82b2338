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
    {indicator::lone_advisor, "lone-advisor", indicator_scope::team,
     "a single advisor on a team holds little power against professionals and has no peer to lean "
     "on",
     "Majid 2020 (unequal power); practitioner warnings; both teams of the seed study had two "
     "advisors"},
    {indicator::never_above_consultation, "never-above-consultation", indicator_scope::advisor,
     "being informed or consulted only keeps the advisor on Arnstein's degrees of tokenism",
     "Arnstein 1969 (informing, consultation and placation rungs); Montreal continuum"},
    {indicator::not_prepared_or_supported, "not-prepared-or-supported", indicator_scope::advisor,
     "no manager prepared, coached or supported the advisor, the daily work that keeps involvement "
     "from being tokenistic",
     "practitioner warnings; managing advisor integration as the seed study frames it"},
    {indicator::no_path_to_decision_maker, "no-path-to-decision-maker", indicator_scope::advisor,
     "the advisor's voice cannot reach a top- or mid-level manager through the engagement network",
     "Majid 2020 (unequal power, limited impact)"},
    {indicator::no_evaluation_on_team, "no-evaluation-on-team", indicator_scope::team,
     "nobody evaluated how advisors were integrated, so tokenism would go unnoticed",
     "Majid 2020 (limited impact); evaluating integration as the seed study frames it"},
    {indicator::input_without_impact, "input-without-impact", indicator_scope::advisor,
     "the advisor's input reached no QI activity at collaboration level or above",
     "Majid 2020 (limited impact); practitioner warning: input that is not acted on"},
    {indicator::concentrated_advisors, "concentrated-advisors", indicator_scope::study,
     "relying on the same few advisors on most teams narrows whose experience counts",
     "practitioner warning: over-relying on the same few patients"},
}};

constexpr std::size_t at(indicator id) { return static_cast<std::size_t>(id); }

struct advisor_state {
    person_id id;
    bool active =
        false;  ///< on a team, in an engagement, an activity or an enactment in the window
    std::vector<team_id> teams;
    std::optional<engagement_level> highest;
    std::vector<record_ref> low_engagements;
    bool prepared = false;
    bool impact = false;
    std::vector<record_ref> low_activities;
};

std::string percent(double share) { return detail::fixed(100.0 * share, 0) + "%"; }

void check_options(const audit_options& o) {
    if (o.concentration_top_k == 0)
        throw invalid_request_error(
            "audit option concentration_top_k is 0; use 1 or more advisors");
    if (!(o.concentration_share >= 0.0 && o.concentration_share <= 1.0))
        throw invalid_request_error("audit option concentration_share is " +
                                    std::to_string(o.concentration_share) +
                                    "; use a share between 0 and 1");
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

}  // namespace

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
    }
    return "invalid";
}

std::string_view tokenism_disclaimer() noexcept {
    return "These indicators are library heuristics drawn from the literature (Arnstein's degrees "
           "of "
           "tokenism, Majid 2020: unequal power and limited impact, practitioner warnings). They "
           "are "
           "not findings of the seed study (Clavel, Pomey and Ghadiri 2019); a fired indicator is "
           "a "
           "question to examine, not a verdict.";
}

bool advisor_audit::fired(indicator id) const noexcept {
    return std::any_of(hits.begin(), hits.end(),
                       [&](const indicator_hit& h) { return h.id == id; });
}
bool team_audit::fired(indicator id) const noexcept {
    return std::any_of(hits.begin(), hits.end(),
                       [&](const indicator_hit& h) { return h.id == id; });
}

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
    report.options = o;

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
    for (const person& p : study.all<person>())
        if (p.role == person_role::patient_advisor && p.organization &&
            scope.has_organization(*p.organization))
            candidate(p);
    auto state_of = [&](person_id id) -> advisor_state* {
        auto it = index.find(id);
        return it == index.end() ? nullptr : &states[it->second];
    };

    // Teams in scope, their advisors during the window.
    struct team_state {
        const qi_team* team;
        std::vector<person_id> advisors;
        bool evaluated = false;
    };
    std::vector<team_state> teams;
    std::unordered_map<team_id, std::size_t> team_index;
    for (const qi_team& t : study.all<qi_team>()) {
        if (!scope.has_organization(t.organization) || !scope.has_team(t.id)) continue;
        team_index.emplace(t.id, teams.size());
        team_state ts{&t, {}, false};
        for (const team_membership& m : t.members) {
            if (!scope.active(m)) continue;
            const person& p = study.get(m.person);
            if (p.role != person_role::patient_advisor) continue;
            advisor_state* s = candidate(p);
            s->active = true;
            s->teams.push_back(t.id);
            ts.advisors.push_back(p.id);
        }
        teams.push_back(std::move(ts));
    }

    // Engagements in the window: levels reached, support from managers, input to activities.
    for (const engagement& e : study.all<engagement>()) {
        if (!scope.in_window(e.on)) continue;
        advisor_state* from = state_of(e.from);
        advisor_state* to = state_of(e.to);
        for (advisor_state* s : {from, to}) {
            if (!s) continue;
            s->active = true;
            if (!s->highest || e.level > *s->highest) s->highest = e.level;
            if (e.level <= o.consultation_ceiling)
                s->low_engagements.push_back(
                    {record_kind::engagement, e.id.value, detail::label_of(study, e)});
        }
        if (to && kind_supports(e.kind) && study.get(e.from).role == person_role::manager)
            to->prepared = true;
        if (from && e.activity) {
            if (e.level >= o.impact_level)
                from->impact = true;
            else
                from->low_activities.push_back(
                    {record_kind::activity, e.activity->value, study.get(*e.activity).code});
        }
    }

    // Enactments in scope: managing-integration practices aimed at advisors, evaluations per team.
    for (const practice_enactment& e : study.all<practice_enactment>()) {
        if (!scope.has(e)) continue;
        practice_category category = study.get(e.practice).category;
        if (category == practice_category::managing_integration) {
            for (person_id target : e.targets) {
                if (advisor_state* s = state_of(target)) {
                    s->active = true;
                    s->prepared = true;
                }
            }
        }
        if (category == practice_category::evaluating_integration && e.team) {
            auto it = team_index.find(*e.team);
            if (it != team_index.end()) teams[it->second].evaluated = true;
        }
    }

    // Activities in scope: the advisors who took part, and the level the activity reached.
    for (const qi_activity& a : study.all<qi_activity>()) {
        if (!scope.has_place(a.organization, a.team) || !scope.overlaps(a.start, a.end)) continue;
        bool reached = a.level_reached && *a.level_reached >= o.impact_level;
        for (person_id pa : a.advisors) {
            advisor_state* s = state_of(pa);
            if (!s) continue;
            s->active = true;
            if (reached)
                s->impact = true;
            else
                s->low_activities.push_back({record_kind::activity, a.id.value, a.code});
        }
    }

    // Advisors audited: those active in the window, in id order.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < states.size(); ++i)
        if (states[i].active) order.push_back(i);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return states[a].id < states[b].id; });

    std::vector<bool> reaches;
    if (o.enabled[at(indicator::no_path_to_decision_maker)]) {
        std::vector<person_id> ids;
        ids.reserve(order.size());
        for (std::size_t i : order)
            ids.push_back(states[i].id);
        reaches = detail::reaches_decision_maker(study, scope, ids, o.decision_maker_tiers);
        report.path_indicator_evaluated = reaches.size() == ids.size();
    }
    std::string tiers_text;
    for (std::size_t i = 0; i < o.decision_maker_tiers.size(); ++i)
        tiers_text += (i ? " or " : "") + std::string(to_string(o.decision_maker_tiers[i]));

    std::unordered_map<person_id, double> advisor_score;
    for (std::size_t k = 0; k < order.size(); ++k) {
        advisor_state& s = states[order[k]];
        const person& p = study.get(s.id);
        advisor_audit a;
        a.advisor = s.id;
        a.code = p.code;
        a.teams = s.teams;
        record_ref self{record_kind::person, s.id.value, p.code};
        if (o.enabled[at(indicator::never_above_consultation)] &&
            (!s.highest || *s.highest <= o.consultation_ceiling)) {
            std::string seen =
                s.highest ? "highest level reached: " + std::string(to_string(*s.highest)) + " (" +
                                std::to_string(s.low_engagements.size()) + " engagements)"
                          : "no engagement recorded in the window";
            auto records = s.low_engagements;
            if (records.empty()) records.push_back(self);
            a.hits.push_back(
                make_hit(indicator::never_above_consultation, o,
                         "no engagement above " + std::string(to_string(o.consultation_ceiling)),
                         std::move(seen), std::move(records)));
        }
        if (o.enabled[at(indicator::not_prepared_or_supported)] && !s.prepared)
            a.hits.push_back(
                make_hit(indicator::not_prepared_or_supported, o,
                         "no prepares, coaches or supports engagement from a manager and no "
                         "managing-integration practice aimed at the advisor",
                         "none recorded in the window", {self}));
        if (report.path_indicator_evaluated && !reaches[k])
            a.hits.push_back(make_hit(indicator::no_path_to_decision_maker, o,
                                      "no directed path to a " + tiers_text + " manager",
                                      "no manager of those tiers is reachable from the advisor",
                                      {self}));
        if (o.enabled[at(indicator::input_without_impact)] && !s.impact) {
            std::string seen =
                s.low_activities.empty()
                    ? "no QI activity with the advisor's input recorded in the window"
                    : std::to_string(s.low_activities.size()) +
                          " activity records below the level or with no level recorded";
            auto records = s.low_activities;
            if (records.empty()) records.push_back(self);
            a.hits.push_back(make_hit(
                indicator::input_without_impact, o,
                "no QI activity reached " + std::string(to_string(o.impact_level)) + " or above",
                std::move(seen), std::move(records)));
        }
        for (const indicator_hit& h : a.hits)
            a.score += h.weight;
        advisor_score.emplace(a.advisor, a.score);
        report.advisors.push_back(std::move(a));
    }

    for (const team_state& ts : teams) {
        team_audit t;
        t.team = ts.team->id;
        t.code = ts.team->code;
        t.advisors = ts.advisors.size();
        record_ref self{record_kind::team, t.team.value, t.code};
        if (o.enabled[at(indicator::lone_advisor)] &&
            ts.advisors.size() < o.min_advisors_per_team) {
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
        if (o.enabled[at(indicator::no_evaluation_on_team)] && !ts.evaluated)
            t.hits.push_back(
                make_hit(indicator::no_evaluation_on_team, o,
                         "no evaluating-integration practice on the team in the window",
                         "none recorded", {self}));
        for (const indicator_hit& h : t.hits)
            t.score += h.weight;
        for (person_id pa : ts.advisors) {
            auto it = advisor_score.find(pa);
            if (it != advisor_score.end()) t.score += it->second;
        }
        report.teams.push_back(std::move(t));
    }

    // Concentration: the share of advisor seats the top k advisors hold.
    if (o.enabled[at(indicator::concentrated_advisors)] &&
        teams.size() >= o.concentration_min_teams) {
        std::vector<std::pair<std::size_t, person_id>> seats;
        std::size_t total = 0;
        for (std::size_t i : order) {
            if (states[i].teams.empty()) continue;
            seats.emplace_back(states[i].teams.size(), states[i].id);
            total += states[i].teams.size();
        }
        std::size_t k = std::min(o.concentration_top_k, seats.size());
        std::partial_sort(seats.begin(), seats.begin() + static_cast<std::ptrdiff_t>(k),
                          seats.end(), [](const auto& a, const auto& b) {
                              return a.first != b.first ? a.first > b.first : a.second < b.second;
                          });
        std::size_t top = 0;
        std::vector<record_ref> records;
        std::string names;
        for (std::size_t i = 0; i < k; ++i) {
            top += seats[i].first;
            records.push_back(
                {record_kind::person, seats[i].second.value, study.code_of(seats[i].second)});
            names += (names.empty() ? "" : ", ") + study.code_of(seats[i].second) + " (" +
                     std::to_string(seats[i].first) + ")";
        }
        double share = total ? static_cast<double>(top) / static_cast<double>(total) : 0.0;
        if (total && share > o.concentration_share)
            report.study_hits.push_back(
                make_hit(indicator::concentrated_advisors, o,
                         "top " + std::to_string(o.concentration_top_k) +
                             " advisors hold more than " + percent(o.concentration_share) +
                             " of advisor seats over " + std::to_string(teams.size()) + " teams",
                         names + " hold " + std::to_string(top) + " of " + std::to_string(total) +
                             " seats (" + percent(share) + ")",
                         std::move(records)));
    }
    return report;
}

audit_summary summarize(const tokenism_audit_report& r) {
    audit_summary s;
    s.advisors = r.advisors.size();
    s.teams = r.teams.size();
    double sum = 0;
    for (const advisor_audit& a : r.advisors) {
        if (!a.hits.empty()) ++s.flagged_advisors;
        for (const indicator_hit& h : a.hits)
            ++s.fired[at(h.id)];
        sum += a.score;
    }
    s.mean_advisor_score = s.advisors ? sum / static_cast<double>(s.advisors) : 0.0;
    sum = 0;
    for (const team_audit& t : r.teams) {
        if (!t.hits.empty()) ++s.flagged_teams;
        for (const indicator_hit& h : t.hits)
            ++s.fired[at(h.id)];
        sum += t.score;
    }
    s.mean_team_score = s.teams ? sum / static_cast<double>(s.teams) : 0.0;
    for (const indicator_hit& h : r.study_hits)
        ++s.fired[at(h.id)];
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

}  // namespace

std::string to_text(const tokenism_audit_report& r) {
    std::ostringstream out;
    out << "Tokenism audit, " << r.scope << "\n";
    out << "Note: " << tokenism_disclaimer() << "\n\nIndicators:\n";
    for (const indicator_definition& d : definitions) {
        if (!r.options.enabled[at(d.id)]) continue;
        out << "  " << d.name << " (" << to_string(d.scope) << "): " << d.rationale
            << ". Source: " << d.source << ".";
        if (d.id == indicator::no_path_to_decision_maker && !r.path_indicator_evaluated)
            out << " Not evaluated: no engagement network available.";
        out << "\n";
    }
    audit_summary s = summarize(r);
    out << "\n"
        << s.flagged_teams << " of " << s.teams << " teams and " << s.flagged_advisors << " of "
        << s.advisors << " advisors have at least one indicator.\n";
    detail::table t;
    t.header = {"subject", "score", "indicators"};
    t.left = {true, false, true};
    auto names_of = [](const std::vector<indicator_hit>& list) {
        std::string names;
        for (const indicator_hit& h : list)
            names += (names.empty() ? "" : ", ") + std::string(to_string(h.id));
        return names;
    };
    for (const team_audit& team : r.teams) {
        // A team's score also carries its advisors' indicators; say so when it has none of its own.
        double own = 0;
        for (const indicator_hit& h : team.hits)
            own += h.weight;
        std::string names = names_of(team.hits);
        if (team.score > own)
            names += names.empty() ? "- (score from its advisors)" : " (+ its advisors')";
        if (names.empty()) names = "-";
        t.add({"team " + team.code, detail::fixed(team.score, 1), names});
    }
    for (const advisor_audit& a : r.advisors) {
        std::string names = names_of(a.hits);
        t.add({"advisor " + a.code, detail::fixed(a.score, 1), names.empty() ? "-" : names});
    }
    out << t.to_text();
    auto hits = [&](const std::string& subject, const std::vector<indicator_hit>& list) {
        for (const indicator_hit& h : list)
            out << "  " << subject << " / " << to_string(h.id) << " [" << h.threshold
                << "]: " << h.detail << "\n    records: " << records_text(h.records) << "\n";
    };
    out << "\nWhat triggered each indicator:\n";
    for (const indicator_hit& h : r.study_hits)
        hits("study", {h});
    for (const team_audit& team : r.teams)
        hits("team " + team.code, team.hits);
    for (const advisor_audit& a : r.advisors)
        hits("advisor " + a.code, a.hits);
    return out.str();
}

void write_csv(std::ostream& out, const tokenism_audit_report& r) {
    detail::table t;
    t.header = {"subject_kind", "subject", "indicator", "weight", "threshold", "detail", "records"};
    auto rows = [&](const std::string& kind, const std::string& subject,
                    const std::vector<indicator_hit>& list) {
        if (list.empty()) t.add({kind, subject, "", "", "", "", ""});
        for (const indicator_hit& h : list) {
            std::string recs;
            for (const record_ref& ref : h.records)
                recs +=
                    (recs.empty() ? "" : "; ") + std::string(to_string(ref.kind)) + ":" + ref.label;
            t.add({kind, subject, std::string(to_string(h.id)), detail::fixed(h.weight, 2),
                   h.threshold, h.detail, recs});
        }
    };
    if (!r.study_hits.empty()) rows("study", r.scope, r.study_hits);
    for (const team_audit& team : r.teams)
        rows("team", team.code, team.hits);
    for (const advisor_audit& a : r.advisors)
        rows("advisor", a.code, a.hits);
    t.write_csv(out);
}

}  // namespace partnerqi::analysis
