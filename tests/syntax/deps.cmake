# The analyzed-text test tags real articles tokenised by the text stage.
set(SITREP_TEST_DEPS sitrep_text)
