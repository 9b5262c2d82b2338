# Install rules, the exported targets, the CMake package and the pkg-config file.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(PARTNERQI_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/partnerqi"
    CACHE STRING "Where the CMake package files of partnerqi are installed")

install(TARGETS partnerqi
  EXPORT partnerqiTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# The command-line tool, when it is built, as bin/partnerqi.
if(TARGET partnerqi_cli)
  install(TARGETS partnerqi_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/partnerqi" "${PROJECT_BINARY_DIR}/include/partnerqi"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")
install(EXPORT partnerqiTargets
  NAMESPACE partnerqi::
  DESTINATION ${PARTNERQI_INSTALL_CMAKEDIR})

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/partnerqiConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/partnerqiConfig.cmake"
  INSTALL_DESTINATION ${PARTNERQI_INSTALL_CMAKEDIR})
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/partnerqiConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/partnerqiConfig.cmake"
  "${PROJECT_BINARY_DIR}/partnerqiConfigVersion.cmake"
  DESTINATION ${PARTNERQI_INSTALL_CMAKEDIR})

# The build tree can be used as a package too (find_package with partnerqi_DIR=<build>).
export(EXPORT partnerqiTargets NAMESPACE partnerqi:: FILE "${PROJECT_BINARY_DIR}/partnerqiTargets.cmake")

# pkg-config; Debian's Boost ships no .pc files, so Boost goes in Libs.private, and libzip and
# pugixml too (as Requires.private their .pc files would be needed even for a shared build).
# The file finds its prefix from its own place (${pcfiledir}), so an install moved or made with
# `cmake --install --prefix` elsewhere still points at its own headers and library.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(PARTNERQI_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _up "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
  string(REGEX REPLACE "/$" "" _up "${_up}")
  set(PARTNERQI_PC_PREFIX "\${pcfiledir}/${_up}")
endif()
foreach(_dir INCLUDEDIR LIBDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${_dir}}")
    set(PARTNERQI_PC_${_dir} "${CMAKE_INSTALL_${_dir}}")
  else()
    set(PARTNERQI_PC_${_dir} "\${prefix}/${CMAKE_INSTALL_${_dir}}")
  endif()
endforeach()
if(BUILD_SHARED_LIBS)
  set(PARTNERQI_PC_CFLAGS "")
else()
  set(PARTNERQI_PC_CFLAGS "-DPARTNERQI_STATIC_DEFINE")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/partnerqi.pc.in" "${PROJECT_BINARY_DIR}/partnerqi.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/partnerqi.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
