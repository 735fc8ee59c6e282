// Input the pipeline must survive without quadratic blow-ups or silent loss.
#include <gtest/gtest.h>

#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

TEST(PipelineLimits, AnEndlessSentenceIsReportedNotAnalysed) {
  std::unique_ptr<Pipeline> pipeline;
  ASSERT_TRUE(Pipeline::Open(PipelineOptions{}, &pipeline).ok());
  Article a;
  for (int i = 0; i < 1000; ++i) a.text += "M23 rebels attacked Goma and ";
  a.text += "M23 rebels captured Sake.\nM23 rebels captured the town of Masisi on Monday.";
  a.date = "2024-01-10";
  a.origin = "endless.txt";
  a.id = ComputeArticleId("", "", a.text);
  Diagnostics diag;
  std::vector<Event> events;
  ASSERT_TRUE(pipeline->Extract(a, &events, &diag).ok());
  ASSERT_EQ(diag.warnings(), 1);
  EXPECT_EQ(diag.all()[0].ToString(),
            "endless.txt: byte 0: warning: sentence of 5005 tokens not analysed for events (over 400; byte offset in "
            "the article text)");
  // The next, ordinary sentence is still coded.
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].actor1.id, "M23");
  EXPECT_EQ(events[0].evidence.sentence, "M23 rebels captured the town of Masisi on Monday.");
}

}  // namespace
}  // namespace sitrep
