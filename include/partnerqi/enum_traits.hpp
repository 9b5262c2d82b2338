/// @file
/// How every public enum of partnerqi names itself: one spelling per value, both ways.
///
/// Every public enum E, whatever its layer, has `to_string(E)` (its one spelling, found by
/// argument-dependent lookup in E's namespace), `parse<E>(text)` (which throws
/// partnerqi::parse_error listing the accepted spellings), `accepted_spellings<E>()` and
/// `enum_traits<E>::values` (every value, in order). Files, tables and the command line all
/// write and read these spellings. This header includes no Boost, so the model can use it.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "partnerqi/export.hpp"

namespace partnerqi {

/// Every value of an enum, in order, and the enum's name in messages; specialized for every
/// public enum of partnerqi.
template <class Enum>
struct enum_traits;

namespace detail {
[[noreturn]] PARTNERQI_EXPORT void throw_unknown_enum_text(std::string_view enum_name,
                                                           std::string_view text,
                                                           std::string_view accepted);

// "io::encoding" -> "encoding": an enum's name without its namespaces.
constexpr std::string_view unqualified(std::string_view name) noexcept {
    const std::size_t colons = name.rfind("::");
    return colons == std::string_view::npos ? name : name.substr(colons + 2);
}
}  // namespace detail

// Defines enum_traits<E> for one enum, at namespace partnerqi scope (E names its namespace
// below partnerqi, e.g. io::encoding). The `/** */` comments document what it generates, once
// for every enum: Doxygen expands the macro and substitutes E and the values.
#define PARTNERQI_DETAIL_ENUM_TRAITS(E, N, ...)                                            \
    /** @brief The N values of E in declaration order, and its name for messages. */       \
    template <>                                                                            \
    struct enum_traits<E> {                                                                \
        /** @brief The enum's name as parse_error messages print it: unknown E "...". */   \
        static constexpr std::string_view name = ::partnerqi::detail::unqualified(#E);     \
        /** @brief Every enumerator once, in declaration order, for parse and is_valid. */ \
        static constexpr std::array<E, N> values = {__VA_ARGS__};                          \
    };

/// The accepted spellings of an enum, comma separated, for messages and help texts.
/// @code
/// assert(accepted_spellings<io::encoding>() == "text, binary, xml");
/// @endcode
template <class Enum>
[[nodiscard]] std::string accepted_spellings() {
    std::string out;
    for (Enum value : enum_traits<Enum>::values) {
        if (!out.empty()) out += ", ";
        out += to_string(value);
    }
    return out;
}

/// Parses the spelling of an enum value (as to_string writes it); also accepts underscores for
/// hyphens. Throws partnerqi::parse_error naming the enum, the text and the accepted spellings.
/// @code
/// auto t = parse<model::management_tier>("front-line");
/// auto e = parse<io::encoding>("xml");
/// @endcode
template <class Enum>
[[nodiscard]] Enum parse(std::string_view text) {
    for (Enum value : enum_traits<Enum>::values) {
        std::string_view name = to_string(value);
        if (name.size() != text.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i) {
            char c = text[i] == '_' ? '-' : text[i];
            same = (c == name[i]);
        }
        if (same) return value;
    }
    detail::throw_unknown_enum_text(enum_traits<Enum>::name, text, accepted_spellings<Enum>());
}

/// True when `value` is one of the enumerators of Enum (for data read from outside).
template <class Enum>
[[nodiscard]] constexpr bool is_valid(Enum value) noexcept {
    for (Enum v : enum_traits<Enum>::values) {
        if (v == value) return true;
    }
    return false;
}

}  // namespace partnerqi
