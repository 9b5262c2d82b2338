/// @file
/// The name of the engagement graph without its Boost.Graph type, for headers that only pass a
/// network by reference: including them costs no Boost.Graph header.
#pragma once

namespace partnerqi::network {

/// The who-engages-whom network; defined in partnerqi/network/engagement_graph.hpp.
class engagement_graph;

}  // namespace partnerqi::network
