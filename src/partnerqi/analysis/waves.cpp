#include "partnerqi/analysis/waves.hpp"

#include <algorithm>
#include <ostream>
#include <sstream>

#include "partnerqi/analysis/detail/side_by_side.hpp"
#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/error.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

namespace {

std::int64_t diff(std::size_t after, std::size_t before) {
    return static_cast<std::int64_t>(after) - static_cast<std::int64_t>(before);
}

}  // namespace

std::vector<detail::column_view> detail::views(const wave_report& r) {
    std::vector<detail::column_view> out;
    for (const wave_snapshot& w : r.waves)
        out.push_back({w.code, &w.matrix, &w.every_tier, &w.audit, &w.network, std::nullopt});
    return out;
}

// The changes as (measure, value) rows, shared by the text, the CSV and the HTML report (`csv`:
// reals as files write them).
std::vector<std::pair<std::string, std::string>> detail::change_rows(const wave_change& c,
                                                                     bool csv) {
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back("enactments", detail::signed_num(c.enactments_total));
    rows.emplace_back("managers enacting", detail::signed_num(c.managers_total));
    for (management_tier t : enum_traits<management_tier>::values)
        rows.emplace_back("enactments " + std::string(to_string(t)),
                          detail::signed_num(c.enactments_by_tier[static_cast<std::size_t>(t)]));
    for (practice_category k : enum_traits<practice_category>::values) {
        std::int64_t sum = 0;
        for (std::int64_t x : c.enactments[static_cast<std::size_t>(k)])
            sum += x;
        rows.emplace_back("enactments " + std::string(to_string(k)), detail::signed_num(sum));
    }
    auto tiers = [](const std::vector<management_tier>& list) {
        std::string s;
        for (management_tier t : list)
            s += (s.empty() ? "" : " ") + std::string(to_string(t));
        return s.empty() ? std::string("-") : s;
    };
    rows.emplace_back("tiers that started enacting", tiers(c.tiers_started));
    rows.emplace_back("tiers that stopped enacting", tiers(c.tiers_stopped));
    rows.emplace_back("advisors flagged", detail::signed_num(c.flagged_advisors));
    rows.emplace_back("teams flagged", detail::signed_num(c.flagged_teams));
    for (const indicator_definition& d : indicator_definitions())
        rows.emplace_back("  " + std::string(d.name),
                          detail::signed_num(c.indicators[static_cast<std::size_t>(d.id)]));
    if (c.people) {
        rows.emplace_back("network people", detail::signed_num(*c.people));
        rows.emplace_back("network ties", detail::signed_num(*c.ties));
        rows.emplace_back("network events", detail::signed_num(*c.events));
        rows.emplace_back("network density",
                          csv ? (*c.density > 0 ? "+" : "") + format_exact(*c.density)
                              : format_change(*c.density, figure::proportion));
        rows.emplace_back("advisors reaching a decision-maker",
                          detail::signed_num(*c.advisors_reaching_decision_makers));
        rows.emplace_back("brokers", detail::signed_num(*c.brokers));
    }
    return rows;
}

namespace detail {

period_measures measure_period(const case_study& study, const filter& f, const period_options& o,
                               const std::string& label) {
    period_measures m;
    m.matrix = practice_matrix(study, f).pooled;
    m.matrix.label = label;
    m.every_tier = check_every_tier(m.matrix);
    audit_options a = o.audit;
    if (!o.with_network)
        a.enabled[static_cast<std::size_t>(indicator::no_path_to_decision_maker)] = false;
    m.audit = summarize(tokenism_audit(study, f, a));
    if (o.with_network) m.network = network_summary_of(study, f, o.network);
    return m;
}

}  // namespace detail

wave_snapshot wave_snapshot_of(const case_study& study, wave_id wave, const filter& scope,
                               const period_options& o) {
    filter f;
    f.wave = wave;
    f.study_case = scope.study_case;
    (void)resolve_scope(study, f);  // checks the wave and the case
    const model::wave& w = study.get(wave);
    detail::period_measures m = detail::measure_period(study, f, o, w.code);
    wave_snapshot s;
    s.wave = wave;
    s.code = w.code;
    s.label = w.label;
    s.window = w.window;
    s.matrix = std::move(m.matrix);
    s.every_tier = m.every_tier;
    s.audit = std::move(m.audit);
    s.network = std::move(m.network);
    return s;
}

wave_change compare_waves(const wave_snapshot& before, const wave_snapshot& after) {
    wave_change c;
    c.from = before.code;
    c.to = after.code;
    for (std::size_t k = 0; k < 4; ++k)
        for (std::size_t t = 0; t < 3; ++t)
            c.enactments[k][t] =
                diff(after.matrix.cells[k][t].enactments, before.matrix.cells[k][t].enactments);
    for (management_tier tier : enum_traits<management_tier>::values) {
        auto t = static_cast<std::size_t>(tier);
        std::size_t b = before.matrix.by_tier[t].enactments, a = after.matrix.by_tier[t].enactments;
        c.enactments_by_tier[t] = diff(a, b);
        if (b == 0 && a > 0) c.tiers_started.push_back(tier);
        if (b > 0 && a == 0) c.tiers_stopped.push_back(tier);
    }
    c.enactments_total = diff(after.matrix.total.enactments, before.matrix.total.enactments);
    c.managers_total = diff(after.matrix.total.managers, before.matrix.total.managers);
    for (std::size_t i = 0; i < indicator_count; ++i)
        c.indicators[i] = diff(after.audit.fired[i], before.audit.fired[i]);
    c.flagged_advisors = diff(after.audit.flagged_advisors, before.audit.flagged_advisors);
    c.flagged_teams = diff(after.audit.flagged_teams, before.audit.flagged_teams);
    if (before.network && after.network) {
        const network::network_summary &b = *before.network, &a = *after.network;
        c.people = diff(a.people, b.people);
        c.ties = diff(a.ties, b.ties);
        c.events = diff(a.events, b.events);
        c.advisors_reaching_decision_makers =
            diff(a.advisors_reaching_decision_makers, b.advisors_reaching_decision_makers);
        c.brokers = diff(a.brokers, b.brokers);
        c.density = a.density - b.density;
    }
    return c;
}

wave_report wave_analysis(const case_study& study, const filter& scope, const period_options& o) {
    resolved_filter resolved = resolve_scope(study, scope);
    wave_report r;
    r.scope = resolved.label;
    filter per_wave;
    per_wave.study_case = scope.study_case;
    for (const wave* w : waves_in_window_order(study))
        if (w->window.overlaps(resolved.window))
            r.waves.push_back(wave_snapshot_of(study, w->id, per_wave, o));
    for (std::size_t i = 0; i + 1 < r.waves.size(); ++i)
        r.changes.push_back(compare_waves(r.waves[i], r.waves[i + 1]));
    return r;
}

std::string to_text(const wave_report& r) {
    std::ostringstream out;
    out << "Waves, " << r.scope << "\n";
    if (r.waves.empty()) return out.str() + "  the study records no wave\n";
    out << detail::side_by_side(detail::views(r)).to_text();
    out << detail::wrap_text("Audit rows: ", std::string(tokenism_disclaimer()), 2);
    if (!r.changes.empty()) {
        detail::table t;
        t.header = {"change"};
        for (const wave_change& c : r.changes)
            t.header.push_back(c.from + " -> " + c.to);
        std::vector<std::vector<std::pair<std::string, std::string>>> all;
        for (const wave_change& c : r.changes)
            all.push_back(detail::change_rows(c, false));
        for (std::size_t i = 0; i < all.front().size(); ++i) {
            std::vector<std::string> row{all.front()[i].first};
            for (const auto& rows : all)
                row.push_back(i < rows.size() ? rows[i].second : "-");
            t.add(std::move(row));
        }
        out << "\n" << t.to_text();
    }
    return out.str();
}

void write_csv(std::ostream& out, const wave_report& r) {
    detail::table t;
    t.header = {"wave", "measure", "value"};
    detail::table wide = detail::side_by_side(detail::views(r), true);
    for (std::size_t col = 1; col < wide.header.size(); ++col)
        for (const auto& row : wide.rows) {
            std::string measure = row[0];
            measure.erase(0, measure.find_first_not_of(' '));
            t.add({wide.header[col], measure, row[col]});
        }
    for (const wave_change& c : r.changes)
        for (auto& [measure, value] : detail::change_rows(c, true)) {
            std::string m = measure;
            m.erase(0, m.find_first_not_of(' '));
            t.add({c.from + "->" + c.to, m, value});
        }
    t.write_csv(out);
}

}  // namespace partnerqi::analysis
