// partnerqi metrics: prints the network measures of every person.
#include <iostream>

#include <partnerqi/io/csv.hpp>
#include <partnerqi/network/engagement_graph.hpp>

#include "common.hpp"
#include "scope.hpp"

namespace partnerqi::cli {

int metrics(const std::vector<std::string>& args) {
    command_line cl(
        "partnerqi metrics FILE [--csv [--raw]] [--from DATE] [--to DATE] [--wave W] "
        "[--pivots N [--sample-closeness]]",
        "Prints one row per person: code, role, tier, organization, in and out degree, "
        "event-weighted\nin and out degree, betweenness (unnormalized), closeness, "
        "weak component and steps to a\ntop-level manager, as an aligned table or as "
        "CSV (RFC 4180).\nBetweenness and closeness are exact unless --pivots asks for "
        "sampled ones.");
    add_file(cl);
    add_scope_options(cl);
    cl.options.add_options()("csv", "print CSV instead of an aligned table");
    add_raw(cl);
    add_pivots(cl);
    if (!cl.parse(args)) return exit_ok;
    if (cl.has("raw") && !cl.has("csv")) throw usage_error("--raw needs --csv");
    const network::metrics_options measure = metrics_options_of(cl);
    const scope_choice choice = scope_of(cl);
    const model::case_study study = load(cl.text("file"));
    const network::engagement_graph graph =
        timed("building the network", [&](const run_control& control) {
            return network::build(study, network_filter(to_scope(study, choice)), control);
        });
    const auto rows = timed("measuring the network", [&](const run_control& control) {
        return network::metrics_of(study, graph, watched(measure, control));
    });
    if (cl.has("csv")) {
        io::set_csv_cells(std::cout, csv_cells_of(cl));
        io::write_metrics_csv(std::cout, rows);
    } else {
        std::cout << io::metrics_text(rows);
    }
    return exit_ok;
}

}  // namespace partnerqi::cli
