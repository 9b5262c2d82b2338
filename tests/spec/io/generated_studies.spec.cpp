// Property: any valid case study, of any shape, comes back identical from every encoding.
//
// any_study.hpp generates the studies with RapidCheck; the property is checked under a fixed seed
// (support/property.hpp).
#include <string>

#include <support/catch.hpp>
#include <support/property.hpp>

#include "partnerqi/io.hpp"

#include "any_study.hpp"
#include "full_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
using namespace partnerqi::io::testing;

SCENARIO("any generated case study loads back identical from every encoding") {
    GIVEN("100 generated case studies of every shape the model allows") {
        const auto result =
            test::check_property("generated study round trip", {20240601, 100, 100}, [] {
                const case_study study = any_study({any_bytes()});
                for (io::encoding format : {io::encoding::portable_text,
                                            io::encoding::native_binary, io::encoding::xml}) {
                    const std::string bytes = saved_bytes(study, format);
                    RC_ASSERT(load_bytes(bytes) == study);
                    // Saved again, the bytes are the same.
                    RC_ASSERT(saved_bytes(load_bytes(bytes), format) == bytes);
                }
            });
        THEN("the property holds for all of them") { test::require_success(result); }
    }
}
