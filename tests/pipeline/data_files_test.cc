// The word lists an analyst edits (data/places/cues.txt, data/actors/capitals.txt) are read when
// the pipeline opens, and a mistake in one stops it with the file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

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

// The events stage skips a sentence none of whose words can start a trigger, and knows the
// irregular forms only from data/events/irregular_verbs.txt: every irregular verb the tagger knows
// (tools/train-tagger/irregular_verbs.txt) whose lemma starts a pattern must be listed there, or
// "rioters threw stones" and "a bomb went off" would never be read.
TEST(DataFiles, IrregularVerbsOfPatternsArePreFiltered) {
  const fs::path root(SITREP_TEST_SOURCE_DIR);
  std::set<std::string> first_words, listed;
  std::ifstream patterns(root / "data/events/patterns.txt");
  for (std::string line; std::getline(patterns, line);) {
    if (line.empty() || line[0] == '#' || line.find('|') == std::string::npos) continue;
    std::stringstream triggers(line.substr(0, line.find('|')));
    for (std::string trigger; std::getline(triggers, trigger, ',');) {
      std::stringstream words(trigger);
      std::string first;
      if (words >> first) first_words.insert(first);
    }
  }
  std::ifstream events_list(root / "data/events/irregular_verbs.txt");
  for (std::string line; std::getline(events_list, line);)
    if (!line.empty() && line[0] != '#' && line.find(':') != std::string::npos) listed.insert(line.substr(0, line.find(':')));
  std::ifstream tagger_list(root / "tools/train-tagger/irregular_verbs.txt");
  for (std::string line; std::getline(tagger_list, line);) {
    std::stringstream words(line);
    std::string lemma;
    if (line.empty() || line[0] == '#' || !(words >> lemma)) continue;
    EXPECT_TRUE(!first_words.count(lemma) || listed.count(lemma))
        << "'" << lemma << "' starts a trigger in data/events/patterns.txt but its irregular forms are not in "
        << "data/events/irregular_verbs.txt";
  }
}

}  // namespace
}  // namespace sitrep
