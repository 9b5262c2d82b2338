// Property specifications with RapidCheck under a fixed seed.
//
// RapidCheck's Catch2 header includes <catch2/catch.hpp> directly (Catch2 v2 only), so a
// property is checked with rc::detail::checkTestable under a fixed seed and the result is
// asserted with REQUIRE: the run is reproducible and works with Catch2 v2 and v3.
#pragma once

#include <cstdint>
#include <sstream>
#include <utility>

#include <support/catch.hpp>

#include <rapidcheck.h>

namespace partnerqi::test {

/// How long one property runs: its seed (fixed, so that a failure can be replayed), how many
/// cases must pass and the largest size RapidCheck generates.
struct property_run {
    std::uint64_t seed;
    int cases;
    int max_size;
};

/// Checks `property` (a callable using RC_ASSERT and generators) as `description` says.
template <class Property>
[[nodiscard]] rc::detail::TestResult check_property(const char* description, property_run run,
                                                    Property&& property) {
    rc::detail::TestParams params;
    params.seed = run.seed;
    params.maxSuccess = run.cases;
    params.maxSize = run.max_size;
    rc::detail::TestMetadata metadata;
    metadata.id = metadata.description = description;
    return rc::detail::checkTestable(std::forward<Property>(property), metadata, params);
}

/// Requires that a property held for every case, with RapidCheck's report of the shrunk
/// counterexample when it did not.
inline void require_success(const rc::detail::TestResult& result) {
    std::ostringstream report;
    rc::detail::printResultMessage(result, report);
    INFO(report.str());
    REQUIRE(result.template is<rc::detail::SuccessResult>());
}

}  // namespace partnerqi::test
