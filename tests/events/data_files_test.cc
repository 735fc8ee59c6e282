// The events stage's data files (data/events/cues.txt, conventions.txt): broken lines are refused
// with file:line (tests/pipeline/conventions_test.cc shows a convention added as data).
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "sitrep/events.h"

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
  const fs::path dir = fs::temp_directory_path() / ("sitrep_event_data_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(SITREP_TEST_SOURCE_DIR "/data", dir, fs::copy_options::recursive);
  std::ofstream(dir / "events" / name) << text;
  return dir.string();
}

std::string Shipped(const std::string& name) {
  return ReadFile(fs::path(SITREP_TEST_SOURCE_DIR "/data/events") / name);
}

TEST(EventDataFiles, ErrorsNameFileAndLine) {
  struct Case {
    const char* file;
    std::string text;
    const char* message_part;
  } cases[] = {
      {"cues.txt", Shipped("cues.txt") + "murmur_verbs: mutter\n", "unknown list 'murmur_verbs'"},
      {"cues.txt", "# only a comment\nreporting_verbs: say\n", "cues.txt: no list 'claim_verbs'"},
      {"cues.txt", "reporting verbs say\n", "cues.txt:1: expected '<list name>: word | word ...'"},
      {"conventions.txt", Shipped("conventions.txt") + "rule x: when type = FIGHT\n",
       "a rule reads 'when CONDITIONS then ACTIONS'"},
      {"conventions.txt", Shipped("conventions.txt") + "rule x: when colour = red then actor1 := X\n",
       "a condition reads"},
      {"conventions.txt", Shipped("conventions.txt") + "rule x: when type = FIGHT then paint := red\n",
       "unknown action 'paint'"},
      {"conventions.txt", Shipped("conventions.txt") + "rule x: when type = FIGHT then event := FIGHT\n",
       "'event :=' takes TYPE/mode CAMEO"},
      {"conventions.txt", Shipped("conventions.txt") + "colour: red\n", "unknown list 'colour'"},
  };
  for (const Case& c : cases) {
    std::unique_ptr<EventExtractor> x;
    const Status s = EventExtractor::Load(DataDirWith(c.file, c.text), &x);
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s.message();
    if (std::string(c.message_part).find("no list") == std::string::npos) {
      EXPECT_NE(s.message().find(std::string(c.file) + ":"), std::string::npos) << s.message();
    }
  }
}

}  // namespace
}  // namespace sitrep
