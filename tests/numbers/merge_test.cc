// MergeCounts: sentences -> FindCounts -> one event's Counts.
#include <gtest/gtest.h>

#include <string>

#include "sitrep/numbers.h"
#include "test_document.h"

namespace sitrep {
namespace {

// "low/best/high" with "-" for unset.
std::string Show(const Estimate& e) {
  auto one = [](const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string("-"); };
  return one(e.low) + "/" + one(e.best) + "/" + one(e.high);
}

struct MergeCase {
  const char* text;
  const char* role;
  const char* expected;  // Show() of counts.<role>
};

class MergeTest : public ::testing::TestWithParam<MergeCase> {};

TEST_P(MergeTest, Merges) {
  const MergeCase& c = GetParam();
  Document doc;
  testing::MakeDocument(c.text, &doc);
  std::vector<CountMention> mentions;
  for (const Sentence& s : doc.sentences) {
    std::vector<CountMention> found = FindCounts(doc, s);
    mentions.insert(mentions.end(), found.begin(), found.end());
  }
  Counts counts;
  MergeCounts(mentions, &counts);
  EXPECT_EQ(Show(*counts.Find(c.role)), c.expected) << c.text;
}

const MergeCase kMerges[] = {
    {"Gunmen killed 20 civilians and 5 soldiers.", "killed", "25/25/25"},
    {"Gunmen killed at least 20 civilians and 5 soldiers.", "killed", "25/25/-"},
    {"Gunmen killed up to 20 civilians and 5 soldiers.", "killed", "5/-/25"},
    {"Gunmen killed 20 civilians, 5 soldiers and 2 policemen.", "killed", "27/27/27"},
    {"The attack left 6 dead, including 4 soldiers.", "killed", "6/6/6"},
    {"At least 20 people were killed. The death toll later rose to 35.", "killed", "35/35/35"},
    {"The death toll rose to 35. At least 20 of them were civilians killed by shelling.", "killed", "35/35/35"},
    {"Between 10 and 15 people were killed and 30 wounded.", "killed", "10/12/15"},
    {"Between 10 and 15 people were killed and 30 wounded.", "wounded", "30/30/30"},
    {"No figures were given.", "killed", "-/-/-"},
};

INSTANTIATE_TEST_SUITE_P(Events, MergeTest, ::testing::ValuesIn(kMerges));

TEST(MergeTest, KeepsWhatIsAlreadyThereWhenLarger) {
  Counts counts;
  counts.killed.low = 50;
  counts.killed.best = 50;
  Document doc;
  testing::MakeDocument("20 people were killed", &doc);
  MergeCounts(FindCounts(doc, testing::Whole(doc)), &counts);
  EXPECT_EQ(Show(counts.killed), "50/50/-");
}

}  // namespace
}  // namespace sitrep
