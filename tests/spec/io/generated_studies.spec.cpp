// Property: any valid case study, of any shape, comes back identical from every encoding.
//
// any_study.hpp generates the studies with RapidCheck. Its Catch2 header includes
// <catch2/catch.hpp> directly (Catch2 v2 only), so the property is checked with
// rc::detail::checkTestable under a fixed seed and the result is asserted with REQUIRE: the run is
// reproducible and works with v2 and v3.
#include <sstream>
#include <string>

#include <support/catch.hpp>

#include "partnerqi/io.hpp"

#include "any_study.hpp"
#include "full_study.hpp"
#include <rapidcheck.h>

using namespace partnerqi;
using namespace partnerqi::model;
using namespace partnerqi::io::testing;

SCENARIO("any generated case study loads back identical from every encoding") {
    GIVEN("100 generated case studies of every shape the model allows") {
        rc::detail::TestParams params;
        params.seed = 20240601;  // fixed, so that a failure can be replayed
        params.maxSuccess = 100;
        params.maxSize = 100;
        rc::detail::TestMetadata metadata;
        metadata.id = metadata.description = "generated study round trip";
        const auto result = rc::detail::checkTestable(
            [] {
                const case_study study = any_study({any_bytes()});
                for (io::encoding format : {io::encoding::portable_text,
                                            io::encoding::native_binary, io::encoding::xml}) {
                    const std::string bytes = saved_bytes(study, format);
                    RC_ASSERT(load_bytes(bytes) == study);
                    // Saved again, the bytes are the same.
                    RC_ASSERT(saved_bytes(load_bytes(bytes), format) == bytes);
                }
            },
            metadata, params);
        THEN("the property holds for all of them") {
            std::ostringstream report;
            rc::detail::printResultMessage(result, report);
            INFO(report.str());
            REQUIRE(result.template is<rc::detail::SuccessResult>());
        }
    }
}
