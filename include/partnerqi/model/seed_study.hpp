/// @file
/// The seed study's two cases (Clavel, Pomey and Ghadiri, BMC Health Services Research 2019,
/// doi 10.1186/s12913-019-4618-8) as a ready-made case study.
#pragma once

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::model {

/// The facts the seed study reports, and nothing else that claims to be a fact.
///
/// Two organizations (integrated university health and social services centres, both running
/// a Partners in Care Program): case 1 rural, mental health, ambulatory hospital services, a QI
/// team of 9; case 2 urban, oncology, acute breast-cancer services, a QI team of 7; each team has
/// two patient advisors. Their QI activities at the clinical-team level and at other levels;
/// 38 interviews with managers and 7 focus groups as totals whose split is unknown; the window
/// 2015 to 2017. Person codes are labels we give; the program managers' tiers are not reported,
/// so those two person records are marked illustrative.
[[nodiscard]] PARTNERQI_EXPORT case_study seed_study_reported();

/// The reported cases plus invented detail for examples and demos, every added record marked
/// provenance::illustrative: more managers at each tier, waves 2015/2016/2017, the default
/// practice catalog, practice enactments by managers of every tier, engagements between
/// managers, providers and advisors, a few interviews with coded segments, and a memo.
[[nodiscard]] PARTNERQI_EXPORT case_study seed_study_illustrated();

}  // namespace partnerqi::model
