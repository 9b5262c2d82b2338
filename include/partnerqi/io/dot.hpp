/// @file
/// Pictures of the engagement network: Graphviz DOT text, and SVG or PNG rendered by Graphviz's
/// `dot` program when it is installed.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "partnerqi/enum_traits.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/network/engagement_graph_fwd.hpp"
#include "partnerqi/progress.hpp"

namespace partnerqi::io {

/// What the DOT picture shows.
struct dot_options {
    /// The caption above the picture; empty: the study title and the network's window. When a
    /// person or a tie of the picture is illustrative (invented), the caption always ends with
    /// "(includes illustrative records)", so that no picture passes an invented network off as
    /// the study's.
    std::string title;
    /// Adds each person's display name under their code. Display names are personal data, so
    /// this is off by default.
    bool show_names = false;
    /// Labels a tie with its number of engagement events when it has more than one.
    bool show_event_counts = true;
};

/// The text of a DOT quoted string (without the surrounding quotes) that shows `text` as is:
/// backslashes and double quotes are escaped, a line feed becomes DOT's `\n` line break, and
/// other control characters are dropped.
/// @code
/// assert(io::dot_escape("a\"b\\c\nd") == "a\\\"b\\\\c\\nd");
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT std::string dot_escape(std::string_view text);

/// Writes the engagement network as a Graphviz DOT digraph.
///
/// Tiers are ranks, from top to bottom: top-level, mid-level and front-line managers, then the
/// other roles (providers, coordinators, coaches, researchers, others), then patient advisors;
/// each rank is a `rank=same` subgraph headed by a plain-text label, the labels chained by
/// invisible edges so the order holds. Managers are boxes shaded by tier, patient advisors
/// orange ellipses, everyone else white boxes. A tie's style is its strongest engagement level:
/// information dotted, consultation dashed, collaboration solid, partnership bold. Node ids
/// are person codes; every label is escaped with dot_escape(). The tooltip of a person ends
/// with the provenance of their record ("; illustrative"), the tooltip of a tie with the weakest
/// provenance of its events (engagement_tie::provenance). The output is deterministic
/// (people in code order, ties in (source, target) order). `graph` must have been built from
/// `study`. Reports its progress to `control` one person and one tie at a time (step
/// "drawing") and throws partnerqi::cancelled when its flag is raised (what was written to
/// `out` until then is incomplete).
/// @code
/// io::write_dot(std::cout, study, network::build(study));
/// @endcode
PARTNERQI_EXPORT void write_dot(std::ostream& out, const model::case_study& study,
                                const network::engagement_graph& graph,
                                const dot_options& options = {}, const run_control& control = {});

/// The DOT text write_dot() writes, as a string.
[[nodiscard]] PARTNERQI_EXPORT std::string to_dot(const model::case_study& study,
                                                  const network::engagement_graph& graph,
                                                  const dot_options& options = {},
                                                  const run_control& control = {});

/// The formats of a picture file.
enum class picture_format {
    dot,  ///< the DOT text itself, for Graphviz or any tool that reads DOT
    svg,  ///< scalable vector graphics rendered by Graphviz, for the web and papers
    png   ///< a bitmap rendered by Graphviz, for slides and documents
};

}  // namespace partnerqi::io

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(io::picture_format, 3, io::picture_format::dot,
                             io::picture_format::svg, io::picture_format::png)
}  // namespace partnerqi

namespace partnerqi::io {

/// The spelling of a picture format, which is also its Graphviz output format and the usual file
/// extension: "dot", "svg" or "png"; "invalid" for a value that is not an enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(picture_format format) noexcept;

/// Where to find Graphviz.
struct render_options {
    /// The `dot` program to run; unset: the first executable `dot` on the PATH.
    std::optional<std::filesystem::path> dot_program;
};

/// The first executable file named `dot` in the directories of the PATH environment variable,
/// or no value when there is none (Graphviz is not installed).
[[nodiscard]] PARTNERQI_EXPORT std::optional<std::filesystem::path> find_graphviz_dot();

/// Writes DOT text into a picture file: as is for picture_format::dot, or rendered into SVG or
/// PNG by Graphviz's `dot`.
///
/// `dot` runs as a child process without a shell (no quoting or injection issues), reading a
/// temporary copy of `dot_text` and writing a temporary file beside `out`. The picture replaces
/// `out` atomically and only when everything succeeded: a failure never leaves half a picture
/// and never destroys an older one. Throws partnerqi::save_error when `dot` is not installed
/// (saying how to install it), when it fails (with the start of what it printed on its error
/// stream), or when `out` cannot be written. Throws partnerqi::cancelled when the flag of
/// `control` is raised before the picture replaces `out` (it checks the flag every 10 ms while
/// Graphviz runs, and then stops Graphviz): `out` stays as it was, or absent.
/// @code
/// io::render(io::to_dot(study, g), io::picture_format::svg, "network.svg");
/// @endcode
PARTNERQI_EXPORT void render(std::string_view dot_text, picture_format format,
                             const std::filesystem::path& out, const render_options& options = {},
                             const run_control& control = {});

/// Writes the picture of a network into a file: to_dot(study, graph, options, control) passed
/// to render(). Throws partnerqi::save_error as render() does, and partnerqi::cancelled,
/// leaving `out` as it was, when the flag of `control` is raised.
/// @code
/// io::save_picture(study, network::build(study), io::picture_format::svg, "network.svg");
/// @endcode
PARTNERQI_EXPORT void save_picture(const model::case_study& study,
                                   const network::engagement_graph& graph, picture_format format,
                                   const std::filesystem::path& out,
                                   const dot_options& options = {},
                                   const render_options& render = {},
                                   const run_control& control = {});

}  // namespace partnerqi::io
