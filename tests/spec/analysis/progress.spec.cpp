// The summary of a study says how far it is and stops between two analyses when asked.
#include "partnerqi/progress.hpp"

#include <vector>

#include <support/catch.hpp>

#include "partnerqi/analysis/summary.hpp"
#include "partnerqi/model/seed_study.hpp"

using namespace partnerqi;

SCENARIO("the summary reports each analysis and can be cancelled between any two") {
    GIVEN("the seed study with its illustrative detail") {
        const model::case_study study = model::seed_study_illustrated();
        WHEN("it is summarized, watched") {
            std::vector<progress_report> reports;
            analysis::summary_options options;
            options.control.progress = [&](const progress_report& r) { reports.push_back(r); };
            const analysis::study_summary s = analysis::summary(study, options);
            THEN("it reports each analysis in order, the last one done == total") {
                REQUIRE(reports.size() >= 5);
                for (std::size_t i = 1; i < reports.size(); ++i)
                    CHECK(reports[i - 1].done <= reports[i].done);
                CHECK(reports.back().done == reports.back().total);
                CHECK(analysis::to_text(s) == analysis::to_text(analysis::summary(study)));
            }
            AND_WHEN("the flag is raised at each report in turn") {
                std::size_t cancelled_summaries = 0;
                for (std::size_t n = 1; n <= reports.size(); ++n) {
                    cancellation_flag flag;
                    std::size_t seen = 0;
                    analysis::summary_options stopped;
                    stopped.control.cancel = &flag;
                    stopped.control.progress = [&](const progress_report&) {
                        if (++seen == n) flag.raise();
                    };
                    try {
                        static_cast<void>(analysis::summary(study, stopped));
                    } catch (const cancelled&) {
                        ++cancelled_summaries;
                    }
                }
                THEN("every one of them is cancelled") {
                    CHECK(cancelled_summaries == reports.size());
                }
            }
        }
    }
}
