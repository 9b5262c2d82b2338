#include "partnerqi/analysis/evidence.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "partnerqi/analysis/detail/scope.hpp"
#include "partnerqi/analysis/detail/table.hpp"

namespace partnerqi::analysis {

using namespace model;

namespace {

constexpr const char* organization_level = "(organization)";
constexpr const char* no_wave = "(no wave)";

// The organization a record sits in: its team's, else the fallback's.
std::optional<organization_id> place_of(const case_study& study, const std::optional<team_id>& team,
                                        std::optional<organization_id> fallback) {
    if (team) return study.get(*team).organization;
    return fallback;
}

bool in_place(const detail::scope& scope, const std::optional<organization_id>& org,
              const std::optional<team_id>& team) {
    if (org) return scope.has_place(*org, team);
    return scope.resolved().whole_study;
}

std::string signed_points(const std::optional<double>& x) {
    return x ? format_change(*x, figure::average) : std::string("-");
}

}  // namespace

// ---- Evaluation responses -------------------------------------------------------------------

evaluation_summary summarize_evaluations(const case_study& study, const filter& f) {
    detail::scope scope(study, f);
    evaluation_summary out;
    out.scope = scope.resolved().label;
    out.items = study.all<evaluation_item>().size();

    // Waves in start order; "(no wave)" sorts first.
    std::vector<const wave*> waves;
    for (const wave& w : study.all<wave>())
        waves.push_back(&w);
    std::stable_sort(waves.begin(), waves.end(), [](const wave* a, const wave* b) {
        return a->window.first() < b->window.first();
    });
    std::unordered_map<wave_id, std::size_t> wave_rank;
    for (std::size_t i = 0; i < waves.size(); ++i)
        wave_rank.emplace(waves[i]->id, i + 1);

    struct cell {
        std::unordered_set<person_id> people;
        std::size_t responses = 0;
        double percent_sum = 0;
    };
    // Key: team id (0: organization level), wave rank (0: none), instrument, domain.
    using key = std::tuple<std::uint32_t, std::size_t, evaluation_instrument, std::string>;
    std::map<key, cell> cells;
    std::unordered_set<person_id> respondents;
    for (const evaluation_response& r : study.all<evaluation_response>()) {
        const person& who = study.get(r.respondent);
        if (!in_place(scope, place_of(study, r.team, who.organization), r.team)) continue;
        if (r.on) {
            if (!scope.in_window(*r.on)) continue;
        } else if (r.wave) {
            const date_window& w = study.get(*r.wave).window;
            if (!scope.overlaps(w.first(), w.last())) continue;
        }
        const evaluation_item& item = study.get(r.item);
        cell& c = cells[key{r.team ? r.team->value : 0, r.wave ? wave_rank.at(*r.wave) : 0,
                            item.instrument, item.domain}];
        c.people.insert(r.respondent);
        ++c.responses;
        c.percent_sum += 100.0 * (r.value - item.scale_min) / (item.scale_max - item.scale_min);
        respondents.insert(r.respondent);
        ++out.responses;
    }
    out.respondents = respondents.size();

    // Rows in key order, so the previous wave of a team, instrument and domain is the row
    // before with the same team, instrument and domain among those already seen.
    std::map<std::tuple<std::uint32_t, evaluation_instrument, std::string>, std::size_t> last;
    for (const auto& [k, c] : cells) {
        const auto& [team, rank, instrument, domain] = k;
        domain_score row;
        row.team = team ? study.get(team_id{team}).code : organization_level;
        row.wave = rank ? waves[rank - 1]->code : no_wave;
        row.instrument = instrument;
        row.domain = domain;
        row.respondents = c.people.size();
        for (person_id p : c.people) {
            switch (study.get(p).role) {
                case person_role::patient_advisor: ++row.advisors; break;
                case person_role::provider: ++row.providers; break;
                case person_role::manager: ++row.managers; break;
                default: break;
            }
        }
        row.responses = c.responses;
        row.mean_percent = c.percent_sum / static_cast<double>(c.responses);
        auto series = std::make_tuple(team, instrument, domain);
        if (rank != 0) {
            auto it = last.find(series);
            if (it != last.end()) {
                const domain_score& before = out.rows[it->second];
                row.change = row.mean_percent - before.mean_percent;
                row.previous_wave = before.wave;
            }
            last[series] = out.rows.size();
        }
        out.rows.push_back(std::move(row));
    }
    return out;
}

namespace {

detail::table evaluation_table(const evaluation_summary& s) {
    detail::table t;
    t.header = {"team",      "wave",     "instrument", "domain",   "respondents",  "advisors",
                "providers", "managers", "responses",  "mean (%)", "change (pts)", "since"};
    t.left = {true, true, true, true};
    for (const domain_score& r : s.rows)
        t.add({r.team, r.wave, std::string(to_string(r.instrument)), r.domain,
               detail::num(r.respondents), detail::num(r.advisors), detail::num(r.providers),
               detail::num(r.managers), detail::num(r.responses),
               format_text(r.mean_percent, figure::average), signed_points(r.change),
               r.previous_wave.empty() ? "-" : r.previous_wave});
    return t;
}

}  // namespace

std::string to_text(const evaluation_summary& s) {
    std::ostringstream out;
    out << detail::wrap_text("Evaluation of engagement (" + s.scope + "): ",
                             std::to_string(s.responses) + " responses from " +
                                 std::to_string(s.respondents) + " respondents, " +
                                 std::to_string(s.items) + " items recorded",
                             2);
    if (s.rows.empty()) {
        out << "  no evaluation response recorded in scope: whether engagement was evaluated "
               "cannot be assessed from evaluation records\n";
        return out.str();
    }
    out << detail::wrap_text("  mean: ",
                             "responses as a percentage of their item's scale; change: "
                             "percentage points since the team's previous wave",
                             4);
    out << evaluation_table(s).to_text();
    return out.str();
}

void write_csv(std::ostream& out, const evaluation_summary& s) {
    detail::table t;
    t.header = {"team",        "wave",         "instrument", "domain",
                "respondents", "advisors",     "providers",  "managers",
                "responses",   "mean_percent", "change",     "previous_wave"};
    for (const domain_score& r : s.rows)
        t.add({r.team, r.wave, std::string(to_string(r.instrument)), r.domain,
               detail::num(r.respondents), detail::num(r.advisors), detail::num(r.providers),
               detail::num(r.managers), detail::num(r.responses), format_exact(r.mean_percent),
               r.change ? format_exact(*r.change) : "", r.previous_wave});
    t.write_csv(out);
}

// ---- The influence log ----------------------------------------------------------------------

namespace {

struct counter {
    influence_counts counts;
    std::vector<std::int32_t> delays;

    void add(const advisor_input& in) {
        ++counts.inputs;
        if (in.decision) {
            ++counts.decided;
            switch (*in.decision) {
                case decision_outcome::adopted: ++counts.adopted; break;
                case decision_outcome::adapted: ++counts.adapted; break;
                case decision_outcome::deferred: ++counts.deferred; break;
                case decision_outcome::rejected: ++counts.rejected; break;
            }
        }
        if (in.change) ++counts.changes;
        if (in.decided_on) delays.push_back(days_between(in.on, *in.decided_on));
    }

    influence_counts finish() {
        const std::size_t taken = counts.adopted + counts.adapted;
        if (taken + counts.rejected > 0)
            counts.adoption_rate =
                static_cast<double>(taken) / static_cast<double>(taken + counts.rejected);
        if (!delays.empty()) {
            std::sort(delays.begin(), delays.end());
            const std::size_t n = delays.size();
            counts.median_days_to_decision =
                n % 2 == 1 ? delays[n / 2] : (delays[n / 2 - 1] + delays[n / 2]) / 2.0;
        }
        return counts;
    }
};

}  // namespace

influence_summary summarize_influence(const case_study& study, const filter& f) {
    detail::scope scope(study, f);
    influence_summary out;
    out.scope = scope.resolved().label;
    counter total;
    std::map<person_id, counter> advisors;
    std::map<team_id, counter> teams;
    std::vector<const advisor_input*> counted;
    for (const advisor_input& in : study.all<advisor_input>()) {
        if (!scope.in_window(in.on)) continue;
        std::optional<organization_id> org = study.get(in.advisor).organization;
        if (in.activity) org = study.get(*in.activity).organization;
        if (!in_place(scope, place_of(study, in.team, org), in.team)) continue;
        total.add(in);
        advisors[in.advisor].add(in);
        if (in.team) teams[*in.team].add(in);
        counted.push_back(&in);
        const bool missing =
            !in.source || (in.decision && !in.decision_source) || (in.change && !in.change_source);
        if (missing) out.missing_evidence.push_back(in.code);
    }
    total.counts.label = "all";
    out.total = total.finish();
    for (auto& [id, c] : advisors) {
        c.counts.label = study.code_of(id);
        out.advisors.push_back(c.finish());
    }
    for (auto& [id, c] : teams) {
        c.counts.label = study.get(id).code;
        out.teams.push_back(c.finish());
    }
    // Each wave takes the inputs dated in its window, found by binary search over the inputs in
    // date order: the work is what the waves hold, never inputs times waves.
    std::stable_sort(counted.begin(), counted.end(),
                     [](const advisor_input* a, const advisor_input* b) { return a->on < b->on; });
    for (const wave& w : study.all<wave>()) {
        auto first =
            std::lower_bound(counted.begin(), counted.end(), w.window.first(),
                             [](const advisor_input* in, const date& d) { return in->on < d; });
        auto last =
            std::upper_bound(first, counted.end(), w.window.last(),
                             [](const date& d, const advisor_input* in) { return d < in->on; });
        if (first == last) continue;
        counter c;
        for (auto it = first; it != last; ++it)
            c.add(**it);
        c.counts.label = w.code;
        out.waves.push_back(c.finish());
    }
    return out;
}

namespace {

void add_counts(detail::table& t, const std::string& by, const influence_counts& c, bool csv) {
    std::vector<std::string> row;
    if (csv) row.push_back(by);
    row.insert(row.end(), {c.label, detail::num(c.inputs), detail::num(c.decided),
                           detail::num(c.adopted), detail::num(c.adapted), detail::num(c.deferred),
                           detail::num(c.rejected), detail::num(c.changes)});
    if (csv) {
        row.push_back(c.adoption_rate ? format_exact(*c.adoption_rate) : "");
        row.push_back(c.median_days_to_decision ? format_exact(*c.median_days_to_decision) : "");
    } else {
        row.push_back(c.adoption_rate ? format_text(*c.adoption_rate, figure::percent) : "-");
        row.push_back(c.median_days_to_decision
                          ? format_text(*c.median_days_to_decision, figure::average)
                          : "-");
    }
    t.add(std::move(row));
}

}  // namespace

std::string to_text(const influence_summary& s) {
    std::ostringstream out;
    out << "Influence log (" << s.scope << "): " << s.total.inputs << " inputs, " << s.total.decided
        << " decisions, " << s.total.changes << " changes\n";
    if (s.total.inputs == 0) {
        out << "  no influence-log entry recorded in scope: whether advisors' input had an "
               "impact cannot be assessed\n";
        return out.str();
    }
    out << detail::wrap_text("  adoption rate: ",
                             "(adopted + adapted) / (adopted + adapted + rejected); deferred "
                             "inputs await a decision",
                             4);
    auto section = [&](const char* title, const std::vector<influence_counts>& rows) {
        if (rows.empty()) return;
        detail::table t;
        t.header = {title,      "inputs",   "decided", "adopted",       "adapted",
                    "deferred", "rejected", "changes", "adoption rate", "median days"};
        for (const influence_counts& c : rows)
            add_counts(t, title, c, false);
        out << t.to_text();
    };
    section("advisor", s.advisors);
    section("team", s.teams);
    section("wave", s.waves);
    section("total", {s.total});
    if (!s.missing_evidence.empty()) {
        out << "  entries with a step that names no evidence source:";
        for (const std::string& code : s.missing_evidence)
            out << ' ' << code;
        out << '\n';
    }
    return out.str();
}

void write_csv(std::ostream& out, const influence_summary& s) {
    detail::table t;
    t.header = {"by",
                "label",
                "inputs",
                "decided",
                "adopted",
                "adapted",
                "deferred",
                "rejected",
                "changes",
                "adoption_rate",
                "median_days_to_decision"};
    for (const influence_counts& c : s.advisors)
        add_counts(t, "advisor", c, true);
    for (const influence_counts& c : s.teams)
        add_counts(t, "team", c, true);
    for (const influence_counts& c : s.waves)
        add_counts(t, "wave", c, true);
    add_counts(t, "total", s.total, true);
    t.write_csv(out);
}

}  // namespace partnerqi::analysis
