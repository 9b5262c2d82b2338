// Agreement between coders, checked against published worked examples.
#include "partnerqi/analysis/agreement.hpp"

#include <array>
#include <sstream>
#include <string>
#include <vector>

#include <support/catch.hpp>

#include "partnerqi/analysis/summary.hpp"
#include "partnerqi/model/seed_study.hpp"

#include "mini_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
using analysis::rated_unit;
using partnerqi::test::built;
using partnerqi::test::mini_study;

namespace {

// Reliability data as coders x units, 0 for a missing value, turned into counts per category.
std::vector<rated_unit> counts_of(const std::vector<std::vector<int>>& coders, int categories) {
    std::vector<rated_unit> units;
    for (std::size_t u = 0; u < coders.front().size(); ++u) {
        rated_unit unit{std::vector<std::uint64_t>(static_cast<std::size_t>(categories), 0), 1};
        for (const auto& coder : coders)
            if (coder[u] > 0) ++unit.counts[static_cast<std::size_t>(coder[u] - 1)];
        units.push_back(unit);
    }
    return units;
}

// Ten sources S0..S9 coded by coders A and B with codes X and Y, each code by a 2 x 2 table
// {both, only A, only B, neither}; every source gets a code Z from both coders so that each
// coder rated every source.
case_study two_tables(std::array<int, 4> x, std::array<int, 4> y) {
    builder b = mini_study();
    for (const char* c : {"X", "Y", "Z"})
        b.code(c);
    for (int i = 0; i < 10; ++i) {
        const std::string s = "S" + std::to_string(i);
        b.source(s, source_kind::document).of("ORG");
        b.segment(s, "Z", "A");
        b.segment(s, "Z", "B");
    }
    auto apply = [&](const char* code, std::array<int, 4> t) {
        int i = 0;
        for (int cell = 0; cell < 3; ++cell)
            for (int k = 0; k < t[static_cast<std::size_t>(cell)]; ++k, ++i) {
                const std::string s = "S" + std::to_string(i);
                if (cell == 0 || cell == 1) b.segment(s, code, "A");
                if (cell == 0 || cell == 2) b.segment(s, code, "B");
            }
    };
    apply("X", x);
    apply("Y", y);
    return b.build();
}

const analysis::code_agreement& row_of(const analysis::agreement_report& r,
                                       const std::string& name) {
    for (const auto& c : r.per_code)
        if (c.name == name) return c;
    FAIL("no row for code " << name);
    return r.per_code.front();
}

}  // namespace

SCENARIO("Krippendorff's alpha reproduces Krippendorff's own worked example with missing values") {
    GIVEN("Krippendorff 2011's nominal data: 4 observers, 12 units, values 1 to 5, some missing") {
        const std::vector<std::vector<int>> data{{1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0},
                                                 {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3},
                                                 {0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0},
                                                 {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0}};
        const auto a = analysis::krippendorff_alpha(counts_of(data, 5));
        THEN("alpha is 0.743, from 40 pairable values (unit 12 has one value and drops out)") {
            REQUIRE(a.alpha);
            CHECK(*a.alpha == Approx(0.743).margin(0.0005));
            CHECK(a.pairable_values == 40);
            AND_THEN("the bootstrap interval holds the estimate") {
                REQUIRE(a.low);
                REQUIRE(a.high);
                CHECK(*a.low <= *a.alpha);
                CHECK(*a.alpha <= *a.high);
                CHECK(*a.high <= 1.0);
            }
        }
    }
}

SCENARIO("Fleiss' kappa reproduces Fleiss 1971's 30 patients diagnosed by 6 psychiatrists") {
    // Fleiss 1971, Table 1: per patient, how many of the 6 raters chose depression, personality
    // disorder, schizophrenia, neurosis, other.
    const std::vector<std::vector<std::uint64_t>> table{
        {0, 0, 0, 6, 0}, {0, 3, 0, 0, 3}, {0, 1, 4, 0, 1}, {0, 0, 0, 0, 6}, {0, 3, 0, 3, 0},
        {2, 0, 4, 0, 0}, {0, 0, 4, 0, 2}, {2, 0, 3, 1, 0}, {2, 0, 0, 4, 0}, {0, 0, 0, 0, 6},
        {1, 0, 0, 5, 0}, {1, 1, 0, 4, 0}, {0, 3, 3, 0, 0}, {1, 0, 0, 5, 0}, {0, 2, 0, 3, 1},
        {0, 0, 5, 0, 1}, {3, 0, 0, 1, 2}, {5, 1, 0, 0, 0}, {0, 2, 0, 4, 0}, {1, 0, 2, 0, 3},
        {0, 0, 0, 0, 6}, {0, 1, 0, 5, 0}, {0, 2, 0, 1, 3}, {2, 0, 0, 4, 0}, {1, 0, 0, 4, 1},
        {0, 5, 0, 1, 0}, {4, 0, 0, 0, 2}, {0, 2, 0, 4, 0}, {1, 0, 5, 0, 0}, {0, 0, 0, 0, 6}};
    std::vector<rated_unit> units;
    for (const auto& row : table)
        units.push_back({row, 1});
    const auto k = analysis::fleiss_kappa(units);
    THEN("kappa is 0.430, as Fleiss computes it, over 30 units") {
        REQUIRE(k.kappa);
        CHECK(*k.kappa == Approx(0.430).margin(0.0005));
        CHECK(k.units == 30);
        CHECK(k.observed == Approx(0.5556).margin(0.00005));  // P-bar
    }
    THEN("percent agreement is the share of agreeing pairs of raters") {
        REQUIRE(analysis::percent_agreement(units));
        CHECK(*analysis::percent_agreement(units) == Approx(k.observed));
    }
    THEN("a group of identical units weighs as many units") {
        std::vector<rated_unit> twice = units;
        for (rated_unit& u : twice)
            u.weight = 2;
        CHECK(*analysis::fleiss_kappa(twice).kappa == Approx(*k.kappa));
    }
}

SCENARIO("Cohen's kappa and its standard error reproduce published two-rater examples") {
    GIVEN(
        "Fleiss, Levin & Paik 2003 (Statistical Methods for Rates and Proportions, 3rd ed., "
        "chapter 18): 100 patients diagnosed psychotic, neurotic or organic by two raters") {
        const auto k = analysis::cohen_kappa({{75, 1, 4}, {5, 4, 1}, {0, 0, 10}});
        THEN("po is 0.89, pe 0.66 and kappa 0.676") {
            CHECK(k.observed == Approx(0.89));
            CHECK(k.expected == Approx(0.66));
            REQUIRE(k.kappa);
            CHECK(*k.kappa == Approx(0.676).margin(0.0005));
            REQUIRE(k.standard_error);
            CHECK(*k.standard_error == Approx(0.0877).margin(0.00005));
        }
    }
    GIVEN("the SAS/STAT PROC FREQ agreement example (3 x 3, 19 units)") {
        const auto k = analysis::cohen_kappa({{0, 4, 1}, {0, 8, 0}, {0, 1, 5}});
        THEN("kappa is 0.4842 with ASE 0.1380 and 95% limits 0.2137 and 0.7547") {
            REQUIRE(k.kappa);
            CHECK(*k.kappa == Approx(0.4842).margin(0.00005));
            CHECK(*k.standard_error == Approx(0.1380).margin(0.00005));
            CHECK(*k.low == Approx(0.2137).margin(0.00005));
            CHECK(*k.high == Approx(0.7547).margin(0.00005));
        }
    }
    GIVEN("a 2 x 2 textbook table: both yes 20, only A 5, only B 10, both no 15") {
        const auto k = analysis::cohen_kappa({{20, 5}, {10, 15}});
        THEN("po is 0.70, pe 0.50 and kappa 0.40") {
            REQUIRE(k.kappa);
            CHECK(*k.kappa == Approx(0.4));
            CHECK(k.units == 50);
        }
    }
    GIVEN("two coders who put every unit in one category") {
        THEN("kappa is undefined (0/0), not 0 or 1") {
            CHECK_FALSE(analysis::cohen_kappa({{4, 0}, {0, 0}}).kappa);
            CHECK_FALSE(analysis::cohen_kappa({{0, 0}, {0, 0}}).kappa);
        }
    }
    GIVEN("a table that is not square") {
        THEN("the request is refused") {
            CHECK_THROWS_AS(analysis::cohen_kappa({{1, 2}, {3}}), invalid_request_error);
        }
    }
}

SCENARIO("the pooled kappa of de Vries et al. is not the kappa of the summed table") {
    GIVEN("two codes over 10 sources: X with kappa -0.11 and Y with kappa 0.62") {
        // X: both 0, only A 1, only B 1, neither 8. Y: both 8, only A 0, only B 1, neither 1.
        const case_study s = two_tables({0, 1, 1, 8}, {8, 0, 1, 1});
        analysis::agreement_options o;
        o.codes = {s.require<code>("X"), s.require<code>("Y")};
        const auto r = analysis::coder_agreement(s, {}, o);
        THEN("the codes' kappas are -0.11 and 0.62") {
            REQUIRE(r.per_code.size() == 2);
            CHECK(*row_of(r, "X").statistics.cohen.kappa == Approx(-0.111).margin(0.0005));
            CHECK(*row_of(r, "Y").statistics.cohen.kappa == Approx(0.615).margin(0.0005));
        }
        THEN("the pooled kappa is 0.32: mean po 0.85, mean pe 0.78") {
            // po: .80 and .90; pe: .82 and .74; (0.85 - 0.78) / (1 - 0.78) = 7/22.
            REQUIRE(r.overall.cohen.kappa);
            CHECK(r.overall.cohen.observed == Approx(0.85));
            CHECK(r.overall.cohen.expected == Approx(0.78));
            CHECK(*r.overall.cohen.kappa == Approx(7.0 / 22.0));
        }
        THEN("the collapsed kappa of the summed table would say 0.70") {
            CHECK(*analysis::cohen_kappa({{8, 1}, {2, 9}}).kappa == Approx(0.70));
        }
        THEN("the text names the pooled statistic and the unit") {
            const std::string text = analysis::to_text(r);
            CHECK(text.find("presence of a code in a source") != std::string::npos);
            const auto at = text.find("Cohen's kappa, pooled (de Vries et al. 2008)");
            REQUIRE(at != std::string::npos);
            CHECK(text.find(" 0.318 ", at) < text.find('\n', at));
        }
    }
}

SCENARIO("a coder who did not code a source is missing there, not absent") {
    GIVEN("coders A and B code S1 and S2 alike, and only A codes S3") {
        builder b = mini_study();
        b.code("X");
        b.code("Y");
        for (const char* src : {"S1", "S2", "S3"})
            b.source(src, source_kind::document).of("ORG");
        for (const char* coder : {"A", "B"}) {
            b.segment("S1", "X", coder);
            b.segment("S2", "Y", coder);
        }
        b.segment("S3", "X", "A");
        const built m{b.build()};
        const auto r = analysis::coder_agreement(m.s);
        THEN("S3 is no unit of agreement, so the coders agree perfectly on 2 sources x 2 codes") {
            CHECK(r.sources == 3);
            CHECK(r.overall.units == 4);
            REQUIRE(r.overall.percent);
            CHECK(*r.overall.percent == Approx(1.0));
            CHECK(*r.overall.alpha.alpha == Approx(1.0));
            CHECK(r.disagreements.items.empty());
        }
    }
}

SCENARIO("three coders with missing data: alpha and Fleiss' kappa on the same units") {
    GIVEN("coders A, B and C; C did not code S4") {
        builder b = mini_study();
        b.code("X");
        b.code("other");
        for (const char* src : {"S1", "S2", "S3", "S4"}) {
            b.source(src, source_kind::document).of("ORG");
            for (const char* coder : {"A", "B", "C"})
                if (std::string(src) != "S4" || std::string(coder) != "C")
                    b.segment(src, "other", coder);
        }
        b.segment("S1", "X", "A");
        b.segment("S1", "X", "B");
        b.segment("S1", "X", "C");
        b.segment("S2", "X", "A");
        b.segment("S4", "X", "B");
        const built m{b.build()};
        analysis::agreement_options o;
        o.codes = {m.s.require<code>("X")};
        const auto r = analysis::coder_agreement(m.s, {}, o);
        THEN("Cohen's kappa is not computed for three coders") {
            CHECK(r.coders.size() == 3);
            CHECK_FALSE(r.per_code.at(0).statistics.cohen.kappa);
        }
        THEN("alpha is that of the reliability data with C's value on S4 missing") {
            // X applied (1) or not (2): A 1 1 2 2, B 1 2 2 1, C 1 2 2 -.
            const auto expected = analysis::krippendorff_alpha(
                counts_of({{1, 1, 2, 2}, {1, 2, 2, 1}, {1, 2, 2, 0}}, 2));
            REQUIRE(r.per_code.at(0).statistics.alpha.alpha);
            CHECK(*r.per_code.at(0).statistics.alpha.alpha == Approx(*expected.alpha));
            CHECK(r.per_code.at(0).statistics.units == 4);
        }
        THEN("the disagreements name who applied the code, who did not, and where") {
            REQUIRE(r.disagreements.items.size() == 2);
            const auto& d = r.disagreements.items[0];
            CHECK(d.source_code == "S2");
            CHECK(d.applied_by == std::vector<std::string>{"A"});
            CHECK(d.not_applied_by == std::vector<std::string>{"B", "C"});
            REQUIRE(d.positions.size() == 1);
            CHECK(d.positions[0].coder == "A");
            CHECK(r.disagreements.items[1].not_applied_by == std::vector<std::string>{"A"});
        }
    }
}

SCENARIO("character units count every character of a source as NVivo's coding comparison does") {
    GIVEN("a source of 10 characters; A codes characters 0-5 with X, B codes 2-7") {
        builder b = mini_study();
        b.code("X");
        b.source("S1", source_kind::document).of("ORG").text("abcdefghij");
        b.segment("S1", "X", "A").span(0, 6);
        b.segment("S1", "X", "B").span(2, 8);
        const built m{b.build()};
        analysis::agreement_options o;
        o.unit = analysis::agreement_unit::character;
        const auto r = analysis::coder_agreement(m.s, {}, o);
        THEN("4 characters are coded by both, 2 by A only, 2 by B only and 2 by neither") {
            // po = 6/10; each coder codes 6 of 10: pe = .36 + .16 = .52; kappa = .08/.48.
            const auto& x = r.per_code.at(0).statistics;
            CHECK(x.units == 10);
            CHECK(*x.percent == Approx(0.6));
            REQUIRE(x.cohen.kappa);
            CHECK(*x.cohen.kappa == Approx(0.08 / 0.48));
            CHECK(*analysis::cohen_kappa({{4, 2}, {2, 2}}).kappa == Approx(*x.cohen.kappa));
        }
        THEN("the disagreements are the two stretches coded by one coder only") {
            REQUIRE(r.disagreements.items.size() == 2);
            CHECK(r.disagreements.items[0].positions.at(0).begin == 0);
            CHECK(r.disagreements.items[0].positions.at(0).end == 2);
            CHECK(r.disagreements.items[0].applied_by == std::vector<std::string>{"A"});
            CHECK(r.disagreements.items[1].positions.at(0).begin == 6);
            CHECK(r.disagreements.items[1].applied_by == std::vector<std::string>{"B"});
            std::ostringstream csv;
            analysis::write_csv(csv, r.disagreements);
            CHECK(csv.str() ==
                  "source,code,applied_by,not_applied_by,positions\r\nS1,X,A,B,0-2\r\nS1,X,B,A,"
                  "6-8\r\n");
        }
        THEN("the text says the unit is the character") {
            CHECK(analysis::to_text(r).find("each character of a source") != std::string::npos);
        }
    }
    GIVEN("a text with two-byte characters") {
        builder b = mini_study();
        b.code("X");
        // "é" is two bytes in UTF-8: the text has 4 characters in 6 bytes.
        b.source("S1", source_kind::document).of("ORG").text("\xC3\xA9t\xC3\xA9s");
        b.segment("S1", "X", "A").span(0, 3);
        b.segment("S1", "X", "B").span(0, 6);
        const built m{b.build()};
        analysis::agreement_options o;
        o.unit = analysis::agreement_unit::character;
        const auto r = analysis::coder_agreement(m.s, {}, o);
        THEN("units are characters, not bytes") {
            CHECK(r.per_code.at(0).statistics.units == 4);
            CHECK(*r.per_code.at(0).statistics.percent == Approx(0.5));
        }
    }
}

SCENARIO("agreement is not assessable with fewer than two coders") {
    builder b = mini_study();
    b.code("X");
    b.source("S1", source_kind::document).of("ORG");
    b.segment("S1", "X", "A");
    const built m{b.build()};
    const auto r = analysis::coder_agreement(m.s);
    CHECK(r.status == analysis::assessment::not_assessable);
    CHECK(r.reason.find("only A coded") != std::string::npos);
    CHECK(analysis::to_text(r).find("not assessable") != std::string::npos);
    std::ostringstream csv;
    analysis::write_csv(csv, r);
    CHECK(csv.str().find("\r\n") == csv.str().size() - 2);  // the header only
}

SCENARIO("coders named in the options must exist and be named once") {
    const case_study s = seed_study_illustrated();
    analysis::agreement_options o;
    o.coders = {"coder-A", "coder-Z"};
    CHECK_THROWS_AS(analysis::coder_agreement(s, {}, o), invalid_request_error);
    o.coders = {"coder-A", "coder-A"};
    CHECK_THROWS_AS(analysis::coder_agreement(s, {}, o), invalid_request_error);
}

SCENARIO("the summary reports the agreement of the seed study's coders") {
    const case_study s = seed_study_illustrated();
    const auto summary = analysis::summary(s);
    REQUIRE(summary.agreement);
    // The seed's two coders code the same spans: 6 interviews x 2 codes, all present for both.
    CHECK(summary.agreement->coders == std::vector<std::string>{"coder-A", "coder-B"});
    CHECK(summary.agreement->disagreements.items.empty());
    CHECK(*summary.agreement->overall.percent == Approx(1.0));
    bool table = false, list = false;
    for (const auto& t : analysis::csv_tables(summary)) {
        table = table || t.file_name == "coder-agreement.csv";
        list = list || t.file_name == "coder-disagreements.csv";
    }
    CHECK(table);
    CHECK(list);
}
