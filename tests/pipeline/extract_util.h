// One pipeline for a test binary, and the events of a text given its date: the pipeline tests
// that code a sentence or two share this.
#ifndef SITREP_TESTS_PIPELINE_EXTRACT_UTIL_H_
#define SITREP_TESTS_PIPELINE_EXTRACT_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitrep/pipeline.h"

namespace sitrep::testing {

inline std::vector<Event> ExtractText(const std::string& text, const std::string& date) {
  static std::unique_ptr<Pipeline> pipeline = [] {
    std::unique_ptr<Pipeline> p;
    EXPECT_TRUE(Pipeline::Open(PipelineOptions{}, &p).ok());
    return p;
  }();
  Article a;
  a.text = text;
  a.date = date;
  a.id = ComputeArticleId("", "", text);
  std::vector<Event> events;
  EXPECT_TRUE(pipeline->Extract(a, &events).ok());
  return events;
}

}  // namespace sitrep::testing

#endif  // SITREP_TESTS_PIPELINE_EXTRACT_UTIL_H_
