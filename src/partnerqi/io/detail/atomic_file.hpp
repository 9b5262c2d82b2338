// Replacing a file so that readers see either the old or the new version, never half of one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace partnerqi::io::detail {

/// Writes `bytes` to a new temporary file beside `target`, flushes it to disk, then renames it
/// over `target` (and flushes the directory). On any failure the temporary is removed, `target`
/// is left as it was, and partnerqi::save_error is thrown naming the file.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

/// The same for a file made of several pieces, written one after the other.
void write_file_atomically(const std::filesystem::path& target,
                           const std::vector<std::string_view>& pieces);

/// A failing disk, simulated for the specification of failed saves: while an object of this
/// type lives, every atomic write made by the same thread stops with an error once it has
/// written `capacity` bytes of its file, as a full disk would make it. The library never makes
/// one; it is not exported, so only a program that links the library's objects can.
class simulated_full_disk {
public:
    explicit simulated_full_disk(std::uint64_t capacity) noexcept;
    ~simulated_full_disk();
    simulated_full_disk(const simulated_full_disk&) = delete;
    simulated_full_disk& operator=(const simulated_full_disk&) = delete;

private:
    std::uint64_t previous_capacity_;
};

}  // namespace partnerqi::io::detail
