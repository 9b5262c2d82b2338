// libFuzzer harness over the CSV table reader.
//
// The input's first byte chooses a table of the folder (modulo the number of tables, in
// io::table_layouts() order: 0 is study.csv) and the rest is that table's bytes. The harness
//  1. parses the bytes with the CSV reader under small limits; what parses must write back
//     (RFC 4180, raw cells, after a byte order mark as the tables are written) and parse again
//     into the same rows;
//  2. writes the bytes as that one table into a scratch folder, beside a small valid study (one
//     organization, a manager and a patient advisor, which the table may refer to) whose own
//     table it replaces, and reads the folder with io::read_tables. Reading may fail only with
//     io::table_error; what is read must write back with io::write_tables and read again into
//     an equal study.
// Any other exception, crash, sanitizer report, timeout or excessive allocation is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "partnerqi/detail/csv.hpp"
#include "partnerqi/detail/csv_reader.hpp"
#include "partnerqi/error.hpp"
#include "partnerqi/io/tables.hpp"

#include <unistd.h>

namespace {

namespace fs = std::filesystem;

[[noreturn]] void broken(const char* what) {
    std::cerr << "tables fuzzer: " << what << "\n";
    std::abort();
}

// A scratch folder of this process, removed at exit.
struct scratch_folder {
    fs::path path = fs::temp_directory_path() /
                    ("partnerqi-tables-fuzz-" + std::to_string(static_cast<long>(::getpid())));
    scratch_folder() { fs::create_directories(path); }
    ~scratch_folder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    scratch_folder(const scratch_folder&) = delete;
    scratch_folder& operator=(const scratch_folder&) = delete;
};

void write_file(const fs::path& file, std::string_view bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) broken("cannot write the scratch folder");
}

// 1. What the CSV reader reads, written back, reads again the same.
void check_csv_round_trip(std::string_view text) {
    constexpr std::size_t max_cell_bytes = 4096;
    constexpr std::size_t max_cells = 4096;
    partnerqi::detail::csv_rows first;
    if (partnerqi::detail::parse_csv(text, max_cell_bytes, max_cells, first)) return;
    std::ostringstream out;
    out << "\xEF\xBB\xBF";
    for (const std::vector<std::string>& row : first.rows)
        partnerqi::detail::write_csv_row(out, row, partnerqi::detail::csv_cells::raw);
    partnerqi::detail::csv_rows second;
    if (partnerqi::detail::parse_csv(out.str(), max_cell_bytes, max_cells, second))
        broken("rows the CSV reader read do not read again once written");
    if (second.rows != first.rows) broken("rows the CSV reader read differ once written and read");
}

// The small valid study around the fuzzed table: file and bytes.
struct table_file {
    const char* file;
    const char* bytes;
};
constexpr table_file background[] = {
    {"study.csv", "title,description,window\r\nFuzz,,2015-01-01/2017-12-31\r\n"},
    {"organizations.csv", "code,name,setting\r\nHCO-1,Rural centre,rural\r\n"},
    {"people.csv",
     "code,role,tier,organization\r\nM-1,manager,top-level,HCO-1\r\n"
     "PA-1,patient-advisor,,HCO-1\r\n"},
};

// 2. The bytes as one table of a folder.
void check_read_tables(const fs::path& folder, const std::string& file, std::string_view bytes) {
    namespace io = partnerqi::io;
    const fs::path in = folder / "in";
    const fs::path again = folder / "again";
    std::error_code ec;
    fs::remove_all(in, ec);
    fs::create_directories(in);
    for (const table_file& t : background)
        if (file != t.file) write_file(in / t.file, t.bytes);
    write_file(in / file, bytes);
    io::tables_read_result read;
    try {
        read = io::read_tables(in);
    } catch (const io::table_error&) {
        return;  // refusing bad tables is the expected outcome
    }
    try {
        read.study.validate();
        io::write_tables(read.study, again);
        if (!(io::read_tables(again).study == read.study))
            broken("a study read from tables differs once written and read");
    } catch (const partnerqi::error& e) {
        std::cerr << e.what() << "\n";
        broken("a study read from tables does not write and read again");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<partnerqi::io::table_layout> layouts = partnerqi::io::table_layouts();
    static const scratch_folder folder;
    if (size == 0) return 0;
    const std::string& file = layouts[data[0] % layouts.size()].file;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    check_csv_round_trip(bytes);
    check_read_tables(folder.path, file, bytes);
    return 0;
}
