// What each operation promises when it fails (README, "Exception safety"), checked by making it
// fail: every allocation of a call in turn (failing_allocator.hpp), folders that cannot be
// written, outputs that are folders, a full disk, /dev/full. Cancellation at every progress step is
// specified beside each call's progress (tests/spec/{io,network,analysis}/progress.spec.cpp).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <new>
#include <string>
#include <vector>

#include <support/catch.hpp>

#include "partnerqi/error.hpp"
#include "partnerqi/io.hpp"
#include "partnerqi/io/detail/atomic_file.hpp"
#include "partnerqi/io/refi_qda.hpp"
#include "partnerqi/model/seed_study.hpp"

#include "failing_allocator.hpp"
#include "full_study.hpp"
#include <unistd.h>

using namespace partnerqi;
using namespace partnerqi::io::testing;
using partnerqi::test::failing_allocation;
namespace fs = std::filesystem;

namespace {

// More allocations than any call here makes; a call that makes more fails the specification.
constexpr std::uint64_t most_allocations = 100'000;

/// Runs `call` with its n-th allocation failing, for n = 1, 2, ... until the call makes fewer
/// than n allocations (it then ran without meeting a failure, and must have succeeded), and
/// `after(threw)` after each run that met the failure (threw: it ended with an exception, as it
/// should, rather than recovering). Returns how many allocations the call makes.
template <class Call, class After>
std::uint64_t fail_each_allocation(Call&& call, After&& after) {
    for (std::uint64_t n = 1; n <= most_allocations; ++n) {
        bool threw = false;
        bool reached = false;
        {
            failing_allocation fail(n);
            try {
                call();
            } catch (const std::bad_alloc&) {
                threw = true;
            } catch (const partnerqi::error&) {
                threw = true;  // the failure reported as the library's error, e.g. save_error
            }
            reached = fail.reached();
        }
        if (!reached) {
            REQUIRE_FALSE(threw);
            return n - 1;
        }
        after(threw);
    }
    FAIL("the call makes more than " << most_allocations << " allocations");
    return most_allocations;
}

/// False, with a message, when allocation failures cannot be injected in this build.
bool injectable() {
    if (partnerqi::test::allocation_failures_injectable()) return true;
    WARN(
        "this build runs under a sanitizer that provides operator new: the allocation "
        "failures are not injected");
    return false;
}

model::case_study earlier_study() {
    return model::case_study("an earlier study", model::date_window::years(2015, 2017));
}

}  // namespace

SCENARIO("an edit of a case study that runs out of memory leaves the study as it was") {
    if (!injectable()) return;
    GIVEN("the illustrated seed study") {
        model::case_study study = model::seed_study_illustrated();
        const model::case_study before = study;
        std::size_t failed = 0, unchanged = 0, recovered = 0;
        auto check = [&](bool threw) {
            if (!threw) {
                ++recovered;
                study = before;
                return;
            }
            ++failed;
            if (study == before) ++unchanged;
        };
        WHEN("a person is added with each of its allocations failing in turn") {
            model::person added = study.all<model::person>().front();
            added.id = {};
            added.code = "NEW-PERSON";
            const std::uint64_t n = fail_each_allocation([&] { study.add(added); }, check);
            THEN("every failed addition left the study unchanged, and the last one added it") {
                CHECK(n > 0);
                CHECK(failed + recovered == n);
                CHECK(unchanged == failed);
                CHECK(study.find<model::person>("NEW-PERSON"));
            }
        }
        WHEN("a source is updated with each of its allocations failing in turn") {
            model::data_source changed = study.all<model::data_source>().front();
            changed.title += " (second reading)";
            const std::uint64_t n = fail_each_allocation([&] { study.update(changed); }, check);
            THEN("every failed update left the study unchanged, and the last one updated it") {
                CHECK(failed + recovered == n);
                CHECK(unchanged == failed);
                CHECK(study.get(changed.id).title == changed.title);
            }
        }
        WHEN("a memo is removed with each of its allocations failing in turn") {
            const model::memo_id gone = study.all<model::memo>().front().id;
            const std::uint64_t n = fail_each_allocation([&] { study.remove(gone); }, check);
            THEN("every failed removal left the study unchanged, and the last one removed it") {
                CHECK(failed + recovered == n);
                CHECK(unchanged == failed);
                CHECK(study.try_get(gone) == nullptr);
            }
        }
    }
}

SCENARIO("a save or an export that runs out of memory leaves the previous file or the new one") {
    if (!injectable()) return;
    GIVEN("files holding an earlier study, and the study's reported facts to write over them") {
        const scratch_dir dir;
        const model::case_study study = model::seed_study_reported();
        const model::case_study earlier = earlier_study();
        struct output {
            const char* what;
            std::string file;
            std::function<void(const model::case_study&, const std::string&)> write;
        };
        const std::vector<output> outputs = {
            {"a case-study file", dir.file("study.pqi"),
             [](const model::case_study& s, const std::string& f) { io::save(s, f); }},
            {"a REFI-QDA project", dir.file("study.qdpx"),
             [](const model::case_study& s, const std::string& f) {
                 static_cast<void>(io::write_qdpx(s, f));
             }}};
        for (const output& out : outputs) {
            WHEN(std::string(out.what) + " is written with each allocation failing in turn") {
                const scratch_dir elsewhere;
                out.write(study, elsewhere.file("new"));
                const std::string whole_new = read_all(elsewhere.file("new"));
                out.write(earlier, out.file);
                std::string before = read_all(out.file);
                std::size_t failed = 0, whole = 0;
                const std::uint64_t n = fail_each_allocation(
                    [&] { out.write(study, out.file); },
                    [&](bool threw) {
                        if (threw) {
                            ++failed;
                            const std::string now = read_all(out.file);
                            if ((now == before || now == whole_new) && entries_in(dir.path()) == 1)
                                ++whole;
                        }
                        // Start again from the earlier study (a failure after the rename may
                        // leave the new one, whole).
                        out.write(earlier, out.file);
                        before = read_all(out.file);
                    });
                THEN(
                    "every failed write left the earlier file or the whole new one, and nothing "
                    "beside it") {
                    CHECK(n > 0);
                    CHECK(failed > 0);
                    CHECK(whole == failed);
                    CHECK(read_all(out.file) == whole_new);  // the last write succeeded
                    CHECK(entries_in(dir.path()) == 1);
                }
            }
        }
    }
}

SCENARIO("a load that runs out of memory returns nothing and leaves the caller's study alone") {
    if (!injectable()) return;
    GIVEN("a file holding the study's reported facts, and a study the caller holds") {
        const scratch_dir dir;
        const std::string file = dir.file("study.pqi");
        io::save(model::seed_study_reported(), file);
        model::case_study held = earlier_study();
        const model::case_study before = held;
        WHEN("the file is loaded into it with each allocation failing in turn") {
            std::size_t failed = 0, untouched = 0;
            const std::uint64_t n = fail_each_allocation([&] { held = io::load(file); },
                                                         [&](bool threw) {
                                                             if (!threw) {
                                                                 held = before;
                                                                 return;
                                                             }
                                                             ++failed;
                                                             if (held == before) ++untouched;
                                                         });
            THEN("every failed load left the caller's study as it was, and the last one loaded") {
                CHECK(n > 0);
                CHECK(failed > 0);
                CHECK(untouched == failed);
                CHECK(held == model::seed_study_reported());
            }
        }
    }
}

SCENARIO("a save or an export that the disk or the folder refuses leaves the previous file") {
    GIVEN("a file and a REFI-QDA project holding an earlier study") {
        const scratch_dir dir;
        const std::string file = dir.file("study.pqi");
        const std::string project = dir.file("study.qdpx");
        io::save(earlier_study(), file);
        static_cast<void>(io::write_qdpx(earlier_study(), project));
        const std::string file_before = read_all(file);
        const std::string project_before = read_all(project);
        const model::case_study study = model::seed_study_illustrated();
        WHEN("the disk fills up after 100 bytes of the new file") {
            io::detail::simulated_full_disk full(100);
            THEN("the save and the export fail with save_error and both files stay as they were") {
                CHECK_THROWS_AS(io::save(study, file), save_error);
                CHECK_THROWS_AS(io::write_qdpx(study, project), save_error);
                CHECK(read_all(file) == file_before);
                CHECK(read_all(project) == project_before);
                CHECK(entries_in(dir.path()) == 2);
            }
        }
        WHEN("the output is /dev/full, a device every write to fails as a full disk does") {
            if (!fs::exists("/dev/full")) WARN("this system has no /dev/full: not checked");
            if (fs::exists("/dev/full")) {
                THEN("the save and the export fail with save_error, and nothing is left beside") {
                    CHECK_THROWS_AS(io::save(study, "/dev/full"), save_error);
                    CHECK_THROWS_AS(io::write_qdpx(study, "/dev/full"), save_error);
                    CHECK(fs::is_character_file("/dev/full"));
                    CHECK(entries_in(dir.path()) == 2);
                }
            }
        }
        WHEN("the output named is a folder") {
            fs::create_directory(dir.file("a folder.qdpx"));
            THEN("the export fails with save_error and the folder stays") {
                CHECK_THROWS_AS(io::write_qdpx(study, dir.file("a folder.qdpx")), save_error);
                CHECK(fs::is_directory(dir.file("a folder.qdpx")));
                CHECK(entries_in(dir.path()) == 3);
            }
        }
        WHEN("the folder cannot be written") {
            fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
            const bool root = ::geteuid() == 0;
            if (root) WARN("running as root, which writes into read-only folders: not checked");
            if (!root) {
                THEN("the save and the export fail with save_error, and both files stay") {
                    CHECK_THROWS_AS(io::save(study, file), save_error);
                    CHECK_THROWS_AS(io::write_qdpx(study, project), save_error);
                    CHECK(read_all(file) == file_before);
                    CHECK(read_all(project) == project_before);
                    CHECK(entries_in(dir.path()) == 2);
                }
            }
            fs::permissions(dir.path(), fs::perms::owner_all);
        }
    }
}
