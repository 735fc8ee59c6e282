// The dataset through the command line: ingest, events, control, articles --delete (docs/cli.md).
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "../shared_data.h"
#include "../sitrep_cli.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

const std::string kWalikale = SITREP_TEST_SOURCE_DIR "/examples/walikale";

class DatasetCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sitrep_dataset_cli_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = " --db " + (dir_ / "w.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  // Runs `sitrep <args>`; stderr is kept in the test's folder.
  testing::CliResult Sitrep(const std::string& args) const {
    return testing::RunSitrep(args, (dir_ / "stderr.txt").string());
  }
  fs::path dir_;
  std::string db_;
};

TEST_F(DatasetCli, WalikaleTimelineFromOurFollowUps) {
  ASSERT_EQ(Sitrep("ingest -q " + kWalikale + db_).code, 0);
  testing::CliResult timeline = Sitrep("control --place walikale" + db_);
  ASSERT_EQ(timeline.code, 0);
  EXPECT_NE(timeline.out.find("2025-03-19 .. 2025-03-22 (withdrawal announced)  held by M23"), std::string::npos)
      << timeline.out;
  EXPECT_NE(timeline.out.find("claimed by: M23 rebels"), std::string::npos) << timeline.out;
  EXPECT_NE(timeline.out.find("evidence: M23 rebels seized the town of Walikale on Wednesday"), std::string::npos);
  EXPECT_NE(timeline.out.find("2025-04-04 .. (still held)  held by COD_MIL"), std::string::npos) << timeline.out;

  testing::CliResult on = Sitrep("control --on 2025-03-21 --country CD --format jsonl" + db_);
  EXPECT_EQ(on.code, 0);
  EXPECT_EQ(std::count(on.out.begin(), on.out.end(), '\n'), 1) << on.out;
  EXPECT_NE(on.out.find("\"id\":\"M23\""), std::string::npos) << on.out;
  EXPECT_EQ(Sitrep("control" + db_).code, 2);  // neither --place nor --on

  const std::string events = Sitrep("events --mentions" + db_).out;
  ASSERT_EQ(Sitrep("ingest -q " + kWalikale + db_).code, 0);  // re-ingest: nothing changes
  EXPECT_EQ(Sitrep("events --mentions" + db_).out, events);
}

// Dataset events in ACLED's CSV: ACLED's header, one row per incident, its source naming every publisher;
// in GeoJSON, --keep-unlocated keeps the events without coordinates.
TEST_F(DatasetCli, DatasetEventsInAcledCsvAndGeoJson) {
  ASSERT_EQ(Sitrep("ingest -q " + kWalikale + db_).code, 0);
  const std::string jsonl = Sitrep("events" + db_).out;
  const auto incidents = std::count(jsonl.begin(), jsonl.end(), '\n');
  testing::CliResult acled = Sitrep("events --format acled-csv" + db_);
  ASSERT_EQ(acled.code, 0);
  EXPECT_EQ(acled.out.rfind("event_id_cnty,event_date,year,time_precision,disorder_type,event_type", 0), 0u) << acled.out;
  EXPECT_EQ(std::count(acled.out.begin(), acled.out.end(), '\n'), incidents + 1);
  const std::string kept = Sitrep("events --format geojson --keep-unlocated" + db_).out;
  const std::string located = Sitrep("events --format geojson" + db_).out;
  const auto features = [](const std::string& s) {
    size_t n = 0;
    for (size_t at = s.find("\"type\":\"Feature\""); at != std::string::npos; at = s.find("\"type\":\"Feature\"", at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(static_cast<int64_t>(features(kept)), incidents);
  EXPECT_LE(features(located), features(kept));
}

TEST_F(DatasetCli, DeletingTheOnlyReportOfATakingEndsItsPeriod) {
  ASSERT_EQ(Sitrep("ingest -q " + kWalikale + "/2025-04-05_retaken.txt" + db_).code, 0);
  testing::CliResult articles = Sitrep("articles --format csv" + db_);
  size_t line = articles.out.find('\n');
  ASSERT_NE(line, std::string::npos);
  const std::string id = articles.out.substr(line + 1, articles.out.find(',', line) - line - 1);
  EXPECT_NE(Sitrep("control --place Walikale" + db_).out.find("held by COD_MIL"), std::string::npos);
  EXPECT_EQ(Sitrep("articles -q --delete " + id + db_).code, 0);
  EXPECT_EQ(Sitrep("control --place Walikale" + db_).out, "");
  EXPECT_EQ(Sitrep("events" + db_).out, "");
  EXPECT_EQ(Sitrep("articles -q --delete " + id + db_).code, 1);  // no longer stored
}

// An edited rules file makes the next ingest rebuild the dataset, even with nothing new to store.
TEST_F(DatasetCli, EditedRulesRebuildTheDataset) {
  const fs::path data = dir_ / "data";
  fs::copy(SITREP_TEST_SOURCE_DIR "/data", data, fs::copy_options::recursive);
  const std::string flags = " -q --data-dir " + data.string() + " " + kWalikale + db_;
  ASSERT_EQ(Sitrep("ingest" + flags).code, 0);
  EXPECT_NE(Sitrep("control --place Walikale" + db_).out.find("held by M23"), std::string::npos);
  // Walikale is also a district's name: with districts skipped it has no periods.
  std::ofstream(data / "dataset" / "rules.txt", std::ios::app) << "control_skip admin2\n";
  ASSERT_EQ(Sitrep("ingest" + flags).code, 0);
  EXPECT_EQ(Sitrep("control --place Walikale" + db_).out, "");
}

// The check: the seed report plus our follow-ups show M23 holding Walikale from the capture.
TEST_F(DatasetCli, SeedArticleAndFollowUps) {
  SITREP_SKIP_WITHOUT_SHARED("samples/001_560bd95e9cff5d9e.txt");
  const std::string seed = testing::SharedPath("samples/001_560bd95e9cff5d9e.txt");
  ASSERT_EQ(Sitrep("ingest -q --date 2025-03-20 " + seed + " " + kWalikale + db_).code, 0);
  testing::CliResult timeline = Sitrep("control --place Walikale" + db_);
  EXPECT_NE(timeline.out.find("2025-03-19 .. 2025-03-22 (withdrawal announced)  held by M23"), std::string::npos)
      << timeline.out;
  EXPECT_NE(timeline.out.find("evidence: Rwanda-backed M23 rebels captured the town of Walikale"), std::string::npos)
      << timeline.out;
  EXPECT_NE(timeline.out.find("www.mymotherlode.com"), std::string::npos) << timeline.out;
}

}  // namespace
}  // namespace sitrep
