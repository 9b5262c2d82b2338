// The one rule for text that is not valid UTF-8 in what partnerqi writes for other programs:
// every export that must hold UTF-8 (GraphML, GEXF, DOT and the SVG or PNG drawn from it,
// REFI-QDA projects and codebooks) finds invalid sequences with valid_sequence() and replaces
// each: by U+FFFD in the network exports, by one '?' per byte in REFI-QDA, whose coded segments
// are placed by offsets that must not move. Case-study files keep texts as they are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace partnerqi::io::detail {

inline constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

/// The length of the valid UTF-8 sequence at the start of `text` (2 to 4 bytes, a character
/// XML 1.0 allows), or 0 with `consumed` set to the bytes of the invalid start: its longest
/// prefix that could begin a valid sequence, at least one byte (the Unicode Standard's
/// "maximal subpart", section 3.9, so each of them becomes one U+FFFD).
inline std::size_t valid_sequence(std::string_view text, std::size_t& consumed) {
    const auto lead = static_cast<unsigned char>(text[0]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    unsigned char low = 0x80;  // the range of the second byte (Unicode Table 3-7)
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, code = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, code = lead & 0x0Fu;
        if (lead == 0xE0) low = 0xA0;   // no overlong form
        if (lead == 0xED) high = 0x9F;  // no surrogate
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, code = lead & 0x07u;
        if (lead == 0xF0) low = 0x90;   // no overlong form
        if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
        consumed = 1;  // a continuation byte, C0, C1 or F5 to FF: never a start
        return 0;
    }
    std::size_t k = 1;
    for (; k < length && k < text.size(); ++k) {
        const auto b = static_cast<unsigned char>(text[k]);
        if (k == 1 ? (b < low || b > high) : (b & 0xC0u) != 0x80u) break;
        code = (code << 6) | (b & 0x3Fu);
    }
    consumed = k;
    if (k < length || code == 0xFFFE || code == 0xFFFF) return 0;
    return length;
}

}  // namespace partnerqi::io::detail
