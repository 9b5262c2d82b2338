/// @file
/// The io layer: case-study files (save, load, limits, encodings), de-identified copies, and
/// exports (DOT, SVG and PNG pictures, GraphML, CSV tables).
#pragma once

#include "partnerqi/io/case_study_file.hpp"
#include "partnerqi/io/csv.hpp"
#include "partnerqi/io/deidentify.hpp"
#include "partnerqi/io/dot.hpp"
#include "partnerqi/io/graphml.hpp"
