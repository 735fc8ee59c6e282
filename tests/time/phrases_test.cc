// data/time/phrases.txt: the compiled-in tables parse, and a malformed line is reported with
// file:line.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "../../src/time/phrases.h"

namespace sitrep::time_internal {
namespace {

TEST(PhraseTablesTest, ShippedFileParses) {
  std::ifstream in(std::string(SITREP_TEST_SOURCE_DIR) + "/data/time/phrases.txt");
  ASSERT_TRUE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  PhraseTables t;
  Status s = ParsePhraseTables(ss.str(), "phrases.txt", &t);
  ASSERT_TRUE(s.ok()) << s.ToString();
  // The compiled-in copy is the same file.
  const PhraseTables& builtin = Phrases();
  EXPECT_EQ(builtin.relative.size(), t.relative.size());
  EXPECT_EQ(builtin.preps.size(), t.preps.size());
  EXPECT_EQ(builtin.modifiers.size(), t.modifiers.size());
}

TEST(PhraseTablesTest, ReadsFields) {
  PhraseTables t;
  ASSERT_TRUE(ParsePhraseTables("# c\nrelative day -2 at: the day before yesterday | x\n"
                                "preposition until: prior to\nmodifier: the end of\n",
                                "p.txt", &t)
                  .ok());
  ASSERT_EQ(t.relative.size(), 2u);
  EXPECT_EQ(t.relative[0].words[0], "the");
  EXPECT_EQ(t.relative[0].words[3], "yesterday");
  EXPECT_TRUE(t.relative[0].words[4].empty());
  EXPECT_EQ(t.relative[0].kind, Kind::kDay);
  EXPECT_EQ(t.relative[0].n, -2);
  EXPECT_EQ(t.relative[0].relation, Rel::kAt);
  ASSERT_EQ(t.preps.size(), 1u);
  EXPECT_EQ(t.preps[0].relation, Rel::kUntil);
  EXPECT_EQ(t.preps[0].words[1], "to");
  ASSERT_EQ(t.modifiers.size(), 1u);
  EXPECT_EQ(t.modifiers[0].words[2], "of");
}

Status ParseBad(const char* bad_line) {
  std::string text = "# header\nrelative day -1 at: yesterday\npreposition at: on\nmodifier: early\n";
  text += bad_line;
  text += "\n";
  PhraseTables t;
  return ParsePhraseTables(text, "phrases.txt", &t);
}

TEST(PhraseTablesTest, BadLinesNameFileAndLine) {
  for (const char* bad : {"relative dya 0 at: today", "relative day x at: today", "relative day 0 now: today",
                          "preposition upon: upon", "modifer: early", "no colon here",
                          "relative day 0 at: a b c d e f", "modifier: a b c d", "modifier: early | | late"}) {
    Status s = ParseBad(bad);
    EXPECT_FALSE(s.ok()) << bad;
    EXPECT_NE(s.message().find("phrases.txt:5:"), std::string::npos) << bad << " -> " << s.ToString();
  }
}

}  // namespace
}  // namespace sitrep::time_internal
