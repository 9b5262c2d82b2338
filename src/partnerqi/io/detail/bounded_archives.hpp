// Input archives that check every length and count against the load limits before allocating.
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

#include <boost/archive/binary_iarchive_impl.hpp>
#include <boost/archive/detail/register_archive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/serialization/collection_size_type.hpp>

#include "partnerqi/io/case_study_file.hpp"

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
class bounded_text_iarchive
    : public boost::archive::text_iarchive_impl<bounded_text_iarchive> {
    using base = boost::archive::text_iarchive_impl<bounded_text_iarchive>;
    friend class boost::archive::detail::interface_iarchive<bounded_text_iarchive>;
    friend class boost::archive::detail::common_iarchive<bounded_text_iarchive>;
    friend class boost::archive::basic_text_iarchive<bounded_text_iarchive>;
    friend class boost::archive::load_access;

public:
    /// Reads the archive header at once; `input_bytes` is the size of what `input` holds.
    bounded_text_iarchive(std::istream& input, const load_limits& limits, std::uint64_t input_bytes);
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
    using base = boost::archive::binary_iarchive_impl<bounded_binary_iarchive,
                                                      std::istream::char_type,
                                                      std::istream::traits_type>;
    friend class boost::archive::detail::interface_iarchive<bounded_binary_iarchive>;
    friend class boost::archive::detail::common_iarchive<bounded_binary_iarchive>;
    friend class boost::archive::basic_binary_iarchive<bounded_binary_iarchive>;
    friend class boost::archive::basic_binary_iprimitive<
        bounded_binary_iarchive, std::istream::char_type, std::istream::traits_type>;
    friend class boost::archive::load_access;

public:
    /// Reads the archive header at once; `input_bytes` is the size of what `input` holds.
    bounded_binary_iarchive(std::istream& input, const load_limits& limits,
                            std::uint64_t input_bytes);
    ~bounded_binary_iarchive() override = default;

protected:
    template <class T>
    void load(T& t) {
        base::load(t);
    }
    void load(std::string& s);
    void load(bool& b);
    void load(boost::serialization::collection_size_type& count);

private:
    archive_bounds bounds_;
};

}  // namespace partnerqi::io::detail

BOOST_SERIALIZATION_REGISTER_ARCHIVE(partnerqi::io::detail::bounded_text_iarchive)
BOOST_SERIALIZATION_REGISTER_ARCHIVE(partnerqi::io::detail::bounded_binary_iarchive)
