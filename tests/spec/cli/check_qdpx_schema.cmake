# Exports a case-study file as a REFI-QDA project with the partnerqi tool, unpacks its
# project.qde and validates it against the official schema with xmllint. Called by CTest as
#   cmake -DCLI=<tool> -DINPUT=<file.pqi> -DWORK=<dir> -DSCHEMA=<xsd> -DXMLLINT=<xmllint>
#         -P check_qdpx_schema.cmake
cmake_minimum_required(VERSION 3.25)

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/unpacked")
execute_process(COMMAND "${CLI}" export "${INPUT}" --format qdpx --out "${WORK}/study.qdpx"
  RESULT_VARIABLE _code OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _code EQUAL 0)
  message(FATAL_ERROR "the export failed (${_code}):\n${_out}${_err}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E tar xf "${WORK}/study.qdpx"
  WORKING_DIRECTORY "${WORK}/unpacked" RESULT_VARIABLE _code ERROR_VARIABLE _err)
if(NOT _code EQUAL 0 OR NOT EXISTS "${WORK}/unpacked/project.qde")
  message(FATAL_ERROR "the exported archive holds no project.qde: ${_err}")
endif()
execute_process(COMMAND "${XMLLINT}" --noout --schema "${SCHEMA}" "${WORK}/unpacked/project.qde"
  RESULT_VARIABLE _code OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _code EQUAL 0)
  message(FATAL_ERROR "project.qde does not validate against ${SCHEMA}:\n${_out}${_err}")
endif()
