// The closed vocabularies of the model: names, conversions both ways, and the mappings between
// engagement frameworks. That every value of every enum reads back from its spelling is in
// tests/spec/enums.
#include <string>

#include <support/catch.hpp>

#include <partnerqi/model/enums.hpp>

using namespace partnerqi::model;

namespace {

template <class Enum>
std::string parse_error_message(const char* text) {
    try {
        (void)parse<Enum>(text);
    } catch (const partnerqi::parse_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

SCENARIO("each management tier is written and read back by its name", "[model][enums]") {
    CHECK(to_string(management_tier::top_level) == "top-level");
    CHECK(to_string(management_tier::mid_level) == "mid-level");
    CHECK(to_string(management_tier::front_line) == "front-line");
    CHECK(enum_traits<management_tier>::values.size() == 3);
}

SCENARIO("each person role is written and read back by its name", "[model][enums]") {
    CHECK(parse<person_role>("patient-advisor") == person_role::patient_advisor);
    CHECK(parse<person_role>("partnership_coordinator") == person_role::partnership_coordinator);
    CHECK(enum_traits<person_role>::values.size() == 7);
}

SCENARIO("the four practice categories come in the study's order with their purposes",
         "[model][enums]") {
    const auto& c = enum_traits<practice_category>::values;
    REQUIRE(c.size() == 4);
    CHECK(c[0] == practice_category::designing);
    CHECK(c[1] == practice_category::structuring);
    CHECK(c[2] == practice_category::managing_integration);
    CHECK(c[3] == practice_category::evaluating_integration);
    CHECK(std::string(purpose(practice_category::managing_integration)).find("tokenistic") !=
          std::string::npos);
    CHECK(std::string(purpose(practice_category::evaluating_integration))
              .find("continuous improvement") != std::string::npos);
    CHECK(std::string(purpose(practice_category::designing)).find("entire organization") !=
          std::string::npos);
    CHECK(std::string(purpose(practice_category::structuring)).find("sustainability") !=
          std::string::npos);
}

SCENARIO(
    "designing and structuring are typical change management, managing and evaluating are new "
    "daily practices",
    "[model][enums]") {
    CHECK(is_typical_change_management(practice_category::designing));
    CHECK(is_typical_change_management(practice_category::structuring));
    CHECK_FALSE(is_typical_change_management(practice_category::managing_integration));
    CHECK_FALSE(is_typical_change_management(practice_category::evaluating_integration));
    for (practice_category c : enum_traits<practice_category>::values)
        CHECK(is_new_daily_practice(c) != is_typical_change_management(c));
}

SCENARIO("engagement levels are ordered from information to partnership", "[model][enums]") {
    CHECK(engagement_level::information < engagement_level::consultation);
    CHECK(engagement_level::consultation < engagement_level::collaboration);
    CHECK(engagement_level::collaboration < engagement_level::partnership);
}

SCENARIO("unknown text is refused with a message that lists the accepted names", "[model][enums]") {
    GIVEN("a tier spelled wrongly") {
        std::string message = parse_error_message<management_tier>("senior");
        THEN("the error quotes the text and lists the three tiers") {
            CHECK(message.find("\"senior\"") != std::string::npos);
            CHECK(message.find("top-level, mid-level, front-line") != std::string::npos);
        }
    }
    GIVEN("an empty role and a provenance in capitals") {
        THEN("both are refused") {
            CHECK_THROWS_AS(parse<person_role>(""), partnerqi::parse_error);
            CHECK_THROWS_AS(parse<provenance>("REPORTED"), partnerqi::parse_error);
        }
    }
}

SCENARIO("a value outside an enum is recognized as invalid", "[model][enums]") {
    CHECK(is_valid(management_tier::front_line));
    CHECK_FALSE(is_valid(static_cast<management_tier>(7)));
    CHECK_FALSE(is_valid(static_cast<engagement_level>(200)));
    CHECK(to_string(static_cast<person_role>(42)) == "invalid");
}

SCENARIO("the Montreal continuum maps approximately onto Carman, IAP2 and Arnstein",
         "[model][enums]") {
    GIVEN("the four Montreal levels") {
        THEN(
            "Carman has no information form, so information and consultation both map to "
            "consultation") {
            CHECK(to_carman(engagement_level::information) == carman_level::consultation);
            CHECK(to_carman(engagement_level::consultation) == carman_level::consultation);
            CHECK(to_carman(engagement_level::collaboration) == carman_level::involvement);
            CHECK(to_carman(engagement_level::partnership) ==
                  carman_level::partnership_and_shared_leadership);
        }
        THEN("IAP2 runs inform, consult, collaborate, empower") {
            CHECK(to_iap2(engagement_level::information) == iap2_level::inform);
            CHECK(to_iap2(engagement_level::consultation) == iap2_level::consult);
            CHECK(to_iap2(engagement_level::collaboration) == iap2_level::collaborate);
            CHECK(to_iap2(engagement_level::partnership) == iap2_level::empower);
        }
        THEN(
            "information and consultation fall on Arnstein's tokenism rungs, collaboration and "
            "partnership reach citizen power as their IAP2 levels do") {
            CHECK(to_arnstein(engagement_level::information) == arnstein_rung::informing);
            CHECK(to_arnstein(engagement_level::consultation) == arnstein_rung::consultation);
            CHECK(to_arnstein(engagement_level::collaboration) == arnstein_rung::partnership);
            CHECK(to_arnstein(engagement_level::partnership) == arnstein_rung::delegated_power);
            CHECK(is_tokenism_rung(engagement_level::information));
            CHECK(is_tokenism_rung(engagement_level::consultation));
            CHECK_FALSE(is_tokenism_rung(engagement_level::collaboration));
            CHECK_FALSE(is_tokenism_rung(engagement_level::partnership));
            for (engagement_level level : enum_traits<engagement_level>::values)
                CHECK(to_arnstein(level) == to_arnstein(to_iap2(level)));
        }
        THEN("the tokenism ceiling is the highest level on a tokenism rung, consultation") {
            CHECK(tokenism_ceiling() == engagement_level::consultation);
            for (engagement_level level : enum_traits<engagement_level>::values)
                CHECK(is_tokenism_rung(level) == (level <= tokenism_ceiling()));
        }
    }
    GIVEN("Arnstein's eight rungs") {
        THEN(
            "they form three groups: two of non-participation, three of tokenism, three of citizen "
            "power") {
            int counts[3] = {0, 0, 0};
            for (arnstein_rung r : enum_traits<arnstein_rung>::values)
                ++counts[static_cast<int>(group_of(r))];
            CHECK(counts[0] == 2);
            CHECK(counts[1] == 3);
            CHECK(counts[2] == 3);
        }
    }
}
