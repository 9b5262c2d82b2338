/// @file
/// GraphML of the engagement network, for NetworkX, igraph, Gephi and Cytoscape.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/io/csv.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/network/engagement_graph_fwd.hpp"

namespace partnerqi::io {

/// Writes the engagement network as a directed GraphML graph with its measures.
///
/// One node per person, its id the person's code; one edge per ordered pair of people that
/// engaged (a tie), its id "e<index>". Node data keys are the columns of the metrics table
/// (metrics_columns: `code`, `role`, `tier`, `organization`, `provenance`, `in_degree`,
/// `out_degree`, `weighted_in_degree`, `weighted_out_degree`, `betweenness`, `closeness`,
/// `weak_component`, `steps_to_top_manager`); edge data keys are `count` (engagement events),
/// `level` (the strongest engagement level reached), `first` and `last` (ISO dates of the first
/// and last events), `kinds` (the kinds of engagement, comma separated, in vocabulary order)
/// and `provenance` (the weakest provenance of its events, engagement_tie::provenance).
/// Every text is XML escaped: tab, line feed and carriage return become character references,
/// other control characters (which XML 1.0 forbids) are dropped, and bytes that are not valid
/// UTF-8 are replaced by U+FFFD, so the file is always well-formed UTF-8 XML.
///
/// Only the types every reader accepts are used: `string`, `int`, `long` and `double` (never
/// `boolean`: Boost's read_graphml accepts only 0 and 1 there, other tools write true/false).
/// An unknown value is left out rather than invented: a person without a tier, without an
/// organization or without a path to a top-level manager has no data for that key. Doubles are
/// written in their shortest exact form, so betweenness reads back bit for bit.
/// `rows` must be network::metrics_of(study, graph).
PARTNERQI_EXPORT void write_graphml(std::ostream& out, const model::case_study& study,
                                    const network::engagement_graph& graph,
                                    const std::vector<network::person_metrics>& rows);

/// Computes the metrics (network::metrics_of(study, graph, options)) and writes the GraphML.
/// @code
/// std::ofstream file("network.graphml");
/// io::write_graphml(file, study, network::build(study));
/// @endcode
PARTNERQI_EXPORT void write_graphml(std::ostream& out, const model::case_study& study,
                                    const network::engagement_graph& graph,
                                    const network::metrics_options& options = {});

/// Writes the GraphML of a network into a file atomically (a temporary beside it, flushed, then
/// renamed); throws partnerqi::save_error naming the file.
PARTNERQI_EXPORT void save_graphml(const std::filesystem::path& file,
                                   const model::case_study& study,
                                   const network::engagement_graph& graph,
                                   const network::metrics_options& options = {});

}  // namespace partnerqi::io
