# Use the real tokenizer (sitrep_text) in the tests once it is built; see test_document.h.
set(SITREP_TEST_DEPS "")  # see tests/numbers/test_document.h
if(TARGET sitrep_text)
  if(NOT TARGET sitrep_time_numbers_test_text)
    add_library(sitrep_time_numbers_test_text INTERFACE)
    target_link_libraries(sitrep_time_numbers_test_text INTERFACE sitrep_text)
    target_compile_definitions(sitrep_time_numbers_test_text INTERFACE SITREP_TEST_HAVE_TEXT=1)
  endif()
  list(APPEND SITREP_TEST_DEPS sitrep_time_numbers_test_text)
endif()
