// Runs tests/pipeline/explain.tsv through Pipeline::Explain: the pattern line, frame and conventions of each
// event, and the reason each other trigger coded nothing; every file:line the report names is checked
// against the data file it names.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "extract_util.h"
#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

struct ExplainCase {
  int line = 0;
  std::string name, section, text;
  std::vector<std::string> expected;
};

std::vector<ExplainCase> LoadExplainCases() {
  std::vector<ExplainCase> out;
  for (const testing::TsvRow& r : testing::ReadTsvRows(SITREP_TEST_SOURCE_DIR "/tests/pipeline/explain.tsv")) {
    const std::vector<std::string>& f = r.cells;
    EXPECT_GE(f.size(), 4u) << "explain.tsv:" << r.line;
    if (f.size() >= 4) out.push_back({r.line, f[0], f[1], f[2], std::vector<std::string>(f.begin() + 3, f.end())});
  }
  return out;
}

// Line `n` (from 1) of `path`; empty when there is none.
std::string LineOf(const std::string& path, long n) {
  std::ifstream in(path);
  std::string line;
  for (long i = 1; std::getline(in, line); ++i)
    if (i == n) return line;
  return "";
}

// "<path>:N" at the start of `ref` -> the path and N (0 when malformed).
std::pair<std::string, long> FileAndLine(const std::string& ref) {
  const size_t colon = ref.rfind(':');
  if (colon == std::string::npos) return {"", 0};
  return {ref.substr(0, colon), std::atol(ref.c_str() + colon + 1)};
}

// Checks the report's file:line references: a pattern line holds the trigger lemma of the event printed
// just before it ("trigger":"kill"), a convention line defines the rule it names.
void CheckReferences(const std::string& report, const std::string& where) {
  std::stringstream ss(report);
  std::string line, lemma;
  while (std::getline(ss, line)) {
    if (line.rfind("event ", 0) == 0) {
      const size_t at = line.find("\"trigger\":\"");
      lemma = at == std::string::npos ? "" : line.substr(at + 11, line.find('"', at + 11) - at - 11);
    } else if (line.rfind("  pattern ", 0) == 0) {
      const auto [path, n] = FileAndLine(line.substr(10, line.find(", trigger") - 10));
      EXPECT_NE(path.find("data/events/patterns.txt"), std::string::npos) << where << line;
      EXPECT_NE(LineOf(path, n).find(lemma), std::string::npos) << where << line << "\nline " << n << ": " << LineOf(path, n);
    } else if (line.rfind("  conventions: ", 0) == 0 && line != "  conventions: none") {
      std::stringstream rules(line.substr(15));
      for (std::string rule; std::getline(rules, rule, ';');) {
        const size_t open = rule.find(" (");
        const auto [path, n] = FileAndLine(rule.substr(rule.find_first_not_of(' '), open - rule.find_first_not_of(' ')));
        const std::string name = rule.substr(open + 2, rule.rfind(')') - open - 2);
        EXPECT_EQ(LineOf(path, n).rfind("rule " + name + ":", 0), 0u) << where << rule << "\nline " << n << ": " << LineOf(path, n);
      }
    }
  }
}

TEST(Explain, EachReportSaysWhatTheLineSays) {
  const Pipeline* pipeline = testing::SharedPipeline();
  ASSERT_TRUE(pipeline);
  const std::vector<ExplainCase> cases = LoadExplainCases();
  ASSERT_GE(cases.size(), 5u);
  for (const ExplainCase& c : cases) {
    std::string report;
    ASSERT_TRUE(pipeline->Explain(testing::TestArticle(c.text, "2024-05-14", c.section), &report).ok());
    const std::string where = "explain.tsv:" + std::to_string(c.line) + " (" + c.name + ")\n";
    const std::string events = report.substr(report.find("\nevents:\n"));
    for (const std::string& want : c.expected) EXPECT_NE(events.find(want), std::string::npos) << where << "wanted: " << want << "\n" << events;
    CheckReferences(events, where);
  }
}

}  // namespace
}  // namespace sitrep
