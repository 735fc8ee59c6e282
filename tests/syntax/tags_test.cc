#include <gtest/gtest.h>

#include "sitrep/syntax.h"

namespace sitrep {
namespace {

TEST(Tags, Classes) {
  struct Case {
    const char* tag;
    bool verb, noun, proper, adj, adv, punct;
    const char* upos;
  };
  const Case cases[] = {
      {"VBD", true, false, false, false, false, false, "VERB"},
      {"VBN", true, false, false, false, false, false, "VERB"},
      {"MD", false, false, false, false, false, false, "AUX"},
      {"NN", false, true, false, false, false, false, "NOUN"},
      {"NNPS", false, true, true, false, false, false, "PROPN"},
      {"JJS", false, false, false, true, false, false, "ADJ"},
      {"WRB", false, false, false, false, true, false, "ADV"},
      {"-LRB-", false, false, false, false, false, true, "PUNCT"},
      {"``", false, false, false, false, false, true, "PUNCT"},
      {"IN", false, false, false, false, false, false, "ADP"},
      {"CD", false, false, false, false, false, false, "NUM"},
      {"BOGUS", false, false, false, false, false, false, "X"},
      {"", false, false, false, false, false, false, "X"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.tag);
    EXPECT_EQ(IsVerbTag(c.tag), c.verb);
    EXPECT_EQ(IsNounTag(c.tag), c.noun);
    EXPECT_EQ(IsProperNounTag(c.tag), c.proper);
    EXPECT_EQ(IsAdjectiveTag(c.tag), c.adj);
    EXPECT_EQ(IsAdverbTag(c.tag), c.adv);
    EXPECT_EQ(IsPunctuationTag(c.tag), c.punct);
    EXPECT_EQ(UniversalTag(c.tag), c.upos);
  }
}

}  // namespace
}  // namespace sitrep
