// Property: the evaluation items, evaluation responses and influence log of any valid case study
// come back with every field from a REFI-QDA project merged into the study without them.
//
// Checked under a fixed seed (support/property.hpp).
#include <filesystem>
#include <set>
#include <string>
#include <type_traits>

#include <support/catch.hpp>
#include <support/property.hpp>

#include "partnerqi/io/refi_qda.hpp"

#include "any_study.hpp"
#include "full_study.hpp"

using namespace partnerqi;
using namespace partnerqi::model;
namespace fs = std::filesystem;

namespace {

// Texts an XML attribute keeps as they are (no tab or line break, which XML turns into spaces)
// and whose bytes are all characters (so that every coded segment's offsets are exported):
// backslashes, colons and markup characters exercise the Notes' escaping.
rc::Gen<std::string> attribute_text() {
    return io::testing::joined_pieces(
        {"a", "Z", "7", " ", ",", "\"", ";", "\\", ":", ": ", "<", "&", "/", "\\n"});
}

template <class T>
std::string describe(const case_study& s, const T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
        return "\"" + value + "\"";
    } else if constexpr (is_optional<T>::value) {
        return value ? describe(s, *value) : std::string("unset");
    } else if constexpr (std::is_same_v<T, segment_id>) {
        const coded_segment& seg = s.get(value);
        return s.get(seg.source).code + "@" + std::to_string(seg.begin) + "-" +
               std::to_string(seg.end) + "/" + s.get(seg.code).name + "/" + seg.coder;
    } else if constexpr (is_id<T>::value) {
        if constexpr (has_code_v<record_for_id<T>>)
            return code_of_record(s.get(value));
        else
            return "own id";
    } else if constexpr (std::is_enum_v<T>) {
        return std::string(to_string(value));
    } else if constexpr (std::is_same_v<T, date>) {
        return value.to_iso();
    } else {
        return std::to_string(value);
    }
}

// Every record of kind R, each as its fields in words (references by code).
template <class R>
std::multiset<std::string> described(const case_study& s) {
    std::multiset<std::string> out;
    for (const R& r : s.all<R>()) {
        std::string line;
        for_each_field<R>([&](const auto& f) {
            if (!f.is(field_use::own_id)) line += f.name + ("=" + describe(s, r.*(f.member))) + ";";
        });
        out.insert(line);
    }
    return out;
}

}  // namespace

SCENARIO("any generated study's evaluation records and influence log come back from REFI-QDA") {
    GIVEN("40 generated case studies whose codes and texts hold backslashes, colons and markup") {
        io::testing::scratch_dir scratch;
        const fs::path file = fs::path(scratch.path()) / "study.qdpx";
        const auto result = test::check_property(
            "generated study REFI-QDA evidence round trip", {20261130, 40, 30}, [&] {
                const case_study study = io::testing::any_study({attribute_text()});
                static_cast<void>(io::write_qdpx(study, file));
                case_study without = study;
                while (!without.all<advisor_input>().empty())
                    without.remove(without.all<advisor_input>().back().id);
                while (!without.all<evaluation_response>().empty())
                    without.remove(without.all<evaluation_response>().back().id);
                while (!without.all<evaluation_item>().empty())
                    without.remove(without.all<evaluation_item>().back().id);
                static_cast<void>(io::merge_qdpx(without, file));
                RC_ASSERT(described<evaluation_item>(without) == described<evaluation_item>(study));
                RC_ASSERT(described<evaluation_response>(without) ==
                          described<evaluation_response>(study));
                RC_ASSERT(described<advisor_input>(without) == described<advisor_input>(study));
            });
        THEN("the property holds for all of them") { test::require_success(result); }
    }
}
