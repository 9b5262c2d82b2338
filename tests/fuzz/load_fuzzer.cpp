// libFuzzer harness over the public loader.
//
// An input that starts with the case-study signature is loaded as it is: this exercises the
// envelope checks. Any other input is read as one byte choosing the encoding (0 text, 1 binary,
// 2 XML, modulo 3) followed by a payload, which the harness seals in a correct envelope, so
// that the fuzzer reaches the decoders behind the checksum. Loading may fail only with
// partnerqi::load_error; any other exception, crash, sanitizer report, timeout or excessive
// allocation is a bug.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "partnerqi/io.hpp"
#include "partnerqi/io/detail/envelope.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace io = partnerqi::io;
    const std::string input(reinterpret_cast<const char*>(data), size);
    std::string file;
    if (size > 0 && data[0] == io::detail::file_magic[0]) {
        file = input;
    } else if (size > 0) {
        const auto format = static_cast<io::encoding>(1 + data[0] % 3);
        file = io::detail::wrap(std::string_view(input).substr(1), format);
    }

    io::load_limits limits;
    limits.max_payload_bytes = 1 << 20;
    limits.max_string_length = 1 << 16;
    limits.max_collection_size = 10'000;
    limits.max_records = 100'000;
    std::istringstream in(file, std::ios::in | std::ios::binary);
    try {
        const partnerqi::model::case_study study = io::load(in, limits);
        // What loads must be valid and must save again.
        std::ostringstream out(std::ios::out | std::ios::binary);
        io::save(study, out);
    } catch (const partnerqi::load_error&) {
        // Refusing bad input is the expected outcome.
    }
    return 0;
}
