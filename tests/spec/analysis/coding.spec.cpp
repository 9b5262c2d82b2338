#include <sstream>

#include <support/catch.hpp>

#include "builder.hpp"
#include "partnerqi/analysis/coding.hpp"
#include "partnerqi/model/seed_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
using partnerqi::test::mini_study;

namespace {

source_id add_source(mini_study& m, const std::string& code) {
    data_source s;
    s.code = code;
    s.kind = source_kind::document;
    s.organization = m.org;
    s.provenance = provenance::illustrative;
    return m.s.add(s);
}

void code_it(mini_study& m, source_id src, code_id c, const std::string& coder) {
    coded_segment seg;
    seg.source = src;
    seg.code = c;
    seg.coder = coder;
    m.s.add(seg);
}

code_id add_code(mini_study& m, const std::string& name) {
    code c;
    c.name = name;
    return m.s.add(c);
}

}  // namespace

SCENARIO("kappa of two identical codings is 1") {
    GIVEN("two coders who apply X to S1 and S2 and Y to S3, identically") {
        mini_study m;
        auto x = add_code(m, "X"), y = add_code(m, "Y");
        auto s1 = add_source(m, "S1"), s2 = add_source(m, "S2"), s3 = add_source(m, "S3");
        for (const char* coder : {"A", "B"}) {
            code_it(m, s1, x, coder);
            code_it(m, s2, x, coder);
            code_it(m, s3, y, coder);
        }
        auto r = analysis::cohen_kappa(m.s, "A", "B");
        THEN("3 sources x 2 codes give 6 units: 3 present for both, 3 absent for both, and kappa 1") {
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
        mini_study m;
        auto yes = add_code(m, "yes");
        analysis::kappa_options o;
        for (int i = 0; i < 50; ++i) {
            auto src = add_source(m, "S" + std::to_string(i));
            o.sources.push_back(src);
            if (i < 25) code_it(m, src, yes, "A");             // A: yes on 0..24
            if (i < 20 || (i >= 25 && i < 35)) code_it(m, src, yes, "B");  // B: yes on 0..19 and 25..34
        }
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
    auto prep = *s.find_code("managing-integration/preparing advisors");
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
        auto parent = *s.find_code("managing-integration");
        o.selection.codes = {parent};
        CHECK(analysis::matrix_coding(s, {}, o).cells[0] == std::vector<std::size_t>{0, 0, 0, 0});
        o.selection.include_descendants = true;
        CHECK(analysis::matrix_coding(s, {}, o).cells[0] == std::vector<std::size_t>{4, 4, 4, 0});
    }
}

SCENARIO("code frequencies and co-occurrence count within sources") {
    auto s = seed_study_illustrated();
    auto freq = analysis::code_frequencies(s);
    auto prep = *s.find_code("managing-integration/preparing advisors");
    auto eval = *s.find_code("evaluating-integration");
    auto row = [&](code_id id) {
        return *std::find_if(freq.codes.begin(), freq.codes.end(), [&](const auto& c) { return c.code == id; });
    };
    CHECK(row(prep).segments == 12);
    CHECK(row(prep).sources == 6);
    CHECK(row(prep).people == 6);
    CHECK(row(prep).coders == 2);
    CHECK(row(*s.find_code("designing")).segments == 0);
    auto co = analysis::code_cooccurrence(s);
    REQUIRE(co.pairs.size() == 1);
    CHECK(co.pairs[0].sources == 6);
    CHECK(((co.pairs[0].first == eval && co.pairs[0].second == prep) ||
           (co.pairs[0].first == prep && co.pairs[0].second == eval)));
    CHECK(co.pairs[0].first < co.pairs[0].second);
}

SCENARIO("segments link evidence to the practice enactments they support") {
    mini_study m;
    auto mid = m.manager("MID", management_tier::mid_level);
    auto backed = m.enact(m.practice("MAN", practice_category::managing_integration), mid, "2020-02-01");
    m.enact(m.practice("EVA", practice_category::evaluating_integration), mid, "2020-03-01");
    auto src = add_source(m, "INT-1");
    coded_segment seg;
    seg.source = src;
    seg.code = add_code(m, "preparing");
    seg.coder = "A";
    seg.supports = {backed};
    auto sid = m.s.add(seg);
    auto r = analysis::practice_evidence(m.s);
    REQUIRE(r.enactments.size() == 2);
    CHECK(r.enactments[0].segments == std::vector<segment_id>{sid});
    CHECK(r.enactments[1].segments.empty());
    CHECK(r.with_evidence == 1);
    CHECK(r.without_evidence == 1);
}

SCENARIO("coding results export as CSV with quoted fields") {
    mini_study m;
    auto c = add_code(m, "voice, \"heard\"");
    code_it(m, add_source(m, "S1"), c, "A");
    std::ostringstream csv;
    analysis::write_csv(csv, analysis::code_frequencies(m.s));
    // RFC 4180: a field with a comma or quote is quoted and inner quotes doubled; CRLF ends records.
    CHECK(csv.str() == "code,segments,sources,people,coders\r\n\"voice, \"\"heard\"\"\",1,1,0,1\r\n");
}
