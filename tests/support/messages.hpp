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

}  // namespace partnerqi::test
