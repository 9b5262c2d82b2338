// What every table and column of the CSV tables means, in words for the coordinators who fill
// them in: the one source of README.txt's descriptions (io::table_layouts() joins it with the
// registry's field names, types and the enums' spellings).
#pragma once

#include <string_view>

namespace partnerqi::io::detail {

/// The description of a column of a table ("people", "tier"), or of the table itself when
/// `column` is empty; empty when there is none (a specification checks that every field of the
/// registry has one).
[[nodiscard]] std::string_view column_description(std::string_view table,
                                                  std::string_view column) noexcept;

}  // namespace partnerqi::io::detail
