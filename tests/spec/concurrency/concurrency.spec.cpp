// Many requests of a service read the same case study at once: const calls on one object, and
// free functions taking it by const reference, may run concurrently and give the results one
// thread gives.
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <support/catch.hpp>

#include "partnerqi/model/synthetic.hpp"
#include "partnerqi/partnerqi.hpp"

#include <unistd.h>

using namespace partnerqi;
namespace fs = std::filesystem;

namespace {

constexpr int thread_count = 4;

model::case_study shared_study() {
    model::detail::synthetic_options options;
    options.people = 600;
    options.engagements = 3000;
    return model::detail::make_synthetic_case_study(options);
}

// What one request computes from the shared study, the shared graph and the shared file, as
// text, so that the results of all threads can be compared byte for byte.
struct request_results {
    std::string loaded_summary;
    std::string measures;
    std::string summary;
    std::string audit;
    std::string matrix;
    std::string graphml;
    std::string gexf;
    std::string dot;
    std::string saved;
};

bool operator==(const request_results& a, const request_results& b) {
    return a.loaded_summary == b.loaded_summary && a.measures == b.measures &&
           a.summary == b.summary && a.audit == b.audit && a.matrix == b.matrix &&
           a.graphml == b.graphml && a.gexf == b.gexf && a.dot == b.dot && a.saved == b.saved;
}

std::string measures_text(const network::network_measures& m) {
    std::ostringstream out;
    out.precision(17);
    for (const double b : m.betweenness.raw.values)
        out << b << ' ';
    out << '\n';
    for (const double c : m.closeness.values)
        out << c << ' ';
    return out.str();
}

request_results serve(const model::case_study& study, const network::engagement_graph& graph,
                      const fs::path& file, unsigned measure_threads) {
    request_results r;
    r.loaded_summary = analysis::to_text(analysis::summary(io::load(file)));
    r.measures = measures_text(network::measure(graph, measure_threads));
    r.summary = analysis::to_text(analysis::summary(study));
    r.audit = analysis::to_text(analysis::tokenism_audit(study));
    r.matrix = analysis::to_text(analysis::practice_matrix(study));
    std::ostringstream graphml;
    io::write_graphml(graphml, study, graph);
    r.graphml = graphml.str();
    std::ostringstream gexf;
    io::write_gexf(gexf, study, graph);
    r.gexf = gexf.str();
    r.dot = io::to_dot(study, network::build(study));
    std::ostringstream saved;
    io::save(study, saved);
    r.saved = saved.str();
    return r;
}

// A file of this process under the temporary folder, removed at the end of the scenario.
struct temp_file {
    fs::path path = fs::temp_directory_path() /
                    ("partnerqi-concurrency-" + std::to_string(::getpid()) + ".pqi");
    ~temp_file() {
        std::error_code ignored;
        fs::remove(path, ignored);
    }
};

}  // namespace

SCENARIO("several threads serve requests on one case study at once") {
    GIVEN("one case study, its engagement graph and its file, shared by every thread") {
        const model::case_study study = shared_study();
        const network::engagement_graph graph = network::build(study);
        const temp_file file;
        io::save(study, file.path);
        const request_results alone = serve(study, graph, file.path, 1);
        WHEN(std::to_string(thread_count) +
             " threads load, measure, analyse, export and save it at the same time") {
            std::vector<request_results> results(thread_count);
            std::vector<std::thread> threads;
            for (int t = 0; t < thread_count; ++t)
                threads.emplace_back([&, t] {
                    // Half of the requests measure on two threads of their own.
                    results[static_cast<std::size_t>(t)] =
                        serve(study, graph, file.path, t % 2 == 0 ? 1u : 2u);
                });
            for (std::thread& thread : threads)
                thread.join();
            THEN("every thread gets exactly what one thread alone gets") {
                for (const request_results& r : results)
                    CHECK(r == alone);
            }
        }
    }
}

SCENARIO("threads that each save their own study at once do not disturb each other") {
    GIVEN("one study per thread, and a folder for their files") {
        const fs::path dir = fs::temp_directory_path() /
                             ("partnerqi-concurrent-saves-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        WHEN("each thread edits its own copy, saves it and loads it back, many times") {
            std::vector<int> round_trips(thread_count, 0);
            std::vector<std::thread> threads;
            const model::case_study original = shared_study();
            for (int t = 0; t < thread_count; ++t)
                threads.emplace_back([&, t] {
                    model::case_study own = original;
                    own.set_title("study of thread " + std::to_string(t));
                    const fs::path file = dir / ("thread-" + std::to_string(t) + ".pqi");
                    for (int i = 0; i < 5; ++i) {
                        io::save(own, file);
                        if (io::load(file).title() == own.title())
                            ++round_trips[static_cast<std::size_t>(t)];
                    }
                });
            for (std::thread& thread : threads)
                thread.join();
            fs::remove_all(dir);
            THEN("every save of every thread loads back as that thread's study") {
                for (const int n : round_trips)
                    CHECK(n == 5);
            }
        }
    }
}

SCENARIO("another thread can cancel a running load") {
    GIVEN("a study of 5000 people in a file") {
        const temp_file file;
        model::detail::synthetic_options options;
        options.people = 5'000;
        options.engagements = 25'000;
        io::save(model::detail::make_synthetic_case_study(options), file.path);
        WHEN("a second thread raises the flag while the load is under way") {
            // The load waits in its first report until the other thread has raised the flag,
            // so that the test does not depend on how threads are scheduled.
            cancellation_flag flag;
            std::atomic<bool> started{false};
            run_control control;
            control.cancel = &flag;
            control.progress = [&](const progress_report&) {
                if (started.exchange(true)) return;
                while (!flag.raised())
                    std::this_thread::yield();
            };
            std::thread canceller([&] {
                while (!started.load())
                    std::this_thread::yield();
                flag.raise();
            });
            bool was_cancelled = false;
            try {
                static_cast<void>(io::load(file.path, {}, control));
            } catch (const cancelled&) {
                was_cancelled = true;
            }
            canceller.join();
            THEN(
                "the load stops with partnerqi::cancelled, and loads again once the flag is "
                "lowered") {
                CHECK(was_cancelled);
                flag.reset();
                CHECK(io::load(file.path, {}, control).all<model::person>().size() == 5'000);
                CHECK(started.load());
            }
        }
    }
}
