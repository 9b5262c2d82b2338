/// @file
/// Case-study files: save and load a whole case study, every record, ids and codes kept.
///
/// A file is a small checked envelope (magic bytes, versions, encoding, payload length and
/// CRC-32 checksums) in front of a serialized payload; docs/file-format.md describes it byte
/// by byte. Loading checks the envelope header before decoding a byte, decodes
/// through size-capped primitives (portable text and native binary as they are read, XML only
/// after the payload checksum), checks the payload's length and checksum, checks every enum,
/// date and reference, and validates the result with the same model::case_study::validate()
/// used when saving; only then is the case study handed over.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string_view>

#include "partnerqi/enum_traits.hpp"
#include "partnerqi/error.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/progress.hpp"

namespace partnerqi::io {

/// How the payload of a case-study file is encoded; chosen when saving, detected when loading.
enum class encoding : std::uint8_t {
    portable_text = 1,  ///< the default: portable between machines and compilers, compact
    native_binary = 2,  ///< fastest, but only for the same kind of machine (refused elsewhere)
    xml = 3             ///< readable by people and diff tools; larger and slower
};

}  // namespace partnerqi::io

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(io::encoding, 3, io::encoding::portable_text,
                             io::encoding::native_binary, io::encoding::xml)
}  // namespace partnerqi

namespace partnerqi::io {

/// The spelling of an encoding, as the command line takes it and parse<encoding> reads it back:
/// "text", "binary" or "xml"; "invalid" for a value that is not an enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(encoding value) noexcept;
/// The encoding in words, for people: "portable text", "native binary" or "XML".
[[nodiscard]] PARTNERQI_EXPORT std::string_view describe(encoding value) noexcept;

/// What to write when saving.
struct save_options {
    /// The payload encoding; portable text unless there is a reason to choose another.
    io::encoding format = encoding::portable_text;
};

/// Upper bounds a file must respect to be loaded, so that a damaged or hostile file cannot make
/// the program allocate without bound. Exceeding one gives load_error::limit_exceeded.
///
/// The defaults suit any real case study (a study with a million coded segments stays far
/// below them); lower them when loading files from untrusted sources.
struct load_limits {
    /// Largest payload accepted, in bytes (default 1 GiB).
    std::uint64_t max_payload_bytes = std::uint64_t{1} << 30;
    /// Longest single text (a transcript, a note) accepted, in bytes (default 64 MiB).
    std::uint64_t max_string_length = std::uint64_t{64} << 20;
    /// Most elements accepted in one collection (people, members of a team, ...) (default 50M).
    std::uint64_t max_collection_size = 50'000'000;
    /// Most elements accepted across all collections of the file (default 100M).
    std::uint64_t max_records = 100'000'000;
};

/// What the envelope of a case-study file says, read without decoding the payload.
struct file_info {
    std::uint16_t envelope_version = 0;  ///< the layout of the envelope (this build writes 1)
    io::encoding format = encoding::portable_text;  ///< how the payload is encoded
    std::uint64_t payload_bytes = 0;  ///< the length of the payload after the envelope
    std::uint16_t writer_major = 0;   ///< the partnerqi version that wrote the file
    std::uint16_t writer_minor = 0;   ///< minor version of the writer
    std::uint16_t writer_patch = 0;   ///< patch version of the writer
};

/// Saves a case study into a file, atomically.
///
/// The case study is validated first (an invalid one is refused with partnerqi::save_error and
/// nothing is written). The bytes go to a temporary file beside the target, which is flushed to
/// disk and then renamed over the target: a crash or a full disk never leaves half a file and
/// never destroys the previous version. Throws partnerqi::save_error naming the file, or
/// partnerqi::cancelled when `control`'s flag is raised (checked after each record; the
/// previous file is then left as it was). Progress is reported in records, as "saving".
/// @code
/// io::save(study, "study.pqi");                                  // portable text
/// io::save(study, "study.xml.pqi", {io::encoding::xml});         // readable export
/// @endcode
PARTNERQI_EXPORT void save(const model::case_study& study, const std::filesystem::path& file,
                           const save_options& options = {}, const run_control& control = {});

/// Saves a case study into a stream (opened in binary mode for native binary files).
///
/// Validates first like the file overload; throws partnerqi::save_error when the study is
/// invalid or the stream fails. What was written to a failing stream is not usable. A
/// cancelled save writes nothing to the stream.
PARTNERQI_EXPORT void save(const model::case_study& study, std::ostream& out,
                           const save_options& options = {}, const run_control& control = {});

/// Loads a case study from a file.
///
/// Throws partnerqi::load_error, whose category says what is wrong (not a case-study file,
/// damaged, truncated, newer format, limit exceeded, invalid content) and whose message names
/// the file and what to do. Never returns a case study that fails validate(). Progress is
/// reported in bytes of the payload, as "loading"; a raised flag in `control` stops the load
/// after the record being read with partnerqi::cancelled.
/// @code
/// model::case_study study = io::load("study.pqi");
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT model::case_study load(const std::filesystem::path& file,
                                                      const load_limits& limits = {},
                                                      const run_control& control = {});

/// A case study loaded from a file, with what the file's envelope says.
struct loaded_file {
    model::case_study study;  ///< the case study
    file_info info;           ///< the envelope: encoding, payload size, writer version
};

/// Loads a case study and its envelope's facts, reading the file once (so that a pipe or
/// /dev/stdin works); throws partnerqi::load_error like load().
[[nodiscard]] PARTNERQI_EXPORT loaded_file load_with_info(const std::filesystem::path& file,
                                                          const load_limits& limits = {},
                                                          const run_control& control = {});

/// Loads a case study from a stream positioned at the start of a case-study file; the whole
/// rest of the stream must be that file (trailing bytes are refused as damage).
[[nodiscard]] PARTNERQI_EXPORT model::case_study load(std::istream& in,
                                                      const load_limits& limits = {},
                                                      const run_control& control = {});

/// Reads and checks only the envelope of a case-study file (magic, versions, header checksum),
/// without reading the payload; throws partnerqi::load_error like load().
[[nodiscard]] PARTNERQI_EXPORT file_info read_file_info(const std::filesystem::path& file);

}  // namespace partnerqi::io
