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
    std::uint32_t value = 0;

    /// True when it names a record (value != 0).
    [[nodiscard]] constexpr bool valid() const noexcept { return value != 0; }

    friend constexpr bool operator==(id a, id b) noexcept { return a.value == b.value; }
    friend constexpr bool operator!=(id a, id b) noexcept { return a.value != b.value; }
    friend constexpr bool operator<(id a, id b) noexcept { return a.value < b.value; }
};

using organization_id = id<struct organization_tag>;
using person_id = id<struct person_tag>;
using team_id = id<struct team_tag>;
using activity_id = id<struct activity_tag>;
using practice_id = id<struct practice_tag>;
using enactment_id = id<struct enactment_tag>;
using engagement_id = id<struct engagement_tag>;
using source_id = id<struct source_tag>;
using code_id = id<struct code_tag>;
using segment_id = id<struct segment_tag>;
using memo_id = id<struct memo_tag>;
using wave_id = id<struct wave_tag>;
using case_id = id<struct case_tag>;
using total_id = id<struct total_tag>;

}  // namespace partnerqi::model

template <class Tag>
struct std::hash<partnerqi::model::id<Tag>> {
    std::size_t operator()(partnerqi::model::id<Tag> i) const noexcept {
        return std::hash<std::uint32_t>{}(i.value);
    }
};
