// partnerqi report: prints the analysis summary, for a window, a wave or a case.
#include <iostream>

#include <partnerqi/analysis/gripp2.hpp>
#include <partnerqi/analysis/summary.hpp>
#include <partnerqi/io/html_report.hpp>

#include "common.hpp"
#include "scope.hpp"

namespace partnerqi::cli {

int report(const std::vector<std::string>& args) {
    command_line cl(
        "partnerqi report FILE [--from DATE] [--to DATE] [--wave W] [--case C] "
        "[--agreement-unit U] [--replicates N] [--gripp2 | --html OUT]",
        "Prints the analysis summary: profile, practice x tier matrix and the "
        "every-tier check, tokenism\naudit, evaluation loop, evaluation responses, influence "
        "log, network, waves, cases side\nby side and coding queries, with the agreement between "
        "coders. With --gripp2, the GRIPP2\nreporting checklist instead (short form and long "
        "form), each statement marked reported,\nuser-entered, illustrative or missing. With "
        "--html, the summary as one page for a browser\n(offline, printable) written to OUT "
        "instead of the text.");
    add_file(cl);
    add_scope_options(cl, true);
    add_agreement_options(cl);
    cl.options.add_options()(
        "gripp2",
        "print the GRIPP2 checklist (Staniszewska et al., BMJ 2017) as far as the records fill it")(
        "html", po::value<std::string>()->value_name("OUT"),
        "write the summary as one self-contained HTML page to OUT (never over FILE)");
    if (!cl.parse(args)) return exit_ok;
    const scope_choice choice = scope_of(cl);
    analysis::summary_options options;
    options.agreement = agreement_options_of(cl);
    if (cl.has("gripp2") && cl.has("html"))
        throw usage_error("--gripp2 and --html: choose one, the checklist or the HTML page");
    if (cl.has("html")) check_output(cl.text("html"), {cl.text("file")});
    const model::case_study study = load(cl.text("file"));
    if (cl.has("gripp2")) {
        const analysis::gripp2_report g = timed(
            "filling GRIPP2", [&] { return analysis::gripp2(study, to_scope(study, choice)); });
        std::cout << analysis::to_text(g);
        return exit_ok;
    }
    options.scope = to_scope(study, choice);
    const analysis::study_summary s = timed("analysing", [&](const run_control& control) {
        analysis::summary_options watched_options = options;
        watched_options.control = control;
        return analysis::summary(study, watched_options);
    });
    if (cl.has("html")) {
        io::html_options html;
        html.scope = options.scope;
        timed("writing " + cl.text("html"), [&](const run_control& control) {
            io::write_html_report(study, s, cl.text("html"), html, control);
        });
        std::cout << "wrote " << cl.text("html") << "\n";
        return exit_ok;
    }
    std::cout << analysis::to_text(s);
    return exit_ok;
}

}  // namespace partnerqi::cli
