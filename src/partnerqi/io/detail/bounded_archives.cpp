#include "partnerqi/io/detail/bounded_archives.hpp"

#include <string>

// The members of Boost's archive templates, instantiated below for the two bounded archives
// (as libboost_serialization does for its own text_iarchive and binary_iarchive).
#include <boost/archive/impl/archive_serializer_map.ipp>
#include <boost/archive/impl/basic_binary_iarchive.ipp>
#include <boost/archive/impl/basic_binary_iprimitive.ipp>
#include <boost/archive/impl/basic_binary_oarchive.ipp>
#include <boost/archive/impl/basic_binary_oprimitive.ipp>
#include <boost/archive/impl/basic_text_iarchive.ipp>
#include <boost/archive/impl/text_iarchive_impl.ipp>

#include "partnerqi/error.hpp"

namespace partnerqi::io::detail {

void archive_bounds::check_string(std::uint64_t length) const {
    if (length > limits_.max_string_length)
        throw load_error(load_error_category::limit_exceeded,
                         "a text in it is " + std::to_string(length) +
                             " bytes long, more than the limit of " +
                             std::to_string(limits_.max_string_length) +
                             " bytes; raise load_limits::max_string_length if the file is trusted");
    if (length > input_bytes_)
        throw load_error(load_error_category::damaged,
                         "a text in it announces " + std::to_string(length) +
                             " bytes, more than the whole payload holds (" +
                             std::to_string(input_bytes_) + " bytes)");
}

void archive_bounds::check_count(std::uint64_t count) const {
    if (count > limits_.max_collection_size)
        throw load_error(load_error_category::limit_exceeded,
                         "a collection in it announces " + std::to_string(count) +
                             " elements, more than the limit of " +
                             std::to_string(limits_.max_collection_size) +
                             "; raise load_limits::max_collection_size if the file is trusted");
    // Every element takes at least one byte of input.
    if (count > input_bytes_)
        throw load_error(load_error_category::damaged,
                         "a collection in it announces " + std::to_string(count) +
                             " elements, more than the whole payload can hold (" +
                             std::to_string(input_bytes_) + " bytes)");
}

bounded_text_iarchive::bounded_text_iarchive(std::istream& input, const load_limits& limits,
                                             std::uint64_t input_bytes)
    : base(input, 0), bounds_(limits, input_bytes) {
    init();  // the header, read only once the bounds are in place
}

void bounded_text_iarchive::load(std::string& s) {
    std::size_t size = 0;
    *this->This() >> size;
    bounds_.check_string(size);
    is.get();  // the space that separates the length from the text
    s.resize(size);
    if (size > 0) is.read(s.data(), static_cast<std::streamsize>(size));
    if (!is)
        boost::serialization::throw_exception(boost::archive::archive_exception(
            boost::archive::archive_exception::input_stream_error));
}

void bounded_text_iarchive::load(boost::serialization::collection_size_type& count) {
    base::load(count);
    bounds_.check_count(count);
}

bounded_binary_iarchive::bounded_binary_iarchive(payload_source& input, const load_limits& limits,
                                                 std::uint64_t input_bytes)
    : base(input, 0), input_(input), bounds_(limits, input_bytes) {
    init(0);  // the header, read only once the bounds are in place
}

void bounded_binary_iarchive::load(std::string& s) {
    std::size_t size = 0;
    read(&size, sizeof size);
    bounds_.check_string(size);
    s.resize(size);
    if (size > 0) read(s.data(), size);
}

void bounded_binary_iarchive::load(bool& b) {
    unsigned char byte = 0;
    read(&byte, 1);
    if (byte > 1)
        throw load_error(
            load_error_category::damaged,
            "a yes/no field in it holds the byte " + std::to_string(byte) + " instead of 0 or 1");
    b = byte != 0;
}

void bounded_binary_iarchive::load(boost::serialization::collection_size_type& count) {
    base::load(count);
    bounds_.check_count(count);
}

fast_binary_oarchive::fast_binary_oarchive(payload_sink& output)
    : base(output, 0), output_(output) {
    init(0);  // the header, written only once output_ is set
}

}  // namespace partnerqi::io::detail

namespace boost::archive {

template class detail::archive_serializer_map<partnerqi::io::detail::bounded_text_iarchive>;
template class basic_text_iarchive<partnerqi::io::detail::bounded_text_iarchive>;
template class text_iarchive_impl<partnerqi::io::detail::bounded_text_iarchive>;

template class detail::archive_serializer_map<partnerqi::io::detail::bounded_binary_iarchive>;
template class basic_binary_iprimitive<partnerqi::io::detail::bounded_binary_iarchive,
                                       std::istream::char_type, std::istream::traits_type>;
template class basic_binary_iarchive<partnerqi::io::detail::bounded_binary_iarchive>;
template class binary_iarchive_impl<partnerqi::io::detail::bounded_binary_iarchive,
                                    std::istream::char_type, std::istream::traits_type>;

template class detail::archive_serializer_map<partnerqi::io::detail::fast_binary_oarchive>;
template class basic_binary_oprimitive<partnerqi::io::detail::fast_binary_oarchive,
                                       std::ostream::char_type, std::ostream::traits_type>;
template class basic_binary_oarchive<partnerqi::io::detail::fast_binary_oarchive>;
template class binary_oarchive_impl<partnerqi::io::detail::fast_binary_oarchive,
                                    std::ostream::char_type, std::ostream::traits_type>;

}  // namespace boost::archive
