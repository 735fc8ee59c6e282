# The store test writes a small SQLite file directly.
set(SITREP_TEST_DEPS SQLite::SQLite3)
