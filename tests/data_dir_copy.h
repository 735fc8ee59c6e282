// Tests that change a data file (data/events/*.txt) work on a copy of data/: the shipped file's text,
// and a copy of data/ in which one file of events/ is replaced.
#ifndef SITREP_TESTS_DATA_DIR_COPY_H_
#define SITREP_TESTS_DATA_DIR_COPY_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace sitrep::testing {

// The text of the shipped data/events/<name>.
inline std::string ShippedEventsFile(const std::string& name) {
  std::ifstream in(std::filesystem::path(SITREP_TEST_SOURCE_DIR "/data/events") / name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A copy of data/ (in a directory of this process named after `tag`) whose events/<name> is `text`.
inline std::string DataDirWithEventsFile(const std::string& tag, const std::string& name, const std::string& text) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("sitrep_" + tag + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(SITREP_TEST_SOURCE_DIR "/data", dir, fs::copy_options::recursive);
  std::ofstream(dir / "events" / name) << text;
  return dir.string();
}

}  // namespace sitrep::testing

#endif  // SITREP_TESTS_DATA_DIR_COPY_H_
