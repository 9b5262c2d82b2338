# A 'docs' target: Doxygen over the public headers, warning on anything undocumented.
find_package(Doxygen QUIET)
if(NOT DOXYGEN_FOUND)
  add_custom_target(docs
    COMMAND ${CMAKE_COMMAND} -E echo "Doxygen is not installed: apt-get install doxygen, then build 'docs' again."
    COMMAND ${CMAKE_COMMAND} -E false)
  return()
endif()
set(DOXYGEN_PROJECT_NAME "partnerqi")
set(DOXYGEN_PROJECT_NUMBER "${PROJECT_VERSION}")
set(DOXYGEN_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/docs")
set(DOXYGEN_EXTRACT_ALL NO)
set(DOXYGEN_WARN_IF_UNDOCUMENTED YES)
set(DOXYGEN_WARN_AS_ERROR NO)
set(DOXYGEN_WARN_LOGFILE "${PROJECT_BINARY_DIR}/docs/warnings.log")
# A `/// @name` group's comment documents each of its members (case_study::add, get, ...).
set(DOXYGEN_DISTRIBUTE_GROUP_DOC YES)
set(DOXYGEN_EXCLUDE_SYMBOLS "detail" "*::detail::*" "PARTNERQI_DETAIL_*")
set(DOXYGEN_ENABLE_PREPROCESSING YES)
set(DOXYGEN_MACRO_EXPANSION YES)
set(DOXYGEN_PREDEFINED "PARTNERQI_EXPORT=" "PARTNERQI_NO_EXPORT=" "PARTNERQI_DEPRECATED=" "PARTNERQI_DEPRECATED_EXPORT=")
set(DOXYGEN_USE_MDFILE_AS_MAINPAGE "${PROJECT_SOURCE_DIR}/README.md")
set(DOXYGEN_GENERATE_LATEX NO)
doxygen_add_docs(docs "${PROJECT_SOURCE_DIR}/include/partnerqi" "${PROJECT_SOURCE_DIR}/README.md"
  COMMENT "API reference into ${PROJECT_BINARY_DIR}/docs/html")
