// Lets the suite build with Debian's Catch2 2.13 and with Catch2 v3.
#pragma once

#if defined(PARTNERQI_CATCH2_V2) || !__has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch.hpp>  // v2: Approx is already global
#else
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
using Catch::Approx;  // keep the v2 spelling working
#endif
