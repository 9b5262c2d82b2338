// Property: the one-pass replacer that scrubs codes out of free texts (de-identification) gives
// the same text as the obvious replacer, which tries every word at every position.
//
// Checked under a fixed seed (support/property.hpp).
#include "partnerqi/io/detail/text_replacer.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <support/catch.hpp>
#include <support/property.hpp>

using namespace partnerqi;

namespace {

using word_list = std::vector<std::pair<std::string, std::string>>;

/// The obvious replacer: at each position, the longest word that starts there (the first added
/// among equal words) is replaced and skipped; otherwise the byte is kept.
std::string replaced_naively(const word_list& words, std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::pair<std::string, std::string>* best = nullptr;
        for (const auto& pair : words)
            if (!pair.first.empty() && text.substr(i, pair.first.size()) == pair.first &&
                (best == nullptr || pair.first.size() > best->first.size()))
                best = &pair;
        if (best != nullptr) {
            out += best->second;
            i += best->first.size();
        } else {
            out += text[i++];
        }
    }
    return out;
}

/// Short texts over a few letters, so that words overlap, nest and repeat often.
rc::Gen<std::string> few_letters(std::size_t max_length) {
    return rc::gen::mapcat(rc::gen::inRange<std::size_t>(0, max_length + 1), [](std::size_t n) {
        return rc::gen::container<std::string>(n, rc::gen::elementOf(std::string("abcab-")));
    });
}

}  // namespace

SCENARIO("scrubbing texts in one pass replaces exactly what trying every word would") {
    GIVEN(
        "500 generated lists of up to 100 words, some empty, repeated or inside another, "
        "with replacements that hold words, and texts over the same letters") {
        // Size 100: lists of up to 100 words; smaller sizes miss overlaps.
        const auto result = test::check_property(
            "one-pass replacer against the obvious one", {20261129, 500, 100}, [] {
                const auto words =
                    *rc::gen::container<word_list>(rc::gen::pair(few_letters(5), few_letters(6)));
                const auto texts =
                    *rc::gen::mapcat(rc::gen::inRange<std::size_t>(1, 4), [](std::size_t n) {
                        return rc::gen::container<std::vector<std::string>>(n, few_letters(80));
                    });
                io::detail::text_replacer scrub;
                for (const auto& [from, to] : words)
                    scrub.add(from, to);
                RC_ASSERT(scrub.empty() ==
                          std::all_of(words.begin(), words.end(),
                                      [](const auto& w) { return w.first.empty(); }));
                for (const std::string& text : texts)
                    RC_ASSERT(scrub(text) == replaced_naively(words, text));
            });
        THEN("both replacers agree on every text") { test::require_success(result); }
    }
}
