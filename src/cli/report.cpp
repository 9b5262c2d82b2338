// partnerqi report: prints the analysis summary, for a window, a wave or a case.
#include <iostream>

#include <partnerqi/analysis/gripp2.hpp>
#include <partnerqi/analysis/summary.hpp>

#include "common.hpp"
#include "scope.hpp"

namespace partnerqi::cli {

int report(const std::vector<std::string>& args) {
    command_line cl(
        "partnerqi report FILE [--from DATE] [--to DATE] [--wave W] [--case C] [--gripp2]",
        "Prints the analysis summary: profile, practice x tier matrix and the "
        "every-tier check, tokenism\naudit, evaluation loop, evaluation responses, influence "
        "log, network, waves, cases side\nby side and coding queries. With --gripp2, the GRIPP2 "
        "reporting checklist instead (short form\nand long form), each statement marked "
        "reported, user-entered, illustrative or missing.");
    add_file(cl);
    add_scope_options(cl, true);
    cl.options.add_options()("gripp2",
                             "print the GRIPP2 checklist (Staniszewska et al., BMJ 2017) as far "
                             "as the records fill it");
    if (!cl.parse(args)) return exit_ok;
    const scope_choice choice = scope_of(cl);
    const model::case_study study = load(cl.text("file"));
    if (cl.has("gripp2")) {
        const analysis::gripp2_report g = timed(
            "filling GRIPP2", [&] { return analysis::gripp2(study, to_scope(study, choice)); });
        std::cout << analysis::to_text(g);
        return exit_ok;
    }
    analysis::summary_options options;
    options.scope = to_scope(study, choice);
    const analysis::study_summary s =
        timed("analysing", [&] { return analysis::summary(study, options); });
    std::cout << analysis::to_text(s);
    return exit_ok;
}

}  // namespace partnerqi::cli
