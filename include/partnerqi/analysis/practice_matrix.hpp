/// @file
/// The practice x tier matrix: who, at which tier of management, performs which category of
/// practice; per case and pooled.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerqi/analysis/assessment.hpp"
#include "partnerqi/analysis/filter.hpp"
#include "partnerqi/enum_traits.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"

namespace partnerqi::analysis {

/// One cell: how many enactments, and by how many distinct managers.
struct practice_cell {
    std::size_t enactments = 0;  ///< practice enactments counted in the cell
    std::size_t managers = 0;    ///< distinct managers; a margin counts a manager once

    /// True when both counts are equal.
    friend bool operator==(const practice_cell& a, const practice_cell& b) {
        return a.enactments == b.enactments && a.managers == b.managers;
    }
    /// True when either count differs.
    friend bool operator!=(const practice_cell& a, const practice_cell& b) { return !(a == b); }
};

/// Cells of one sub-practice of the catalog, by tier.
struct sub_practice_row {
    model::practice_id practice;  ///< the sub-practice of the catalog
    std::string code;             ///< e.g. "MAN-prepare"
    std::string name;             ///< e.g. "preparing advisors"
    model::practice_category category = model::practice_category::designing;  ///< its category
    std::array<practice_cell, 3> by_tier{};  ///< indexed by model::management_tier
    practice_cell total;                     ///< every tier; counts each manager once
};

/// The study's grouping of the categories: designing and structuring rest on typical
/// change-management practices, managing and evaluating integration need new daily practices.
enum class practice_grouping : std::uint8_t { typical_change_management, new_daily_practice };

/// The grouping a category belongs to (model::is_typical_change_management).
[[nodiscard]] PARTNERQI_EXPORT practice_grouping
grouping_of(model::practice_category category) noexcept;
}  // namespace partnerqi::analysis

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(analysis::practice_grouping, 2,
                             analysis::practice_grouping::typical_change_management,
                             analysis::practice_grouping::new_daily_practice)
}  // namespace partnerqi

namespace partnerqi::analysis {

/// The spelling of a grouping: "typical-change-management" or "new-daily-practice"; "invalid"
/// for a value that is not an enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(practice_grouping grouping) noexcept;

/// The matrix of one case, or of every case pooled.
///
/// `cells[c][t]` is indexed by model::practice_category and model::management_tier; the margins
/// count each manager once however many cells they appear in.
struct practice_tier_table {
    std::string label;                                    ///< the case code, or "pooled"
    std::optional<model::case_id> study_case;             ///< unset for the pooled table
    std::array<std::array<practice_cell, 3>, 4> cells{};  ///< [category][tier]
    std::array<practice_cell, 4>
        by_category{};                       ///< row margins, indexed by model::practice_category
    std::array<practice_cell, 3> by_tier{};  ///< column margins, indexed by model::management_tier
    practice_cell total;                     ///< every enactment of the table
    /// Indexed by practice_grouping, then by tier.
    std::array<std::array<practice_cell, 3>, 2> by_grouping{};
    /// One row per practice of the catalog, in practice id order; filled only on request.
    std::vector<sub_practice_row> sub_practices;

    /// The cell of a category and a tier.
    [[nodiscard]] const practice_cell& at(model::practice_category c,
                                          model::management_tier t) const {
        return cells[static_cast<std::size_t>(c)][static_cast<std::size_t>(t)];
    }
};

/// Options of the practice x tier matrix.
struct practice_matrix_options {
    bool sub_practices = false;  ///< add one row per sub-practice under its category
};

/// The matrix per case and pooled, for a filter.
struct practice_matrix_report {
    std::string scope;                       ///< the filter's label
    std::vector<practice_tier_table> cases;  ///< one per case in scope, in case id order
    practice_tier_table pooled;              ///< every enactment in scope, whatever its case
};

/// Counts enactments and distinct managers per category and tier, per case and pooled.
///
/// An enactment counts when its date lies in the filter's window and its organization (and team,
/// when set) belongs to the chosen case. Runs in one pass over the enactments.
/// Throws partnerqi::invalid_request_error for a filter that names no existing wave or case.
[[nodiscard]] PARTNERQI_EXPORT practice_matrix_report
practice_matrix(const model::case_study& study, const filter& scope = {},
                const practice_matrix_options& options = {});

/// The study's finding "managers at every tier, from top to front line, take part", as a check.
struct every_tier_check {
    /// not-flagged: the finding holds; flagged: enactments were recorded and a tier or a
    /// category has none; not-assessable: no enactment was recorded at all, so the table says
    /// nothing about the tiers.
    assessment state = assessment::not_assessable;
    bool passed = false;  ///< every tier enacted something and every category was enacted
    std::vector<model::management_tier> missing_tiers;         ///< tiers with no enactment
    std::vector<model::practice_category> missing_categories;  ///< categories with no enactment
    std::string message;  ///< one sentence naming what is missing, or the counts when it passes
};

/// Checks that managers of every tier performed some practice, and that every category of
/// practice was performed, in one table. A table with no enactment is not assessable: missing
/// records are not evidence that a tier took no part.
[[nodiscard]] PARTNERQI_EXPORT every_tier_check check_every_tier(const practice_tier_table& table);

/// The report as text: one block per case, then the pooled table, each with its check.
[[nodiscard]] PARTNERQI_EXPORT std::string to_text(const practice_matrix_report& report);

/// The report as CSV (RFC 4180), one row per table x category x tier, with margins marked "all":
/// `table,category,grouping,tier,practice,enactments,managers`.
PARTNERQI_EXPORT void write_csv(std::ostream& out, const practice_matrix_report& report);

}  // namespace partnerqi::analysis
