set(SITREP_TEST_DEPS sitrep_text)
