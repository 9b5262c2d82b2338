/// @file
/// The io layer: case-study files (save, load, limits, encodings) and de-identified copies.
#pragma once

#include "partnerqi/io/case_study_file.hpp"
#include "partnerqi/io/deidentify.hpp"
