/// @file
/// What part of a case study an analysis looks at: a time window, a wave, one case, resolved by
/// the library's one scope rule (model::resolve_scope).
#pragma once

#include "partnerqi/model/scope.hpp"

namespace partnerqi::analysis {

/// The part of a case study an analysis looks at; an empty filter means the whole study window
/// and every case, pooled. The rule is model::resolve_scope()'s, the same as the network's.
/// @code
/// analysis::filter f;
/// f.wave = study.require<model::wave>("W2");
/// f.study_case = study.require<model::study_case>("case-1");
/// @endcode
using filter = model::scope_filter;

/// A filter checked against a case study (model::resolve_scope()): the window, the cases, a label.
using resolved_filter = model::resolved_scope;

}  // namespace partnerqi::analysis
