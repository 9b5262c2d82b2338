#include "partnerqi/io/detail/text_replacer.hpp"

#include <deque>

namespace partnerqi::io::detail {

namespace {
std::uint64_t edge_key(std::uint32_t node, unsigned char byte) {
    return (static_cast<std::uint64_t>(node) << 8) | byte;
}
}  // namespace

void text_replacer::add(std::string_view from, std::string to) {
    if (from.empty()) return;
    words_.emplace_back(from);
    replacements_.push_back(std::move(to));
    built_ = false;
}

std::uint32_t text_replacer::child(std::uint32_t from, unsigned char byte) const {
    const auto it = edges_.find(edge_key(from, byte));
    return it == edges_.end() ? 0 : it->second;
}

// A trie of the reversed words with failure links: scanning the reversed text, the longest word
// reached at position i is the longest word that starts at i in the text.
void text_replacer::build() const {
    nodes_.assign(1, node{});
    edges_.clear();
    for (std::size_t w = 0; w < words_.size(); ++w) {
        std::uint32_t at = 0;
        for (auto it = words_[w].rbegin(); it != words_[w].rend(); ++it) {
            const auto byte = static_cast<unsigned char>(*it);
            std::uint32_t next = child(at, byte);
            if (next == 0) {
                next = static_cast<std::uint32_t>(nodes_.size());
                nodes_.push_back(node{});
                edges_.emplace(edge_key(at, byte), next);
            }
            at = next;
        }
        if (nodes_[at].word == 0) nodes_[at].word = static_cast<std::uint32_t>(w + 1);
    }
    // Breadth-first: a node's failure link is the longest proper suffix that is in the trie.
    std::vector<std::vector<std::pair<unsigned char, std::uint32_t>>> children(nodes_.size());
    for (const auto& [key, to] : edges_)
        children[key >> 8].emplace_back(static_cast<unsigned char>(key & 0xff), to);
    std::deque<std::uint32_t> queue;
    for (const auto& [byte, to] : children[0]) {
        nodes_[to].fail = 0;
        queue.push_back(to);
    }
    while (!queue.empty()) {
        const std::uint32_t at = queue.front();
        queue.pop_front();
        for (const auto& [byte, to] : children[at]) {
            std::uint32_t f = nodes_[at].fail;
            while (f != 0 && child(f, byte) == 0)
                f = nodes_[f].fail;
            const std::uint32_t target = child(f, byte);
            nodes_[to].fail = target == to ? 0 : target;
            // A node's own word is longer than any word of its failure chain.
            if (nodes_[to].word == 0) nodes_[to].word = nodes_[nodes_[to].fail].word;
            queue.push_back(to);
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
