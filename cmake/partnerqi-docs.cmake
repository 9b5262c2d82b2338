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
# Every public declaration must be documented: the test "docs: every public declaration is
# documented" (tests/CMakeLists.txt) runs this configuration and fails on any line in this log.
set(DOXYGEN_WARN_LOGFILE "${PROJECT_BINARY_DIR}/docs/warnings.log")
# Families of overloads (case_study::add, get, update, remove, find_*, the collections; the
# comparison operators of id and date) are `/// @name` member groups whose FIRST member carries
# the comment: with DISTRIBUTE_GROUP_DOC, Doxygen gives that comment to every undocumented
# member of the group, so the contract is written once and each overload still shows it.
# (The group's own description is only a heading; it documents no member.) Members declared
# together (`std::size_t closed = 0, open = 0, pending = 0;`) sit in an unnamed `/// @{ ... @}`
# group for the same reason: a comment on such a line documents only one of its names.
set(DOXYGEN_DISTRIBUTE_GROUP_DOC YES)
# Macro-generated declarations are documented by the macro itself, not by prose elsewhere:
# PARTNERQI_DETAIL_RECORD_FIELDS / _EQUALITY (records.hpp: fields() and operator==/!= of every
# record), PARTNERQI_DETAIL_ENUM_TRAITS (enum_traits.hpp: enum_traits<E> of every public enum)
# and PARTNERQI_DETAIL_ENUM_TO_STRING (enums.hpp: to_string(E) of the model's enums) carry
# `/** */` comments inside their bodies. With MACRO_EXPANSION (and EXPAND_ONLY_PREDEF off),
# Doxygen expands every use, keeps those comments and substitutes the macro's arguments in
# them, so each record's page lists its own fields() with its members named, and each enum's
# to_string is documented as such -- written once, shown 60 times. The generated members stay
# in the reference because users call them (to_string, operator==); hiding the macros from
# expansion would drop them from it. The macros themselves are internal: EXCLUDE_SYMBOLS keeps
# PARTNERQI_DETAIL_* and the detail namespaces out of the reference.
set(DOXYGEN_EXCLUDE_SYMBOLS "detail" "*::detail::*" "PARTNERQI_DETAIL_*")
set(DOXYGEN_ENABLE_PREPROCESSING YES)
# The headers include each other as "partnerqi/...": search them where the compiler does, so that
# a macro defined in one header (PARTNERQI_DETAIL_ENUM_TRAITS) is expanded in every header using it.
set(DOXYGEN_INCLUDE_PATH "${PROJECT_SOURCE_DIR}/include")
set(DOXYGEN_MACRO_EXPANSION YES)
set(DOXYGEN_EXPAND_ONLY_PREDEF NO)
set(DOXYGEN_PREDEFINED "PARTNERQI_EXPORT=" "PARTNERQI_NO_EXPORT=" "PARTNERQI_DEPRECATED=" "PARTNERQI_DEPRECATED_EXPORT=")
set(DOXYGEN_USE_MDFILE_AS_MAINPAGE "${PROJECT_SOURCE_DIR}/README.md")
set(DOXYGEN_GENERATE_LATEX NO)
# The README is the main page; the documents it links in docs/ are pages of their own.
doxygen_add_docs(docs "${PROJECT_SOURCE_DIR}/include/partnerqi" "${PROJECT_SOURCE_DIR}/README.md"
  "${PROJECT_SOURCE_DIR}/docs/file-format.md" "${PROJECT_SOURCE_DIR}/docs/performance.md"
  "${PROJECT_SOURCE_DIR}/docs/CHANGELOG.md"
  COMMENT "API reference into ${PROJECT_BINARY_DIR}/docs/html")
