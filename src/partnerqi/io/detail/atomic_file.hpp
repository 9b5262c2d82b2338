// Replacing a file so that readers see either the old or the new version, never half of one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <limits>
#include <string_view>
#include <vector>

#include "partnerqi/export.hpp"

namespace partnerqi::io::detail {

/// Writes `bytes` to a new temporary file beside `target`, flushes it to disk, then renames it
/// over `target` (and flushes the directory). On any failure the temporary is removed, `target`
/// is left as it was, and partnerqi::save_error is thrown naming the file.
///
/// `fail_after_bytes` simulates a failing disk for tests: the write stops with an error once
/// that many bytes have been written, as a full disk would make it.
PARTNERQI_EXPORT void write_file_atomically(
    const std::filesystem::path& target, std::string_view bytes,
    std::uint64_t fail_after_bytes = std::numeric_limits<std::uint64_t>::max());

/// The same for a file made of several pieces, written one after the other.
PARTNERQI_EXPORT void write_file_atomically(
    const std::filesystem::path& target, const std::vector<std::string_view>& pieces,
    std::uint64_t fail_after_bytes = std::numeric_limits<std::uint64_t>::max());

}  // namespace partnerqi::io::detail
