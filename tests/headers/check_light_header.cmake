# Preprocesses one public header alone and fails when it pulls in any Boost.Graph header: the
# model, the files, de-identification and the analyses must compile without the graph library.
#   cmake -DCXX=<compiler> -DHEADER=partnerqi/io.hpp "-DINCLUDES=<dir>;<dir>" -P check_light_header.cmake
foreach(_var CXX HEADER INCLUDES)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "check_light_header.cmake needs -D${_var}=...")
  endif()
endforeach()
set(_flags)
foreach(_dir IN LISTS INCLUDES)
  list(APPEND _flags "-I${_dir}")
endforeach()
string(MAKE_C_IDENTIFIER "${HEADER}" _name)
set(_source "${CMAKE_CURRENT_BINARY_DIR}/light_header_${_name}.cpp")
file(WRITE "${_source}" "#include <${HEADER}>\n")
execute_process(COMMAND "${CXX}" -std=c++17 -E ${_flags} "${_source}"
  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
file(REMOVE "${_source}")
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "<${HEADER}> does not preprocess on its own (${_rc}):\n${_err}")
endif()
string(REGEX MATCH "[^\"\n]*boost/graph/[^\"\n]*" _graph "${_out}")
if(_graph)
  message(FATAL_ERROR "<${HEADER}> pulls in the Boost.Graph header ${_graph}; include "
    "partnerqi/network/engagement_graph_fwd.hpp instead of engagement_graph.hpp, or move the "
    "declaration that needs the graph type into a network header")
endif()
string(REGEX MATCHALL "\n" _lines "${_out}")
list(LENGTH _lines _count)
message(STATUS "<${HEADER}>: ${_count} preprocessed lines, no Boost.Graph header")
