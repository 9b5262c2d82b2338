/// @file
/// The umbrella header: everything partnerqi offers.
#pragma once

#include "partnerqi/analysis.hpp"
#include "partnerqi/enum_traits.hpp"
#include "partnerqi/error.hpp"
#include "partnerqi/io.hpp"
#include "partnerqi/model.hpp"
#include "partnerqi/network.hpp"
#include "partnerqi/number_format.hpp"
#include "partnerqi/progress.hpp"
#include "partnerqi/version.hpp"
