# Installs a partnerqi build tree into a fresh prefix and checks that the package files are there.
#   cmake -DBUILD_DIR=<build> -DPREFIX=<prefix> -DCONFIG=<config> -DLIBDIR=<libdir>
#         [-DTOOL=<the command-line tool's path under the prefix>] -P install.cmake
foreach(_var BUILD_DIR PREFIX LIBDIR)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "install.cmake needs -D${_var}=...")
  endif()
endforeach()

file(REMOVE_RECURSE "${PREFIX}")
set(_config_args "")
if(CONFIG)
  set(_config_args --config "${CONFIG}")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" ${_config_args}
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "cmake --install ${BUILD_DIR} --prefix ${PREFIX} failed (exit ${_rc})")
endif()

set(_missing "")
foreach(_file
    "${LIBDIR}/cmake/partnerqi/partnerqiConfig.cmake"
    "${LIBDIR}/cmake/partnerqi/partnerqiConfigVersion.cmake"
    "${LIBDIR}/cmake/partnerqi/partnerqiTargets.cmake"
    "${LIBDIR}/pkgconfig/partnerqi.pc"
    "include/partnerqi/partnerqi.hpp"
    "include/partnerqi/version.hpp"
    "include/partnerqi/export.hpp"
    ${TOOL})
  if(NOT EXISTS "${PREFIX}/${_file}")
    list(APPEND _missing "${_file}")
  endif()
endforeach()
if(_missing)
  list(JOIN _missing "\n  " _text)
  message(FATAL_ERROR "The install into ${PREFIX} lacks:\n  ${_text}")
endif()
message(STATUS "partnerqi installed into ${PREFIX}")
