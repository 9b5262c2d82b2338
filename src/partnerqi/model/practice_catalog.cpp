#include "partnerqi/model/practice_catalog.hpp"

namespace partnerqi::model {

std::vector<practice> default_practice_catalog() {
    struct entry {
        const char* code;
        practice_category category;
        const char* name;
        const char* description;
    };
    using c = practice_category;
    static const entry entries[] = {
        {"DES-vision", c::designing, "define a partnership vision",
         "state why and how the organization partners with patients"},
        {"DES-align", c::designing, "align partnership with strategy",
         "tie the approach to strategic plans and ministerial directions"},
        {"DES-model", c::designing, "choose or adapt a partnership model",
         "adopt and adapt a model such as the Montreal model"},
        {"DES-sponsor", c::designing, "sponsor the approach visibly",
         "senior managers champion the approach in the organization"},
        {"STR-office", c::structuring, "assign a partnership function",
         "create or assign a partnership office or coordinator"},
        {"STR-resources", c::structuring, "allocate resources",
         "time, budget and compensation for advisors"},
        {"STR-committees", c::structuring, "place advisors in structures",
         "open committees and QI teams to patient advisors"},
        {"STR-recruitment", c::structuring, "set up recruitment and training",
         "procedures to recruit and train advisors"},
        {"MAN-match", c::managing_integration, "select and match advisors",
         "choose advisors whose experience fits the team"},
        {"MAN-role", c::managing_integration, "define the advisor role",
         "agree on what advisors do in the team"},
        {"MAN-prepare", c::managing_integration, "prepare providers and advisors",
         "brief both sides before they work together"},
        {"MAN-coach", c::managing_integration, "coach and support advisors",
         "support advisors before and after meetings"},
        {"MAN-act-on-input", c::managing_integration, "act on advisor input",
         "make sure advisors' input changes what the team does"},
        {"MAN-share-power", c::managing_integration, "share the agenda",
         "share power over meetings and their agenda"},
        {"EVA-feedback", c::evaluating_integration, "collect feedback",
         "gather advisors' and providers' feedback on the partnership"},
        {"EVA-experience", c::evaluating_integration, "assess advisor experience",
         "assess advisors' experience and influence"},
        {"EVA-impact", c::evaluating_integration, "track the impact of input",
         "follow what advisor input changed in QI projects"},
        {"EVA-lessons", c::evaluating_integration, "feed lessons back",
         "feed what was learned back into the programme"},
    };
    std::vector<practice> out;
    out.reserve(std::size(entries));
    for (const entry& e : entries) {
        practice p;
        p.code = e.code;
        p.category = e.category;
        p.name = e.name;
        p.description = e.description;
        p.provenance = provenance::illustrative;
        out.push_back(std::move(p));
    }
    return out;
}

practice adopted(practice entry, provenance marked) {
    entry.provenance = marked;
    if (marked != provenance::illustrative) entry.description += practice_catalog_origin;
    return entry;
}

std::size_t add_default_practice_catalog(case_study& study, provenance marked) {
    std::size_t added = 0;
    for (practice& p : default_practice_catalog()) {
        if (study.find<practice>(p.code)) continue;
        study.add(adopted(std::move(p), marked));
        ++added;
    }
    return added;
}

}  // namespace partnerqi::model
