# Checks that README.md shows the example program exactly as it is compiled and run by CTest.
#   cmake -DREADME=<README.md> -DEXAMPLE=<main.cpp> -P check_readme.cmake
file(READ "${README}" _readme)
file(READ "${EXAMPLE}" _example)
string(FIND "${_readme}" "```cpp\n${_example}```" _at)
if(_at EQUAL -1)
  message(FATAL_ERROR "README.md does not show ${EXAMPLE} as it is: copy the file's text into "
    "the README's ```cpp block (or the block's text into the file).")
endif()
message(STATUS "README.md shows ${EXAMPLE} word for word")
