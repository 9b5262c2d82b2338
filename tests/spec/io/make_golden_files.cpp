// Writes the golden case-study files of this version: v<N>-<encoding>.pqi for each encoding,
// where N is the payload format (1: partnerqi 0.1; 2: provenance on every record kind; 3:
// evaluation items and responses and the influence log),
// all holding full_study(). Golden files are never replaced: an existing file is left alone and
// reported, so that a later format adds new files instead.
#include <filesystem>
#include <iostream>
#include <string>

#include "partnerqi/io.hpp"

#include "full_study.hpp"

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    using partnerqi::io::encoding;
    if (argc != 2) {
        std::cerr << "usage: partnerqi_make_golden_files <directory>\n";
        return 2;
    }
    const fs::path dir = argv[1];
    const std::pair<encoding, const char*> files[] = {{encoding::portable_text, "v3-text.pqi"},
                                                      {encoding::native_binary, "v3-binary.pqi"},
                                                      {encoding::xml, "v3-xml.pqi"}};
    const partnerqi::model::case_study study = partnerqi::io::testing::full_study();
    int status = 0;
    for (const auto& [format, name] : files) {
        const fs::path file = dir / name;
        if (fs::exists(file)) {
            std::cerr << file.string() << " exists and is kept (golden files are never replaced)\n";
            status = 1;
            continue;
        }
        partnerqi::io::save(study, file, {format});
        std::cout << "wrote " << file.string() << " (" << fs::file_size(file) << " bytes)\n";
    }
    return status;
}
