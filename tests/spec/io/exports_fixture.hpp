// A small illustrative case study for the export specification, worked out by hand.
//
// One centre (HCO-T) and a second organization whose code needs quoting. Seven people, in
// vertex (code) order:
//   0 A-1    patient advisor          3 M-MID  mid-level manager     6 X "quoted", \odd
//   1 A-2    patient advisor          4 M-TOP  top-level manager       (other role, ICL, of
//   2 M-FL   front-line manager       5 P-1    provider                 HCO, "east")
// Engagements in 2016 and the ties they make, in edge order:
//   e0 A-1  -> M-FL   gives-feedback-to, consultation, 03-01             (1 event)
//   e1 M-FL -> A-1    prepares (collaboration, 02-01) + supports (partnership, 05-01) (2 events)
//   e2 M-FL -> M-MID  reports-to, information, 04-01
//   e3 M-MID-> M-TOP  reports-to, information, 04-15
//   e4 P-1  -> A-2    consults, consultation, 06-01
//   e5 X    -> P-1    informs, information, 07-01
// Provenance: every record is illustrative but M-TOP (reported) and P-1 (entered by a user),
// and the events M-FL -> A-1 supports (reported) and M-MID -> M-TOP (entered). So tie e1 mixes
// an illustrative and a reported event and is illustrative (the weakest), e3 is user-entered and
// the others illustrative.
// Worked measures (n = 7):
//   degree in/out (events in/out): A-1 1/1 (2/1), A-2 1/0 (1/0), M-FL 1/2 (1/3), M-MID 1/1 (1/1),
//     M-TOP 1/0 (1/0), P-1 1/1 (1/1), X 0/1 (0/1).
//   betweenness (unnormalized): M-FL lies on A-1->M-MID and A-1->M-TOP: 2; M-MID on A-1->M-TOP
//     and M-FL->M-TOP: 2; P-1 on X->A-2: 1; everyone else 0.
//   closeness = (r-1)/s * (r-1)/6 with r people reaching u (u included), s their distances:
//     M-FL at 1 -> 1/6; A-2: P-1 at 1, X at 2 -> 2/3*2/6 = 2/9; M-FL: 1/6;
//     M-MID: M-FL 1, A-1 2 -> 2/9; M-TOP: M-MID 1, M-FL 2, A-1 3 -> 3/6*3/6 = 1/4; P-1: 1/6; X: 0.
//   weak components in order of first appearance: {A-1, M-FL, M-MID, M-TOP} = 0,
//     {A-2, P-1, X} = 1.
//   steps to a top-level manager: M-TOP 0, M-MID 1, M-FL 2, A-1 3; A-2, P-1 and X never reach one.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <partnerqi/model.hpp>

namespace exports_fixture {

namespace model = partnerqi::model;

/// The code of the person whose code and organization need escaping and quoting.
inline const std::string odd_code = "X \"quoted\", \\odd";

inline model::case_study small_study() {
    using model::engagement_kind;
    using model::engagement_level;
    using model::management_tier;
    model::builder b{"Illustrative export study", model::date_window::years(2015, 2017)};
    b.default_provenance(model::provenance::illustrative);
    b.organization("HCO-T").name("Illustrative centre");
    b.organization("HCO, \"east\"").name("Illustrative eastern centre");

    b.advisor("A-1").of("HCO-T").display_name("Ada\nLine");  // personal data, shown only on request
    b.advisor("A-2").of("HCO-T");
    b.manager("M-FL", management_tier::front_line).of("HCO-T");
    b.manager("M-MID", management_tier::mid_level).of("HCO-T");
    b.manager("M-TOP", management_tier::top_level)
        .of("HCO-T")
        .provenance(model::provenance::reported);
    b.provider("P-1").of("HCO-T").provenance(model::provenance::user_entered);
    b.person(odd_code, model::person_role::other).of("HCO, \"east\"").role_label("ICL");

    auto engage = [&](const std::string& from, const std::string& to, const char* on,
                      engagement_kind kind, engagement_level level,
                      model::provenance provenance = model::provenance::illustrative) {
        b.engagement(from, to).on(on).kind(kind).level(level).provenance(provenance);
    };
    engage("M-FL", "A-1", "2016-02-01", engagement_kind::prepares, engagement_level::collaboration);
    engage("A-1", "M-FL", "2016-03-01", engagement_kind::gives_feedback_to,
           engagement_level::consultation);
    engage("M-FL", "M-MID", "2016-04-01", engagement_kind::reports_to,
           engagement_level::information);
    engage("M-MID", "M-TOP", "2016-04-15", engagement_kind::reports_to,
           engagement_level::information, model::provenance::user_entered);
    engage("M-FL", "A-1", "2016-05-01", engagement_kind::supports, engagement_level::partnership,
           model::provenance::reported);
    engage("P-1", "A-2", "2016-06-01", engagement_kind::consults, engagement_level::consultation);
    engage(odd_code, "P-1", "2016-07-01", engagement_kind::informs, engagement_level::information);
    return b.build();
}

/// The whole content of a file (binary, so CRLF stays CRLF).
inline std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The golden file `name` of tests/data/golden-exports. When `actual` differs, it is written
/// beside the test (name + ".actual") so that a reviewer can diff the two.
inline bool matches_golden(const std::string& name, const std::string& actual) {
    const std::string expected =
        read_all(std::string(PARTNERQI_TEST_DATA_DIR) + "/golden-exports/" + name);
    if (expected == actual) return true;
    std::ofstream(name + ".actual", std::ios::binary) << actual;
    return false;
}

}  // namespace exports_fixture
