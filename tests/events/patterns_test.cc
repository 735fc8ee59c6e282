// Loading data/events: the shipped patterns load, and a broken file is refused with file:line.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "sitrep/events.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

std::string WriteDataDir(const std::string& patterns) {
  fs::path dir = fs::temp_directory_path() / ("sitrep_events_test_" + std::to_string(::getpid()));
  fs::create_directories(dir / "events");
  std::ofstream(dir / "events" / "patterns.txt") << patterns;
  fs::copy_file(SITREP_TEST_SOURCE_DIR "/data/events/irregular_verbs.txt", dir / "events" / "irregular_verbs.txt",
                fs::copy_options::overwrite_existing);
  return dir.string();
}

TEST(EventPatterns, ShippedPatternsLoad) {
  std::unique_ptr<EventExtractor> x;
  Status s = EventExtractor::Load(SITREP_TEST_SOURCE_DIR "/data", &x);
  ASSERT_TRUE(s.ok()) << s.ToString();
}

TEST(EventPatterns, ErrorsNameFileAndLine) {
  struct Case {
    const char* text;
    const char* message_part;
  } cases[] = {
      {"# comment\ncapture | V | territory | FIGHT/occupy | 192\n", "patterns.txt:2: expected 6 or 7 '|'-separated fields, found 5"},
      {"capture | V | territory | FIGHT/occupy | 192 | - | whoever: X\n", "patterns.txt:1: the 7th field must read 'agentless: ACTOR_ID'"},
      {"capture | X | territory | FIGHT/occupy | 192 | -\n", "patterns.txt:1: part of speech must be V or N, not 'X'"},
      {"capture | V | conquest | FIGHT/occupy | 192 | -\n", "patterns.txt:1: unknown frame 'conquest'"},
      {"capture | V | territory | FIGHT | 192 | -\n", "patterns.txt:1: PLOVER field must be TYPE/mode"},
      {"capture | V | territory | FIGHT/occupy | 192 | sometimes: Battles / Armed clash\n",
       "patterns.txt:1: unknown ACLED condition 'sometimes'"},
      {"capture | V | territory | FIGHT/occupy | 192 | Battles\n",
       "patterns.txt:1: ACLED rule must read 'condition: Event type / Sub-event type'"},
  };
  for (const Case& c : cases) {
    std::unique_ptr<EventExtractor> x;
    Status s = EventExtractor::Load(WriteDataDir(c.text), &x);
    EXPECT_FALSE(s.ok()) << c.text;
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s.message();
  }
  std::unique_ptr<EventExtractor> x;
  EXPECT_TRUE(EventExtractor::Load("/nonexistent", &x).IsNotFound());
}

TEST(EventPatterns, PreFilterKnowsInflectionsAndMultiwordTriggers) {
  std::unique_ptr<EventExtractor> x;
  ASSERT_TRUE(EventExtractor::Load(SITREP_TEST_SOURCE_DIR "/data", &x).ok());
  struct Case {
    const char* sentence;
    bool may;
  } cases[] = {
      {"The rebels captured the town.", true},
      {"Fighting resumed on Sunday.", true},
      {"The town was overrun.", true},
      {"Kagame held a productive call with Blinken.", true},
      {"The army took control of the airport.", true},
      {"The minister took a flight to Paris.", false},
      {"The weather was pleasant and the market was busy.", false},
  };
  for (const Case& c : cases) {
    Document doc;
    AnalyzeText(c.sentence, &doc);
    ASSERT_EQ(doc.sentences.size(), 1u);
    EXPECT_EQ(x->MayHaveTrigger(doc, doc.sentences[0]), c.may) << c.sentence;
  }
}

}  // namespace
}  // namespace sitrep
