// libFuzzer harness over the REFI-QDA project reader.
//
// An input that starts with a zip signature ("PK") is read as a .qdpx archive held in memory:
// this exercises the archive checks. Any other input is a project.qde, which the harness packs
// alone in a correct archive, so that the fuzzer reaches the XML and the mapping behind the zip
// checksums. Both are read under small limits so that the fuzzer explores refusals quickly. Reading
// may fail only with partnerqi::load_error; any other exception, crash, sanitizer report, timeout
// or excessive allocation is a bug. What is read must be a valid case study whose report accounts
// for what was left out.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "partnerqi/error.hpp"
#include "partnerqi/io/detail/qdpx_archive.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace io = partnerqi::io;
    io::qdpx_read_options options;
    options.limits.max_entry_bytes = 1 << 20;
    options.limits.max_total_bytes = 4 << 20;
    options.limits.max_entries = 1000;
    options.limits.max_xml_depth = 64;
    std::string input(reinterpret_cast<const char*>(data), size);
    if (input.rfind("PK", 0) != 0) input = io::detail::make_zip({{"project.qde", input}}, "fuzz");
    try {
        const io::qdpx_import imported =
            io::detail::read_qdpx_bytes(std::move(input), options, "fuzz input");
        imported.study.validate();
    } catch (const partnerqi::load_error&) {
        // Refusing bad input is the expected outcome.
    }
    return 0;
}
