/// @file
/// The one number policy of everything partnerqi prints: text tables and reports (to_text, the
/// command-line tool) and CSV, GraphML and GEXF files. This header includes no Boost.
///
/// | kind of figure                    | text                     | CSV and other files  |
/// |-----------------------------------|--------------------------|----------------------|
/// | count (people, ties, sources)     | integer: `12`            | integer: `12`        |
/// | proportion (density, share, rate) | 3 decimals: `0.250`      | shortest exact       |
/// | measure (betweenness, closeness)  | 3 decimals: `1.500`      | shortest exact       |
/// | statistic (kappa, alpha, bounds)  | 3 decimals: `0.812`      | shortest exact       |
/// | average (means, medians, scores)  | 1 decimal: `62.5`        | shortest exact       |
/// | percent (a share shown in %)      | whole percent: `25%`     | the share, exact     |
///
/// "Shortest exact" is the shortest text that reads back to the same double (`0.5`, `2`,
/// `0.3333333333333333`), so that files compare exactly with other tools. No figure is ever
/// printed as a negative zero (`-0`, `-0.000`): a value that rounds to zero prints unsigned.
/// Not-a-number prints as `n/a` in text and as an empty cell in files.
#pragma once

#include <string>
#include <string_view>

#include "partnerqi/enum_traits.hpp"
#include "partnerqi/export.hpp"

namespace partnerqi {

/// The kinds of figure partnerqi prints, each with its own precision in text (the table above).
enum class figure {
    count,       ///< a whole number of things, no decimals
    proportion,  ///< a share, rate or density between 0 and 1, 3 decimals
    measure,     ///< a network measure (betweenness, closeness), 3 decimals
    statistic,   ///< an agreement statistic or its bound (kappa, alpha), 3 decimals
    average,     ///< a mean, median or score, 1 decimal
    percent      ///< a share between 0 and 1 printed as a whole percent with `%`
};

}  // namespace partnerqi

namespace partnerqi {
PARTNERQI_DETAIL_ENUM_TRAITS(figure, 6, figure::count, figure::proportion, figure::measure,
                             figure::statistic, figure::average, figure::percent)

/// The spelling of a figure kind ("count", "proportion", ...); "invalid" for a value that is
/// not an enumerator.
[[nodiscard]] PARTNERQI_EXPORT std::string_view to_string(figure kind) noexcept;

/// A figure as text tables print it, with the precision of its kind (see the file's table); never
/// a negative zero.
/// @code
/// assert(format_text(-0.0001, figure::statistic) == "0.000");
/// assert(format_text(0.25, figure::percent) == "25%");
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT std::string format_text(double value, figure kind);

/// A change as text, with an explicit `+` for growth ("+0.125", "-2", "0.000").
[[nodiscard]] PARTNERQI_EXPORT std::string format_change(double value, figure kind);

/// A real number as files (CSV, GraphML, GEXF) write it: the shortest text that reads back to the
/// same double; "0" for both zeros; "" for not-a-number.
/// @code
/// assert(format_exact(0.5) == "0.5" && format_exact(-0.0) == "0");
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT std::string format_exact(double value);

}  // namespace partnerqi
