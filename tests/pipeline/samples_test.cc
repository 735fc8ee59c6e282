// The two sample reports against the analyst's coding in tests/fixtures/gold/samples.jsonl
// (reasoned from the text before tuning; see tests/fixtures/gold/README.md).
#include <algorithm>
#include <fstream>

#include <gtest/gtest.h>

#include "sitrep/ingest.h"
#include "sitrep/pipeline.h"
#include "../shared_data.h"

namespace sitrep {
namespace {

std::vector<Article> ReadSamples(const std::string& default_date = "") {
  std::vector<Article> out;
  ReadOptions ro;
  ro.default_date = default_date;
  Diagnostics diag;
  ReadStats stats;
  Status s = ReadArticles({SITREP_TEST_SHARED_DIR "/samples"}, ro, &diag, [&](Article&& a) {
    out.push_back(std::move(a));
    return Status::OK();
  }, &stats);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

std::vector<Event> LoadGold() {
  std::ifstream in(SITREP_TEST_SOURCE_DIR "/tests/fixtures/gold/samples.jsonl");
  std::vector<Event> gold;
  std::string line;
  while (std::getline(in, line)) {
    Event e;
    Status s = EventFromJson(line, &e);
    EXPECT_TRUE(s.ok()) << s.ToString();
    gold.push_back(e);
  }
  return gold;
}

class Samples : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Status s = Pipeline::Open(PipelineOptions{}, &pipeline_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  void SetUp() override { SITREP_SKIP_WITHOUT_SHARED("samples"); }
  static std::vector<Event> Extract(const std::vector<Article>& articles) {
    std::vector<Event> events;
    for (const Article& a : articles) EXPECT_TRUE(pipeline_->Extract(a, &events).ok());
    return events;
  }
  static std::unique_ptr<Pipeline> pipeline_;
};
std::unique_ptr<Pipeline> Samples::pipeline_;

TEST_F(Samples, EveryGoldEventIsCodedWithItsActorsTypeAndModality) {
  ASSERT_TRUE(pipeline_);
  std::vector<Event> pred = Extract(ReadSamples());
  std::vector<Event> gold = LoadGold();
  ASSERT_EQ(gold.size(), 14u);
  for (const Event& g : gold) {
    bool found = false;
    for (const Event& p : pred) {
      if (p.article_id != g.article_id || p.plover_type != g.plover_type || p.plover_mode != g.plover_mode) continue;
      if (p.actor1.id != g.actor1.id || p.actor2.id != g.actor2.id || p.modality != g.modality) continue;
      if (g.date && p.date != g.date) continue;
      if (g.location && g.location->precision == 1 && (!p.location || p.location->name != g.location->name)) continue;
      if (g.location && (!p.location || p.location->admin1 != g.location->admin1)) continue;
      bool counts_ok = true;
      for (const std::string& role : Counts::Roles()) {
        const Estimate *ge = g.counts.Find(role), *pe = p.counts.Find(role);
        if (!ge->empty() && (ge->low != pe->low || ge->best != pe->best || ge->high != pe->high)) counts_ok = false;
      }
      if (!counts_ok) continue;
      if (!g.claimant.empty() && p.claimant.find(g.claimant) == std::string::npos) continue;
      found = true;
    }
    EXPECT_TRUE(found) << "missing: " << g.plover_type << "/" << g.plover_mode << " " << g.actor1.id << " -> "
                       << g.actor2.id << " " << g.modality << "\n  " << g.evidence.sentence;
  }
  // Nothing an analyst would not code beyond a few defensible extras (claims inside quotes).
  EXPECT_LE(pred.size(), gold.size() + 4);
}

// Greedy word wrap of every line at `width` bytes, as e-mail and wire copy arrive.
std::string HardWrap(const std::string& text, size_t width) {
  std::string out, line;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string para = text.substr(start, end - start);
    size_t col = 0, pos = 0;
    while (pos < para.size()) {
      size_t sp = para.find(' ', pos);
      if (sp == std::string::npos) sp = para.size();
      const std::string word = para.substr(pos, sp - pos);
      if (col > 0 && col + 1 + word.size() > width) {
        out += '\n';
        col = 0;
      } else if (col > 0) {
        out += ' ';
        ++col;
      }
      out += word;
      col += word.size();
      pos = sp + 1;
    }
    if (end == text.size()) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

// Hard-wrapped copies of the samples (72 columns) give the same events as the originals: a line
// break inside a sentence of wrapped text is not a sentence boundary (docs/text.md).
TEST_F(Samples, HardWrappedTextGivesTheSameEvents) {
  ASSERT_TRUE(pipeline_);
  std::vector<Article> plain = ReadSamples("2025-03-20");
  std::vector<Article> wrapped = plain;
  for (Article& a : wrapped) {
    a.text = HardWrap(a.text, 72);
    ASSERT_NE(a.text, plain[&a - wrapped.data()].text);
  }
  auto key = [](const Event& e) {
    return e.article_id + "|" + e.plover_type + "|" + e.plover_mode + "|" + e.actor1.id + "|" + e.actor2.id + "|" +
           e.modality + "|" + (e.location ? e.location->name : "") + "|" + e.date.value_or("");
  };
  std::vector<std::string> a, b;
  for (const Event& e : Extract(plain)) a.push_back(key(e));
  for (const Event& e : Extract(wrapped)) b.push_back(key(e));
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  EXPECT_GE(a.size(), 14u);
  EXPECT_EQ(a, b);
}

TEST_F(Samples, TheUndatedSampleKeepsNullDatesUnlessGivenOne) {
  ASSERT_TRUE(pipeline_);
  std::vector<Article> articles = ReadSamples();
  std::vector<Article> undated;
  for (const Article& a : articles)
    if (!a.date) undated.push_back(a);
  ASSERT_EQ(undated.size(), 1u);
  for (const Event& e : Extract(undated)) {
    EXPECT_FALSE(e.date.has_value()) << e.evidence.sentence;
    EXPECT_EQ(e.date_precision, "unknown");
  }
  std::vector<Article> dated;
  for (const Article& a : ReadSamples("2025-03-20"))
    if (a.source == "www.mymotherlode.com") dated.push_back(a);
  ASSERT_EQ(dated.size(), 1u);
  int with_date = 0;
  for (const Event& e : Extract(dated)) {
    if (e.date) {
      ++with_date;
      EXPECT_LE(*e.date, "2025-03-20");
    }
  }
  EXPECT_GT(with_date, 0);
}

}  // namespace
}  // namespace sitrep
