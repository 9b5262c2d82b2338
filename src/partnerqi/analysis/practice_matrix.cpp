#include "partnerqi/analysis/practice_matrix.hpp"

#include <ostream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "partnerqi/analysis/detail/scope.hpp"
#include "partnerqi/analysis/detail/table.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

practice_grouping grouping_of(practice_category category) noexcept {
    return is_typical_change_management(category) ? practice_grouping::typical_change_management
                                                  : practice_grouping::new_daily_practice;
}

std::string_view to_string(practice_grouping grouping) noexcept {
    switch (grouping) {
        case practice_grouping::typical_change_management: return "typical-change-management";
        case practice_grouping::new_daily_practice: return "new-daily-practice";
    }
    return "invalid";
}

namespace {

constexpr std::size_t idx(practice_category c) { return static_cast<std::size_t>(c); }
constexpr std::size_t idx(management_tier t) { return static_cast<std::size_t>(t); }

// Fills one table; distinct managers per cell are kept in one hash set keyed by (slot, manager),
// so each enactment costs a constant number of hash operations.
class table_builder {
public:
    table_builder(practice_tier_table& table,
                  const std::unordered_map<practice_id, std::size_t>* rows)
        : table_(table), rows_(rows) {}

    void add(const practice& p, management_tier tier, person_id manager) {
        std::size_t c = idx(p.category), t = idx(tier),
                    g = static_cast<std::size_t>(grouping_of(p.category));
        bump(table_.cells[c][t], c * 3 + t, manager);
        bump(table_.by_category[c], 12 + c, manager);
        bump(table_.by_tier[t], 16 + t, manager);
        bump(table_.total, 19, manager);
        bump(table_.by_grouping[g][t], 20 + g * 3 + t, manager);
        if (rows_) {
            auto it = rows_->find(p.id);
            if (it != rows_->end()) {
                sub_practice_row& row = table_.sub_practices[it->second];
                bump(row.by_tier[t], 26 + it->second * 4 + t, manager);
                bump(row.total, 26 + it->second * 4 + 3, manager);
            }
        }
    }

private:
    void bump(practice_cell& cell, std::size_t slot, person_id manager) {
        ++cell.enactments;
        std::uint64_t key = (static_cast<std::uint64_t>(slot) << 32) | manager.value;
        if (seen_.insert(key).second) ++cell.managers;
    }

    practice_tier_table& table_;
    const std::unordered_map<practice_id, std::size_t>* rows_;
    std::unordered_set<std::uint64_t> seen_;
};

std::string tier_list(const std::vector<management_tier>& tiers) {
    std::string out;
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        if (i) out += i + 1 == tiers.size() ? " and " : ", ";
        out += std::string(to_string(tiers[i]));
    }
    return out;
}

std::string category_list(const std::vector<practice_category>& cats) {
    std::string out;
    for (std::size_t i = 0; i < cats.size(); ++i) {
        if (i) out += i + 1 == cats.size() ? " and " : ", ";
        out += std::string(to_string(cats[i]));
    }
    return out;
}

detail::table as_table(const practice_tier_table& t) {
    detail::table out;
    out.header = {"category \\ tier"};
    for (management_tier tier : enum_traits<management_tier>::values)
        out.header.push_back(std::string(to_string(tier)));
    out.header.push_back("all tiers");
    auto cell = [](const practice_cell& c) {
        return detail::num(c.enactments) + " (" + detail::num(c.managers) + ")";
    };
    for (practice_category c : enum_traits<practice_category>::values) {
        std::vector<std::string> row{std::string(to_string(c))};
        for (management_tier tier : enum_traits<management_tier>::values)
            row.push_back(cell(t.at(c, tier)));
        row.push_back(cell(t.by_category[idx(c)]));
        out.add(std::move(row));
        for (const sub_practice_row& sp : t.sub_practices) {
            if (sp.category != c) continue;
            std::vector<std::string> r{"  " + sp.code};
            for (const practice_cell& x : sp.by_tier)
                r.push_back(cell(x));
            r.push_back(cell(sp.total));
            out.add(std::move(r));
        }
    }
    std::vector<std::string> tiers{"all categories"};
    for (const practice_cell& x : t.by_tier)
        tiers.push_back(cell(x));
    tiers.push_back(cell(t.total));
    out.add(std::move(tiers));
    for (practice_grouping g :
         {practice_grouping::typical_change_management, practice_grouping::new_daily_practice}) {
        std::vector<std::string> r{std::string(to_string(g))};
        practice_cell sum;
        for (const practice_cell& x : t.by_grouping[static_cast<std::size_t>(g)]) {
            r.push_back(cell(x));
            sum.enactments += x.enactments;
        }
        r.push_back(detail::num(sum.enactments));
        out.add(std::move(r));
    }
    return out;
}

}  // namespace

practice_matrix_report practice_matrix(const case_study& study, const filter& f,
                                       const practice_matrix_options& options) {
    detail::scope scope(study, f);
    practice_matrix_report report;
    report.scope = scope.resolved().label;

    std::unordered_map<practice_id, std::size_t> rows;
    std::vector<sub_practice_row> row_template;
    if (options.sub_practices) {
        for (const practice& p : study.all<practice>()) {
            rows.emplace(p.id, row_template.size());
            sub_practice_row r;
            r.practice = p.id;
            r.code = p.code;
            r.name = p.name;
            r.category = p.category;
            row_template.push_back(std::move(r));
        }
    }
    const auto* row_index = options.sub_practices ? &rows : nullptr;

    report.pooled.label = "pooled";
    report.pooled.sub_practices = row_template;
    for (case_id id : scope.resolved().cases) {
        practice_tier_table t;
        t.label = study.get(id).code;
        t.study_case = id;
        t.sub_practices = row_template;
        report.cases.push_back(std::move(t));
    }
    table_builder pooled(report.pooled, row_index);
    std::vector<table_builder> per_case;
    per_case.reserve(report.cases.size());
    for (practice_tier_table& t : report.cases)
        per_case.emplace_back(t, row_index);

    for (const practice_enactment& e : study.all<practice_enactment>()) {
        if (!scope.has(e)) continue;
        const person& manager = study.get(e.manager);
        if (!manager.tier) continue;  // the model guarantees a tier; stay safe on foreign data
        const practice& p = study.get(e.practice);
        pooled.add(p, *manager.tier, manager.id);
        for (std::size_t i : scope.cases_of(e.organization, e.team))
            per_case[i].add(p, *manager.tier, manager.id);
    }
    return report;
}

every_tier_check check_every_tier(const practice_tier_table& table) {
    every_tier_check check;
    for (management_tier t : enum_traits<management_tier>::values)
        if (table.by_tier[idx(t)].enactments == 0) check.missing_tiers.push_back(t);
    for (practice_category c : enum_traits<practice_category>::values)
        if (table.by_category[idx(c)].enactments == 0) check.missing_categories.push_back(c);
    check.passed = check.missing_tiers.empty() && check.missing_categories.empty();
    check.state = check.passed ? assessment::not_flagged : assessment::flagged;
    std::ostringstream msg;
    msg << table.label << ": ";
    if (table.total.enactments == 0) {
        check.passed = false;
        check.state = assessment::not_assessable;
        check.missing_tiers.clear();
        check.missing_categories.clear();
        msg << "not assessable: no practice enactment recorded here; record which manager enacted "
               "which practice to check that every tier takes part";
    } else if (check.passed) {
        msg << "managers at every tier take part (";
        bool first = true;
        for (management_tier t : enum_traits<management_tier>::values) {
            msg << (first ? "" : ", ") << to_string(t) << " " << table.by_tier[idx(t)].enactments;
            first = false;
        }
        msg << " enactments) and all four categories are enacted";
    } else {
        msg << "the finding that every tier takes part does not hold here:";
        if (!check.missing_tiers.empty())
            msg << " no practice enacted by " << tier_list(check.missing_tiers) << " managers"
                << (check.missing_categories.empty() ? "" : ";");
        if (!check.missing_categories.empty())
            msg << " no enactment of " << category_list(check.missing_categories);
    }
    check.message = msg.str();
    return check;
}

std::string to_text(const practice_matrix_report& report) {
    std::ostringstream out;
    out << "Practice x tier matrix, " << report.scope << "\n";
    out << "Cells: enactments (distinct managers).\n";
    auto block = [&](const practice_tier_table& t) {
        out << "\n" << (t.study_case ? "Case " : "All cases, ") << t.label << "\n";
        out << as_table(t).to_text();
        out << detail::wrap_text("  ", check_every_tier(t).message, 4);
    };
    for (const practice_tier_table& t : report.cases)
        block(t);
    block(report.pooled);
    return out.str();
}

void write_csv(std::ostream& out, const practice_matrix_report& report) {
    detail::table t;
    t.header = {"table", "category", "grouping", "tier", "practice", "enactments", "managers"};
    auto emit = [&](const practice_tier_table& table) {
        auto row = [&](std::string category, std::string grouping, std::string tier,
                       std::string practice_code, const practice_cell& c) {
            t.add({table.label, std::move(category), std::move(grouping), std::move(tier),
                   std::move(practice_code), detail::num(c.enactments), detail::num(c.managers)});
        };
        for (practice_category c : enum_traits<practice_category>::values) {
            std::string cat(to_string(c)), grp(to_string(grouping_of(c)));
            for (management_tier tier : enum_traits<management_tier>::values)
                row(cat, grp, std::string(to_string(tier)), "", table.at(c, tier));
            row(cat, grp, "all", "", table.by_category[idx(c)]);
            for (const sub_practice_row& sp : table.sub_practices) {
                if (sp.category != c) continue;
                for (management_tier tier : enum_traits<management_tier>::values)
                    row(cat, grp, std::string(to_string(tier)), sp.code, sp.by_tier[idx(tier)]);
                row(cat, grp, "all", sp.code, sp.total);
            }
        }
        for (practice_grouping g :
             {practice_grouping::typical_change_management, practice_grouping::new_daily_practice})
            for (management_tier tier : enum_traits<management_tier>::values)
                row("all", std::string(to_string(g)), std::string(to_string(tier)), "",
                    table.by_grouping[static_cast<std::size_t>(g)][idx(tier)]);
        for (management_tier tier : enum_traits<management_tier>::values)
            row("all", "all", std::string(to_string(tier)), "", table.by_tier[idx(tier)]);
        row("all", "all", "all", "", table.total);
    };
    for (const practice_tier_table& table : report.cases)
        emit(table);
    emit(report.pooled);
    t.write_csv(out);
}

}  // namespace partnerqi::analysis
