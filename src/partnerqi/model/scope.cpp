#include "partnerqi/model/scope.hpp"

#include <algorithm>

#include "partnerqi/error.hpp"

namespace partnerqi::model {

namespace {

template <class Record>
std::string codes_of(const std::vector<Record>& records, const std::string& kind) {
    if (records.empty()) return "the case study has no " + kind;
    std::string out = "its " + kind + "s are ";
    for (std::size_t i = 0; i < records.size(); ++i)
        out += (i ? ", " : "") + records[i].code;
    return out;
}

template <class Record, class Id>
const Record* find_by_id(const std::vector<Record>& records, Id id) {
    auto it = std::lower_bound(records.begin(), records.end(), id,
                               [](const Record& r, Id x) { return (r.id) < x; });
    return it != records.end() && (it->id) == id ? &*it : nullptr;
}

}  // namespace

resolved_scope resolve_scope(const case_study& study, const scope_filter& s) {
    resolved_scope r;
    r.window = study.window();
    std::string label;
    if (s.study_case) {
        const study_case* c = find_by_id(study.all<study_case>(), *s.study_case);
        if (!c) {
            throw invalid_request_error("scope: no case has id " +
                                        std::to_string(s.study_case->value) +
                                        " in the case study '" + study.title() + "'; " +
                                        codes_of(study.all<study_case>(), "case"));
        }
        r.cases.push_back(c->id);
        r.whole_study = false;
        r.organizations.push_back(c->organization);
        label = c->code;
    } else {
        for (const study_case& c : study.all<study_case>())
            r.cases.push_back(c.id);
        label = "all cases";
    }
    const wave* w = nullptr;
    if (s.wave) {
        w = find_by_id(study.all<wave>(), *s.wave);
        if (!w) {
            throw invalid_request_error("scope: no wave has id " + std::to_string(s.wave->value) +
                                        " in the case study '" + study.title() + "'; " +
                                        codes_of(study.all<wave>(), "wave"));
        }
        if (!w->window.overlaps(r.window)) {
            throw invalid_request_error("scope: wave " + w->code + " (" + w->window.to_iso() +
                                        ") shares no day with the study window " +
                                        r.window.to_iso() + "; correct the wave's window");
        }
        r.window = date_window(std::max(r.window.first(), w->window.first()),
                               std::min(r.window.last(), w->window.last()));
        label += ", wave " + w->code;
    }
    if (s.window) {
        if (!study.window().contains(*s.window)) {
            throw invalid_request_error(
                "scope: the window " + s.window->to_iso() + " is not inside the study window " +
                study.window().to_iso() + "; narrow it to the study window");
        }
        if (w && !s.window->overlaps(r.window)) {
            throw invalid_request_error(
                "scope: the window " + s.window->to_iso() + " shares no day with wave " + w->code +
                " (" + r.window.to_iso() + "); choose a window that overlaps the wave");
        }
        r.window = date_window(std::max(r.window.first(), s.window->first()),
                               std::min(r.window.last(), s.window->last()));
    }
    label += " (" + r.window.to_iso() + ")";
    r.label = std::move(label);
    return r;
}

scope_filter scope_from_options(const case_study& study,
                                const std::optional<std::string>& wave_code,
                                const std::optional<std::string>& case_code,
                                const std::optional<date>& from, const std::optional<date>& to) {
    scope_filter s;
    if (wave_code) {
        s.wave = study.find<wave>(*wave_code);
        if (!s.wave)
            throw not_found_error("no wave \"" + *wave_code + "\"; " +
                                  codes_of(study.all<wave>(), "wave"));
    }
    if (case_code) {
        s.study_case = study.find<study_case>(*case_code);
        if (!s.study_case)
            throw not_found_error("no case \"" + *case_code + "\"; " +
                                  codes_of(study.all<study_case>(), "case"));
    }
    if (from || to) {
        const date first = from ? *from : study.window().first();
        const date last = to ? *to : study.window().last();
        if (last < first) {
            throw invalid_request_error("the window " + first.to_iso() + "/" + last.to_iso() +
                                        " is empty: --from is after --to (the study window is " +
                                        study.window().to_iso() + "); swap or correct the dates");
        }
        s.window = date_window(first, last);
    }
    (void)resolve_scope(study, s);
    return s;
}

std::vector<const wave*> waves_in_window_order(const case_study& study) {
    std::vector<const wave*> out;
    out.reserve(study.all<wave>().size());
    for (const wave& w : study.all<wave>())
        out.push_back(&w);
    std::sort(out.begin(), out.end(), [](const wave* a, const wave* b) {
        if (a->window.first() != b->window.first()) return a->window.first() < b->window.first();
        if (a->window.last() != b->window.last()) return a->window.last() < b->window.last();
        return a->code < b->code;
    });
    return out;
}

}  // namespace partnerqi::model
