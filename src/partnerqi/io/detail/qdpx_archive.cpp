#include "partnerqi/io/detail/qdpx_archive.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <unordered_set>
#include <vector>

#include "partnerqi/detail/text.hpp"
#include "partnerqi/error.hpp"

#include <sys/stat.h>
#include <zip.h>

namespace partnerqi::io::detail {

namespace {

using category = load_error_category;

[[noreturn]] void refuse(category c, const std::string& where, const std::string& what) {
    throw load_error(c, where + ": " + what);
}

/// True when an entry name could leave the folder it would be extracted to: empty, absolute
/// (`/x`, `\x`, `C:x`), or with a `..` component, or a NUL byte.
bool leaves_archive(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.front() == '\\') return true;
    if (name.size() >= 2 && name[1] == ':') return true;
    if (name.find('\0') != std::string_view::npos) return true;
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t stop = name.find_first_of("/\\", start);
        const std::string_view part =
            name.substr(start, stop == std::string_view::npos ? name.npos : stop - start);
        if (part == "..") return true;
        if (stop == std::string_view::npos) break;
        start = stop + 1;
    }
    return false;
}

// libzip's text for an error. libzip copies errno into an error of the "system" type whether or
// not the failing call set it (a short read of a damaged archive sets nothing, and errno then
// still says what an earlier call, such as isatty(), left: "Inappropriate ioctl for device").
// errno is cleared before every libzip call that can fail, so a system part of 0 means no
// system call failed, and only libzip's own words are kept.
std::string zip_text(zip_error_t* error) {
    std::string text = zip_error_strerror(error);
    if (zip_error_system_type(error) == ZIP_ET_SYS && zip_error_code_system(error) == 0) {
        const std::size_t colon = text.find(": ");
        if (colon != std::string::npos) text.resize(colon);
    }
    return text;
}

std::string zip_message(zip_error_t* error) {
    std::string text = zip_text(error);
    zip_error_fini(error);
    return text;
}

}  // namespace

bounded_zip::bounded_zip(std::string where, const qdpx_limits& limits)
    : where_(std::move(where)), limits_(limits) {}

bounded_zip::bounded_zip(bounded_zip&& other) noexcept
    : where_(std::move(other.where_)),
      limits_(other.limits_),
      bytes_(std::move(other.bytes_)),
      archive_(std::exchange(other.archive_, nullptr)),
      index_(std::move(other.index_)),
      bytes_read_(other.bytes_read_) {}

bounded_zip& bounded_zip::operator=(bounded_zip&& other) noexcept {
    if (this != &other) {
        if (archive_ != nullptr) zip_discard(archive_);
        where_ = std::move(other.where_);
        limits_ = other.limits_;
        bytes_ = std::move(other.bytes_);
        archive_ = std::exchange(other.archive_, nullptr);
        index_ = std::move(other.index_);
        bytes_read_ = other.bytes_read_;
    }
    return *this;
}

bounded_zip::~bounded_zip() {
    if (archive_ != nullptr) zip_discard(archive_);
}

bounded_zip bounded_zip::open_file(const std::filesystem::path& file, const qdpx_limits& limits) {
    bounded_zip z(file.string(), limits);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        refuse(category::not_a_case_study_file, z.where_,
               "no such file (or not a regular file); check the path");
    }
    int code = 0;
    errno = 0;
    z.archive_ = zip_open(file.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (z.archive_ == nullptr) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);  // takes errno, cleared before zip_open
        refuse(category::not_a_case_study_file, z.where_,
               "not a readable zip archive (" + zip_message(&error) +
                   "); a REFI-QDA project (.qdpx) is a zip archive, export it again from the "
                   "analysis tool");
    }
    z.check_entries();
    return z;
}

bounded_zip bounded_zip::open_bytes(std::string bytes, const qdpx_limits& limits,
                                    std::string where) {
    bounded_zip z(std::move(where), limits);
    z.bytes_ = std::make_unique<std::string>(std::move(bytes));
    zip_error_t error;
    zip_error_init(&error);
    errno = 0;
    zip_source_t* source = zip_source_buffer_create(z.bytes_->data(), z.bytes_->size(), 0, &error);
    if (source != nullptr)
        z.archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (z.archive_ == nullptr) {
        if (source != nullptr) zip_source_free(source);
        refuse(category::not_a_case_study_file, z.where_,
               "not a readable zip archive (" + zip_message(&error) +
                   "); a REFI-QDA project (.qdpx) is a zip archive, export it again from the "
                   "analysis tool");
    }
    zip_error_fini(&error);
    z.check_entries();
    return z;
}

void bounded_zip::check_entries() {
    const zip_int64_t count = zip_get_num_entries(archive_, 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > limits_.max_entries) {
        refuse(category::limit_exceeded, where_,
               std::to_string(count) + " entries, more than the limit of " +
                   std::to_string(limits_.max_entries) +
                   "; raise qdpx_limits::max_entries if "
                   "the archive is trusted");
    }
    std::uint64_t total = 0;
    std::uint64_t total_compressed = 0;
    index_.reserve(static_cast<std::size_t>(count));
    for (zip_int64_t i = 0; i < count; ++i) {
        const auto entry = static_cast<zip_uint64_t>(i);
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive_, entry, ZIP_FL_ENC_GUESS, &st) != 0 ||
            (st.valid & ZIP_STAT_NAME) == 0 || (st.valid & ZIP_STAT_SIZE) == 0 ||
            (st.valid & ZIP_STAT_COMP_SIZE) == 0) {
            refuse(category::damaged, where_,
                   "entry " + std::to_string(i) + " cannot be described; the archive is damaged");
        }
        const std::string name = st.name;
        const std::string at = "entry '" + name + "'";
        if (leaves_archive(name)) {
            refuse(category::damaged, where_,
                   at + " has an absolute path or a '..' component that would leave the "
                        "archive; such archives are refused, export the project again");
        }
        zip_uint8_t system = 0;
        zip_uint32_t attributes = 0;
        if (zip_file_get_external_attributes(archive_, entry, 0, &system, &attributes) == 0 &&
            system == ZIP_OPSYS_UNIX && ((attributes >> 16) & S_IFMT) == S_IFLNK) {
            refuse(category::damaged, where_,
                   at + " is a symbolic link; links are refused, a REFI-QDA project holds only "
                        "files");
        }
        if (!index_.emplace(partnerqi::detail::lower_ascii(name), entry).second) {
            refuse(category::damaged, where_,
                   at + " appears twice (names compared without regard to case); the archive "
                        "is ambiguous, export the project again");
        }
        if (st.size > limits_.max_entry_bytes) {
            refuse(category::limit_exceeded, where_,
                   at + " unpacks to " + std::to_string(st.size) +
                       " bytes, more than the limit of " + std::to_string(limits_.max_entry_bytes) +
                       " (qdpx_limits::max_entry_bytes); raise it if the archive is trusted");
        }
        if (st.size > limits_.ratio_threshold_bytes &&
            (st.comp_size == 0 || st.size / st.comp_size > limits_.max_compression_ratio)) {
            refuse(category::limit_exceeded, where_,
                   at + " unpacks " + std::to_string(st.comp_size) + " bytes into " +
                       std::to_string(st.size) + ", a ratio beyond the limit of " +
                       std::to_string(limits_.max_compression_ratio) +
                       " (qdpx_limits::max_compression_ratio): a zip bomb is refused");
        }
        total += st.size;
        total_compressed += st.comp_size;
        if (total > limits_.max_total_bytes) {
            refuse(category::limit_exceeded, where_,
                   "the entries unpack to more than " + std::to_string(limits_.max_total_bytes) +
                       " bytes in all (qdpx_limits::max_total_bytes); raise it if the archive "
                       "is trusted");
        }
    }
    // Many small entries, each below the ratio threshold, may make a bomb together.
    if (total > limits_.ratio_threshold_bytes &&
        (total_compressed == 0 || total / total_compressed > limits_.max_compression_ratio)) {
        refuse(category::limit_exceeded, where_,
               "the entries unpack " + std::to_string(total_compressed) + " bytes into " +
                   std::to_string(total) + ", a ratio beyond the limit of " +
                   std::to_string(limits_.max_compression_ratio) +
                   " (qdpx_limits::max_compression_ratio): a zip bomb is refused");
    }
}

std::optional<std::string> bounded_zip::read(std::string_view name) {
    const auto it = index_.find(partnerqi::detail::lower_ascii(name));
    if (it == index_.end()) return std::nullopt;
    const std::string at = "entry '" + std::string(name) + "'";
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_, it->second, 0, &st) != 0) {
        refuse(category::damaged, where_, at + " cannot be described; the archive is damaged");
    }
    errno = 0;
    zip_file_t* file = zip_fopen_index(archive_, it->second, 0);
    if (file == nullptr) {
        refuse(category::damaged, where_,
               at + " cannot be opened (" + zip_text(zip_get_error(archive_)) +
                   "); the archive is damaged or encrypted");
    }
    // Read at most the announced size plus one byte: more than announced is damage, and the
    // announced size was checked against the limits when the archive was opened.
    std::string out;
    out.reserve(static_cast<std::size_t>(st.size));
    char buffer[1 << 14];
    const std::uint64_t cap = st.size + 1;
    while (out.size() < cap) {
        const auto want =
            static_cast<zip_uint64_t>(std::min<std::uint64_t>(sizeof buffer, cap - out.size()));
        errno = 0;
        const zip_int64_t got = zip_fread(file, buffer, want);
        if (got < 0) {
            const std::string why = zip_text(zip_file_get_error(file));
            zip_fclose(file);
            refuse(category::damaged, where_, at + " cannot be read (" + why + ")");
        }
        if (got == 0) break;
        out.append(buffer, static_cast<std::size_t>(got));
    }
    zip_fclose(file);
    if (out.size() != st.size) {
        refuse(category::damaged, where_,
               at + " holds " + (out.size() > st.size ? "more" : "fewer") +
                   " bytes than its header announces; the archive is damaged");
    }
    bytes_read_ += out.size();
    if (bytes_read_ > limits_.max_total_bytes) {
        refuse(category::limit_exceeded, where_,
               "more than " + std::to_string(limits_.max_total_bytes) +
                   " bytes read in all (qdpx_limits::max_total_bytes)");
    }
    return out;
}

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries,
                     const std::string& where) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (target == nullptr) throw save_error(where + ": " + zip_message(&error));
    zip_t* archive = zip_open_from_source(target, ZIP_TRUNCATE, &error);
    if (archive == nullptr) {
        zip_source_free(target);
        throw save_error(where + ": cannot make the zip archive (" + zip_message(&error) + ")");
    }
    zip_source_keep(target);
    auto fail = [&](const std::string& what) {
        const std::string why = zip_text(zip_get_error(archive));
        zip_discard(archive);
        zip_source_free(target);
        throw save_error(where + ": " + what + " (" + why + ")");
    };
    for (const auto& [name, content] : entries) {
        zip_source_t* piece = zip_source_buffer(archive, content.data(), content.size(), 0);
        if (piece == nullptr) fail("cannot add " + name);
        const zip_int64_t index = zip_file_add(archive, name.c_str(), piece, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(piece);
            fail("cannot add " + name);
        }
        // A fixed time (2000-01-01) keeps the archive the same from one export to the next.
        if (zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), 946684800, 0) != 0)
            fail("cannot date " + name);
    }
    if (zip_close(archive) != 0) fail("cannot write the zip archive");
    std::string out;
    if (zip_source_open(target) != 0 || zip_source_seek(target, 0, SEEK_END) != 0) {
        zip_source_free(target);
        throw save_error(where + ": cannot read back the zip archive made in memory");
    }
    const zip_int64_t size = zip_source_tell(target);
    zip_source_seek(target, 0, SEEK_SET);
    out.resize(static_cast<std::size_t>(std::max<zip_int64_t>(size, 0)));
    const zip_int64_t got =
        out.empty() ? 0 : zip_source_read(target, out.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(target);
    zip_source_free(target);
    if (got != size) throw save_error(where + ": cannot read back the zip archive made in memory");
    return out;
}

void check_utf8(std::string_view text, const std::string& where) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            min = 0x10000;
        }
        bool ok = length != 0 && i + length <= n;
        std::uint32_t cp = length == 0 ? 0 : (c & (0x7F >> length));
        for (std::size_t k = 1; ok && k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            ok = (next & 0xC0) == 0x80;
            cp = (cp << 6) | (next & 0x3F);
        }
        if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            refuse(category::damaged, where,
                   "invalid UTF-8 at byte " + std::to_string(i) +
                       "; REFI-QDA text is UTF-8, export the project again or convert the file");
        }
        i += length;
    }
}

void parse_xml(pugi::xml_document& doc, std::string_view text, const qdpx_limits& limits,
               const std::string& where) {
    check_utf8(text, where);
    // parse_doctype keeps a DOCTYPE as a node, so that it is seen and refused; pugixml never
    // reads a DTD or expands an entity other than the five predefined ones and numeric ones.
    const pugi::xml_parse_result parsed = doc.load_buffer(
        text.data(), text.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
    if (!parsed) {
        refuse(category::damaged, where,
               "not well-formed XML at byte " + std::to_string(parsed.offset) + " (" +
                   parsed.description() + "); export the project again");
    }
    // Depth, iteratively: a stack of (node, depth) never deeper than the limit plus one.
    std::vector<std::pair<pugi::xml_node, std::size_t>> stack;
    for (pugi::xml_node child : doc.children()) {
        if (child.type() == pugi::node_doctype) {
            refuse(category::damaged, where,
                   "has a DOCTYPE; DTDs and entities are refused in REFI-QDA files, which "
                   "never need them");
        }
        stack.emplace_back(child, 1);
    }
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        if (depth > limits.max_xml_depth) {
            refuse(category::limit_exceeded, where,
                   "elements nest deeper than " + std::to_string(limits.max_xml_depth) +
                       " levels (qdpx_limits::max_xml_depth)");
        }
        for (pugi::xml_node child : node.children())
            if (child.type() == pugi::node_element) stack.emplace_back(child, depth + 1);
    }
}

}  // namespace partnerqi::io::detail
