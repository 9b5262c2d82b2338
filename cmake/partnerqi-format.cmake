# The 'format-check' and 'format' targets: clang-format 14 with the project's .clang-format over
# every *.hpp and *.cpp file in include/, src/, examples/ and tests/. 'format-check' changes
# nothing and fails when a file is not formatted; 'format' rewrites the files in place.
#
# This file is both the module the top-level CMakeLists.txt includes (it adds the targets) and
# the script the targets run, so that the files are listed when a target runs and a file added
# since the last configure is covered too:
#   cmake -DCLANG_FORMAT=<program> -DSOURCE_DIR=<source tree> -DMODE=check|apply -P partnerqi-format.cmake
set(_partnerqi_format_folders include src examples tests)

if(CMAKE_SCRIPT_MODE_FILE)
  if(NOT MODE MATCHES "^(check|apply)$" OR NOT CLANG_FORMAT OR NOT IS_DIRECTORY "${SOURCE_DIR}")
    message(FATAL_ERROR "partnerqi-format.cmake: run it as "
      "cmake -DCLANG_FORMAT=<program> -DSOURCE_DIR=<source tree> -DMODE=check|apply -P ${CMAKE_SCRIPT_MODE_FILE}")
  endif()
  set(_globs "")
  foreach(_folder IN LISTS _partnerqi_format_folders)
    list(APPEND _globs "${SOURCE_DIR}/${_folder}/*.hpp" "${SOURCE_DIR}/${_folder}/*.cpp")
  endforeach()
  file(GLOB_RECURSE _files LIST_DIRECTORIES false RELATIVE "${SOURCE_DIR}" ${_globs})
  list(SORT _files)
  if(MODE STREQUAL "check")
    set(_arguments --dry-run --Werror)
  else()
    set(_arguments -i)
  endif()
  execute_process(COMMAND "${CLANG_FORMAT}" ${_arguments} ${_files}
    WORKING_DIRECTORY "${SOURCE_DIR}"
    RESULT_VARIABLE _rc)
  list(LENGTH _files _count)
  if(NOT _rc EQUAL 0)
    if(MODE STREQUAL "check")
      message(FATAL_ERROR "format-check: the files named above are not formatted as .clang-format "
        "asks; build the 'format' target to format every file, or run "
        "'${CLANG_FORMAT} -i FILE' on the ones you changed.")
    endif()
    message(FATAL_ERROR "format: ${CLANG_FORMAT} failed (exit ${_rc}); the files named above "
      "may be left unformatted.")
  endif()
  if(MODE STREQUAL "check")
    message(STATUS "format-check: all ${_count} files are formatted")
  else()
    message(STATUS "format: formatted ${_count} files")
  endif()
  return()
endif()

# The formatting depends on clang-format's version: only 14 is accepted, under either name.
function(_partnerqi_is_clang_format_14 result program)
  execute_process(COMMAND "${program}" --version
    OUTPUT_VARIABLE _version ERROR_QUIET RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0 OR NOT _version MATCHES "clang-format version 14\\.")
    set(${result} FALSE PARENT_SCOPE)
  endif()
endfunction()
find_program(PARTNERQI_CLANG_FORMAT_EXE NAMES clang-format-14 clang-format
  VALIDATOR _partnerqi_is_clang_format_14
  DOC "clang-format version 14, run by the 'format' and 'format-check' targets")

if(NOT PARTNERQI_CLANG_FORMAT_EXE)
  foreach(_target format-check format)
    add_custom_target(${_target}
      COMMAND ${CMAKE_COMMAND} -E echo "clang-format 14 was not found: apt-get install clang-format-14 (or cmake -P cmake/install-deps.cmake), then configure and build '${_target}' again."
      COMMAND ${CMAKE_COMMAND} -E false
      VERBATIM)
  endforeach()
  return()
endif()

list(TRANSFORM _partnerqi_format_folders APPEND "/" OUTPUT_VARIABLE _folders)
list(JOIN _folders " " _folders)
function(_partnerqi_add_format_target target mode)
  add_custom_target(${target}
    COMMAND "${CMAKE_COMMAND}" "-DCLANG_FORMAT=${PARTNERQI_CLANG_FORMAT_EXE}"
      "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}" -DMODE=${mode} -P "${CMAKE_CURRENT_FUNCTION_LIST_FILE}"
    COMMENT "clang-format 14 (${mode}) over ${_folders}"
    VERBATIM)
endfunction()
_partnerqi_add_format_target(format-check check)
_partnerqi_add_format_target(format apply)
