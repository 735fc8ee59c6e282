// The events stage's data files (data/events/cues.txt, conventions.txt): broken lines are refused
// with file:line (tests/pipeline/conventions_test.cc shows a convention added as data).
#include <gtest/gtest.h>

#include "../data_dir_copy.h"

#include "sitrep/events.h"

namespace sitrep {
namespace {

using testing::ShippedEventsFile;

std::string DataDirWith(const std::string& name, const std::string& text) {
  return testing::DataDirWithEventsFile("event_data_test", name, text);
}

TEST(EventDataFiles, ErrorsNameFileAndLine) {
  struct Case {
    const char* file;
    std::string text;
    const char* message_part;
  } cases[] = {
      {"cues.txt", ShippedEventsFile("cues.txt") + "murmur_verbs: mutter\n", "unknown list 'murmur_verbs'"},
      {"cues.txt", "# only a comment\nreporting_verbs: say\n", "cues.txt: no list 'claim_verbs'"},
      {"cues.txt", "reporting verbs say\n", "cues.txt:1: expected '<list name>: word | word ...'"},
      {"conventions.txt", ShippedEventsFile("conventions.txt") + "rule x: when type = FIGHT\n",
       "a rule reads 'when CONDITIONS then ACTIONS'"},
      {"conventions.txt", ShippedEventsFile("conventions.txt") + "rule x: when colour = red then actor1 := X\n",
       "a condition reads"},
      {"conventions.txt", ShippedEventsFile("conventions.txt") + "rule x: when type = FIGHT then paint := red\n",
       "unknown action 'paint'"},
      {"conventions.txt", ShippedEventsFile("conventions.txt") + "rule x: when type = FIGHT then event := FIGHT\n",
       "'event :=' takes TYPE/mode CAMEO"},
      {"conventions.txt", ShippedEventsFile("conventions.txt") + "colour: red\n", "unknown list 'colour'"},
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
