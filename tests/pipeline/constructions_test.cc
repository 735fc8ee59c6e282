// Runs tests/pipeline/constructions.tsv through the whole pipeline: each line is one sentence and
// the event an analyst would code from it (or that it yields none).
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

struct Case {
  int line = 0;
  std::string construction, date, sentence, type, actor1, actor2, modality, claimant;
  int only = 0;  // optional 9th column "only": the coded event is the sentence's only event
};

std::vector<Case> LoadCases() {
  std::ifstream in(SITREP_TEST_SOURCE_DIR "/tests/pipeline/constructions.tsv");
  std::vector<Case> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    EXPECT_TRUE(f.size() == 8 || (f.size() == 9 && f[8] == "only")) << "constructions.tsv:" << n;
    if (f.size() != 8 && f.size() != 9) continue;
    out.push_back({n, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f.size() == 9 ? 1 : 0});
  }
  return out;
}

bool PartyMatches(const std::string& want, const ActorRef& got) {
  if (want == "*") return true;
  if (want == "-") return got.empty();
  return got.id == want;
}

std::string Describe(const std::vector<Event>& events) {
  std::string s;
  for (const Event& e : events)
    s += "  " + e.plover_type + "/" + e.plover_mode + " a1=" + e.actor1.id + " a2=" + e.actor2.id +
         " mod=" + e.modality + " claimant=" + e.claimant + " trigger=" + e.trigger + " acled=" +
         e.acled_sub_event_type + "\n";
  return s.empty() ? "  (no events)\n" : s;
}

class Constructions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Status s = Pipeline::Open(PipelineOptions{}, &pipeline_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  static std::unique_ptr<Pipeline> pipeline_;
};
std::unique_ptr<Pipeline> Constructions::pipeline_;

TEST_F(Constructions, EachLineYieldsTheCodedEvent) {
  ASSERT_TRUE(pipeline_);
  std::vector<Case> cases = LoadCases();
  ASSERT_GE(cases.size(), 20u);
  for (const Case& c : cases) {
    Article a;
    a.text = c.sentence;
    a.date = c.date;
    a.id = ComputeArticleId("", "", a.text);
    std::vector<Event> events;
    ASSERT_TRUE(pipeline_->Extract(a, &events).ok());
    if (c.type == "NONE") {
      EXPECT_TRUE(events.empty()) << "constructions.tsv:" << c.line << " (" << c.construction << ") "
                                  << c.sentence << "\n" << Describe(events);
      continue;
    }
    // "TYPE: ACLED sub-event type" also checks the ACLED coding.
    const size_t colon = c.type.find(": ");
    const std::string type = c.type.substr(0, colon);
    const std::string acled = colon == std::string::npos ? "" : c.type.substr(colon + 2);
    bool found = false;
    for (const Event& e : events) {
      if (e.plover_type != type || !PartyMatches(c.actor1, e.actor1) || !PartyMatches(c.actor2, e.actor2))
        continue;
      // "TYPE: -": the event must have no ACLED type.
      if (acled == "-" ? !e.acled_sub_event_type.empty() : (!acled.empty() && e.acled_sub_event_type != acled)) continue;
      if (c.modality != "*" && e.modality != c.modality) continue;
      if (c.claimant != "*" && e.claimant.find(c.claimant) == std::string::npos) continue;
      found = true;
    }
    if (c.only) {
      EXPECT_EQ(events.size(), 1u) << "constructions.tsv:" << c.line << " (" << c.construction << ") " << c.sentence
                                   << "\n wants its event alone, got:\n" << Describe(events);
    }
    EXPECT_TRUE(found) << "constructions.tsv:" << c.line << " (" << c.construction << ") " << c.sentence
                       << "\n want " << c.type << " a1=" << c.actor1 << " a2=" << c.actor2 << " mod=" << c.modality
                       << " claimant~" << c.claimant << "\n got:\n" << Describe(events);
  }
}

}  // namespace
}  // namespace sitrep
