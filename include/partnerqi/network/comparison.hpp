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
    model::organization_id organization;  ///< the organization whose people make the network
    std::string code;                 ///< the organization's code, e.g. "HCO-1"
    std::size_t people = 0;           ///< vertices: people of the organization kept by the filter
    std::size_t ties = 0;             ///< directed ties (ordered pairs of people that engaged)
    std::size_t events = 0;           ///< engagement events the ties aggregate; at least `ties`
    double density = 0.0;             ///< ties / (people (people - 1)), in [0, 1]; see network::density
    std::optional<double> reciprocity;  ///< fraction of reciprocated ties, in [0, 1]; unset without ties
    std::size_t weak_components = 0;  ///< weakly connected components, isolated people included
    std::size_t strong_components = 0;  ///< strongly connected components, isolated people included
    std::size_t advisors = 0;         ///< patient advisors in the network
    std::size_t advisors_reaching_top_level = 0;  ///< advisors with a directed path to a top-level manager
    std::size_t advisors_reaching_a_manager = 0;  ///< advisors with a directed path to any manager
    std::size_t brokers = 0;          ///< people who alone connect some advisor to management; see brokers()
    double max_betweenness = 0.0;     ///< highest normalized betweenness
    network_measures measures;        ///< every measure, per person
};

/// The organizations' networks side by side, in the order asked.
struct cross_case_comparison {
    model::date_window window;  ///< the window every network was built on
    std::vector<organization_network> organizations;  ///< one per organization, in the order asked
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
