// The tagger on real news reports tokenised by the text stage (AnalyzeText).
#include <algorithm>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "sitrep/syntax.h"
#include "sitrep/text.h"
#include "../shared_data.h"

namespace sitrep {
namespace {

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(SITREP_TEST_SHARED_DIR) + "/samples/" + name);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class AnalyzedText : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = Tagger::Load(std::string(SITREP_TEST_SOURCE_DIR) + "/data/models/en_ewt_tagger.bin", &tagger_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  std::unique_ptr<Tagger> tagger_;
};

TEST_F(AnalyzedText, EveryTokenGetsAKnownTagAndALemma) {
  SITREP_SKIP_WITHOUT_SHARED("samples/000_faa27aeaf128c5a5.txt");
  SITREP_SKIP_WITHOUT_SHARED("samples/001_560bd95e9cff5d9e.txt");
  for (const char* name : {"000_faa27aeaf128c5a5.txt", "001_560bd95e9cff5d9e.txt"}) {
    SCOPED_TRACE(name);
    const std::string text = ReadSample(name);
    ASSERT_FALSE(text.empty());
    Document doc;
    AnalyzeText(text, &doc);
    ASSERT_GT(doc.tokens.size(), 100u);
    tagger_->TagAll(&doc);
    for (const Token& t : doc.tokens) {
      EXPECT_NE(std::find(tagger_->tags().begin(), tagger_->tags().end(), t.tag), tagger_->tags().end()) << t.norm;
      EXPECT_FALSE(t.lemma.empty()) << t.norm;
    }
  }
}

// (word as printed, tag, lemma) that event patterns rely on, from the first sample report.
TEST_F(AnalyzedText, ConflictVerbsInSampleReport) {
  SITREP_SKIP_WITHOUT_SHARED("samples/000_faa27aeaf128c5a5.txt");
  const std::string text = ReadSample("000_faa27aeaf128c5a5.txt");
  Document doc;
  AnalyzeText(text, &doc);
  tagger_->TagAll(&doc);
  struct Want {
    const char *word, *tag, *lemma;
  };
  const Want wants[] = {
      {"rebels", "NNS", "rebel"},
      {"claimed", "VBD", "claim"},
      {"recaptured", "VBN", "recapture"},
      {"driven", "VBN", "drive"},
      {"handed", "VBN", "hand"},
  };
  for (const Want& w : wants) {
    SCOPED_TRACE(w.word);
    auto it = std::find_if(doc.tokens.begin(), doc.tokens.end(), [&](const Token& t) { return t.norm == w.word; });
    ASSERT_NE(it, doc.tokens.end());
    EXPECT_EQ(it->tag, w.tag);
    EXPECT_EQ(it->lemma, w.lemma);
  }
}

}  // namespace
}  // namespace sitrep
