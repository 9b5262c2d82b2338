// A small illustrative case study for the analysis specification, written with the public
// builder.
#pragma once

#include <string>
#include <utility>

#include "partnerqi/model/builder.hpp"

namespace partnerqi::test {

using namespace partnerqi::model;

inline date d(const char* iso) { return date::from_iso(iso); }

/// A builder of a case study over 2020-2021 with one organization, ORG; every record it writes
/// is illustrative.
inline builder mini_study() {
    builder b{"mini study", date_window::years(2020, 2021)};
    b.default_provenance(provenance::illustrative);
    b.organization("ORG").name("ORG organization");
    return b;
}

/// A case study written with the builder, under the names the specification reads: `s`, and
/// `org` for ORG.
struct built {
    case_study s;         ///< the case study built
    organization_id org;  ///< ORG

    built() = default;
    /// Holds `study`, which has the organization ORG.
    explicit built(case_study study) : s(std::move(study)), org(s.require<organization>("ORG")) {}
    /// The id of the person with this code.
    [[nodiscard]] person_id person(const std::string& code) const {
        return s.require<model::person>(code);
    }
};

}  // namespace partnerqi::test
