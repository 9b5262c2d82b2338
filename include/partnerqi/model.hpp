/// @file
/// The model layer: plain C++17 value types and the case_study aggregate (no Boost).
#pragma once

/// @namespace partnerqi::model
/// The case study as data: records, closed vocabularies, dates, ids and the case_study aggregate
/// that checks every invariant. Plain C++17 with no Boost in its headers.

#include "partnerqi/error.hpp"
#include "partnerqi/model/builder.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/model/date.hpp"
#include "partnerqi/model/enums.hpp"
#include "partnerqi/model/evaluation_catalog.hpp"
#include "partnerqi/model/ids.hpp"
#include "partnerqi/model/practice_catalog.hpp"
#include "partnerqi/model/records.hpp"
#include "partnerqi/model/scope.hpp"
#include "partnerqi/model/seed_study.hpp"
