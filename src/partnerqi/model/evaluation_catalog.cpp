#include "partnerqi/model/evaluation_catalog.hpp"

#include <cstdio>
#include <string>

namespace partnerqi::model {

namespace {

// Generic anchors of a five-point agreement scale; the instruments' own labels are the user's
// to attach with their wording.
constexpr const char* agreement_labels = "1 = strongly disagree; 5 = strongly agree";

evaluation_item item(std::string code, evaluation_instrument instrument, std::string domain) {
    evaluation_item i;
    i.code = std::move(code);
    i.instrument = instrument;
    i.domain = std::move(domain);
    i.scale_min = 1;
    i.scale_max = 5;
    i.scale_labels = agreement_labels;
    i.provenance = provenance::illustrative;
    return i;
}

}  // namespace

std::vector<evaluation_item> evaluation_catalog(evaluation_instrument instrument) {
    std::vector<evaluation_item> out;
    const char* questionnaire = nullptr;
    switch (instrument) {
        case evaluation_instrument::ppeet_participant: questionnaire = "PAR"; break;
        case evaluation_instrument::ppeet_project: questionnaire = "PRO"; break;
        case evaluation_instrument::ppeet_organization: questionnaire = "ORG"; break;
        case evaluation_instrument::peirs_22:
            for (int n = 1; n <= 22; ++n) {
                char code[16];
                std::snprintf(code, sizeof code, "PEIRS22-%02d", n);
                out.push_back(item(code, instrument, "meaningful engagement"));
            }
            return out;
        case evaluation_instrument::user_defined: return out;
    }
    if (questionnaire == nullptr) return out;
    struct principle {
        const char* key;
        const char* name;
    };
    static const principle principles[] = {{"IDP", "integrity of design and process"},
                                           {"INF", "influence and impact"},
                                           {"CUL", "participatory culture"},
                                           {"COL", "collaboration and common purpose"}};
    for (const principle& p : principles)
        out.push_back(
            item(std::string("PPEET-") + questionnaire + "-" + p.key, instrument, p.name));
    return out;
}

std::size_t add_evaluation_catalog(case_study& study, evaluation_instrument instrument) {
    std::size_t added = 0;
    for (evaluation_item& i : evaluation_catalog(instrument)) {
        if (study.find<evaluation_item>(i.code)) continue;
        study.add(std::move(i));
        ++added;
    }
    return added;
}

}  // namespace partnerqi::model
