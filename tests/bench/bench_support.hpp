// Shared pieces of the benchmark programs: the synthetic studies at the benchmark sizes (built
// once per program), and the size of a study's records in memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <partnerqi/model/case_study.hpp>
#include <partnerqi/model/synthetic.hpp>

namespace partnerqi::bench {

/// Engagement events per person in every benchmark study.
inline constexpr std::uint32_t events_per_person = 10;

/// The options of the benchmark study with `people` people and 10 events per person.
inline model::detail::synthetic_options options_for(std::uint32_t people) {
    model::detail::synthetic_options o;
    o.seed = 20150101;
    o.people = people;
    o.engagements = people * events_per_person;
    return o;
}

/// The benchmark study with `people` people, generated on first use and kept for the program.
inline const model::case_study& study_of(std::uint32_t people) {
    static std::map<std::uint32_t, std::unique_ptr<model::case_study>> cache;
    auto& slot = cache[people];
    if (!slot)
        slot = std::make_unique<model::case_study>(
            model::detail::make_synthetic_case_study(options_for(people)));
    return *slot;
}

/// Heap bytes a string owns beyond its own object (nothing while it fits the small buffer).
inline std::size_t heap_bytes(const std::string& s) {
    static const std::size_t small = std::string().capacity();
    return s.size() <= small ? 0 : s.size() + 1;
}
inline std::size_t heap_bytes(const std::optional<std::string>& s) {
    return s ? heap_bytes(*s) : 0;
}
template <class T>
std::size_t heap_bytes(const std::vector<T>& v);
template <class T>
std::size_t heap_bytes(const T&) {
    return 0;
}

template <class Record>
std::size_t record_heap_bytes(const Record& r) {
    std::size_t total = 0;
    std::apply([&](const auto&... field) { ((total += heap_bytes(field)), ...); },
               model::tie_fields(r));
    return total;
}
inline std::size_t heap_bytes(const model::team_membership& m) { return record_heap_bytes(m); }

template <class T>
std::size_t heap_bytes(const std::vector<T>& v) {
    std::size_t total = v.size() * sizeof(T);
    for (const T& item : v)
        total += heap_bytes(item);
    return total;
}

/// The size of a study's records: sizeof each record plus the heap bytes its strings and
/// vectors need (no spare capacity, no index).
inline std::size_t records_bytes(const model::case_study_data& d) {
    std::size_t total =
        sizeof(model::case_study_data) + heap_bytes(d.title) + heap_bytes(d.description);
    auto add = [&](const auto& records) {
        total += records.size() * sizeof(typename std::decay_t<decltype(records)>::value_type);
        for (const auto& r : records)
            total += record_heap_bytes(r);
    };
    add(d.all<model::organization>());
    add(d.all<model::person>());
    add(d.all<model::qi_team>());
    add(d.all<model::qi_activity>());
    add(d.all<model::practice>());
    add(d.all<model::practice_enactment>());
    add(d.all<model::engagement>());
    add(d.all<model::wave>());
    add(d.all<model::data_source>());
    add(d.all<model::source_total>());
    add(d.all<model::code>());
    add(d.all<model::coded_segment>());
    add(d.all<model::memo>());
    add(d.all<model::study_case>());
    return total;
}

}  // namespace partnerqi::bench
