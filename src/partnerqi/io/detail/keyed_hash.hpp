// Keyed pseudonyms: HMAC-SHA-256 (RFC 2104, FIPS 180-4) from OpenSSL's libcrypto.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace partnerqi::io::detail {

/// An HMAC-SHA-256 digest.
using hmac_digest = std::array<std::uint8_t, 32>;

/// The HMAC-SHA-256 of a message under a key.
[[nodiscard]] hmac_digest hmac_sha256(std::string_view key, std::string_view message);

/// A digest in lower-case hexadecimal.
[[nodiscard]] std::string to_hex(const hmac_digest& digest);

}  // namespace partnerqi::io::detail
