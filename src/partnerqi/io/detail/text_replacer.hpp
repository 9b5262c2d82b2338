// Replaces many words in a text in one pass: leftmost-longest matches, never re-scanning what a
// replacement wrote, in time linear in the text plus the patterns (Aho-Corasick automaton over
// the reversed patterns: Aho and Corasick, "Efficient string matching: an aid to bibliographic
// search", Communications of the ACM 18(6), 1975, doi:10.1145/360825.360855).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace partnerqi::io::detail {

/// A set of (word, replacement) pairs applied to texts in one pass.
class text_replacer {
public:
    /// Adds a word to replace; a word added again keeps its first replacement. Empty words are
    /// ignored.
    void add(std::string_view from, std::string to);
    /// True when no word was added.
    [[nodiscard]] bool empty() const noexcept { return replacements_.empty(); }
    /// `text` with every leftmost-longest occurrence of a word replaced, scanning left to right;
    /// what a replacement writes is never matched again.
    [[nodiscard]] std::string operator()(std::string_view text) const;

private:
    // The automaton is built on the first use after an add().
    void build() const;
    [[nodiscard]] std::uint32_t child(std::uint32_t from, unsigned char byte) const;

    // The trie is numbered breadth-first, so the children of a node are the consecutive nodes
    // [first_child, first_child + child_count), sorted by byte: no edge list, no pointer chase.
    struct node {
        std::uint32_t fail = 0;
        std::uint32_t word = 0;  // 1 + index of the longest word ending here (via fail links), or 0
        std::uint32_t first_child = 0;
        std::uint32_t child_count = 0;
    };
    std::vector<std::string> words_;
    std::vector<std::string> replacements_;
    mutable std::vector<node> nodes_;
    mutable std::vector<unsigned char> bytes_;       // the byte on the edge into each node
    mutable std::array<std::uint32_t, 256> root_{};  // the root's children, 0 when none
    mutable bool built_ = false;
};

}  // namespace partnerqi::io::detail
