// The usage example of include/sitrep/pipeline.h, kept compiling and true.
#include <gtest/gtest.h>

#include <sstream>

#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

TEST(HeaderExample, OpenExtractIterate) {
  std::unique_ptr<sitrep::Pipeline> pipeline;
  sitrep::Status s = sitrep::Pipeline::Open(sitrep::PipelineOptions{}, &pipeline);
  ASSERT_TRUE(s.ok()) << s.ToString();
  sitrep::Article article;
  article.id = "a1";
  article.date = "2023-11-06";
  article.text = "M23 rebels captured the city of Goma on Sunday.";
  std::vector<sitrep::Event> events;
  sitrep::Diagnostics diag;
  s = pipeline->Extract(article, &events, &diag);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::ostringstream out;
  for (const sitrep::Event& e : events) out << sitrep::EventToJson(e) << "\n";
  ASSERT_EQ(events.size(), 1u) << out.str();
  EXPECT_EQ(events[0].plover_type, "FIGHT");
  EXPECT_EQ(events[0].actor1.id, "M23");
  EXPECT_EQ(events[0].date, "2023-11-05");
  ASSERT_TRUE(events[0].location.has_value());
  EXPECT_EQ(events[0].location->name, "Goma");
}

}  // namespace
}  // namespace sitrep
