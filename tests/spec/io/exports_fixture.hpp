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
#include <optional>
#include <sstream>
#include <string>

#include <partnerqi/model.hpp>

namespace exports_fixture {

namespace model = partnerqi::model;

/// The code of the person whose code and organization need escaping and quoting.
inline const std::string odd_code = "X \"quoted\", \\odd";

inline model::case_study small_study() {
    model::case_study s{"Illustrative export study", model::date_window::years(2015, 2017)};
    model::organization centre;
    centre.code = "HCO-T";
    centre.name = "Illustrative centre";
    centre.provenance = model::provenance::illustrative;
    const auto hco = s.add(centre);
    model::organization east;
    east.code = "HCO, \"east\"";
    east.name = "Illustrative eastern centre";
    east.provenance = model::provenance::illustrative;
    const auto other_org = s.add(east);

    auto person = [&](const std::string& code, model::person_role role,
                      std::optional<model::management_tier> tier = std::nullopt,
                      model::organization_id org = {}) {
        model::person p;
        p.code = code;
        p.role = role;
        p.tier = tier;
        p.organization = org.valid() ? org : hco;
        p.provenance = model::provenance::illustrative;
        if (code == "A-1") p.display_name = "Ada\nLine";  // personal data, shown only on request
        if (role == model::person_role::other) p.role_label = "ICL";
        return s.add(p);
    };
    using model::management_tier;
    using model::person_role;
    const auto a1 = person("A-1", person_role::patient_advisor);
    const auto a2 = person("A-2", person_role::patient_advisor);
    const auto fl = person("M-FL", person_role::manager, management_tier::front_line);
    const auto mid = person("M-MID", person_role::manager, management_tier::mid_level);
    const auto top = person("M-TOP", person_role::manager, management_tier::top_level);
    const auto p1 = person("P-1", person_role::provider);
    const auto x = person(odd_code, person_role::other, std::nullopt, other_org);

    auto engage = [&](model::person_id from, model::person_id to, const char* on,
                      model::engagement_kind kind, model::engagement_level level) {
        model::engagement e;
        e.from = from;
        e.to = to;
        e.on = model::date::from_iso(on);
        e.kind = kind;
        e.level = level;
        e.provenance = model::provenance::illustrative;
        s.add(e);
    };
    using model::engagement_kind;
    using model::engagement_level;
    engage(fl, a1, "2016-02-01", engagement_kind::prepares, engagement_level::collaboration);
    engage(a1, fl, "2016-03-01", engagement_kind::gives_feedback_to, engagement_level::consultation);
    engage(fl, mid, "2016-04-01", engagement_kind::reports_to, engagement_level::information);
    engage(mid, top, "2016-04-15", engagement_kind::reports_to, engagement_level::information);
    engage(fl, a1, "2016-05-01", engagement_kind::supports, engagement_level::partnership);
    engage(p1, a2, "2016-06-01", engagement_kind::consults, engagement_level::consultation);
    engage(x, p1, "2016-07-01", engagement_kind::informs, engagement_level::information);
    return s;
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
    const std::string expected = read_all(std::string(PARTNERQI_TEST_DATA_DIR) + "/golden-exports/" + name);
    if (expected == actual) return true;
    std::ofstream(name + ".actual", std::ios::binary) << actual;
    return false;
}

}  // namespace exports_fixture
