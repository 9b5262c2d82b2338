#include "partnerqi/analysis/references.hpp"

#include <algorithm>

#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/error.hpp"
#include "partnerqi/model/enums.hpp"

namespace partnerqi::analysis {

namespace {

// Each DOI here is listed in the project's reference notes, or (Hamilton et al. 2018) checked
// against its PubMed record, 28984405; none is reconstructed from memory.
const std::vector<reference>& sources() {
    static const std::vector<reference> list{
        {"Abelson et al. 2016", "Abelson J, Li K, Wilson G, et al.", 2016,
         "Supporting quality public and patient engagement in health system organizations: "
         "development and usability testing of the Public and Patient Engagement Evaluation Tool",
         "Health Expectations 19(4):817-827", "10.1111/hex.12378", "", true},
        {"Arnstein 1969", "Arnstein SR", 1969, "A ladder of citizen participation",
         "Journal of the American Institute of Planners 35(4):216-224", "10.1080/01944366908977225",
         "", true},
        {"Bombard et al. 2018", "Bombard Y, Baker GR, Orlando E, et al.", 2018,
         "Engaging patients to improve quality of care: a systematic review",
         "Implementation Science 13:98", "10.1186/s13012-018-0784-z", "", true},
        {"Carman et al. 2013", "Carman KL, Dardess P, Maurer M, et al.", 2013,
         "Patient and family engagement: a framework for understanding the elements and "
         "developing interventions and policies",
         "Health Affairs 32(2):223-231", "10.1377/hlthaff.2012.1133", "", true},
        {"Clavel et al. 2019", "Clavel N, Pomey M-P, Ghadiri DP", 2019,
         "Partnering with patients in quality improvement: towards renewed practices for "
         "healthcare organization managers?",
         "BMC Health Services Research", "10.1186/s12913-019-4618-8", "", true},
        {"Hamilton et al. 2018", "Hamilton CB, Hoens AM, Backman CL, et al.", 2018,
         "An empirically based conceptual framework for fostering meaningful patient engagement "
         "in research",
         "Health Expectations 21(1):396-406", "10.1111/hex.12635", "", true},
        {"Hamilton et al. 2021", "Hamilton CB, Hoens AM, McKinnon AM, et al.", 2021,
         "Shortening and validation of the Patient Engagement In Research Scale (PEIRS) for "
         "measuring meaningful patient and family caregiver engagement",
         "Health Expectations 24(3):863-879", "10.1111/hex.13227", "", true},
        {"IAP2 spectrum", "International Association for Public Participation", 0,
         "IAP2 Spectrum of Public Participation",
         "International Association for Public "
         "Participation (practitioner tool)",
         "", "https://pdf4pro.com/view/iap2-spectrum-601673.html", false},
        {"Majid 2020", "Majid U", 2020,
         "The dimensions of tokenism in patient and family engagement: a concept analysis of the "
         "literature",
         "Journal of Patient Experience 7(6):1610-1620", "10.1177/2374373520925268", "", true},
        {"Pomey et al. 2015", "Pomey M-P, Flora L, Karazivan P, et al.", 2015,
         "Le « Montreal model » : enjeux du partenariat relationnel entre patients et "
         "professionnels de la santé",
         "Santé Publique 27(1 Suppl) (PMID 26168616)", "", "http://www.pubmed.gov/26168616/", true},
        {"Robins 2014", "Robins S", 2014, "10 ways patient engagement in Canada smacks of tokenism",
         "suerobins.com, blog post of 15 October", "",
         "https://suerobins.com/2014/10/15/"
         "10-ways-patient-engagement-in-canada-smacks-of-tokenism/",
         false},
        {"Staniszewska et al. 2017", "Staniszewska S, Brett J, Simera I, et al.", 2017,
         "GRIPP2 reporting checklists: tools to improve reporting of patient and public "
         "involvement in research",
         "BMJ 358:j3453", "10.1136/bmj.j3453", "", true},
    };
    return list;
}

}  // namespace

std::string reference::citation() const {
    std::string out(authors);
    out += out.empty() || out.back() == '.' ? " " : ". ";
    out += title;
    out += title.empty() || title.back() == '?' || title.back() == '.' ? " " : ". ";
    out += where;
    if (year) out += ", " + std::to_string(year);
    out += ".";
    if (!doi.empty()) {
        out += " doi:";
        out += doi;
    } else if (!url.empty()) {
        out += " ";
        out += url;
    }
    if (!peer_reviewed) out += " (grey literature)";
    return out;
}

const std::vector<reference>& bibliography() { return sources(); }

const reference& reference_of(std::string_view key) {
    const auto& list = sources();
    auto it =
        std::find_if(list.begin(), list.end(), [&](const reference& r) { return r.key == key; });
    if (it != list.end()) return *it;
    std::string known;
    for (const reference& r : list)
        known += (known.empty() ? "" : ", ") + std::string(r.key);
    throw invalid_request_error("no reference \"" + std::string(key) +
                                "\" in the bibliography; use one of: " + known);
}

std::vector<const reference*> scale_mapping_references() {
    return {&reference_of("Pomey et al. 2015"), &reference_of("Carman et al. 2013"),
            &reference_of("IAP2 spectrum"), &reference_of("Arnstein 1969")};
}

std::string bibliography_text() {
    std::string out =
        "Engagement scales (one mapping, used by the audit; approximate, a library heuristic):\n";
    for (model::engagement_level level : enum_traits<model::engagement_level>::values) {
        const model::arnstein_rung rung = model::to_arnstein(level);
        out += detail::wrap_text("  Montreal " + std::string(to_string(level)) + " -> ",
                                 "Carman " + std::string(to_string(model::to_carman(level))) +
                                     ", IAP2 " + std::string(to_string(model::to_iap2(level))) +
                                     ", Arnstein " + std::string(to_string(rung)) + " (" +
                                     std::string(to_string(model::group_of(rung))) + ")",
                                 4);
    }
    std::string keys;
    for (const reference* r : scale_mapping_references())
        keys += (keys.empty() ? "" : "; ") + std::string(r->key);
    out += "  Sources: " + keys;
    out += "\n\nReferences:\n";
    for (const reference& r : sources())
        out += detail::wrap_text("  [" + std::string(r.key) + "] ", r.citation(), 4);
    return out;
}

}  // namespace partnerqi::analysis
