/// @file
/// The bibliography of the analyses: every published source an indicator, a threshold or a
/// mapping between engagement scales rests on, with full references. Only DOIs listed in the
/// project's reference notes are given; a source without a DOI carries a web address instead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/export.hpp"

namespace partnerqi::analysis {

/// One published source.
struct reference {
    std::string_view key;       ///< short citation used in texts, e.g. "Arnstein 1969"
    std::string_view authors;   ///< e.g. "Arnstein SR"
    int year = 0;               ///< year of publication; 0 when the source gives none
    std::string_view title;     ///< the work's title
    std::string_view where;     ///< journal, volume and pages, or the publisher or site
    std::string_view doi;       ///< e.g. "10.1080/01944366908977225"; empty when none is known
    std::string_view url;       ///< where to read it when there is no DOI; else empty
    bool peer_reviewed = true;  ///< false for grey literature (a blog, a practitioner tool)

    /// The reference in one line: authors. title. where year. doi or address.
    [[nodiscard]] PARTNERQI_EXPORT std::string citation() const;
};

/// Every source of the library's analyses, in alphabetical order of key.
[[nodiscard]] PARTNERQI_EXPORT const std::vector<reference>& bibliography();

/// The source with this key; throws partnerqi::invalid_request_error naming the known keys when
/// there is none.
[[nodiscard]] PARTNERQI_EXPORT const reference& reference_of(std::string_view key);

/// The sources of the mapping between the Montreal continuum and the Carman, IAP2 and Arnstein
/// scales (model::to_carman, model::to_iap2, model::to_arnstein): Pomey et al. 2015, Carman et
/// al. 2013, the IAP2 spectrum and Arnstein 1969.
[[nodiscard]] PARTNERQI_EXPORT std::vector<const reference*> scale_mapping_references();

/// The scale mapping and the bibliography as text, for reports: one line per Montreal level with
/// its Carman, IAP2 and Arnstein places (and whether that rung is one of Arnstein's degrees of
/// tokenism), then every reference of bibliography() in full.
[[nodiscard]] PARTNERQI_EXPORT std::string bibliography_text();

}  // namespace partnerqi::analysis
