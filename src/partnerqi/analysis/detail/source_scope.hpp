// Private: the data sources a filter lets through, shared by the coding queries and the
// agreement between coders.
#pragma once

#include <unordered_map>

#include "partnerqi/analysis/detail/scope.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis::detail {

// The sources a filter lets through: organization in scope, date in the window. An undated
// source counts unless the caller narrowed the window; then its wave decides, if it has one.
class source_scope {
public:
    source_scope(const model::case_study& study, const filter& f)
        : study_(study), where_(study, f), narrowed_(f.window || f.wave) {}

    [[nodiscard]] const scope& where() const noexcept { return where_; }

    [[nodiscard]] bool has(const model::data_source& s) const {
        if (s.organization ? !where_.has_organization(*s.organization)
                           : !where_.resolved().whole_study)
            return false;
        if (s.on) return where_.in_window(*s.on);
        if (!narrowed_) return true;
        return s.wave && study_.get(*s.wave).window.overlaps(where_.window());
    }

    /// The source of a segment when it is in scope (looked up once per source).
    [[nodiscard]] const model::data_source* of(const model::coded_segment& seg) {
        auto it = cache_.find(seg.source);
        if (it != cache_.end()) return it->second;
        const model::data_source& s = study_.get(seg.source);
        const model::data_source* out = has(s) ? &s : nullptr;
        cache_.emplace(seg.source, out);
        return out;
    }

private:
    const model::case_study& study_;
    scope where_;
    bool narrowed_;
    std::unordered_map<model::source_id, const model::data_source*> cache_;
};

}  // namespace partnerqi::analysis::detail
