// Invariants over real text (UD English EWT dev sentences and the samples), for a range of
// article dates: mentions inside the sentence, in order, not overlapping; never a date after
// the article; a date iff a known precision; vague and future ones have no date; without an
// article date only absolute mentions have one.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "../numbers/test_document.h"
#include "sitrep/temporal.h"
#include "../shared_data.h"

namespace sitrep {
namespace {

TEST(TimeInvariantsTest, RealSentences) {
  SITREP_SKIP_WITHOUT_SHARED("ud/en_ewt/en_ewt-ud-dev.conllu");
  SITREP_SKIP_WITHOUT_SHARED("samples/000_faa27aeaf128c5a5.txt");
  SITREP_SKIP_WITHOUT_SHARED("samples/001_560bd95e9cff5d9e.txt");
  std::vector<std::string> texts;
  std::istringstream in(testing::ReadFileOrEmpty(SITREP_TEST_SHARED_DIR "/ud/en_ewt/en_ewt-ud-dev.conllu"));
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("# text = ", 0) == 0) texts.push_back(line.substr(9));
  ASSERT_GT(texts.size(), 1000u) << "UD EWT dev missing under " SITREP_TEST_SHARED_DIR;
  for (const char* sample : {"000_faa27aeaf128c5a5.txt", "001_560bd95e9cff5d9e.txt"})
    texts.push_back(testing::ReadFileOrEmpty(std::string(SITREP_TEST_SHARED_DIR "/samples/") + sample));

  size_t dated = 0, total = 0;
  for (const std::string& text : texts) {
    Document doc;
    testing::MakeDocument(text, &doc);
    for (const Sentence& s : doc.sentences) {
      for (const char* article : {"2001-01-01", "2023-11-07", "2024-02-29", "2025-12-31", ""}) {
        std::optional<std::string> a;
        if (*article) a = article;
        uint32_t prev_end = s.first_token;
        for (const TimeMention& m : FindTimeMentions(doc, s, a)) {
          ++total;
          const std::string where = testing::Span(doc, m.first_token, m.last_token) + " @" + article;
          EXPECT_GE(m.first_token, prev_end) << where;
          EXPECT_LT(m.first_token, m.last_token) << where;
          EXPECT_LE(m.last_token, s.last_token) << where;
          prev_end = m.last_token;
          EXPECT_EQ(m.date.has_value(), m.precision != "unknown") << where;
          EXPECT_LT(PrecisionRank(m.precision), 5) << where;
          if (m.vague || m.future) {
            EXPECT_FALSE(m.date.has_value()) << where;
          }
          if (!a && m.relative) {
            EXPECT_FALSE(m.date.has_value()) << where;
          }
          if (m.date) {
            ++dated;
            EXPECT_EQ(m.date->size(), 10u) << where;
            if (a) {
              EXPECT_LE(*m.date, *a) << where;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(total, 100u);
  EXPECT_GT(dated, 50u);
}

}  // namespace
}  // namespace sitrep
