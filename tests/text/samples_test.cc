// The text layer on the real M23 / DR Congo reports in ../shared/samples.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "sitrep/text.h"
#include "test_util.h"
#include "../shared_data.h"

namespace sitrep {
namespace {

bool HasSentence(const std::vector<std::string>& sentences, const std::string& s) {
  return std::find(sentences.begin(), sentences.end(), s) != sentences.end();
}

bool HasTokens(const Document& doc, const std::vector<std::string>& seq) {
  for (size_t i = 0; i + seq.size() <= doc.tokens.size(); ++i) {
    bool match = true;
    for (size_t k = 0; k < seq.size() && match; ++k) match = doc.tokens[i + k].norm == seq[k];
    if (match) return true;
  }
  return false;
}

class Samples : public ::testing::Test {
 protected:
  void SetUp() override {
    SITREP_SKIP_WITHOUT_SHARED("samples/000_faa27aeaf128c5a5.txt");
    SITREP_SKIP_WITHOUT_SHARED("samples/001_560bd95e9cff5d9e.txt");
    texts_ = testing::SampleTexts();
    for (const std::string& t : texts_) ASSERT_FALSE(t.empty()) << "missing sample under " << SITREP_TEST_SHARED_DIR;
  }
  std::vector<std::string> texts_;
};

struct SeqCase {
  int sample;
  std::vector<std::string> tokens;
};

TEST_F(Samples, TokenSequences) {
  const std::vector<SeqCase> cases = {
      {0, {"their", "20th", "Summit"}},
      {0, {"February", "4th", ",", "2023", "."}},
      {0, {"Monday", "'s", "statement"}},
      {0, {"DR", "Congo", "'s", "North", "Kivu"}},
      {0, {"de-escalation", "of", "hostilities"}},
      {0, {"(", "EACRF", ")", ","}},
      {0, {"regional-led", "peace"}},
      {1, {"Rwanda-backed", "M23", "rebels"}},
      {1, {"the", "rebels", "'", "advances"}},           // rebels’ (curly)
      {1, {"\"", "liberated", "\"", "Walikale"}},       // “liberated” (curly)
      {1, {"U.N.", "experts", "estimate"}},
      {1, {"around", "4,000", "Rwandan", "troops"}},
      {1, {"North", "Kivu", "'s", "tin"}},
      {1, {"Source", ":", "www.mymotherlode.com"}},
  };
  for (const SeqCase& c : cases) {
    Document doc;
    AnalyzeText(texts_[c.sample], &doc);
    std::string joined;
    for (const auto& t : c.tokens) joined += t + " ";
    EXPECT_TRUE(HasTokens(doc, c.tokens)) << "sample " << c.sample << ": " << joined;
  }
}

TEST_F(Samples, SentenceBoundaries) {
  auto s0 = testing::Sentences(texts_[0]);
  auto s1 = testing::Sentences(texts_[1]);
  // Closing quote after the period stays with its sentence; the next paragraph starts fresh.
  EXPECT_TRUE(HasSentence(s0, "\"The M23 wishes to inform that the humanitarian crisis has reached an unprecedented "
                              "level in Bwiza and its surroundings."));
  EXPECT_TRUE(HasSentence(s0, "Several interventions have taken place to pacify the area."));
  // `"...," reads part of the statement` is one sentence.
  auto quoted = std::find_if(s0.begin(), s0.end(), [](const std::string& s) { return s.rfind("\"While defending", 0) == 0; });
  ASSERT_NE(quoted, s0.end());
  EXPECT_NE(quoted->find("reads part of the statement shared on social media by the Congolese armed group."),
            std::string::npos);
  // U.N. inside a sentence does not split it.
  EXPECT_TRUE(HasSentence(s1, "U.N. experts estimate that around 4,000 Rwandan troops support the M23 rebels, "
                              "pointing to a potential expansion of conflict toward the capital, Kinshasa."));
  EXPECT_TRUE(HasSentence(s1, "Recent violence has drawn international attention, with the U.N. Human Rights Council "
                              "investigating alleged war crimes by both sides."));
  // A line without final punctuation is still its own sentence.
  EXPECT_TRUE(HasSentence(s1, "Original Source: www.mymotherlode.com"));
  // Curly closing quote and period end the sentence inside it.
  EXPECT_TRUE(HasSentence(s1, "Local activist Fiston Misona highlighted the lack of resistance from the Congolese army, "
                              "stating, \xE2\x80\x9COur Congolese army is no longer fighting.\xE2\x80\x9D"));
  for (const auto& list : {s0, s1}) {
    for (const std::string& s : list) {
      EXPECT_FALSE(s.empty());
      EXPECT_EQ(s.find('\n'), std::string::npos) << s;
    }
  }
}

}  // namespace
}  // namespace sitrep
