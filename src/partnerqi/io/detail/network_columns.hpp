// What the network exports (GraphML, GEXF, CSV, DOT) say about people and ties, in one place:
// the columns with their types and values, the escaping of XML text, and whether a network
// shows invented (illustrative) records.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "partnerqi/network/engagement_graph.hpp"
#include "partnerqi/network/metrics_table.hpp"

namespace partnerqi::io::detail {

/// The type of a column's values; each format spells it its own way.
enum class column_type { text, integer, long_integer, real };

/// The types of network::metrics_columns, in the same order.
inline constexpr column_type person_column_types[] = {
    column_type::text,    column_type::text,         column_type::text,
    column_type::text,    column_type::text,         column_type::integer,
    column_type::integer, column_type::long_integer, column_type::long_integer,
    column_type::real,    column_type::real,         column_type::integer,
    column_type::integer};
static_assert(std::size(person_column_types) == network::metrics_columns.size(),
              "one type per column of the metrics table");

/// The values of one row, in column order; no value where the value is unknown (no tier, no
/// organization, no path to a top-level manager), which every format leaves out or empty.
template <std::size_t N>
using row_values = std::array<std::optional<std::string>, N>;

/// A person's row of the metrics table as texts (numbers in their shortest exact form).
[[nodiscard]] row_values<network::metrics_columns.size()> person_values(
    const network::person_metrics& row);

/// A column of the ties: its name and its type.
struct column {
    std::string_view name;  ///< the CSV column, GraphML key and GEXF attribute title
    column_type type;       ///< the type of its values
};

/// The columns of a tie, after its two people: engagement events, strongest level, first and
/// last days (ISO), kinds (comma separated, in vocabulary order) and weakest provenance.
inline constexpr std::array<column, 6> tie_columns{{{"count", column_type::integer},
                                                    {"level", column_type::text},
                                                    {"first", column_type::text},
                                                    {"last", column_type::text},
                                                    {"kinds", column_type::text},
                                                    {"provenance", column_type::text}}};

/// A tie's values in tie_columns order.
[[nodiscard]] row_values<tie_columns.size()> tie_values(const network::engagement_tie& tie);

/// The kinds of a tie in vocabulary order, joined by `separator`.
[[nodiscard]] std::string kinds_text(network::kind_mask kinds, std::string_view separator);

/// True when a person or a tie of `graph` is illustrative (invented for an example), so that
/// a picture or an export of it must say so.
[[nodiscard]] bool shows_illustrative(const network::engagement_graph& graph);

/// The words a title gains when the network shows illustrative records.
inline constexpr std::string_view illustrative_note = "(includes illustrative records)";

/// Text as XML 1.0 character data or attribute value, in UTF-8: the markup characters `& < > " '`
/// escaped; tab, line feed and carriage return as character references (so attribute values
/// keep them); other control characters, which XML 1.0 forbids, dropped; every byte sequence
/// that is not valid UTF-8 (overlong forms, surrogates, stray bytes, a cut sequence) and the
/// non-characters U+FFFE and U+FFFF replaced by U+FFFD, the replacement character.
[[nodiscard]] std::string xml_escape(std::string_view text);

}  // namespace partnerqi::io::detail
