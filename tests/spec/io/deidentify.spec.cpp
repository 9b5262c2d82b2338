// A de-identified copy keeps the structure of a study and loses what identifies people.
#include <set>
#include <string>

#include <support/catch.hpp>

#include "partnerqi/io.hpp"
#include "partnerqi/io/detail/sha256.hpp"
#include "partnerqi/model/seed_study.hpp"

#include "full_study.hpp"

using namespace partnerqi;
using namespace partnerqi::io::testing;

SCENARIO("the keyed hash behind pseudonyms is the standard HMAC-SHA-256") {
    // RFC 4231, section 4: test cases 1, 2, 3, 4, 6 and 7 (case 5 truncates the output).
    const auto hmac = [](const std::string& key, const std::string& message) {
        return io::detail::to_hex(io::detail::hmac_sha256(key, message));
    };
    std::string case4_key;
    for (char c = 1; c <= 25; ++c)
        case4_key += c;
    const std::string big_key(131, '\xaa');
    THEN("the plain digest gives the FIPS 180-4 examples") {
        CHECK(io::detail::to_hex(io::detail::sha256("abc")) ==
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        CHECK(io::detail::to_hex(io::detail::sha256("")) ==
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
    THEN("it gives the published test vectors") {
        CHECK(hmac(std::string(20, '\x0b'), "Hi There") ==
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        CHECK(hmac("Jefe", "what do ya want for nothing?") ==
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        CHECK(hmac(std::string(20, '\xaa'), std::string(50, '\xdd')) ==
              "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        CHECK(hmac(case4_key, std::string(50, '\xcd')) ==
              "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        CHECK(hmac(big_key, "Test Using Larger Than Block-Size Key - Hash Key First") ==
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        CHECK(hmac(big_key,
                   "This is a test using a larger than block-size key and a larger than "
                   "block-size data. The key needs to be hashed before being used by the HMAC "
                   "algorithm.") ==
              "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }
}

SCENARIO("a de-identified study hides who people are and keeps everything else") {
    GIVEN("the full illustrative study and a secret salt") {
        const model::case_study original = full_study();
        const model::case_study copy = io::deidentify(original, "a long secret salt");
        THEN("every person's code is a pseudonym with the role prefix") {
            const auto& before = original.all<model::person>();
            const auto& after = copy.all<model::person>();
            REQUIRE(after.size() == before.size());
            for (std::size_t i = 0; i < after.size(); ++i) {
                CHECK(after[i].code != before[i].code);
                CHECK(after[i].code.rfind("P-", 0) == 0);
                CHECK_FALSE(after[i].display_name.has_value());
                if (after[i].provenance != model::provenance::illustrative)
                    CHECK(after[i].note.empty());
            }
            // X-MGR is a manager: "P-MG-" and ten hexadecimal digits.
            const auto manager = original.find<model::person>("X-MGR");
            REQUIRE(manager);
            const std::string pseudonym = copy.get(*manager).code;
            // The first ten digits of HMAC-SHA-256("a long secret salt", "X-MGR"), the same
            // pseudonym in every version of the library.
            CHECK(pseudonym == "P-MG-be93630a4e");
        }
        THEN("ids, structure, dates and the codes of teams and organizations stay") {
            CHECK(copy.all<model::person>().size() == original.all<model::person>().size());
            CHECK(copy.all<model::engagement>() == original.all<model::engagement>());
            CHECK(copy.all<model::practice_enactment>().size() ==
                  original.all<model::practice_enactment>().size());
            for (std::size_t i = 0; i < copy.all<model::practice_enactment>().size(); ++i) {
                CHECK(copy.all<model::practice_enactment>()[i].on ==
                      original.all<model::practice_enactment>()[i].on);
                CHECK(copy.all<model::practice_enactment>()[i].targets ==
                      original.all<model::practice_enactment>()[i].targets);
            }
            CHECK(copy.all<model::qi_team>().size() == original.all<model::qi_team>().size());
            for (std::size_t i = 0; i < copy.all<model::qi_team>().size(); ++i) {
                CHECK(copy.all<model::qi_team>()[i].code == original.all<model::qi_team>()[i].code);
                CHECK(copy.all<model::qi_team>()[i].members.size() ==
                      original.all<model::qi_team>()[i].members.size());
            }
            for (std::size_t i = 0; i < copy.all<model::organization>().size(); ++i)
                CHECK(copy.all<model::organization>()[i].code ==
                      original.all<model::organization>()[i].code);
            CHECK(copy.window() == original.window());
            CHECK(copy.all<model::coded_segment>().size() ==
                  original.all<model::coded_segment>().size());
            for (std::size_t i = 0; i < copy.all<model::person>().size(); ++i) {
                CHECK(copy.all<model::person>()[i].id == original.all<model::person>()[i].id);
                CHECK(copy.all<model::person>()[i].role == original.all<model::person>()[i].role);
                CHECK(copy.all<model::person>()[i].tier == original.all<model::person>()[i].tier);
            }
        }
        THEN(
            "notes other than the caveats of illustrative records, memo texts, source titles and "
            "texts, and segment texts are empty") {
            for (const auto& m : copy.all<model::memo>())
                CHECK(m.text.empty());
            for (const auto& s : copy.all<model::data_source>()) {
                CHECK(s.text.empty());
                CHECK(s.title.empty());
            }
            for (const auto& s : copy.all<model::coded_segment>())
                CHECK(s.text.empty());
            for (const auto& o : copy.all<model::organization>())
                if (o.provenance != model::provenance::illustrative) CHECK(o.note.empty());
            for (const auto& a : copy.all<model::qi_activity>())
                if (a.provenance != model::provenance::illustrative) CHECK(a.note.empty());
        }
        THEN("a memo title that named a person now names the pseudonym") {
            const auto manager = original.find<model::person>("X-MGR");
            REQUIRE(manager);
            bool found = false;
            for (const auto& m : copy.all<model::memo>())
                found = found || m.title == "memo about " + copy.get(*manager).code;
            CHECK(found);
        }
    }
}

SCENARIO("pseudonyms are stable for a salt and change with it") {
    GIVEN("the same study de-identified twice with one salt and once with another") {
        const model::case_study original = full_study();
        const model::case_study a = io::deidentify(original, "salt one");
        const model::case_study b = io::deidentify(original, "salt one");
        const model::case_study c = io::deidentify(original, "salt two");
        THEN("the same salt gives the same copy") { CHECK(a == b); }
        THEN("another salt gives other pseudonyms") {
            for (std::size_t i = 0; i < a.all<model::person>().size(); ++i)
                CHECK(a.all<model::person>()[i].code != c.all<model::person>()[i].code);
        }
        THEN("pseudonyms are unique") {
            std::set<std::string> codes;
            for (const auto& p : a.all<model::person>())
                codes.insert(p.code);
            CHECK(codes.size() == a.all<model::person>().size());
        }
    }
    THEN("an empty salt is refused") {
        CHECK_THROWS_AS(io::deidentify(full_study(), ""), invalid_request_error);
    }
}

SCENARIO("no person code or display name survives in a saved de-identified file") {
    GIVEN("the full illustrative study, de-identified and saved in every encoding") {
        const model::case_study original = full_study();
        const model::case_study copy = io::deidentify(original, "a long secret salt");
        for (io::encoding format :
             {io::encoding::portable_text, io::encoding::native_binary, io::encoding::xml}) {
            const std::string bytes = saved_bytes(copy, format);
            THEN("no code or name appears in the " + std::string(io::describe(format)) + " bytes") {
                // Person codes shorter than three characters could occur by chance in any text;
                // the study has none.
                for (const auto& p : original.all<model::person>()) {
                    REQUIRE(p.code.size() >= 3);
                    INFO("person " << p.code);
                    CHECK(bytes.find(p.code) == std::string::npos);
                    if (p.display_name) CHECK(bytes.find(*p.display_name) == std::string::npos);
                }
            }
            THEN("the file loads back as the de-identified copy") {
                CHECK(load_bytes(bytes) == copy);
            }
        }
    }
}

SCENARIO("the caveat of an illustrative record travels with a pseudonymized copy") {
    GIVEN("the seed study, whose program managers' tier is assumed and marked illustrative") {
        const model::case_study original = model::seed_study_illustrated();
        const auto caveats = [](const model::case_study& s) {
            std::size_t n = 0;
            for (const auto& p : s.all<model::person>())
                n += p.note.find("is assumed") != std::string::npos ? 1 : 0;
            return n;
        };
        REQUIRE(caveats(original) > 0);
        THEN("a pseudonymized copy keeps the note that says the tier is assumed") {
            CHECK(caveats(io::deidentify(original, "a long secret salt")) == caveats(original));
        }
        THEN("an anonymized copy removes it with every other free text") {
            CHECK(caveats(io::deidentify(original, "a long secret salt", io::deidentify_options{})
                              .study) == 0);
        }
    }
}
