// Every public enum of partnerqi, whatever its layer, names itself one way: one spelling per
// value, written by to_string, read back by parse, and listed when a spelling is wrong.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <support/catch.hpp>

#include "partnerqi/network/reach.hpp"
#include <partnerqi/partnerqi.hpp>

namespace analysis = partnerqi::analysis;
namespace io = partnerqi::io;
namespace model = partnerqi::model;

namespace {

template <class... Enums>
struct enum_list {};

// Every enum declared in include/partnerqi; the last scenario checks that none is missing.
using every_public_enum = enum_list<
    partnerqi::load_error_category, model::management_tier, model::person_role,
    model::practice_category, model::engagement_level, model::engagement_kind,
    model::activity_level, model::activity_kind, model::team_level, model::source_kind,
    model::group_composition, model::provenance, model::setting, model::carman_level,
    model::iap2_level, model::arnstein_rung, model::arnstein_group, model::evaluation_instrument,
    model::input_kind, model::decision_outcome, model::change_kind, analysis::gripp2_status,
    analysis::coding_columns, analysis::coding_count, analysis::loop_status, analysis::indicator,
    analysis::indicator_scope, analysis::record_kind, analysis::practice_grouping,
    analysis::assessment, io::encoding, io::picture_format, io::deidentify_level,
    io::date_treatment, io::csv_cells, partnerqi::figure, partnerqi::network::tie_direction,
    partnerqi::network::voice_flow, analysis::agreement_unit>;

template <class... Enums>
std::set<std::string> names_of(enum_list<Enums...>) {
    return {std::string(partnerqi::enum_traits<Enums>::name)...};
}

template <class Enum>
std::string parse_error_message(const std::string& text) {
    try {
        (void)partnerqi::parse<Enum>(text);
    } catch (const partnerqi::parse_error& e) {
        return e.what();
    }
    return "";
}

template <class Enum>
void check_round_trip() {
    INFO("enum " << partnerqi::enum_traits<Enum>::name);
    std::set<std::string> seen;
    for (Enum value : partnerqi::enum_traits<Enum>::values) {
        const std::string text(to_string(value));
        INFO("spelling \"" << text << "\"");
        CHECK(text != "invalid");
        CHECK_FALSE(text.empty());
        CHECK(text.find(' ') == std::string::npos);  // one word a user can type
        CHECK(partnerqi::parse<Enum>(text) == value);
        CHECK(seen.insert(text).second);  // no two values share a spelling
    }
    CHECK(to_string(static_cast<Enum>(200)) == "invalid");
    CHECK_FALSE(partnerqi::is_valid(static_cast<Enum>(200)));
}

template <class Enum>
void check_wrong_spelling() {
    INFO("enum " << partnerqi::enum_traits<Enum>::name);
    const std::string message = parse_error_message<Enum>("no-such-value");
    CHECK(message.find("unknown " + std::string(partnerqi::enum_traits<Enum>::name)) !=
          std::string::npos);
    CHECK(message.find("\"no-such-value\"") != std::string::npos);
    CHECK(message.find("use one of: " + partnerqi::accepted_spellings<Enum>()) !=
          std::string::npos);
}

template <class... Enums>
void check_every(enum_list<Enums...>) {
    (check_round_trip<Enums>(), ...);
    (check_wrong_spelling<Enums>(), ...);
}

// The names of the enums declared in the public headers: `enum class NAME`.
std::set<std::string> enums_declared_in_headers() {
    std::set<std::string> names;
    const std::regex declaration(R"(\benum\s+(class|struct)\s+(\w+))");
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(PARTNERQI_PUBLIC_HEADERS_DIR)) {
        if (entry.path().extension() != ".hpp") continue;
        std::ifstream in(entry.path());
        const std::string text{std::istreambuf_iterator<char>(in), {}};
        for (std::sregex_iterator it(text.begin(), text.end(), declaration), end; it != end; ++it)
            names.insert((*it)[2].str());
    }
    return names;
}

}  // namespace

SCENARIO("every public enum writes each value one way and reads it back") {
    GIVEN("the enums of the model, the analyses, the files and the errors") {
        THEN("every value has one spelling of its own that parses back to it") {
            check_every(every_public_enum{});
        }
    }
}

SCENARIO("the command line spells file encodings and picture formats as users type them") {
    CHECK(io::to_string(io::encoding::portable_text) == "text");
    CHECK(partnerqi::parse<io::encoding>("binary") == io::encoding::native_binary);
    CHECK(partnerqi::accepted_spellings<io::encoding>() == "text, binary, xml");
    CHECK(io::describe(io::encoding::portable_text) == "portable text");
    CHECK(partnerqi::accepted_spellings<io::picture_format>() == "dot, svg, png");
    CHECK(partnerqi::parse<io::picture_format>("svg") == io::picture_format::svg);
}

SCENARIO("a wrong spelling is refused with a message that lists the accepted ones") {
    GIVEN("an encoding the files do not have") {
        const std::string message = parse_error_message<io::encoding>("yaml");
        THEN("the message names the encoding asked for and the three that exist") {
            CHECK(message == "unknown encoding \"yaml\"; use one of: text, binary, xml");
        }
    }
}

SCENARIO("no enum of the public headers is left without its spellings") {
    GIVEN("every enum declared in include/partnerqi") {
        const std::set<std::string> declared = enums_declared_in_headers();
        THEN("each one is walked by the scenario above") {
            CHECK(declared.size() >= 25);  // the scan found the headers
            CHECK(declared == names_of(every_public_enum{}));
        }
    }
}
