#include "partnerqi/network/comparison.hpp"

#include <algorithm>

#include "partnerqi/error.hpp"

namespace partnerqi::network {

cross_case_comparison compare_organizations(
    const model::case_study& study, const std::vector<model::organization_id>& organizations,
    const graph_filter& base, unsigned threads) {
    if (!base.organizations.empty()) {
        throw invalid_request_error(
            "cross-case comparison: the base filter already selects organizations; leave it "
            "empty and list the organizations to compare");
    }
    std::vector<model::organization_id> distinct = organizations;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() != organizations.size() || distinct.size() < 2) {
        throw invalid_request_error(
            "cross-case comparison: " + std::to_string(organizations.size()) +
            " organizations given (" + std::to_string(distinct.size()) +
            " distinct); give two or more distinct organizations");
    }
    cross_case_comparison out;
    out.window = model::resolve_scope(study, base).window;
    for (model::organization_id org : organizations) {
        graph_filter f = base;
        f.organizations = {org};
        engagement_graph g(study, f);  // refuses an unknown organization
        organization_network row;
        row.organization = org;
        row.code = study.get(org).code;
        row.measures = measure(g, threads);
        row.summary = summarize(g, row.measures);
        out.organizations.push_back(std::move(row));
    }
    return out;
}

cross_case_comparison compare_cases(const model::case_study& study, const graph_filter& base,
                                    unsigned threads) {
    std::vector<model::organization_id> orgs;
    for (const model::study_case& c : study.all<model::study_case>()) {
        if (std::find(orgs.begin(), orgs.end(), c.organization) == orgs.end())
            orgs.push_back(c.organization);
    }
    return compare_organizations(study, orgs, base, threads);
}

}  // namespace partnerqi::network
