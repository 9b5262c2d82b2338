#include "scope.hpp"

namespace partnerqi::cli {

void add_scope_options(command_line& cl, bool with_case) {
    cl.options.add_options()("from", po::value<std::string>()->value_name("DATE"),
                             "count only records on or after this date (YYYY-MM-DD)")(
        "to", po::value<std::string>()->value_name("DATE"),
        "count only records on or before this date (YYYY-MM-DD)")(
        "wave", po::value<std::string>()->value_name("W"),
        "count only the records of this wave (its code, e.g. W2)");
    if (with_case) {
        cl.options.add_options()("case", po::value<std::string>()->value_name("C"),
                                 "analyse one case only (its code, e.g. case-1)");
    }
}

scope_choice scope_of(const command_line& cl) {
    scope_choice c;
    if (cl.has("from")) c.from = parse_date("from", cl.text("from"));
    if (cl.has("to")) c.to = parse_date("to", cl.text("to"));
    if (c.from && c.to && *c.to < *c.from) {
        throw usage_error("--from " + c.from->to_iso() + " is after --to " + c.to->to_iso() +
                          "; give the earlier date first");
    }
    if (cl.has("wave")) c.wave = cl.text("wave");
    if (cl.has("case")) c.study_case = cl.text("case");
    return c;
}

model::scope_filter to_scope(const model::case_study& study, const scope_choice& choice) {
    return model::scope_from_options(study, choice.wave, choice.study_case, choice.from, choice.to);
}

network::graph_filter network_filter(const model::scope_filter& scope) {
    network::graph_filter f;
    static_cast<model::scope_filter&>(f) = scope;
    return f;
}

}  // namespace partnerqi::cli
