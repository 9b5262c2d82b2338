#include "full_study.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

#include "partnerqi/model/builder.hpp"
#include "partnerqi/model/seed_study.hpp"

namespace partnerqi::io::testing {

using namespace partnerqi::model;

case_study full_study() {
    case_study seed = seed_study_illustrated();
    // The golden files froze the seed as it was when they were written, when the reported
    // activities carried partnerqi's classification as reported: put those records back so the
    // study below stays the one the files hold.
    for (const qi_activity& a : std::vector<qi_activity>(seed.all<qi_activity>())) {
        if (a.provenance != provenance::illustrative ||
            a.note.find("classification") == std::string::npos)
            continue;
        qi_activity frozen = a;
        frozen.provenance = provenance::reported;
        frozen.note = "reported activity; its kind is partnerqi's classification";
        seed.update(std::move(frozen));
    }
    const date_window whole_study = seed.window();
    builder b{std::move(seed)};
    b.description(
        "Two cases of the seed study, with illustrative detail.\n"
        "Line two: <markup> & \"quotes\" 'apostrophes', accents: é à ü, tab\there.");
    b.default_provenance(provenance::illustrative);

    b.organization("HCO-X")
        .name("Semi-urban centre <illustrative>")
        .kind("community health centre")
        .setting(setting::semi_urban)
        .region("Région des Îles")
        .program("Partners & Friends")
        .partnership_model("Montreal model")
        .note("a note\nover two lines");

    auto described = [](person_line p, const std::string& code) {
        p.of("HCO-X")
            .display_name("Name of " + code)
            .role_label("label of " + code)
            .note("note on " + code);
    };
    described(b.manager("X-MGR", management_tier::front_line), "X-MGR");
    described(b.advisor("X-PA"), "X-PA");
    described(b.provider("X-NURSE", "nurse"), "X-NURSE");
    described(b.person("X-COACH", person_role::coach), "X-COACH");

    b.team("T-X")
        .of("HCO-X")
        .name("Team X")
        .clinical_area("geriatrics")
        .unit("day hospital")
        .level(team_level::organizational_committee)
        .note("team note")
        .member("X-MGR", "chair")
        .joined("2015-03-01")
        .left("2017-06-30")
        .member("X-PA", "patient advisor")
        .joined("2015-04-01")
        .member("X-NURSE");

    b.activity("A-X")
        .of("HCO-X")
        .team("T-X")
        .title("Co-designing the discharge letter")
        .level(activity_level::other)
        .kind(activity_kind::co_designing_care_process)
        .level_reached(engagement_level::partnership)
        .start("2016-01-01")
        .end("2016-12-31")
        .advisor("X-PA")
        .note("activity note");

    b.practice("X-practice", practice_category::evaluating_integration)
        .name("Asking advisors how it went")
        .description("after each meeting");
    const enactment_line asked = b.enactment("X-practice", "X-MGR")
                                     .on("2016-06-01")
                                     .of("HCO-X")
                                     .team("T-X")
                                     .target("X-PA")
                                     .target("X-NURSE")
                                     .note("enactment note");

    b.engagement("X-COACH", "X-PA")
        .kind(engagement_kind::coaches)
        .level(engagement_level::collaboration)
        .on("2016-02-02")
        .activity("A-X");

    b.wave("W-X", whole_study).label("whole study");

    b.source("INT-X", source_kind::interview)
        .title("interview with the front-line manager")
        .on("2016-07-07")
        .wave("W-X")
        .of("HCO-X")
        .participant("X-MGR")
        .tier(management_tier::front_line)
        .text("X-MGR said: we ask Name of X-PA after each meeting.");
    b.source("FG-X", source_kind::focus_group)
        .title("focus group")
        .participant("X-PA")
        .participant("X-NURSE")
        .composition(group_composition::patients_and_providers)
        .text(std::string("bytes \x01\x7f and a NUL: ") + std::string(1, '\0') + " end");

    b.total(source_kind::interview, 3)
        .of("HCO-X")
        .tier(management_tier::front_line)
        .description("interviews with front-line managers of HCO-X");

    b.code("X/evaluating")
        .definition("evaluation codes of case X")
        .category(practice_category::evaluating_integration);
    b.code("X/evaluating/asking")
        .parent("X/evaluating")
        .definition("asking advisors")
        .category(practice_category::evaluating_integration)
        .practice("X-practice");

    b.segment("INT-X", "X/evaluating/asking", "coder-X").span(0, 5).text("X-MGR").supports(asked);

    b.memo("memo about X-MGR")
        .text("X-MGR (Name of X-MGR) asks every time.")
        .on("2017-01-01")
        .source("INT-X")
        .code("X/evaluating/asking");

    b.study_case("case-X").label("case X").of("HCO-X").team("T-X");
    case_study study = b.build();

    // Evaluation records and the influence log (case-study format 2): an item of the user's own
    // with wording, a response about no team and no wave, an input quoting a segment.
    evaluation_item own;
    own.code = "X-OWN-1";
    own.instrument = evaluation_instrument::user_defined;
    own.domain = "feeling heard <own>";
    own.scale_min = 0;
    own.scale_max = 10;
    own.scale_labels = "0 = not at all; 10 = \"completely\"";
    own.wording = "Did the team act on what you said? (wording licensed to case X)";
    own.provenance = provenance::user_entered;
    evaluation_response answer;
    answer.respondent = study.require<person>("X-PA");
    answer.item = study.add(own);
    answer.value = 7;
    answer.provenance = provenance::illustrative;
    study.add(answer);
    advisor_input said;
    said.code = "IN-X";
    said.advisor = study.require<person>("X-PA");
    said.kind = input_kind::concern;
    said.summary = "the letter uses jargon & abbreviations";
    said.team = study.require<qi_team>("T-X");
    said.activity = study.require<qi_activity>("A-X");
    said.on = date::from_iso("2016-03-01");
    said.source = study.require<data_source>("INT-X");
    said.segment = study.all<coded_segment>().back().id;
    said.decision = decision_outcome::adapted;
    said.decided_by = study.require<person>("X-MGR");
    said.decided_on = date::from_iso("2016-04-01");
    said.decision_source = said.source;
    said.change = change_kind::document;
    said.change_summary = "plain-language discharge letter";
    said.changed_on = date::from_iso("2016-09-01");
    said.provenance = provenance::illustrative;
    said.note = "input note";
    study.add(said);
    return study;
}

std::string saved_bytes(const case_study& study, encoding format) {
    std::ostringstream out(std::ios::out | std::ios::binary);
    save(study, out, save_options{format});
    return std::move(out).str();
}

std::string read_all(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::size_t entries_in(const std::string& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir))
        ++n;
    return n;
}

case_study load_bytes(const std::string& bytes, const load_limits& limits) {
    std::istringstream in(bytes, std::ios::in | std::ios::binary);
    return load(in, limits);
}

scratch_dir::scratch_dir() {
    std::random_device random;
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    std::filesystem::path p =
        std::filesystem::temp_directory_path() /
        ("partnerqi-io-" + std::to_string(stamp) + "-" + std::to_string(random()));
    std::filesystem::create_directories(p);
    path_ = p.string();
}

scratch_dir::~scratch_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace partnerqi::io::testing
