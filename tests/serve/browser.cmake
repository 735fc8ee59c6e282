# The browser test of the `sitrep serve` page (tests/serve/browser_test.mjs): node + playwright-core
# driving Debian's chromium. It skips (exit 77) without chromium or the npm packages.
find_program(NODE_PROGRAM node)
if(NODE_PROGRAM AND TARGET sitrep_web)
  add_test(NAME serve.BrowserPage
    COMMAND ${NODE_PROGRAM} ${CMAKE_CURRENT_LIST_DIR}/browser_test.mjs $<TARGET_FILE:sitrep> ${PROJECT_BINARY_DIR}
            ${PROJECT_SOURCE_DIR} ${SITREP_SHARED_DIR})
  set_tests_properties(serve.BrowserPage PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180)
endif()
