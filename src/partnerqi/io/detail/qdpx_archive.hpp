// Zip archives and XML documents of REFI-QDA projects, read within bounds and written in memory.
//
// Reading never extracts to disk: entries are checked (names, links, duplicates, announced sizes
// and compression ratios) when the archive is opened, then read into memory on request, counting
// the bytes actually decompressed against the same limits. Every refusal is a
// partnerqi::load_error naming the archive and the entry.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "partnerqi/io/refi_qda.hpp"

#include <pugixml.hpp>

struct zip;

namespace partnerqi::io::detail {

/// A zip archive opened for bounded reading.
class bounded_zip {
public:
    /// Opens the archive in a file, named by its path in messages.
    static bounded_zip open_file(const std::filesystem::path& file, const qdpx_limits& limits);
    /// Opens the archive held in `bytes`; `where` names it in messages.
    static bounded_zip open_bytes(std::string bytes, const qdpx_limits& limits, std::string where);

    bounded_zip(bounded_zip&&) noexcept;
    bounded_zip& operator=(bounded_zip&&) noexcept;
    ~bounded_zip();

    /// The entry with this name, compared without regard to case (tools write both `sources/`
    /// and `Sources/`), read whole into memory; no value when there is no such entry.
    [[nodiscard]] std::optional<std::string> read(std::string_view name);

    /// The archive, as messages name it.
    [[nodiscard]] const std::string& where() const noexcept { return where_; }

private:
    bounded_zip(std::string where, const qdpx_limits& limits);
    void check_entries();

    std::string where_;
    qdpx_limits limits_;
    std::unique_ptr<std::string> bytes_;  // the archive, when opened from memory
    ::zip* archive_ = nullptr;
    std::unordered_map<std::string, std::uint64_t> index_;  // lower-case name -> entry
    std::uint64_t bytes_read_ = 0;
};

/// A zip archive of these entries (name, content), made in memory with fixed timestamps so that
/// the same entries always give the same bytes; throws partnerqi::save_error naming `where`.
[[nodiscard]] std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries,
                                   const std::string& where);

/// Throws partnerqi::load_error (damaged) naming `where` unless `text` is valid UTF-8.
void check_utf8(std::string_view text, const std::string& where);

/// Parses UTF-8 XML into `doc`: refuses invalid UTF-8, a DOCTYPE (so no DTD and no entity is
/// ever processed), malformed XML and elements nested deeper than limits.max_xml_depth, each
/// with partnerqi::load_error naming `where`.
void parse_xml(pugi::xml_document& doc, std::string_view text, const qdpx_limits& limits,
               const std::string& where);

/// Reads a `.qdpx` project held in memory, as io::read_qdpx reads a file (the fuzzer's entry).
[[nodiscard]] qdpx_import read_qdpx_bytes(std::string bytes, const qdpx_read_options& options,
                                          const std::string& where);

}  // namespace partnerqi::io::detail
