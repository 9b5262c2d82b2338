/// @file
/// The network layer: the who-engages-whom network on Boost.Graph and its measures.
#pragma once

#include "partnerqi/network/comparison.hpp"
#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/measures.hpp"
#include "partnerqi/network/snapshots.hpp"
