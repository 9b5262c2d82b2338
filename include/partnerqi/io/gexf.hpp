/// @file
/// GEXF 1.3 of the engagement network, for Gephi: its timeline plays the partnership over time.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/network/engagement_graph_fwd.hpp"
#include "partnerqi/network/metrics_table.hpp"

namespace partnerqi::io {

/// Writes the engagement network as a dynamic, directed GEXF 1.3 graph (namespace
/// http://gexf.net/1.3, mode "dynamic", timeformat "date") with its measures.
///
/// The graph spans the network's window (its `start` and `end`); `<meta>` names partnerqi as
/// the creator and describes the network by the study's title (followed by "(includes
/// illustrative records)" when a person or a tie is illustrative) and its window. One node per
/// person, its id and label the person's code (never the display name: personal data); its
/// static attributes are the columns of the metrics table (network::metrics_columns, `code` to
/// `steps_to_top_manager`, `provenance` the provenance of the person's record). One edge per
/// tie, as in write_graphml() (id "e<index>", weight the number of engagement events), with
/// the static attributes `count`, `level`, `first`, `last`, `kinds` and `provenance` (the
/// weakest provenance of its events: illustrative < user-entered < reported), and one spell per
/// day on which its people engaged (start = end = that day; GEXF intervals are inclusive), so
/// that Gephi's timeline shows a tie on each of its days. One edge per tie rather than per
/// engagement keeps the nodes, edges and weights those of the GraphML and CSV exports, and
/// Gephi shows one arrow that comes and goes rather than a pile of parallel ones. Nodes have no
/// spell: everyone is in the network for its whole window.
///
/// Attribute types are `string`, `integer`, `long` and `double`; an unknown value (no tier, no
/// organization, no path to a top-level manager) has no attvalue. Every text is XML escaped;
/// tab, line feed and carriage return become character references, other control characters
/// (which XML 1.0 forbids) are dropped, and bytes that are not valid UTF-8 are replaced by
/// U+FFFD, the replacement character, so the file is always well-formed UTF-8 XML. Output is
/// deterministic (people in code order, ties in (source, target) order).
/// `rows` must be network::metrics_of(study, graph); throws partnerqi::invalid_request_error
/// when they are not.
PARTNERQI_EXPORT void write_gexf(std::ostream& out, const model::case_study& study,
                                 const network::engagement_graph& graph,
                                 const std::vector<network::person_metrics>& rows);

/// Computes the metrics (network::metrics_of(study, graph, options)) and writes the GEXF.
/// @code
/// std::ofstream file("network.gexf");
/// io::write_gexf(file, study, network::build(study));
/// @endcode
PARTNERQI_EXPORT void write_gexf(std::ostream& out, const model::case_study& study,
                                 const network::engagement_graph& graph,
                                 const network::metrics_options& options = {});

/// Writes the GEXF of a network into a file atomically (a temporary beside it, flushed, then
/// renamed); throws partnerqi::save_error naming the file.
PARTNERQI_EXPORT void save_gexf(const std::filesystem::path& file, const model::case_study& study,
                                const network::engagement_graph& graph,
                                const network::metrics_options& options = {});

}  // namespace partnerqi::io
