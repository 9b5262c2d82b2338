// Input archives that check every length and count against the load limits before allocating,
// the XML input archive that checks every element name, and the native binary output archive
// that writes straight into a payload_sink.
//
// Boost 1.74's text and binary input archives resize a string to whatever length the input
// announces (3 GB from ten digits) and let collections reserve from an untrusted count. These
// archives derive from the library's own implementations (the CRTP recipe of Boost's
// "derivation" documentation) and override just the loads that allocate. Their members are
// instantiated explicitly in bounded_archives.cpp.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive_impl.hpp>
#include <boost/archive/binary_oarchive_impl.hpp>
#include <boost/archive/detail/register_archive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/serialization/collection_size_type.hpp>

#include "partnerqi/io/case_study_file.hpp"
#include "partnerqi/io/detail/payload_stream.hpp"

namespace partnerqi::io::detail {

/// The checks both bounded archives share.
class archive_bounds {
public:
    archive_bounds(const load_limits& limits, std::uint64_t input_bytes)
        : limits_(limits), input_bytes_(input_bytes) {}

    /// Refuses a string length beyond the limit or beyond what the input can hold.
    void check_string(std::uint64_t length) const;
    /// Refuses a collection count beyond the limit or beyond what the input can hold.
    void check_count(std::uint64_t count) const;

private:
    load_limits limits_;
    std::uint64_t input_bytes_;
};

/// A text input archive with bounded strings and collection counts.
class bounded_text_iarchive : public boost::archive::text_iarchive_impl<bounded_text_iarchive> {
    using base = boost::archive::text_iarchive_impl<bounded_text_iarchive>;
    friend class boost::archive::detail::interface_iarchive<bounded_text_iarchive>;
    friend class boost::archive::detail::common_iarchive<bounded_text_iarchive>;
    friend class boost::archive::basic_text_iarchive<bounded_text_iarchive>;
    friend class boost::archive::load_access;

public:
    /// Reads the archive header at once; `input_bytes` is the size of what `input` holds.
    bounded_text_iarchive(std::istream& input, const load_limits& limits,
                          std::uint64_t input_bytes);
    ~bounded_text_iarchive() override = default;

protected:
    template <class T>
    void load(T& t) {
        base::load(t);
    }
    void load(std::string& s);
    void load(boost::serialization::collection_size_type& count);

private:
    archive_bounds bounds_;
};

/// A native binary input archive with bounded strings and collection counts, and booleans that
/// must be 0 or 1 (Boost 1.74 asserts on any other byte, which would abort a debug build).
class bounded_binary_iarchive
    : public boost::archive::binary_iarchive_impl<bounded_binary_iarchive, std::istream::char_type,
                                                  std::istream::traits_type> {
    using base =
        boost::archive::binary_iarchive_impl<bounded_binary_iarchive, std::istream::char_type,
                                             std::istream::traits_type>;
    friend class boost::archive::detail::interface_iarchive<bounded_binary_iarchive>;
    friend class boost::archive::detail::common_iarchive<bounded_binary_iarchive>;
    friend class boost::archive::basic_binary_iarchive<bounded_binary_iarchive>;
    friend class boost::archive::basic_binary_iprimitive<
        bounded_binary_iarchive, std::istream::char_type, std::istream::traits_type>;
    friend class boost::archive::load_access;

public:
    /// Reads the archive header at once; `input_bytes` is the size of what `input` holds.
    bounded_binary_iarchive(payload_source& input, const load_limits& limits,
                            std::uint64_t input_bytes);
    ~bounded_binary_iarchive() override = default;

protected:
    // Numbers are read straight from the source's buffer (the same bytes Boost's load_binary
    // would read through a virtual call per value).
    template <class T>
    void load(T& t) {
        if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>)
            read(&t, sizeof t);
        else
            base::load(t);
    }
    void load(std::string& s);
    void load(bool& b);
    void load(boost::serialization::collection_size_type& count);

private:
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((always_inline))
#endif
    void
    read(void* p, std::size_t n) {
        if (!input_.get(p, n))
            boost::serialization::throw_exception(boost::archive::archive_exception(
                boost::archive::archive_exception::input_stream_error));
    }
    payload_source& input_;
    archive_bounds bounds_;
};

/// An XML input archive that checks the name of every element against the one the loader reads
/// there, which is the one the writer wrote there (the record registry's field names in their
/// order, and the collection, item, flag and count names of serialization.hpp). Boost 1.74
/// checks no start tag, and its end-tag check reads past the expected name when the tag found
/// is longer (an out-of-bounds read found by fuzzing), so that check is never run: this archive
/// reads every tag name itself, with bounded lengths, in one pass over the payload. A wrong,
/// missing or extra element is a load_error (damaged) naming the element found, the one
/// expected and the record it is in.
class checked_xml_iarchive : public boost::archive::xml_iarchive_impl<checked_xml_iarchive> {
    using base = boost::archive::xml_iarchive_impl<checked_xml_iarchive>;
    friend class boost::archive::detail::interface_iarchive<checked_xml_iarchive>;
    friend class boost::archive::detail::common_iarchive<checked_xml_iarchive>;
    friend class boost::archive::basic_xml_iarchive<checked_xml_iarchive>;
    friend class boost::archive::load_access;

public:
    /// Reads the archive header at once.
    explicit checked_xml_iarchive(std::istream& input);
    ~checked_xml_iarchive() override = default;

protected:
    /// Reads the start tag of the element `name` (with its attributes), refusing another one.
    void load_start(const char* name);
    /// Reads the end tag of the element `name`, refusing another tag or an extra element.
    void load_end(const char* name);

private:
    struct open_element {
        const char* name;  // the loader's name, alive while the element is read
        // The collection whose items follow (the name of the last "..._count" child read) and
        // how many of them were read so far.
        std::string collection;
        std::uint64_t items = 0;
    };
    [[nodiscard]] std::string where() const;
    /// Throws the load_error for `found` where the start tag (or the end tag, `end`) of the
    /// element `name` belongs.
    [[noreturn]] void refuse(const std::string& found, const char* name, bool end) const;
    std::vector<open_element> open_;
};

/// Boost's native binary output archive, writing numbers and strings straight into a
/// payload_sink's buffer; the bytes are exactly those of boost::archive::binary_oarchive.
class fast_binary_oarchive
    : public boost::archive::binary_oarchive_impl<fast_binary_oarchive, std::ostream::char_type,
                                                  std::ostream::traits_type> {
    using base = boost::archive::binary_oarchive_impl<fast_binary_oarchive, std::ostream::char_type,
                                                      std::ostream::traits_type>;
    friend class boost::archive::detail::interface_oarchive<fast_binary_oarchive>;
    friend class boost::archive::detail::common_oarchive<fast_binary_oarchive>;
    friend class boost::archive::basic_binary_oarchive<fast_binary_oarchive>;
    friend class boost::archive::basic_binary_oprimitive<
        fast_binary_oarchive, std::ostream::char_type, std::ostream::traits_type>;
    friend class boost::archive::save_access;

public:
    /// Writes the archive header at once.
    explicit fast_binary_oarchive(payload_sink& output);
    ~fast_binary_oarchive() override = default;

protected:
    template <class T>
    void save(const T& t) {
        if constexpr (std::is_arithmetic_v<T>)
            output_.put(&t, sizeof t);
        else
            base::save(t);
    }
    void save(const std::string& s) {
        const std::size_t size = s.size();
        output_.put(&size, sizeof size);
        output_.put(s.data(), size);
    }

private:
    payload_sink& output_;
};

}  // namespace partnerqi::io::detail

BOOST_SERIALIZATION_REGISTER_ARCHIVE(partnerqi::io::detail::bounded_text_iarchive)
BOOST_SERIALIZATION_REGISTER_ARCHIVE(partnerqi::io::detail::bounded_binary_iarchive)
BOOST_SERIALIZATION_REGISTER_ARCHIVE(partnerqi::io::detail::checked_xml_iarchive)
BOOST_SERIALIZATION_REGISTER_ARCHIVE(partnerqi::io::detail::fast_binary_oarchive)
