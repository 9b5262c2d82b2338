#include "partnerqi/io/detail/sha256.hpp"

#include <limits>

#include "partnerqi/error.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace partnerqi::io::detail {

sha256_digest sha256(std::string_view bytes) {
    sha256_digest digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) !=
            1 ||
        length != digest.size())
        throw error("SHA-256 failed in OpenSSL's libcrypto; check the OpenSSL installation");
    return digest;
}

sha256_digest hmac_sha256(std::string_view key, std::string_view message) {
    if (key.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw invalid_request_error(
            "the de-identification salt is longer than 2 GiB; use a "
            "shorter secret (32 random bytes are enough)");
    sha256_digest digest{};
    unsigned int length = 0;
    const auto* out = HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                           reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                           digest.data(), &length);
    if (out == nullptr || length != digest.size())
        throw error("HMAC-SHA-256 failed in OpenSSL's libcrypto; check the OpenSSL installation");
    return digest;
}

std::string to_hex(const sha256_digest& digest) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * digest.size());
    for (std::uint8_t byte : digest) {
        out += digits[byte >> 4];
        out += digits[byte & 0xf];
    }
    return out;
}

}  // namespace partnerqi::io::detail
