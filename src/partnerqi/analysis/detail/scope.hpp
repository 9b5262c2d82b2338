// Private: a filter turned into fast membership tests (hash sets), built once per analysis.
#pragma once

#include <cstddef>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis::detail {

/// The records a filter lets through, answered in constant time.
class scope {
public:
    scope(const model::case_study& study, const filter& f);

    [[nodiscard]] const resolved_filter& resolved() const noexcept { return resolved_; }
    [[nodiscard]] const model::date_window& window() const noexcept { return resolved_.window; }
    [[nodiscard]] bool in_window(model::date d) const noexcept {
        return resolved_.window.contains(d);
    }
    /// An undated record counts; a dated one when inside the window.
    [[nodiscard]] bool in_window(const std::optional<model::date>& d) const noexcept {
        return !d || in_window(*d);
    }
    /// True when [start, end] (either end may be open) shares a day with the window.
    [[nodiscard]] bool overlaps(const std::optional<model::date>& start,
                                const std::optional<model::date>& end) const noexcept;
    [[nodiscard]] bool has_organization(model::organization_id id) const;
    [[nodiscard]] bool has_team(model::team_id id) const;
    /// The team and the organization are in scope (no team: the organization is enough).
    [[nodiscard]] bool has_place(model::organization_id org,
                                 const std::optional<model::team_id>& team) const;
    /// The enactment is in scope: its place and its date.
    [[nodiscard]] bool has(const model::practice_enactment& e) const;
    /// A team membership overlaps the window.
    [[nodiscard]] bool active(const model::team_membership& m) const noexcept {
        return overlaps(m.joined, m.left);
    }
    /// Indexes into resolved().cases of the cases a record at (org, team) belongs to.
    [[nodiscard]] std::vector<std::size_t> cases_of(
        model::organization_id org, const std::optional<model::team_id>& team) const;

private:
    resolved_filter resolved_;
    bool every_organization_ = true;
    std::unordered_set<model::organization_id> organizations_;
    std::unordered_set<model::team_id>
        teams_;  ///< teams in scope (every team of a chosen org when the case lists none)
    std::unordered_map<model::organization_id, std::vector<std::size_t>> cases_by_org_;
    std::vector<std::unordered_set<model::team_id>>
        case_teams_;  ///< per case in scope; empty: all teams of the org
};

}  // namespace partnerqi::analysis::detail
