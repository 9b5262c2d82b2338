#include "partnerqi/io/detail/bounded_archives.hpp"

#include <cctype>
#include <cstring>
#include <string>

// The members of Boost's archive templates, instantiated below for the two bounded archives
// (as libboost_serialization does for its own text_iarchive and binary_iarchive).
#include <boost/archive/impl/archive_serializer_map.ipp>
#include <boost/archive/impl/basic_binary_iarchive.ipp>
#include <boost/archive/impl/basic_binary_iprimitive.ipp>
#include <boost/archive/impl/basic_binary_oarchive.ipp>
#include <boost/archive/impl/basic_binary_oprimitive.ipp>
#include <boost/archive/impl/basic_text_iarchive.ipp>
#include <boost/archive/impl/basic_xml_iarchive.ipp>
#include <boost/archive/impl/text_iarchive_impl.ipp>
#include <boost/archive/impl/xml_iarchive_impl.ipp>

#include "partnerqi/error.hpp"
#include "partnerqi/model/records.hpp"

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

namespace {

using traits = std::istream::traits_type;

// Tags are read straight from the stream's buffer (the payload, in memory): an istream call
// per character would build a sentry each time.
void skip_space(std::streambuf& in) {
    for (auto c = in.sgetc(); !traits::eq_int_type(c, traits::eof()) &&
                              std::isspace(static_cast<unsigned char>(traits::to_char_type(c)));
         c = in.snextc()) {
    }
}

// The longest tag name a message quotes; partnerqi's own are far shorter.
constexpr std::size_t longest_quoted_name = 80;

// A tag name read from the input, in a fixed buffer (one is read for every element: no
// allocation); only its first longest_quoted_name characters are kept.
class tag_name {
public:
    // Reads the name up to the white space, '>', '/' or '<' after it; characters past the
    // kept ones are read and dropped, and a name cut so never equals an expected one.
    explicit tag_name(std::streambuf& in) {
        for (auto c = in.sgetc(); !traits::eq_int_type(c, traits::eof()); c = in.snextc()) {
            const auto ch = static_cast<unsigned char>(traits::to_char_type(c));
            if (std::isspace(ch) || ch == '>' || ch == '/' || ch == '<') break;
            if (size_ < longest_quoted_name)
                text_[size_++] = static_cast<char>(ch);
            else
                cut_ = true;
        }
    }
    [[nodiscard]] bool is(const char* expected) const {
        return !cut_ && std::string_view(text_, size_) == expected;
    }
    // For a message: characters that are not printable shown as '?'.
    [[nodiscard]] std::string quoted() const {
        std::string out;
        for (std::size_t i = 0; i < size_; ++i)
            out += std::isprint(static_cast<unsigned char>(text_[i])) ? text_[i] : '?';
        return cut_ ? out + "..." : out;
    }

private:
    char text_[longest_quoted_name]{};
    std::size_t size_ = 0;
    bool cut_ = false;
};

// The record kind whose collection is called `table`, or "" when none is.
std::string_view kind_of_table(std::string_view table) {
    std::string_view kind;
    model::for_each_type(model::record_kinds{}, [&](auto* tag) {
        using Kind = std::remove_pointer_t<decltype(tag)>;
        if (model::record_traits<Kind>::table == table) kind = model::record_traits<Kind>::kind;
    });
    return kind;
}

}  // namespace

checked_xml_iarchive::checked_xml_iarchive(std::istream& input)
    // Boost's own tag check stays off: load_end below never reaches it.
    : base(input, boost::archive::no_xml_tag_checking) {
    open_.reserve(16);  // the depth of the format, fixed by its types
    init();             // the header
}

// A collection is written as its count ("engagements_count") then its items, each an element
// "item" beside the count; the path names an item by its collection and index instead
// ("case_study/engagements[2]/from").
std::string checked_xml_iarchive::where() const {
    std::string path;
    for (std::size_t i = 0; i < open_.size(); ++i) {
        if (i > 0) path += '/';
        if (i > 0 && std::strcmp(open_[i].name, "item") == 0)
            path += open_[i - 1].collection + '[' + std::to_string(open_[i - 1].items - 1) + ']';
        else
            path += open_[i].name;
    }
    if (path.empty()) return "at the root of the archive";
    // case_study / item of a kind's collection: a record of that kind.
    if (open_.size() >= 2 && std::strcmp(open_[1].name, "item") == 0) {
        const std::string_view kind = kind_of_table(open_[0].collection);
        if (!kind.empty())
            return "in " + std::string(kind) + " record " + std::to_string(open_[0].items - 1) +
                   " (counting from 0), at " + path;
    }
    return "at " + path;
}

void checked_xml_iarchive::refuse(const std::string& found, const char* name, bool end) const {
    const std::string expected = end ? std::string("the end tag </") + name + ">"
                                     : std::string("the element <") + name + ">";
    throw load_error(load_error_category::damaged,
                     "its XML holds " + found + " where partnerqi writes " + expected + ", " +
                         where() +
                         "; the XML was edited by hand or written by another program: restore "
                         "it from a backup, or put the element partnerqi writes back there");
}

void checked_xml_iarchive::load_start(const char* name) {
    if (name == nullptr) return;
    std::streambuf& in = *get_is().rdbuf();
    skip_space(in);
    const auto char_is = [](traits::int_type c, char ch) {
        return traits::eq_int_type(c, traits::to_int_type(ch));
    };
    if (traits::eq_int_type(in.sgetc(), traits::eof()))
        refuse("the end of the payload", name, false);
    if (!char_is(in.sgetc(), '<')) refuse("text", name, false);
    if (char_is(in.snextc(), '/')) {
        in.sbumpc();
        refuse("the end tag </" + tag_name(in).quoted() + ">", name, false);
    }
    in.sungetc();  // back to the '<', for Boost
    // Boost reads the tag and its attributes (class id, tracking level, version).
    if (!gimpl->parse_start_tag(get_is())) refuse("text or a malformed tag", name, false);
    const std::string& found = gimpl->rv.object_name;
    if (found != name)
        refuse("the element <" + found.substr(0, longest_quoted_name) + ">", name, false);
    if (!open_.empty() && std::strcmp(name, "item") == 0) ++open_.back().items;
    open_.push_back({name, {}, 0});
}

void checked_xml_iarchive::load_end(const char* name) {
    if (name == nullptr) return;
    std::streambuf& in = *get_is().rdbuf();
    const auto char_is = [](traits::int_type c, char ch) {
        return traits::eq_int_type(c, traits::to_int_type(ch));
    };
    skip_space(in);
    if (traits::eq_int_type(in.sgetc(), traits::eof()))
        refuse("the end of the payload", name, true);
    if (!char_is(in.sbumpc(), '<')) refuse("text", name, true);
    if (!char_is(in.sgetc(), '/'))
        refuse("an extra element <" + tag_name(in).quoted() + ">", name, true);
    in.sbumpc();
    const tag_name found(in);
    skip_space(in);
    if (!char_is(in.sbumpc(), '>')) refuse("a malformed end tag </" + found.quoted(), name, true);
    if (!found.is(name)) refuse("the end tag </" + found.quoted() + ">", name, true);
    if (!open_.empty()) open_.pop_back();
    constexpr std::string_view count_suffix = "_count";
    const std::string_view closed = name;
    if (!open_.empty() && closed.size() > count_suffix.size() &&
        closed.substr(closed.size() - count_suffix.size()) == count_suffix) {
        open_.back().collection.assign(closed.substr(0, closed.size() - count_suffix.size()));
        open_.back().items = 0;
    }
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

template class detail::archive_serializer_map<partnerqi::io::detail::checked_xml_iarchive>;
template class basic_xml_iarchive<partnerqi::io::detail::checked_xml_iarchive>;
template class xml_iarchive_impl<partnerqi::io::detail::checked_xml_iarchive>;

}  // namespace boost::archive
