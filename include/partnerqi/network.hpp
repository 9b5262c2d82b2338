/// @file
/// The network layer: the who-engages-whom network on Boost.Graph and its measures.
#pragma once

/// @namespace partnerqi::network
/// The who-engages-whom network of a case study on Boost.Graph: building it with a filter, its
/// measures (following NetworkX's conventions), snapshots per wave and cross-case comparison.

#include "partnerqi/network/comparison.hpp"
#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/measures.hpp"
#include "partnerqi/network/metrics_table.hpp"
#include "partnerqi/network/reach.hpp"
#include "partnerqi/network/snapshots.hpp"
#include "partnerqi/network/summary.hpp"
