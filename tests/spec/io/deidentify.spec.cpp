// A de-identified copy keeps the structure of a study and loses what identifies people.
#include <support/catch.hpp>

#include <set>
#include <string>

#include "full_study.hpp"
#include "partnerqi/io.hpp"
#include "partnerqi/io/detail/sha256.hpp"

using namespace partnerqi;
using namespace partnerqi::io::testing;

SCENARIO("the keyed hash behind pseudonyms is standard SHA-256") {
    THEN("it gives the published test vectors") {
        // FIPS 180-4 examples.
        CHECK(io::detail::to_hex(io::detail::sha256("")) ==
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        CHECK(io::detail::to_hex(io::detail::sha256("abc")) ==
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        CHECK(io::detail::to_hex(io::detail::sha256(
                  "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        // RFC 4231, test case 2.
        CHECK(io::detail::to_hex(io::detail::hmac_sha256("Jefe", "what do ya want for nothing?")) ==
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}

SCENARIO("a de-identified study hides who people are and keeps everything else") {
    GIVEN("the full illustrative study and a secret salt") {
        const model::case_study original = full_study();
        const model::case_study copy = io::deidentify(original, "a long secret salt");
        THEN("every person's code is a pseudonym with the role prefix") {
            const auto& before = original.people();
            const auto& after = copy.people();
            REQUIRE(after.size() == before.size());
            for (std::size_t i = 0; i < after.size(); ++i) {
                CHECK(after[i].code != before[i].code);
                CHECK(after[i].code.rfind("P-", 0) == 0);
                CHECK_FALSE(after[i].display_name.has_value());
                CHECK(after[i].note.empty());
            }
            // X-MGR is a manager: "P-MG-" and ten hexadecimal digits.
            const auto manager = original.find_person("X-MGR");
            REQUIRE(manager);
            const std::string pseudonym = copy.get(*manager).code;
            CHECK(pseudonym.size() == 15);
            CHECK(pseudonym.rfind("P-MG-", 0) == 0);
        }
        THEN("ids, structure, dates and the codes of teams and organizations stay") {
            CHECK(copy.people().size() == original.people().size());
            CHECK(copy.engagements() == original.engagements());
            CHECK(copy.enactments().size() == original.enactments().size());
            for (std::size_t i = 0; i < copy.enactments().size(); ++i) {
                CHECK(copy.enactments()[i].on == original.enactments()[i].on);
                CHECK(copy.enactments()[i].targets == original.enactments()[i].targets);
            }
            CHECK(copy.teams().size() == original.teams().size());
            for (std::size_t i = 0; i < copy.teams().size(); ++i) {
                CHECK(copy.teams()[i].code == original.teams()[i].code);
                CHECK(copy.teams()[i].members.size() == original.teams()[i].members.size());
            }
            for (std::size_t i = 0; i < copy.organizations().size(); ++i)
                CHECK(copy.organizations()[i].code == original.organizations()[i].code);
            CHECK(copy.window() == original.window());
            CHECK(copy.segments().size() == original.segments().size());
            for (std::size_t i = 0; i < copy.people().size(); ++i) {
                CHECK(copy.people()[i].id == original.people()[i].id);
                CHECK(copy.people()[i].role == original.people()[i].role);
                CHECK(copy.people()[i].tier == original.people()[i].tier);
            }
        }
        THEN("notes, memo texts, source titles and texts, and segment texts are empty") {
            for (const auto& m : copy.memos()) CHECK(m.text.empty());
            for (const auto& s : copy.sources()) {
                CHECK(s.text.empty());
                CHECK(s.title.empty());
            }
            for (const auto& s : copy.segments()) CHECK(s.text.empty());
            for (const auto& o : copy.organizations()) CHECK(o.note.empty());
            for (const auto& a : copy.activities()) CHECK(a.note.empty());
        }
        THEN("a memo title that named a person now names the pseudonym") {
            const auto manager = original.find_person("X-MGR");
            REQUIRE(manager);
            bool found = false;
            for (const auto& m : copy.memos())
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
            for (std::size_t i = 0; i < a.people().size(); ++i)
                CHECK(a.people()[i].code != c.people()[i].code);
        }
        THEN("pseudonyms are unique") {
            std::set<std::string> codes;
            for (const auto& p : a.people()) codes.insert(p.code);
            CHECK(codes.size() == a.people().size());
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
        for (io::encoding format : {io::encoding::portable_text, io::encoding::native_binary,
                                    io::encoding::xml}) {
            const std::string bytes = saved_bytes(copy, format);
            THEN("no code or name appears in the " + std::string(io::describe(format)) + " bytes") {
                // Person codes shorter than three characters could occur by chance in any text;
                // the study has none.
                for (const auto& p : original.people()) {
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
