#include "partnerqi/analysis/filter.hpp"

#include "partnerqi/analysis/detail/scope.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

namespace detail {

scope::scope(const case_study& study, const filter& f) : resolved_(resolve_scope(study, f)) {
    every_organization_ = resolved_.whole_study;
    case_teams_.reserve(resolved_.cases.size());
    for (std::size_t i = 0; i < resolved_.cases.size(); ++i) {
        const study_case& c = study.get(resolved_.cases[i]);
        cases_by_org_[c.organization].push_back(i);
        case_teams_.emplace_back(c.teams.begin(), c.teams.end());
        if (!every_organization_) {
            organizations_.insert(c.organization);
            if (c.teams.empty()) {
                for (const qi_team& t : study.all<qi_team>())
                    if (t.organization == c.organization) teams_.insert(t.id);
            } else {
                teams_.insert(c.teams.begin(), c.teams.end());
            }
        }
    }
}

bool scope::overlaps(const std::optional<date>& start,
                     const std::optional<date>& end) const noexcept {
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

std::vector<std::size_t> scope::cases_of(organization_id org,
                                         const std::optional<team_id>& team) const {
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
