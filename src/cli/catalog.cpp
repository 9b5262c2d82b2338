// partnerqi catalog: lists the practice catalog, the default one or a study's own.
#include <iostream>

#include <partnerqi/analysis/catalog.hpp>
#include <partnerqi/model/practice_catalog.hpp>

#include "common.hpp"

namespace partnerqi::cli {

int catalog(const std::vector<std::string>& args) {
    command_line cl(
        "partnerqi catalog [FILE] [--csv [--raw]]",
        "Lists the practice catalog: each practice's code, category, tier, name and description "
        "and\nwhere it comes from. Without FILE, partnerqi's default catalog (the codes enactments "
        "can name\nonce a study adopts it); with FILE, the practices that case study records.");
    cl.hidden.add_options()("file", po::value<std::string>(),
                            "the case-study file whose practices to list");
    cl.positional.add("file", 1);
    cl.options.add_options()("csv", "print CSV instead of an aligned table");
    add_raw(cl);
    add_load_limits(cl);
    if (!cl.parse(args)) return exit_ok;
    if (cl.has("raw") && !cl.has("csv")) throw usage_error("--raw needs --csv");
    const std::vector<model::practice> practices =
        cl.has("file") ? load(cl.text("file")).all<model::practice>()
                       : model::default_practice_catalog();
    if (cl.has("csv")) {
        io::set_csv_cells(std::cout, csv_cells_of(cl));
        analysis::write_catalog_csv(std::cout, practices);
    } else {
        std::cout << analysis::catalog_text(practices);
    }
    return exit_ok;
}

}  // namespace partnerqi::cli
