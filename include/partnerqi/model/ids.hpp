/// @file
/// Strong id types: one per kind of record, so that a person id cannot be passed as a team id.
#pragma once

#include <cstdint>
#include <functional>

namespace partnerqi::model {

/// A typed, opaque record id; 0 means "no record". Ids are assigned by the case_study and stay
/// stable for the life of the record, through saves and loads.
template <class Tag>
struct id {
    std::uint32_t value = 0;  ///< the record's number in its kind, from 1; 0 means "no record"

    /// True when it names a record (value != 0).
    [[nodiscard]] constexpr bool valid() const noexcept { return value != 0; }

    /// @name Comparison
    /// @{

    /// Compares the numbers: ids of one kind order as the case study keeps its records, so
    /// an id can key std::map and std::set.
    friend constexpr bool operator==(id a, id b) noexcept { return a.value == b.value; }
    friend constexpr bool operator!=(id a, id b) noexcept { return a.value != b.value; }
    friend constexpr bool operator<(id a, id b) noexcept { return a.value < b.value; }
    /// @}
};

using organization_id = id<struct organization_tag>;  ///< names an organization
using person_id = id<struct person_tag>;              ///< names a person
using team_id = id<struct team_tag>;                  ///< names a qi_team
using activity_id = id<struct activity_tag>;          ///< names a qi_activity
using practice_id = id<struct practice_tag>;          ///< names a practice of the catalog
using enactment_id = id<struct enactment_tag>;        ///< names a practice_enactment
using engagement_id = id<struct engagement_tag>;      ///< names an engagement
using source_id = id<struct source_tag>;              ///< names a data_source
using code_id = id<struct code_tag>;                  ///< names a code of the codebook
using segment_id = id<struct segment_tag>;            ///< names a coded_segment
using memo_id = id<struct memo_tag>;                  ///< names a memo
using wave_id = id<struct wave_tag>;                  ///< names a wave
using case_id = id<struct case_tag>;                  ///< names a study_case
using total_id = id<struct total_tag>;                ///< names a source_total
using item_id = id<struct item_tag>;                  ///< names an evaluation_item
using response_id = id<struct response_tag>;          ///< names an evaluation_response
using input_id = id<struct input_tag>;                ///< names an advisor_input

}  // namespace partnerqi::model

// Doxygen finds the scope of the specialization below only when namespace std is documented.
/// @namespace std
/// The C++ standard library, which partnerqi extends only with std::hash for its ids.

/// Hashes an id by its number, so that ids key std::unordered_map and std::unordered_set.
template <class Tag>
struct std::hash<partnerqi::model::id<Tag>> {
    /// The hash of `i.value`; equal ids hash alike.
    std::size_t operator()(partnerqi::model::id<Tag> i) const noexcept {
        return std::hash<std::uint32_t>{}(i.value);
    }
};
