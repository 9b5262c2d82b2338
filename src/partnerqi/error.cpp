#include "partnerqi/error.hpp"

#include <utility>

#include "partnerqi/version.hpp"

namespace partnerqi {

namespace detail {
void throw_unknown_enum_text(std::string_view enum_name, std::string_view text,
                             std::string_view accepted) {
    throw parse_error("unknown " + std::string(enum_name) + " \"" + std::string(text) +
                      "\"; use one of: " + std::string(accepted));
}
}  // namespace detail

validation_error::validation_error(std::string record, std::string rule)
    : error(record + ": " + rule), record_(std::move(record)), rule_(std::move(rule)) {}

std::string_view to_string(load_error_category category) noexcept {
    switch (category) {
        case load_error_category::not_a_case_study_file: return "not-a-case-study-file";
        case load_error_category::damaged: return "damaged";
        case load_error_category::truncated: return "truncated";
        case load_error_category::newer_format: return "newer-format";
        case load_error_category::limit_exceeded: return "limit-exceeded";
        case load_error_category::invalid_content: return "invalid-content";
    }
    return "invalid";
}

load_error::load_error(load_error_category category, const std::string& message)
    : error(message), category_(category) {}

std::string_view library_version() noexcept { return header_version; }

}  // namespace partnerqi
