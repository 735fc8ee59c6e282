// The event writers of sitrep/output.h (issue #13 item 3): one test per format, and the ACLED mapping as
// a table of cases.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "../shared_data.h"
#include "sitrep/output.h"
#include "sitrep/store.h"
#include "store/acled.h"

namespace sitrep {
namespace {

const std::string kDataDir = SITREP_TEST_SOURCE_DIR "/data";

// The event every test writes, as a (schema v2) JSON line; coordinates with float noise.
Event LocatedEvent() {
  Event e;
  Status s = EventFromJson(R"({"event_id":"e1","article_id":"a1","source":"example.org",
    "url":"https://example.org/1","title":"Clashes near Goma","plover_type":"FIGHT",
    "acled_event_type":"Battles","acled_sub_event_type":"Armed clash",
    "actor1":{"name":"March 23 Movement","id":"M23","type":"rebel group","country":"COD","text":"M23 rebels"},
    "actor2":{"name":"Military of the DR Congo","id":"COD_MIL","type":"military","country":"COD","text":"the army"},
    "location":{"name":"Goma","geonames_id":216281,"lat":-1.6792400000000001,"lon":29.222800000000003,
                "admin1":"North Kivu","admin2":"Nyiragongo","country_code":"CD","precision":1,"text":"Goma"},
    "date":"2023-11-06","date_precision":"day","counts":{"killed":{"low":3,"best":5,"high":null}},
    "evidence":{"sentence":"M23 rebels clashed with the army near Goma, killing at least 3."}})",
                           &e);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return e;
}

Event UnlocatedEvent() {
  Event e = LocatedEvent();
  e.event_id = "e2";
  e.location.reset();
  return e;
}

std::string Write(OutputOptions options, const std::vector<Event>& events, int64_t* unlocated = nullptr) {
  options.data_dir = kDataDir;
  std::ostringstream out;
  std::unique_ptr<EventWriter> writer;
  Status s = EventWriter::Open(options, &out, &writer);
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok()) return "";
  for (const Event& e : events) EXPECT_TRUE(writer->Write(e).ok());
  EXPECT_TRUE(writer->Finish().ok());
  if (unlocated) *unlocated = writer->unlocated();
  return out.str();
}

TEST(OutputFormat, NamesRoundTripAndUnknownNamesAreRefused) {
  for (const std::string& name : OutputFormatNames()) {
    OutputFormat f;
    EXPECT_TRUE(ParseOutputFormat(name, &f).ok()) << name;
    EXPECT_EQ(OutputFormatNames()[static_cast<size_t>(f)], name);
  }
  OutputFormat f;
  Status s = ParseOutputFormat("xml", &f);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("acled-csv"), std::string::npos) << s.message();
}

TEST(JsonLinesWriter, KeysInSchemaOrderAndCoordinatesRounded) {
  std::string line = Write({}, {LocatedEvent()});
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.back(), '\n');
  // docs/schema.md's order of the top-level fields.
  const std::vector<std::string> order = {"schema",   "event_id",   "article_id", "source",   "url",
                                          "title",    "plover_type", "plover_mode", "cameo_code",
                                          "acled_event_type", "acled_sub_event_type", "actor1", "actor2",
                                          "location", "date",       "date_precision", "counts", "modality",
                                          "claimant", "confidence", "evidence", "trigger"};
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(line);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, order);
  EXPECT_NE(line.find(R"("lat":-1.67924,"lon":29.2228)"), std::string::npos) << line;
  EXPECT_NE(line.find(R"("source":"example.org","url":"https://example.org/1","title":"Clashes near Goma")"),
            std::string::npos);
  Event back;
  ASSERT_TRUE(EventFromJson(line.substr(0, line.size() - 1), &back).ok());
  EXPECT_EQ(back.title, "Clashes near Goma");
}

TEST(CsvWriter, HeaderThenOneRowPerEvent) {
  OutputOptions o;
  o.format = OutputFormat::kCsv;
  std::string csv = Write(o, {LocatedEvent(), UnlocatedEvent()});
  EXPECT_EQ(csv.rfind(CsvRecord(EventColumns()), 0), 0u);
  EXPECT_NE(csv.find(",example.org,https://example.org/1,Clashes near Goma,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",-1.67924,29.2228,"), std::string::npos) << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);
}

TEST(GeoJsonWriter, LeavesOutOrKeepsUnlocatedEvents) {
  OutputOptions o;
  o.format = OutputFormat::kGeoJson;
  int64_t unlocated = -1;
  nlohmann::json left_out = nlohmann::json::parse(Write(o, {LocatedEvent(), UnlocatedEvent()}, &unlocated));
  EXPECT_EQ(left_out["type"], "FeatureCollection");
  ASSERT_EQ(left_out["features"].size(), 1u);
  EXPECT_EQ(unlocated, 1);
  EXPECT_EQ(left_out["features"][0]["geometry"]["coordinates"].dump(), "[29.2228,-1.67924]");

  o.keep_unlocated = true;
  nlohmann::json kept = nlohmann::json::parse(Write(o, {LocatedEvent(), UnlocatedEvent()}, &unlocated));
  ASSERT_EQ(kept["features"].size(), 2u);
  EXPECT_EQ(unlocated, 0);
  EXPECT_TRUE(kept["features"][1]["geometry"].is_null());
  EXPECT_EQ(kept["features"][1]["id"], "e2");
  EXPECT_TRUE(nlohmann::json::parse(Write(o, {}))["features"].empty());
}

TEST(AcledCsvWriter, HeaderIsAcledsColumns) {
  OutputOptions o;
  o.format = OutputFormat::kAcledCsv;
  std::string csv = Write(o, {LocatedEvent()});
  EXPECT_EQ(csv.rfind(CsvRecord(AcledColumns()), 0), 0u) << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 2);
}

// ACLED's values of one event, by column name.
std::map<std::string, std::string> AcledRow(const Event& e) {
  acled::Codes codes;
  Status s = acled::Codes::Load(kDataDir, &codes);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::vector<std::string> values = codes.Row(e);
  std::map<std::string, std::string> row;
  for (size_t i = 0; i < values.size(); ++i) row[AcledColumns()[i]] = values[i];
  return row;
}

TEST(AcledCsvWriter, MapsOurFieldsToAcleds) {
  std::map<std::string, std::string> row = AcledRow(LocatedEvent());
  const std::map<std::string, std::string> want = {
      {"event_id_cnty", "e1"},        {"event_date", "2023-11-06"}, {"year", "2023"},
      {"time_precision", "1"},        {"disorder_type", "Political violence"},
      {"event_type", "Battles"},      {"sub_event_type", "Armed clash"},
      {"actor1", "March 23 Movement"}, {"inter1", "2"},
      {"actor2", "Military of the DR Congo"}, {"inter2", "1"}, {"interaction", "12"},
      {"civilian_targeting", ""},     {"country", "Democratic Republic of Congo"},
      {"admin1", "North Kivu"},       {"admin2", "Nyiragongo"}, {"admin3", ""},
      {"location", "Goma"},           {"latitude", "-1.67924"}, {"longitude", "29.2228"},
      {"geo_precision", "1"},         {"source", "example.org"},
      {"notes", "M23 rebels clashed with the army near Goma, killing at least 3."},
      {"fatalities", "3"},            {"assoc_actor_1", ""}, {"timestamp", ""}};
  for (const auto& [column, value] : want) EXPECT_EQ(row[column], value) << column;
}

TEST(AcledCsvWriter, CodesAsATable) {
  const struct {
    std::string what;
    std::function<void(Event&)> change;
    std::string column, value;
  } cases[] = {
      {"protesters alone", [](Event& e) { e.actor1 = {"Protesters", "PROTESTERS", "civilians", "", ""}; e.actor2 = {}; },
       "interaction", "60"},
      {"rioters", [](Event& e) { e.actor1 = {"Rioters", "RIOTERS", "civilians", "", ""}; }, "inter1", "5"},
      {"militia vs civilians", [](Event& e) {
         e.actor1 = {"CODECO", "CODECO", "militia", "COD", ""};
         e.actor2 = {"Civilians", "CIVILIANS", "civilians", "", ""};
         e.acled_event_type = "Violence against civilians";
         e.acled_sub_event_type = "Attack";
       }, "interaction", "37"},
      {"civilians targeted", [](Event& e) {
         e.actor2 = {"Civilians", "CIVILIANS", "civilians", "", ""};
         e.acled_event_type = "Violence against civilians";
         e.acled_sub_event_type = "Attack";
       }, "civilian_targeting", "Civilian targeting"},
      {"peacekeepers", [](Event& e) { e.actor1 = {"MONUSCO", "MONUSCO", "IGO", "", ""}; }, "inter1", "8"},
      {"a person has no code", [](Event& e) { e.actor1 = {"X", "X", "person", "", ""}; }, "inter1", ""},
      {"week", [](Event& e) { e.date_precision = "week"; }, "time_precision", "2"},
      {"month", [](Event& e) { e.date_precision = "month"; }, "time_precision", "3"},
      {"report date", [](Event& e) { e.date_precision = "report"; }, "time_precision", "2"},
      {"no date", [](Event& e) { e.date.reset(); e.date_precision = "unknown"; }, "time_precision", ""},
      {"province", [](Event& e) { e.location->precision = 3; }, "geo_precision", "3"},
      {"no place", [](Event& e) { e.location.reset(); }, "latitude", ""},
      {"country from actor1", [](Event& e) { e.location.reset(); }, "country", "Democratic Republic of Congo"},
      {"no count", [](Event& e) { e.counts.killed = {}; }, "fatalities", "0"},
      {"best only", [](Event& e) { e.counts.killed.low.reset(); }, "fatalities", "5"},
      {"protest", [](Event& e) { e.acled_event_type = "Protests"; e.acled_sub_event_type = "Peaceful protest"; },
       "disorder_type", "Demonstrations"},
  };
  for (const auto& c : cases) {
    Event e = LocatedEvent();
    c.change(e);
    EXPECT_EQ(AcledRow(e)[c.column], c.value) << c.what;
  }
}

TEST(AcledCsvWriter, MissingTableIsAnErrorNamingIt) {
  OutputOptions o;
  o.format = OutputFormat::kAcledCsv;
  o.data_dir = "/nonexistent";
  std::ostringstream out;
  std::unique_ptr<EventWriter> writer;
  Status s = EventWriter::Open(o, &out, &writer);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent/output/acled.tsv"), std::string::npos) << s.message();
}

// ACLED's own export (the development gold) has a subset of the columns, in the same order.
TEST(AcledCsvWriter, AcledGoldColumnsComeInOurOrder) {
  SITREP_SKIP_WITHOUT_SHARED("gold/acled_greatlakes_dev.csv");
  std::ifstream in(testing::SharedPath("gold/acled_greatlakes_dev.csv"));
  std::string header;
  std::getline(in, header);
  if (!header.empty() && header.back() == '\r') header.pop_back();
  std::stringstream ss(header);
  size_t at = 0;
  for (std::string column; std::getline(ss, column, ',');) {
    auto it = std::find(AcledColumns().begin() + static_cast<std::ptrdiff_t>(at), AcledColumns().end(), column);
    ASSERT_NE(it, AcledColumns().end()) << column << " missing or out of order";
    at = static_cast<size_t>(it - AcledColumns().begin()) + 1;
  }
}

}  // namespace
}  // namespace sitrep
