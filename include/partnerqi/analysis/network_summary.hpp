/// @file
/// The network summary (network::network_summary) of a scope of a case study, as text and CSV.
/// Light: it includes no Boost.Graph header.
#pragma once

#include <iosfwd>
#include <string>

#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/network/summary.hpp"

namespace partnerqi::analysis {

/// Builds the network of a scope (the network filter takes the scope as it is, so a chosen case
/// keeps the people of its organization) and summarizes it with network::summarize(). Throws
/// partnerqi::invalid_request_error for a scope model::resolve_scope() refuses.
[[nodiscard]] PARTNERQI_EXPORT network::network_summary network_summary_of(
    const model::case_study& study, const filter& scope = {},
    const network::network_summary_options& options = {});

/// The summary as text, one measure a line.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const network::network_summary& summary);

/// The summary as CSV (RFC 4180): `measure,value`.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const network::network_summary& summary);

}  // namespace partnerqi::analysis
