#include "partnerqi/analysis/coding.hpp"

#include <sstream>

#include <support/catch.hpp>

#include "partnerqi/model/seed_study.hpp"

#include "mini_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
using partnerqi::test::built;
using partnerqi::test::mini_study;

SCENARIO("the coders of a study are listed once each, sorted") {
    CHECK(analysis::coders(seed_study_illustrated()) ==
          std::vector<std::string>{"coder-A", "coder-B"});
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
