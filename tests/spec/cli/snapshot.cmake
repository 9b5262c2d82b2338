# Runs the partnerqi tool once and compares its standard output with an approval file, so that
# any change of wording or number shows in review. Called by CTest as
#   cmake -DCLI=<tool> -DARGS=<a|b|c> -DSNAPSHOT=<file> -DDEMO=<demo.pqi> [-DUPDATE=ON]
#         -P snapshot.cmake
# Arguments are separated by "|"; the word DEMO among them stands for the demo file. The output
# is normalized before the comparison: the demo file's path becomes "DEMO" and CRLF line ends
# (CSV) become LF. Progress and timing go to stderr, which is not compared. With -DUPDATE=ON
# the approval file is written instead (see tests/data/snapshots/README.md).
cmake_minimum_required(VERSION 3.25)

string(REPLACE "|" ";" _args "${ARGS}")
list(TRANSFORM _args REPLACE "^DEMO$" "${DEMO}")
execute_process(COMMAND "${CLI}" ${_args}
  RESULT_VARIABLE _code OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _code STREQUAL "0")
  message(FATAL_ERROR "partnerqi ${ARGS} failed with exit code ${_code}\n${_err}")
endif()
string(REPLACE "${DEMO}" "DEMO" _out "${_out}")
string(REPLACE "\r\n" "\n" _out "${_out}")

if(UPDATE)
  file(WRITE "${SNAPSHOT}" "${_out}")
  message(STATUS "wrote ${SNAPSHOT}")
  return()
endif()
if(NOT EXISTS "${SNAPSHOT}")
  message(FATAL_ERROR "no approval file ${SNAPSHOT}; write it with the update-snapshots target")
endif()
file(READ "${SNAPSHOT}" _expected)
if(NOT _out STREQUAL _expected)
  get_filename_component(_dir "${SNAPSHOT}" DIRECTORY)
  get_filename_component(_name "${SNAPSHOT}" NAME)
  set(_actual "${CMAKE_CURRENT_BINARY_DIR}/${_name}.actual")
  file(WRITE "${_actual}" "${_out}")
  execute_process(COMMAND diff -u "${SNAPSHOT}" "${_actual}" OUTPUT_VARIABLE _diff)
  message(FATAL_ERROR "partnerqi ${ARGS}: the output differs from ${SNAPSHOT}\n${_diff}\n"
    "If the change is intended, run: cmake --build --preset dev --target update-snapshots")
endif()
