// Small text helpers shared by the layers: the one place each is written.
#pragma once

#include <string>
#include <string_view>

namespace partnerqi::detail {

/// `text` with the ASCII letters A to Z in lower case; every other byte, UTF-8 included,
/// unchanged (locale-independent, unlike std::tolower).
inline std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace partnerqi::detail
