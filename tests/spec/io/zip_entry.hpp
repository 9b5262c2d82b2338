// Reading one entry of a zip archive (a REFI-QDA project) with libzip, for the specifications
// that look inside what partnerqi wrote.
#pragma once

#include <filesystem>
#include <string>

#include <support/catch.hpp>

#include <zip.h>

namespace partnerqi::test {

/// One entry of an archive, read with libzip; empty when there is none.
inline std::string entry_of(const std::filesystem::path& file, const std::string& name) {
    int code = 0;
    zip_t* archive = zip_open(file.c_str(), ZIP_RDONLY, &code);
    REQUIRE(archive != nullptr);
    std::string out;
    zip_stat_t st;
    if (zip_stat(archive, name.c_str(), 0, &st) == 0) {
        zip_file_t* f = zip_fopen(archive, name.c_str(), 0);
        out.resize(st.size);
        REQUIRE(zip_fread(f, out.data(), st.size) == static_cast<zip_int64_t>(st.size));
        zip_fclose(f);
    }
    zip_discard(archive);
    return out;
}

}  // namespace partnerqi::test
