// The word lists an analyst edits (data/places/cues.txt, data/actors/capitals.txt) are read when
// the pipeline opens, and a mistake in one stops it with the file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

// A copy of data/ (symlinks), one per test (ctest runs them in parallel), in which `edited`
// (relative to data/) has `extra` appended.
std::string DataDirWith(const std::string& edited, const std::string& extra) {
  const fs::path src = fs::path(SITREP_TEST_SOURCE_DIR) / "data";
  const fs::path dir = fs::path(SITREP_TEST_BINARY_DIR) / "data_files_test" /
                       ::testing::UnitTest::GetInstance()->current_test_info()->name();
  fs::remove_all(dir);
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    const fs::path to = dir / fs::relative(entry.path(), src);
    if (entry.is_directory()) fs::create_directories(to);
    else if (entry.path() != src / edited) fs::create_symlink(entry.path(), to);
  }
  std::ifstream in(src / edited);
  std::ofstream out(dir / edited);
  out << in.rdbuf() << extra;
  return dir.string();
}

int LineCount(const std::string& relative) {
  std::ifstream in(fs::path(SITREP_TEST_SOURCE_DIR) / "data" / relative);
  int lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  return lines;
}

Status OpenWith(const std::string& data_dir) {
  PipelineOptions options;
  options.data_dir = data_dir;
  std::unique_ptr<Pipeline> pipeline;
  return Pipeline::Open(options, &pipeline);
}

TEST(DataFiles, EditedListsLoad) {
  EXPECT_TRUE(OpenWith(DataDirWith("actors/capitals.txt", "political verbs: protest\n")).ok());
}

TEST(DataFiles, CapitalListErrorsNameFileAndLine) {
  Status s = OpenWith(DataDirWith("actors/capitals.txt", "politcal verbs: protest\n"));
  const std::string where = "capitals.txt:" + std::to_string(LineCount("actors/capitals.txt") + 1) + ": unknown list";
  EXPECT_NE(s.message().find(where), std::string::npos) << s.ToString();
}

TEST(DataFiles, PlaceCueErrorsNameFileAndLine) {
  Status s = OpenWith(DataDirWith("places/cues.txt", "locative: in || at\n"));
  const std::string where = "cues.txt:" + std::to_string(LineCount("places/cues.txt") + 1) + ": empty entry";
  EXPECT_NE(s.message().find(where), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace sitrep
