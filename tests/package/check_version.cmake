# Checks that the installed partnerqiConfigVersion.cmake announces the version the library reports.
#   cmake -DCONFIG_VERSION_FILE=<file> -DCONSUMER=<program> -P check_version.cmake
foreach(_var CONFIG_VERSION_FILE CONSUMER)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "check_version.cmake needs -D${_var}=...")
  endif()
endforeach()

# The version file sets PACKAGE_VERSION (and judges PACKAGE_FIND_VERSION, which we leave unset).
include("${CONFIG_VERSION_FILE}")
if(NOT PACKAGE_VERSION)
  message(FATAL_ERROR "${CONFIG_VERSION_FILE} sets no PACKAGE_VERSION")
endif()

execute_process(COMMAND "${CONSUMER}" OUTPUT_VARIABLE _out RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${CONSUMER} failed (exit ${_rc}):\n${_out}")
endif()
if(NOT _out MATCHES "library version ([0-9]+\\.[0-9]+\\.[0-9]+)")
  message(FATAL_ERROR "${CONSUMER} printed no library version:\n${_out}")
endif()
set(_library_version "${CMAKE_MATCH_1}")
if(NOT _library_version STREQUAL PACKAGE_VERSION)
  message(FATAL_ERROR "The installed package says ${PACKAGE_VERSION} but the library says "
    "${_library_version}: the version in include/partnerqi/version.hpp and the one CMake read "
    "disagree; reconfigure, or fix the version macros in version.hpp.")
endif()
message(STATUS "installed package version ${PACKAGE_VERSION} = library version ${_library_version}")
