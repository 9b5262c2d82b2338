// Boost.Serialization of the model: non-intrusive, versioned, checked on load.
//
// Private to src/partnerqi/io: no public header includes Boost.Serialization.
//
// Every record type is a Boost class with object_class_info (so its class version is stored
// once per archive), track_never (an application that serializes our types through pointers
// cannot change our format) and its own BOOST_CLASS_VERSION, checked by hand on load because
// Boost 1.74 accepts newer class versions silently. The fields are those of the model's record
// registry (model::record_traits<T>::fields), in its order and under its names; a field added by
// a later record format (its `since`) is read only from files of that format or newer.
//
// Representations that do not depend on Boost's own choices:
// - enums as std::uint32_t, checked with model::is_valid on load;
// - dates as std::int32_t days since 1970-01-01, checked with model::date::from_days;
// - ids as std::uint32_t;
// - collections as a collection_size_type count then the items one by one; the count is
//   checked against the load limits before anything is allocated, and no more is reserved than
//   the rest of the payload can hold (min_encoded_bytes);
// - optionals of enums, dates and ids as a "set" flag then the value (checked as above);
//   std::optional<std::string> through the std::optional shim below (Boost >= 1.84 has its own).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/serialization/collection_size_type.hpp>
#include <boost/serialization/level.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/split_free.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>
#include <boost/version.hpp>

#include "partnerqi/detail/progress_meter.hpp"
#include "partnerqi/error.hpp"
#include "partnerqi/io/case_study_file.hpp"
#include "partnerqi/io/detail/payload_stream.hpp"
#include "partnerqi/model/case_study.hpp"

// ---- std::optional: Boost 1.74 has no support for it ---------------------------------------
#if BOOST_VERSION < 108400
namespace boost::serialization {

// The same layout as Boost 1.84's own support: a "has_value" flag, then the value.
template <class Archive, class T>
void save(Archive& ar, const std::optional<T>& t, const unsigned int /*version*/) {
    const bool has_value = t.has_value();
    ar << boost::serialization::make_nvp("has_value", has_value);
    if (has_value) ar << boost::serialization::make_nvp("value", *t);
}

template <class Archive, class T>
void load(Archive& ar, std::optional<T>& t, const unsigned int version) {
    // Boost 1.74 accepts a newer class version silently; an optional is always version 1.
    if (version != 1)
        throw partnerqi::load_error(partnerqi::load_error_category::damaged,
                                    "an optional value claims class version " +
                                        std::to_string(version) +
                                        ", which no partnerqi writes; the file was crafted or "
                                        "written by another program");
    bool has_value = false;
    ar >> boost::serialization::make_nvp("has_value", has_value);
    if (!has_value) {
        t.reset();
        return;
    }
    T value{};
    ar >> boost::serialization::make_nvp("value", value);
    t = std::move(value);
}

template <class Archive, class T>
void serialize(Archive& ar, std::optional<T>& t, const unsigned int version) {
    boost::serialization::split_free(ar, t, version);
}

template <class T>
struct version<std::optional<T>> {
    typedef mpl::int_<1> type;
    typedef mpl::integral_c_tag tag;
    BOOST_STATIC_CONSTANT(int, value = 1);
};

}  // namespace boost::serialization
#else
#include <boost/serialization/optional.hpp>
#endif

namespace boost::archive {
class text_oarchive;
}

namespace partnerqi::io::detail {

class bounded_text_iarchive;
class bounded_binary_iarchive;
class fast_binary_oarchive;

/// True for the archives that write nothing around a record once its type's class information
/// is out (text and binary: no tags, no per-object preamble for untracked types). Collections
/// then pass every record after the first straight to save_record/load_record instead of
/// through Boost's per-object bookkeeping, which finds the type's entry by comparing type
/// names; the bytes are the same. Not for XML, whose records are framed by tags.
template <class Archive>
struct records_unframed : std::false_type {};
template <>
struct records_unframed<boost::archive::text_oarchive> : std::true_type {};
template <>
struct records_unframed<fast_binary_oarchive> : std::true_type {};
template <>
struct records_unframed<bounded_text_iarchive> : std::true_type {};
template <>
struct records_unframed<bounded_binary_iarchive> : std::true_type {};

/// What a load needs besides the archive: the limits and the running element count. One lives
/// in each input archive as a Boost archive helper.
struct load_context {
    load_limits limits;
    std::uint64_t elements = 0;  ///< collection elements read so far, across the archive
    /// The payload bytes not yet decoded, when known; collections reserve no more elements than
    /// that many bytes can hold.
    const input_budget* budget = nullptr;
    bool binary = false;  ///< the payload is native binary (otherwise portable text)
    /// The class version of the record whose load through Boost finished last.
    unsigned int last_record_version = 0;
    /// Progress and cancellation, checked after each record; nullptr when nobody watches.
    partnerqi::detail::progress_meter* meter = nullptr;
    /// Where the decoder is in the payload, for the progress reports (with `meter`).
    const input_budget* position = nullptr;
    std::uint64_t payload_bytes = 0;  ///< the length of the payload (with `meter`)
};

template <class Archive>
load_context& context_of(Archive& ar) {
    return ar.template get_helper<load_context>();
}

/// What a save needs besides the archive: progress and cancellation, counted in records of the
/// kinds of the registry. One lives in each output archive as a Boost archive helper.
struct save_context {
    partnerqi::detail::progress_meter* meter = nullptr;  ///< nullptr when nobody watches
    std::uint64_t records = 0;                           ///< records written so far
};

template <class Archive>
save_context& save_context_of(Archive& ar) {
    return ar.template get_helper<save_context>();
}

/// True for the record kinds of the registry (not for the records nested in them).
template <class T, class List = model::record_kinds>
struct is_kind;
template <class T, class... Kind>
struct is_kind<T, model::type_list<Kind...>>
    : std::bool_constant<(std::is_same_v<T, Kind> || ...)> {};

// One record of a collection was read or written: check the flag and report.
template <class Archive>
void record_decoded(Archive& ar) {
    const load_context& ctx = context_of(ar);
    if (ctx.meter != nullptr) ctx.meter->at(ctx.payload_bytes - ctx.position->remaining());
}
template <class Archive, class T>
void record_encoded(Archive& ar) {
    if constexpr (is_kind<T>::value) {
        save_context& ctx = save_context_of(ar);
        if (ctx.meter != nullptr) ctx.meter->at(++ctx.records);
    }
}

[[noreturn]] inline void fail(load_error_category category, const std::string& message) {
    throw load_error(category, message);
}

// ---- The record types: the model's registry, and the whole case study -----------------------

// The record format of the whole case study: its own fields, then one collection per kind.
// Format 2 added the evaluation items and responses and the influence log.
inline constexpr unsigned case_study_version = 2;

using model::is_id;
using model::is_optional;
using model::is_vector;

// Record kinds (the registry's and their nested records) and the case study itself: types
// that Boost sees as classes with a version.
template <class T>
struct is_record
    : std::bool_constant<model::is_record_v<T> || std::is_same_v<T, model::case_study_data>> {};

// The case-study format that added a kind's collection: record_traits<T>::since when the kind
// says, otherwise 1 (every kind of partnerqi 0.1).
template <class T, class = void>
struct since_of : std::integral_constant<unsigned, 1> {};
template <class T>
struct since_of<T, std::void_t<decltype(model::record_traits<T>::since)>>
    : std::integral_constant<unsigned, model::record_traits<T>::since> {};
template <class T>
constexpr unsigned collection_since() {
    return since_of<T>::value;
}

template <class T>
constexpr unsigned record_version() {
    if constexpr (std::is_same_v<T, model::case_study_data>)
        return case_study_version;
    else
        return model::record_traits<T>::version;
}

// A field name with a suffix ("activity_set"), in a fixed buffer: names are written for every
// field of every record, and a std::string per field was a large part of saving and loading.
// Names are short literals; a longer one is cut, which only shortens an XML tag.
class suffixed {
public:
    suffixed(const char* name, const char* suffix) noexcept {
        std::size_t n = 0;
        for (; *name != '\0' && n + 1 < sizeof text_; ++name)
            text_[n++] = *name;
        for (; *suffix != '\0' && n + 1 < sizeof text_; ++suffix)
            text_[n++] = *suffix;
        text_[n] = '\0';
    }
    [[nodiscard]] const char* c_str() const noexcept { return text_; }

private:
    char text_[64];
};

template <class Archive, class Record>
void save_record(Archive& ar, const Record& record);
template <class Archive, class Record>
void load_record(Archive& ar, Record& record, unsigned int file_version);

// The name of a flag or count: only XML writes names, so the other archives skip building it.
struct plain_name {
    const char* text;
    [[nodiscard]] const char* c_str() const noexcept { return text; }
};

template <class Archive>
auto tag_name(const char* name, const char* suffix) noexcept {
    if constexpr (records_unframed<Archive>::value)
        return plain_name{name};
    else
        return suffixed(name, suffix);
}

// ---- Writing one field --------------------------------------------------------------------

template <class Archive, class T>
void put(Archive& ar, const char* name, const T& value) {
    using boost::serialization::make_nvp;
    if constexpr (std::is_enum_v<T>) {
        const auto raw = static_cast<std::uint32_t>(value);
        ar << make_nvp(name, raw);
    } else if constexpr (is_id<T>::value) {
        const std::uint32_t raw = value.value;
        ar << make_nvp(name, raw);
    } else if constexpr (std::is_same_v<T, model::date>) {
        const std::int32_t days = value.days_since_epoch();
        ar << make_nvp(name, days);
    } else if constexpr (std::is_same_v<T, model::date_window>) {
        put(ar, suffixed(name, "_first").c_str(), value.first());
        put(ar, suffixed(name, "_last").c_str(), value.last());
    } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
        ar << make_nvp(name, value);  // the std::optional shim
    } else if constexpr (is_optional<T>::value) {
        const bool set = value.has_value();
        ar << make_nvp(tag_name<Archive>(name, "_set").c_str(), set);
        if (set) put(ar, name, *value);
    } else if constexpr (is_vector<T>::value) {
        const boost::serialization::collection_size_type count(value.size());
        ar << make_nvp(tag_name<Archive>(name, "_count").c_str(), count);
        if constexpr (records_unframed<Archive>::value &&
                      is_record<typename T::value_type>::value) {
            bool first = true;
            for (const auto& item : value) {
                if (first)
                    put(ar, "item", item);  // through Boost: writes the class information once
                else
                    save_record(ar, item);
                first = false;
                record_encoded<Archive, typename T::value_type>(ar);
            }
        } else {
            for (const auto& item : value) {
                put(ar, "item", item);
                record_encoded<Archive, typename T::value_type>(ar);
            }
        }
    } else {
        static_assert(is_record<T>::value || std::is_same_v<T, std::string> ||
                          std::is_same_v<T, bool> || std::is_same_v<T, std::uint32_t>,
                      "every field type needs an explicit representation");
        ar << make_nvp(name, value);
    }
}

// ---- The fewest bytes a value can take in a payload ---------------------------------------
// Lower bounds, so that a count read from the file never reserves more elements than the rest
// of the payload could hold. Native binary: 4-byte numbers, 1-byte flags, 8-byte string lengths,
// at least 4 bytes per count. Portable text (and XML, which is larger): every number, flag or
// length is at least one digit and a separator.

template <class T>
constexpr std::uint64_t min_encoded_bytes(bool binary);

template <class T>
constexpr std::uint64_t min_encoded_bytes(bool binary) {
    if constexpr (std::is_same_v<T, model::case_study_data>) {
        return 0;  // never in a collection
    } else if constexpr (is_record<T>::value) {
        std::uint64_t total = 0;
        model::for_each_field<T>([&](const auto& d) {
            total += min_encoded_bytes<typename std::decay_t<decltype(d)>::value_type>(binary);
        });
        return total;
    } else if constexpr (std::is_same_v<T, model::date_window>) {
        return binary ? 8 : 4;
    } else if constexpr (is_optional<T>::value || std::is_same_v<T, bool>) {
        return binary ? 1 : 2;
    } else if constexpr (std::is_same_v<T, std::string>) {
        return binary ? 8 : 2;
    } else {
        return binary ? 4 : 2;  // numbers, ids, enums, dates, counts
    }
}

// ---- Reading one field, checked -----------------------------------------------------------

template <class Enum>
Enum checked_enum(std::uint32_t raw, const char* name) {
    const auto value = static_cast<Enum>(static_cast<std::underlying_type_t<Enum>>(raw));
    if (raw > 0xFFu || !model::is_valid(value))
        fail(load_error_category::invalid_content,
             "field \"" + std::string(name) + "\" holds " + std::to_string(raw) +
                 ", which is not a valid " + std::string(model::enum_traits<Enum>::name) +
                 " (accepted: " + model::accepted_spellings<Enum>() + ")");
    return value;
}

inline model::date checked_date(std::int32_t days, const char* name) {
    try {
        return model::date::from_days(days);
    } catch (const partnerqi::error&) {
        fail(load_error_category::invalid_content,
             "field \"" + std::string(name) + "\" holds day " + std::to_string(days) +
                 ", which is outside the accepted dates " + model::date::min().to_iso() + " to " +
                 model::date::max().to_iso());
    }
}

inline void check_length(const load_context& ctx, std::size_t length, const char* name) {
    if (length > ctx.limits.max_string_length)
        fail(load_error_category::limit_exceeded,
             "field \"" + std::string(name) + "\" is " + std::to_string(length) +
                 " bytes long, more than the limit of " +
                 std::to_string(ctx.limits.max_string_length) +
                 " bytes; raise load_limits::max_string_length if the file is trusted");
}

inline void check_count(load_context& ctx, std::uint64_t count, const char* name) {
    if (count > ctx.limits.max_collection_size)
        fail(load_error_category::limit_exceeded,
             "collection \"" + std::string(name) + "\" announces " + std::to_string(count) +
                 " elements, more than the limit of " +
                 std::to_string(ctx.limits.max_collection_size) +
                 "; raise load_limits::max_collection_size if the file is trusted");
    if (count > ctx.limits.max_records - ctx.elements)
        fail(load_error_category::limit_exceeded,
             "collection \"" + std::string(name) + "\" brings the file past the limit of " +
                 std::to_string(ctx.limits.max_records) +
                 " elements in all; raise load_limits::max_records if the file is trusted");
    ctx.elements += count;
}

template <class Archive, class T>
void get(Archive& ar, const char* name, T& value) {
    using boost::serialization::make_nvp;
    if constexpr (std::is_enum_v<T>) {
        std::uint32_t raw = 0;
        ar >> make_nvp(name, raw);
        value = checked_enum<T>(raw, name);
    } else if constexpr (is_id<T>::value) {
        ar >> make_nvp(name, value.value);
    } else if constexpr (std::is_same_v<T, model::date>) {
        std::int32_t days = 0;
        ar >> make_nvp(name, days);
        value = checked_date(days, name);
    } else if constexpr (std::is_same_v<T, model::date_window>) {
        model::date first;
        model::date last;
        get(ar, suffixed(name, "_first").c_str(), first);
        get(ar, suffixed(name, "_last").c_str(), last);
        if (last < first)
            fail(load_error_category::invalid_content,
                 "window \"" + std::string(name) + "\" ends (" + last.to_iso() +
                     ") before it starts (" + first.to_iso() + ")");
        value = model::date_window(first, last);
    } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
        ar >> make_nvp(name, value);  // the std::optional shim
        if (value) check_length(context_of(ar), value->size(), name);
    } else if constexpr (is_optional<T>::value) {
        bool set = false;
        ar >> make_nvp(tag_name<Archive>(name, "_set").c_str(), set);
        if (set) {
            typename T::value_type item{};
            get(ar, name, item);
            value = std::move(item);
        } else {
            value.reset();
        }
    } else if constexpr (is_vector<T>::value) {
        boost::serialization::collection_size_type count(0);
        ar >> make_nvp(tag_name<Archive>(name, "_count").c_str(), count);
        check_count(context_of(ar), count, name);
        // Reserve only what the rest of the payload can hold: a false count cannot make the
        // loader allocate more than a small multiple of the file's size.
        value.clear();
        const load_context& ctx = context_of(ar);
        if (ctx.budget != nullptr) {
            constexpr std::uint64_t binary_min = min_encoded_bytes<typename T::value_type>(true);
            constexpr std::uint64_t text_min = min_encoded_bytes<typename T::value_type>(false);
            static_assert(binary_min > 0 && text_min > 0);
            const std::uint64_t fits =
                ctx.budget->remaining() / (ctx.binary ? binary_min : text_min);
            value.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(count, fits)));
        }
        if constexpr (records_unframed<Archive>::value &&
                      is_record<typename T::value_type>::value) {
            // Decoded in place: on failure the whole result is dropped anyway.
            unsigned int version = 0;
            for (std::size_t i = 0; i < count; ++i) {
                auto& item = value.emplace_back();
                if (i == 0) {
                    get(ar, "item", item);  // through Boost: reads the class information once
                    version = context_of(ar).last_record_version;
                } else {
                    load_record(ar, item, version);
                }
                record_decoded(ar);
            }
        } else {
            for (std::size_t i = 0; i < count; ++i) {
                typename T::value_type item{};
                get(ar, "item", item);
                value.push_back(std::move(item));
                if constexpr (is_record<typename T::value_type>::value) record_decoded(ar);
            }
        }
    } else if constexpr (std::is_same_v<T, std::string>) {
        ar >> make_nvp(name, value);
        check_length(context_of(ar), value.size(), name);
    } else {
        static_assert(
            is_record<T>::value || std::is_same_v<T, bool> || std::is_same_v<T, std::uint32_t>,
            "every field type needs an explicit representation");
        ar >> make_nvp(name, value);
    }
}

// ---- Whole records ------------------------------------------------------------------------

template <class Archive, class Record>
void save_record(Archive& ar, const Record& record) {
    if constexpr (std::is_same_v<Record, model::case_study_data>) {
        put(ar, "title", record.title);
        put(ar, "description", record.description);
        put(ar, "window", record.window);
        model::for_each_type(model::record_kinds{}, [&](auto* tag) {
            using Kind = std::remove_pointer_t<decltype(tag)>;
            put(ar, model::record_traits<Kind>::table.data(), record.template all<Kind>());
        });
    } else {
        model::for_each_field<Record>([&](const auto& d) { put(ar, d.name, record.*(d.member)); });
    }
}

template <class Archive, class Record>
void load_record(Archive& ar, Record& record, unsigned int file_version) {
    // Boost 1.74 does not refuse a class version newer than the one compiled in: do it here.
    if (file_version > record_version<Record>()) {
        std::string kind = "case study";
        if constexpr (!std::is_same_v<Record, model::case_study_data>)
            kind = model::record_traits<Record>::kind;
        fail(load_error_category::newer_format,
             "its " + kind + " records were written by a newer partnerqi (record format " +
                 std::to_string(file_version) + ", this build reads up to " +
                 std::to_string(record_version<Record>()) + "); open it with a newer partnerqi");
    }
    if constexpr (std::is_same_v<Record, model::case_study_data>) {
        get(ar, "title", record.title);
        get(ar, "description", record.description);
        get(ar, "window", record.window);
        // A kind added by a later case-study format is read only from files of that format.
        model::for_each_type(model::record_kinds{}, [&](auto* tag) {
            using Kind = std::remove_pointer_t<decltype(tag)>;
            if (collection_since<Kind>() <= file_version)
                get(ar, model::record_traits<Kind>::table.data(), record.template all<Kind>());
        });
    } else {
        // Fields added by a later record format keep their defaults in older files.
        model::for_each_field<Record>([&](const auto& d) {
            if (d.since <= file_version) get(ar, d.name, record.*(d.member));
        });
    }
}

}  // namespace partnerqi::io::detail

// ---- Hooks for Boost: free functions and traits of every record type -----------------------
#define PARTNERQI_IO_SERIALIZE(T)                                                            \
    namespace boost::serialization {                                                         \
    template <class Archive>                                                                 \
    void save(Archive& ar, const partnerqi::model::T& r, const unsigned int) {               \
        partnerqi::io::detail::save_record(ar, r);                                           \
    }                                                                                        \
    template <class Archive>                                                                 \
    void load(Archive& ar, partnerqi::model::T& r, const unsigned int version) {             \
        partnerqi::io::detail::load_record(ar, r, version);                                  \
        partnerqi::io::detail::context_of(ar).last_record_version = version;                 \
    }                                                                                        \
    template <class Archive>                                                                 \
    void serialize(Archive& ar, partnerqi::model::T& r, const unsigned int version) {        \
        boost::serialization::split_free(ar, r, version);                                    \
    }                                                                                        \
    }                                                                                        \
    BOOST_CLASS_VERSION(partnerqi::model::T,                                                 \
                        partnerqi::io::detail::record_version<partnerqi::model::T>())        \
    BOOST_CLASS_IMPLEMENTATION(partnerqi::model::T, boost::serialization::object_class_info) \
    BOOST_CLASS_TRACKING(partnerqi::model::T, boost::serialization::track_never)

PARTNERQI_IO_SERIALIZE(organization)
PARTNERQI_IO_SERIALIZE(person)
PARTNERQI_IO_SERIALIZE(team_membership)
PARTNERQI_IO_SERIALIZE(qi_team)
PARTNERQI_IO_SERIALIZE(qi_activity)
PARTNERQI_IO_SERIALIZE(practice)
PARTNERQI_IO_SERIALIZE(practice_enactment)
PARTNERQI_IO_SERIALIZE(engagement)
PARTNERQI_IO_SERIALIZE(wave)
PARTNERQI_IO_SERIALIZE(data_source)
PARTNERQI_IO_SERIALIZE(source_total)
PARTNERQI_IO_SERIALIZE(code)
PARTNERQI_IO_SERIALIZE(coded_segment)
PARTNERQI_IO_SERIALIZE(memo)
PARTNERQI_IO_SERIALIZE(study_case)
PARTNERQI_IO_SERIALIZE(evaluation_item)
PARTNERQI_IO_SERIALIZE(evaluation_response)
PARTNERQI_IO_SERIALIZE(advisor_input)
PARTNERQI_IO_SERIALIZE(case_study_data)
#undef PARTNERQI_IO_SERIALIZE

namespace partnerqi::io::detail {
// Boost finds its hooks by type, so each record kind needs its line above; a kind added to the
// registry without one fails here instead of being saved without its version.
template <class... Kind>
constexpr bool every_kind_hooked(model::type_list<Kind...>) {
    return ((boost::serialization::version<Kind>::value == record_version<Kind>()) && ...);
}
static_assert(every_kind_hooked(model::record_kinds{}) &&
                  boost::serialization::version<model::team_membership>::value ==
                      record_version<model::team_membership>(),
              "every record kind needs its PARTNERQI_IO_SERIALIZE line in serialization.hpp");
}  // namespace partnerqi::io::detail
