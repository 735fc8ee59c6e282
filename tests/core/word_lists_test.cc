// Tests for the word-list file format (data/places/cues.txt, data/actors/capitals.txt).
#include <gtest/gtest.h>

#include "../../src/core/word_lists.h"

namespace sitrep {
namespace {

TEST(WordListsTest, ListsSpanLinesAndPhrasesKeepTheirWords) {
  WordLists lists;
  ASSERT_TRUE(WordLists::Parse("# comment\n\nnear  before: near | Outskirts of\nnear before: close to\nverbs: say|deny\n",
                               "cues.txt", &lists)
                  .ok());
  std::vector<WordLists::Entry> near;
  ASSERT_TRUE(lists.Take("near before", &near).ok());
  ASSERT_EQ(near.size(), 3u);
  EXPECT_EQ(near[1].words, (std::vector<std::string>{"outskirts", "of"}));  // lower-cased
  EXPECT_EQ(near[2].line, 4);
  std::vector<std::string> verbs;
  ASSERT_TRUE(lists.TakeWords("verbs", &verbs).ok());
  EXPECT_EQ(verbs, (std::vector<std::string>{"say", "deny"}));
  EXPECT_TRUE(lists.CheckAllTaken().ok());
}

TEST(WordListsTest, ErrorsNameFileAndLine) {
  WordLists lists;
  Status s = WordLists::Parse("a: x\nno colon here\n", "f.txt", &lists);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("f.txt:2:"), std::string::npos) << s.message();

  s = WordLists::Parse("a: x | | y\n", "f.txt", &lists);
  EXPECT_NE(s.message().find("f.txt:1: empty entry"), std::string::npos) << s.message();

  ASSERT_TRUE(WordLists::Parse("verbs: say\nverbs: stand by\nvrebs: deny\n", "f.txt", &lists).ok());
  std::vector<std::string> words;
  s = lists.TakeWords("verbs", &words);
  EXPECT_NE(s.message().find("f.txt:2:"), std::string::npos) << s.message();
  s = lists.CheckAllTaken();
  EXPECT_NE(s.message().find("f.txt:3: unknown list 'vrebs'"), std::string::npos) << s.message();
  s = lists.TakeWords("nouns", &words);
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_NE(s.message().find("f.txt: no list 'nouns'"), std::string::npos) << s.message();
}

TEST(WordListsTest, MissingFileIsNotFound) {
  WordLists lists;
  Status s = WordLists::Load("/nonexistent/cues.txt", &lists);
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_NE(s.message().find("/nonexistent/cues.txt"), std::string::npos);
}

}  // namespace
}  // namespace sitrep
