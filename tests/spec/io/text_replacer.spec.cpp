// Property: the one-pass replacer that scrubs codes out of free texts (de-identification) gives
// the same text as the obvious replacer, which tries every word at every position.
//
// As in generated_studies.spec.cpp, the property is checked with rc::detail::checkTestable under
// a fixed seed and the result asserted with REQUIRE, for Catch2 v2 and v3 alike.
#include "partnerqi/io/detail/text_replacer.hpp"

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <support/catch.hpp>

#include <rapidcheck.h>

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
        rc::detail::TestParams params;
        params.seed = 20261129;  // fixed, so that a failure can be replayed
        params.maxSuccess = 500;
        params.maxSize = 100;  // lists of up to 100 words: smaller sizes miss overlaps
        rc::detail::TestMetadata metadata;
        metadata.id = metadata.description = "one-pass replacer against the obvious one";
        const auto result = rc::detail::checkTestable(
            [] {
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
            },
            metadata, params);
        THEN("both replacers agree on every text") {
            std::ostringstream report;
            rc::detail::printResultMessage(result, report);
            INFO(report.str());
            REQUIRE(result.template is<rc::detail::SuccessResult>());
        }
    }
}
