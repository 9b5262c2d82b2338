// Large files are checksummed and decoded as they stream, in pieces: the checksum must not
// depend on where the pieces end, and damage far from the start must still be refused as
// damage or truncation, never handed over.
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include <support/catch.hpp>

#include "partnerqi/io.hpp"
#include "partnerqi/io/detail/envelope.hpp"
#include "partnerqi/io/detail/payload_stream.hpp"
#include "partnerqi/model/synthetic.hpp"

#include "full_study.hpp"

using namespace partnerqi;
using namespace partnerqi::io::testing;
using category = load_error_category;

namespace {

// The CRC-32 one bit at a time, straight from its definition (reflected polynomial 0xEDB88320).
std::uint32_t crc32_by_bits(std::string_view bytes) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (const char ch : bytes) {
        c ^= static_cast<unsigned char>(ch);
        for (int k = 0; k < 8; ++k)
            c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

category refusal(const std::string& bytes) {
    try {
        (void)load_bytes(bytes);
    } catch (const load_error& e) {
        return e.category();
    }
    FAIL("the bytes loaded, but they should have been refused");
    return category::damaged;
}

// An illustrative synthetic study whose files are several hundred kilobytes: larger than the
// 64 KiB read buffer and the 256 KiB write chunks.
const model::case_study& large_study() {
    static const model::case_study study = [] {
        model::detail::synthetic_options o;
        o.seed = 7;
        o.people = 2'000;
        o.engagements = 20'000;
        return model::detail::make_synthetic_case_study(o);
    }();
    return study;
}

}  // namespace

SCENARIO("the file checksum is the standard CRC-32 however the bytes are split") {
    GIVEN("the check string of the CRC-32 catalogue") {
        THEN("its checksum is CBF43926") {
            // The catalogue value for "123456789" (CRC-32/ISO-HDLC, as zip and PNG use).
            CHECK(io::detail::crc32("123456789") == 0xCBF43926u);
        }
    }
    GIVEN("bytes of every length up to 300, starting at every offset up to 15") {
        std::string bytes(400, '\0');
        std::uint32_t x = 12345;
        for (char& b : bytes) {
            x = x * 1103515245u + 12345u;
            b = static_cast<char>(x >> 24);
        }
        THEN("the fast checksum equals the bit-by-bit one, whole or in two pieces") {
            for (std::size_t offset = 0; offset < 16; ++offset)
                for (std::size_t length = 0; length <= 300; ++length) {
                    const std::string_view piece = std::string_view(bytes).substr(offset, length);
                    const std::uint32_t expected = crc32_by_bits(piece);
                    INFO("offset " << offset << ", length " << length);
                    REQUIRE(io::detail::crc32(piece) == expected);
                    const std::size_t half = length / 3;
                    const std::uint32_t split = io::detail::crc32_finish(io::detail::crc32_update(
                        io::detail::crc32_update(io::detail::crc32_start(), piece.substr(0, half)),
                        piece.substr(half)));
                    REQUIRE(split == expected);
                }
        }
    }
}

SCENARIO("a large study survives saving and loading, and damage anywhere in it is refused") {
    for (io::encoding format : {io::encoding::portable_text, io::encoding::native_binary}) {
        GIVEN("an illustrative study of 2,000 people saved in " +
              std::string(io::describe(format))) {
            const std::string bytes = saved_bytes(large_study(), format);
            REQUIRE(bytes.size() > std::size_t{512} << 10);
            THEN("it loads back equal to the original") {
                CHECK(load_bytes(bytes).data() == large_study().data());
            }
            THEN("a flipped bit near the start, the middle or the end is refused as damage") {
                for (std::size_t at : {std::size_t{100}, bytes.size() / 2, bytes.size() - 2}) {
                    std::string damaged = bytes;
                    damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
                    INFO("byte " << at << " of " << bytes.size());
                    CHECK(refusal(damaged) == category::damaged);
                }
            }
            THEN("a file cut at the middle or one byte short is refused as truncated") {
                CHECK(refusal(bytes.substr(0, bytes.size() / 2)) == category::truncated);
                CHECK(refusal(bytes.substr(0, bytes.size() - 1)) == category::truncated);
            }
            THEN("a file with bytes after its payload is refused as damage") {
                CHECK(refusal(bytes + '\n') == category::damaged);
            }
        }
    }
}

SCENARIO("a short file announcing a huge payload gives collections no room to reserve for it") {
    GIVEN("a stream holding 10 bytes after a header that announces 1,000,000") {
        std::istringstream in(std::string(10, 'x'));
        const std::uint64_t present = io::detail::payload_source::bytes_present(*in.rdbuf());
        io::detail::payload_source source(*in.rdbuf(), 1'000'000, present);
        THEN("only the 10 bytes really there count as room, and reading them leaves none") {
            CHECK(present == 10);
            CHECK(source.remaining() == 10);
            char bytes[4] = {};
            REQUIRE(source.get(bytes, 4));
            CHECK(source.remaining() == 6);  // 10 present - 4 read
        }
        THEN("the payload is reported cut short after those 10 bytes") {
            CHECK(source.finish(0) == io::detail::payload_end::truncated);
            CHECK(source.bytes_found() == 10);
        }
    }
}
