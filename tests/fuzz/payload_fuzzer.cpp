// Structure-aware libFuzzer harness over the payload decoders.
//
// Random damage to a case-study file never reaches the decoders: the envelope's checksums stop
// it. So the input here is a PAYLOAD: its first byte chooses the encoding (0 text, 1 binary,
// 2 XML, modulo 3) and the rest is the payload, which the harness seals in a correct envelope
// (io::detail::wrap recomputes the length and the checksums) before loading it under small
// limits. Loading may fail only with partnerqi::load_error; any other exception, crash,
// sanitizer report, timeout or excessive allocation is a bug. What loads must be valid, must
// save again in the same encoding, and must load back equal.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "partnerqi/error.hpp"
#include "partnerqi/io.hpp"
#include "partnerqi/io/detail/envelope.hpp"

namespace {

// Limits small enough that the fuzzer reaches every refusal quickly, large enough for the seeds.
partnerqi::io::load_limits small_limits() {
    partnerqi::io::load_limits limits;
    limits.max_payload_bytes = 1 << 20;
    limits.max_string_length = 1 << 16;
    limits.max_collection_size = 10'000;
    limits.max_records = 100'000;
    return limits;
}

[[noreturn]] void broken(const char* what) {
    std::cerr << "payload fuzzer: " << what << "\n";
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace io = partnerqi::io;
    if (size == 0) return 0;
    const auto format = static_cast<io::encoding>(1 + data[0] % 3);
    const std::string_view payload(reinterpret_cast<const char*>(data) + 1, size - 1);
    const io::load_limits limits = small_limits();
    std::istringstream in(io::detail::wrap(payload, format), std::ios::in | std::ios::binary);
    partnerqi::model::case_study study;
    try {
        study = io::load(in, limits);
    } catch (const partnerqi::load_error&) {
        return 0;  // refusing bad input is the expected outcome
    }
    // What loads is valid (save validates first), saves again and loads back equal.
    std::stringstream again(std::ios::in | std::ios::out | std::ios::binary);
    try {
        io::save(study, again, {format});
        if (!(io::load(again, limits) == study)) broken("a loaded study saved and loaded differs");
    } catch (const partnerqi::error& e) {
        std::cerr << e.what() << "\n";
        broken("a loaded study does not save and load again");
    }
    return 0;
}
