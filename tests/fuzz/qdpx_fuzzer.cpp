// libFuzzer harness over the REFI-QDA project reader.
//
// Every input is read as a .qdpx archive held in memory, under small limits so that the fuzzer
// explores refusals quickly. Reading may fail only with partnerqi::load_error; any other
// exception, crash, sanitizer report, timeout or excessive allocation is a bug. What is read
// must be a valid case study whose report accounts for what was left out.
#include <cstddef>
#include <cstdint>
#include <string>

#include "partnerqi/error.hpp"
#include "partnerqi/io/detail/qdpx_archive.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace io = partnerqi::io;
    io::qdpx_read_options options;
    options.limits.max_entry_bytes = 1 << 20;
    options.limits.max_total_bytes = 4 << 20;
    options.limits.max_entries = 1000;
    options.limits.max_xml_depth = 64;
    try {
        const io::qdpx_import imported = io::detail::read_qdpx_bytes(
            std::string(reinterpret_cast<const char*>(data), size), options, "fuzz input");
        imported.study.validate();
    } catch (const partnerqi::load_error&) {
        // Refusing bad input is the expected outcome.
    }
    return 0;
}
