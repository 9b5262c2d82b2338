// The synthetic generator invents partnerships of any size for benchmarks and tests: it must
// honour the sizes asked for, give the same records for the same seed, pass every check of
// the model, and look like a real partnership network (a few very connected people, teams
// with one to four advisors, most ties inside one organization).
#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

#include <support/catch.hpp>

#include <partnerqi/model.hpp>
#include <partnerqi/model/synthetic.hpp>

using namespace partnerqi::model;
using partnerqi::invalid_request_error;
using partnerqi::model::detail::make_synthetic_case_study;
using partnerqi::model::detail::make_synthetic_data;
using partnerqi::model::detail::synthetic_options;

namespace {

synthetic_options small_options(std::uint64_t seed) {
    synthetic_options o;
    o.seed = seed;
    o.people = 2'000;
    o.engagements = 20'000;
    o.organizations = 2;
    return o;
}

// Engagement events per person, in and out together.
std::vector<std::uint32_t> events_per_person(const case_study& s) {
    std::vector<std::uint32_t> degree(s.all<person>().size(), 0);
    for (const engagement& e : s.all<engagement>()) {
        ++degree[e.from.value - 1];
        ++degree[e.to.value - 1];
    }
    return degree;
}

}  // namespace

SCENARIO("a synthetic partnership has exactly the people and engagement events asked for") {
    GIVEN("options for 2000 people, 20000 engagements and 2 organizations") {
        const synthetic_options o = small_options(7);
        WHEN("the case study is generated") {
            const case_study s = make_synthetic_case_study(o);
            THEN("it holds those counts, and the derived counts follow the people") {
                CHECK(s.all<person>().size() == 2'000);
                CHECK(s.all<engagement>().size() == 20'000);
                CHECK(s.all<organization>().size() == 2);
                // One enactment per 5 people: 2000 / 5 = 400.
                CHECK(s.all<practice_enactment>().size() == 400);
                // One source per 100 people (20), at least 2 per organization (4): 20 sources,
                // with 5 coded segments each: 100.
                CHECK(s.all<data_source>().size() == 20);
                CHECK(s.all<coded_segment>().size() == 100);
                // The default catalog has 18 practices; the codebook 4 categories + 18 practices.
                CHECK(s.all<practice>().size() == 18);
                CHECK(s.all<code>().size() == 22);
                // Three whole years, one wave each; one case per organization.
                CHECK(s.all<wave>().size() == 3);
                CHECK(s.all<study_case>().size() == 2);
            }
        }
    }
}

SCENARIO("the same seed gives the same synthetic case study and another seed a different one") {
    GIVEN("two generations with seed 42 and one with seed 43") {
        const case_study a = make_synthetic_case_study(small_options(42));
        const case_study b = make_synthetic_case_study(small_options(42));
        const case_study c = make_synthetic_case_study(small_options(43));
        THEN("the two seed-42 studies are equal record for record") {
            CHECK(a == b);
            CHECK(a.all<engagement>() == b.all<engagement>());
        }
        THEN("the seed-43 study differs in who engages whom") {
            CHECK(a != c);
            CHECK(a.all<engagement>() != c.all<engagement>());
        }
    }
}

SCENARIO("a synthetic case study passes every check of the model and is marked illustrative") {
    GIVEN("a generated case study") {
        const case_study s = make_synthetic_case_study(small_options(3));
        THEN("validating it again finds nothing at fault") { CHECK_NOTHROW(s.validate()); }
        THEN("every record that carries a provenance is illustrative, never reported") {
            auto illustrative = [](const auto& records) {
                return std::all_of(records.begin(), records.end(), [](const auto& r) {
                    return r.provenance == provenance::illustrative;
                });
            };
            CHECK(illustrative(s.all<organization>()));
            CHECK(illustrative(s.all<person>()));
            CHECK(illustrative(s.all<qi_team>()));
            CHECK(illustrative(s.all<qi_activity>()));
            CHECK(illustrative(s.all<practice>()));
            CHECK(illustrative(s.all<practice_enactment>()));
            CHECK(illustrative(s.all<engagement>()));
            CHECK(illustrative(s.all<data_source>()));
            CHECK(illustrative(s.all<source_total>()));
            CHECK(illustrative(s.all<study_case>()));
        }
        THEN("every organization has managers at each of the three tiers") {
            for (const organization& org : s.all<organization>()) {
                std::set<management_tier> tiers;
                for (const person& p : s.all<person>())
                    if (p.organization == org.id && p.tier) tiers.insert(*p.tier);
                CHECK(tiers.size() == 3);
            }
        }
    }
}

SCENARIO("in a synthetic partnership a few people gather many engagements while most have few") {
    GIVEN("10000 people with 100000 engagement events, about 20 per person") {
        synthetic_options o;
        o.people = 10'000;
        o.engagements = 100'000;
        const case_study s = make_synthetic_case_study(o);
        WHEN("events are counted per person") {
            std::vector<std::uint32_t> degree = events_per_person(s);
            std::sort(degree.begin(), degree.end());
            const std::uint32_t median = degree[degree.size() / 2];
            const std::uint32_t most = degree.back();
            THEN("the most engaged person has at least ten times the median") {
                // Uniform choice would give a Poisson-like spread: with a mean of 20 the
                // maximum stays near 40, twice the median. Preferential attachment makes the
                // tail heavy: the maximum runs into the hundreds.
                CHECK(median > 0);
                CHECK(most >= 10 * median);
            }
        }
    }
}

SCENARIO("every synthetic QI team has one to four patient advisors") {
    GIVEN("a generated case study") {
        const case_study s = make_synthetic_case_study(small_options(5));
        THEN("each team, clinical or committee, counts between 1 and 4 advisors") {
            REQUIRE(s.all<qi_team>().size() > 2);
            for (const qi_team& t : s.all<qi_team>()) {
                std::size_t advisors = 0;
                for (const team_membership& m : t.members)
                    if (s.get(m.person).role == person_role::patient_advisor) ++advisors;
                CHECK(advisors >= 1);
                CHECK(advisors <= 4);
            }
        }
    }
}

SCENARIO("most synthetic engagements join two people of the same organization") {
    GIVEN("10 organizations and 90 percent of engagements drawn inside one") {
        synthetic_options o;
        o.people = 5'000;
        o.engagements = 50'000;
        o.organizations = 10;
        o.within_organization_percent = 90;
        const case_study s = make_synthetic_case_study(o);
        THEN("between 85 and 95 percent of engagements stay inside an organization") {
            // 90% drawn inside, plus about a tenth of the other 10% landing back home: ~91%.
            std::size_t inside = 0;
            for (const engagement& e : s.all<engagement>())
                if (s.get(e.from).organization == s.get(e.to).organization) ++inside;
            CHECK(inside * 100 >= 85 * s.all<engagement>().size());
            CHECK(inside * 100 <= 95 * s.all<engagement>().size());
        }
    }
}

SCENARIO("synthetic options out of range are refused with a message") {
    GIVEN("40 people asked for in 3 organizations, fewer than 20 each") {
        synthetic_options o;
        o.people = 40;
        o.organizations = 3;
        THEN("generation is refused") {
            CHECK_THROWS_AS(make_synthetic_data(o), invalid_request_error);
        }
    }
    GIVEN("a window running past the year 2199") {
        synthetic_options o;
        o.first_year = 2190;
        o.years = 20;
        THEN("generation is refused") {
            CHECK_THROWS_AS(make_synthetic_data(o), invalid_request_error);
        }
    }
}
