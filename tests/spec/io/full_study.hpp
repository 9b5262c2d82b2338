// Case studies for the io specification: the illustrated seed study plus records that set
// every field, every optional and awkward texts.
#pragma once

#include <string>

#include "partnerqi/io/case_study_file.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::io::testing {

/// model::seed_study_illustrated() plus illustrative records that use every record type and
/// set every optional field, with texts that contain spaces, line breaks, XML markup
/// characters and non-ASCII letters. The golden files hold exactly this study.
[[nodiscard]] model::case_study full_study();

/// The bytes of a case-study file for `study` in `format`, saved through a stream.
[[nodiscard]] std::string saved_bytes(const model::case_study& study, encoding format);

/// Loads a case study from bytes in memory, with the given limits.
[[nodiscard]] model::case_study load_bytes(const std::string& bytes,
                                           const load_limits& limits = {});

/// The bytes of a file ("" when it cannot be read).
[[nodiscard]] std::string read_all(const std::string& file);

/// How many entries a directory holds.
[[nodiscard]] std::size_t entries_in(const std::string& dir);

/// A directory under the system temporary directory, removed with everything in it when the
/// object goes out of scope.
class scratch_dir {
public:
    scratch_dir();
    ~scratch_dir();
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;
    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    /// A path inside the directory.
    [[nodiscard]] std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

}  // namespace partnerqi::io::testing
