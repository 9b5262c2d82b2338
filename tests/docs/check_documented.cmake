# Runs Doxygen with the configuration of the 'docs' target (cmake/partnerqi-docs.cmake) and fails
# when it warns: every public declaration under include/partnerqi must be documented.
#   cmake -DDOXYGEN_EXECUTABLE=<doxygen> -DDOXYFILE=<build>/Doxyfile.docs -DWORK_DIR=<dir>
#         -P check_documented.cmake
# Only the output directory and the log move to WORK_DIR, so that the check never overwrites
# the reference a developer built, and a build of 'docs' running meanwhile is not disturbed.
foreach(_var DOXYGEN_EXECUTABLE DOXYFILE WORK_DIR)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "check_documented.cmake needs -D${_var}=...")
  endif()
endforeach()
if(NOT EXISTS "${DOXYFILE}")
  message(FATAL_ERROR "${DOXYFILE} does not exist: configure with PARTNERQI_BUILD_DOCS=ON and "
    "Doxygen installed, which writes it (doxygen_add_docs in cmake/partnerqi-docs.cmake).")
endif()

file(MAKE_DIRECTORY "${WORK_DIR}")
set(_log "${WORK_DIR}/warnings.log")
file(REMOVE "${_log}")
# A later assignment overrides the included one; every other setting is the docs target's.
file(WRITE "${WORK_DIR}/Doxyfile"
  "@INCLUDE = \"${DOXYFILE}\"\n"
  "OUTPUT_DIRECTORY = \"${WORK_DIR}\"\n"
  "WARN_LOGFILE = \"${_log}\"\n"
  "QUIET = YES\n")
execute_process(COMMAND "${DOXYGEN_EXECUTABLE}" "${WORK_DIR}/Doxyfile"
  WORKING_DIRECTORY "${WORK_DIR}"
  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err
  TIMEOUT 50)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "Doxygen failed (${_rc}):\n${_out}${_err}")
endif()
if(NOT EXISTS "${_log}")
  message(FATAL_ERROR "Doxygen wrote no warning log at ${_log}; check WARN_LOGFILE in ${DOXYFILE}")
endif()

file(STRINGS "${_log}" _warnings)
list(LENGTH _warnings _count)
if(_count GREATER 0)
  set(_shown 20)
  if(_count LESS _shown)
    set(_shown ${_count})
  endif()
  list(SUBLIST _warnings 0 ${_shown} _first)
  list(JOIN _first "\n" _text)
  message(FATAL_ERROR "Doxygen reports ${_count} warning line(s); the first ${_shown}:\n${_text}\n"
    "Document each declaration with /// (one sentence, then invariants), or fix the comment "
    "Doxygen cannot read. The whole log: ${_log}")
endif()
message(STATUS "Doxygen: every public declaration is documented (log ${_log} is empty)")
