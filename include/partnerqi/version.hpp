/// @file
/// The version of partnerqi: the single source of truth that CMake reads too.
#pragma once

/// The major version, raised by a change that breaks the API; `find_package(partnerqi X.Y)`
/// accepts any installed version with major version X that is at least X.Y.
#define PARTNERQI_VERSION_MAJOR 0
/// The minor version, raised by additions that keep code written for earlier ones compiling.
#define PARTNERQI_VERSION_MINOR 2
/// The patch version, raised by fixes that change no declaration.
#define PARTNERQI_VERSION_PATCH 0
/// The version as one integer, major * 10000 + minor * 100 + patch.
#define PARTNERQI_VERSION \
    (PARTNERQI_VERSION_MAJOR * 10000 + PARTNERQI_VERSION_MINOR * 100 + PARTNERQI_VERSION_PATCH)

#include <string_view>

#include "partnerqi/export.hpp"

/// @namespace partnerqi
/// Patient partnership in quality improvement: the model of a case study (partnerqi::model), its
/// engagement network (partnerqi::network), analyses (partnerqi::analysis) and files
/// (partnerqi::io). Every exception it throws derives from partnerqi::error.
namespace partnerqi {

#define PARTNERQI_DETAIL_STRINGIZE2(x) #x
#define PARTNERQI_DETAIL_STRINGIZE(x) PARTNERQI_DETAIL_STRINGIZE2(x)

/// The version of the headers this code was compiled against, as "major.minor.patch".
inline constexpr std::string_view header_version =
    PARTNERQI_DETAIL_STRINGIZE(PARTNERQI_VERSION_MAJOR) "." PARTNERQI_DETAIL_STRINGIZE(
        PARTNERQI_VERSION_MINOR) "." PARTNERQI_DETAIL_STRINGIZE(PARTNERQI_VERSION_PATCH);

/// The version of the compiled library, so that a header/library mismatch can be detected.
[[nodiscard]] PARTNERQI_EXPORT std::string_view library_version() noexcept;

}  // namespace partnerqi
