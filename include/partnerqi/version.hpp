/// @file
/// The version of partnerqi: the single source of truth that CMake reads too.
#pragma once

#define PARTNERQI_VERSION_MAJOR 0
#define PARTNERQI_VERSION_MINOR 1
#define PARTNERQI_VERSION_PATCH 0
/// The version as one integer, major * 10000 + minor * 100 + patch.
#define PARTNERQI_VERSION \
    (PARTNERQI_VERSION_MAJOR * 10000 + PARTNERQI_VERSION_MINOR * 100 + PARTNERQI_VERSION_PATCH)

#include <string_view>

#include "partnerqi/export.hpp"

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
