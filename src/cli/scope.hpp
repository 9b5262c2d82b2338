// The part of a case study chosen on the command line (--from, --to, --wave, --case), and its
// translation into the library's filters.
#pragma once

#include <optional>
#include <string>

#include <partnerqi/model/case_study.hpp>
#include <partnerqi/model/date.hpp>
#include <partnerqi/model/scope.hpp>
#include <partnerqi/network/engagement_graph.hpp>

#include "common.hpp"

namespace partnerqi::cli {

/// The scope options as given, checked before the file is read.
struct scope_choice {
    std::optional<model::date> from, to;
    std::optional<std::string> wave;
    std::optional<std::string> study_case;
};

/// Adds --from, --to and --wave, and --case when `with_case`.
void add_scope_options(command_line& cl, bool with_case = false);

/// The scope options of a parsed command line; a malformed date or a window that ends before
/// it starts is a usage error.
[[nodiscard]] scope_choice scope_of(const command_line& cl);

/// The library's scope for the options (model::scope_from_options: one rule for the window, the
/// wave and the case), for the analyses.
[[nodiscard]] model::scope_filter to_scope(const model::case_study& study,
                                           const scope_choice& choice);

/// A network filter that keeps `scope` and everything else.
[[nodiscard]] network::graph_filter network_filter(const model::scope_filter& scope);

}  // namespace partnerqi::cli
