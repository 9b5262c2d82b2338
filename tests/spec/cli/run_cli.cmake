# Runs the partnerqi tool once and checks its exit code, its output and, optionally, a file it
# wrote. Called by CTest as
#   cmake -DCLI=<tool> -DARGS=<a|b|c> -DEXIT=<code> [-DSTDOUT=<regex>] [-DSTDERR=<regex>]
#         [-DFILE=<path> -DFILE_REGEX=<regex>] [-DABSENT=<path>] [-DNO_DOT=1] -P run_cli.cmake
# ABSENT names a path that must not exist after the run (it is removed before).
# Arguments are separated by "|" so that they may hold spaces and semicolons.
cmake_minimum_required(VERSION 3.25)

string(REPLACE "|" ";" _args "${ARGS}")
if(NO_DOT)
  # A PATH without Graphviz: only a directory that surely holds no 'dot' program.
  set(ENV{PATH} "${CMAKE_CURRENT_LIST_DIR}")
endif()
foreach(_path IN ITEMS "${FILE}" "${ABSENT}")
  if(_path)
    file(REMOVE_RECURSE "${_path}")
  endif()
endforeach()
execute_process(COMMAND "${CLI}" ${_args}
  RESULT_VARIABLE _code OUTPUT_VARIABLE _out ERROR_VARIABLE _err)

set(_problems "")
if(NOT _code STREQUAL "${EXIT}")
  string(APPEND _problems "exit code ${_code}, expected ${EXIT}\n")
endif()
if(DEFINED STDOUT AND NOT _out MATCHES "${STDOUT}")
  string(APPEND _problems "stdout does not match: ${STDOUT}\n")
endif()
if(DEFINED STDERR AND NOT _err MATCHES "${STDERR}")
  string(APPEND _problems "stderr does not match: ${STDERR}\n")
endif()
if(EXIT STREQUAL "0" AND _err MATCHES "error:")
  string(APPEND _problems "a successful run printed an error\n")
endif()
if(NOT EXIT STREQUAL "0" AND NOT _err MATCHES "(^|\n)error: ")
  string(APPEND _problems "a failed run printed no 'error:' line on stderr\n")
endif()
if(_err MATCHES "terminate called|Aborted|Segmentation|AddressSanitizer|runtime error")
  string(APPEND _problems "the tool crashed\n")
endif()
if(ABSENT AND EXISTS "${ABSENT}")
  string(APPEND _problems "${ABSENT} was written\n")
endif()
if(DEFINED FILE_REGEX)
  if(NOT EXISTS "${FILE}")
    string(APPEND _problems "${FILE} was not written\n")
  else()
    file(READ "${FILE}" _content LIMIT 200000)
    if(NOT _content MATCHES "${FILE_REGEX}")
      string(APPEND _problems "${FILE} does not match: ${FILE_REGEX}\n")
    endif()
  endif()
endif()

if(_problems)
  message(FATAL_ERROR "partnerqi ${_args}\n${_problems}--- stdout ---\n${_out}--- stderr ---\n${_err}")
endif()
