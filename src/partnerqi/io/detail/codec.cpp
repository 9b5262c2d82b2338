#include "partnerqi/io/detail/codec.hpp"

#include <cctype>
#include <istream>
#include <locale>
#include <ostream>
#include <streambuf>
#include <string_view>

#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include "partnerqi/io/detail/bounded_archives.hpp"
#include "partnerqi/io/detail/serialization.hpp"

namespace partnerqi::io::detail {

namespace {

constexpr const char* root_name = "case_study";

// Reads a payload in place: a string stream would copy it first, which costs time and, at the
// peak of a load, as much memory again as the payload.
class payload_buffer : public std::streambuf, public input_budget {
public:
    explicit payload_buffer(const std::string& payload) {
        char* begin = const_cast<char*>(payload.data());  // only ever read
        setg(begin, begin, begin + payload.size());
    }

    [[nodiscard]] std::uint64_t remaining() const noexcept override {
        return static_cast<std::uint64_t>(egptr() - gptr());
    }

protected:
    pos_type seekoff(off_type off, std::ios_base::seekdir dir,
                     std::ios_base::openmode which) override {
        const off_type size = egptr() - eback();
        const off_type base = dir == std::ios_base::beg   ? 0
                              : dir == std::ios_base::cur ? gptr() - eback()
                                                          : size;
        const off_type target = base + off;
        if ((which & std::ios_base::in) == 0 || target < 0 || target > size)
            return pos_type(off_type(-1));
        setg(eback(), eback() + target, egptr());
        return pos_type(target);
    }
    pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
        return seekoff(off_type(pos), std::ios_base::beg, which);
    }
};

template <class Archive>
void encode_into(Archive& ar, const model::case_study_data& data,
                 partnerqi::detail::progress_meter* meter) {
    save_context_of(ar).meter = meter != nullptr && meter->active() ? meter : nullptr;
    ar << boost::serialization::make_nvp(root_name, data);
}

template <class Archive>
void encode_with(std::ostream& out, const model::case_study_data& data,
                 partnerqi::detail::progress_meter* meter) {
    // Numbers must not depend on the program's global locale (digit grouping would break them).
    out.imbue(std::locale::classic());
    {
        Archive ar(out);
        encode_into(ar, data, meter);
    }  // the archive finishes writing (the XML end tag) when it is destroyed
}

// The oldest Boost archive library version partnerqi ever wrote: Boost 1.74's (18). An archive
// header claiming another version than those from there to this build's was not written by
// partnerqi.
constexpr unsigned oldest_archive_version = 18;

template <class Archive>
model::case_study_data decode_with(Archive& ar, const load_limits& limits,
                                   partnerqi::detail::progress_meter* meter,
                                   const input_budget& position, const input_budget* budget,
                                   bool binary) {
    const unsigned claimed = ar.get_library_version();
    const unsigned newest = boost::archive::BOOST_ARCHIVE_VERSION();
    if (claimed < oldest_archive_version || claimed > newest)
        throw load_error(load_error_category::damaged,
                         "its archive header claims serialization library version " +
                             std::to_string(claimed) + ", which no partnerqi writes (" +
                             std::to_string(oldest_archive_version) + " to " +
                             std::to_string(newest) +
                             "); the payload was made by another program: save the study again "
                             "with partnerqi");
    load_context& ctx = context_of(ar);
    ctx.limits = limits;
    ctx.budget = budget;
    ctx.binary = binary;
    if (meter != nullptr && meter->active()) {
        ctx.meter = meter;
        ctx.position = &position;
        ctx.payload_bytes = position.remaining();
    }
    model::case_study_data data;
    ar >> boost::serialization::make_nvp(root_name, data);
    return data;
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// True when `rest` is the end tag of the XML archive, with only white space around it.
bool is_xml_end(std::string_view rest) {
    constexpr std::string_view end_tag = "</boost_serialization>";
    std::size_t i = 0;
    while (i < rest.size() && is_space(rest[i]))
        ++i;
    if (rest.substr(i, end_tag.size()) != end_tag) return false;
    for (i += end_tag.size(); i < rest.size(); ++i)
        if (!is_space(rest[i])) return false;
    return true;
}

model::case_study_data decode_xml(const std::string& payload, const load_limits& limits,
                                  partnerqi::detail::progress_meter* meter) {
    payload_buffer buffer(payload);
    std::istream in(&buffer);
    in.imbue(std::locale::classic());
    // Every element name is checked as it is read (see checked_xml_iarchive).
    checked_xml_iarchive ar(in);
    model::case_study_data data = decode_with(ar, limits, meter, buffer, nullptr, false);
    // Boost 1.74 reads the closing tag in the archive's destructor and throws from there when it
    // is missing, which ends the process. Check what is left first; an exception thrown while
    // the archive is alive makes its destructor skip that read.
    const std::streampos here = in.tellg();
    if (here < 0) throw load_error(load_error_category::damaged, "its XML payload ends too early");
    const auto rest = std::string_view(payload).substr(static_cast<std::size_t>(here));
    if (!is_xml_end(rest))
        throw load_error(load_error_category::damaged,
                         "its XML payload does not end with the closing tag of the archive");
    return data;
}

// After the archive's last record, a payload holds nothing more: no byte in a binary payload,
// only the line end the writer puts in a text one. Bytes smuggled there, with the length and
// checksums recomputed, would otherwise load as if they were not there.
void nothing_after_archive(std::streambuf& in, bool text) {
    using traits = std::streambuf::traits_type;
    std::uint64_t extra = 0;
    for (auto c = in.sbumpc(); !traits::eq_int_type(c, traits::eof()); c = in.sbumpc())
        if (!text || !is_space(traits::to_char_type(c))) ++extra;
    if (extra > 0)
        throw load_error(load_error_category::damaged,
                         "its payload holds " + std::to_string(extra) +
                             " bytes after the end of the case study; the file was crafted or "
                             "written by another program: restore it from a backup");
}

}  // namespace

void encode_payload(payload_sink& out, const model::case_study_data& data, encoding format,
                    partnerqi::detail::progress_meter* meter) {
    switch (format) {
        case encoding::portable_text: {
            std::ostream os(&out);
            encode_with<boost::archive::text_oarchive>(os, data, meter);
            break;
        }
        case encoding::native_binary: {
            fast_binary_oarchive ar(out);
            encode_into(ar, data, meter);
            break;
        }
        case encoding::xml: {
            std::ostream os(&out);
            encode_with<boost::archive::xml_oarchive>(os, data, meter);
            break;
        }
        default:
            throw save_error("unknown encoding " + std::to_string(static_cast<int>(format)) +
                             "; choose portable text, native binary or XML");
    }
}

std::string encode_payload(const model::case_study_data& data, encoding format) {
    payload_sink sink;
    encode_payload(sink, data, format);
    std::string out;
    out.reserve(static_cast<std::size_t>(sink.size()));
    for (std::string_view piece : sink.pieces())
        out.append(piece.data(), piece.size());
    return out;
}

model::case_study_data decode_payload(payload_source& in, encoding format,
                                      const load_limits& limits,
                                      partnerqi::detail::progress_meter* meter) {
    const std::uint64_t size = in.length();
    switch (format) {
        case encoding::portable_text: {
            std::istream is(&in);
            is.imbue(std::locale::classic());
            bounded_text_iarchive ar(is, limits, size);
            model::case_study_data data = decode_with(ar, limits, meter, in, &in, false);
            nothing_after_archive(in, true);
            return data;
        }
        case encoding::native_binary: {
            bounded_binary_iarchive ar(in, limits, size);
            model::case_study_data data = decode_with(ar, limits, meter, in, &in, true);
            nothing_after_archive(in, false);
            return data;
        }
        default:
            throw load_error(load_error_category::damaged,
                             "its payload encoding (" + std::to_string(static_cast<int>(format)) +
                                 ") cannot be decoded as it is read");
    }
}

model::case_study_data decode_payload(const std::string& payload, encoding format,
                                      const load_limits& limits,
                                      partnerqi::detail::progress_meter* meter) {
    switch (format) {
        case encoding::portable_text:
        case encoding::native_binary: {
            payload_buffer buffer(payload);
            payload_source source(buffer, payload.size(), payload.size());
            return decode_payload(source, format, limits, meter);
        }
        case encoding::xml: return decode_xml(payload, limits, meter);
    }
    throw load_error(
        load_error_category::damaged,
        "its payload encoding (" + std::to_string(static_cast<int>(format)) + ") is unknown");
}

}  // namespace partnerqi::io::detail
