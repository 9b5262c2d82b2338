// Long loads and saves say how far they are and stop when asked, leaving everything as it was.
#include "partnerqi/progress.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <support/catch.hpp>

#include "partnerqi/io.hpp"
#include "partnerqi/model/synthetic.hpp"

#include "full_study.hpp"

using namespace partnerqi;
using namespace partnerqi::io::testing;
namespace fs = std::filesystem;

namespace {

model::case_study study_of(std::uint32_t people) {
    model::detail::synthetic_options options;
    options.people = people;
    options.engagements = people * 5;
    return model::detail::make_synthetic_case_study(options);
}

// Every report a call made.
struct recorder {
    std::vector<progress_report> reports;
    std::vector<std::string> steps;
    run_control control() {
        run_control c;
        c.progress = [this](const progress_report& r) {
            reports.push_back(r);
            steps.emplace_back(r.step);
        };
        return c;
    }
};

// A run_control that raises its flag at the n-th report (counted from 1).
struct stop_at_report {
    explicit stop_at_report(std::size_t n) : stop_at(n) {}
    std::size_t stop_at;
    std::size_t seen = 0;
    cancellation_flag flag;
    run_control control() {
        run_control c;
        c.cancel = &flag;
        c.progress = [this](const progress_report&) {
            if (++seen == stop_at) flag.raise();
        };
        return c;
    }
};

bool increasing_to_the_end(const std::vector<progress_report>& reports) {
    for (std::size_t i = 1; i < reports.size(); ++i)
        if (reports[i].done < reports[i - 1].done) return false;
    return !reports.empty() && reports.back().done == reports.back().total;
}

}  // namespace

SCENARIO("loading and saving a large study report their progress") {
    GIVEN("a study of 2000 people saved in each encoding") {
        const model::case_study study = study_of(2000);
        const scratch_dir dir;
        for (const io::encoding format : enum_traits<io::encoding>::values) {
            const std::string file = dir.file("study-" + std::string(to_string(format)) + ".pqi");
            WHEN("it is saved with a progress callback, in " + std::string(describe(format))) {
                recorder saving;
                io::save(study, file, {format}, saving.control());
                THEN("the reports count records up to all of them, a few hundred at most") {
                    REQUIRE(increasing_to_the_end(saving.reports));
                    CHECK(saving.steps.front() == "saving");
                    CHECK(saving.reports.back().total > 2000);
                    CHECK(saving.reports.size() <= 260);
                    CHECK(saving.reports.size() >= 100);
                }
                AND_WHEN("it is loaded with a progress callback") {
                    recorder loading;
                    const model::case_study back = io::load(file, {}, loading.control());
                    THEN("the reports count the payload's bytes, and the study is whole") {
                        REQUIRE(increasing_to_the_end(loading.reports));
                        CHECK(loading.steps.front() == "loading");
                        CHECK(loading.reports.back().total ==
                              io::read_file_info(file).payload_bytes);
                        CHECK(loading.reports.size() <= 260);
                        CHECK(back.data() == study.data());
                    }
                }
            }
        }
    }
}

SCENARIO("a load cancelled at any of its progress steps stops with partnerqi::cancelled") {
    GIVEN("a study of 300 people saved as portable text, binary and XML") {
        const model::case_study study = study_of(300);
        const scratch_dir dir;
        for (const io::encoding format : enum_traits<io::encoding>::values) {
            const std::string file = dir.file("study.pqi");
            io::save(study, file, {format});
            recorder all;
            static_cast<void>(io::load(file, {}, all.control()));
            WHEN("the flag is raised at each report in turn, in " + std::string(describe(format))) {
                std::size_t cancelled_loads = 0;
                for (std::size_t n = 1; n <= all.reports.size(); ++n) {
                    stop_at_report stop(n);
                    try {
                        static_cast<void>(io::load(file, {}, stop.control()));
                    } catch (const cancelled& e) {
                        CHECK(std::string(e.what()).find("loading was cancelled") == 0);
                        ++cancelled_loads;
                    }
                }
                THEN("every one of those loads is cancelled, none returns a study") {
                    CHECK(all.reports.size() > 100);
                    CHECK(cancelled_loads == all.reports.size());
                }
            }
        }
    }
}

SCENARIO("a save cancelled at any of its progress steps leaves the previous file as it was") {
    GIVEN("a file holding an earlier study, and a larger study to save over it") {
        const scratch_dir dir;
        const std::string file = dir.file("study.pqi");
        io::save(study_of(100), file);
        const std::string before = read_all(file);
        const model::case_study larger = study_of(300);
        recorder all;
        std::ostringstream sink;
        io::save(larger, sink, {}, all.control());
        WHEN("the save is cancelled at each of its reports in turn") {
            std::size_t cancelled_saves = 0;
            for (std::size_t n = 1; n <= all.reports.size(); ++n) {
                stop_at_report stop(n);
                try {
                    io::save(larger, file, {}, stop.control());
                } catch (const cancelled&) {
                    ++cancelled_saves;
                }
            }
            THEN(
                "every save is cancelled, the file holds the earlier study, and no temporary "
                "file is left beside it") {
                CHECK(cancelled_saves == all.reports.size());
                CHECK(read_all(file) == before);
                CHECK(entries_in(dir.path()) == 1);
            }
        }
        WHEN("a save into a stream is cancelled before it starts") {
            cancellation_flag raised;
            raised.raise();
            run_control control;
            control.cancel = &raised;
            std::ostringstream out;
            THEN("it throws partnerqi::cancelled and writes nothing to the stream") {
                CHECK_THROWS_AS(io::save(larger, out, {}, control), cancelled);
                CHECK(out.str().empty());
            }
        }
    }
}
