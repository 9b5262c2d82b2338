# PARTNERQI_CLANG_TIDY=ON runs clang-tidy with the project's .clang-tidy on every source file of
# partnerqi's own targets as it compiles (directory scope: consumers are not affected).
if(NOT PARTNERQI_CLANG_TIDY)
  return()
endif()
find_program(PARTNERQI_CLANG_TIDY_EXE NAMES clang-tidy clang-tidy-14
  DOC "clang-tidy used when PARTNERQI_CLANG_TIDY is ON")
if(NOT PARTNERQI_CLANG_TIDY_EXE)
  message(FATAL_ERROR "PARTNERQI_CLANG_TIDY is ON but clang-tidy was not found: "
    "apt-get install clang-tidy, or configure with -DPARTNERQI_CLANG_TIDY=OFF.")
endif()
# The variable is read when each target is created, so it covers the targets defined below the
# top-level directory and nothing outside partnerqi.
# clang-tidy parses with clang: GCC-only warning options in the compile line are not errors.
set(CMAKE_CXX_CLANG_TIDY "${PARTNERQI_CLANG_TIDY_EXE}" "--quiet" "--extra-arg=-Wno-unknown-warning-option")
