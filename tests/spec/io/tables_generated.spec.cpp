// Property: any valid case study whose texts a spreadsheet can hold comes back identical from
// its CSV tables, every field and provenance included.
//
// As in generated_studies.spec.cpp, the property is checked with rc::detail::checkTestable under
// a fixed seed and the result asserted with REQUIRE, for Catch2 v2 and v3 alike.
#include <filesystem>
#include <sstream>

#include <support/catch.hpp>

#include "partnerqi/io/tables.hpp"

#include "any_study.hpp"
#include "full_study.hpp"
#include <rapidcheck.h>

using namespace partnerqi;
using namespace partnerqi::model;
namespace fs = std::filesystem;

SCENARIO("any generated case study reads back identical from its CSV tables") {
    GIVEN(
        "50 generated case studies whose codes and texts hold commas, quotes, line breaks, "
        "semicolons, backslashes and blanks at either end") {
        io::testing::scratch_dir scratch;
        const fs::path dir = fs::path(scratch.path()) / "tables";
        rc::detail::TestParams params;
        params.seed = 20261129;  // fixed, so that a failure can be replayed
        params.maxSuccess = 50;  // each run writes 17 files with fsync: 50 keep it to seconds
        params.maxSize = 30;
        rc::detail::TestMetadata metadata;
        metadata.id = metadata.description = "generated study tables round trip";
        const auto result = rc::detail::checkTestable(
            [&] {
                // The tables read an empty optional text back unset and number records afresh.
                const case_study study = io::testing::any_study(
                    {io::testing::any_spreadsheet_text(), /*empty_optional_texts=*/false,
                     /*id_gaps=*/false});
                io::write_tables(study, dir);
                RC_ASSERT(io::read_tables(dir).study == study);
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
