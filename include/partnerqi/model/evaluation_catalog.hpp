/// @file
/// The structure of published engagement-evaluation instruments (PPEET and PEIRS-22): domains,
/// item identifiers and scales, without their copyrighted item wording.
#pragma once

#include <cstddef>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::model {

/// The items of one instrument, every entry marked provenance::illustrative and without wording.
///
/// - PPEET (Abelson J, Li K, Wilson G, et al. Supporting quality public and patient engagement
///   in health system organizations: development and usability testing of the Public and
///   Patient Engagement Evaluation Tool. Health Expect 2016;19(4):817-827,
///   doi:10.1111/hex.12378): three questionnaires (participant, project, organization) over four
///   principles (integrity of design and process; influence and impact; participatory culture;
///   collaboration and common purpose). The catalog gives each questionnaire one item per
///   principle, coded "PPEET-<PAR|PRO|ORG>-<IDP|INF|CUL|COL>", on a 1-to-5 agreement scale: the
///   questionnaires' own questions differ by module and version (v1.0 2015, v2.0 2018), so add
///   them as further evaluation_item records under the same domain, with the numbering of the
///   version you use. The one-item-per-principle layout is a library choice, not PPEET's.
/// - PEIRS-22 (Hamilton CB, Hoens AM, McKinnon AM, et al. Shortening and validation of the
///   Patient Engagement In Research Scale (PEIRS) for measuring meaningful patient and family
///   caregiver engagement. Health Expect 2021;24(3):863-879, doi:10.1111/hex.13227; its
///   framework: Hamilton CB, Hoens AM, Backman CL, et al. An empirically based conceptual
///   framework for fostering meaningful patient engagement in research. Health Expect
///   2018;21(1):396-406, doi:10.1111/hex.12635): 22 items "PEIRS22-01" to "PEIRS22-22" on a
///   1-to-5 scale, under one domain, "meaningful engagement", because the paper reports a single
///   dominant construct scored as a total.
/// - user_defined: no items; record your own.
///
/// Attach licensed wording through evaluation_item::wording. Ids are left empty.
[[nodiscard]] PARTNERQI_EXPORT std::vector<evaluation_item> evaluation_catalog(
    evaluation_instrument instrument);

/// Adds every item of evaluation_catalog(instrument) whose code the case study does not have
/// yet. Returns how many were added.
PARTNERQI_EXPORT std::size_t add_evaluation_catalog(case_study& study,
                                                    evaluation_instrument instrument);

}  // namespace partnerqi::model
