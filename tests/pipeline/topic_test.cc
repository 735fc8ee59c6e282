// Runs tests/pipeline/topic.tsv through the whole pipeline: each line is an article of our own writing,
// whether it is about political violence (as `sitrep explain` prints it) and whether it may yield events
// with an ACLED type.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "extract_util.h"
#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

struct TopicCase {
  int line = 0;
  std::string name, section, article_decision, acled_events, text;
};

std::vector<TopicCase> LoadTopicCases() {
  std::vector<TopicCase> out;
  for (const testing::TsvRow& r : testing::ReadTsvRows(SITREP_TEST_SOURCE_DIR "/tests/pipeline/topic.tsv")) {
    const std::vector<std::string>& f = r.cells;
    EXPECT_EQ(f.size(), 5u) << "topic.tsv:" << r.line;
    if (f.size() == 5) out.push_back({r.line, f[0], f[1], f[2], f[3], f[4]});
  }
  return out;
}

Article ArticleOf(const TopicCase& c) { return testing::TestArticle(c.text, "2024-05-14", c.section); }

// The article's decision as `sitrep explain` prints it: "topic: political: ..." or "topic: not political: ...".
std::string ExplainedDecision(const std::string& report) {
  const size_t at = report.find("\ntopic: ");
  if (at == std::string::npos) return "(no topic line)";
  const std::string rest = report.substr(at + 8, 14);
  return rest.rfind("not political", 0) == 0 ? "not-political" : "political";
}

class Topic : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Status s = Pipeline::Open(PipelineOptions{}, &pipeline_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  static std::unique_ptr<Pipeline> pipeline_;
};
std::unique_ptr<Pipeline> Topic::pipeline_;

TEST_F(Topic, EachArticleIsReadAsTheLineSays) {
  ASSERT_TRUE(pipeline_);
  const std::vector<TopicCase> cases = LoadTopicCases();
  ASSERT_GE(cases.size(), 20u);
  for (const TopicCase& c : cases) {
    const Article a = ArticleOf(c);
    std::vector<Event> events;
    ASSERT_TRUE(pipeline_->Extract(a, &events).ok());
    std::string acled;
    for (const Event& e : events)
      if (!e.acled_event_type.empty()) acled += "  " + e.trigger + " -> " + e.acled_sub_event_type + "\n";
    const std::string where = "topic.tsv:" + std::to_string(c.line) + " (" + c.name + ")\n";
    if (c.acled_events == "none") {
      EXPECT_TRUE(acled.empty()) << where << acled;
    } else {
      EXPECT_FALSE(acled.empty()) << where << "no event with an ACLED type";
    }
    std::string report;
    ASSERT_TRUE(pipeline_->Explain(a, &report).ok());
    if (c.article_decision != "*") {
      EXPECT_EQ(ExplainedDecision(report), c.article_decision) << where << report;
    }
  }
}

TEST_F(Topic, ExplainGivesTheReasonForEachSentenceNotRead) {
  ASSERT_TRUE(pipeline_);
  Article a;
  a.text = "Heavy rains caused flooding across the province. The floods forced 3,000 people from their homes.";
  a.date = "2024-05-14";
  a.id = ComputeArticleId("", "", a.text);
  std::string report;
  ASSERT_TRUE(pipeline_->Explain(a, &report).ok());
  EXPECT_NE(report.find("topic  not political: gives a non-violent cause: disaster"), std::string::npos) << report;
}

}  // namespace
}  // namespace sitrep
