// Reading gold (ACLED CSV, JSON lines, directories) and predictions (JSON lines, SQLite).
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sitrep/eval.h"
#include "sitrep/store.h"

namespace sitrep {
namespace {

const std::string kData = std::string(SITREP_TEST_SOURCE_DIR) + "/tests/eval/data";

TEST(AcledDate, BothSpellings) {
  struct {
    const char* in;
    const char* want;  // nullptr: rejected
  } cases[] = {
      {"2023-11-06", "2023-11-06"}, {"06 November 2023", "2023-11-06"}, {"6 Nov 2023", "2023-11-06"},
      {"06-November-2023", "2023-11-06"}, {" 2024-02-29 ", "2024-02-29"}, {"2023/11/06", "2023-11-06"},
      {"2023-02-29", nullptr},      {"31 April 2023", nullptr},        {"sometime", nullptr},
      {"", nullptr},                {"06 Novembr 2023", nullptr},      {"2023-11-06x", nullptr},
  };
  for (const auto& c : cases) {
    std::optional<std::string> got = ParseAcledDate(c.in);
    if (c.want) {
      ASSERT_TRUE(got.has_value()) << c.in;
      EXPECT_EQ(*got, c.want) << c.in;
    } else {
      EXPECT_FALSE(got.has_value()) << c.in << " -> " << got.value_or("");
    }
  }
}

TEST(AcledDate, DayNumber) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("1970-01-02"), 1);
  EXPECT_EQ(*DayNumber("2024-03-01") - *DayNumber("2024-02-28"), 2);  // leap year
  EXPECT_EQ(*DayNumber("2023-03-01") - *DayNumber("2023-02-28"), 1);
  EXPECT_FALSE(DayNumber("2023-13-01").has_value());
  EXPECT_FALSE(DayNumber("06 November 2023").has_value());
}

TEST(ActorKey, Default) {
  struct {
    const char* in;
    const char* want;
  } cases[] = {
      {"M23: March 23 Movement", "m23 march 23 movement"},
      {"Military Forces of the Democratic Republic of Congo (2019-)",
       "military forces of the democratic republic of congo"},
      {"Police Forces of Burundi (2005-2020)", "police forces of burundi"},
      {"Civilians (Democratic Republic of Congo)", "civilians democratic republic of congo"},
      {"  Mai-Mai  Militia ", "mai mai militia"},
      {"Forces Armées", "forces arm\xc3\xa9" "es"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(DefaultActorKey(c.in), c.want) << c.in;
}

// ACLED writes admin1 names as the country uses them ("Nord-Kivu"), GeoNames in English.
TEST(AdminKey, FrenchAndEnglishSpellingsOfOneProvinceAreEqual) {
  EXPECT_EQ(AdminKey("Nord-Kivu"), AdminKey("North Kivu"));
  EXPECT_EQ(AdminKey("Sud-Kivu"), AdminKey("South Kivu"));
  EXPECT_EQ(AdminKey("\xC3\x89quateur"), AdminKey("Equateur"));
  EXPECT_EQ(AdminKey("Kongo-Central"), AdminKey("Kongo Central"));
  EXPECT_EQ(AdminKey("Borno State"), AdminKey("Borno"));
  EXPECT_EQ(AdminKey("Ituri Province"), AdminKey("Ituri"));
  EXPECT_EQ(AdminKey("Rutshuru Territory"), AdminKey("Rutshuru"));  // GeoNames' DR Congo admin2 names
  EXPECT_NE(AdminKey("North Kivu"), AdminKey("South Kivu"));
  EXPECT_NE(AdminKey("Nord-Ubangi"), AdminKey("Sud-Ubangi"));
  EXPECT_EQ(AdminKey("State"), "state");  // a name that is only the dropped word stays
}

// Transliterations of one name differ in doubled letters and c/k; distinct provinces stay apart.
TEST(AdminKey, TransliterationsOfOneNameAreEqual) {
  EXPECT_EQ(AdminKey("Lower Shabeelle"), AdminKey("Lower Shabelle"));
  EXPECT_EQ(AdminKey("Hiiraan"), AdminKey("Hiraan"));
  EXPECT_EQ(AdminKey("Atakora"), AdminKey("Atacora"));
  EXPECT_NE(AdminKey("Tshopo"), AdminKey("Tshuapa"));
  EXPECT_NE(AdminKey("Kasai"), AdminKey("Kasai-Central"));
}

TEST(AcledCsv, ReadsRowsQuotesAndBothDateFormats) {
  GoldSet gold;
  Diagnostics diag;
  Status s = LoadGold(kData + "/acled_small.csv", &gold, &diag);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(gold.events.size(), 3u);  // COD9003 has an unreadable date and is skipped
  ASSERT_EQ(gold.articles.size(), 3u);
  ASSERT_EQ(diag.warnings(), 1);
  EXPECT_NE(diag.all()[0].message.find("sometime"), std::string::npos);
  EXPECT_EQ(diag.all()[0].line, 5);  // the quoted multi-line note in row 2 spans lines 3-4

  const Event& e = gold.events[0];
  EXPECT_EQ(e.article_id, "COD9001");
  EXPECT_EQ(e.acled_event_type, "Battles");
  EXPECT_EQ(e.acled_sub_event_type, "Armed clash");
  EXPECT_EQ(e.actor1.name, "M23: March 23 Movement");
  EXPECT_EQ(e.actor2.name, "Military Forces of the Democratic Republic of Congo (2019-)");
  ASSERT_TRUE(e.location.has_value());
  EXPECT_EQ(e.location->name, "Kitshanga");
  EXPECT_EQ(e.location->admin1, "North Kivu");
  EXPECT_DOUBLE_EQ(e.location->lat, -1.35);
  EXPECT_DOUBLE_EQ(e.location->lon, 28.98);
  EXPECT_EQ(e.location->precision, 1);
  EXPECT_EQ(e.date, "2023-11-06");
  EXPECT_EQ(e.counts.killed.best, 3);
  EXPECT_NE(gold.articles[0].text.find("\"according to local sources\""), std::string::npos);
  EXPECT_EQ(gold.articles[0].source, "Hand-made test row");
  EXPECT_EQ(gold.articles[0].date, "2023-11-06");

  EXPECT_EQ(gold.events[1].date, "2023-11-07");  // "07 November 2023"
  EXPECT_NE(gold.articles[1].text.find("\nEleven people"), std::string::npos);
  EXPECT_EQ(gold.events[2].counts.killed.best, 0);
  EXPECT_TRUE(gold.events[2].actor2.empty());
}

TEST(AcledCsv, HeaderProblems) {
  struct {
    const char* csv;
    bool ok;
    size_t events;
  } cases[] = {
      {"event_date,event_type,notes\n2023-01-02,Riots,Text one\n", true, 1},
      {"event_date,event_type,notes\r\n2023-01-02,Riots,Text one\r\n\r\n", true, 1},  // CRLF, blank line
      {"event_date,event_type\n2023-01-02,Riots\n", false, 0},                       // no notes column
      {"", false, 0},
      {"event_date,event_type,notes\n2023-01-02,Riots,\"unterminated\n", false, 0},
      {"event_date,event_type,notes\n2023-01-02,Riots,\n", true, 0},  // empty notes: skipped
  };
  for (const auto& c : cases) {
    GoldSet gold;
    Status s = ParseAcledCsv(c.csv, "t.csv", &gold, nullptr);
    EXPECT_EQ(s.ok(), c.ok) << c.csv << " " << s.ToString();
    EXPECT_EQ(gold.events.size(), c.events) << c.csv;
  }
  GoldSet gold;
  ASSERT_TRUE(ParseAcledCsv("event_date,event_type,notes\n2023-01-02,Riots,x\n", "t.csv", &gold, nullptr).ok());
  EXPECT_EQ(gold.events[0].article_id, "t.csv:2");  // no event_id_cnty column
  EXPECT_FALSE(gold.events[0].location.has_value());
}

TEST(LoadGold, DirectoryReadsCsvAndJsonl) {
  GoldSet gold;
  Diagnostics diag;
  Status s = LoadGold(kData + "/gold_dir", &gold, &diag);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(gold.files.size(), 2u);  // README.md is not gold
  EXPECT_EQ(gold.events.size(), 5u);
  EXPECT_EQ(gold.articles.size(), 3u);  // only the CSV brings articles
  EXPECT_EQ(gold.events[3].plover_type, "ASSAULT");
  EXPECT_EQ(gold.events[4].location->name, "Walikale");
}

TEST(LoadGold, SaysWhenThereIsNothing) {
  std::string empty = std::string(SITREP_TEST_BINARY_DIR) + "/eval_test_empty_gold";
  std::filesystem::create_directories(empty);
  GoldSet gold;
  Status s = LoadGold(empty, &gold, nullptr);
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_NE(s.message().find("no gold files"), std::string::npos);
  EXPECT_TRUE(LoadGold(kData + "/does-not-exist", &gold, nullptr).IsNotFound());
  EXPECT_FALSE(LoadGold(kData + "/gold_dir/README.md", &gold, nullptr).ok());
}

TEST(LoadEvents, JsonLinesSkipsBadLines) {
  std::string path = std::string(SITREP_TEST_BINARY_DIR) + "/eval_test_pred.jsonl";
  {
    std::ofstream out(path);
    out << "{\"article_id\":\"A\",\"plover_type\":\"FIGHT\"}\n\n{\"bogus_field\":1}\nnot json\n"
        << "{\"article_id\":\"B\"}\r\n";
  }
  std::vector<Event> events;
  Diagnostics diag;
  ASSERT_TRUE(LoadEventsJsonl(path, &events, &diag).ok());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].article_id, "B");
  ASSERT_EQ(diag.errors(), 2);
  EXPECT_EQ(diag.all()[0].line, 3);
  EXPECT_EQ(diag.all()[1].line, 4);
  EXPECT_FALSE(LoadEventsJsonl(path + ".missing", &events, &diag).ok());
}

TEST(LoadEvents, FromStore) {
  std::string path = std::string(SITREP_TEST_BINARY_DIR) + "/eval_test_store.db";
  std::filesystem::remove(path);
  {
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(path, StoreOptions(), &store).ok());
    Article a;
    a.id = "A";
    a.text = "M23 fought the army. Then it took Bunagana.";
    Event fight, seize;
    fight.article_id = seize.article_id = "A";
    fight.plover_type = "FIGHT";
    seize.plover_type = "ASSAULT";
    fight.evidence.start = 0;
    seize.evidence.start = 21;
    fight.event_id = ComputeEventId(fight);
    seize.event_id = ComputeEventId(seize);
    Store::Batch batch;
    batch.emplace_back(a, std::vector<Event>{fight, seize});
    Status s = store->Write(batch, nullptr);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  std::vector<Event> events;
  Status s = LoadEventsFromDb(path, &events, nullptr);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(events.size(), 2u);
  std::set<std::string> types = {events[0].plover_type, events[1].plover_type};
  EXPECT_EQ(types, (std::set<std::string>{"FIGHT", "ASSAULT"}));
  EXPECT_EQ(events[0].article_id, "A");
  EXPECT_FALSE(LoadEventsFromDb(path + ".missing", &events, nullptr).ok());
  EXPECT_FALSE(std::filesystem::exists(path + ".missing"));  // not created by reading
}

TEST(Report, SmallGoldEndToEnd) {
  GoldSet gold;
  ASSERT_TRUE(LoadGold(kData + "/acled_small.csv", &gold, nullptr).ok());
  std::vector<Event> pred;
  ASSERT_TRUE(LoadEventsJsonl(kData + "/pred_small.jsonl", &pred, nullptr).ok());
  EvalReport r = Evaluate(gold, pred, EvalOptions());
  EXPECT_EQ(r.gold_events, 3);
  EXPECT_EQ(r.pred_events, 3);
  EXPECT_EQ(r.unlinked_pred, 1);
  EXPECT_EQ(r.matched, 2);  // COD9004 is predicted with the wrong type
  EXPECT_NEAR(r.f1, 2.0 / 3, 1e-9);
  EXPECT_EQ(r.actor2.hit, 1);  // COD9001: same after dropping "(2019-)"; COD9002: civilians / FARDC
  EXPECT_EQ(r.actor2.total, 2);
  EXPECT_EQ(r.actor1.hit, 2);  // COD9001: pred id equals the gold name; COD9002: same name
  EXPECT_EQ(r.within_1km.hit, 1);
  EXPECT_EQ(r.within_25km.hit, 2);
  EXPECT_EQ(r.fatalities_exact.hit, 1);
  EXPECT_DOUBLE_EQ(r.fatalities_mae, 0.5);
  EXPECT_EQ((r.confusion[{"Strategic developments", "Battles"}]), 1);
  // Per type: every gold event counted under its type, every match under its gold's type.
  int64_t labelled = 0, both = 0, predicted = 0;
  for (const auto& [type, t] : r.by_event_type) labelled += t.labelled, both += t.both, predicted += t.predicted;
  EXPECT_EQ(labelled, r.gold_events);
  EXPECT_EQ(both, r.matched);
  EXPECT_EQ(predicted, r.pred_events);

  nlohmann::json j = nlohmann::json::parse(r.ToJson());
  EXPECT_EQ(j["counts"]["matched"], 2);
  EXPECT_EQ(j["fields"]["fatalities_exact"]["total"], 2);
  EXPECT_TRUE(j["worst"].is_array());
  EXPECT_FALSE(j["worst"].empty());
  std::string table = r.ToTable();
  for (const char* want : {"precision", "actor1", "within 25 km", "confusion", "Worst examples", "COD9004",
                           "Detection by ACLED event type"}) {
    EXPECT_NE(table.find(want), std::string::npos) << want;
  }
}

// ACLED codes no talks or bare figures: a prediction without an ACLED type in an ACLED-style article
// is set aside (counted apart), not a false alarm; one with a wrong ACLED type still is.
TEST(Report, PredictionsWithoutAnAcledTypeAreOutsideAcledGold) {
  GoldSet gold;
  ASSERT_TRUE(LoadGold(kData + "/acled_small.csv", &gold, nullptr).ok());
  std::vector<Event> pred;
  ASSERT_TRUE(LoadEventsJsonl(kData + "/pred_small.jsonl", &pred, nullptr).ok());
  const EvalReport before = Evaluate(gold, pred, EvalOptions());
  Event talks = pred.front();
  talks.plover_type = "CONSULT";
  talks.acled_event_type.clear();
  talks.acled_sub_event_type.clear();
  pred.push_back(talks);
  const EvalReport r = Evaluate(gold, pred, EvalOptions());
  EXPECT_EQ(r.outside_acled_pred, 1);
  EXPECT_EQ(r.pred_events, before.pred_events);
  EXPECT_EQ(r.unlinked_pred, before.unlinked_pred);
  EXPECT_DOUBLE_EQ(r.precision, before.precision);
  EXPECT_NE(r.ToTable().find("1 more without an ACLED type"), std::string::npos);
}

}  // namespace
}  // namespace sitrep
