// The part of a case study chosen on the command line (--from, --to, --wave, --case), and its
// translation into the library's filters.
#pragma once

#include <optional>
#include <string>

#include <partnerqi/analysis/filter.hpp>
#include <partnerqi/model/case_study.hpp>
#include <partnerqi/model/date.hpp>
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

/// The same scope as the library's filters: for the analyses and for the network.
struct library_scope {
    analysis::filter analysis;
    network::graph_filter network;  ///< window or wave; no command takes --case with a network
};

/// Maps the options onto the library's filters: codes become ids, an open end of --from/--to
/// becomes the study window's end. The library applies the filters and refuses what does not
/// fit (for the network, a wave together with a window).
[[nodiscard]] library_scope to_library_scope(const model::case_study& study,
                                             const scope_choice& choice);

}  // namespace partnerqi::cli
