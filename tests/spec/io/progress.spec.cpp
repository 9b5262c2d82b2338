// Long loads and saves say how far they are and stop when asked, leaving everything as it was.
#include "partnerqi/progress.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <support/catch.hpp>

#include "partnerqi/io.hpp"
#include "partnerqi/io/dot.hpp"
#include "partnerqi/io/refi_qda.hpp"
#include "partnerqi/io/tables.hpp"
#include "partnerqi/model/seed_study.hpp"
#include "partnerqi/model/synthetic.hpp"
#include "partnerqi/network/engagement_graph.hpp"

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

namespace {

// The exports that take a run_control, each writing the study into `out` (a file, or the
// tables' folder).
struct watched_export {
    std::string name;
    std::string out;
    std::function<void(const model::case_study&, const run_control&)> write;
};

std::vector<watched_export> watched_exports(const scratch_dir& dir) {
    return {
        {"a DOT picture", dir.file("network.dot"),
         [out = dir.file("network.dot")](const model::case_study& s, const run_control& c) {
             io::save_picture(s, network::build(s), io::picture_format::dot, out, {}, {}, c);
         }},
        {"the CSV tables", dir.file("tables"),
         [out = dir.file("tables")](const model::case_study& s, const run_control& c) {
             io::write_tables(s, out, {}, c);
         }},
        {"a REFI-QDA project", dir.file("study.qdpx"),
         [out = dir.file("study.qdpx")](const model::case_study& s, const run_control& c) {
             static_cast<void>(io::write_qdpx(s, out, c));
         }},
        {"a REFI-QDA codebook", dir.file("codes.qdc"),
         [out = dir.file("codes.qdc")](const model::case_study& s, const run_control& c) {
             static_cast<void>(io::write_qdc(s, out, c));
         }},
    };
}

// What an export left: the bytes of its file, or of every file of its folder.
std::string contents_of(const std::string& out) {
    if (!fs::is_directory(out)) return fs::exists(out) ? read_all(out) : std::string("(none)");
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(out))
        names.push_back(e.path().string());
    std::sort(names.begin(), names.end());
    std::string all;
    for (const std::string& name : names)
        all += name + "\n" + read_all(name);
    return all;
}

}  // namespace

SCENARIO(
    "the DOT, tables, REFI-QDA project and codebook exports report their progress to the end") {
    const model::case_study study = model::seed_study_illustrated();
    const scratch_dir dir;
    for (const watched_export& e : watched_exports(dir)) {
        WHEN("the study is written as " + e.name + " with a progress callback") {
            recorder all;
            e.write(study, all.control());
            THEN("the reports of each step increase to its total") {
                REQUIRE_FALSE(all.reports.empty());
                std::vector<progress_report> step;
                for (const progress_report& r : all.reports) {
                    if (!step.empty() && step.back().step != r.step) {
                        CHECK(increasing_to_the_end(step));
                        step.clear();
                    }
                    step.push_back(r);
                }
                CHECK(increasing_to_the_end(step));
            }
        }
    }
}

SCENARIO("an export cancelled at any of its progress steps leaves the previous output as it was") {
    // The reported facts, with one code of the team's own so that a codebook can be written.
    model::case_study earlier = model::seed_study_reported();
    model::code own;
    own.name = "our own code";
    earlier.add(own);
    const model::case_study study = model::seed_study_illustrated();
    const scratch_dir dir;
    for (const watched_export& e : watched_exports(dir)) {
        GIVEN(e.name + " written from the study's reported facts") {
            e.write(earlier, {});
            const std::string before = contents_of(e.out);
            const std::size_t entries = entries_in(dir.path());
            recorder all;
            e.write(study, all.control());
            e.write(earlier, {});
            WHEN("the illustrated study's export over it is cancelled at each report in turn") {
                std::size_t cancelled_exports = 0;
                for (std::size_t n = 1; n <= all.reports.size(); ++n) {
                    stop_at_report stop(n);
                    try {
                        e.write(study, stop.control());
                    } catch (const cancelled& c) {
                        CHECK(std::string(c.what()).find("was cancelled; nothing was changed or "
                                                         "written") != std::string::npos);
                        ++cancelled_exports;
                    }
                }
                THEN("every export is cancelled, and the output and its folder are unchanged") {
                    CHECK(cancelled_exports == all.reports.size());
                    CHECK(contents_of(e.out) == before);
                    CHECK(entries_in(dir.path()) == entries);
                }
            }
        }
        GIVEN(e.name + " not written yet") {
            fs::remove_all(e.out);
            WHEN("its export is cancelled at its first report") {
                stop_at_report stop(1);
                CHECK_THROWS_AS(e.write(study, stop.control()), cancelled);
                THEN("no output and no temporary file is left") {
                    CHECK_FALSE(fs::exists(e.out));
                    CHECK(entries_in(dir.path()) == 0);
                }
            }
        }
    }
}
