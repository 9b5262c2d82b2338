/// @file
/// A GRIPP2 report (Staniszewska S, Brett J, Simera I, et al. GRIPP2 reporting checklists: tools
/// to improve reporting of patient and public involvement in research. BMJ 2017;358:j3453,
/// doi:10.1136/bmj.j3453): the short form's five items and the long form's sections, filled as
/// far as a case study's records allow, each statement marked by where it comes from, so that a
/// team writing a paper sees what it still has to document.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/enum_traits.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis {

/// Where a GRIPP2 statement comes from.
enum class gripp2_status : std::uint8_t {
    reported,      ///< every record behind it is reported by a published source
    user_entered,  ///< some record behind it was entered by the user, none is illustrative
    illustrative,  ///< some record behind it is invented for an example: not a fact
    missing        ///< no record fills it: the team still has to document it
};

}  // namespace partnerqi::analysis

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(analysis::gripp2_status, 4, analysis::gripp2_status::reported,
                             analysis::gripp2_status::user_entered,
                             analysis::gripp2_status::illustrative,
                             analysis::gripp2_status::missing)
}  // namespace partnerqi

namespace partnerqi::analysis {

/// The spelling of a status: "reported", "user-entered", "illustrative" or "missing"; "invalid"
/// for a value that is not an enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(gripp2_status status) noexcept;

/// One statement of a GRIPP2 item, and where it comes from.
struct gripp2_statement {
    std::string text;                               ///< what the records say, or what is missing
    gripp2_status status = gripp2_status::missing;  ///< reported, user-entered, illustrative or
                                                    ///< missing
};

/// One item of the short form, or one section of the long form.
struct gripp2_item {
    std::string key;    ///< "SF1" to "SF5" for the short form; "LF-aim", "LF-methods", ...
    std::string title;  ///< the item or section as GRIPP2 names it, e.g. "Methods"
    std::vector<gripp2_statement> statements;  ///< never empty
};

/// The GRIPP2 report of a scope.
struct gripp2_report {
    std::string scope;                    ///< the filter's label
    std::vector<gripp2_item> short_form;  ///< the five items of GRIPP2-SF, in order
    std::vector<gripp2_item> long_form;   ///< the sections of GRIPP2-LF, in order
    /// How many statements of both forms carry each status, indexed by gripp2_status.
    std::array<std::size_t, 4> counts{};
};

/// Fills GRIPP2 from the records in scope: aims from the QI activities advisors took part in;
/// methods from team memberships, activities, engagements and managing practices; results from
/// the influence log and evaluation responses; conclusions from the changes the log records;
/// reflections from the tokenism audit (library heuristics) and memos; context from
/// organizations and teams. Statements the records cannot fill (definitions, economic
/// assessment, ...) are marked missing with what to document. Throws
/// partnerqi::invalid_request_error for a bad filter.
[[nodiscard]] PARTNERQI_EXPORT gripp2_report gripp2(const model::case_study& study,
                                                    const filter& scope = {});

/// The report as text: the reference, a legend of the statuses, the short form, then the long
/// form, each statement prefixed by its status in brackets, e.g. "[missing]".
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const gripp2_report& report);

}  // namespace partnerqi::analysis
