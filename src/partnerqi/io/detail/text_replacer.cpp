#include "partnerqi/io/detail/text_replacer.hpp"

#include <algorithm>

namespace partnerqi::io::detail {

void text_replacer::add(std::string_view from, std::string to) {
    if (from.empty()) return;
    words_.emplace_back(from);
    replacements_.push_back(std::move(to));
    built_ = false;
}

std::uint32_t text_replacer::child(std::uint32_t from, unsigned char byte) const {
    const node& n = nodes_[from];
    const auto first = edges_.begin() + n.first_edge;
    const auto last = first + n.edge_count;
    const auto it = std::lower_bound(first, last, byte,
                                     [](const edge& e, unsigned char b) { return e.byte < b; });
    return it != last && it->byte == byte ? it->to : 0;
}

// A trie of the reversed words with failure links: scanning the reversed text, the longest word
// reached at position i is the longest word that starts at i in the text. Children are kept in
// one array, each node's sorted by byte, so that building and scanning touch little memory.
void text_replacer::build() const {
    // The trie first, with each node's children in a small list while words are inserted.
    std::vector<std::vector<edge>> children(1);
    std::vector<std::uint32_t> word_at(1, 0);
    for (std::size_t w = 0; w < words_.size(); ++w) {
        std::uint32_t at = 0;
        for (auto it = words_[w].rbegin(); it != words_[w].rend(); ++it) {
            const auto byte = static_cast<unsigned char>(*it);
            std::vector<edge>& list = children[at];
            auto found = std::find_if(list.begin(), list.end(),
                                      [byte](const edge& e) { return e.byte == byte; });
            if (found == list.end()) {
                const auto next = static_cast<std::uint32_t>(children.size());
                list.push_back({byte, next});
                children.emplace_back();
                word_at.push_back(0);
                at = next;
            } else {
                at = found->to;
            }
        }
        if (word_at[at] == 0) word_at[at] = static_cast<std::uint32_t>(w + 1);
    }
    nodes_.assign(children.size(), node{});
    edges_.clear();
    for (std::size_t n = 0; n < children.size(); ++n) {
        std::vector<edge>& list = children[n];
        std::sort(list.begin(), list.end(),
                  [](const edge& a, const edge& b) { return a.byte < b.byte; });
        nodes_[n].first_edge = static_cast<std::uint32_t>(edges_.size());
        nodes_[n].edge_count = static_cast<std::uint32_t>(list.size());
        nodes_[n].word = word_at[n];
        edges_.insert(edges_.end(), list.begin(), list.end());
        std::vector<edge>().swap(list);
    }
    // Breadth-first: a node's failure link is the longest proper suffix that is in the trie.
    std::vector<std::uint32_t> queue;
    queue.reserve(nodes_.size());
    for (std::uint32_t e = 0; e < nodes_[0].edge_count; ++e)
        queue.push_back(edges_[nodes_[0].first_edge + e].to);
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const std::uint32_t at = queue[q];
        for (std::uint32_t e = 0; e < nodes_[at].edge_count; ++e) {
            const edge& out = edges_[nodes_[at].first_edge + e];
            std::uint32_t f = nodes_[at].fail;
            while (f != 0 && child(f, out.byte) == 0)
                f = nodes_[f].fail;
            nodes_[out.to].fail = child(f, out.byte);
            // A node's own word is longer than any word of its failure chain.
            if (nodes_[out.to].word == 0) nodes_[out.to].word = nodes_[nodes_[out.to].fail].word;
            queue.push_back(out.to);
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
