#include "partnerqi/io/deidentify.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "partnerqi/error.hpp"
#include "partnerqi/io/detail/keyed_hash.hpp"

namespace partnerqi::io {

namespace {

std::string_view role_prefix(model::person_role role) {
    switch (role) {
        case model::person_role::patient_advisor: return "PA";
        case model::person_role::provider: return "PV";
        case model::person_role::manager: return "MG";
        case model::person_role::partnership_coordinator: return "PC";
        case model::person_role::coach: return "CO";
        case model::person_role::researcher: return "RS";
        case model::person_role::other: return "OT";
    }
    return "OT";
}

// Pseudonyms for every person, as short as possible while all stay distinct.
std::vector<std::string> pseudonyms(const std::vector<model::person>& people,
                                    std::string_view salt) {
    std::vector<std::string> digests;
    digests.reserve(people.size());
    for (const model::person& p : people)
        digests.push_back(detail::to_hex(detail::hmac_sha256(salt, p.code)));
    std::vector<std::string> names(people.size());
    for (std::size_t digits = 10; digits <= 64; digits += 6) {
        std::set<std::string> seen;
        bool distinct = true;
        for (std::size_t i = 0; i < people.size(); ++i) {
            names[i] = "P-" + std::string(role_prefix(people[i].role)) + "-" +
                       digests[i].substr(0, std::min<std::size_t>(digits, 64));
            distinct = distinct && seen.insert(names[i]).second;
        }
        if (distinct) break;
    }
    return names;
}

// Replacements of identifying words inside other texts, longest first so that "M-TOP-10" is
// replaced before "M-TOP-1".
class scrubber {
public:
    void add(std::string from, std::string to) {
        if (from.size() >= 3) pairs_.emplace_back(std::move(from), std::move(to));
    }
    void finish() {
        std::stable_sort(pairs_.begin(), pairs_.end(), [](const auto& a, const auto& b) {
            return a.first.size() > b.first.size();
        });
    }
    void operator()(std::string& text) const {
        for (const auto& [from, to] : pairs_) {
            for (std::size_t at = text.find(from); at != std::string::npos;
                 at = text.find(from, at + to.size()))
                text.replace(at, from.size(), to);
        }
    }

private:
    std::vector<std::pair<std::string, std::string>> pairs_;
};

// Removes a record's personal data and free texts and scrubs its labels, nested records included.
template <class Record>
void scrub_record(Record& r, const scrubber& scrub) {
    model::for_each_field<Record>([&](const auto& d) {
        auto& value = r.*(d.member);
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) {
            if (d.is(model::field_use::personal) || d.is(model::field_use::free_text))
                value.clear();
            else if (d.is(model::field_use::label))
                scrub(value);
        } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
            if (d.is(model::field_use::personal) || d.is(model::field_use::free_text))
                value.reset();
        } else if constexpr (model::is_vector<T>::value) {
            if constexpr (model::is_record_v<typename T::value_type>)
                for (auto& item : value)
                    scrub_record(item, scrub);
        }
    });
}

}  // namespace

model::case_study deidentify(const model::case_study& study, std::string_view salt) {
    if (salt.empty())
        throw invalid_request_error(
            "de-identification needs a secret salt: with an empty salt anyone could recompute "
            "the pseudonyms of short participant codes; pass a long random string and keep it");

    model::case_study_data data = study.data();
    auto& people = data.all<model::person>();
    const std::vector<std::string> names = pseudonyms(people, salt);

    scrubber scrub;
    for (std::size_t i = 0; i < people.size(); ++i) {
        model::person& p = people[i];
        scrub.add(p.code, names[i]);
        if (p.display_name) scrub.add(*p.display_name, "[name removed]");
        p.code = names[i];
    }
    scrub.finish();

    // Every other text, as the registry says what it is: personal data and free texts are
    // removed, labels are kept with codes and names scrubbed. Only now is every code and name
    // known.
    scrub(data.title);
    scrub(data.description);
    model::for_each_type(model::record_kinds{}, [&](auto* tag) {
        using Kind = std::remove_pointer_t<decltype(tag)>;
        for (Kind& r : data.all<Kind>())
            scrub_record(r, scrub);
    });
    return model::case_study::from_data(std::move(data));
}

}  // namespace partnerqi::io
