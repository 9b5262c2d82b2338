// The envelope in front of every case-study file: see docs/file-format.md.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "partnerqi/io/case_study_file.hpp"

namespace partnerqi::io::detail {

/// The first eight bytes of every case-study file: "\x89PQI\r\n\x1a\n". The high byte and the
/// line endings catch transfers that strip the eighth bit or translate line ends.
inline constexpr std::array<unsigned char, 8> file_magic = {0x89, 'P',  'Q',  'I',
                                                            '\r', '\n', 0x1a, '\n'};
/// The envelope layout this build writes and reads.
inline constexpr std::uint16_t current_envelope_version = 1;
/// The size of the version-1 header, in bytes.
inline constexpr std::size_t header_size = 48;
/// The largest header any envelope version may have; a bigger announced size is damage.
inline constexpr std::size_t max_header_size = 4096;

/// What machine wrote a native binary payload: byte order and the sizes of the types the
/// binary archive writes natively.
using platform_tag = std::array<std::uint8_t, 8>;

/// The tag of the machine this code runs on.
[[nodiscard]] platform_tag this_platform() noexcept;
/// The tag in words, e.g. "little-endian, 4-byte int, 8-byte long, 8-byte size_t".
[[nodiscard]] std::string describe(const platform_tag& tag);

/// A decoded header.
struct header {
    file_info info;
    std::uint8_t flags = 0;
    platform_tag platform{};
    std::uint32_t payload_crc = 0;
};

/// The CRC-32 (IEEE 802.3, as zip and PNG use) of some bytes.
[[nodiscard]] std::uint32_t crc32(std::string_view bytes) noexcept;

/// The running state of a CRC-32 before any byte: crc32(a + b) ==
/// crc32_finish(crc32_update(crc32_update(crc32_start(), a), b)).
[[nodiscard]] constexpr std::uint32_t crc32_start() noexcept { return 0xFFFFFFFFu; }
/// The running state after `bytes` more.
[[nodiscard]] std::uint32_t crc32_update(std::uint32_t state, std::string_view bytes) noexcept;
/// The CRC-32 of everything given to crc32_update.
[[nodiscard]] constexpr std::uint32_t crc32_finish(std::uint32_t state) noexcept {
    return state ^ 0xFFFFFFFFu;
}

/// The version-1 header for a payload of `payload_length` bytes whose CRC-32 is `payload_crc`.
[[nodiscard]] std::string make_header(std::uint64_t payload_length, std::uint32_t payload_crc,
                                      encoding format);

/// The whole file for a payload: the version-1 header followed by the payload.
[[nodiscard]] std::string wrap(std::string_view payload, encoding format);

/// Reads and checks the header at the start of `in`. Throws load_error (its message without the
/// file's name) when the bytes are not a case-study header this build can read.
[[nodiscard]] header read_header(std::istream& in);

class payload_source;

/// Refuses a payload longer than load_limits::max_payload_bytes (limit_exceeded).
void check_payload_limit(const header& h, const load_limits& limits);

/// Reads what is left of the payload from `source` and checks its length (truncation), that
/// nothing follows it (trailing bytes) and its checksum; throws load_error otherwise.
void check_payload_end(payload_source& source, const header& h);

/// Reads the payload the header announces and checks its length (truncation), that nothing
/// follows it (trailing bytes) and its checksum. Never allocates more than it has read.
[[nodiscard]] std::string read_payload(std::istream& in, const header& h,
                                       const load_limits& limits);

}  // namespace partnerqi::io::detail
