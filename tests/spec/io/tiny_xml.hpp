// A small, strict XML 1.0 reader for the specification of the XML exports: elements,
// attributes, character data and the predefined and numeric character references. It refuses
// what a conforming parser refuses in such documents (bytes that are not UTF-8, characters XML
// 1.0 forbids, a raw '<' or '&' in a value, unknown references, tags that do not match, a second
// root) and gives back the decoded values, so a test can check the text that comes back.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tiny_xml {

/// Why a document is not well-formed, with the byte offset where reading stopped.
struct malformed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// An element: its name (with any prefix), attributes in order, children and character data.
struct element {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::vector<element> children;
    std::string text;

    /// The value of an attribute, or nullptr.
    [[nodiscard]] const std::string* attribute(std::string_view key) const {
        for (const auto& [k, v] : attributes)
            if (k == key) return &v;
        return nullptr;
    }
    /// The value of an attribute; throws when it is absent.
    [[nodiscard]] const std::string& at(std::string_view key) const {
        const std::string* v = attribute(key);
        if (v == nullptr) throw malformed("<" + name + "> has no attribute " + std::string(key));
        return *v;
    }
    /// The children with a name, in order.
    [[nodiscard]] std::vector<const element*> all(std::string_view child) const {
        std::vector<const element*> out;
        for (const element& c : children)
            if (c.name == child) out.push_back(&c);
        return out;
    }
    /// The one child with a name; throws when there is none.
    [[nodiscard]] const element& child(std::string_view child) const {
        for (const element& c : children)
            if (c.name == child) return c;
        throw malformed("<" + name + "> has no <" + std::string(child) + ">");
    }
};

namespace detail {

inline void append_utf8(std::string& out, std::uint32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

/// XML 1.0's Char production.
inline bool allowed(std::uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

class reader {
public:
    explicit reader(std::string_view text) : text_(text) { check_characters(); }

    element document() {
        skip_space();
        if (text_.substr(at_, 5) == "<?xml") {
            const auto end = text_.find("?>", at_);
            if (end == std::string_view::npos) fail("the XML declaration is not closed");
            at_ = end + 2;
        }
        skip_space();
        element root = parse_element();
        skip_space();
        if (at_ != text_.size()) fail("something follows the root element");
        return root;
    }

private:
    std::string_view text_;
    std::size_t at_ = 0;

    [[noreturn]] void fail(const std::string& what) const {
        throw malformed(what + " at byte " + std::to_string(at_));
    }

    /// Every character is valid UTF-8 and allowed by XML 1.0.
    void check_characters() {
        for (std::size_t i = 0; i < text_.size();) {
            const auto b = static_cast<unsigned char>(text_[i]);
            std::size_t n = b < 0x80                 ? 1
                            : b >= 0xC2 && b <= 0xDF ? 2
                            : b >= 0xE0 && b <= 0xEF ? 3
                            : b >= 0xF0 && b <= 0xF4 ? 4
                                                     : 0;
            at_ = i;
            if (n == 0 || i + n > text_.size()) fail("a byte that starts no UTF-8 character");
            std::uint32_t c = n == 1 ? b : b & (0x7F >> n);
            for (std::size_t k = 1; k < n; ++k) {
                const auto x = static_cast<unsigned char>(text_[i + k]);
                if ((x & 0xC0) != 0x80) fail("a cut UTF-8 sequence");
                c = (c << 6) | (x & 0x3F);
            }
            const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
            if (c < smallest[n]) fail("an overlong UTF-8 sequence");
            if (!allowed(c)) fail("a character XML 1.0 forbids");
            i += n;
        }
        at_ = 0;
    }

    void skip_space() {
        while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n' ||
                                      text_[at_] == '\r' || text_[at_] == '\t'))
            ++at_;
    }

    std::string name() {
        const std::size_t start = at_;
        while (at_ < text_.size() && text_[at_] != ' ' && text_[at_] != '\n' &&
               text_[at_] != '\t' && text_[at_] != '\r' && text_[at_] != '/' && text_[at_] != '>' &&
               text_[at_] != '=' && text_[at_] != '<' && text_[at_] != '"' && text_[at_] != '\'' &&
               text_[at_] != '&')
            ++at_;
        if (at_ == start) fail("a name is missing");
        return std::string(text_.substr(start, at_ - start));
    }

    /// Decodes the reference at `at_` (which is '&') into `out`.
    void reference(std::string& out) {
        const auto end = text_.find(';', at_);
        if (end == std::string_view::npos || end - at_ > 12)
            fail("an '&' that starts no reference");
        const std::string_view ref = text_.substr(at_ + 1, end - at_ - 1);
        if (ref == "amp")
            out += '&';
        else if (ref == "lt")
            out += '<';
        else if (ref == "gt")
            out += '>';
        else if (ref == "quot")
            out += '"';
        else if (ref == "apos")
            out += '\'';
        else if (ref.size() > 1 && ref[0] == '#') {
            const bool hex = ref[1] == 'x';
            const std::string digits(ref.substr(hex ? 2 : 1));
            if (digits.empty()) fail("an empty character reference");
            std::size_t used = 0;
            const unsigned long c = std::stoul(digits, &used, hex ? 16 : 10);
            if (used != digits.size() || !allowed(static_cast<std::uint32_t>(c)))
                fail("a character reference to a character XML 1.0 forbids");
            append_utf8(out, static_cast<std::uint32_t>(c));
        } else {
            fail("an unknown entity reference &" + std::string(ref) + ";");
        }
        at_ = end + 1;
    }

    element parse_element() {
        if (at_ >= text_.size() || text_[at_] != '<') fail("an element is expected");
        ++at_;
        element e;
        e.name = name();
        while (true) {
            const std::size_t before = at_;
            skip_space();
            if (at_ >= text_.size()) fail("a start tag is not closed");
            if (text_.substr(at_, 2) == "/>") {
                at_ += 2;
                return e;
            }
            if (text_[at_] == '>') {
                ++at_;
                break;
            }
            if (at_ == before) fail("attributes must be separated by white space");
            std::string key = name();
            if (e.attribute(key) != nullptr) fail("attribute " + key + " appears twice");
            if (at_ >= text_.size() || text_[at_] != '=') fail("an attribute without '='");
            ++at_;
            if (at_ >= text_.size() || (text_[at_] != '"' && text_[at_] != '\'')) {
                fail("an attribute value without quotes");
            }
            const char quote = text_[at_++];
            std::string value;
            while (true) {
                if (at_ >= text_.size()) fail("an attribute value is not closed");
                const char c = text_[at_];
                if (c == quote) break;
                if (c == '<') fail("a raw '<' in an attribute value");
                if (c == '&') {
                    reference(value);
                } else {
                    // a raw white-space character is normalized to a space by XML 1.0
                    value += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
                    ++at_;
                }
            }
            ++at_;
            e.attributes.emplace_back(std::move(key), std::move(value));
        }
        while (true) {
            if (at_ >= text_.size()) fail("<" + e.name + "> is not closed");
            const char c = text_[at_];
            if (c == '<') {
                if (text_.substr(at_, 2) == "</") {
                    at_ += 2;
                    if (name() != e.name) fail("the end tag does not match <" + e.name + ">");
                    skip_space();
                    if (at_ >= text_.size() || text_[at_] != '>') fail("an end tag is not closed");
                    ++at_;
                    return e;
                }
                e.children.push_back(parse_element());
            } else if (c == '&') {
                reference(e.text);
            } else {
                e.text += c;
                ++at_;
            }
        }
    }
};

}  // namespace detail

/// Reads a whole document; throws malformed when it is not well-formed.
inline element parse(std::string_view document) { return detail::reader(document).document(); }

}  // namespace tiny_xml
