// Labelled snippets (CASE 2021 Task 2 style): detection, reading, and scoring by the rule of
// ../shared/tools/case_score.py. The fixture tests/eval/data/snippets_small.jsonl is ours (our own
// sentences); snippets_pred.jsonl holds hand-made predictions whose figures are worked out below.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sitrep/eval.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

const std::string kData = std::string(SITREP_TEST_SOURCE_DIR) + "/tests/eval/data";

TEST(Snippets, DetectedByTheFirstLine) {
  EXPECT_TRUE(IsSnippetLine(R"({"id": "x", "text": "t", "acled_sub_event_type": "Armed clash"})"));
  EXPECT_TRUE(IsSnippetLine(R"({"text": "t", "acled_sub_event_type": null, "case_label": "DIPLO"})"));
  // Our event schema may carry acled_sub_event_type too, but always with plover_type and no text.
  EXPECT_FALSE(IsSnippetLine(R"({"article_id": "A", "acled_sub_event_type": "Attack", "plover_type": "ASSAULT"})"));
  EXPECT_FALSE(IsSnippetLine(R"({"text": "t", "acled_sub_event_type": null, "plover_type": "FIGHT"})"));
  EXPECT_FALSE(IsSnippetLine(R"({"text": "t"})"));  // an article, not a labelled snippet
  EXPECT_FALSE(IsSnippetLine("not json"));

  GoldSet snippets;
  ASSERT_TRUE(LoadGold(kData + "/snippets_small.jsonl", &snippets, nullptr).ok());
  EXPECT_EQ(snippets.snippets.size(), 8u);
  EXPECT_TRUE(snippets.events.empty());
  EXPECT_TRUE(snippets.articles.empty());  // snippet texts stay with their labels
  GoldSet events;
  ASSERT_TRUE(LoadGold(kData + "/pred_small.jsonl", &events, nullptr).ok());  // an event file
  EXPECT_EQ(events.events.size(), 4u);
  EXPECT_TRUE(events.snippets.empty());
}

TEST(Snippets, ReadsIdTextLabelAndPlaceholderDate) {
  std::vector<Snippet> s;
  ASSERT_TRUE(LoadSnippetsJsonl(kData + "/snippets_small.jsonl", &s).ok());
  ASSERT_EQ(s.size(), 8u);
  EXPECT_EQ(s[0].article.id, "s1");
  EXPECT_EQ(s[0].article.date, "2021-01-01");  // kept as the article date, so dating works
  EXPECT_EQ(s[0].case_label, "ARMED_CLASH");
  EXPECT_EQ(s[0].sub_event_type, "Armed clash");
  EXPECT_EQ(s[0].article.text.rfind("Government troops", 0), 0u);
  EXPECT_EQ(s[0].article.origin, kData + "/snippets_small.jsonl:1");
  EXPECT_EQ(s[5].sub_event_type, "");  // null: no political violence
  EXPECT_EQ(s[5].case_label, "NATURAL_DISASTER");
}

TEST(Snippets, BadLinesNameFileAndLineAndAreSkipped) {
  std::string path = std::string(SITREP_TEST_BINARY_DIR) + "/eval_test_snippets_bad.jsonl";
  {
    std::ofstream out(path);
    out << R"({"id": "a", "text": "Rebels attacked a village.", "acled_sub_event_type": "Attack"})" << "\n"
        << "{\"id\": \"b\", \"text\": \n"                                       // 2: malformed JSON
        << R"({"id": "c", "text": "No label here."})" << "\n"                 // 3: no label key
        << "\n"                                                                // blank: skipped silently
        << R"({"id": "d", "text": "x", "acled_sub_event_type": 7})" << "\n"   // 5: label not a string
        << R"({"id": "e", "text": "x", "acled_sub_event_type": null, "date": "soon"})" << "\n"  // 6: bad date
        << R"({"text": "A storm hit the coast.", "acled_sub_event_type": null, "date": "2021-03-04T10:00:00Z"})"
        << "\r\n";
  }
  GoldSet gold;
  Diagnostics diag;
  ASSERT_TRUE(LoadGold(path, &gold, &diag).ok());
  ASSERT_EQ(gold.snippets.size(), 2u);
  EXPECT_EQ(gold.snippets[1].article.id, path + ":7");  // no id: file and line
  EXPECT_EQ(gold.snippets[1].article.date, "2021-03-04");
  ASSERT_EQ(diag.errors(), 4);
  int64_t lines[] = {2, 3, 5, 6};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(diag.all()[i].line, lines[i]);
    EXPECT_EQ(diag.all()[i].file, path);
    EXPECT_NE(diag.all()[i].message.find("skipped snippet"), std::string::npos);
  }
}

// s1 Armed clash: predicted Armed clash                          right
// s2 Peaceful protest: Peaceful protest + Violent demonstration   right (some event has it)
// s3 Air/drone strike: Shelling/artillery/missile attack          missed
// s4 Arrests: Armed clash                                         missed
// s5 Armed clash: "armed clash" (lower case)                      right
// s6 null: nothing                                                right
// s7 null: a PLOVER-only event (no ACLED type)                    right
// s8 null: Strategic developments / Agreement                     spurious
// and one prediction of an article that is no snippet (ignored).
SnippetReport SmallReport() {
  std::vector<Snippet> gold;
  std::vector<Event> pred;
  EXPECT_TRUE(LoadSnippetsJsonl(kData + "/snippets_small.jsonl", &gold).ok());
  EXPECT_TRUE(LoadEventsJsonl(kData + "/snippets_pred.jsonl", &pred).ok());
  return EvaluateSnippets(gold, pred, EvalOptions());
}

TEST(Snippets, AccuracyAsCaseScoreComputesIt) {
  SnippetReport r = SmallReport();
  EXPECT_EQ(r.snippets, 8);
  EXPECT_EQ(r.pred_events, 8);  // the ninth belongs to no snippet
  EXPECT_EQ(r.acled.hit, 3);
  EXPECT_EQ(r.acled.total, 5);
  EXPECT_EQ(r.none.hit, 2);
  EXPECT_EQ(r.none.total, 3);
  EXPECT_EQ(r.overall.hit, 5);
  EXPECT_EQ(r.overall.total, 8);
  EXPECT_EQ(r.by_label.at("ARMED_CLASH").hit, 2);
  EXPECT_EQ(r.by_label.at("AIR_STRIKE").hit, 0);
  EXPECT_EQ(r.by_label.at("ORG_CRIME").hit, 1);
  EXPECT_EQ(r.by_label.at("DIPLO").hit, 0);
}

TEST(Snippets, PerTypePrecisionAndRecall) {
  SnippetReport r = SmallReport();
  const TypeScore& clash = r.by_type.at("Armed clash");  // predicted on s1, s4, s5; labelled s1, s5
  EXPECT_EQ(clash.predicted, 3);
  EXPECT_EQ(clash.labelled, 2);
  EXPECT_DOUBLE_EQ(clash.precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(clash.recall(), 1.0);
  EXPECT_DOUBLE_EQ(clash.f1(), 0.8);
  EXPECT_DOUBLE_EQ(r.by_type.at("Peaceful protest").precision(), 1.0);
  EXPECT_DOUBLE_EQ(r.by_type.at("Peaceful protest").recall(), 1.0);
  EXPECT_EQ(r.by_type.at("Violent demonstration").labelled, 0);  // predicted only
  EXPECT_DOUBLE_EQ(r.by_type.at("Violent demonstration").precision(), 0.0);
  EXPECT_EQ(r.by_type.at("Air/drone strike").predicted, 0);
  EXPECT_DOUBLE_EQ(r.by_type.at("Air/drone strike").recall(), 0.0);
  EXPECT_EQ(r.by_type.at("Agreement").predicted, 1);  // on the diplomacy snippet
  EXPECT_EQ(r.by_type.size(), 7u);

  EXPECT_EQ((r.confusion.at({"Armed clash", "Armed clash"})), 2);
  EXPECT_EQ((r.confusion.at({"Arrests", "Armed clash"})), 1);
  EXPECT_EQ((r.confusion.at({"Peaceful protest", "Violent demonstration"})), 1);
  EXPECT_EQ((r.confusion.at({"(none)", "(none)"})), 2);
  EXPECT_EQ((r.confusion.at({"(none)", "Agreement"})), 1);
}

TEST(Snippets, WorstExamplesAndOutputs) {
  SnippetReport r = SmallReport();
  ASSERT_EQ(r.worst.size(), 3u);  // missed and spurious in turn
  EXPECT_EQ(r.worst[0].kind, "missed");
  EXPECT_EQ(r.worst[0].article_id, "s3");
  EXPECT_EQ(r.worst[1].kind, "spurious");
  EXPECT_EQ(r.worst[1].article_id, "s8");
  EXPECT_EQ(r.worst[2].article_id, "s4");
  EXPECT_NE(r.worst[0].text.find("drone strike"), std::string::npos);

  std::string table = r.ToTable();
  for (const char* want : {"political violence (ACLED label)", "no event (null label)", "Armed clash", "0.667",
                           "DIPLO", "Arrests (1): Armed clash 1", "Worst examples (3)"}) {
    EXPECT_NE(table.find(want), std::string::npos) << want;
  }
  nlohmann::json j = nlohmann::json::parse(r.ToJson());
  EXPECT_EQ(j["accuracy"]["acled"]["correct"], 3);
  EXPECT_EQ(j["accuracy"]["none"]["total"], 3);
  EXPECT_EQ(j["by_type"][0]["type"], "Armed clash");  // most support first
  EXPECT_NEAR(j["by_type"][0]["precision"].get<double>(), 2.0 / 3, 1e-9);
  EXPECT_TRUE(j["by_type"].back()["recall"].is_null());  // a type only predicted
  EXPECT_EQ(j["by_case_label"]["DIPLO"]["correct"], 0);
}

// A directory with ACLED CSV and a snippet file: the snippets get their own section, and the event
// figures are those of the CSV alone.
TEST(Snippets, MixedDirectoryKeepsTheFiguresApart) {
  fs::path dir = fs::path(SITREP_TEST_BINARY_DIR) / "eval_test_mixed_gold";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file(kData + "/acled_small.csv", dir / "a.csv");
  fs::copy_file(kData + "/snippets_small.jsonl", dir / "b.jsonl");
  GoldSet mixed, acled;
  ASSERT_TRUE(LoadGold(dir.string(), &mixed, nullptr).ok());
  ASSERT_TRUE(LoadGold(kData + "/acled_small.csv", &acled, nullptr).ok());
  EXPECT_EQ(mixed.events.size(), 3u);
  EXPECT_EQ(mixed.snippets.size(), 8u);

  std::vector<Event> pred, all;
  ASSERT_TRUE(LoadEventsJsonl(kData + "/pred_small.jsonl", &pred).ok());
  all = pred;
  ASSERT_TRUE(LoadEventsJsonl(kData + "/snippets_pred.jsonl", &all).ok());
  EvalReport alone = Evaluate(acled, pred, EvalOptions());
  EvalReport r = Evaluate(mixed, all, EvalOptions());
  EXPECT_FALSE(alone.snippets.has_value());
  ASSERT_TRUE(r.snippets.has_value());
  EXPECT_EQ(r.snippets->overall.hit, 5);
  EXPECT_EQ(r.pred_events, alone.pred_events);
  EXPECT_EQ(r.matched, alone.matched);
  EXPECT_EQ(r.unlinked_pred, alone.unlinked_pred + 1);  // the "elsewhere" prediction
  EXPECT_EQ(r.confusion, alone.confusion);

  nlohmann::json j = nlohmann::json::parse(r.ToJson());
  EXPECT_EQ(j["counts"]["matched"], alone.matched);
  EXPECT_EQ(j["snippets"]["accuracy"]["overall"]["correct"], 5);
  EXPECT_FALSE(nlohmann::json::parse(alone.ToJson()).contains("snippets"));
  std::string table = r.ToTable();
  EXPECT_NE(table.find("Event detection"), std::string::npos);
  EXPECT_NE(table.find("Labelled snippets: 8 snippets"), std::string::npos);

  // Snippets alone: only their section.
  GoldSet only;
  ASSERT_TRUE(LoadGold(kData + "/snippets_small.jsonl", &only, nullptr).ok());
  EvalReport s = Evaluate(only, all, EvalOptions());
  EXPECT_EQ(s.ToTable(), s.snippets->ToTable());
  EXPECT_TRUE(nlohmann::json::parse(s.ToJson()).contains("snippets"));
  EXPECT_FALSE(nlohmann::json::parse(s.ToJson()).contains("detection"));
}

}  // namespace
}  // namespace sitrep
