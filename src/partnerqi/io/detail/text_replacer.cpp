#include "partnerqi/io/detail/text_replacer.hpp"

#include <algorithm>
#include <numeric>

namespace partnerqi::io::detail {

void text_replacer::add(std::string_view from, std::string to) {
    if (from.empty()) return;
    words_.emplace_back(from);
    replacements_.push_back(std::move(to));
    built_ = false;
}

std::uint32_t text_replacer::child(std::uint32_t from, unsigned char byte) const {
    if (from == 0) return root_[byte];
    const node& n = nodes_[from];
    const auto first = bytes_.begin() + n.first_child;
    const auto last = first + n.child_count;
    const auto it = std::lower_bound(first, last, byte);
    return it != last && *it == byte ? static_cast<std::uint32_t>(it - bytes_.begin()) : 0;
}

// A trie of the reversed words with failure links: scanning the reversed text, the longest word
// reached at position i is the longest word that starts at i in the text.
//
// The trie is built one depth at a time: the words are kept in one array, and each node of the
// current depth owns the run of them whose reversed prefixes lead to it; splitting a run by the
// next byte gives the node's children, numbered next. Every word is touched once per byte, and a
// run is split by counting (long runs) or by sorting at most a few dozen words, so the build is
// linear in the total length of the words and reads memory in order.
void text_replacer::build() const {
    nodes_.assign(1, node{});
    bytes_.assign(1, 0);
    root_.fill(0);
    std::vector<std::uint32_t> order(words_.size());
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    std::vector<std::uint32_t> scratch(order.size());
    struct run {
        std::size_t lo, hi;
    };
    std::vector<run> level{{0, order.size()}};
    std::vector<run> next;
    std::uint32_t level_first = 0;  // the node of level[0]; a level's nodes are consecutive
    for (std::size_t depth = 0; !level.empty(); ++depth) {
        const auto byte_of = [&](std::uint32_t w) {
            const std::string& word = words_[w];
            return static_cast<unsigned char>(word[word.size() - 1 - depth]);
        };
        const auto next_first = static_cast<std::uint32_t>(nodes_.size());
        next.clear();
        for (std::size_t k = 0; k < level.size(); ++k) {
            const std::uint32_t at = level_first + static_cast<std::uint32_t>(k);
            const auto first = order.begin() + static_cast<std::ptrdiff_t>(level[k].lo);
            const auto last = order.begin() + static_cast<std::ptrdiff_t>(level[k].hi);
            // The words that end here first; the earliest added one is the node's word.
            const auto rest = std::partition(
                first, last, [&](std::uint32_t w) { return words_[w].size() == depth; });
            if (first != rest) nodes_[at].word = *std::min_element(first, rest) + 1;
            // The others grouped by their next byte, in byte order.
            if (last - rest <= 64) {
                std::sort(rest, last, [&](std::uint32_t a, std::uint32_t b) {
                    return byte_of(a) < byte_of(b);
                });
            } else {
                std::array<std::size_t, 257> count{};
                for (auto it = rest; it != last; ++it)
                    ++count[byte_of(*it) + 1u];
                std::partial_sum(count.begin(), count.end(), count.begin());
                for (auto it = rest; it != last; ++it)
                    scratch[count[byte_of(*it)]++] = *it;
                std::copy(scratch.begin(), scratch.begin() + (last - rest), rest);
            }
            nodes_[at].first_child = static_cast<std::uint32_t>(nodes_.size());
            for (auto it = rest; it != last;) {
                const unsigned char byte = byte_of(*it);
                auto end = it;
                while (end != last && byte_of(*end) == byte)
                    ++end;
                if (at == 0) root_[byte] = static_cast<std::uint32_t>(nodes_.size());
                nodes_.emplace_back();
                bytes_.push_back(byte);
                next.push_back({static_cast<std::size_t>(it - order.begin()),
                                static_cast<std::size_t>(end - order.begin())});
                it = end;
            }
            nodes_[at].child_count =
                static_cast<std::uint32_t>(nodes_.size()) - nodes_[at].first_child;
        }
        level.swap(next);
        level_first = next_first;
    }
    // In breadth-first order: a node's failure link is the longest proper suffix in the trie,
    // which is shallower, so its own link and word are already known.
    for (std::uint32_t at = 0; at < nodes_.size(); ++at) {
        const node n = nodes_[at];
        for (std::uint32_t c = n.first_child; c < n.first_child + n.child_count; ++c) {
            std::uint32_t fail = 0;
            if (at != 0) {
                std::uint32_t f = n.fail;
                while (f != 0 && child(f, bytes_[c]) == 0)
                    f = nodes_[f].fail;
                fail = child(f, bytes_[c]);
            }
            nodes_[c].fail = fail;
            // A node's own word is longer than any word of its failure chain.
            if (nodes_[c].word == 0) nodes_[c].word = nodes_[fail].word;
        }
    }
    built_ = true;
}

std::string text_replacer::operator()(std::string_view text) const {
    if (words_.empty() || text.empty()) return std::string(text);
    if (!built_) build();
    // The longest word starting at each position, found by scanning the text backwards.
    std::vector<std::uint32_t> starts(text.size(), 0);
    std::uint32_t at = 0;
    for (std::size_t i = text.size(); i-- > 0;) {
        const auto byte = static_cast<unsigned char>(text[i]);
        while (at != 0 && child(at, byte) == 0)
            at = nodes_[at].fail;
        at = child(at, byte);
        starts[i] = nodes_[at].word;
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (const std::uint32_t w = starts[i]; w != 0) {
            out += replacements_[w - 1];
            i += words_[w - 1].size();
        } else {
            out += text[i++];
        }
    }
    return out;
}

}  // namespace partnerqi::io::detail
