// Turning case-study data into a payload and back, in each encoding.
#pragma once

#include <string>

#include "partnerqi/detail/progress_meter.hpp"
#include "partnerqi/io/case_study_file.hpp"
#include "partnerqi/io/detail/payload_stream.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::io::detail {

/// The payload for `data` in the given encoding. Does not validate `data`: save() does that.
[[nodiscard]] std::string encode_payload(const model::case_study_data& data, encoding format);

/// Writes the payload for `data` in the given encoding into `out`, reporting each record to
/// `meter` (which may stop the work by throwing partnerqi::cancelled).
void encode_payload(payload_sink& out, const model::case_study_data& data, encoding format,
                    partnerqi::detail::progress_meter* meter = nullptr);

/// Decodes a portable text or native binary payload as it is read from `in`. The bounded
/// archives make this safe on any bytes; the caller still checks the payload's length, what
/// follows it and its checksum (payload_source::finish) before using the result. Exceptions
/// as for the overload below.
[[nodiscard]] model::case_study_data decode_payload(
    payload_source& in, encoding format, const load_limits& limits,
    partnerqi::detail::progress_meter* meter = nullptr);

/// Decodes a payload whose envelope has passed its checks. Throws load_error (its message
/// without the file's name) for limits, newer class versions and unreadable values; Boost and
/// standard exceptions pass through for the caller to translate. Each record decoded is
/// reported to `meter`, in bytes of the payload.
[[nodiscard]] model::case_study_data decode_payload(
    const std::string& payload, encoding format, const load_limits& limits,
    partnerqi::detail::progress_meter* meter = nullptr);

}  // namespace partnerqi::io::detail
