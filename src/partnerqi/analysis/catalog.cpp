#include "partnerqi/analysis/catalog.hpp"

#include <ostream>
#include <sstream>
#include <unordered_map>

#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/model/practice_catalog.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

namespace {

// The default catalog by code, to tell its entries from a study's own.
class default_entries {
public:
    default_entries() {
        for (practice& p : default_practice_catalog())
            by_code_.emplace(p.code, std::move(p));
    }
    [[nodiscard]] bool has(const practice& p) const {
        auto it = by_code_.find(p.code);
        return it != by_code_.end() && it->second.name == p.name &&
               (p.description == it->second.description ||
                p.description == it->second.description + std::string(practice_catalog_origin));
    }

private:
    std::unordered_map<std::string, practice> by_code_;
};

constexpr const char* every_tier = "every";

}  // namespace

std::string catalog_text(const std::vector<practice>& catalog) {
    const default_entries defaults;
    std::ostringstream out;
    out << "Practice catalog: " << catalog.size() << " practices\n";
    detail::table t;
    t.header = {"code", "category", "tier", "practice: description", "source"};
    t.left = {true, true, true, true, true};
    bool any_default = false;
    for (const practice& p : catalog) {
        const bool is_default = defaults.has(p);
        any_default = any_default || is_default;
        t.add({p.code, std::string(to_string(p.category)), every_tier,
               p.name + (p.description.empty() ? "" : ": " + p.description),
               is_default ? "default catalog" : "case study"});
    }
    out << t.to_text(0);
    if (any_default)
        out << detail::wrap_text("default catalog: ", std::string(practice_catalog_source), 2);
    out << detail::wrap_text("tier: ",
                             "the catalog ties no practice to a tier; the seed study found "
                             "managers of every tier in each category",
                             2);
    return out.str();
}

void write_catalog_csv(std::ostream& out, const std::vector<practice>& catalog) {
    const default_entries defaults;
    detail::table t;
    t.header = {"code", "category", "tier", "name", "description", "provenance", "source"};
    for (const practice& p : catalog)
        t.add({p.code, std::string(to_string(p.category)), every_tier, p.name, p.description,
               std::string(to_string(p.provenance)),
               defaults.has(p) ? std::string(practice_catalog_source) : "case study"});
    t.write_csv(out);
}

}  // namespace partnerqi::analysis
