#include "partnerqi/analysis/comparison.hpp"

#include <ostream>
#include <sstream>
#include <unordered_set>

#include "partnerqi/analysis/detail/side_by_side.hpp"
#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/error.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

namespace {

case_column column_of(const case_study& study, case_id id, const filter& window_only,
                      const period_options& o) {
    filter f = window_only;
    f.study_case = id;
    const study_case& c = study.get(id);
    case_column col;
    col.study_case = id;
    col.code = c.code;
    col.label = c.label;
    col.organization = study.get(c.organization).code;
    col.study = study.title();
    detail::period_measures m = detail::measure_period(study, f, o, c.code);
    col.matrix = std::move(m.matrix);
    col.every_tier = m.every_tier;
    col.audit = std::move(m.audit);
    col.network = std::move(m.network);
    auto loop = evaluation_loop(study, f);
    col.evaluations = loop.evaluations;
    col.closed_loops = loop.closed;
    return col;
}

void need_two(std::size_t n) {
    if (n < 2)
        throw invalid_request_error("a comparison needs at least two cases, got " +
                                    std::to_string(n) + "; add a case or choose another study");
}

}  // namespace

std::vector<detail::column_view> detail::views(const case_comparison& c) {
    std::vector<detail::column_view> out;
    for (const case_column& col : c.columns)
        out.push_back({col.code + " (" + col.organization + ")", &col.matrix, &col.every_tier,
                       &col.audit, &col.network,
                       std::make_pair(col.evaluations, col.closed_loops)});
    return out;
}

case_comparison compare_cases(const case_study& study, const std::vector<case_id>& cases,
                              const filter& scope, const period_options& o) {
    if (scope.study_case)
        throw invalid_request_error(
            "a comparison takes its cases from its list; leave the filter's case unset");
    std::vector<case_id> chosen = cases;
    if (chosen.empty())
        for (const study_case& c : study.all<study_case>())
            chosen.push_back(c.id);
    std::unordered_set<case_id> distinct(chosen.begin(), chosen.end());
    need_two(distinct.size());
    case_comparison out;
    out.scope = resolve_scope(study, scope).label;
    for (case_id id : chosen) {
        (void)resolve_scope(study,
                            filter{std::nullopt, std::nullopt, id});  // names an unknown case
        out.columns.push_back(column_of(study, id, scope, o));
    }
    return out;
}

case_comparison compare_cases(const std::vector<case_ref>& cases,
                              const std::optional<date_window>& window, const period_options& o) {
    need_two(cases.size());
    case_comparison out;
    out.scope = window ? window->to_iso() : std::string("each study's window");
    for (const case_ref& ref : cases) {
        filter f;
        f.window = window;
        (void)resolve_scope(ref.study.get(), filter{window, std::nullopt, ref.study_case});
        out.columns.push_back(column_of(ref.study.get(), ref.study_case, f, o));
    }
    return out;
}

std::string to_text(const case_comparison& c) {
    std::ostringstream out;
    out << "Cases side by side, " << c.scope << "\n";
    out << detail::side_by_side(detail::views(c)).to_text();
    out << detail::wrap_text("Audit rows: ", std::string(tokenism_disclaimer()), 2);
    return out.str();
}

void write_csv(std::ostream& out, const case_comparison& c) {
    detail::table t = detail::side_by_side(detail::views(c), true);
    for (auto& row : t.rows)
        row[0].erase(0, row[0].find_first_not_of(' '));
    t.write_csv(out);
}

}  // namespace partnerqi::analysis
