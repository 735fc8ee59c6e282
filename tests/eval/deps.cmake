# The store test writes a small database through the store's API.
set(SITREP_TEST_DEPS sitrep_store)
