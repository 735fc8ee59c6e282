# The bad-input test stores what it reads; the CLI test runs the built `sitrep` binary.
set(SITREP_TEST_DEPS sitrep_store)
if(TARGET sitrep)
  # test_ingest does not exist yet when this file is included: add the dependency at the end.
  cmake_language(DEFER CALL add_dependencies test_ingest sitrep)
endif()
