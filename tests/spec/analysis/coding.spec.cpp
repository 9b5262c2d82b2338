#include "partnerqi/analysis/coding.hpp"

#include <sstream>

#include <support/catch.hpp>

#include "partnerqi/model/seed_study.hpp"

#include "mini_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
using partnerqi::test::built;
using partnerqi::test::mini_study;

SCENARIO("kappa of two identical codings is 1") {
    GIVEN("two coders who apply X to S1 and S2 and Y to S3, identically") {
        builder b = mini_study();
        b.code("X");
        b.code("Y");
        for (const char* source : {"S1", "S2", "S3"})
            b.source(source, source_kind::document).of("ORG");
        for (const char* coder : {"A", "B"}) {
            b.segment("S1", "X", coder);
            b.segment("S2", "X", coder);
            b.segment("S3", "Y", coder);
        }
        const built m{b.build()};
        auto r = analysis::cohen_kappa(m.s, "A", "B");
        THEN(
            "3 sources x 2 codes give 6 units: 3 present for both, 3 absent for both, and kappa "
            "1") {
            // po = 6/6 = 1; each coder says present on 3 of 6: pe = .5*.5 + .5*.5 = .5;
            // kappa = (1 - .5) / (1 - .5) = 1.
            CHECK(r.counts.both == 3);
            CHECK(r.counts.neither == 3);
            CHECK(r.observed == Approx(1.0));
            CHECK(r.expected == Approx(0.5));
            REQUIRE(r.kappa);
            CHECK(*r.kappa == Approx(1.0));
        }
    }
}

SCENARIO("kappa matches a worked example") {
    // The textbook example (Wikipedia, "Cohen's kappa"): 50 units, both yes 20, A yes B no 5,
    // A no B yes 10, both no 15. po = 35/50 = .70; A says yes 25/50 = .5, B 30/50 = .6;
    // pe = .5*.6 + .5*.4 = .50; kappa = (.70 - .50)/(1 - .50) = .40. sklearn agrees:
    // cohen_kappa_score([1]*20+[1]*5+[0]*10+[0]*15, [1]*20+[0]*5+[1]*10+[0]*15) == 0.4.
    GIVEN("the 2 x 2 table alone") {
        auto k = analysis::cohen_kappa(analysis::agreement_counts{20, 5, 10, 15});
        REQUIRE(k);
        CHECK(*k == Approx(0.4));
    }
    GIVEN("the same ratings as 50 sources coded with one code") {
        builder b = mini_study();
        b.code("yes");
        for (int i = 0; i < 50; ++i) {
            const std::string src = "S" + std::to_string(i);
            b.source(src, source_kind::document).of("ORG");
            if (i < 25) b.segment(src, "yes", "A");  // A: yes on 0..24
            if (i < 20 || (i >= 25 && i < 35))
                b.segment(src, "yes", "B");  // B: yes on 0..19 and 25..34
        }
        const built m{b.build()};
        analysis::kappa_options o;
        for (const data_source& src : m.s.all<data_source>())
            o.sources.push_back(src.id);
        auto r = analysis::cohen_kappa(m.s, "A", "B", {}, o);
        THEN("the counts and kappa are those of the example") {
            CHECK(r.counts.both == 20);
            CHECK(r.counts.only_a == 5);
            CHECK(r.counts.only_b == 10);
            CHECK(r.counts.neither == 15);
            CHECK(r.observed == Approx(0.7));
            CHECK(r.expected == Approx(0.5));
            REQUIRE(r.kappa);
            CHECK(*r.kappa == Approx(0.4));
        }
    }
    GIVEN("a second published example: 45, 15, 25, 15 out of 100") {
        // po = .60; A yes .60, B yes .70; pe = .42 + .12 = .54; kappa = .06/.46 = 0.1304.
        auto k = analysis::cohen_kappa(analysis::agreement_counts{45, 15, 25, 15});
        REQUIRE(k);
        CHECK(*k == Approx(0.130435).epsilon(1e-4));
    }
}

SCENARIO("kappa is undefined when both coders rate every unit the same way") {
    // pe = 1, so kappa is 0/0 (sklearn returns nan).
    CHECK_FALSE(analysis::cohen_kappa(analysis::agreement_counts{4, 0, 0, 0}));
    CHECK_FALSE(analysis::cohen_kappa(analysis::agreement_counts{}));
}

SCENARIO("agreement needs two different coders who both coded something") {
    auto s = seed_study_illustrated();
    CHECK_THROWS_AS(analysis::cohen_kappa(s, "coder-A", "coder-A"), invalid_request_error);
    CHECK_THROWS_AS(analysis::cohen_kappa(s, "coder-A", "coder-Z"), invalid_request_error);
    CHECK(analysis::coders(s) == std::vector<std::string>{"coder-A", "coder-B"});
    auto r = analysis::cohen_kappa(s, "coder-A", "coder-B");
    // The seed's two coders code the same spans: 6 interviews x 2 codes, all present for both.
    CHECK(r.counts.both == 12);
    CHECK_FALSE(r.kappa);
}

SCENARIO("matrix coding counts segments, sources or people per tier") {
    // The seed has 6 interviews (one per tier and case), each coded by 2 coders with the
    // preparing-advisors code and the evaluating-integration code.
    auto s = seed_study_illustrated();
    auto prep = s.require<code>("managing-integration/preparing advisors");
    analysis::matrix_coding_options o;
    o.selection.codes = {prep};
    WHEN("counting segments") {
        auto m = analysis::matrix_coding(s, {}, o);
        THEN("each tier has 2 cases x 2 coders = 4 segments, and no segment lacks a tier") {
            REQUIRE(m.column_labels.size() == 4);
            CHECK(m.cells[0] == std::vector<std::size_t>{4, 4, 4, 0});
        }
    }
    WHEN("counting sources or people") {
        o.count = analysis::coding_count::sources;
        CHECK(analysis::matrix_coding(s, {}, o).cells[0] == std::vector<std::size_t>{2, 2, 2, 0});
        o.count = analysis::coding_count::people;
        CHECK(analysis::matrix_coding(s, {}, o).cells[0] == std::vector<std::size_t>{2, 2, 2, 0});
    }
    WHEN("only coder-A's coding counts") {
        o.selection.coder = "coder-A";
        CHECK(analysis::matrix_coding(s, {}, o).cells[0] == std::vector<std::size_t>{2, 2, 2, 0});
    }
    WHEN("columns are cases or waves") {
        o.columns = analysis::coding_columns::study_case;
        CHECK(analysis::matrix_coding(s, {}, o).cells[0] == std::vector<std::size_t>{6, 6, 0});
        o.columns = analysis::coding_columns::wave;
        // Waves W1, W2, W3, then "(not set)": every interview is in W2.
        CHECK(analysis::matrix_coding(s, {}, o).cells[0] == std::vector<std::size_t>{0, 12, 0, 0});
    }
    WHEN("a parent code aggregates its children's coding") {
        auto parent = s.require<code>("managing-integration");
        o.selection.codes = {parent};
        CHECK(analysis::matrix_coding(s, {}, o).cells[0] == std::vector<std::size_t>{0, 0, 0, 0});
        o.selection.include_descendants = true;
        CHECK(analysis::matrix_coding(s, {}, o).cells[0] == std::vector<std::size_t>{4, 4, 4, 0});
    }
}

SCENARIO("code frequencies and co-occurrence count within sources") {
    auto s = seed_study_illustrated();
    auto freq = analysis::code_frequencies(s);
    auto prep = s.require<code>("managing-integration/preparing advisors");
    auto eval = s.require<code>("evaluating-integration");
    auto row = [&](code_id id) {
        return *std::find_if(freq.codes.begin(), freq.codes.end(),
                             [&](const auto& c) { return c.code == id; });
    };
    CHECK(row(prep).segments == 12);
    CHECK(row(prep).sources == 6);
    CHECK(row(prep).people == 6);
    CHECK(row(prep).coders == 2);
    CHECK(row(s.require<code>("designing")).segments == 0);
    auto co = analysis::code_cooccurrence(s);
    REQUIRE(co.pairs.size() == 1);
    CHECK(co.pairs[0].sources == 6);
    CHECK(((co.pairs[0].first == eval && co.pairs[0].second == prep) ||
           (co.pairs[0].first == prep && co.pairs[0].second == eval)));
    CHECK(co.pairs[0].first < co.pairs[0].second);
}

SCENARIO("segments link evidence to the practice enactments they support") {
    builder b = mini_study();
    b.manager("MID", management_tier::mid_level).of("ORG");
    b.practice("MAN", practice_category::managing_integration);
    b.practice("EVA", practice_category::evaluating_integration);
    const enactment_line backed = b.enactment("MAN", "MID").on("2020-02-01");
    b.enactment("EVA", "MID").on("2020-03-01");
    b.source("INT-1", source_kind::document).of("ORG");
    b.code("preparing");
    b.segment("INT-1", "preparing", "A").supports(backed);
    const built m{b.build()};
    const auto sid = m.s.all<coded_segment>().front().id;
    auto r = analysis::practice_evidence(m.s);
    REQUIRE(r.enactments.size() == 2);
    CHECK(r.enactments[0].segments == std::vector<segment_id>{sid});
    CHECK(r.enactments[1].segments.empty());
    CHECK(r.with_evidence == 1);
    CHECK(r.without_evidence == 1);
}

SCENARIO("coding results export as CSV with quoted fields") {
    builder b = mini_study();
    b.code("voice, \"heard\"");
    b.source("S1", source_kind::document).of("ORG");
    b.segment("S1", "voice, \"heard\"", "A");
    const built m{b.build()};
    std::ostringstream csv;
    analysis::write_csv(csv, analysis::code_frequencies(m.s));
    // RFC 4180: a field with a comma or quote is quoted and inner quotes doubled; CRLF ends
    // records.
    CHECK(csv.str() ==
          "code,segments,sources,people,coders\r\n\"voice, \"\"heard\"\"\",1,1,0,1\r\n");
}
