/// @file
/// The exceptions partnerqi throws: every one derives from partnerqi::error.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "partnerqi/enum_traits.hpp"
#include "partnerqi/export.hpp"

namespace partnerqi {

/// The base of every exception partnerqi throws; its message names the record, what is wrong and
/// what to do.
class PARTNERQI_EXPORT error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Text that does not name a known value (an enum spelled wrongly, a malformed date).
class PARTNERQI_EXPORT parse_error : public error {
public:
    using error::error;
};

/// A record that would break an invariant of the case study (a duplicate code, a dangling
/// reference, a date outside the study window, ...).
class PARTNERQI_EXPORT validation_error : public error {
public:
    /// Builds the message "<record>: <rule>".
    validation_error(std::string record, std::string rule);
    /// The record at fault, for example "person M-TOP-03".
    [[nodiscard]] const std::string& record() const noexcept { return record_; }
    /// The rule it breaks, in words.
    [[nodiscard]] const std::string& rule() const noexcept { return rule_; }

private:
    std::string record_;
    std::string rule_;
};

/// A lookup by id or code that found nothing.
class PARTNERQI_EXPORT not_found_error : public error {
public:
    using error::error;
};

/// A request that makes no sense for the data (an empty window, a window outside the study,
/// an unknown wave, a bad option).
class PARTNERQI_EXPORT invalid_request_error : public error {
public:
    using error::error;
};

/// What kind of problem stopped a case-study file from loading.
enum class load_error_category {
    not_a_case_study_file,  ///< wrong magic bytes, empty file, a directory, a missing file
    damaged,                ///< checksum mismatch, undecodable payload, trailing bytes
    truncated,              ///< the file ends before the length its header announces
    newer_format,           ///< written by a newer envelope or record version than this build
    limit_exceeded,         ///< a string, collection or payload larger than the load limits
    invalid_content         ///< decoded, but breaks an invariant (dangling reference, bad enum)
};

PARTNERQI_DETAIL_ENUM_TRAITS(load_error_category, 6, load_error_category::not_a_case_study_file,
                             load_error_category::damaged, load_error_category::truncated,
                             load_error_category::newer_format, load_error_category::limit_exceeded,
                             load_error_category::invalid_content)

/// The spelling of a load_error category: its enumerator's name with hyphens for underscores,
/// for example "not-a-case-study-file"; parse<load_error_category> reads it back.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(load_error_category category) noexcept;

/// A case-study file that could not be loaded; the caller's data is untouched.
class PARTNERQI_EXPORT load_error : public error {
public:
    /// A load error of `category` whose what() is `message`: the file, the problem, what to do.
    load_error(load_error_category category, const std::string& message);
    /// What kind of problem it was.
    [[nodiscard]] load_error_category category() const noexcept { return category_; }

private:
    load_error_category category_;
};

/// A long call stopped because its cancellation flag was raised (see partnerqi/progress.hpp);
/// nothing it was given has changed and no output was half-written.
class PARTNERQI_EXPORT cancelled : public error {
public:
    using error::error;
};

/// A case study that could not be saved or exported; any previous file is left intact.
class PARTNERQI_EXPORT save_error : public error {
public:
    using error::error;
};

}  // namespace partnerqi
