#include "partnerqi/io/deidentify.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "partnerqi/error.hpp"
#include "partnerqi/io/detail/sha256.hpp"

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
std::vector<std::string> pseudonyms(const std::vector<model::person>& people, std::string_view salt) {
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
        std::stable_sort(pairs_.begin(), pairs_.end(),
                         [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
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

}  // namespace

model::case_study deidentify(const model::case_study& study, std::string_view salt) {
    if (salt.empty())
        throw invalid_request_error(
            "de-identification needs a secret salt: with an empty salt anyone could recompute "
            "the pseudonyms of short participant codes; pass a long random string and keep it");

    model::case_study_data data = study.data();
    const std::vector<std::string> names = pseudonyms(data.people, salt);

    scrubber scrub;
    for (std::size_t i = 0; i < data.people.size(); ++i) {
        model::person& p = data.people[i];
        scrub.add(p.code, names[i]);
        if (p.display_name) scrub.add(*p.display_name, "[name removed]");
        p.code = names[i];
        p.display_name.reset();
        p.note.clear();
    }
    scrub.finish();
    // Free texts of people are scrubbed only now, when every code and name is known.
    for (model::person& p : data.people) {
        scrub(p.profession);
        scrub(p.role_label);
    }

    scrub(data.title);
    scrub(data.description);
    for (model::organization& r : data.organizations) {
        r.note.clear();
        scrub(r.name);
        scrub(r.kind);
        scrub(r.region);
        scrub(r.program);
        scrub(r.partnership_model);
    }
    for (model::qi_team& r : data.teams) {
        r.note.clear();
        scrub(r.name);
        scrub(r.clinical_area);
        scrub(r.unit);
        for (model::team_membership& m : r.members) scrub(m.role_in_team);
    }
    for (model::qi_activity& r : data.activities) {
        r.note.clear();
        scrub(r.title);
    }
    for (model::practice& r : data.practices) {
        scrub(r.name);
        scrub(r.description);
    }
    for (model::practice_enactment& r : data.enactments) r.note.clear();
    for (model::wave& r : data.waves) scrub(r.label);
    for (model::data_source& r : data.sources) {
        r.title.clear();
        r.text.clear();
    }
    for (model::source_total& r : data.totals) scrub(r.description);
    for (model::code& r : data.codes) {
        scrub(r.name);
        scrub(r.definition);
    }
    for (model::coded_segment& r : data.segments) {
        r.text.clear();
        scrub(r.coder);
    }
    for (model::memo& r : data.memos) {
        r.text.clear();
        scrub(r.title);
    }
    for (model::study_case& r : data.cases) scrub(r.label);

    return model::case_study::from_data(std::move(data));
}

}  // namespace partnerqi::io
