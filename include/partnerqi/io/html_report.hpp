/// @file
/// The analysis summary of a case study as one self-contained HTML page, for readers who open it
/// in a browser or print it: the study and its provenance, the network by tier, the practice x
/// tier matrix, the tokenism audit, the voice paths, the evaluation loop, waves and cases side
/// by side, and the agreement between coders.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/analysis/summary.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/progress.hpp"

namespace partnerqi::io {

/// What the HTML report shows.
struct html_options {
    /// The scope the summary was made for (analysis::summary_options::scope); the network
    /// picture and the voice paths are drawn for the same scope.
    analysis::filter scope;
    /// The page's title and top heading; empty: "Partnership report: " and the study's title.
    std::string title;
    /// Networks of more people than this are drawn aggregated, one node per tier with the
    /// number of ties between tiers (also as a table), so that the picture stays readable and
    /// the page small; the page says so under the picture.
    std::size_t max_drawn_people = 200;
};

/// The summary as one HTML5 page (UTF-8) that needs nothing from the network: inline CSS and
/// SVG, no script, and a Content-Security-Policy that forbids every fetch. Every text of the
/// study is escaped. Numbers and words come from the same summary structures as
/// analysis::to_text(). The sections: the study and its provenance (with a banner when any
/// record is illustrative), the engagement network by tier, practices by tier with the
/// every-tier check, the tokenism audit (flagged, not flagged or not assessable per advisor and
/// team, the evidence behind each flag, the disclaimer, the references), voice paths to
/// decision-makers, the evaluation loop on a timeline, waves and cases side by side, agreement
/// between coders and the sources. Headings go h1, h2, h3 in order; every table has a caption
/// and header cells; every picture has a title and a description; colours are the Okabe-Ito
/// palette and never carry meaning alone; a print stylesheet paginates by section.
///
/// `summary` must come from analysis::summary() on `study` with `options.scope`. Linear in the
/// size of the study and the summary (the network is drawn aggregated beyond
/// html_options::max_drawn_people). Reports progress as "writing the HTML report", one unit per
/// section, and stops with partnerqi::cancelled when the flag is raised (see
/// partnerqi/progress.hpp). Throws partnerqi::invalid_request_error for a scope
/// model::resolve_scope() refuses.
/// @code
/// analysis::summary_options o;
/// auto s = analysis::summary(study, o);
/// std::string page = io::to_html(study, s, {o.scope});
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT std::string to_html(const model::case_study& study,
                                                   const analysis::study_summary& summary,
                                                   const html_options& options = {},
                                                   const run_control& control = {});

/// Writes to_html() to `path` atomically (a temporary file beside it, then a rename), so a
/// failed or cancelled write leaves any previous file in place. Throws partnerqi::save_error
/// naming the file when it cannot be written, and what to_html() throws.
PARTNERQI_EXPORT void write_html_report(const model::case_study& study,
                                        const analysis::study_summary& summary,
                                        const std::filesystem::path& path,
                                        const html_options& options = {},
                                        const run_control& control = {});

}  // namespace partnerqi::io
