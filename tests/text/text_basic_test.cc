#include <gtest/gtest.h>

#include "sitrep/text.h"

namespace sitrep {
namespace {

TEST(TextBasic, TokenizesSimpleSentence) {
  Document doc;
  AnalyzeText("Rwanda's army didn't fight.", &doc);
  std::vector<std::string> norms;
  for (const Token& t : doc.tokens) norms.push_back(t.norm);
  EXPECT_EQ(norms, (std::vector<std::string>{"Rwanda", "'s", "army", "did", "n't", "fight", "."}));
  ASSERT_EQ(doc.sentences.size(), 1u);
}

TEST(TextBasic, NormalizeAndFold) {
  EXPECT_EQ(NormalizeText("Rwanda\xE2\x80\x99s"), "Rwanda's");
  EXPECT_EQ(FoldCase("KIVU"), "kivu");
}

}  // namespace
}  // namespace sitrep
