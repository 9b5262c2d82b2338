// The long measures say how far they are and stop when asked, on any number of threads.
#include "partnerqi/progress.hpp"

#include <string>
#include <vector>

#include <support/catch.hpp>

#include "partnerqi/model/synthetic.hpp"
#include "partnerqi/network/measures.hpp"

using namespace partnerqi;

namespace {

network::engagement_graph graph_of(std::uint32_t people) {
    model::detail::synthetic_options options;
    options.people = people;
    options.engagements = people * 5;
    return network::build(model::detail::make_synthetic_case_study(options));
}

// The reports of one call, and a flag raised at the n-th report (never when n is 0).
struct watcher {
    explicit watcher(std::size_t stop_at_report = 0) : stop_at(stop_at_report) {}
    std::size_t stop_at;
    std::vector<progress_report> reports;
    std::vector<std::string> steps;
    cancellation_flag flag;
    run_control control() {
        run_control c;
        c.cancel = &flag;
        c.progress = [this](const progress_report& r) {
            reports.push_back(r);
            steps.emplace_back(r.step);
            if (reports.size() == stop_at) flag.raise();
        };
        return c;
    }
};

}  // namespace

SCENARIO("betweenness, closeness and every measure report the sources they have searched") {
    GIVEN("the engagement network of 700 people") {
        const network::engagement_graph g = graph_of(700);
        for (const unsigned threads : {1u, 2u}) {
            WHEN("the measures run on " + std::to_string(threads) + " threads, watched") {
                watcher b, c, m;
                const auto between = network::betweenness(g, threads, b.control());
                const auto close = network::closeness(g, threads, c.control());
                const auto all = network::measure(g, threads, m.control());
                THEN("each reports in order up to every person, and gives the unwatched result") {
                    for (const watcher* w : {&b, &c, &m}) {
                        REQUIRE(!w->reports.empty());
                        for (std::size_t i = 1; i < w->reports.size(); ++i)
                            CHECK(w->reports[i - 1].done <= w->reports[i].done);
                        CHECK(w->reports.back().done == 700);
                        CHECK(w->reports.back().total == 700);
                        CHECK(w->reports.size() <= 260);
                    }
                    CHECK(b.steps.front() == "betweenness");
                    CHECK(c.steps.front() == "closeness");
                    CHECK(between.raw.values == network::betweenness(g, 1).raw.values);
                    CHECK(close.values == network::closeness(g, 1).values);
                    CHECK(all.closeness.values == close.values);
                }
            }
        }
    }
}

SCENARIO("a measure cancelled at any of its progress reports stops with partnerqi::cancelled") {
    GIVEN("the engagement network of 300 people") {
        const network::engagement_graph g = graph_of(300);
        watcher all_b, all_c;
        static_cast<void>(network::betweenness(g, 1, all_b.control()));
        static_cast<void>(network::closeness(g, 1, all_c.control()));
        for (const unsigned threads : {1u, 2u}) {
            WHEN("the flag is raised at each report in turn, on " + std::to_string(threads) +
                 " threads") {
                std::size_t cancelled_b = 0;
                for (std::size_t n = 1; n <= all_b.reports.size(); ++n) {
                    watcher w(n);
                    try {
                        static_cast<void>(network::betweenness(g, threads, w.control()));
                    } catch (const cancelled& e) {
                        CHECK(std::string(e.what()).find("betweenness was cancelled") == 0);
                        ++cancelled_b;
                    }
                }
                std::size_t cancelled_c = 0;
                for (std::size_t n = 1; n <= all_c.reports.size(); ++n) {
                    watcher w(n);
                    try {
                        static_cast<void>(network::closeness(g, threads, w.control()));
                    } catch (const cancelled&) {
                        ++cancelled_c;
                    }
                }
                THEN("every one of those calls is cancelled") {
                    CHECK(all_b.reports.size() > 100);
                    CHECK(cancelled_b == all_b.reports.size());
                    CHECK(cancelled_c == all_c.reports.size());
                }
            }
        }
    }
}

SCENARIO("building the network reports its phases and stops between two of them when asked") {
    GIVEN("a study of 500 people") {
        model::detail::synthetic_options options;
        options.people = 500;
        options.engagements = 2500;
        const model::case_study study = model::detail::make_synthetic_case_study(options);
        WHEN("it is built, watched") {
            watcher all;
            const network::engagement_graph g = network::build(study, {}, all.control());
            THEN("it reports its five phases in order, and builds the same network") {
                REQUIRE(all.reports.size() == 5);
                for (std::size_t i = 0; i < 5; ++i)
                    CHECK(all.reports[i].done == i + 1);
                CHECK(all.steps.front() == "building the network");
                CHECK(g.num_ties() == network::build(study).num_ties());
            }
            AND_WHEN("the flag is raised at each phase in turn") {
                std::size_t cancelled_builds = 0;
                for (std::size_t n = 1; n <= 5; ++n) {
                    watcher w(n);
                    try {
                        static_cast<void>(network::build(study, {}, w.control()));
                    } catch (const cancelled&) {
                        ++cancelled_builds;
                    }
                }
                THEN("every build is cancelled") { CHECK(cancelled_builds == 5); }
            }
        }
    }
}
