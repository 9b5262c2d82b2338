/// @file
/// The seed study's two cases (Clavel, Pomey and Ghadiri, BMC Health Services Research 2019,
/// doi 10.1186/s12913-019-4618-8) as a ready-made case study.
#pragma once

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::model {

/// The facts the seed study reports, and nothing else: every record is marked reported.
///
/// Two organizations (integrated university health and social services centres, both running
/// a Partners in Care Program): case 1 rural, mental health, ambulatory hospital services, a QI
/// team of 9; case 2 urban, oncology, acute breast-cancer services, a QI team of 7; each team has
/// two patient advisors. Their QI activities at the clinical-team level and at other levels, with
/// kind "other" (the study does not classify them); 38 interviews with managers and 7 focus
/// groups as totals whose split is unknown; the window 2015 to 2017. Person codes are labels we
/// give. The program managers are recorded with role "other" and the label "program manager":
/// the study reports no management tier for them. The medical chiefs are recorded as providers
/// with their profession, as Table 2 lists them among the clinicians: the study does not say
/// whether they were among the managers interviewed, nor at which tier, so they enact no
/// practice here; a user who knows can record them as front-line managers instead.
///
/// It records no engagement and no practice enactment, so the tokenism audit and the every-tier
/// check find these not assessable rather than absent.
[[nodiscard]] PARTNERQI_EXPORT case_study seed_study_reported();

/// The reported cases plus invented detail for examples and demos, every added or changed record
/// marked provenance::illustrative: the program managers as mid-level managers (an assumed tier),
/// partnerqi's classification of the activities by kind, more managers at each tier, waves
/// 2015/2016/2017, the default practice catalog, practice enactments by managers of every tier,
/// engagements between managers, providers and advisors, a few interviews with coded segments, a
/// memo, PPEET participant and project responses in waves W2 and W3 (model::evaluation_catalog's
/// items, without wording), and an influence log of four inputs per team (adopted with a
/// care-process change, adapted with a document change, deferred, rejected).
[[nodiscard]] PARTNERQI_EXPORT case_study seed_study_illustrated();

}  // namespace partnerqi::model
