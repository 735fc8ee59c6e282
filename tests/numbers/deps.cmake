# The tests build their Documents with the real tokenizer (tests/numbers/test_document.h).
set(SITREP_TEST_DEPS sitrep_text)
