/// @file
/// The analysis layer: practice x tier matrix, tokenism audit, evaluation loop, network summary,
/// waves and change, cross-case comparison, coding queries and the summary report.
#pragma once

/// @namespace partnerqi::analysis
/// The analyses of a case study for a filter, each as a plain result with text and CSV forms:
/// practice x tier matrix, tokenism audit, evaluation loop, network summary, waves, cross-case
/// comparison, coding queries and the summary that runs them all.

#include "partnerqi/analysis/agreement.hpp"
#include "partnerqi/analysis/assessment.hpp"
#include "partnerqi/analysis/catalog.hpp"
#include "partnerqi/analysis/coding.hpp"
#include "partnerqi/analysis/comparison.hpp"
#include "partnerqi/analysis/evaluation_loop.hpp"
#include "partnerqi/analysis/evidence.hpp"
#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/analysis/gripp2.hpp"
#include "partnerqi/analysis/network_summary.hpp"
#include "partnerqi/analysis/practice_matrix.hpp"
#include "partnerqi/analysis/profile.hpp"
#include "partnerqi/analysis/references.hpp"
#include "partnerqi/analysis/summary.hpp"
#include "partnerqi/analysis/tokenism_audit.hpp"
#include "partnerqi/analysis/waves.hpp"
