/// @file
/// The io layer: case-study files (save, load, limits, encodings), de-identified copies, and
/// exports (DOT, SVG and PNG pictures, GraphML, GEXF, CSV tables), studies as CSV tables both
/// ways, and REFI-QDA projects both ways.
#pragma once

/// @namespace partnerqi::io
/// Files: saving and loading case studies, de-identified copies, and exports of networks and
/// tables (DOT, SVG, PNG, GraphML, GEXF, CSV).

#include "partnerqi/io/case_study_file.hpp"
#include "partnerqi/io/csv.hpp"
#include "partnerqi/io/deidentify.hpp"
#include "partnerqi/io/dot.hpp"
#include "partnerqi/io/gexf.hpp"
#include "partnerqi/io/graphml.hpp"
#include "partnerqi/io/html_report.hpp"
#include "partnerqi/io/refi_qda.hpp"
#include "partnerqi/io/tables.hpp"
