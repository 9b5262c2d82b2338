// A save killed at any moment leaves the old study or the new one on disk, never a broken file:
// a child process saves in a loop and is killed at random moments.
#include <chrono>
#include <random>
#include <string>
#include <thread>

#include <support/catch.hpp>

#include "partnerqi/io.hpp"
#include "partnerqi/model/seed_study.hpp"

#include "full_study.hpp"
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace partnerqi;
using namespace partnerqi::io::testing;

SCENARIO("a save killed at a random moment leaves the old or the new study on disk") {
    GIVEN("a file holding one study and a process that saves two studies over it in turn") {
        const scratch_dir dir;
        const std::string file = dir.file("study.pqi");
        const model::case_study first = model::seed_study_reported();
        const model::case_study second = full_study();
        io::save(first, file);
        std::mt19937 random(20161107);  // fixed: a failure can be replayed
        std::uniform_int_distribution<int> microseconds(0, 20'000);
        int kills = 0;
        int old_or_new = 0;
        for (int round = 0; round < 200; ++round) {
            const pid_t child = ::fork();
            REQUIRE(child >= 0);
            if (child == 0) {
                for (unsigned i = 0;; ++i) {
                    try {
                        io::save(i % 2 == 0 ? second : first, file);
                    } catch (...) {
                        ::_exit(3);
                    }
                }
            }
            std::this_thread::sleep_for(std::chrono::microseconds(microseconds(random)));
            ::kill(child, SIGKILL);
            int status = 0;
            ::waitpid(child, &status, 0);
            kills += WIFSIGNALED(status) ? 1 : 0;
            const model::case_study on_disk = io::load(file);
            old_or_new += (on_disk == first || on_disk == second) ? 1 : 0;
        }
        THEN("every one of the 200 kills left a file that loads as one of the two studies") {
            CHECK(kills == 200);
            CHECK(old_or_new == 200);
        }
    }
}
