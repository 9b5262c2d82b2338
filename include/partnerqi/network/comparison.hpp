/// @file
/// Cross-case comparison: the same network measures side by side for several organizations.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/measures.hpp"
#include "partnerqi/network/summary.hpp"

namespace partnerqi::network {

/// The network of one organization, summarized, with every measure.
struct organization_network {
    model::organization_id organization;  ///< the organization whose people make the network
    std::string code;                     ///< the organization's code, e.g. "HCO-1"
    network_summary summary;              ///< counts, density, reach and brokers; exact betweenness
    network_measures measures;            ///< every measure, per person
};

/// The organizations' networks side by side, in the order asked.
struct cross_case_comparison {
    model::date_window window;                        ///< the window every network was built on
    std::vector<organization_network> organizations;  ///< one per organization, in the order asked
};

/// Builds the network of each organization (people of that organization only) with the filter
/// `base`, measures it and summarizes the measures (summarize() with the default
/// decision-maker tiers).
///
/// Throws partnerqi::invalid_request_error when fewer than two distinct organizations are given,
/// an organization is unknown, or `base` already filters by organization.
[[nodiscard]] PARTNERQI_EXPORT cross_case_comparison compare_organizations(
    const model::case_study& study, const std::vector<model::organization_id>& organizations,
    const graph_filter& base = {}, unsigned threads = 0);

/// compare_organizations() over the organizations of the study's cases, in case order.
[[nodiscard]] PARTNERQI_EXPORT cross_case_comparison compare_cases(const model::case_study& study,
                                                                   const graph_filter& base = {},
                                                                   unsigned threads = 0);

}  // namespace partnerqi::network
