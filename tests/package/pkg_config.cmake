# Compiles, links and runs a one-file program with the flags pkg-config gives for an installed
# partnerqi, the way a project without CMake would use it.
#   cmake -DPKG_CONFIG=<pkg-config> -DPREFIX=<prefix> -DLIBDIR=<libdir> -DCXX=<compiler>
#         -DSOURCE=<main.cpp> -DOUTPUT=<program> -DSHARED=<ON|OFF> [-DEXTRA_FLAGS=<a;b>]
#         -P pkg_config.cmake
foreach(_var PKG_CONFIG PREFIX LIBDIR CXX SOURCE OUTPUT)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "pkg_config.cmake needs -D${_var}=...")
  endif()
endforeach()

# Only our temporary prefix: no partnerqi.pc installed elsewhere on the machine can answer.
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
set(ENV{PKG_CONFIG_LIBDIR} "${PREFIX}/${LIBDIR}/pkgconfig")
# A static library needs its own dependencies on the link line: that is what --static asks for.
set(_static "")
if(NOT SHARED)
  set(_static --static)
endif()
execute_process(COMMAND "${PKG_CONFIG}" ${_static} --cflags --libs partnerqi
  OUTPUT_VARIABLE _flags ERROR_VARIABLE _err RESULT_VARIABLE _rc
  OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "pkg-config ${_static} --cflags --libs partnerqi failed (exit ${_rc}): ${_err}")
endif()
message(STATUS "pkg-config ${_static} --cflags --libs partnerqi: ${_flags}")
separate_arguments(_flag_list UNIX_COMMAND "${_flags}")
# The .pc file is relocatable (prefix=${pcfiledir}/...): its include directory must be ours.
file(REAL_PATH "${PREFIX}/include" _expected_include)
set(_found_include FALSE)
foreach(_flag IN LISTS _flag_list)
  if(_flag MATCHES "^-I(.+)$")
    file(REAL_PATH "${CMAKE_MATCH_1}" _include)
    if(_include STREQUAL _expected_include)
      set(_found_include TRUE)
    endif()
  endif()
endforeach()
if(NOT _found_include)
  message(FATAL_ERROR "pkg-config gives no -I for ${_expected_include}: ${_flags}")
endif()

set(_rpath "")
if(SHARED)
  set(_rpath "-Wl,-rpath,${PREFIX}/${LIBDIR}")
endif()
execute_process(
  COMMAND "${CXX}" -std=c++17 ${EXTRA_FLAGS} "${SOURCE}" -o "${OUTPUT}" ${_flag_list} ${_rpath}
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "Compiling ${SOURCE} with the pkg-config flags failed (exit ${_rc})")
endif()

execute_process(COMMAND "${OUTPUT}" OUTPUT_VARIABLE _out RESULT_VARIABLE _rc)
message(STATUS "${_out}")
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${OUTPUT} failed (exit ${_rc})")
endif()
