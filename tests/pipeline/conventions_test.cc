// A coding convention added as data (data/events/conventions.txt) changes the coding with no C++
// change, as docs/events.md tells analysts.
#include <gtest/gtest.h>

#include "../data_dir_copy.h"

#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

using testing::ShippedEventsFile;

std::string DataDirWith(const std::string& name, const std::string& text) {
  return testing::DataDirWithEventsFile("conventions_test", name, text);
}

// A pipeline whose conventions are ours plus `rule`.
std::unique_ptr<Pipeline> PipelineWithRule(const std::string& rule) {
  PipelineOptions options;
  options.data_dir = DataDirWith("conventions.txt", ShippedEventsFile("conventions.txt") + rule);
  std::unique_ptr<Pipeline> pipeline;
  EXPECT_TRUE(Pipeline::Open(options, &pipeline).ok());
  return pipeline;
}

// The events of one sentence dated 2024-02-10.
std::vector<Event> ExtractSentence(Pipeline& pipeline, const std::string& text) {
  Article a;
  a.text = text;
  a.date = "2024-02-10";
  a.id = ComputeArticleId("", "", a.text);
  std::vector<Event> events;
  EXPECT_TRUE(pipeline.Extract(a, &events).ok());
  return events;
}

// An analyst's convention: captures by M23 coded as a strategic development instead of a battle.
TEST(Conventions, AConventionAddedAsDataRecodesEvents) {
  std::unique_ptr<Pipeline> pipeline = PipelineWithRule(
      "rule analyst: when type = FIGHT and actor1 = M23 then acled := Strategic developments / Other\n");
  ASSERT_TRUE(pipeline);
  std::vector<Event> events = ExtractSentence(*pipeline, "M23 rebels captured the town of Rubaya on Tuesday.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].actor1.id, "M23");
  EXPECT_EQ(events[0].acled_event_type, "Strategic developments");
  EXPECT_EQ(events[0].acled_sub_event_type, "Other");
}

// A condition on the words that named a party: "actor1.head" is their last word, lowercased.
TEST(Conventions, AConditionReadsThePartysHeadWord) {
  std::unique_ptr<Pipeline> pipeline = PipelineWithRule(
      "rule analyst: when actor1 = M23 and actor1.head = rebels then acled := Strategic developments / Other\n");
  ASSERT_TRUE(pipeline);
  for (const auto& [text, recoded] : {std::pair{"M23 rebels captured the town of Rubaya on Tuesday.", true},
                                      std::pair{"M23 captured the town of Rubaya on Tuesday.", false}}) {
    std::vector<Event> events = ExtractSentence(*pipeline, text);
    ASSERT_EQ(events.size(), 1u) << text;
    EXPECT_EQ(events[0].acled_sub_event_type == "Other", recoded) << text;
  }
}

// A "cue = NAME" condition reads the context phrases of cues.txt in the event's sentence and the two after
// it, a phrase's first word as form or lemma ("burned tyres" is "burn tyre"); three sentences later is too far.
TEST(Conventions, AContextCueIsReadInTheEventsSentenceAndTheTwoAfter) {
  std::unique_ptr<Pipeline> pipeline = PipelineWithRule("");
  ASSERT_TRUE(pipeline);
  const std::string protest = "Residents protested in Goma on Monday over water shortages. ";
  for (const auto& [text, sub_event_type] :
       {std::pair{protest + "They burned tyres on the main road.", "Violent demonstration"},
        std::pair{protest + "The market was busy. They burned tyres on the main road.", "Violent demonstration"},
        std::pair{protest + "The market was busy.", "Peaceful protest"},
        std::pair{protest + "The market was busy. Traders sold fish. Later youths burned tyres near the port.",
                  "Peaceful protest"}}) {
    // The protest is the first event (a later sentence may code one of its own: "youths burned tyres").
    std::vector<Event> events = ExtractSentence(*pipeline, text);
    ASSERT_FALSE(events.empty()) << text;
    EXPECT_EQ(events[0].acled_sub_event_type, sub_event_type) << text;
  }
}

}  // namespace
}  // namespace sitrep
