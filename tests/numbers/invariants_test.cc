// Invariants over real text (UD English EWT dev sentences and the samples): spans inside the
// sentence, in order and not overlapping; low <= best <= high; quantities never run past `end`.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "sitrep/numbers.h"
#include "test_document.h"
#include "../shared_data.h"

namespace sitrep {
namespace {

std::vector<std::string> EwtSentences() {
  std::vector<std::string> out;
  std::istringstream in(testing::ReadFileOrEmpty(SITREP_TEST_SHARED_DIR "/ud/en_ewt/en_ewt-ud-dev.conllu"));
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("# text = ", 0) == 0) out.push_back(line.substr(9));
  return out;
}

void CheckEstimate(const Estimate& e, const std::string& where) {
  EXPECT_FALSE(e.empty()) << where;
  if (e.low && e.best) {
    EXPECT_LE(*e.low, *e.best) << where;
  }
  if (e.best && e.high) {
    EXPECT_LE(*e.best, *e.high) << where;
  }
  if (e.low && e.high) {
    EXPECT_LE(*e.low, *e.high) << where;
  }
  for (const auto& v : {e.low, e.best, e.high}) {
    if (v) {
      EXPECT_GE(*v, 0) << where;
    }
  }
}

TEST(InvariantsTest, RealSentences) {
  SITREP_SKIP_WITHOUT_SHARED("ud/en_ewt/en_ewt-ud-dev.conllu");
  SITREP_SKIP_WITHOUT_SHARED("samples/000_faa27aeaf128c5a5.txt");
  SITREP_SKIP_WITHOUT_SHARED("samples/001_560bd95e9cff5d9e.txt");
  std::vector<std::string> texts = EwtSentences();
  ASSERT_GT(texts.size(), 1000u) << "UD EWT dev missing under " SITREP_TEST_SHARED_DIR;
  for (const char* sample : {"000_faa27aeaf128c5a5.txt", "001_560bd95e9cff5d9e.txt"})
    texts.push_back(testing::ReadFileOrEmpty(std::string(SITREP_TEST_SHARED_DIR "/samples/") + sample));
  size_t counts = 0, quantities = 0;
  for (const std::string& text : texts) {
    Document doc;
    testing::MakeDocument(text, &doc);
    for (const Sentence& s : doc.sentences) {
      uint32_t prev_end = s.first_token;
      for (const CountMention& m : FindCounts(doc, s)) {
        ++counts;
        const std::string where = text.substr(0, 120);
        EXPECT_GE(m.number_first, prev_end) << where;  // in order, numbers not shared
        EXPECT_LE(m.first_token, m.number_first) << where;
        EXPECT_LT(m.number_first, m.number_last) << where;
        EXPECT_LE(m.number_last, m.noun_first) << where;
        EXPECT_LE(m.noun_first, m.noun_last) << where;
        EXPECT_LE(m.last_token, s.last_token) << where;
        EXPECT_GE(m.first_token, s.first_token) << where;
        EXPECT_FALSE(m.role.empty()) << where;
        EXPECT_NE(Counts().Find(m.role), nullptr) << m.role;
        CheckEstimate(m.estimate, where);
        prev_end = m.number_last;
      }
      // Every token, every end: a quantity stays within [token, end).
      for (uint32_t i = s.first_token; i < s.last_token; ++i) {
        for (uint32_t end : {i, i + 1, i + 2, s.last_token}) {
          if (end > s.last_token) continue;
          std::optional<Quantity> q = ParseQuantityAt(doc, i, end);
          if (!q) continue;
          ++quantities;
          EXPECT_EQ(q->first_token, i);
          EXPECT_GT(q->last_token, i);
          EXPECT_LE(q->last_token, end);
          CheckEstimate(q->estimate, text.substr(0, 120));
        }
      }
    }
  }
  EXPECT_GT(counts, 5u);
  EXPECT_GT(quantities, 100u);
}

}  // namespace
}  // namespace sitrep
