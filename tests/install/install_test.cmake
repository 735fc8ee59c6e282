# The install test (tests/install/CMakeLists.txt): installs the build into WORK_DIR/prefix, builds
# consumer/ against it with CMake (find_package(sitrep)) and with pkg-config, runs both on a sentence,
# and runs the installed binary from another directory: it must find its data beside itself, honour
# $SITREP_DATA_DIR and extract what the build tree's binary extracts.
#   -DBUILD_DIR -DSOURCE_DIR -DWORK_DIR -DCONSUMER_DIR -DGENERATOR -DCXX [-DSANITIZE]

# Runs a command; stops the test with the command's output when it fails. Its stdout goes to out_var.
function(run_step what workdir out_var)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${workdir}" RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}): ${ARGN}\n--- stdout\n${out}\n--- stderr\n${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

function(expect_match what text regex)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "${what}: expected to match '${regex}', got:\n${text}")
  endif()
  message(STATUS "ok: ${what}")
endfunction()

# The test must see only the installed data: no overrides from the environment.
foreach(var SITREP_DATA_DIR SITREP_BUILD_DATA_DIR SITREP_GAZETTEER SITREP_CACHE_DIR)
  unset(ENV{${var}})
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
set(elsewhere "${WORK_DIR}/elsewhere")
file(MAKE_DIRECTORY "${elsewhere}")
set(sentence "M23 rebels captured the city of Goma on Sunday.")
set(want_event "^FIGHT M23 Goma 2023-11-05\n$")
set(sanitize_flags "")
if(SANITIZE)
  set(sanitize_flags "-fsanitize=${SANITIZE}")
endif()

run_step("cmake --install" "${WORK_DIR}" out "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")
foreach(installed bin/sitrep include/sitrep/pipeline.h share/sitrep/gazetteer.idx
        share/sitrep/models/en_ewt_tagger.bin share/sitrep/actors share/sitrep/events share/sitrep/places/cues.txt)
  if(NOT EXISTS "${prefix}/${installed}")
    message(FATAL_ERROR "cmake --install did not install ${installed} under ${prefix}")
  endif()
endforeach()

# A user's CMake project.
run_step("configure consumer" "${WORK_DIR}" out "${CMAKE_COMMAND}" -S "${CONSUMER_DIR}" -B "${WORK_DIR}/consumer"
         -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_CXX_COMPILER=${CXX}"
         "-DCMAKE_CXX_FLAGS=${sanitize_flags}")
run_step("build consumer" "${WORK_DIR}" out "${CMAKE_COMMAND}" --build "${WORK_DIR}/consumer")
run_step("run consumer (CMake package)" "${elsewhere}" out "${WORK_DIR}/consumer/sitrep_consumer" 2023-11-06 "${sentence}")
expect_match("consumer built with find_package(sitrep)" "${out}" "${want_event}")

# The same program built with pkg-config alone.
file(GLOB_RECURSE pc_files "${prefix}/*/sitrep.pc")
list(LENGTH pc_files pc_count)
if(NOT pc_count EQUAL 1)
  message(FATAL_ERROR "expected one installed sitrep.pc under ${prefix}, found: ${pc_files}")
endif()
get_filename_component(pc_dir "${pc_files}" DIRECTORY)
set(ENV{PKG_CONFIG_PATH} "${pc_dir}")
run_step("pkg-config flags" "${WORK_DIR}" pc_flags pkg-config --cflags --libs sitrep)
run_step("pkg-config datadir" "${WORK_DIR}" pc_datadir pkg-config --variable=datadir sitrep)
string(STRIP "${pc_flags}" pc_flags)
string(STRIP "${pc_datadir}" pc_datadir)
separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
run_step("compile consumer with pkg-config" "${WORK_DIR}" out "${CXX}" -std=c++20 ${sanitize_flags}
         "-DSITREP_CONSUMER_DATA_DIR=\"${pc_datadir}\"" "${CONSUMER_DIR}/main.cc" -o "${WORK_DIR}/consumer_pc"
         ${pc_flags})
run_step("run consumer (pkg-config)" "${elsewhere}" out "${WORK_DIR}/consumer_pc" 2023-11-06 "${sentence}")
expect_match("consumer built with pkg-config" "${out}" "${want_event}")

# The installed binary, run from another directory, finds its data beside itself ...
file(REAL_PATH "${prefix}/share/sitrep" installed_data)
run_step("installed sitrep --version" "${elsewhere}" out "${prefix}/bin/sitrep" --version)
expect_match("installed sitrep --version names its data" "${out}" "Data: ${installed_data}\n")
expect_match("installed sitrep --version names its gazetteer" "${out}" "Gazetteer: ${installed_data}/gazetteer.idx\n")
# ... honours $SITREP_DATA_DIR ...
run_step("installed sitrep --version, SITREP_DATA_DIR set" "${elsewhere}" out
         "${CMAKE_COMMAND}" -E env "SITREP_DATA_DIR=${elsewhere}" "${prefix}/bin/sitrep" --version)
expect_match("installed sitrep honours SITREP_DATA_DIR" "${out}" "Data: ${elsewhere}\n")
# ... and extracts what the build tree's binary extracts.
file(WRITE "${elsewhere}/goma.txt" "date 2023-11-06\n${sentence}\n")
run_step("installed sitrep extract" "${elsewhere}" installed_events "${prefix}/bin/sitrep" extract -q goma.txt)
run_step("build tree sitrep extract" "${elsewhere}" build_events "${BUILD_DIR}/sitrep" extract -q goma.txt)
expect_match("installed sitrep extract" "${installed_events}" "\"plover_type\": *\"FIGHT\"")
if(NOT installed_events STREQUAL build_events)
  message(FATAL_ERROR "installed and build tree binaries differ:\n${installed_events}\nvs\n${build_events}")
endif()
message(STATUS "ok: installed sitrep extract gives the build tree's events")
