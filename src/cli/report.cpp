// partnerqi report: prints the analysis summary, for a window, a wave or a case.
#include <iostream>

#include <partnerqi/analysis/summary.hpp>

#include "common.hpp"
#include "scope.hpp"

namespace partnerqi::cli {

int report(const std::vector<std::string>& args) {
    command_line cl("partnerqi report FILE [--from DATE] [--to DATE] [--wave W] [--case C]",
                    "Prints the analysis summary: profile, practice x tier matrix and the "
                    "every-tier check, tokenism\naudit, evaluation loop, network, waves, cases "
                    "side by side and coding queries.");
    add_file(cl);
    add_scope_options(cl, true);
    if (!cl.parse(args)) return exit_ok;
    const scope_choice choice = scope_of(cl);
    const model::case_study study = load(cl.text("file"));
    analysis::summary_options options;
    options.scope = to_scope(study, choice);
    const analysis::study_summary s =
        timed("analysing", [&] { return analysis::summary(study, options); });
    std::cout << analysis::to_text(s);
    return exit_ok;
}

}  // namespace partnerqi::cli
