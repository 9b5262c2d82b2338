# Installs what partnerqi needs to build, test and run its demo.
#
#   cmake -P cmake/install-deps.cmake
#
# On Debian or Ubuntu as root it installs, with apt, whatever is missing; when everything is
# there it does nothing and says so. Elsewhere, or without root, it prints the packages to
# install and fails.
cmake_minimum_required(VERSION 3.25)

# Debian package -> what it is for. Every dependency of the project is listed here, once.
set(_debian_packages
  g++                          "C++17 compiler"
  clang-14                     "Clang 14, the second supported compiler (the asan workflow and the fuzz harnesses)"
  libclang-rt-14-dev           "Clang's sanitizer and libFuzzer runtimes"
  ninja-build                  "the build tool the presets use"
  pkg-config                   "checks the installed pkg-config file"
  libboost-graph-dev           "Boost.Graph (the engagement network)"
  libboost-serialization-dev   "Boost.Serialization (case-study files)"
  libboost-date-time-dev       "Boost.Date_Time (calendar dates)"
  libboost-program-options-dev "Boost.Program_options (the command-line tool)"
  libssl-dev                   "OpenSSL's libcrypto (HMAC-SHA-256 pseudonyms of de-identified copies)"
  libpugixml-dev               "pugixml (the XML of REFI-QDA projects and codebooks)"
  libzip-dev                   "libzip (the zip archive of REFI-QDA .qdpx projects)"
  libxml2-utils                "xmllint (checks exported REFI-QDA projects against the schema)"
  catch2                       "Catch2 (the tests)"
  librapidcheck-dev            "RapidCheck (property-based tests)"
  libbenchmark-dev             "Google Benchmark (benchmarks)"
  graphviz                     "Graphviz dot (SVG and PNG pictures)"
  chromium                     "headless Chromium (renders the HTML report in the tests)"
  python3-statsmodels          "statsmodels (checks the agreement statistics against an independent implementation)"
  doxygen                      "Doxygen (the API reference: the 'docs' target)"
  clang-format-14              "formatting check (the 'format-check' and 'format' targets)"
  ccache                       "compiler cache (CI's four builds reuse each other's and earlier runs' objects)")
set(_other_systems
  "dnf:    dnf install gcc-c++ clang compiler-rt ninja-build pkgconf boost-devel openssl-devel pugixml-devel libzip-devel libxml2 catch2-devel rapidcheck-devel google-benchmark-devel graphviz chromium doxygen"
  "brew:   brew install llvm ninja pkg-config boost openssl@3 pugixml libzip libxml2 catch2 rapidcheck google-benchmark graphviz doxygen; brew install --cask chromium"
  "vcpkg:  vcpkg install boost-graph boost-serialization boost-date-time boost-program-options openssl pugixml libzip libxml2 catch2 rapidcheck benchmark")

set(_names "")
set(_debian_list "")
list(LENGTH _debian_packages _n)
math(EXPR _last "${_n} - 1")
foreach(_i RANGE 0 ${_last} 2)
  list(GET _debian_packages ${_i} _pkg)
  list(APPEND _names ${_pkg})
  string(APPEND _debian_list " ${_pkg}")
endforeach()

function(_partnerqi_fail)
  string(JOIN "" why ${ARGV})  # the message may come in several quoted pieces
  string(JOIN "\n  " _others ${_other_systems})
  message(FATAL_ERROR "${why}\n"
    "Install these packages, then run the command again:\n"
    "  apt:    apt-get install -y --no-install-recommends${_debian_list}\n  ${_others}")
endfunction()

set(_is_debian FALSE)
if(EXISTS /etc/os-release)
  file(STRINGS /etc/os-release _os REGEX "^(ID|ID_LIKE)=")
  if(_os MATCHES "debian|ubuntu")
    set(_is_debian TRUE)
  endif()
endif()
find_program(_dpkg_query dpkg-query)
find_program(_apt_get apt-get)
if(NOT _is_debian OR NOT _dpkg_query OR NOT _apt_get)
  _partnerqi_fail("install-deps: this is not Debian or Ubuntu, so nothing was installed.")
endif()

set(_missing "")
foreach(_pkg IN LISTS _names)
  execute_process(COMMAND ${_dpkg_query} -W -f=\${Status} ${_pkg}
    OUTPUT_VARIABLE _status ERROR_QUIET RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0 OR NOT _status MATCHES "install ok installed")
    list(APPEND _missing ${_pkg})
  endif()
endforeach()

if(NOT _missing)
  message(STATUS "install-deps: every dependency is already installed; nothing to do.")
  return()
endif()

list(JOIN _missing " " _missing_text)
execute_process(COMMAND id -u OUTPUT_VARIABLE _uid OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT _uid STREQUAL "0")
  _partnerqi_fail("install-deps: missing ${_missing_text}, and installing needs root: run "
    "'sudo cmake -P cmake/install-deps.cmake', or 'sudo apt-get install -y ${_missing_text}'.")
endif()

message(STATUS "install-deps: installing ${_missing_text}")
set(ENV{DEBIAN_FRONTEND} noninteractive)
execute_process(COMMAND ${_apt_get} update -q RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  _partnerqi_fail("install-deps: 'apt-get update' failed (exit ${_rc}).")
endif()
execute_process(COMMAND ${_apt_get} install -y -q --no-install-recommends ${_missing} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  _partnerqi_fail("install-deps: 'apt-get install ${_missing_text}' failed (exit ${_rc}).")
endif()
message(STATUS "install-deps: done; installed ${_missing_text}")
