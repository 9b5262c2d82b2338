#include "partnerqi/io/deidentify.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "partnerqi/detail/csv.hpp"
#include "partnerqi/detail/text.hpp"
#include "partnerqi/error.hpp"
#include "partnerqi/io/detail/sha256.hpp"
#include "partnerqi/io/detail/text_replacer.hpp"

namespace partnerqi::io {

std::string_view to_string(deidentify_level level) noexcept {
    switch (level) {
        case deidentify_level::pseudonymize: return "pseudonymize";
        case deidentify_level::anonymize: return "anonymize";
    }
    return "invalid";
}

std::string_view to_string(date_treatment dates) noexcept {
    switch (dates) {
        case date_treatment::keep: return "keep";
        case date_treatment::month: return "month";
        case date_treatment::year: return "year";
        case date_treatment::shift: return "shift";
    }
    return "invalid";
}

namespace {

constexpr std::size_t shortest_scrubbed = 3;  // shorter values would replace parts of words
constexpr std::string_view removed = "[removed]";

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

// ---- The vocabulary of generalized values ---------------------------------------------------

std::string spaced(std::string_view spelling) {
    std::string out(spelling);
    std::replace(out.begin(), out.end(), '-', ' ');
    return out;
}

// "mid-level manager", "patient advisor", "other role".
std::string role_words(model::person_role role, std::optional<model::management_tier> tier) {
    if (role == model::person_role::other) return "other role";
    std::string words = spaced(to_string(role));
    if (tier) words = std::string(to_string(*tier)) + " " + words;
    return words;
}

// A profession's group: a library vocabulary, matched on word stems in English and French.
std::string profession_group(std::string_view profession) {
    if (profession.empty()) return {};
    struct group {
        const char* name;
        std::vector<const char*> stems;
    };
    static const group groups[] = {
        {"nurse", {"nurs", "infirm"}},
        {"physician",
         {"physician", "psychiatr", "doctor", "surgeon", "oncolog", "radiolog", "anesth", "pediatr",
          "paediatr", "cardiolog", "médecin", "medecin", "chief of medicine",
          "general practitioner", "omnipratic"}},
        {"allied health professional",
         {"psycholog",  "social work", "travailleu", "therap", "pharmac",   "dietit",    "diétét",
          "nutrition",  "physio",      "ergoth",     "kinesi", "speech",    "orthophon", "respirat",
          "psychoéduc", "psychoeduc",  "educator",   "éducat", "technolog", "technician"}},
        {"administrative staff", {"clerk", "secretar", "administrat", "agent", "receptionist"}},
    };
    const std::string text = partnerqi::detail::lower_ascii(profession);
    for (const group& g : groups)
        for (const char* stem : g.stems)
            if (text.find(stem) != std::string::npos) return g.name;
    return "other profession";
}

// What every anonymized record's generalization may need from the rest of the study.
struct context {
    std::unordered_map<std::uint32_t, const model::person*> people;  // by id, in the original
    std::map<std::string, std::string, std::less<>> coders;          // original -> "coder N"
};

// The generalized value of a record's identifying field, or nothing when the field is removed.
// `ordinal` is the record's position in its kind, from 0.
template <class Record>
std::optional<std::string> generalized(const Record&, std::string_view, std::size_t, context&) {
    return std::nullopt;
}

std::optional<std::string> generalized(const model::organization&, std::string_view field,
                                       std::size_t ordinal, context&) {
    if (field == "code") return "ORG-" + partnerqi::detail::column_letters(ordinal);
    if (field == "name") return "Organization " + partnerqi::detail::column_letters(ordinal);
    return std::nullopt;
}

std::optional<std::string> generalized(const model::qi_team&, std::string_view field,
                                       std::size_t ordinal, context&) {
    if (field == "code") return "TEAM-" + std::to_string(ordinal + 1);
    if (field == "name") return "Team " + std::to_string(ordinal + 1);
    return std::nullopt;
}

std::optional<std::string> generalized(const model::qi_activity&, std::string_view field,
                                       std::size_t ordinal, context&) {
    if (field == "code") return "ACT-" + std::to_string(ordinal + 1);
    if (field == "title") return "Activity " + std::to_string(ordinal + 1);
    return std::nullopt;
}

std::optional<std::string> generalized(const model::study_case&, std::string_view field,
                                       std::size_t ordinal, context&) {
    if (field == "code") return "CASE-" + std::to_string(ordinal + 1);
    if (field == "label") return "Case " + std::to_string(ordinal + 1);
    return std::nullopt;
}

std::optional<std::string> generalized(const model::person& p, std::string_view field, std::size_t,
                                       context&) {
    if (field == "role_label") return p.role_label.empty() ? "" : role_words(p.role, p.tier);
    if (field == "profession") return profession_group(p.profession);
    return std::nullopt;
}

std::optional<std::string> generalized(const model::team_membership& m, std::string_view field,
                                       std::size_t, context& ctx) {
    if (field != "role_in_team" || m.role_in_team.empty()) return std::nullopt;
    const auto it = ctx.people.find(m.person.value);
    if (it == ctx.people.end()) return std::nullopt;
    return role_words(it->second->role, it->second->tier);
}

std::optional<std::string> generalized(const model::coded_segment& s, std::string_view field,
                                       std::size_t, context& ctx) {
    if (field != "coder") return std::nullopt;
    const auto [it, added] =
        ctx.coders.try_emplace(s.coder, "coder " + std::to_string(ctx.coders.size() + 1));
    return it->second;
}

// ---- Dates ----------------------------------------------------------------------------------

struct date_rule {
    date_treatment treatment = date_treatment::keep;
    std::int32_t shift_days = 0;

    [[nodiscard]] model::date first_day(model::date d) const {
        switch (treatment) {
            case date_treatment::keep: return d;
            case date_treatment::month: return model::date::from_ymd(d.year(), d.month(), 1);
            case date_treatment::year: return model::date::from_ymd(d.year(), 1, 1);
            case date_treatment::shift: return d.plus_days(shift_days);
        }
        return d;
    }
    [[nodiscard]] model::date last_day(model::date d) const {
        switch (treatment) {
            case date_treatment::month: {
                const model::date next = d.month() == 12
                                             ? model::date::from_ymd(d.year() + 1, 1, 1)
                                             : model::date::from_ymd(d.year(), d.month() + 1, 1);
                return next.plus_days(-1);
            }
            case date_treatment::year: return model::date::from_ymd(d.year(), 12, 31);
            default: return first_day(d);
        }
    }
    [[nodiscard]] model::date_window window(const model::date_window& w) const {
        return {first_day(w.first()), last_day(w.last())};
    }
};

// A keyed offset of -365 to +365 days, the same for every date of the study.
std::int32_t keyed_shift(std::string_view salt) {
    const detail::sha256_digest digest = detail::hmac_sha256(salt, "partnerqi date shift");
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i)
        value = (value << 8) | digest[static_cast<std::size_t>(i)];
    return static_cast<std::int32_t>(value % 731U) - 365;
}

// ---- Walking the records --------------------------------------------------------------------

struct plan {
    deidentify_level level;
    std::set<std::string, std::less<>> keep;  // "table.field"
    date_rule dates;
};

template <class Record>
bool is_kept(const plan& p, std::string_view field) {
    std::string key(model::record_traits<Record>::table);
    key += '.';
    key += field;
    return p.keep.count(key) > 0;
}

// True when the anonymize level removes or generalizes this field of Record.
template <class Record, class Field>
bool is_anonymized(const plan& p, const Field& d) {
    return p.level == deidentify_level::anonymize && d.is(model::field_use::identifying) &&
           !is_kept<Record>(p, d.name);
}

// The note of a record marked illustrative says what was invented or assumed (an assumed tier,
// an illustrative classification): a pseudonymized copy keeps it, scrubbed like a label, so that
// the caveat travels with the copy. Every other free text is removed.
template <class Record, class Field>
bool keeps_caveat(const Record& r, const plan& p, const Field& d) {
    return p.level == deidentify_level::pseudonymize && std::string_view(d.name) == "note" &&
           r.provenance == model::provenance::illustrative;
}

// First pass: removes personal data and free texts, generalizes identifying fields and dates,
// and remembers each original identifying value with what replaced it.
template <class Record>
void strip_record(Record& r, std::size_t ordinal, const plan& p, context& ctx,
                  detail::text_replacer& originals) {
    model::for_each_field<Record>([&](const auto& d) {
        auto& value = r.*(d.member);
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) {
            if (d.is(model::field_use::personal) ||
                (d.is(model::field_use::free_text) && !keeps_caveat(r, p, d))) {
                value.clear();
            } else if (is_anonymized<Record>(p, d)) {
                std::optional<std::string> replacement = generalized(r, d.name, ordinal, ctx);
                if (value.size() >= shortest_scrubbed)
                    originals.add(value, replacement ? *replacement : std::string(removed));
                value = replacement ? std::move(*replacement) : std::string();
            }
        } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
            if (d.is(model::field_use::personal) || d.is(model::field_use::free_text))
                value.reset();
        } else if constexpr (std::is_same_v<T, model::date>) {
            value = p.dates.first_day(value);
        } else if constexpr (std::is_same_v<T, std::optional<model::date>>) {
            if (value) value = p.dates.first_day(*value);
        } else if constexpr (std::is_same_v<T, model::date_window>) {
            value = p.dates.window(value);
        } else if constexpr (model::is_vector<T>::value) {
            if constexpr (model::is_record_v<typename T::value_type>)
                for (auto& item : value)
                    strip_record(item, 0, p, ctx, originals);
        }
    });
}

// Second pass: the texts that are kept lose every code, name and original value found in them.
template <class Record>
void scrub_record(Record& r, const plan& p, const detail::text_replacer& scrub) {
    model::for_each_field<Record>([&](const auto& d) {
        auto& value = r.*(d.member);
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) {
            if ((d.is(model::field_use::label) && !is_anonymized<Record>(p, d)) ||
                (d.is(model::field_use::free_text) && keeps_caveat(r, p, d)))
                value = scrub(value);
        } else if constexpr (model::is_vector<T>::value) {
            if constexpr (model::is_record_v<typename T::value_type>)
                for (auto& item : value)
                    scrub_record(item, p, scrub);
        }
    });
}

// ---- Disclosure risk ------------------------------------------------------------------------

// Each person's quasi-identifiers as one key.
std::vector<std::string> quasi_identifier_keys(const model::case_study_data& data) {
    const auto& people = data.all<model::person>();
    std::unordered_map<std::uint32_t, std::size_t> index;
    for (std::size_t i = 0; i < people.size(); ++i)
        index.emplace(people[i].id.value, i);
    std::vector<std::string> teams(people.size());
    for (const model::qi_team& t : data.all<model::qi_team>())
        for (const model::team_membership& m : t.members)
            if (const auto it = index.find(m.person.value); it != index.end())
                teams[it->second] += std::to_string(t.id.value) + ",";
    std::vector<std::string> keys(people.size());
    for (std::size_t i = 0; i < people.size(); ++i) {
        const model::person& p = people[i];
        keys[i] = std::to_string(p.organization ? p.organization->value : 0) + "|" +
                  std::string(to_string(p.role)) + "|" +
                  (p.tier ? std::string(to_string(*p.tier)) : "") + "|" + p.profession + "|" +
                  teams[i];
    }
    return keys;
}

// The people whose equivalence class is smaller than k, and the smallest class.
void measure(const model::case_study_data& data, disclosure_risk& risk) {
    const std::vector<std::string> keys = quasi_identifier_keys(data);
    std::unordered_map<std::string, unsigned> sizes;
    for (const std::string& key : keys)
        ++sizes[key];
    const auto& people = data.all<model::person>();
    risk.at_risk.clear();
    risk.smallest_class = 0;
    for (std::size_t i = 0; i < people.size(); ++i) {
        const unsigned size = sizes[keys[i]];
        if (risk.smallest_class == 0 || size < risk.smallest_class) risk.smallest_class = size;
        if (size < risk.threshold) risk.at_risk.push_back({people[i].code, size});
    }
}

}  // namespace

std::vector<std::string> identifying_fields() {
    std::vector<std::string> names;
    model::for_each_type(model::record_kinds{}, [&](auto* tag) {
        using Kind = std::remove_pointer_t<decltype(tag)>;
        model::for_each_field<Kind>([&](const auto& d) {
            if (d.is(model::field_use::identifying))
                names.push_back(std::string(model::record_traits<Kind>::table) + "." +
                                std::string(d.name));
            using T = typename std::decay_t<decltype(d)>::value_type;
            if constexpr (model::is_vector<T>::value) {
                using Nested = typename T::value_type;
                if constexpr (model::is_record_v<Nested>) {
                    model::for_each_field<Nested>([&](const auto& n) {
                        if (n.is(model::field_use::identifying))
                            names.push_back(std::string(model::record_traits<Nested>::table) + "." +
                                            std::string(n.name));
                    });
                }
            }
        });
    });
    return names;
}

deidentified deidentify(const model::case_study& study, std::string_view salt,
                        const deidentify_options& options) {
    if (salt.empty())
        throw invalid_request_error(
            "de-identification needs a secret salt: with an empty salt anyone could recompute "
            "the pseudonyms of short participant codes; pass a long random string and keep it");
    if (options.k < 2)
        throw invalid_request_error("k = " + std::to_string(options.k) +
                                    ": an equivalence class of one person identifies that "
                                    "person; ask for k of 2 or more (3 is usual)");
    plan p{options.level, {}, {}};
    const std::vector<std::string> known = identifying_fields();
    for (const std::string& field : options.keep) {
        if (std::find(known.begin(), known.end(), field) == known.end()) {
            std::string list;
            for (const std::string& k : known)
                list += (list.empty() ? "" : ", ") + k;
            throw invalid_request_error("keep " + field +
                                        ": not an identifying field; name one of " + list);
        }
        p.keep.insert(field);
    }
    if (options.level == deidentify_level::anonymize) {
        p.dates.treatment = options.dates;
        if (options.dates == date_treatment::shift) p.dates.shift_days = keyed_shift(salt);
    }

    deidentified out{model::case_study(), disclosure_risk{}};
    disclosure_risk& risk = out.risk;
    risk.quasi_identifiers = {
        "organization", "role", "tier",
        options.level == deidentify_level::anonymize ? "profession group" : "profession",
        "team memberships"};
    risk.threshold = options.k;

    model::case_study_data data = study.data();
    context ctx;
    for (const model::person& person : study.all<model::person>())
        ctx.people.emplace(person.id.value, &person);

    auto& people = data.all<model::person>();
    const std::vector<std::string> names = pseudonyms(people, salt);
    detail::text_replacer scrub;
    for (std::size_t i = 0; i < people.size(); ++i) {
        model::person& person = people[i];
        if (person.code.size() >= shortest_scrubbed) scrub.add(person.code, names[i]);
        if (person.display_name && person.display_name->size() >= shortest_scrubbed)
            scrub.add(*person.display_name, "[name removed]");
        person.code = names[i];
    }
    risk.actions.push_back("people's codes replaced by keyed pseudonyms (HMAC-SHA-256)");
    risk.actions.push_back("personal data and free texts removed");

    data.window = p.dates.window(data.window);
    model::for_each_type(model::record_kinds{}, [&](auto* tag) {
        using Kind = std::remove_pointer_t<decltype(tag)>;
        auto& records = data.all<Kind>();
        for (std::size_t i = 0; i < records.size(); ++i)
            strip_record(records[i], i, p, ctx, scrub);
    });
    if (options.level == deidentify_level::anonymize) {
        for (const std::string& field : known)
            risk.actions.push_back(
                field + (p.keep.count(field) ? " kept on request" : " generalized or removed"));
        if (options.dates != date_treatment::keep)
            risk.actions.push_back(
                "dates " +
                std::string(options.dates == date_treatment::shift
                                ? "shifted by one keyed offset"
                                : "generalized to the " + std::string(to_string(options.dates))));
    }

    data.title = scrub(data.title);
    data.description = scrub(data.description);
    model::for_each_type(model::record_kinds{}, [&](auto* tag) {
        using Kind = std::remove_pointer_t<decltype(tag)>;
        for (Kind& r : data.all<Kind>())
            scrub_record(r, p, scrub);
    });

    measure(data, risk);
    if (options.level == deidentify_level::anonymize && !risk.meets_threshold()) {
        // Local suppression of the one quasi-identifier the analyses do not need.
        std::unordered_set<std::string> at_risk;
        for (const person_at_risk& r : risk.at_risk)
            at_risk.insert(r.code);
        std::size_t suppressed = 0;
        for (model::person& person : people) {
            if (!person.profession.empty() && at_risk.count(person.code) > 0) {
                person.profession.clear();
                ++suppressed;
            }
        }
        if (suppressed > 0) {
            risk.actions.push_back("profession group suppressed for " + std::to_string(suppressed) +
                                   (suppressed == 1 ? " person" : " people") +
                                   " in classes smaller than k (local suppression)");
            measure(data, risk);
        }
    }
    out.study = model::case_study::from_data(std::move(data));
    return out;
}

model::case_study deidentify(const model::case_study& study, std::string_view salt) {
    deidentify_options options;
    options.level = deidentify_level::pseudonymize;
    return deidentify(study, salt, options).study;
}

}  // namespace partnerqi::io
