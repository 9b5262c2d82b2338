/// @file
/// The vocabulary of the record registry: field descriptors, the traits every record kind
/// specializes, and the compile-time walks over kinds and fields that every generic operation
/// (storage, edits, lookups, messages, files, tables, de-identification) is written with.
///
/// A record kind is one struct and one `record_traits` specialization next to it in
/// records.hpp; the list of kinds is `record_kinds` there. Nothing else lists kinds or fields.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "partnerqi/model/ids.hpp"

namespace partnerqi::model {

/// A compile-time list of types: the record kinds, in the order files store them.
template <class... T>
struct type_list {
    /// The number of types in the list.
    static constexpr std::size_t size = sizeof...(T);
};

/// What a field is for, as bits: generic code (messages, de-identification, tables) reads them.
struct field_use {
    static constexpr unsigned plain = 0;      ///< an ordinary value
    static constexpr unsigned own_id = 1;     ///< the record's own id, assigned by the case study
    static constexpr unsigned code = 2;       ///< the record's external code, unique in its kind
    static constexpr unsigned personal = 4;   ///< personal data: removed by de-identification
    static constexpr unsigned free_text = 8;  ///< free text: removed by de-identification
    static constexpr unsigned label =
        16;  ///< descriptive text: kept, with codes and names scrubbed
    static constexpr unsigned provenance =
        32;  ///< the record's provenance (reported, entered, illustrative)
    /// Names or describes one organization, team, activity, job or coder, so that it can single
    /// out a person in a small setting (an indirect identifier in the TCPS 2's terms): an
    /// anonymized copy removes or generalizes it (io::deidentify).
    static constexpr unsigned identifying = 64;
};

/// One field of a record: its name (in files, tables and messages), the member it is, what it is
/// for (field_use bits) and the record format version that added it.
template <class Record, class T>
struct field {
    using record_type = Record;  ///< the record the field belongs to
    using value_type = T;        ///< the field's type
    const char* name;            ///< e.g. "display_name"; also the XML tag and the table column
    T Record::*member;           ///< the member it reads and writes
    unsigned use;                ///< field_use bits
    unsigned since;  ///< the record format version that added the field (1: always there)

    /// True when `bit` (a field_use value) is set.
    [[nodiscard]] constexpr bool is(unsigned bit) const noexcept { return (use & bit) != 0; }
};

/// A field descriptor; see field.
template <class Record, class T>
constexpr field<Record, T> make_field(const char* name, T Record::*member,
                                      unsigned use = field_use::plain, unsigned since = 1) {
    return field<Record, T>{name, member, use, since};
}

/// @name Field types that generic code tells apart
/// @{

/// True for a strong id type.
template <class T>
struct is_id : std::false_type {};
/// True for a strong id type.
template <class Tag>
struct is_id<id<Tag>> : std::true_type {};
/// True for a std::optional.
template <class T>
struct is_optional : std::false_type {};
/// True for a std::optional.
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
/// True for a std::vector.
template <class T>
struct is_vector : std::false_type {};
/// True for a std::vector.
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};
/// @}

/// The traits of a record kind. Each kind specializes it next to its struct with:
/// - `id_type`: its strong id type (top-level kinds only);
/// - `kind`: its name in messages, e.g. "person";
/// - `table`: its collection name in files and tables, e.g. "people";
/// - `version`: its record format version, raised when a field is added;
/// - `fields`: a tuple of make_field descriptors, every member once, in file order;
/// - `code_field` (optional): the member that is its external code;
/// - `since` (optional): the case-study file format that added the kind (1 when absent).
/// The primary template is empty: a type without a specialization is not a record.
template <class Record>
struct record_traits {};

/// True when `T` is a record kind (it has record_traits with fields).
template <class T, class = void>
struct is_record : std::false_type {};
/// True when `T` is a record kind (it has record_traits with fields).
template <class T>
struct is_record<T, std::void_t<decltype(record_traits<T>::fields)>> : std::true_type {};
/// True when `T` is a record kind.
template <class T>
inline constexpr bool is_record_v = is_record<T>::value;

/// True when records of kind `T` have an external code (record_traits<T>::code_field).
template <class T, class = void>
struct has_code : std::false_type {};
/// True when records of kind `T` have an external code (record_traits<T>::code_field).
template <class T>
struct has_code<T, std::void_t<decltype(record_traits<T>::code_field)>> : std::true_type {};
/// True when records of kind `T` have an external code.
template <class T>
inline constexpr bool has_code_v = has_code<T>::value;

/// The id type of a top-level record kind, e.g. person_id for person.
template <class Record>
using id_of = typename record_traits<Record>::id_type;

/// The position of `T` in a type_list.
template <class T, class List>
struct index_in;
/// The position of `T` in a type_list.
template <class T, class... Rest>
struct index_in<T, type_list<T, Rest...>> : std::integral_constant<std::size_t, 0> {};
/// The position of `T` in a type_list.
template <class T, class Head, class... Rest>
struct index_in<T, type_list<Head, Rest...>>
    : std::integral_constant<std::size_t, 1 + index_in<T, type_list<Rest...>>::value> {};

/// The record kind of a list whose id type is `Id`.
template <class Id, class List>
struct record_with_id;
/// The record kind of a list whose id type is `Id`.
template <class Id, class Head, class... Rest>
struct record_with_id<Id, type_list<Head, Rest...>> {
    /// `Head` when its id type is `Id`, otherwise the search goes on in `Rest`.
    using type = std::conditional_t<std::is_same_v<id_of<Head>, Id>, Head,
                                    typename record_with_id<Id, type_list<Rest...>>::type>;
};
/// The end of the search: no kind has this id type.
template <class Id>
struct record_with_id<Id, type_list<>> {
    using type = void;  ///< no record kind
};

/// Calls `f(static_cast<T*>(nullptr))` for each type of a type_list, in order.
template <class... T, class F>
constexpr void for_each_type(type_list<T...>, F&& f) {
    (f(static_cast<T*>(nullptr)), ...);
}

/// Calls `f(descriptor)` for each field descriptor of a record kind, in file order.
template <class Record, class F>
constexpr void for_each_field(F&& f) {
    std::apply([&](const auto&... d) { (f(d), ...); }, record_traits<Record>::fields);
}

/// The fields of a record as a tuple of references, in file order (const or not as `r` is).
template <class Record>
auto tie_fields(Record& r) {
    using R = std::remove_const_t<Record>;
    return std::apply([&](const auto&... d) { return std::tie(r.*(d.member)...); },
                      record_traits<R>::fields);
}

/// The external code of a record of a kind that has one.
template <class Record>
const auto& code_of_record(const Record& r) {
    return r.*(record_traits<Record>::code_field);
}

/// True when every field of two records of one kind is equal, the id included.
template <class Record, std::enable_if_t<is_record_v<Record>, int> = 0>
bool operator==(const Record& a, const Record& b) {
    return tie_fields(a) == tie_fields(b);
}
/// True when any field of two records of one kind differs.
template <class Record, std::enable_if_t<is_record_v<Record>, int> = 0>
bool operator!=(const Record& a, const Record& b) {
    return !(a == b);
}

}  // namespace partnerqi::model
