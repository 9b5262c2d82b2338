// SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104) from OpenSSL's libcrypto: keyed
// pseudonyms, keyed date shifts and name-based identifiers.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace partnerqi::io::detail {

/// A SHA-256 or HMAC-SHA-256 digest.
using sha256_digest = std::array<std::uint8_t, 32>;

/// The SHA-256 digest of some bytes.
[[nodiscard]] sha256_digest sha256(std::string_view bytes);

/// The HMAC-SHA-256 of a message under a key.
[[nodiscard]] sha256_digest hmac_sha256(std::string_view key, std::string_view message);

/// A digest in lower-case hexadecimal.
[[nodiscard]] std::string to_hex(const sha256_digest& digest);

}  // namespace partnerqi::io::detail
