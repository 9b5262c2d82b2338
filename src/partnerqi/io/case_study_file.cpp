#include "partnerqi/io/case_study_file.hpp"

#include <fstream>
#include <new>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <boost/archive/archive_exception.hpp>

#include "partnerqi/detail/progress_meter.hpp"
#include "partnerqi/error.hpp"
#include "partnerqi/io/detail/atomic_file.hpp"
#include "partnerqi/io/detail/codec.hpp"
#include "partnerqi/io/detail/envelope.hpp"
#include "partnerqi/io/detail/payload_stream.hpp"

namespace partnerqi::io {

namespace {

namespace fs = std::filesystem;

std::string file_name(const fs::path& file) { return "case-study file \"" + file.string() + "\""; }
constexpr const char* stream_name = "case-study stream";

// Translates whatever a load threw into a load_error that names the file. Called only from a
// catch block.
[[noreturn]] void rethrow_as_load_error(const std::string& what) {
    const std::string prefix = what + " cannot be loaded: ";
    using category = load_error_category;
    try {
        throw;
    } catch (const cancelled&) {
        throw;
    } catch (const load_error& e) {
        throw load_error(e.category(), prefix + e.what());
    } catch (const boost::archive::archive_exception& e) {
        switch (e.code) {
            case boost::archive::archive_exception::unsupported_version:
            case boost::archive::archive_exception::unsupported_class_version:
                throw load_error(category::newer_format,
                                 prefix +
                                     "its payload was written by a newer Boost.Serialization "
                                     "than this build uses (" +
                                     e.what() + "); open it with a newer partnerqi");
            default: {
                // The payload is decoded from memory, where no system call can fail: the system
                // error Boost may append to an input stream error (strerror(errno), e.g. "input
                // stream error-Inappropriate ioctl for device") is whatever an earlier call, such
                // as isatty(), left in errno, and is left out.
                const std::string why =
                    e.code == boost::archive::archive_exception::input_stream_error
                        ? std::string("input stream error: a value could not be read")
                        : std::string(e.what());
                throw load_error(category::damaged,
                                 prefix +
                                     "its payload cannot be decoded although its checksum "
                                     "matches (" +
                                     why +
                                     "); it was written by a faulty program or altered on "
                                     "purpose");
            }
        }
    } catch (const validation_error& e) {
        throw load_error(category::invalid_content,
                         prefix + "its content breaks a rule of the case study (" + e.what() +
                             "); it was written by a faulty program or edited by hand");
    } catch (const std::bad_alloc&) {
        throw load_error(category::limit_exceeded,
                         prefix +
                             "it needs more memory than is available; lower the load "
                             "limits or free memory");
    } catch (const std::length_error& e) {
        throw load_error(
            category::limit_exceeded,
            prefix + "it announces a size this program cannot hold (" + e.what() + ")");
    } catch (const partnerqi::error& e) {
        throw load_error(category::invalid_content, prefix + e.what());
    } catch (const std::exception& e) {
        throw load_error(category::damaged, prefix + e.what());
    }
}

loaded_file load_from(std::istream& in, const load_limits& limits, const std::string& what,
                      const run_control& control) {
    try {
        const detail::header h = detail::read_header(in);
        partnerqi::detail::progress_meter meter(control, "loading", h.info.payload_bytes);
        if (h.info.format == encoding::native_binary && h.platform != detail::this_platform())
            throw load_error(load_error_category::not_a_case_study_file,
                             "it is a native binary file from another kind of machine (" +
                                 detail::describe(h.platform) + "; this one is " +
                                 detail::describe(detail::this_platform()) +
                                 "); open it on a machine like the one that wrote it and save "
                                 "it again in portable text");
        if (h.info.format == encoding::xml) {
            // XML is decoded only once the whole payload has passed its checks: Boost 1.74's
            // XML archive is not safe on arbitrary bytes.
            std::string payload = detail::read_payload(in, h, limits);
            model::case_study_data data =
                detail::decode_payload(payload, h.info.format, limits, &meter);
            payload = std::string();
            meter.finish();
            return {model::case_study::from_data(std::move(data)), h.info};
        }
        // Portable text and native binary are decoded as they are read, by the bounded
        // archives; the length, trailing bytes and checksum are checked at the end of the
        // payload, and also when decoding fails (so damage is reported as damage), and always
        // before from_data hands anything over.
        detail::check_payload_limit(h, limits);
        if (in.rdbuf() == nullptr)
            throw load_error(load_error_category::truncated, "it ends after its envelope header");
        detail::payload_source source(*in.rdbuf(), h.info.payload_bytes,
                                      detail::payload_source::bytes_present(*in.rdbuf()));
        model::case_study_data data;
        try {
            data = detail::decode_payload(source, h.info.format, limits, &meter);
        } catch (const cancelled&) {
            throw;
        } catch (...) {
            detail::check_payload_end(source, h);
            throw;
        }
        detail::check_payload_end(source, h);
        meter.finish();
        return {model::case_study::from_data(std::move(data)), h.info};
    } catch (...) {
        rethrow_as_load_error(what);
    }
}

void check_savable(const model::case_study& study, const save_options& options,
                   const std::string& where) {
    if (options.format != encoding::portable_text && options.format != encoding::native_binary &&
        options.format != encoding::xml)
        throw save_error("cannot save the case study to " + where + ": the encoding " +
                         std::to_string(static_cast<int>(options.format)) +
                         " is unknown; choose portable text, native binary or XML");
    try {
        study.validate();
    } catch (const partnerqi::error& e) {
        throw save_error("cannot save the case study to " + where + ": it is not valid (" +
                         e.what() + "); correct the record and save again");
    }
}

// The encoded payload, its checksum computed as it was written.
struct encoded_file {
    std::string header;
    detail::payload_sink payload;
    std::vector<std::string_view> pieces;  ///< the header, then the payload's chunks
};

void encode_file(encoded_file& file, const model::case_study& study, const save_options& options,
                 const std::string& where, const run_control& control) {
    std::uint64_t records = 0;
    model::for_each_type(model::record_kinds{}, [&](auto* tag) {
        using Kind = std::remove_pointer_t<decltype(tag)>;
        records += study.data().template all<Kind>().size();
    });
    partnerqi::detail::progress_meter meter(control, "saving", records);
    try {
        detail::encode_payload(file.payload, study.data(), options.format, &meter);
    } catch (const save_error&) {
        throw;
    } catch (const cancelled&) {
        throw;
    } catch (const std::exception& e) {
        throw save_error("cannot save the case study to " + where + ": encoding it failed (" +
                         e.what() + ")");
    }
    std::vector<std::string_view> payload = file.payload.pieces();
    file.header = detail::make_header(file.payload.size(), file.payload.crc(), options.format);
    file.pieces.reserve(payload.size() + 1);
    file.pieces.emplace_back(file.header);
    file.pieces.insert(file.pieces.end(), payload.begin(), payload.end());
    meter.finish();
}

void check_loadable_path(const fs::path& file) {
    std::error_code ec;
    const fs::file_status status = fs::status(file, ec);
    if (!fs::exists(status))
        throw load_error(load_error_category::not_a_case_study_file,
                         file_name(file) + " cannot be loaded: it does not exist; check the path");
    if (fs::is_directory(status))
        throw load_error(
            load_error_category::not_a_case_study_file,
            file_name(file) + " cannot be loaded: it is a directory; give the path of a file");
}

}  // namespace

std::string_view to_string(encoding value) noexcept {
    switch (value) {
        case encoding::portable_text: return "text";
        case encoding::native_binary: return "binary";
        case encoding::xml: return "xml";
    }
    return "invalid";
}

std::string_view describe(encoding value) noexcept {
    switch (value) {
        case encoding::portable_text: return "portable text";
        case encoding::native_binary: return "native binary";
        case encoding::xml: return "XML";
    }
    return "unknown encoding";
}

void save(const model::case_study& study, const fs::path& file, const save_options& options,
          const run_control& control) {
    const std::string where = "\"" + file.string() + "\"";
    check_savable(study, options, where);
    encoded_file encoded;
    encode_file(encoded, study, options, where, control);
    detail::write_file_atomically(file, encoded.pieces);
}

void save(const model::case_study& study, std::ostream& out, const save_options& options,
          const run_control& control) {
    const std::string where = "a stream";
    check_savable(study, options, where);
    encoded_file encoded;
    encode_file(encoded, study, options, where, control);
    std::uint64_t size = 0;
    for (std::string_view piece : encoded.pieces) {
        if (!out) break;
        out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
        size += piece.size();
    }
    out.flush();
    if (!out)
        throw save_error("cannot save the case study to a stream: writing failed after at most " +
                         std::to_string(size) + " bytes; what was written is not usable");
}

loaded_file load_with_info(const fs::path& file, const load_limits& limits,
                           const run_control& control) {
    check_loadable_path(file);
    std::ifstream in(file, std::ios::in | std::ios::binary);
    if (!in)
        throw load_error(
            load_error_category::not_a_case_study_file,
            file_name(file) + " cannot be loaded: it cannot be opened; check its permissions");
    return load_from(in, limits, file_name(file), control);
}

model::case_study load(const fs::path& file, const load_limits& limits,
                       const run_control& control) {
    return load_with_info(file, limits, control).study;
}

model::case_study load(std::istream& in, const load_limits& limits, const run_control& control) {
    return load_from(in, limits, stream_name, control).study;
}

file_info read_file_info(const fs::path& file) {
    check_loadable_path(file);
    std::ifstream in(file, std::ios::in | std::ios::binary);
    if (!in)
        throw load_error(
            load_error_category::not_a_case_study_file,
            file_name(file) + " cannot be loaded: it cannot be opened; check its permissions");
    try {
        return detail::read_header(in).info;
    } catch (...) {
        rethrow_as_load_error(file_name(file));
    }
}

}  // namespace partnerqi::io
