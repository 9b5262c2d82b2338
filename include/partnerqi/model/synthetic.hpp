/// @file
/// A deterministic generator of synthetic case studies of any size, for benchmarks and tests.
///
/// It lives in a `detail` namespace: the shape of what it generates may change between
/// versions. Every record it makes is invented and marked provenance::illustrative.
#pragma once

#include <cstdint>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::model::detail {

/// What to generate: sizes, the study window and the shape of the engagement network.
///
/// Zero in a count means "derive it from the number of people" (see each member). The same
/// options, seed included, give the same records on every platform and standard library.
/// @code
/// synthetic_options o;
/// o.people = 10'000;
/// o.engagements = 100'000;
/// case_study s = make_synthetic_case_study(o);
/// @endcode
struct synthetic_options {
    std::uint64_t seed = 1;              ///< any value; different seeds give different studies
    std::uint32_t people = 1'000;        ///< at least 20 per organization, at most 10^7
    std::uint32_t engagements = 10'000;  ///< engagement events; at most 10^8
    std::uint32_t organizations = 0;     ///< 0: one per 1000 people, at least one
    int first_year = 2015;               ///< the study window starts on January 1 of this year
    int years = 3;                       ///< whole calendar years, 1 to 50; one wave per year
    /// Percent of engagements whose two people belong to the same organization.
    std::uint32_t within_organization_percent = 90;
    /// Percent of engagement endpoints drawn in proportion to the degree a person already has
    /// (preferential attachment); the rest are drawn uniformly. Higher gives a heavier tail.
    std::uint32_t preferential_percent = 80;
    std::uint32_t enactments = 0;  ///< practice enactments; 0: one per 5 people
    /// Data sources; 0: one per 100 people, at least 2 per organization.
    std::uint32_t sources = 0;
    std::uint32_t segments_per_source = 5;  ///< coded segments in each data source
    /// Characters of text in each data source, at most 10^6.
    std::uint32_t source_text_length = 1'500;
};

/// Builds a valid, deterministic synthetic case study from the options.
///
/// It holds organizations, the three management tiers, partnership coordinators, providers and
/// patient advisors; per organization one QI team per front-line manager (1 to 4 advisors
/// each) and an organizational committee; activities, the default practice catalog,
/// enactments by managers, one wave per year, interviews, focus groups, documents and
/// observations with coded segments, a codebook over the catalog, totals, memos and one case
/// per organization. Engagements are dated in order over the window; their endpoints are
/// drawn mostly inside one organization, by preferential attachment, so a few people gather
/// many ties (a heavy-tailed degree distribution). Throws partnerqi::invalid_request_error
/// when the options are out of range.
[[nodiscard]] PARTNERQI_EXPORT case_study
make_synthetic_case_study(const synthetic_options& options);

/// The same records as make_synthetic_case_study, as plain data, before validation.
[[nodiscard]] PARTNERQI_EXPORT case_study_data
make_synthetic_data(const synthetic_options& options);

}  // namespace partnerqi::model::detail
