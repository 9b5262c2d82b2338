// What a refused call said: the message of the exception a test expects, for checks that read
// it as a person would.
#pragma once

#include <string>

namespace partnerqi::test {

/// The message of the exception of type E that `f` throws, or "" when it throws none.
template <class E, class F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    }
    return "";
}

/// True when `text` contains `part`.
inline bool mentions(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// `text` as one line per paragraph: a line break followed by the spaces that indent a wrapped
/// continuation line reads as one space, so a check finds a sentence wherever the 100-column
/// wrapping of the text reports broke it.
inline std::string unwrapped(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == ' ') {
            while (i + 1 < text.size() && text[i + 1] == ' ')
                ++i;
            out += ' ';
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace partnerqi::test
