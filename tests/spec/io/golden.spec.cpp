// Files written by earlier versions keep loading. The golden files in tests/data/golden were
// written once by each format version and are never replaced; a new format adds new files.
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <type_traits>

#include <support/catch.hpp>

#include "partnerqi/io.hpp"
#include "partnerqi/io/detail/envelope.hpp"

#include "full_study.hpp"

using namespace partnerqi;
using namespace partnerqi::io::testing;

namespace {

std::string golden(const std::string& name) {
    return std::string(PARTNERQI_TEST_DATA_DIR) + "/golden/" + name;
}

template <class Record>
void reset_later_fields(Record& r) {
    model::for_each_field<Record>([&](const auto& d) {
        auto& value = r.*(d.member);
        using T = std::decay_t<decltype(value)>;
        if (d.since > 1) value = Record{}.*(d.member);
        if constexpr (std::is_same_v<T, std::vector<model::team_membership>>)
            for (auto& m : value)
                reset_later_fields(m);
    });
}

// True when the native binary golden file was written on a machine like this one.
bool same_platform(const std::string& bytes) {
    const io::detail::platform_tag here = io::detail::this_platform();
    for (std::size_t i = 0; i < here.size(); ++i)
        if (static_cast<std::uint8_t>(bytes.at(20 + i)) != here[i]) return false;
    return true;
}

// The case-study format that added a kind: record_traits<T>::since, 1 when absent.
template <class T, class = void>
struct kind_since : std::integral_constant<unsigned, 1> {};
template <class T>
struct kind_since<T, std::void_t<decltype(model::record_traits<T>::since)>>
    : std::integral_constant<unsigned, model::record_traits<T>::since> {};

// The study as a file of case-study format 1 holds it: kinds that later formats added are empty.
model::case_study_data without_later_kinds(const model::case_study& study) {
    model::case_study_data d = study.data();
    model::for_each_type(model::record_kinds{}, [&](auto* tag) {
        using kind = std::remove_pointer_t<decltype(tag)>;
        if (kind_since<kind>::value > 1) d.all<kind>().clear();
    });
    return d;
}

// The study as a file of record format 1 holds it: kinds and fields that later formats added
// are empty or keep their defaults.
model::case_study as_format_1(const model::case_study& study) {
    model::case_study_data d = without_later_kinds(study);
    model::for_each_type(model::record_kinds{}, [&](auto* tag) {
        using kind = std::remove_pointer_t<decltype(tag)>;
        for (kind& r : d.all<kind>())
            reset_later_fields(r);
    });
    return model::case_study::from_data(std::move(d));
}

// The study as a version 2 golden file holds it: provenance everywhere, no evaluation records
// and no influence log.
model::case_study as_format_2(const model::case_study& study) {
    return model::case_study::from_data(without_later_kinds(study));
}

}  // namespace

SCENARIO("the version 1 golden files load as the study they were written from") {
    const model::case_study expected = as_format_1(full_study());
    GIVEN("the portable text file written by partnerqi 0.1.0") {
        const std::string file = golden("v1-text.pqi");
        THEN("it loads as the full illustrative study") { CHECK(io::load(file) == expected); }
        THEN("its envelope says version 1, portable text, written by 0.1.0") {
            const io::file_info info = io::read_file_info(file);
            CHECK(info.envelope_version == 1);
            CHECK(info.format == io::encoding::portable_text);
            CHECK(info.writer_major == 0);
            CHECK(info.writer_minor == 1);
            CHECK(info.writer_patch == 0);
        }
    }
    GIVEN("the XML file written by partnerqi 0.1.0") {
        THEN("it loads as the full illustrative study") {
            CHECK(io::load(golden("v1-xml.pqi")) == expected);
        }
    }
    GIVEN("the native binary file written by partnerqi 0.1.0 on x86-64 Linux") {
        const std::string file = golden("v1-binary.pqi");
        if (same_platform(read_all(file))) {
            THEN("on a machine like that one it loads as the full illustrative study") {
                CHECK(io::load(file) == expected);
            }
        } else {
            THEN("on another kind of machine it is refused with advice to use portable text") {
                CHECK_THROWS_AS(io::load(file), load_error);
            }
        }
    }
}

SCENARIO("the version 2 golden files, with provenance on every record kind, load as their study") {
    const model::case_study expected = as_format_2(full_study());
    for (const char* name : {"v2-text.pqi", "v2-xml.pqi"}) {
        GIVEN(std::string("the file ") + name + " written by partnerqi 0.2.0") {
            THEN("it loads as the full illustrative study, without the later evidence records") {
                CHECK(io::load(golden(name)) == expected);
            }
        }
    }
}

SCENARIO(
    "the version 3 golden files, with evaluation records and an influence log, load as "
    "their study") {
    const model::case_study expected = full_study();
    REQUIRE_FALSE(expected.all<model::evaluation_response>().empty());
    REQUIRE_FALSE(expected.all<model::advisor_input>().empty());
    for (const char* name : {"v3-text.pqi", "v3-xml.pqi"}) {
        GIVEN(std::string("the file ") + name) {
            THEN("it loads as the full illustrative study, evidence records included") {
                CHECK(io::load(golden(name)) == expected);
            }
        }
    }
}

SCENARIO("this build still writes the version 3 payloads byte for byte") {
    const model::case_study study = full_study();
    // Compare payloads only: the header names the writer's version, which moves on.
    auto payload = [](const std::string& bytes) { return bytes.substr(48); };
    THEN("portable text matches v3-text.pqi") {
        CHECK(payload(saved_bytes(study, io::encoding::portable_text)) ==
              payload(read_all(golden("v3-text.pqi"))));
    }
    THEN("XML matches v3-xml.pqi") {
        CHECK(payload(saved_bytes(study, io::encoding::xml)) ==
              payload(read_all(golden("v3-xml.pqi"))));
    }
    const std::string binary = read_all(golden("v3-binary.pqi"));
    if (same_platform(binary)) {
        THEN("native binary matches v3-binary.pqi") {
            CHECK(payload(saved_bytes(study, io::encoding::native_binary)) == payload(binary));
        }
    }
}

SCENARIO("every golden file ever written keeps loading, in every later version") {
    GIVEN("the folder of golden files, one set (text, XML, native binary) per record format") {
        namespace fs = std::filesystem;
        std::set<int> formats;
        std::set<std::string> names;
        for (const auto& entry : fs::directory_iterator(golden(""))) {
            const std::string name = entry.path().filename().string();
            if (entry.path().extension() != ".pqi") continue;
            names.insert(name);
            formats.insert(std::stoi(name.substr(1, name.find('-') - 1)));
        }
        THEN("no format is missing from the first to the newest, and none lacks a file") {
            REQUIRE(formats.size() >= 2);  // formats 1 and 2 were released with 0.1 and 0.2
            CHECK(*formats.begin() == 1);
            CHECK(static_cast<int>(formats.size()) == *formats.rbegin());
            for (const int v : formats)
                for (const char* encoding : {"text", "xml", "binary"})
                    CHECK(names.count("v" + std::to_string(v) + "-" + encoding + ".pqi") == 1);
        }
        THEN("each of them loads with this build, native binary ones on a machine like theirs") {
            for (const std::string& name : names) {
                INFO(name);
                if (name.find("-binary") != std::string::npos &&
                    !same_platform(read_all(golden(name))))
                    continue;
                CHECK_NOTHROW(io::load(golden(name)));
            }
        }
    }
}
