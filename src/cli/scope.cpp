#include "scope.hpp"

namespace partnerqi::cli {

namespace {

std::string codes_of_waves(const model::case_study& study) {
    std::string out;
    for (const model::wave& w : study.all<model::wave>())
        out += (out.empty() ? "" : ", ") + w.code;
    return out.empty() ? "the file has no wave" : "its waves are " + out;
}

std::string codes_of_cases(const model::case_study& study) {
    std::string out;
    for (const model::study_case& c : study.all<model::study_case>())
        out += (out.empty() ? "" : ", ") + c.code;
    return out.empty() ? "the file has no case" : "its cases are " + out;
}

}  // namespace

void add_scope_options(command_line& cl, bool with_case) {
    cl.options.add_options()("from", po::value<std::string>(),
                             "count only records on or after this date (YYYY-MM-DD)")(
        "to", po::value<std::string>(), "count only records on or before this date (YYYY-MM-DD)")(
        "wave", po::value<std::string>(),
        "count only the records of this wave (its code, e.g. W2)");
    if (with_case) {
        cl.options.add_options()("case", po::value<std::string>(),
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

library_scope to_library_scope(const model::case_study& study, const scope_choice& choice) {
    library_scope s;
    if (choice.from || choice.to) {
        const model::date first = choice.from ? *choice.from : study.window().first();
        const model::date last = choice.to ? *choice.to : study.window().last();
        if (last < first) {
            throw invalid_request_error("the window " + first.to_iso() + "/" + last.to_iso() +
                                        " is empty for this study, whose window is " +
                                        study.window().to_iso());
        }
        s.analysis.window = model::date_window(first, last);
    }
    if (choice.wave) {
        s.analysis.wave = study.find<model::wave>(*choice.wave);
        if (!s.analysis.wave)
            throw not_found_error("no wave \"" + *choice.wave + "\"; " + codes_of_waves(study));
    }
    if (choice.study_case) {
        s.analysis.study_case = study.find<model::study_case>(*choice.study_case);
        if (!s.analysis.study_case) {
            throw not_found_error("no case \"" + *choice.study_case + "\"; " +
                                  codes_of_cases(study));
        }
    }
    s.network.window = s.analysis.window;
    s.network.wave = s.analysis.wave;
    return s;
}

}  // namespace partnerqi::cli
