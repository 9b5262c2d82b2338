// libFuzzer harness over the public loader: the input is a whole case-study file, loaded as it
// is, which exercises the envelope checks (payload_fuzzer.cpp reaches the decoders behind the
// checksums). Loading may fail only with partnerqi::load_error; any other exception, crash,
// sanitizer report, timeout or excessive allocation is a bug.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "partnerqi/io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace io = partnerqi::io;
    const std::string file(reinterpret_cast<const char*>(data), size);
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
