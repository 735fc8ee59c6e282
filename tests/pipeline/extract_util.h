// One pipeline for a test binary, and the events of a text given its date: the pipeline tests
// that code a sentence or two share this.
#ifndef SITREP_TESTS_PIPELINE_EXTRACT_UTIL_H_
#define SITREP_TESTS_PIPELINE_EXTRACT_UTIL_H_

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitrep/pipeline.h"

namespace sitrep::testing {

// The pipeline every test of this binary shares, opened once; null (with the reason reported as a
// test failure) when it cannot be opened, e.g. without the gazetteer index.
inline const Pipeline* SharedPipeline() {
  static const std::unique_ptr<Pipeline> pipeline = [] {
    std::unique_ptr<Pipeline> p;
    Status s = Pipeline::Open(PipelineOptions{}, &p);
    if (!s.ok()) ADD_FAILURE() << "cannot open the pipeline: " << s.ToString();
    return p;
  }();
  if (!pipeline) ADD_FAILURE() << "no pipeline (see the first failure of this test binary)";
  return pipeline.get();
}

// The rows of a tests-as-data file (tab-separated; blank lines and '#' comments skipped), each with
// its line number.
struct TsvRow {
  int line = 0;
  std::vector<std::string> cells;
};
inline std::vector<TsvRow> ReadTsvRows(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::vector<TsvRow> rows;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    TsvRow row{n, {}};
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, '\t');) row.cells.push_back(cell);
    rows.push_back(std::move(row));
  }
  return rows;
}

// An article of `text` dated `date`, its "category" metadata `section` ("-" or empty: none).
inline Article TestArticle(const std::string& text, const std::string& date, const std::string& section = "-") {
  Article a;
  a.text = text;
  a.date = date;
  a.id = ComputeArticleId("", "", text);
  if (!section.empty() && section != "-") a.metadata["category"] = "\"" + section + "\"";
  return a;
}

// No events (and a test failure) when the pipeline cannot be opened.
inline std::vector<Event> ExtractText(const std::string& text, const std::string& date) {
  std::vector<Event> events;
  const Pipeline* pipeline = SharedPipeline();
  if (!pipeline) return events;
  Article a;
  a.text = text;
  a.date = date;
  a.id = ComputeArticleId("", "", text);
  EXPECT_TRUE(pipeline->Extract(a, &events).ok());
  return events;
}

}  // namespace sitrep::testing

#endif  // SITREP_TESTS_PIPELINE_EXTRACT_UTIL_H_
