#include "partnerqi/analysis/filter.hpp"

#include <algorithm>

#include "partnerqi/analysis/detail/scope.hpp"
#include "partnerqi/error.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

namespace {

const wave* find_wave(const case_study& study, wave_id id) {
    const auto& waves = study.waves();
    auto it = std::lower_bound(waves.begin(), waves.end(), id,
                               [](const wave& w, wave_id v) { return w.id < v; });
    return it != waves.end() && it->id == id ? &*it : nullptr;
}

const study_case* find_case(const case_study& study, case_id id) {
    const auto& cases = study.cases();
    auto it = std::lower_bound(cases.begin(), cases.end(), id,
                               [](const study_case& c, case_id v) { return c.id < v; });
    return it != cases.end() && it->id == id ? &*it : nullptr;
}

date_window intersect(const date_window& a, const date_window& b, const std::string& what) {
    if (!a.overlaps(b))
        throw invalid_request_error("the window " + b.to_iso() + " shares no day with " + what + " " +
                                    a.to_iso() + "; choose a window inside it");
    return date_window(std::max(a.first(), b.first()), std::min(a.last(), b.last()));
}

}  // namespace

resolved_filter resolve(const case_study& study, const filter& f) {
    resolved_filter r;
    r.window = study.window();
    std::string label;
    if (f.study_case) {
        const study_case* c = find_case(study, *f.study_case);
        if (!c)
            throw invalid_request_error("no case has id " + std::to_string(f.study_case->value) +
                                        "; choose one of the study's cases");
        r.cases.push_back(c->id);
        r.whole_study = false;
        label = c->code;
    } else {
        for (const study_case& c : study.cases()) r.cases.push_back(c.id);
        label = "all cases";
    }
    if (f.wave) {
        const wave* w = find_wave(study, *f.wave);
        if (!w)
            throw invalid_request_error("no wave has id " + std::to_string(f.wave->value) +
                                        "; choose one of the study's waves");
        r.window = intersect(r.window, w->window, "the study window");
        label += ", wave " + w->code;
    }
    if (f.window) {
        r.window = intersect(r.window, *f.window, f.wave ? "the wave" : "the study window");
    }
    label += " (" + r.window.to_iso() + ")";
    r.label = std::move(label);
    return r;
}

namespace detail {

scope::scope(const case_study& study, const filter& f) : resolved_(resolve(study, f)) {
    every_organization_ = resolved_.whole_study;
    case_teams_.reserve(resolved_.cases.size());
    for (std::size_t i = 0; i < resolved_.cases.size(); ++i) {
        const study_case& c = study.get(resolved_.cases[i]);
        cases_by_org_[c.organization].push_back(i);
        case_teams_.emplace_back(c.teams.begin(), c.teams.end());
        if (!every_organization_) {
            organizations_.insert(c.organization);
            if (c.teams.empty()) {
                for (const qi_team& t : study.teams())
                    if (t.organization == c.organization) teams_.insert(t.id);
            } else {
                teams_.insert(c.teams.begin(), c.teams.end());
            }
        }
    }
}

bool scope::overlaps(const std::optional<date>& start, const std::optional<date>& end) const noexcept {
    if (start && *start > resolved_.window.last()) return false;
    if (end && *end < resolved_.window.first()) return false;
    return true;
}

bool scope::has_organization(organization_id id) const {
    return every_organization_ || organizations_.count(id) != 0;
}

bool scope::has_team(team_id id) const { return every_organization_ || teams_.count(id) != 0; }

bool scope::has_place(organization_id org, const std::optional<team_id>& team) const {
    if (!has_organization(org)) return false;
    return !team || has_team(*team);
}

bool scope::has(const practice_enactment& e) const {
    return in_window(e.on) && has_place(e.organization, e.team);
}

std::vector<std::size_t> scope::cases_of(organization_id org, const std::optional<team_id>& team) const {
    std::vector<std::size_t> out;
    auto it = cases_by_org_.find(org);
    if (it == cases_by_org_.end()) return out;
    for (std::size_t i : it->second) {
        const auto& teams = case_teams_[i];
        if (!team || teams.empty() || teams.count(*team)) out.push_back(i);
    }
    return out;
}

}  // namespace detail
}  // namespace partnerqi::analysis
