#include "partnerqi/analysis/evaluation_loop.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <sstream>
#include <unordered_map>

#include "partnerqi/analysis/detail/scope.hpp"
#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/error.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

std::string_view to_string(loop_status status) noexcept {
    switch (status) {
        case loop_status::closed: return "closed";
        case loop_status::open: return "open";
        case loop_status::pending: return "pending";
    }
    return "invalid";
}

namespace {

// An adjustment: a structuring or managing enactment, or the change an input led to.
struct dated {
    date on;
    const practice_enactment* enactment = nullptr;  // exactly one of the two is set
    const advisor_input* input = nullptr;
};

// By date; on one day enactments first, then by id, so that the order never depends on storage.
bool by_date(const dated& a, const dated& b) {
    if (a.on != b.on) return a.on < b.on;
    if ((a.enactment != nullptr) != (b.enactment != nullptr)) return a.enactment != nullptr;
    return a.enactment ? a.enactment->id < b.enactment->id : a.input->id < b.input->id;
}

bool is_adjustment(practice_category c) {
    return c == practice_category::structuring || c == practice_category::managing_integration;
}

void count(loop_status s, std::size_t& closed, std::size_t& open, std::size_t& pending) {
    (s == loop_status::closed ? closed : s == loop_status::open ? open : pending)++;
}

}  // namespace

evaluation_loop_report evaluation_loop(const case_study& study, const filter& f,
                                       const evaluation_loop_options& o) {
    if (o.max_delay_days < 0)
        throw invalid_request_error("evaluation loop delay is " + std::to_string(o.max_delay_days) +
                                    " days; use 0 or more days");
    detail::scope scope(study, f);
    evaluation_loop_report report;
    report.scope = scope.resolved().label;
    report.max_delay_days = o.max_delay_days;

    // Adjustments by team and by organization, sorted by date, over the whole study window.
    std::unordered_map<team_id, std::vector<dated>> by_team;
    std::unordered_map<organization_id, std::vector<dated>> by_org;
    std::vector<const practice_enactment*> evaluations;
    for (const practice_enactment& e : study.all<practice_enactment>()) {
        if (!scope.has_place(e.organization, e.team)) continue;
        practice_category c = study.get(e.practice).category;
        if (is_adjustment(c)) {
            if (e.team) by_team[*e.team].push_back({e.on, &e, nullptr});
            by_org[e.organization].push_back({e.on, &e, nullptr});
        } else if (c == practice_category::evaluating_integration && scope.in_window(e.on)) {
            evaluations.push_back(&e);
        }
    }
    // The influence log: an input whose decision led to a recorded change closes a loop on the
    // change's date; its place is its team, else its advisor's organization.
    for (const advisor_input& in : study.all<advisor_input>()) {
        const std::optional<organization_id> org =
            in.team ? std::optional<organization_id>(study.get(*in.team).organization)
                    : study.get(in.advisor).organization;
        const bool in_place = org ? scope.has_place(*org, in.team) : scope.resolved().whole_study;
        if (!in_place) continue;
        const bool changed = in.change && in.changed_on;
        if (scope.in_window(in.on)) {
            ++report.inputs;
            if (changed) {
                ++report.inputs_changed;
                if (!report.last_change || *report.last_change < *in.changed_on)
                    report.last_change = in.changed_on;
            }
        }
        if (!changed || !org) continue;
        if (in.team) by_team[*in.team].push_back({*in.changed_on, nullptr, &in});
        by_org[*org].push_back({*in.changed_on, nullptr, &in});
    }
    for (auto& [id, list] : by_team)
        std::sort(list.begin(), list.end(), by_date);
    for (auto& [id, list] : by_org)
        std::sort(list.begin(), list.end(), by_date);
    std::sort(evaluations.begin(), evaluations.end(),
              [](const practice_enactment* a, const practice_enactment* b) {
                  return a->on != b->on ? a->on < b->on : a->id < b->id;
              });

    // One loop per team (then per organization for organization-level evaluations), in id order.
    std::map<std::pair<std::uint32_t, std::uint32_t>, team_loop> loops;  // (team or max, org)
    const date study_end = study.window().last();
    for (const practice_enactment* e : evaluations) {
        const std::vector<dated>* candidates = nullptr;
        if (e->team) {
            auto it = by_team.find(*e->team);
            if (it != by_team.end()) candidates = &it->second;
        } else {
            auto it = by_org.find(e->organization);
            if (it != by_org.end()) candidates = &it->second;
        }
        evaluation_followup ev;
        ev.evaluation = e->id;
        ev.practice = study.get(e->practice).code;
        ev.manager = study.code_of(e->manager);
        ev.on = e->on;
        if (candidates) {
            auto it = std::lower_bound(candidates->begin(), candidates->end(), e->on,
                                       [](const dated& d, date v) { return d.on < v; });
            if (it != candidates->end() && days_between(e->on, it->on) <= o.max_delay_days) {
                if (it->enactment) {
                    ev.follow_up = it->enactment->id;
                    ev.follow_up_practice = study.get(it->enactment->practice).code;
                } else {
                    ev.follow_up_input = it->input->id;
                    ev.follow_up_input_code = it->input->code;
                }
                ev.days = days_between(e->on, it->on);
                ev.status = loop_status::closed;
            }
        }
        if (ev.status != loop_status::closed)
            ev.status = days_between(e->on, study_end) < o.max_delay_days ? loop_status::pending
                                                                          : loop_status::open;

        std::pair<std::uint32_t, std::uint32_t> key{e->team ? e->team->value : UINT32_MAX,
                                                    e->organization.value};
        auto [slot, inserted] = loops.try_emplace(key);
        team_loop& loop = slot->second;
        if (inserted) {
            loop.team = e->team;
            loop.organization = e->organization;
            loop.label = e->team ? study.get(*e->team).code
                                 : study.get(e->organization).code + " (organization level)";
        }
        count(ev.status, loop.closed, loop.open, loop.pending);
        count(ev.status, report.closed, report.open, report.pending);
        ++report.evaluations;
        loop.evaluations.push_back(std::move(ev));
    }
    for (auto& [key, loop] : loops)
        report.teams.push_back(std::move(loop));

    // Over time: the study's waves inside the window, or calendar years when there are none.
    const date_window& w = scope.window();
    for (const wave& wv : study.all<wave>())
        if (wv.window.overlaps(w)) report.periods.push_back({wv.code, wv.window, 0, 0, 0, 0});
    if (report.periods.empty())
        for (int y = w.first().year(); y <= w.last().year(); ++y)
            report.periods.push_back({std::to_string(y), date_window::years(y, y), 0, 0, 0, 0});
    std::sort(report.periods.begin(), report.periods.end(),
              [](const loop_period& a, const loop_period& b) {
                  return a.window.first() < b.window.first();
              });
    for (const team_loop& loop : report.teams)
        for (const evaluation_followup& ev : loop.evaluations)
            for (loop_period& p : report.periods)  // periods are few: waves or years
                if (p.window.contains(ev.on)) {
                    ++p.evaluations;
                    count(ev.status, p.closed, p.open, p.pending);
                }
    // Evaluation records: responses to an evaluation instrument in scope and in the window.
    for (const evaluation_response& r : study.all<evaluation_response>()) {
        if (r.on && !scope.in_window(*r.on)) continue;
        if (!r.on && r.wave && !study.get(*r.wave).window.overlaps(w)) continue;
        const auto org = r.team ? std::optional<organization_id>(study.get(*r.team).organization)
                                : study.get(r.respondent).organization;
        if (org ? scope.has_place(*org, r.team) : scope.resolved().whole_study)
            ++report.evaluation_responses;
    }
    if (report.evaluations == 0 && report.inputs_changed > 0) {
        report.state = assessment::not_flagged;
        report.state_detail = "not flagged: no evaluating-integration enactment recorded, but " +
                              std::to_string(report.inputs_changed) + " of " +
                              std::to_string(report.inputs) +
                              " advisor inputs led to a recorded change (the latest on " +
                              report.last_change->to_iso() + "), evidence that the loop was closed";
    } else if (report.evaluations == 0 && report.evaluation_responses == 0 && report.inputs == 0) {
        report.state = assessment::not_assessable;
        report.state_detail =
            "not assessable: no evaluation recorded in " + w.to_iso() +
            " (no evaluation response, no evaluating-integration enactment and no influence-log "
            "entry); record evaluations to check the loop";
    } else if (report.evaluations == 0) {
        report.state = assessment::not_assessable;
        report.state_detail =
            "not assessable: " + std::to_string(report.evaluation_responses) +
            " evaluation responses and " + std::to_string(report.inputs) +
            " advisor inputs recorded in " + w.to_iso() +
            ", but no evaluating-integration enactment dates when their results were reviewed "
            "and no input led to a recorded change; record that review or the changes to check "
            "what followed";
    } else if (report.open > 0) {
        report.state = assessment::flagged;
        report.state_detail = "flagged: " + std::to_string(report.open) + " of " +
                              std::to_string(report.evaluations) +
                              " evaluations had no structuring or managing follow-up and no "
                              "recorded change";
    } else {
        report.state = assessment::not_flagged;
        report.state_detail = "not flagged: every evaluation was followed up or is pending";
    }
    return report;
}

std::string loop_rule_text(const evaluation_loop_report& r) {
    return "An evaluation is closed when a structuring or managing practice, or a change an "
           "advisor's input led to, follows on the same team within " +
           std::to_string(r.max_delay_days) +
           " days; pending when that delay runs past the study window.";
}

std::string loop_inputs_text(const evaluation_loop_report& r) {
    return std::to_string(r.inputs) + " advisor inputs in the influence log, " +
           std::to_string(r.inputs_changed) + " of them led to a recorded change" +
           (r.last_change ? " (the latest on " + r.last_change->to_iso() + ")" : std::string()) +
           ".";
}

std::string to_text(const evaluation_loop_report& r) {
    std::ostringstream out;
    out << "Evaluation loop, " << r.scope << "\n";
    out << detail::wrap_text("", loop_rule_text(r), 2);
    out << r.evaluations << " evaluations (and " << r.evaluation_responses
        << " evaluation responses): " << r.closed << " closed, " << r.open << " open, " << r.pending
        << " pending.\n";
    out << detail::wrap_text("", loop_inputs_text(r), 2)
        << detail::wrap_text("", r.state_detail + ".", 2) << "\n";
    detail::table t;
    t.header = {"team", "evaluation", "date", "status", "follow-up", "days"};
    t.left = {true, true, true, true, true, false};
    for (const team_loop& loop : r.teams)
        for (const evaluation_followup& ev : loop.evaluations)
            t.add({loop.label, ev.practice + " by " + ev.manager, ev.on.to_iso(),
                   std::string(to_string(ev.status)),
                   !ev.follow_up_practice.empty()     ? ev.follow_up_practice
                   : !ev.follow_up_input_code.empty() ? ev.follow_up_input_code + " (change)"
                                                      : "-",
                   ev.days ? std::to_string(*ev.days) : "-"});
    if (!t.rows.empty()) out << t.to_text() << "\n";
    detail::table p;
    p.header = {"period", "evaluations", "closed", "open", "pending"};
    for (const loop_period& period : r.periods)
        p.add({period.label, detail::num(period.evaluations), detail::num(period.closed),
               detail::num(period.open), detail::num(period.pending)});
    out << "Over time:\n" << p.to_text();
    return out.str();
}

void write_csv(std::ostream& out, const evaluation_loop_report& r) {
    detail::table t;
    t.header = {"team",   "evaluation", "practice",           "manager", "date",
                "status", "follow_up",  "follow_up_practice", "days",    "follow_up_input"};
    for (const team_loop& loop : r.teams)
        for (const evaluation_followup& ev : loop.evaluations)
            t.add({loop.label, std::to_string(ev.evaluation.value), ev.practice, ev.manager,
                   ev.on.to_iso(), std::string(to_string(ev.status)),
                   ev.follow_up ? std::to_string(ev.follow_up->value) : "", ev.follow_up_practice,
                   ev.days ? std::to_string(*ev.days) : "", ev.follow_up_input_code});
    t.write_csv(out);
}

}  // namespace partnerqi::analysis
