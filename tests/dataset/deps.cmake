# The set tests extract our own short articles with the pipeline and keep them in a store; the CLI test runs
# the built `sitrep` binary.
set(SITREP_TEST_DEPS sitrep_store sitrep_pipeline sitrep_ingest)
if(TARGET sitrep)
  # test_dataset does not exist yet when this file is included: add the dependency at the end.
  cmake_language(DEFER CALL add_dependencies test_dataset sitrep)
endif()
