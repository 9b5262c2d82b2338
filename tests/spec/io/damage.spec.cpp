// A damaged, truncated, foreign or hostile file is refused with a load_error that says what is
// wrong; nothing crashes, nothing allocates past the limits, and the caller's data is untouched.
#include <array>
#include <filesystem>
#include <fstream>
#include <string>

#include <support/catch.hpp>

#include "partnerqi/io.hpp"
#include "partnerqi/io/detail/codec.hpp"
#include "partnerqi/io/detail/envelope.hpp"
#include "partnerqi/model/builder.hpp"

#include "full_study.hpp"

using namespace partnerqi;
using namespace partnerqi::io::testing;
using category = load_error_category;

namespace {

constexpr std::array all_encodings = {io::encoding::portable_text, io::encoding::native_binary,
                                      io::encoding::xml};

// The category of the load_error that loading `bytes` gives; fails the test when it loads.
category refusal(const std::string& bytes, const io::load_limits& limits = {}) {
    try {
        (void)load_bytes(bytes, limits);
    } catch (const load_error& e) {
        return e.category();
    }
    FAIL("the bytes loaded, but they should have been refused");
    return category::damaged;
}

std::string message_of(const std::string& bytes, const io::load_limits& limits = {}) {
    try {
        (void)load_bytes(bytes, limits);
    } catch (const load_error& e) {
        return e.what();
    }
    return "(loaded)";
}

// A file around a hand-made payload, with correct lengths and checksums, so that what refuses
// it is the decoding, not the envelope.
std::string sealed(const std::string& payload, io::encoding format) {
    return io::detail::wrap(payload, format);
}

std::string text_payload(const model::case_study& s) {
    return io::detail::encode_payload(s.data(), io::encoding::portable_text);
}

// Replaces the one occurrence of `from` in `text` by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    return text.replace(at, from.size(), to);
}

// Writes a little-endian value into the header and recomputes the header checksum.
void patch_header(std::string& file, std::size_t at, std::uint64_t value, std::size_t bytes) {
    for (std::size_t i = 0; i < bytes; ++i)
        file[at + i] = static_cast<char>((value >> (8 * i)) & 0xFFu);
    const std::uint32_t crc = io::detail::crc32(std::string_view(file).substr(0, 44));
    for (std::size_t i = 0; i < 4; ++i)
        file[44 + i] = static_cast<char>((crc >> (8 * i)) & 0xFFu);
}

// A small study whose text payload is easy to edit by hand:
// "22 serialization::archive 18 0 1 2 TT 0  16436 17531 1 0 1 1 4 ORGX 1 N 1 K 1 0 ..."
model::case_study small_study() {
    model::builder b{"TT", model::date_window::years(2015, 2017)};
    b.organization("ORGX").name("N").kind("K");
    return b.build();
}

}  // namespace

SCENARIO("a file cut short anywhere is refused as truncated") {
    for (io::encoding format : all_encodings) {
        GIVEN("a study saved in " + std::string(io::describe(format))) {
            const std::string bytes = saved_bytes(full_study(), format);
            THEN("every cut inside the header or the payload is refused as truncated") {
                // Every offset of the header, then about 300 offsets spread over the payload.
                const std::size_t step = bytes.size() / 300 + 1;
                for (std::size_t cut = 1; cut < bytes.size(); cut += (cut < 64 ? 1 : step)) {
                    INFO("cut after " << cut << " of " << bytes.size() << " bytes");
                    CHECK(refusal(bytes.substr(0, cut)) == category::truncated);
                }
                CHECK(refusal(bytes.substr(0, bytes.size() - 1)) == category::truncated);
            }
        }
    }
}

SCENARIO("a file with any changed byte is refused before its case study is handed over") {
    for (io::encoding format : all_encodings) {
        GIVEN("a study saved in " + std::string(io::describe(format))) {
            const std::string bytes = saved_bytes(full_study(), format);
            THEN("a changed byte in the signature makes it not a case-study file") {
                for (std::size_t at = 0; at < 8; ++at) {
                    std::string damaged = bytes;
                    damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
                    CHECK(refusal(damaged) == category::not_a_case_study_file);
                }
            }
            THEN("a flipped bit anywhere else is refused as damage") {
                const std::size_t step = bytes.size() / 400 + 1;
                for (std::size_t at = 8; at < bytes.size(); at += (at < 64 ? 1 : step)) {
                    for (unsigned bit : {0u, 7u}) {
                        std::string damaged = bytes;
                        damaged[at] = static_cast<char>(damaged[at] ^ (1u << bit));
                        INFO("bit " << bit << " of byte " << at << " of " << bytes.size());
                        CHECK(refusal(damaged) == category::damaged);
                    }
                }
            }
            THEN("bytes appended after the payload are refused as damage") {
                CHECK(refusal(bytes + "x") == category::damaged);
                CHECK(refusal(bytes + bytes) == category::damaged);
            }
        }
    }
}

SCENARIO("files that are not case-study files are refused as such") {
    THEN("an empty file, plain text and a file with a wrong signature are not case-study files") {
        CHECK(refusal("") == category::not_a_case_study_file);
        CHECK(refusal("hello world, this is not a case study") == category::not_a_case_study_file);
        std::string wrong = saved_bytes(small_study(), io::encoding::portable_text);
        wrong[1] = 'X';
        CHECK(refusal(wrong) == category::not_a_case_study_file);
        // A bare Boost archive without our envelope.
        CHECK(refusal(text_payload(small_study())) == category::not_a_case_study_file);
    }
    GIVEN("a scratch directory") {
        const scratch_dir dir;
        THEN("a missing file is not a case-study file and the message names it") {
            const std::string missing = dir.file("missing.pqi");
            try {
                (void)io::load(missing);
                FAIL("a missing file loaded");
            } catch (const load_error& e) {
                CHECK(e.category() == category::not_a_case_study_file);
                CHECK(std::string(e.what()).find(missing) != std::string::npos);
                CHECK(std::string(e.what()).find("does not exist") != std::string::npos);
            }
        }
        THEN("a directory is not a case-study file") {
            try {
                (void)io::load(dir.path());
                FAIL("a directory loaded");
            } catch (const load_error& e) {
                CHECK(e.category() == category::not_a_case_study_file);
                CHECK(std::string(e.what()).find("directory") != std::string::npos);
            }
        }
        THEN("an empty file is not a case-study file and the message names the file") {
            const std::string empty = dir.file("empty.pqi");
            { std::ofstream touch(empty); }
            try {
                (void)io::load(empty);
                FAIL("an empty file loaded");
            } catch (const load_error& e) {
                CHECK(e.category() == category::not_a_case_study_file);
                CHECK(std::string(e.what()).find(empty) != std::string::npos);
            }
        }
    }
}

SCENARIO("a file from a newer partnerqi is refused as a newer format") {
    GIVEN("a file whose envelope version is 2, with a correct header checksum") {
        std::string bytes = saved_bytes(small_study(), io::encoding::portable_text);
        patch_header(bytes, 8, 2, 2);
        THEN("it is refused as a newer format and the message says to upgrade") {
            CHECK(refusal(bytes) == category::newer_format);
            CHECK(message_of(bytes).find("newer partnerqi") != std::string::npos);
        }
    }
    GIVEN("a payload whose case-study record format is 7 while this build knows 2") {
        const std::string payload =
            replaced(text_payload(small_study()), "archive 18 0 2 2 TT", "archive 18 0 7 2 TT");
        THEN("it is refused as a newer format naming the record kind") {
            const std::string bytes = sealed(payload, io::encoding::portable_text);
            CHECK(refusal(bytes) == category::newer_format);
            CHECK(message_of(bytes).find("case study records") != std::string::npos);
        }
    }
    GIVEN("a payload whose organization record format is 2") {
        const std::string payload =
            replaced(text_payload(small_study()), " 1 0 1 1 4 ORGX", " 1 0 2 1 4 ORGX");
        THEN("it is refused as a newer format") {
            CHECK(refusal(sealed(payload, io::encoding::portable_text)) == category::newer_format);
        }
    }
    GIVEN("a payload written by a newer Boost.Serialization (library version 99)") {
        const std::string payload = replaced(
            text_payload(small_study()), "serialization::archive 18", "serialization::archive 99");
        THEN("it is refused as a newer format") {
            CHECK(refusal(sealed(payload, io::encoding::portable_text)) == category::newer_format);
        }
    }
}

SCENARIO("announced sizes beyond the limits are refused before anything is allocated") {
    GIVEN("a text payload whose title announces 3 GB") {
        const std::string bytes =
            sealed(replaced(text_payload(small_study()), " 2 TT ", " 3000000000 TT "),
                   io::encoding::portable_text);
        THEN("it is refused as over the string limit (64 MiB by default)") {
            CHECK(refusal(bytes) == category::limit_exceeded);
        }
        THEN("with the limit raised past 3 GB it is refused as damage, still without allocating") {
            io::load_limits generous;
            generous.max_string_length = std::uint64_t{4} << 30;
            CHECK(refusal(bytes, generous) == category::damaged);
        }
    }
    GIVEN("a binary payload whose title announces 3 GB") {
        std::string payload =
            io::detail::encode_payload(small_study().data(), io::encoding::native_binary);
        // The title is stored as an 8-byte length followed by "TT".
        const auto at = payload.find("TT");
        REQUIRE(at != std::string::npos);
        REQUIRE(at >= 8);
        const std::uint64_t huge = 3'000'000'000ULL;
        for (std::size_t i = 0; i < 8; ++i)
            payload[at - 8 + i] = static_cast<char>((huge >> (8 * i)) & 0xFFu);
        THEN("it is refused as over the string limit") {
            CHECK(refusal(sealed(payload, io::encoding::native_binary)) ==
                  category::limit_exceeded);
        }
    }
    GIVEN("a text payload announcing 10^12 organizations") {
        const std::string bytes = sealed(
            replaced(text_payload(small_study()), " 16436 17531 1 ", " 16436 17531 1000000000000 "),
            io::encoding::portable_text);
        THEN("it is refused as over the collection limit") {
            CHECK(refusal(bytes) == category::limit_exceeded);
            CHECK(message_of(bytes).find("1000000000000") != std::string::npos);
        }
    }
    GIVEN("an XML payload announcing 10^12 organizations") {
        const std::string payload =
            replaced(io::detail::encode_payload(small_study().data(), io::encoding::xml),
                     "<organizations_count>1<", "<organizations_count>1000000000000<");
        THEN("it is refused as over the collection limit") {
            CHECK(refusal(sealed(payload, io::encoding::xml)) == category::limit_exceeded);
        }
    }
    GIVEN("a binary payload announcing 10^12 organizations") {
        std::string payload =
            io::detail::encode_payload(small_study().data(), io::encoding::native_binary);
        // The count follows the study window's last day (17531 as a 4-byte integer).
        const std::string last_day("\x7b\x44\x00\x00", 4);
        const auto at = payload.find(last_day);
        REQUIRE(at != std::string::npos);
        const std::uint64_t huge = 1'000'000'000'000ULL;
        for (std::size_t i = 0; i < 8; ++i)
            payload[at + 4 + i] = static_cast<char>((huge >> (8 * i)) & 0xFFu);
        THEN("it is refused as over the collection limit") {
            CHECK(refusal(sealed(payload, io::encoding::native_binary)) ==
                  category::limit_exceeded);
        }
    }
    GIVEN("a study and limits tighter than it") {
        const std::string bytes = saved_bytes(full_study(), io::encoding::portable_text);
        THEN("a payload over the payload limit is refused") {
            io::load_limits tight;
            tight.max_payload_bytes = 1000;
            CHECK(refusal(bytes, tight) == category::limit_exceeded);
        }
        THEN("a text over the string limit is refused") {
            io::load_limits tight;
            tight.max_string_length = 20;
            CHECK(refusal(bytes, tight) == category::limit_exceeded);
        }
        THEN("a collection over the collection limit is refused") {
            io::load_limits tight;
            tight.max_collection_size = 5;
            CHECK(refusal(bytes, tight) == category::limit_exceeded);
        }
        THEN("more elements in all than the record limit are refused") {
            io::load_limits tight;
            tight.max_records = 50;
            CHECK(refusal(bytes, tight) == category::limit_exceeded);
        }
    }
}

SCENARIO("decoded content that breaks the model is refused as invalid content") {
    GIVEN("an organization whose setting is 9 (there are four settings)") {
        model::case_study_data data = small_study().data();
        data.all<model::organization>()[0].setting = static_cast<model::setting>(9);
        for (io::encoding format : all_encodings) {
            THEN("it is refused in " + std::string(io::describe(format))) {
                const std::string bytes = sealed(io::detail::encode_payload(data, format), format);
                CHECK(refusal(bytes) == category::invalid_content);
                CHECK(message_of(bytes).find("setting") != std::string::npos);
            }
        }
    }
    GIVEN("an enum value of 257, which would wrap to a valid value in one byte") {
        const std::string payload = replaced(text_payload(small_study()), " 1 K 1 ", " 1 K 257 ");
        THEN("it is refused") {
            CHECK(refusal(sealed(payload, io::encoding::portable_text)) ==
                  category::invalid_content);
        }
    }
    GIVEN("a person referring to an organization that does not exist") {
        model::case_study_data data = small_study().data();
        model::person p;
        p.id.value = 1;
        p.code = "P-1";
        p.role = model::person_role::patient_advisor;
        p.organization = model::organization_id{42};
        data.all<model::person>().push_back(p);
        THEN("it is refused as invalid content naming the person") {
            const std::string dangling =
                sealed(io::detail::encode_payload(data, io::encoding::portable_text),
                       io::encoding::portable_text);
            CHECK(refusal(dangling) == category::invalid_content);
            CHECK(message_of(dangling).find("person P-1") != std::string::npos);
        }
    }
    GIVEN("a study window whose last day is far past the accepted dates") {
        const std::string payload =
            replaced(text_payload(small_study()), " 16436 17531 ", " 16436 99999999 ");
        THEN("it is refused as invalid content") {
            CHECK(refusal(sealed(payload, io::encoding::portable_text)) ==
                  category::invalid_content);
        }
    }
}

SCENARIO("an XML payload that is cut short is refused without ending the program") {
    GIVEN("XML payloads cut at several places, each sealed with a correct checksum") {
        const std::string payload =
            io::detail::encode_payload(small_study().data(), io::encoding::xml);
        THEN("each is refused as damage") {
            // The payload ends with "</boost_serialization>" and line breaks; cutting just the
            // line breaks is harmless, cutting into the tag is not.
            const std::size_t end_tag = payload.rfind("</boost_serialization>");
            REQUIRE(end_tag != std::string::npos);
            for (std::size_t keep : {end_tag + 21, end_tag + 5, end_tag, payload.size() - 30,
                                     payload.size() - 30, payload.size() / 2, std::size_t{100}}) {
                INFO("kept " << keep << " of " << payload.size() << " bytes");
                CHECK(refusal(sealed(payload.substr(0, keep), io::encoding::xml)) ==
                      category::damaged);
            }
        }
        THEN("text between the last record and the closing tag is refused as damage") {
            const std::string extra =
                replaced(payload, "</case_study>", "</case_study>\n<extra>1</extra>");
            CHECK(refusal(sealed(extra, io::encoding::xml)) == category::damaged);
        }
    }
}

SCENARIO("a native binary file from another kind of machine is refused with a clear message") {
    GIVEN("a binary file whose envelope says it was written on a big-endian machine") {
        std::string bytes = saved_bytes(small_study(), io::encoding::native_binary);
        const std::uint8_t other_order = bytes[20] == 1 ? 2 : 1;
        patch_header(bytes, 20, other_order, 1);
        THEN("it is refused and the message says to save it again in portable text") {
            CHECK(refusal(bytes) == category::not_a_case_study_file);
            CHECK(message_of(bytes).find("another kind of machine") != std::string::npos);
            CHECK(message_of(bytes).find("portable text") != std::string::npos);
        }
    }
    GIVEN("a portable text file with the same foreign platform bytes") {
        std::string bytes = saved_bytes(small_study(), io::encoding::portable_text);
        patch_header(bytes, 20, 2, 1);
        THEN("it loads, because portable text does not depend on the machine") {
            CHECK(load_bytes(bytes) == small_study());
        }
    }
}

SCENARIO("a failed load leaves the caller's case study untouched") {
    GIVEN("a loaded case study and a damaged file") {
        model::case_study mine = full_study();
        const model::case_study before = mine;
        std::string bytes = saved_bytes(small_study(), io::encoding::portable_text);
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x10);
        WHEN("the damaged file is loaded into it") {
            CHECK_THROWS_AS(mine = load_bytes(bytes), load_error);
            THEN("it still holds what it held") { CHECK(mine == before); }
        }
    }
}

SCENARIO("a damaged file on disk gives a message that names the file and what to do") {
    GIVEN("a saved file with one changed payload byte") {
        const scratch_dir dir;
        const std::string file = dir.file("damaged.pqi");
        io::save(small_study(), file);
        std::string bytes;
        {
            std::ifstream in(file, std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(in), {});
        }
        bytes[bytes.size() - 3] = static_cast<char>(bytes[bytes.size() - 3] ^ 0x04);
        {
            std::ofstream out(file, std::ios::binary | std::ios::trunc);
            out << bytes;
        }
        THEN("the message names the file, the checksum and the backup") {
            try {
                (void)io::load(file);
                FAIL("a damaged file loaded");
            } catch (const load_error& e) {
                const std::string message = e.what();
                CHECK(e.category() == category::damaged);
                CHECK(message.find(file) != std::string::npos);
                CHECK(message.find("checksum") != std::string::npos);
                CHECK(message.find("backup") != std::string::npos);
            }
        }
    }
}

SCENARIO("a payload holds exactly what partnerqi writes, even with checksums recomputed") {
    const model::case_study study = small_study();
    GIVEN("bytes smuggled after the end of the archive inside the payload") {
        for (io::encoding format : {io::encoding::portable_text, io::encoding::native_binary}) {
            const std::string payload = io::detail::encode_payload(study.data(), format);
            for (const std::size_t extra : {std::size_t{1}, std::size_t{5} << 20}) {
                THEN(std::to_string(extra) + " extra bytes in " +
                     std::string(io::describe(format)) + " are refused as damage") {
                    const std::string bytes = sealed(payload + std::string(extra, 'A'), format);
                    CHECK(refusal(bytes) == category::damaged);
                    CHECK(message_of(bytes).find("after the end of the case study") !=
                          std::string::npos);
                }
            }
        }
    }
    GIVEN("a text archive header that claims another serialization library version") {
        const std::string payload = text_payload(study);
        REQUIRE(payload.rfind("22 serialization::archive 18 ", 0) == 0);
        for (const char* version : {"0", "17", "19"}) {
            THEN(std::string("version ") + version + " is refused") {
                const std::string bytes = sealed(
                    replaced(payload, "archive 18 ", std::string("archive ") + version + " "),
                    io::encoding::portable_text);
                const category c = refusal(bytes);
                CHECK((c == category::damaged || c == category::newer_format));
            }
        }
    }
    GIVEN("an XML archive whose version attribute is not the one partnerqi writes") {
        const std::string payload = io::detail::encode_payload(study.data(), io::encoding::xml);
        for (const char* version : {"3", "19"}) {
            THEN(std::string("version ") + version + " is refused") {
                const std::string bytes =
                    sealed(replaced(payload, "signature=\"serialization::archive\" version=\"18\"",
                                    std::string("signature=\"serialization::archive\" version=\"") +
                                        version + "\""),
                           io::encoding::xml);
                const category c = refusal(bytes);
                CHECK((c == category::damaged || c == category::newer_format));
            }
        }
    }
}

namespace {

// A study with one engagement, from the manager M to the advisor A.
model::case_study one_engagement_study() {
    model::builder b{"One tie", model::date_window::years(2016, 2016)};
    b.organization("H");
    b.advisor("A").of("H");
    b.manager("M", model::management_tier::front_line).of("H");
    b.engagement("M", "A").on("2016-03-01");
    return b.build();
}

// The whole element `<name>...</name>` that starts at or after `from` in `xml`.
std::string element(const std::string& xml, const std::string& name, std::size_t from = 0) {
    const auto start = xml.find("<" + name + ">", from);
    REQUIRE(start != std::string::npos);
    const std::string end_tag = "</" + name + ">";
    const auto end = xml.find(end_tag, start);
    REQUIRE(end != std::string::npos);
    return xml.substr(start, end + end_tag.size() - start);
}

}  // namespace

SCENARIO("an XML payload whose element names differ from what partnerqi writes is refused") {
    GIVEN("the XML payload of a study with one engagement, from a manager to an advisor") {
        const model::case_study study = one_engagement_study();
        const std::string payload = io::detail::encode_payload(study.data(), io::encoding::xml);
        const std::string from = element(payload, "from");
        const std::string to = element(payload, "to", payload.find(from));
        REQUIRE(from != "<from></from>");
        REQUIRE(to != "<to></to>");
        THEN("the payload as written loads, with the engagement in its direction") {
            const model::case_study loaded = load_bytes(sealed(payload, io::encoding::xml));
            REQUIRE(loaded.all<model::engagement>().size() == 1);
            const model::engagement& e = loaded.all<model::engagement>().front();
            CHECK(loaded.get(e.from).code == "M");
            CHECK(loaded.get(e.to).code == "A");
        }
        WHEN("the from and to elements of the engagement are swapped") {
            std::string swapped = replaced(payload, from, "@FROM@");
            swapped = replaced(swapped, to, from);
            swapped = replaced(swapped, "@FROM@", to);
            const std::string bytes = sealed(swapped, io::encoding::xml);
            THEN("the file is refused as damaged, not loaded as a reversed engagement") {
                CHECK(refusal(bytes) == category::damaged);
            }
            THEN("the message names the element found, the one expected and the record") {
                const std::string message = message_of(bytes);
                CHECK(message.find("<to>") != std::string::npos);
                CHECK(message.find("<from>") != std::string::npos);
                CHECK(message.find("engagement record 0") != std::string::npos);
            }
        }
        WHEN("a field of the engagement is renamed") {
            const std::string on = element(payload, "on");
            std::string renamed = on;
            renamed.replace(1, 2, "when");
            renamed.replace(renamed.size() - 3, 2, "when");
            REQUIRE(renamed.rfind("<when>", 0) == 0);
            const std::string bytes = sealed(replaced(payload, on, renamed), io::encoding::xml);
            THEN("the file is refused as damaged, naming both names and the record") {
                CHECK(refusal(bytes) == category::damaged);
                const std::string message = message_of(bytes);
                CHECK(message.find("<when>") != std::string::npos);
                CHECK(message.find("<on>") != std::string::npos);
                CHECK(message.find("engagement record 0") != std::string::npos);
            }
        }
        WHEN("a field of the engagement is left out") {
            const std::string bytes =
                sealed(replaced(payload, element(payload, "on"), ""), io::encoding::xml);
            THEN("the file is refused as damaged, naming the missing element") {
                CHECK(refusal(bytes) == category::damaged);
                CHECK(message_of(bytes).find("<on>") != std::string::npos);
            }
        }
        WHEN("an extra element follows the engagement's last field") {
            // After the engagement's provenance, its last field.
            const std::size_t last = payload.find("</provenance>", payload.find(from));
            REQUIRE(last != std::string::npos);
            std::string extra = payload;
            extra.insert(last + 13, "<reviewed>1</reviewed>");
            const std::string bytes = sealed(extra, io::encoding::xml);
            THEN("the file is refused as damaged, naming the extra element and the record") {
                CHECK(refusal(bytes) == category::damaged);
                const std::string message = message_of(bytes);
                CHECK(message.find("<reviewed>") != std::string::npos);
                CHECK(message.find("</item>") != std::string::npos);
                CHECK(message.find("engagement record 0") != std::string::npos);
            }
        }
        WHEN("an extra element is put inside a field") {
            const std::string with_child = from.substr(0, from.size() - 7) + "<x>1</x></from>";
            const std::string bytes =
                sealed(replaced(payload, from, with_child), io::encoding::xml);
            THEN("the file is refused as damaged") {
                CHECK(refusal(bytes) == category::damaged);
                CHECK(message_of(bytes).find("<x>") != std::string::npos);
            }
        }
    }
}

SCENARIO("team members whose teams table is missing are refused, not dropped unseen") {
    GIVEN(
        "a folder with the study, its organization and people, and team_members.csv but no "
        "teams.csv") {
        const scratch_dir scratch;
        const auto write = [&](const std::string& name, const std::string& bytes) {
            std::ofstream(scratch.file(name), std::ios::binary) << bytes;
        };
        write("study.csv", "title,description,window\r\nTT,,2015-01-01/2017-12-31\r\n");
        write("organizations.csv", "code,name,setting\r\nHCO-1,Rural centre,rural\r\n");
        write("people.csv", "code,role,tier,organization\r\nM-1,manager,top-level,HCO-1\r\n");
        write("team_members.csv",
              "team,person,role_in_team,joined,left,external,provenance\r\n\r\n"
              "T-1,M-1,chair,,,false,reported\r\n"
              "T-2,M-1,member,,,false,reported\r\n");
        WHEN("the folder is read") {
            THEN("one problem names team_members.csv, the first member's row and teams.csv") {
                try {
                    (void)io::read_tables(scratch.path());
                    FAIL("the tables were read without their team members");
                } catch (const io::table_error& e) {
                    REQUIRE(e.total() == 1);
                    const io::table_problem& p = e.problems().front();
                    CHECK(p.file == "team_members.csv");
                    CHECK(p.row == 3);
                    CHECK(p.column == "team");
                    CHECK(p.message.find("teams.csv, which is missing") != std::string::npos);
                }
            }
        }
    }
}
