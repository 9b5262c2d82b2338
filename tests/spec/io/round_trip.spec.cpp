// A saved case study comes back exactly as it was: every record, id, code and field.
#include <array>
#include <filesystem>
#include <locale>
#include <sstream>

#include <support/catch.hpp>

#include "partnerqi/io.hpp"
#include "partnerqi/version.hpp"

#include "full_study.hpp"

using namespace partnerqi;
using namespace partnerqi::io::testing;

namespace {
constexpr std::array all_encodings = {io::encoding::portable_text, io::encoding::native_binary,
                                      io::encoding::xml};
}

SCENARIO("the study used for files sets every optional field of every record type") {
    GIVEN("the full illustrative study") {
        const model::case_study s = full_study();
        THEN("every kind of record is present") {
            model::for_each_type(model::record_kinds{}, [&](auto* tag) {
                using kind = std::remove_pointer_t<decltype(tag)>;
                INFO(model::record_traits<kind>::kind);
                CHECK_FALSE(s.all<kind>().empty());
            });
        }
        THEN("some record sets each optional field") {
            const auto& d = s.data();
            auto any = [](const auto& records, auto pred) {
                for (const auto& r : records)
                    if (pred(r)) return true;
                return false;
            };
            CHECK(any(d.all<model::person>(), [](const model::person& p) {
                return p.display_name && p.tier && p.organization;
            }));
            CHECK(any(d.all<model::qi_team>(), [&any](const model::qi_team& t) {
                return any(t.members,
                           [](const model::team_membership& m) { return m.joined && m.left; });
            }));
            CHECK(any(d.all<model::qi_activity>(), [](const model::qi_activity& a) {
                return a.team && a.level_reached && a.start && a.end && !a.advisors.empty();
            }));
            CHECK(any(d.all<model::practice_enactment>(), [](const model::practice_enactment& e) {
                return e.team && !e.targets.empty();
            }));
            CHECK(any(d.all<model::engagement>(),
                      [](const model::engagement& e) { return e.activity.has_value(); }));
            CHECK(any(d.all<model::data_source>(), [](const model::data_source& x) {
                return x.on && x.wave && x.organization && x.tier;
            }));
            CHECK(any(d.all<model::data_source>(),
                      [](const model::data_source& x) { return x.composition.has_value(); }));
            CHECK(any(d.all<model::source_total>(),
                      [](const model::source_total& x) { return x.organization && x.tier; }));
            CHECK(any(d.all<model::code>(),
                      [](const model::code& x) { return x.parent && x.category && x.practice; }));
            CHECK(any(d.all<model::coded_segment>(), [](const model::coded_segment& x) {
                return !x.supports.empty() && !x.text.empty();
            }));
            CHECK(any(d.all<model::memo>(),
                      [](const model::memo& x) { return x.on && x.source && x.code; }));
        }
    }
}

SCENARIO("a case study saved in any encoding loads back identical, through memory") {
    GIVEN("the full illustrative study") {
        const model::case_study original = full_study();
        for (io::encoding format : all_encodings) {
            WHEN("it is saved to memory in " + std::string(io::describe(format)) + " and loaded") {
                const model::case_study loaded = load_bytes(saved_bytes(original, format));
                THEN("every record, id and code is the same") {
                    CHECK(loaded == original);
                    CHECK(loaded.data().all<model::person>().size() ==
                          original.data().all<model::person>().size());
                    // A lookup by code still finds the same record id.
                    CHECK(loaded.find<model::person>("X-MGR") ==
                          original.find<model::person>("X-MGR"));
                }
            }
        }
    }
}

SCENARIO("a case study saved in any encoding loads back identical, through a file") {
    GIVEN("the full illustrative study and an empty directory") {
        const model::case_study original = full_study();
        const scratch_dir dir;
        for (io::encoding format : all_encodings) {
            WHEN("it is saved to a file in " + std::string(io::describe(format)) + " and loaded") {
                const std::string file = dir.file("study.pqi");
                io::save(original, file, {format});
                const model::case_study loaded = io::load(file);
                THEN("the loaded study equals the saved one") { CHECK(loaded == original); }
                AND_THEN("the file's envelope names its encoding and this library's version") {
                    const io::file_info info = io::read_file_info(file);
                    CHECK(info.format == format);
                    CHECK(info.envelope_version == 1);
                    CHECK(info.writer_major == PARTNERQI_VERSION_MAJOR);
                    CHECK(info.writer_minor == PARTNERQI_VERSION_MINOR);
                    CHECK(info.writer_patch == PARTNERQI_VERSION_PATCH);
                    // The payload is what follows the 48-byte header.
                    CHECK(info.payload_bytes + 48 == std::filesystem::file_size(file));
                }
            }
        }
    }
}

SCENARIO("a case study saved, loaded and saved again gives the same bytes") {
    GIVEN("the full illustrative study") {
        const model::case_study original = full_study();
        for (io::encoding format : all_encodings) {
            WHEN("it goes through " + std::string(io::describe(format)) + " twice") {
                const std::string first = saved_bytes(original, format);
                const std::string second = saved_bytes(load_bytes(first), format);
                THEN("both files are byte for byte identical") {
                    CHECK(first.size() == second.size());
                    CHECK(first == second);
                }
            }
        }
    }
}

SCENARIO("an empty case study round-trips in every encoding") {
    GIVEN("a case study with a title and a window but no records") {
        const model::case_study empty{"nothing yet", model::date_window::years(2020, 2020)};
        for (io::encoding format : all_encodings) {
            THEN("it loads back identical from " + std::string(io::describe(format))) {
                CHECK(load_bytes(saved_bytes(empty, format)) == empty);
            }
        }
    }
}

SCENARIO("the portable text encoding is the default") {
    GIVEN("a study saved without options") {
        std::ostringstream out(std::ios::out | std::ios::binary);
        io::save(full_study(), out);
        const std::string bytes = std::move(out).str();
        THEN("byte 12 of the envelope says portable text (1)") {
            REQUIRE(bytes.size() > 48);
            CHECK(static_cast<int>(bytes[12]) == 1);
        }
    }
}

SCENARIO("files do not depend on the program's locale") {
    GIVEN("a program whose global locale groups digits, like 12.345 in German") {
        struct grouping : std::numpunct<char> {
            char do_thousands_sep() const override { return '.'; }
            std::string do_grouping() const override { return "\3"; }
        };
        const std::string classic_bytes = saved_bytes(full_study(), io::encoding::portable_text);
        const std::locale previous =
            std::locale::global(std::locale(std::locale::classic(), new grouping));
        const std::string grouped_bytes = saved_bytes(full_study(), io::encoding::portable_text);
        const bool loads = load_bytes(classic_bytes) == full_study();
        std::locale::global(previous);
        THEN("the saved bytes are the same and they load") {
            CHECK(grouped_bytes == classic_bytes);
            CHECK(loads);
        }
    }
}
