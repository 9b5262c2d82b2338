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

namespace partnerqi::network {

/// The network of one organization, summarized, with every measure.
struct organization_network {
    model::organization_id organization;
    std::string code;                 ///< the organization's code, e.g. "HCO-1"
    std::size_t people = 0;
    std::size_t ties = 0;
    std::size_t events = 0;
    double density = 0.0;
    std::optional<double> reciprocity;
    std::size_t weak_components = 0;
    std::size_t strong_components = 0;
    std::size_t advisors = 0;
    std::size_t advisors_reaching_top_level = 0;
    std::size_t advisors_reaching_a_manager = 0;
    std::size_t brokers = 0;
    double max_betweenness = 0.0;     ///< highest normalized betweenness
    network_measures measures;        ///< every measure, per person
};

/// The organizations' networks side by side, in the order asked.
struct cross_case_comparison {
    model::date_window window;  ///< the window every network was built on
    std::vector<organization_network> organizations;
};

/// Builds the network of each organization (people of that organization only) with the filter
/// `base`, and measures it.
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
