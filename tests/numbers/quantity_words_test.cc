// data/numbers/quantity.txt: the compiled-in tables parse, and a malformed line is reported
// with file:line.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "../../src/numbers/quantity_words.h"

namespace sitrep::numbers_internal {
namespace {

const char kMinimal[] =
    "qualifier low: at least\n"
    "units: zero | one | two | three | four | five | six | seven | eight | nine | ten | eleven | twelve\n"
    "units: thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen\n"
    "tens: twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety\n"
    "non-count after: % | dollars\n"
    "money before: $\n";  // 6 lines

TEST(QuantityWordsTest, ShippedFileParses) {
  std::ifstream in(std::string(SITREP_TEST_SOURCE_DIR) + "/data/numbers/quantity.txt");
  ASSERT_TRUE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  QuantityWords w;
  Status s = ParseQuantityWords(ss.str(), "quantity.txt", &w);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(DefaultQuantityWords().qualifiers.size(), w.qualifiers.size());
  EXPECT_EQ(w.units[19], "nineteen");
  EXPECT_EQ(w.tens[7], "ninety");
  EXPECT_TRUE(w.money_before.Contains("us$"));
}

TEST(QuantityWordsTest, ReadsFields) {
  QuantityWords w;
  std::string text = std::string(kMinimal) + "qualifier up to: as many as\n";
  ASSERT_TRUE(ParseQuantityWords(text, "q.txt", &w).ok());
  ASSERT_EQ(w.qualifiers.size(), 2u);
  EXPECT_EQ(w.qualifiers[1].qual, Qual::kUpTo);
  EXPECT_EQ(w.qualifiers[1].words[2], "as");
  EXPECT_TRUE(w.non_count_after.Contains("dollars"));
}

TEST(QuantityWordsTest, BadLinesNameFileAndLine) {
  for (const char* bad : {"qualifier roughly: roughly", "qualifer low: over", "no colon", "qualifier low: a b c d e",
                          "units: twenty", "tens: a hundred", "money before: | $"}) {
    QuantityWords w;
    Status s = ParseQuantityWords(std::string(kMinimal) + bad + "\n", "quantity.txt", &w);
    EXPECT_FALSE(s.ok()) << bad;
    EXPECT_NE(s.message().find("quantity.txt:7:"), std::string::npos) << bad << " -> " << s.ToString();
  }
}

}  // namespace
}  // namespace sitrep::numbers_internal
