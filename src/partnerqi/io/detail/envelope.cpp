#include "partnerqi/io/detail/envelope.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <istream>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

#include "partnerqi/error.hpp"
#include "partnerqi/io/detail/payload_stream.hpp"
#include "partnerqi/version.hpp"

namespace partnerqi::io::detail {

namespace {

// Byte offsets of the version-1 header (docs/file-format.md, "Envelope header").
constexpr std::size_t at_version = 8;
constexpr std::size_t at_header_length = 10;
constexpr std::size_t at_encoding = 12;
constexpr std::size_t at_flags = 13;
constexpr std::size_t at_writer = 14;
constexpr std::size_t at_platform = 20;
constexpr std::size_t at_payload_length = 28;
constexpr std::size_t at_payload_crc = 36;
constexpr std::size_t at_reserved = 40;
constexpr std::size_t at_header_crc = 44;
// Every envelope version starts with the magic, the version and the header length, and ends
// its header with a CRC-32 of the bytes before it.
constexpr std::size_t fixed_prefix = 12;
constexpr std::size_t min_header_size = fixed_prefix + 4;

void put_le(std::string& out, std::size_t at, std::uint64_t value, std::size_t bytes) {
    for (std::size_t i = 0; i < bytes; ++i)
        out[at + i] = static_cast<char>(static_cast<unsigned char>((value >> (8 * i)) & 0xFFu));
}

std::uint64_t get_le(std::string_view in, std::size_t at, std::size_t bytes) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < bytes; ++i)
        value |= std::uint64_t{static_cast<unsigned char>(in[at + i])} << (8 * i);
    return value;
}

std::string version_text(std::uint64_t major, std::uint64_t minor, std::uint64_t patch) {
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

[[noreturn]] void fail(load_error_category category, const std::string& message) {
    throw load_error(category, message);
}

}  // namespace

platform_tag this_platform() noexcept {
    const std::uint16_t probe = 1;
    unsigned char first = 0;
    std::memcpy(&first, &probe, 1);
    return {static_cast<std::uint8_t>(first == 1 ? 1 : 2),
            static_cast<std::uint8_t>(sizeof(short)),
            static_cast<std::uint8_t>(sizeof(int)),
            static_cast<std::uint8_t>(sizeof(long)),
            static_cast<std::uint8_t>(sizeof(long long)),
            static_cast<std::uint8_t>(sizeof(float)),
            static_cast<std::uint8_t>(sizeof(double)),
            static_cast<std::uint8_t>(sizeof(std::size_t))};
}

std::string describe(const platform_tag& tag) {
    std::string order = tag[0] == 1   ? "little-endian"
                        : tag[0] == 2 ? "big-endian"
                                      : "unknown byte order";
    auto size = [&](std::size_t i, const char* type) {
        return ", " + std::to_string(tag[i]) + "-byte " + type;
    };
    return order + size(1, "short") + size(2, "int") + size(3, "long") + size(4, "long long") +
           size(5, "float") + size(6, "double") + size(7, "size_t");
}

namespace {

// CRC-32 (the zlib polynomial, reflected) eight bytes at a time with eight tables, "slicing by
// 8": the same values as boost::crc_32_type, which goes a byte at a time and was the largest
// single cost of saving and loading a large native binary file.
struct crc_tables {
    std::uint32_t t[8][256];
};

const crc_tables& crc32_tables() noexcept {
    static const crc_tables tables = [] {
        crc_tables tb{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            tb.t[0][i] = c;
        }
        for (std::uint32_t i = 0; i < 256; ++i)
            for (int k = 1; k < 8; ++k)
                tb.t[k][i] = (tb.t[k - 1][i] >> 8) ^ tb.t[0][tb.t[k - 1][i] & 0xFFu];
        return tb;
    }();
    return tables;
}

// Four bytes as a little-endian number, whatever the machine's byte order.
std::uint32_t le32(const unsigned char* p) noexcept {
    return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 |
           std::uint32_t{p[3]} << 24;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define PARTNERQI_CRC32_CLMUL 1

// CRC-32 by carry-less multiplication (PCLMULQDQ), folding 64 bytes at a time: the method of
// Gopal et al., "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ Instruction"
// (Intel, 2009), with the bit-reflected constants for the zlib polynomial as used by zlib's
// and Linux's implementations. `n` is at least 64 and a multiple of 16; `c` is the running
// state (not inverted). Several times the speed of the tables.
__attribute__((target("pclmul,sse4.1"))) std::uint32_t crc32_clmul(std::uint32_t c,
                                                                   const unsigned char* p,
                                                                   std::size_t n) noexcept {
    alignas(16) static const std::uint64_t k1k2[] = {0x0154442bd4, 0x01c6e41596};
    alignas(16) static const std::uint64_t k3k4[] = {0x01751997d0, 0x00ccaa009e};
    alignas(16) static const std::uint64_t k5k0[] = {0x0163cd6124, 0x0000000000};
    alignas(16) static const std::uint64_t poly[] = {0x01db710641, 0x01f7011641};
    auto load = [](const unsigned char* q) {
        return _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    };

    __m128i x1 = load(p);
    __m128i x2 = load(p + 16);
    __m128i x3 = load(p + 32);
    __m128i x4 = load(p + 48);
    x1 = _mm_xor_si128(x1, _mm_cvtsi32_si128(static_cast<int>(c)));
    __m128i x0 = _mm_load_si128(reinterpret_cast<const __m128i*>(k1k2));
    p += 64;
    n -= 64;
    while (n >= 64) {
        const __m128i x5 = _mm_clmulepi64_si128(x1, x0, 0x00);
        const __m128i x6 = _mm_clmulepi64_si128(x2, x0, 0x00);
        const __m128i x7 = _mm_clmulepi64_si128(x3, x0, 0x00);
        const __m128i x8 = _mm_clmulepi64_si128(x4, x0, 0x00);
        x1 = _mm_clmulepi64_si128(x1, x0, 0x11);
        x2 = _mm_clmulepi64_si128(x2, x0, 0x11);
        x3 = _mm_clmulepi64_si128(x3, x0, 0x11);
        x4 = _mm_clmulepi64_si128(x4, x0, 0x11);
        x1 = _mm_xor_si128(_mm_xor_si128(x1, x5), load(p));
        x2 = _mm_xor_si128(_mm_xor_si128(x2, x6), load(p + 16));
        x3 = _mm_xor_si128(_mm_xor_si128(x3, x7), load(p + 32));
        x4 = _mm_xor_si128(_mm_xor_si128(x4, x8), load(p + 48));
        p += 64;
        n -= 64;
    }
    // Fold the four lanes into one.
    x0 = _mm_load_si128(reinterpret_cast<const __m128i*>(k3k4));
    for (const __m128i next : {x2, x3, x4}) {
        const __m128i x5 = _mm_clmulepi64_si128(x1, x0, 0x00);
        x1 = _mm_clmulepi64_si128(x1, x0, 0x11);
        x1 = _mm_xor_si128(_mm_xor_si128(x1, next), x5);
    }
    // Then the remaining 16-byte blocks.
    while (n >= 16) {
        const __m128i x5 = _mm_clmulepi64_si128(x1, x0, 0x00);
        x1 = _mm_clmulepi64_si128(x1, x0, 0x11);
        x1 = _mm_xor_si128(_mm_xor_si128(x1, load(p)), x5);
        p += 16;
        n -= 16;
    }
    // 128 bits to 64, then a Barrett reduction to 32.
    x2 = _mm_clmulepi64_si128(x1, x0, 0x10);
    x3 = _mm_setr_epi32(~0, 0, ~0, 0);
    x1 = _mm_srli_si128(x1, 8);
    x1 = _mm_xor_si128(x1, x2);
    x0 = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(k5k0));
    x2 = _mm_srli_si128(x1, 4);
    x1 = _mm_and_si128(x1, x3);
    x1 = _mm_clmulepi64_si128(x1, x0, 0x00);
    x1 = _mm_xor_si128(x1, x2);
    x0 = _mm_load_si128(reinterpret_cast<const __m128i*>(poly));
    x2 = _mm_and_si128(x1, x3);
    x2 = _mm_clmulepi64_si128(x2, x0, 0x10);
    x2 = _mm_and_si128(x2, x3);
    x2 = _mm_clmulepi64_si128(x2, x0, 0x00);
    x1 = _mm_xor_si128(x1, x2);
    return static_cast<std::uint32_t>(_mm_extract_epi32(x1, 1));
}

bool has_clmul() noexcept {
    static const bool yes = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
    return yes;
}
#endif

// The tables, eight bytes at a time.
std::uint32_t crc32_tables_update(std::uint32_t c, const unsigned char* p, std::size_t n) noexcept {
    const crc_tables& tb = crc32_tables();
    for (; n >= 8; p += 8, n -= 8) {
        const std::uint32_t one = le32(p) ^ c;
        const std::uint32_t two = le32(p + 4);
        c = tb.t[7][one & 0xFFu] ^ tb.t[6][(one >> 8) & 0xFFu] ^ tb.t[5][(one >> 16) & 0xFFu] ^
            tb.t[4][one >> 24] ^ tb.t[3][two & 0xFFu] ^ tb.t[2][(two >> 8) & 0xFFu] ^
            tb.t[1][(two >> 16) & 0xFFu] ^ tb.t[0][two >> 24];
    }
    for (; n > 0; ++p, --n)
        c = tb.t[0][(c ^ *p) & 0xFFu] ^ (c >> 8);
    return c;
}

}  // namespace

std::uint32_t crc32_update(std::uint32_t state, std::string_view bytes) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size();
#ifdef PARTNERQI_CRC32_CLMUL
    if (n >= 64 && has_clmul()) {
        const std::size_t blocks = n & ~std::size_t{15};
        state = crc32_clmul(state, p, blocks);
        p += blocks;
        n -= blocks;
    }
#endif
    return crc32_tables_update(state, p, n);
}

std::uint32_t crc32(std::string_view bytes) noexcept {
    return crc32_finish(crc32_update(crc32_start(), bytes));
}

std::string make_header(std::uint64_t payload_length, std::uint32_t payload_crc, encoding format) {
    std::string out(header_size, '\0');
    std::copy(file_magic.begin(), file_magic.end(), out.begin());
    put_le(out, at_version, current_envelope_version, 2);
    put_le(out, at_header_length, header_size, 2);
    put_le(out, at_encoding, static_cast<std::uint8_t>(format), 1);
    put_le(out, at_flags, 0, 1);
    put_le(out, at_writer, PARTNERQI_VERSION_MAJOR, 2);
    put_le(out, at_writer + 2, PARTNERQI_VERSION_MINOR, 2);
    put_le(out, at_writer + 4, PARTNERQI_VERSION_PATCH, 2);
    const platform_tag platform = this_platform();
    for (std::size_t i = 0; i < platform.size(); ++i)
        put_le(out, at_platform + i, platform[i], 1);
    put_le(out, at_payload_length, payload_length, 8);
    put_le(out, at_payload_crc, payload_crc, 4);
    put_le(out, at_reserved, 0, 4);
    put_le(out, at_header_crc, crc32(std::string_view(out).substr(0, at_header_crc)), 4);
    return out;
}

std::string wrap(std::string_view payload, encoding format) {
    std::string out = make_header(payload.size(), crc32(payload), format);
    out.append(payload.data(), payload.size());
    return out;
}

header read_header(std::istream& in) {
    std::string bytes(fixed_prefix, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(fixed_prefix));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) fail(load_error_category::not_a_case_study_file, "it is empty (no bytes at all)");
    const std::size_t compared = std::min(got, file_magic.size());
    if (!std::equal(file_magic.begin(), file_magic.begin() + static_cast<std::ptrdiff_t>(compared),
                    reinterpret_cast<const unsigned char*>(bytes.data())))
        fail(load_error_category::not_a_case_study_file,
             "it does not start with the signature of a partnerqi case-study file; it is some "
             "other kind of file");
    if (got < fixed_prefix)
        fail(load_error_category::truncated,
             "it ends after " + std::to_string(got) +
                 " bytes, inside its envelope header; the file was cut short, copy it again");

    const auto version = static_cast<std::uint16_t>(get_le(bytes, at_version, 2));
    const auto length = static_cast<std::size_t>(get_le(bytes, at_header_length, 2));
    if (length < min_header_size || length > max_header_size)
        fail(load_error_category::damaged,
             "its envelope header announces an impossible size (" + std::to_string(length) +
                 " bytes); the file is damaged, restore it from a backup");
    bytes.resize(length);
    in.read(bytes.data() + fixed_prefix, static_cast<std::streamsize>(length - fixed_prefix));
    if (static_cast<std::size_t>(in.gcount()) != length - fixed_prefix)
        fail(load_error_category::truncated,
             "it ends inside its envelope header; the file was cut short, copy it again");
    const auto stored_crc = static_cast<std::uint32_t>(get_le(bytes, length - 4, 4));
    if (stored_crc != crc32(std::string_view(bytes).substr(0, length - 4)))
        fail(load_error_category::damaged,
             "its envelope header fails its checksum: at least one byte changed since it was "
             "written; restore the file from a backup");

    header h;
    h.info.envelope_version = version;
    if (length >= at_writer + 6) {
        h.info.writer_major = static_cast<std::uint16_t>(get_le(bytes, at_writer, 2));
        h.info.writer_minor = static_cast<std::uint16_t>(get_le(bytes, at_writer + 2, 2));
        h.info.writer_patch = static_cast<std::uint16_t>(get_le(bytes, at_writer + 4, 2));
    }
    if (version == 0)
        fail(load_error_category::damaged, "its envelope version is 0, which no partnerqi writes");
    if (version > current_envelope_version)
        fail(load_error_category::newer_format,
             "it was written by partnerqi " +
                 version_text(h.info.writer_major, h.info.writer_minor, h.info.writer_patch) +
                 " in envelope version " + std::to_string(version) + ", but this build (" +
                 std::string(header_version) + ") reads envelope version " +
                 std::to_string(current_envelope_version) + "; open it with a newer partnerqi");
    if (length != header_size)
        fail(load_error_category::damaged, "its version-1 envelope header is " +
                                               std::to_string(length) + " bytes long instead of " +
                                               std::to_string(header_size));

    const auto format = static_cast<std::uint8_t>(get_le(bytes, at_encoding, 1));
    if (format < 1 || format > 3)
        fail(load_error_category::damaged,
             "its envelope names an unknown payload encoding (" + std::to_string(format) + ")");
    h.info.format = static_cast<encoding>(format);
    h.flags = static_cast<std::uint8_t>(get_le(bytes, at_flags, 1));
    if (h.flags != 0)
        fail(load_error_category::damaged, "its envelope sets flags (" + std::to_string(h.flags) +
                                               ") that version 1 does not define");
    for (std::size_t i = 0; i < h.platform.size(); ++i)
        h.platform[i] = static_cast<std::uint8_t>(get_le(bytes, at_platform + i, 1));
    h.info.payload_bytes = get_le(bytes, at_payload_length, 8);
    h.payload_crc = static_cast<std::uint32_t>(get_le(bytes, at_payload_crc, 4));
    return h;
}

void check_payload_limit(const header& h, const load_limits& limits) {
    const std::uint64_t expected = h.info.payload_bytes;
    if (expected > limits.max_payload_bytes)
        fail(load_error_category::limit_exceeded,
             "its payload is " + std::to_string(expected) + " bytes, more than the limit of " +
                 std::to_string(limits.max_payload_bytes) +
                 " bytes; raise load_limits::max_payload_bytes if the file is trusted");
}

void check_payload_end(payload_source& source, const header& h) {
    switch (source.finish(h.payload_crc)) {
        case payload_end::complete: return;
        case payload_end::truncated:
            fail(load_error_category::truncated,
                 "it ends " + std::to_string(source.bytes_found()) + " bytes into a payload of " +
                     std::to_string(h.info.payload_bytes) +
                     " bytes; the file was cut short (an interrupted copy or download), copy it "
                     "again");
        case payload_end::trailing_bytes:
            fail(load_error_category::damaged,
                 "it has bytes after the end of its payload; something was appended to the file "
                 "or two files were joined");
        case payload_end::checksum_mismatch:
            fail(load_error_category::damaged,
                 "its payload fails its checksum: at least one byte changed since it was "
                 "written; restore the file from a backup");
    }
}

std::string read_payload(std::istream& in, const header& h, const load_limits& limits) {
    check_payload_limit(h, limits);
    std::streambuf* upstream = in.rdbuf();
    if (upstream == nullptr)
        fail(load_error_category::truncated, "it ends after its envelope header");
    const std::uint64_t expected = h.info.payload_bytes;
    payload_source source(*upstream, expected, 0);  // nothing reserves from it
    // Read in chunks: the announced length is not trusted with an allocation until the bytes
    // are really there.
    constexpr std::uint64_t chunk = std::uint64_t{1} << 20;
    std::string payload;
    while (payload.size() < expected) {
        const auto want =
            static_cast<std::size_t>(std::min<std::uint64_t>(chunk, expected - payload.size()));
        const std::size_t old = payload.size();
        payload.resize(old + want);
        const auto got = static_cast<std::size_t>(
            source.sgetn(payload.data() + old, static_cast<std::streamsize>(want)));
        if (got != want) {
            payload.resize(old + got);
            break;
        }
    }
    check_payload_end(source, h);
    return payload;
}

}  // namespace partnerqi::io::detail
