# The set tests extract our own short articles with the pipeline and keep them in a store.
set(SITREP_TEST_DEPS sitrep_store sitrep_pipeline sitrep_ingest)
