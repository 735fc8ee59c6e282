// A coding convention added as data (data/events/conventions.txt) changes the coding with no C++
// change, as docs/events.md tells analysts.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A copy of data/ whose file `name` (under events/) is `text`.
std::string DataDirWith(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / ("sitrep_conventions_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(SITREP_TEST_SOURCE_DIR "/data", dir, fs::copy_options::recursive);
  std::ofstream(dir / "events" / name) << text;
  return dir.string();
}

std::string Shipped(const std::string& name) {
  return ReadFile(fs::path(SITREP_TEST_SOURCE_DIR "/data/events") / name);
}

// An analyst's convention: captures by M23 coded as a strategic development instead of a battle.
TEST(Conventions, AConventionAddedAsDataRecodesEvents) {
  const std::string rule =
      "rule analyst: when type = FIGHT and actor1 = M23 then acled := Strategic developments / Other\n";
  PipelineOptions options;
  options.data_dir = DataDirWith("conventions.txt", Shipped("conventions.txt") + rule);
  std::unique_ptr<Pipeline> pipeline;
  ASSERT_TRUE(Pipeline::Open(options, &pipeline).ok());
  Article a;
  a.text = "M23 rebels captured the town of Rubaya on Tuesday.";
  a.date = "2024-02-10";
  a.id = ComputeArticleId("", "", a.text);
  std::vector<Event> events;
  ASSERT_TRUE(pipeline->Extract(a, &events).ok());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].actor1.id, "M23");
  EXPECT_EQ(events[0].acled_event_type, "Strategic developments");
  EXPECT_EQ(events[0].acled_sub_event_type, "Other");
}

}  // namespace
}  // namespace sitrep
