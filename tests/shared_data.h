// Tests on the development data in ../shared (the two sample reports, UD English EWT, gold), which is
// not part of the repository: they skip, saying what is missing, when a fresh clone has no ../shared.
// Use at the top of a test body or SetUp():
//   SITREP_SKIP_WITHOUT_SHARED("samples/000_faa27aeaf128c5a5.txt");
#ifndef SITREP_TESTS_SHARED_DATA_H_
#define SITREP_TESTS_SHARED_DATA_H_

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace sitrep::testing {

// SITREP_TEST_SHARED_DIR + "/" + relative.
inline std::string SharedPath(const std::string& relative) { return std::string(SITREP_TEST_SHARED_DIR) + "/" + relative; }

inline bool SharedDataPresent(const std::string& relative) {
  std::error_code ec;
  return std::filesystem::exists(SharedPath(relative), ec);
}

}  // namespace sitrep::testing

#define SITREP_SKIP_WITHOUT_SHARED(relative)                                                                  \
  do {                                                                                                        \
    if (!::sitrep::testing::SharedDataPresent(relative))                                                      \
      GTEST_SKIP() << "needs the development data " << ::sitrep::testing::SharedPath(relative)                \
                   << ", which is not part of the repository (../shared beside it, or -DSITREP_SHARED_DIR=)"; \
  } while (0)

#endif  // SITREP_TESTS_SHARED_DATA_H_
