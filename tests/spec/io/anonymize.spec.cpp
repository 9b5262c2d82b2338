// An anonymized copy can be shared: nothing that the registry marks as identifying survives in
// the file or in any export, dates are generalized or shifted, and the disclosure risk of what
// remains is measured as k-anonymity.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include <support/catch.hpp>
#include <support/messages.hpp>

#include "partnerqi/io.hpp"
#include "partnerqi/io/detail/text_replacer.hpp"
#include "partnerqi/model/builder.hpp"
#include "partnerqi/network.hpp"

#include "full_study.hpp"

using namespace partnerqi;
using namespace partnerqi::io::testing;
using partnerqi::test::mentions;
using partnerqi::test::message_of;

namespace {

const std::string salt = "a long secret salt";

io::deidentified anonymized(const model::case_study& study, io::deidentify_options options = {}) {
    return io::deidentify(study, salt, options);
}

// Every original value (three characters or longer) of the fields with one of the `marked` uses.
template <class Record>
void collect_marked(const Record& r, unsigned marked, std::set<std::string>& values) {
    model::for_each_field<Record>([&](const auto& d) {
        const auto& value = r.*(d.member);
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) {
            if ((d.use & marked) != 0 && value.size() >= 3) values.insert(value);
        } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
            if ((d.use & marked) != 0 && value && value->size() >= 3) values.insert(*value);
        } else if constexpr (model::is_vector<T>::value) {
            if constexpr (model::is_record_v<typename T::value_type>)
                for (const auto& item : value)
                    collect_marked(item, marked, values);
        }
    });
}

std::set<std::string> marked_values(const model::case_study& study, unsigned marked) {
    std::set<std::string> values;
    model::for_each_type(model::record_kinds{}, [&](auto* tag) {
        using Kind = std::remove_pointer_t<decltype(tag)>;
        for (const Kind& r : study.all<Kind>())
            collect_marked(r, marked, values);
    });
    return values;
}

// The words of the documented vocabulary of generalized values: an original value that is one
// of them (a role label "patient advisor") may appear as the generalized value itself.
bool is_vocabulary(const std::string& value) {
    static const std::vector<std::string> vocabulary = {"top-level manager",
                                                        "mid-level manager",
                                                        "front-line manager",
                                                        "patient advisor",
                                                        "provider",
                                                        "partnership coordinator",
                                                        "coach",
                                                        "researcher",
                                                        "other role",
                                                        "physician",
                                                        "nurse",
                                                        "allied health professional",
                                                        "administrative staff",
                                                        "other profession"};
    for (const std::string& word : vocabulary)
        if (word.find(value) != std::string::npos) return true;
    return false;
}

// True when `value` occurs in `bytes` as a whole: not inside a longer code or word ("T-X" is
// not found in "INT-X").
bool holds(const std::string& bytes, const std::string& value) {
    const auto is_word = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
    };
    for (auto at = bytes.find(value); at != std::string::npos; at = bytes.find(value, at + 1)) {
        const bool starts = at == 0 || !is_word(bytes[at - 1]);
        const std::size_t end = at + value.size();
        if (starts && (end == bytes.size() || !is_word(bytes[end]))) return true;
    }
    return false;
}

// The texts of the fields no anonymization touches, and the study's title and description: a
// free text whose words are also there (a source titled "focus group" beside the reported total
// of focus groups) tells nothing more.
std::string unmarked_texts(const model::case_study& study) {
    std::string texts = study.title() + "\n" + study.description() + "\n";
    model::for_each_type(model::record_kinds{}, [&](auto* tag) {
        using Kind = std::remove_pointer_t<decltype(tag)>;
        for (const Kind& r : study.all<Kind>()) {
            model::for_each_field<Kind>([&](const auto& d) {
                constexpr unsigned marked = model::field_use::identifying |
                                            model::field_use::personal |
                                            model::field_use::free_text;
                if constexpr (std::is_same_v<std::decay_t<decltype(r.*(d.member))>, std::string>)
                    if ((d.use & marked) == 0) texts += r.*(d.member) + "\n";
            });
        }
    });
    return texts;
}

// Every byte a user could share: the file and every export of it.
std::vector<std::pair<std::string, std::string>> shared_bytes(const model::case_study& study) {
    const network::engagement_graph graph = network::build(study);
    std::ostringstream graphml;
    io::write_graphml(graphml, study, graph);
    std::ostringstream csv;
    io::write_metrics_csv(csv, network::metrics_of(study, graph));
    std::ostringstream gexf;
    io::write_gexf(gexf, study, graph);
    const scratch_dir dir;
    const std::filesystem::path tables = std::filesystem::path(dir.path()) / "tables";
    io::write_tables(study, tables);
    std::string table_bytes;
    for (const auto& entry : std::filesystem::directory_iterator(tables)) {
        if (entry.path().extension() != ".csv") continue;  // README.txt is the same for all
        std::ifstream in(entry.path(), std::ios::binary);
        table_bytes += std::string(std::istreambuf_iterator<char>(in), {});
    }
    return {{"the case-study file (text)", saved_bytes(study, io::encoding::portable_text)},
            {"the case-study file (XML)", saved_bytes(study, io::encoding::xml)},
            {"the DOT picture", io::to_dot(study, graph)},
            {"the GraphML export", graphml.str()},
            {"the GEXF export", gexf.str()},
            {"the metrics CSV", csv.str()},
            {"the CSV tables", table_bytes}};
}

// Two providers in one team who differ only in profession, three identical advisors and one
// top-level manager: a study small enough to count equivalence classes by hand.
model::case_study small_team() {
    model::builder b{"Small team study at Saint-Anselme hospital",
                     model::date_window::years(2016, 2016)};
    b.organization("ST-ANSELME").name("Saint-Anselme hospital").region("Bas-Saint-Laurent");
    b.manager("M-VP", model::management_tier::top_level)
        .of("ST-ANSELME")
        .role_label("VP of quality and patient experience");
    b.provider("PR-1", "nurse clinician").of("ST-ANSELME");
    b.provider("PR-2", "psychologist").of("ST-ANSELME");
    for (const char* code : {"PA-1", "PA-2", "PA-3"})
        b.advisor(code).of("ST-ANSELME");
    b.team("T-ONCO")
        .of("ST-ANSELME")
        .name("Oncology day-centre QI team")
        .clinical_area("oncology")
        .member("PR-1", "head nurse")
        .member("PR-2", "psychologist")
        .member("PA-1", "patient advisor")
        .member("PA-2", "patient advisor")
        .member("PA-3", "patient advisor");
    b.engagement("M-VP", "PA-1").on("2016-03-14");
    b.engagement("PR-1", "PA-2").on("2016-05-20");
    return b.build();
}

}  // namespace

SCENARIO("texts are scrubbed of many words in one pass") {
    GIVEN("codes that are prefixes of one another and replacements that contain codes") {
        io::detail::text_replacer scrub;
        scrub.add("M-TOP-1", "P-MG-1a");
        scrub.add("M-TOP-10", "P-MG-2b");
        scrub.add("abc", "abcabc");
        THEN("the longest code at a position wins") {
            CHECK(scrub("M-TOP-10 met M-TOP-1") == "P-MG-2b met P-MG-1a");
        }
        THEN("what a replacement wrote is never replaced again") {
            CHECK(scrub("abc abc") == "abcabc abcabc");
        }
    }
    GIVEN("words that overlap") {
        io::detail::text_replacer scrub;
        scrub.add("ab", "1");
        scrub.add("bcd", "2");
        scrub.add("cd", "3");
        THEN("matches are taken leftmost first, then longest") { CHECK(scrub("abcd") == "13"); }
    }
}

SCENARIO("an anonymized copy keeps no identifying value in the file or any export") {
    GIVEN("the full illustrative study, anonymized with the defaults") {
        const model::case_study original = full_study();
        const io::deidentified copy = anonymized(original);
        std::set<std::string> identifying =
            marked_values(original, model::field_use::identifying | model::field_use::personal);
        for (const model::person& p : original.all<model::person>())
            identifying.insert(p.code);
        const std::set<std::string> free_texts =
            marked_values(original, model::field_use::free_text);
        const std::string unmarked = unmarked_texts(original);
        REQUIRE(identifying.size() > 30);
        THEN("no original value of a marked field appears in the bytes a user can share") {
            for (const auto& [what, bytes] : shared_bytes(copy.study)) {
                for (const std::string& value : identifying) {
                    if (is_vocabulary(value)) continue;
                    INFO(what << " still holds \"" << value << "\"");
                    CHECK_FALSE(holds(bytes, value));
                }
                for (const std::string& value : free_texts) {
                    if (holds(unmarked, value)) continue;
                    INFO(what << " still holds the free text \"" << value << "\"");
                    CHECK_FALSE(holds(bytes, value));
                }
            }
        }
        THEN("the network keeps its people and ties") {
            CHECK(network::build(copy.study).num_people() == network::build(original).num_people());
            CHECK(copy.study.all<model::engagement>().size() ==
                  original.all<model::engagement>().size());
        }
        THEN("organizations and teams have neutral names") {
            for (const auto& o : copy.study.all<model::organization>()) {
                CHECK(o.code.rfind("ORG-", 0) == 0);
                CHECK(o.name.rfind("Organization ", 0) == 0);
                CHECK(o.region.empty());
            }
            for (const auto& t : copy.study.all<model::qi_team>()) {
                CHECK(t.code.rfind("TEAM-", 0) == 0);
                CHECK(t.name.rfind("Team ", 0) == 0);
                CHECK(t.clinical_area.empty());
            }
        }
        THEN("every date keeps only its year") {
            for (const auto& e : copy.study.all<model::engagement>()) {
                CHECK(e.on.month() == 1);
                CHECK(e.on.day() == 1);
            }
            CHECK(copy.study.window().first().month() == 1);
            CHECK(copy.study.window().last().month() == 12);
            CHECK(copy.study.window().last().day() == 31);
        }
    }
}

SCENARIO("job titles, professions and team roles become generalized words") {
    GIVEN("a small team with unique job titles") {
        const io::deidentified copy = anonymized(small_team());
        THEN("the VP's title becomes her role and tier") {
            bool found = false;
            for (const auto& p : copy.study.all<model::person>())
                found = found || p.role_label == "top-level manager";
            CHECK(found);
        }
        THEN("team roles become the members' roles") {
            for (const auto& m : copy.study.all<model::qi_team>().front().members)
                CHECK((m.role_in_team == "provider" || m.role_in_team == "patient advisor"));
        }
        THEN("the study's title loses the organization's name") {
            CHECK_FALSE(mentions(copy.study.title(), "Saint-Anselme"));
            CHECK(mentions(copy.study.title(), "Organization A"));
        }
    }
    GIVEN("a team whose clinical area the user keeps on purpose") {
        io::deidentify_options options;
        options.keep = {"teams.clinical_area"};
        const io::deidentified copy = anonymized(small_team(), options);
        THEN("the clinical area stays and the disclosure report says it was kept") {
            CHECK(copy.study.all<model::qi_team>().front().clinical_area == "oncology");
            bool said = false;
            for (const std::string& action : copy.risk.actions)
                said = said || action == "teams.clinical_area kept on request";
            CHECK(said);
        }
    }
    THEN("keeping a field that is not identifying is refused with the list of those that are") {
        io::deidentify_options options;
        options.keep = {"people.tier"};
        const std::string message =
            message_of<invalid_request_error>([&] { (void)anonymized(small_team(), options); });
        CHECK(mentions(message, "people.tier"));
        CHECK(mentions(message, "teams.clinical_area"));
    }
}

SCENARIO("the disclosure-risk report counts equivalence classes as k-anonymity does") {
    GIVEN("a small team anonymized with k = 2") {
        io::deidentify_options options;
        options.k = 2;
        const io::deidentified copy = anonymized(small_team(), options);
        THEN("the two providers, told apart only by profession, lose it by local suppression") {
            for (const auto& p : copy.study.all<model::person>())
                if (p.role == model::person_role::provider) CHECK(p.profession.empty());
            bool said = false;
            for (const std::string& action : copy.risk.actions)
                said = said || mentions(action, "local suppression");
            CHECK(said);
        }
        THEN("the top-level manager stays alone in her class and is reported") {
            REQUIRE(copy.risk.at_risk.size() == 1);
            CHECK(copy.risk.at_risk.front().class_size == 1);
            CHECK(copy.risk.at_risk.front().code.rfind("P-MG-", 0) == 0);
            CHECK(copy.risk.smallest_class == 1);
            CHECK_FALSE(copy.risk.meets_threshold());
        }
    }
    GIVEN("the same team with the manager's tier shared by nobody and k = 1") {
        io::deidentify_options options;
        options.k = 1;
        THEN("k below 2 is refused: a class of one is a person") {
            CHECK_THROWS_AS(anonymized(small_team(), options), invalid_request_error);
        }
    }
}

SCENARIO("dates can be shifted by a keyed offset that keeps every interval") {
    GIVEN("a small team anonymized with shifted dates") {
        io::deidentify_options options;
        options.dates = io::date_treatment::shift;
        const model::case_study original = small_team();
        const io::deidentified copy = anonymized(original, options);
        const auto& before = original.all<model::engagement>();
        const auto& after = copy.study.all<model::engagement>();
        REQUIRE(after.size() == 2);
        THEN("the days between two engagements are the same") {
            CHECK(model::days_between(after[0].on, after[1].on) ==
                  model::days_between(before[0].on, before[1].on));
        }
        THEN("the dates moved by the same offset as the study window") {
            CHECK(model::days_between(before[0].on, after[0].on) ==
                  model::days_between(original.window().first(), copy.study.window().first()));
        }
        THEN("the same salt gives the same offset") {
            CHECK(anonymized(original, options).study == copy.study);
        }
    }
}
