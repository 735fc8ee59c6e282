# `cmake --install`: the sitrep binary, data/ and the gazetteer index in <prefix>/share/sitrep (where the
# installed binary looks, relative to itself: src/core/paths.cc), the public headers, the stage
# libraries with a `sitrep::sitrep` CMake package, and a pkg-config file sitrep.pc.
include(CMakePackageConfigHelpers)

# (The binary's own install rule is in tools/CMakeLists.txt, beside the target.)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/ DESTINATION ${SITREP_INSTALL_DATA_SUBDIR}
  PATTERN "*.py" EXCLUDE)  # generators of data files, not data
if(SITREP_BUILD_GAZETTEER)
  install(FILES ${SITREP_GAZETTEER_INDEX} DESTINATION ${SITREP_INSTALL_DATA_SUBDIR})
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/sitrep DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# sitrep::sitrep: every stage library (the pipeline, ingest, store, eval), as one target.
list(TRANSFORM SITREP_STAGES PREPEND sitrep_ OUTPUT_VARIABLE stage_libraries)
add_library(sitrep_library INTERFACE)
target_link_libraries(sitrep_library INTERFACE ${stage_libraries})
set_target_properties(sitrep_library PROPERTIES EXPORT_NAME sitrep)
add_library(sitrep::sitrep ALIAS sitrep_library)
install(TARGETS ${stage_libraries} sitrep_library EXPORT sitrepTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(package_dir ${CMAKE_INSTALL_LIBDIR}/cmake/sitrep)
install(EXPORT sitrepTargets NAMESPACE sitrep:: DESTINATION ${package_dir})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/sitrepConfig.cmake.in
  ${PROJECT_BINARY_DIR}/sitrepConfig.cmake
  INSTALL_DESTINATION ${package_dir}
  PATH_VARS SITREP_INSTALL_DATA_SUBDIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/sitrepConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/sitrepConfig.cmake ${PROJECT_BINARY_DIR}/sitrepConfigVersion.cmake
  DESTINATION ${package_dir})

# sitrep.pc, relocatable (prefix from the file's own place), libraries in link order (users first).
file(RELATIVE_PATH pc_to_prefix /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" pc_to_prefix "${pc_to_prefix}")
set(SITREP_PC_LIBS "")
foreach(stage pipeline eval store dataset ingest events time numbers places actors syntax text core)
  string(APPEND SITREP_PC_LIBS " -lsitrep_${stage}")
endforeach()
configure_file(${CMAKE_CURRENT_LIST_DIR}/sitrep.pc.in ${PROJECT_BINARY_DIR}/sitrep.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/sitrep.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
