#include "partnerqi/analysis/summary.hpp"

#include <sstream>

#include "partnerqi/analysis/references.hpp"
#include "partnerqi/detail/progress_meter.hpp"
#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/reach.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

study_summary summary(const case_study& study, const summary_options& o) {
    // The analyses below, in order; the flag is checked after each.
    constexpr std::uint64_t analyses = 10;
    partnerqi::detail::progress_meter progress(o.control, "analysing", analyses);
    std::uint64_t done = 0;
    const auto analysed = [&] { progress.at(++done); };
    study_summary s;
    s.title = study.title();
    s.scope = resolve_scope(study, o.scope).label;
    s.profile = profile(study);
    analysed();
    s.matrix = practice_matrix(study, o.scope, o.matrix);
    s.every_tier = check_every_tier(s.matrix.pooled);
    analysed();
    audit_options audit = o.periods.audit;
    if (!o.periods.with_network)
        audit.enabled[static_cast<std::size_t>(indicator::no_path_to_decision_maker)] = false;
    s.audit = tokenism_audit(study, o.scope, audit);
    analysed();
    s.loop = evaluation_loop(study, o.scope, o.loop);
    analysed();
    s.evaluations = summarize_evaluations(study, o.scope);
    s.influence = summarize_influence(study, o.scope);
    analysed();
    if (o.periods.with_network) {
        s.network = network_summary_of(study, o.scope, o.periods.network);
        network::graph_filter gf;
        static_cast<model::scope_filter&>(gf) = o.scope;
        s.decision_maker_tiers = o.periods.network.decision_maker_tiers;
        s.voice_paths =
            network::voice_paths_text(network::engagement_graph(study, gf), s.decision_maker_tiers);
    }
    analysed();
    auto too_many = [&](std::size_t n, const char* what) {
        s.notes.push_back(std::to_string(n) + " " + what + ": more than the " +
                          std::to_string(o.max_columns) +
                          " columns a summary shows; analyse a selection instead");
    };
    if (o.waves && !o.scope.wave && !study.all<wave>().empty()) {
        if (study.all<wave>().size() <= o.max_columns)
            s.waves = wave_analysis(study, o.scope, o.periods);
        else
            too_many(study.all<wave>().size(), "waves");
    }
    analysed();
    if (o.cases && !o.scope.study_case && study.all<study_case>().size() >= 2) {
        if (study.all<study_case>().size() <= o.max_columns)
            s.cases = compare_cases(study, {}, o.scope, o.periods);
        else
            too_many(study.all<study_case>().size(), "cases");
    }
    analysed();
    if (o.coding && !study.all<coded_segment>().empty()) {
        s.frequencies = code_frequencies(study, o.scope);
        s.codes_by_tier = matrix_coding(study, o.scope);
        s.cooccurrence = code_cooccurrence(study, o.scope);
        s.agreement = coder_agreement(study, o.scope, o.agreement);
    }
    analysed();
    if (o.coding) s.evidence = practice_evidence(study, o.scope);
    progress.finish();
    return s;
}

std::string to_text(const study_summary& s) {
    std::ostringstream out;
    auto heading = [&](const std::string& h) { out << "\n== " << h << " ==\n"; };
    out << "Summary of " << s.title << "\nScope: " << s.scope << "\n";
    heading("What the case study holds");
    out << to_text(s.profile);
    heading("Practices by tier");
    out << to_text(s.matrix);
    heading("Tokenism audit");
    out << to_text(s.audit);
    heading("Evaluation loop");
    out << to_text(s.loop);
    heading("Evaluation of engagement");
    out << to_text(s.evaluations);
    heading("Influence log");
    out << to_text(s.influence);
    if (s.network) {
        heading("Engagement network");
        out << to_text(*s.network);
        std::string tiers;
        for (std::size_t i = 0; i < s.decision_maker_tiers.size(); ++i)
            tiers += (i ? " or " : "") + std::string(to_string(s.decision_maker_tiers[i]));
        out << "  voice paths of the advisors to a decision-maker (" << tiers << " manager):\n";
        for (const std::string& line : s.voice_paths)
            out << "    " << line << "\n";
    }
    if (s.waves) {
        heading("Waves and change");
        out << to_text(*s.waves);
    }
    if (s.cases) {
        heading("Cases side by side");
        out << to_text(*s.cases);
    }
    if (!s.notes.empty()) {
        heading("Left out");
        for (const std::string& note : s.notes)
            out << "  " << note << "\n";
    }
    if (s.frequencies || s.evidence) heading("Coding");
    if (s.frequencies) out << to_text(*s.frequencies) << "\n";
    if (s.codes_by_tier) out << to_text(*s.codes_by_tier) << "\n";
    if (s.cooccurrence) out << to_text(*s.cooccurrence) << "\n";
    if (s.agreement) out << to_text(*s.agreement) << "\n";
    if (s.evidence) out << to_text(*s.evidence);
    heading("Sources");
    out << bibliography_text();
    return out.str();
}

std::vector<csv_table> csv_tables(const study_summary& s) {
    std::vector<csv_table> tables;
    auto add = [&](std::string_view name, const auto& table) {
        tables.push_back({name, [&table](std::ostream& out) { write_csv(out, table); }});
    };
    add("practice-matrix.csv", s.matrix);
    add("tokenism-audit.csv", s.audit);
    add("evaluation-loop.csv", s.loop);
    add("evaluation-summary.csv", s.evaluations);
    add("influence-log.csv", s.influence);
    if (s.network) add("network-summary.csv", *s.network);
    if (s.waves) add("waves.csv", *s.waves);
    if (s.cases) add("cases.csv", *s.cases);
    if (s.frequencies) add("code-frequencies.csv", *s.frequencies);
    if (s.codes_by_tier) add("codes-by-tier.csv", *s.codes_by_tier);
    if (s.cooccurrence) add("code-cooccurrence.csv", *s.cooccurrence);
    if (s.agreement) {
        add("coder-agreement.csv", *s.agreement);
        add("coder-disagreements.csv", s.agreement->disagreements);
    }
    if (s.evidence) add("practice-evidence.csv", *s.evidence);
    return tables;
}

}  // namespace partnerqi::analysis
