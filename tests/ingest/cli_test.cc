// End-to-end tests of the `sitrep` binary: extract / ingest / events / articles, exit codes and
// the messages on stderr.
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "../shared_data.h"
#include "../sitrep_cli.h"
#include "test_util.h"

namespace sitrep {
namespace {

using testing::TempDir;

const std::string kSitrep = testing::kSitrepBinary;
using Result = testing::CliResult;
using testing::Quote;

// Runs `sitrep <args>` (testing::RunSitrep) with its stderr in `dir`.
Result Sitrep(const TempDir& dir, const std::string& args, const std::string& stdin_file = "",
              const std::string& runner = "") {
  return testing::RunSitrep(args, dir.Path("stderr.txt"), stdin_file, runner);
}

// Parses the summary line "sitrep: read N articles (S skipped, F failed), E events" out of `err`
// into {N, S, F, E}; all -1 when there is none. (sscanf, not std::regex: GCC 12 warns inside
// <regex> under -fsanitize=address.)
std::array<long, 4> Summary(const std::string& err) {
  std::array<long, 4> v{-1, -1, -1, -1};
  size_t at = err.find("sitrep: read ");
  if (at == std::string::npos) return v;
  std::array<long, 4> got{};
  char tail[8] = {};
  if (std::sscanf(err.c_str() + at, "sitrep: read %ld articles (%ld skipped, %ld failed), %ld event%1s", &got[0],
                  &got[1], &got[2], &got[3], tail) == 5)
    v = got;
  return v;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) out.push_back(line);
  return out;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kSitrep)) GTEST_SKIP() << kSitrep << " not built";
  }
  TempDir dir_;
};

TEST_F(CliTest, EveryCommandHasHelpWithExitCodes) {
  for (const char* cmd : {"extract", "ingest", "events", "articles"}) {
    Result r = Sitrep(dir_, std::string(cmd) + " --help");
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_NE(r.out.find("Exit codes"), std::string::npos) << cmd << ": " << r.out;
  }
}

TEST_F(CliTest, UsageErrorsExitTwoAndMissingDatabaseExitsThree) {
  const struct {
    std::string args;
    int code;
    std::string err;  // expected substring of stderr
  } cases[] = {
      {"extract", 2, "files is required"},
      {"extract x.txt --date 2023-02-30", 2, "sitrep: --date '2023-02-30' is not a YYYY-MM-DD date"},
      {"events --db " + Quote(dir_.Path("x.db")) + " --since yesterday", 2,
       "sitrep: --since 'yesterday' is not a YYYY-MM-DD date"},
      {"events --db " + Quote(dir_.Path("x.db")) + " --bbox 1,2,3", 2, "sitrep: --bbox '1,2,3' must be"},
      {"events --db " + Quote(dir_.Path("x.db")) + " --format xml", 2, "xml"},
      {"events --db " + Quote(dir_.Path("nope.db")), 3, "nope.db: no such database"},
      {"articles --db " + Quote(dir_.Path("nope.db")), 3, "nope.db: no such database"},
  };
  for (const auto& c : cases) {
    Result r = Sitrep(dir_, c.args);
    EXPECT_EQ(r.code, c.code) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.err), std::string::npos) << c.args << "\n" << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(dir_.Path("nope.db")));  // query commands never create a database
}

TEST_F(CliTest, ExtractReadsStandardInput) {
  std::string in = dir_.Write("in.txt", "date 2023-01-02 Fighting was reported in Goma.\n");
  Result r = Sitrep(dir_, "extract - --gazetteer none", in);
  EXPECT_EQ(r.code, 0) << r.err;
  std::array<long, 4> sum = Summary(r.err);
  EXPECT_EQ(sum[0], 1) << r.err;
  EXPECT_EQ(sum[1], 0);
  EXPECT_EQ(sum[2], 0);
  EXPECT_EQ(static_cast<size_t>(sum[3]), Lines(r.out).size());  // one JSON line per event
  for (const std::string& line : Lines(r.out)) EXPECT_EQ(line.front(), '{') << line;
}

// Issue #14: a read error on standard input (here: a directory) was reported as an empty file.
TEST_F(CliTest, ReadErrorOnStandardInputIsAnError) {
  Result r = Sitrep(dir_, "extract - --gazetteer none", dir_.path());
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("<stdin>: byte 0: error: read error: Is a directory"), std::string::npos) << r.err;
}

// Issue #14: 70,000 '[' in a JSON line crashed `extract`, `ingest` and `explain` (exit 139).
TEST_F(CliTest, DeeplyNestedJsonLineFailsAloneInEveryCommand) {
  std::string f = dir_.Write("deep.jsonl", "{\"text\":\"a\",\"x\":" + std::string(70000, '[') + "}\n"
                                           "{\"text\":\"Fighting was reported in Goma.\"}\n");
  for (const std::string& cmd : std::vector<std::string>{"extract", "explain", "ingest --db " + Quote(dir_.Path("d.db"))}) {
    Result r = Sitrep(dir_, cmd + " --gazetteer none " + Quote(f));
    EXPECT_EQ(r.code, 1) << cmd << "\n" << r.err;
    EXPECT_NE(r.err.find(f + ":1: byte 271: error: JSON nested deeper than 256 levels"), std::string::npos)
        << cmd << "\n" << r.err;
  }
}

// Issue #14: `events` and `articles` could not read a database on read-only storage (every open
// switched to WAL and migrated). The storage is made read-only with a bind mount in a user namespace;
// the test is skipped where `unshare` is not allowed.
TEST_F(CliTest, QueryCommandsReadADatabaseOnReadOnlyStorage) {
  if (std::system("unshare -rm true 2>/dev/null") != 0) GTEST_SKIP() << "unshare -rm is not allowed here";
  std::string in = dir_.Write("data/a.txt", "date 2023-01-02 Fighting was reported in Goma.\n");
  std::string db = dir_.Path("data/x.db");
  ASSERT_EQ(Sitrep(dir_, "ingest -q --gazetteer none --db " + Quote(db) + " " + Quote(in)).code, 0);
  std::filesystem::create_directory(dir_.Path("ro"));
  const std::string ro_db = dir_.Path("ro/x.db");
  for (const char* cmd : {"events", "articles"}) {
    std::string script = "mount --bind " + Quote(dir_.Path("data")) + " " + Quote(dir_.Path("ro")) +
                         " && mount -o remount,bind,ro " + Quote(dir_.Path("ro")) + " && " + Quote(kSitrep) + " " +
                         cmd + " --db " + Quote(ro_db);
    std::string out_path = dir_.Path(std::string(cmd) + ".out");
    int status = std::system(("unshare -rm sh -c " + Quote(script) + " >" + Quote(out_path) + " 2>&1").c_str());
    std::ifstream out(out_path);
    std::stringstream text;
    text << out.rdbuf();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd << ": " << text.str();
    if (std::string(cmd) == "articles") {
      EXPECT_NE(text.str().find("\"date\":\"2023-01-02\""), std::string::npos) << text.str();
    }
  }
}

// Issue #14: a directory walk skipped an unreadable directory without a word (exit 0). As root every
// directory is readable, so the test then runs sitrep as nobody (setpriv).
TEST_F(CliTest, UnreadableDirectoryIsAnError) {
  std::string runner;
  if (geteuid() == 0) {
    if (std::system("command -v setpriv >/dev/null") != 0) GTEST_SKIP() << "root, and no setpriv to drop it";
    runner = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    if (std::system((runner + "test -x " + Quote(kSitrep)).c_str()) != 0)
      GTEST_SKIP() << "nobody cannot run " << kSitrep;
    std::filesystem::permissions(dir_.path(), std::filesystem::perms::all);  // nobody may enter
  }
  dir_.Write("feed/a.txt", "Fighting was reported in Goma.\n");
  dir_.Write("feed/locked/b.txt", "Fighting was reported in Beni.\n");
  std::filesystem::permissions(dir_.Path("feed/a.txt"), std::filesystem::perms::all);
  std::filesystem::permissions(dir_.Path("feed"), std::filesystem::perms::all);
  std::filesystem::permissions(dir_.Path("feed/locked"), std::filesystem::perms::none);
  Result r = Sitrep(dir_, "extract --gazetteer none " + Quote(dir_.Path("feed")), "", runner);
  std::filesystem::permissions(dir_.Path("feed/locked"), std::filesystem::perms::owner_all);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find(dir_.Path("feed/locked") + ": error: cannot read directory: Permission denied"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Summary(r.err)[0], 1) << r.err;
}

// Issue #14: a file name with a newline could fake a summary line; escape codes reached the terminal.
TEST_F(CliTest, ControlCharactersInFileNamesAreEscaped) {
  const std::string name = "evil\nsitrep: read 99 articles (0 skipped, 0 failed), 0 events\x1B[2J.txt";
  std::string f = dir_.Write(name, "date 2023-02-30 Goma.\n");
  Result r = Sitrep(dir_, "ingest --gazetteer none --db " + Quote(dir_.Path("db\x1B.db")) + " " + Quote(f) + " " +
                              Quote(dir_.Path("gone\r.txt")));
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.err.find('\x1B'), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << r.err;
  std::vector<std::string> summaries;  // lines that start as a summary does
  for (const std::string& line : Lines(r.err))
    if (line.rfind("sitrep: read ", 0) == 0) summaries.push_back(line);
  EXPECT_EQ(summaries, std::vector<std::string>{"sitrep: read 1 articles (0 skipped, 1 failed), 0 events"});
  const std::string escaped = dir_.path() + "/evil\\nsitrep: read 99 articles (0 skipped, 0 failed), 0 events\\x1B[2J.txt";
  EXPECT_NE(r.err.find(escaped + ":1: byte 5: warning: date header"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/gone\\r.txt: error: cannot open"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("new events in " + dir_.path() + "/db\\x1B.db\n"), std::string::npos) << r.err;
}

// Issue #14: re-ingesting an article with a corrected --date silently kept the old date.
TEST_F(CliTest, IngestWarnsWhenADifferentDateIsIgnored) {
  std::string f = dir_.Write("a.txt", "Fighting was reported in Goma.\n");
  std::string db = Quote(dir_.Path("x.db"));
  Result first = Sitrep(dir_, "ingest --gazetteer none --date 2023-01-01 --db " + db + " " + Quote(f));
  ASSERT_EQ(first.code, 0) << first.err;
  Result same = Sitrep(dir_, "ingest --gazetteer none --date 2023-01-01 --db " + db + " " + Quote(f));
  EXPECT_EQ(same.err.find("warning"), std::string::npos) << same.err;
  Result changed = Sitrep(dir_, "ingest --gazetteer none --date 2023-01-02 --db " + db + " " + Quote(f));
  EXPECT_EQ(changed.code, 0) << changed.err;
  EXPECT_NE(changed.err.find(f + ": warning: already stored with date 2023-01-01; this date (2023-01-02) is ignored"),
            std::string::npos)
      << changed.err;
}

// Issue #2: bad inputs in one CLI run with good articles; exact messages, exit code 1, every good
// article stored, and ingesting the same inputs again adds nothing.
TEST_F(CliTest, IngestReportsBadInputsAndIsIdempotent) {
  std::vector<std::string> files = {
      dir_.Write("good.txt", "date 2023-11-07 The M23 rebels captured Bunagana on Monday.\n"),
      dir_.Write("lines.jsonl", "{\"text\":\"Clashes were reported in Rutshuru.\",\"date\":\"2023-11-08\"}\n"
                                "{\"text\":\n"),
      dir_.Write("bad.txt", "Goma \xC3 was shelled.\n"),
      dir_.Write("empty.txt", ""),
      dir_.Write("image.bin", std::string("GIF89a\0\0\0\0", 10)),
      dir_.Write("big.txt", std::string(2000, 'y')),
      dir_.Path("missing.txt"),
  };
  std::string args = "ingest --gazetteer none --max-bytes 1000 --db " + Quote(dir_.Path("x.db"));
  for (const std::string& f : files) args += " " + Quote(f);
  const std::string d = dir_.path() + "/";
  const std::vector<std::string> diagnostics = {
      d + "lines.jsonl:2: byte 74: error: malformed JSON (unexpected end of line at column 9)",
      d + "bad.txt:1: byte 5: warning: invalid UTF-8 replaced with U+FFFD (1 bad sequence)",
      d + "empty.txt: warning: empty file; skipped",
      d + "image.bin: byte 6: warning: binary file (NUL byte); skipped",
      d + "big.txt: warning: article over the size cap of 1000 bytes (--max-bytes); skipped",
      d + "missing.txt: error: cannot open: No such file or directory",
  };
  std::string first_events;
  for (int run = 0; run < 2; ++run) {
    SCOPED_TRACE(run == 0 ? "first ingest" : "second ingest");
    Result r = Sitrep(dir_, args);
    EXPECT_EQ(r.code, 1) << r.err;
    std::vector<std::string> lines = Lines(r.err);
    for (const std::string& want : diagnostics)
      EXPECT_NE(std::find(lines.begin(), lines.end(), want), lines.end()) << "missing: " << want << "\n" << r.err;
    std::array<long, 4> sum = Summary(r.err);
    ASSERT_EQ(sum[0], 3) << r.err;
    EXPECT_EQ(sum[1], 3);
    EXPECT_EQ(sum[2], 2);
    std::string events_read = std::to_string(sum[3]);
    std::string stored = run == 0 ? "stored 3 new articles (0 already stored), " + events_read + " new events in "
                                  : "stored 0 new articles (3 already stored), 0 new events in ";
    EXPECT_NE(r.err.find("sitrep: " + stored + dir_.Path("x.db")), std::string::npos) << r.err;

    Result articles = Sitrep(dir_, "articles --format csv --db " + Quote(dir_.Path("x.db")));
    EXPECT_EQ(articles.code, 0) << articles.err;
    std::vector<std::string> rows = Lines(articles.out);
    ASSERT_EQ(rows.size(), 4u) << articles.out;  // header + 3 articles
    EXPECT_EQ(rows[0], "id,date,source,title,url,language,origin,text_bytes,events,ingested_at\r");
    Result events = Sitrep(dir_, "events --format csv --db " + Quote(dir_.Path("x.db")));
    EXPECT_EQ(events.code, 0) << events.err;
    if (run == 0) {
      EXPECT_EQ(Lines(events.out).size(), 1 + std::stoul(events_read));  // header + one row per event
      first_events = events.out;
    } else {
      EXPECT_EQ(events.out, first_events);  // the second run stored nothing new
    }
  }
}

// The "done when": ingesting the shared samples twice stores the same numbers.
TEST_F(CliTest, SharedSamplesIngestTwiceSameCounts) {
  std::string samples = SITREP_TEST_SHARED_DIR "/samples";
  if (!std::filesystem::is_directory(samples)) GTEST_SKIP() << "no " << samples;
  std::string db = Quote(dir_.Path("s.db"));
  // With the built gazetteer when there is one (scripts/setup), else without places.
  std::string gazetteer = SITREP_TEST_BINARY_DIR "/data/gazetteer.idx";
  std::string ingest = "ingest " + Quote(samples) + " --db " + db +
                       (std::filesystem::exists(gazetteer) ? "" : " --gazetteer none");
  Result first = Sitrep(dir_, ingest);
  ASSERT_EQ(first.code, 0) << first.err;
  Result events1 = Sitrep(dir_, "events --format csv --db " + db);
  Result articles1 = Sitrep(dir_, "articles --db " + db);
  Result second = Sitrep(dir_, ingest);
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_NE(second.err.find("stored 0 new articles (2 already stored), 0 new events"), std::string::npos)
      << second.err;
  EXPECT_EQ(Sitrep(dir_, "events --format csv --db " + db).out, events1.out);
  EXPECT_EQ(Lines(Sitrep(dir_, "articles --db " + db).out).size(), 2u);
  EXPECT_EQ(Lines(articles1.out).size(), 2u);
  EXPECT_EQ(events1.out.rfind("event_id,article_id,source,url,title,date,", 0), 0u);
}

// Place lessons: a village one report places with a hint ("Kyavisogho (Beni, Nord-Kivu)") is placed in
// that province in another report of the same run; --no-learn-places turns it off.
TEST_F(CliTest, ExtractPlacesAVillageAnotherReportPlaced) {
  const std::string gazetteer = SITREP_TEST_BINARY_DIR "/data/gazetteer.idx";
  if (!std::filesystem::exists(gazetteer)) GTEST_SKIP() << "no gazetteer index (scripts/setup)";
  dir_.Write("batch/a.txt", "date 2024-03-03 ADF rebels attacked Kyavisogho (Beni, Nord-Kivu) and killed four civilians.\n");
  dir_.Write("batch/b.txt", "date 2024-03-09 Unidentified gunmen abducted two farmers near Kyavisogho.\n");
  dir_.Write("batch/c.txt", "date 2024-03-11 Police dispersed a march of teachers on Monday.\n");
  dir_.Write("batch/d.txt", "date 2024-03-05 FARDC soldiers clashed with ADF rebels near Oicha.\n");
  dir_.Write("batch/e.txt", "date 2024-03-07 Gunmen looted shops in Butembo, North Kivu, overnight.\n");
  dir_.Write("batch/f.txt", "date 2024-03-08 Congolese police in Beni arrested three men.\n");
  auto location_of_abduction = [&](const std::string& flags) {
    Result r = Sitrep(dir_, "extract " + Quote(dir_.Path("batch")) + flags);
    EXPECT_EQ(r.code, 0) << r.err;
    for (const std::string& line : Lines(r.out)) {
      nlohmann::json e = nlohmann::json::parse(line);
      if (e["evidence"]["sentence"].get<std::string>().find("abducted") != std::string::npos) return e["location"];
    }
    ADD_FAILURE() << "no abduction event:\n" << r.out;
    return nlohmann::json();
  };
  nlohmann::json learned = location_of_abduction("");
  ASSERT_TRUE(learned.is_object()) << learned;
  EXPECT_EQ(learned["admin1"], "North Kivu");
  EXPECT_EQ(learned["precision"], 3);
  EXPECT_EQ(learned["text"], "Kyavisogho");
  EXPECT_TRUE(location_of_abduction(" --no-learn-places").is_null());
  // A report that names no place is about the batch's main country (two thirds of its reports, at least
  // three: here four of six): its police are the Congolese police.
  auto police_id = [&](const std::string& dir, const std::string& flags) {
    Result r = Sitrep(dir_, "extract " + Quote(dir_.Path(dir)) + flags);
    for (const std::string& line : Lines(r.out)) {
      nlohmann::json e = nlohmann::json::parse(line);
      if (e["evidence"]["sentence"].get<std::string>().find("march") != std::string::npos && e["actor1"].is_object())
        return e["actor1"].value("id", std::string("(no id)"));
    }
    return std::string("(no event)");
  };
  EXPECT_EQ(police_id("batch", ""), "COD_POL");
  EXPECT_EQ(police_id("batch", " --no-learn-places"), "");
  // A report whose places contest their country keeps to them: not the batch's country.
  dir_.Write("contested/c.txt", "date 2024-03-11 Police dispersed a march in Kigali and in Kampala.\n");
  for (const std::string f : {"a.txt", "d.txt", "e.txt", "f.txt"})
    std::filesystem::copy_file(dir_.Path("batch/" + f), dir_.Path("contested/" + f));
  EXPECT_NE(police_id("contested", ""), "COD_POL");
  // One report about a country is no batch about it.
  dir_.Write("mixed/a.txt", "date 2024-03-03 Bandits attacked Gusau on Monday.\n");
  dir_.Write("mixed/c.txt", "date 2024-03-11 Police dispersed a march of teachers on Monday.\n");
  EXPECT_EQ(police_id("mixed", ""), "");
  // Standard input cannot be read twice: no lesson, a note, and the article is still extracted.
  Result piped = Sitrep(dir_, "extract -", dir_.Path("batch/b.txt"));
  EXPECT_EQ(piped.code, 0) << piped.err;
  EXPECT_EQ(Lines(piped.out).size(), 1u) << piped.out;
  EXPECT_NE(piped.err.find("standard input cannot be read twice"), std::string::npos) << piped.err;
  // `gazetteer learn` lists the lesson: name, province, country, reports.
  Result learn = Sitrep(dir_, "gazetteer learn " + Quote(dir_.Path("batch")));
  EXPECT_EQ(learn.code, 0) << learn.err;
  EXPECT_EQ(learn.out, "Kyavisogho\tNorth Kivu\tCD\t1\n");
  EXPECT_NE(learn.err.find("1 names placed by the articles' hints; the reports' countries: CD 100%; main country: CD"),
            std::string::npos)
      << learn.err;
}

// ---- Output formats and --jobs (issue #13 items 3 and 5) ----

const std::string kExamples = SITREP_TEST_SOURCE_DIR "/examples/articles";

// " --gazetteer none" when the build has no gazetteer index (then no event has coordinates).
std::string GazetteerFlag() {
  return std::filesystem::exists(SITREP_TEST_BINARY_DIR "/data/gazetteer.idx") ? "" : " --gazetteer none";
}

// ACLED's export header, written out here independently of the code (acleddata.com's column order).
const char* kAcledHeader =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

TEST_F(CliTest, ExtractWritesAcledCsvAndGeoJson) {
  Result acled = Sitrep(dir_, "extract -q --format acled-csv " + Quote(kExamples) + GazetteerFlag());
  ASSERT_EQ(acled.code, 0) << acled.err;
  std::vector<std::string> rows = Lines(acled.out);
  ASSERT_GT(rows.size(), 1u);
  EXPECT_EQ(rows[0], std::string(kAcledHeader) + "\r");

  Result located = Sitrep(dir_, "extract --format geojson " + Quote(kExamples) + GazetteerFlag());
  ASSERT_EQ(located.code, 0) << located.err;
  nlohmann::json fc = nlohmann::json::parse(located.out);
  EXPECT_EQ(fc["type"], "FeatureCollection");
  Result all = Sitrep(dir_, "extract -q --format geojson --keep-unlocated " + Quote(kExamples) + GazetteerFlag());
  ASSERT_EQ(all.code, 0) << all.err;
  nlohmann::json every = nlohmann::json::parse(all.out);
  EXPECT_EQ(every["features"].size(), Lines(acled.out).size() - 1);  // one feature per event
  const size_t unlocated = every["features"].size() - fc["features"].size();
  if (unlocated > 0)
    EXPECT_NE(located.err.find(std::to_string(unlocated) + " events without coordinates left out of the GeoJSON"),
              std::string::npos)
        << located.err;
  for (const auto& f : every["features"]) {
    if (f["geometry"].is_null()) continue;
    for (const auto& c : f["geometry"]["coordinates"]) {
      std::string text = c.dump();
      EXPECT_LE(text.size() - text.find('.') - 1, 5u) << text;  // at most 5 decimals
    }
  }
}

// eval --save-pred writes with the same writers and options as extract.
TEST_F(CliTest, EvalSavesPredictionsInTheOutputFormat) {
  std::string saved = dir_.Path("pred.geojson");
  Result r = Sitrep(dir_, "eval -q --gold " + Quote(SITREP_TEST_SOURCE_DIR "/tests/fixtures/gold/samples.jsonl") +
                              " --articles " + Quote(kExamples) + " --save-pred " + Quote(saved) +
                              " --format geojson --keep-unlocated" + GazetteerFlag());
  ASSERT_EQ(r.code, 0) << r.err;
  std::ifstream in(saved);
  nlohmann::json fc = nlohmann::json::parse(in);
  Result extracted = Sitrep(dir_, "extract -q " + Quote(kExamples) + GazetteerFlag());
  EXPECT_EQ(fc["features"].size(), Lines(extracted.out).size());
}

TEST_F(CliTest, FormatIsTheOutputAndInputFormatTheInput) {
  const struct {
    std::string args, err;
  } cases[] = {
      {"extract --format text x.txt", "the input format is --input-format text"},
      {"ingest --format csv x.txt", "ingest stores events"},
      {"explain --format jsonl x.txt", "explain prints a report"},
      {"events --format xml", "unknown output format 'xml'"},
  };
  for (const auto& c : cases) {
    Result r = Sitrep(dir_, c.args);
    EXPECT_EQ(r.code, 2) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.err), std::string::npos) << c.args << "\n" << r.err;
  }
  std::string in = dir_.Write("a.txt", "{\"text\": \"Fighting was reported in Goma.\"}\n");
  Result as_text = Sitrep(dir_, "extract -q --gazetteer none --input-format text " + Quote(in));
  EXPECT_EQ(as_text.code, 0) << as_text.err;
}

// The same events in the same order whatever --jobs, on the examples and on many small articles whose
// order shows in their text ("day N").
TEST_F(CliTest, JobsDoNotChangeTheOutput) {
  for (int i = 0; i < 60; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "many/a%03d.txt", i);
    dir_.Write(name, "date 2024-01-02 Rebels attacked the army base in Beni on day " + std::to_string(i) +
                         ", killing " + std::to_string(i + 2) + " soldiers.\n");
  }
  for (const std::string& input : {kExamples, dir_.Path("many")}) {
    Result one = Sitrep(dir_, "extract -q --jobs 1 " + Quote(input) + GazetteerFlag());
    Result four = Sitrep(dir_, "extract -q --jobs 4 " + Quote(input) + GazetteerFlag());
    ASSERT_EQ(one.code, 0) << one.err;
    ASSERT_EQ(four.code, 0) << four.err;
    EXPECT_FALSE(one.out.empty());
    EXPECT_EQ(four.out, one.out) << input;
  }
  Result many = Sitrep(dir_, "extract -q --jobs 3 --format csv " + Quote(dir_.Path("many")) + GazetteerFlag());
  int last_day = -1;
  for (const std::string& row : Lines(many.out)) {
    size_t at = row.find(" on day ");
    if (at == std::string::npos) continue;
    int day = std::stoi(row.substr(at + 8));
    EXPECT_GE(day, last_day) << row;
    last_day = day;
  }
  EXPECT_EQ(last_day, 59);
}

TEST_F(CliTest, IngestWithJobsStoresTheSameAsOneJob) {
  std::string one_db = Quote(dir_.Path("one.db")), four_db = Quote(dir_.Path("four.db"));
  ASSERT_EQ(Sitrep(dir_, "ingest -q --jobs 1 --db " + one_db + " " + Quote(kExamples) + GazetteerFlag()).code, 0);
  ASSERT_EQ(Sitrep(dir_, "ingest -q --jobs 4 --db " + four_db + " " + Quote(kExamples) + GazetteerFlag()).code, 0);
  Result one = Sitrep(dir_, "events --db " + one_db);
  EXPECT_FALSE(one.out.empty());
  EXPECT_EQ(Sitrep(dir_, "events --db " + four_db).out, one.out);
}

TEST_F(CliTest, ProgressLineWhenAskedFor) {
  std::string in = dir_.Write("a.txt", "date 2023-01-02 Fighting was reported in Goma.\n");
  Result r = Sitrep(dir_, "extract --progress --gazetteer none " + Quote(in));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("/1 files] 1 articles ("), std::string::npos) << r.err;  // the file may not be done yet
  EXPECT_NE(r.err.find(" MB, ETA "), std::string::npos) << r.err;
  Result quiet = Sitrep(dir_, "extract -q --progress --gazetteer none " + Quote(in));
  EXPECT_EQ(quiet.err, "");
}

// A Python with pandas (Debian's python3-pandas: /usr/bin/python3 even when another python3 comes
// first on PATH); "" when there is none.
std::string PythonWithPandas() {
  for (const char* python : {"python3", "/usr/bin/python3"}) {
    if (std::system((std::string(python) + " -c 'import pandas' >/dev/null 2>&1").c_str()) == 0) return python;
  }
  return "";
}

TEST_F(CliTest, AcledCsvConcatenatesWithAcledInPandas) {
  const std::string python = PythonWithPandas();
  if (python.empty()) GTEST_SKIP() << "no python3 with pandas (Debian: python3-pandas; scripts/setup installs it)";
  Result ours = Sitrep(dir_, "extract -q --format acled-csv " + Quote(kExamples) + GazetteerFlag());
  ASSERT_EQ(ours.code, 0) << ours.err;
  std::string ours_csv = dir_.Write("ours.csv", ours.out);
  std::string acled_csv = dir_.Write("acled.csv", std::string(kAcledHeader) + "\n" +
                                                      "X1,2024-01-01,2024,1,Political violence,Battles,Armed clash,"
                                                      "A,,2,B,,1,12,,180,Middle Africa,C,D,E,,F,1.5,2.5,1,S,,N,0,,1\n");
  std::string gold = SITREP_TEST_SHARED_DIR "/gold/acled_greatlakes_dev.csv";
  std::string cmd = python + " " + Quote(SITREP_TEST_SOURCE_DIR "/tests/ingest/acled_concat.py") + " " +
                    Quote(ours_csv) + " " + Quote(acled_csv) + (std::filesystem::exists(gold) ? " " + Quote(gold) : "") +
                    " >" + Quote(dir_.Path("py.txt")) + " 2>&1";
  int status = std::system(cmd.c_str());
  std::ifstream in(dir_.Path("py.txt"));
  std::stringstream said;
  said << in.rdbuf();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << said.str();
}

TEST_F(CliTest, OgrinfoReadsTheGeoJson) {
  if (std::system("command -v ogrinfo >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "no ogrinfo (Debian: gdal-bin; scripts/setup installs it)";
  for (const std::string& keep : {"", " --keep-unlocated"}) {
    Result r = Sitrep(dir_, "extract -q --format geojson" + keep + " " + Quote(kExamples) + GazetteerFlag());
    ASSERT_EQ(r.code, 0) << r.err;
    const size_t features = nlohmann::json::parse(r.out)["features"].size();
    std::string file = dir_.Write("events.geojson", r.out);
    std::string out_path = dir_.Path("ogr.txt");
    int status = std::system(("ogrinfo -ro -al -so " + Quote(file) + " >" + Quote(out_path) + " 2>&1").c_str());
    std::ifstream in(out_path);
    std::stringstream said;
    said << in.rdbuf();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << keep << "\n" << said.str();
    EXPECT_NE(said.str().find("Feature Count: " + std::to_string(features)), std::string::npos) << keep << "\n" << said.str();
  }
}

// Issue #13: `dict import` reads the three Phoenix actor files (warning with file:line about what it
// cannot use), writes a user dictionary folder, and `extract --dict` loads it alongside ours: a
// name only the imported files know is coded, the ids they share with ours extend ours.
TEST_F(CliTest, PhoenixDictionariesImportIntoAUserFolder) {
  const std::string phoenix = "dictionaries/phoenix/";
  for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"})
    SITREP_SKIP_WITHOUT_SHARED(phoenix + f);
  std::string inputs;
  for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"})
    inputs += " " + Quote(testing::SharedPath(phoenix + f));
  std::string user = dir_.Path("user-dict");
  Result imp = Sitrep(dir_, "dict import" + inputs + " --out " + Quote(user));
  ASSERT_EQ(imp.code, 0) << imp.err;
  long actors = -1, warnings = -1;
  size_t at = imp.err.rfind('\n', imp.err.size() - 2);
  ASSERT_EQ(std::sscanf(imp.err.c_str() + at + 1, "%ld actors imported, %ld warnings", &actors, &warnings), 2) << imp.err;
  EXPECT_GT(actors, 20000);
  EXPECT_GT(warnings, 50);
  EXPECT_NE(imp.err.find("Phoenix.Countries.actors.txt:2039: bad date restriction '9008223-911221'"), std::string::npos);
  for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"})
    EXPECT_TRUE(std::filesystem::exists(user + "/" + f)) << f;

  std::string article = dir_.Write("a.txt", "date 2024-01-05\nThe Abu Nidal Organization attacked a police post in Goma.\n");
  Result ours = Sitrep(dir_, "extract --gazetteer none " + Quote(article));
  EXPECT_EQ(ours.out.find("\"IMGMUSALQ\""), std::string::npos) << ours.out;
  Result with = Sitrep(dir_, "extract --gazetteer none --dict " + Quote(user) + " " + Quote(article));
  EXPECT_EQ(with.code, 0) << with.err;
  EXPECT_NE(with.out.find("\"id\":\"IMGMUSALQ\""), std::string::npos) << with.out;
  EXPECT_NE(with.err.find("AFG is already defined at"), std::string::npos) << with.err;  // a warning, not an error
  Result env = Sitrep(dir_, "dict lookup 'Abu Nidal Organization'", "", "SITREP_DICT_PATH=" + Quote(user) + " ");
  EXPECT_EQ(env.code, 0) << env.err;
  EXPECT_NE(env.out.find("\"id\": \"IMGMUSALQ\""), std::string::npos) << env.out;
}

// The README's lines: import our example dictionary, then `extract --dict DIR FILES...`, where --dict
// takes one folder and leaves the files after it to extract.
TEST_F(CliTest, ExampleDictionaryImportsAndDictTakesOneFolder) {
  const std::string examples = SITREP_TEST_SOURCE_DIR "/examples";
  Result imp = Sitrep(dir_, "dict import " + Quote(examples + "/dictionaries/example.actors") + " --out " +
                                Quote(dir_.Path("my-dict")));
  ASSERT_EQ(imp.code, 0) << imp.err;
  const std::string files = Quote(examples + "/articles/ituri_attack.txt") + " " +
                            Quote(examples + "/articles/goma_protest.txt");
  Result plain = Sitrep(dir_, "extract --gazetteer none " + files);
  Result with = Sitrep(dir_, "extract --gazetteer none --dict " + Quote(dir_.Path("my-dict")) + " " + files);
  EXPECT_EQ(with.code, 0) << with.err;
  EXPECT_EQ(with.out, plain.out);
  EXPECT_FALSE(plain.out.empty());
  std::string article = dir_.Write("plf.txt", "date 2024-05-02\nThe Pelargir Liberation Front attacked an army post on Tuesday.\n");
  Result named = Sitrep(dir_, "extract --gazetteer none --dict " + Quote(dir_.Path("my-dict")) + " " + Quote(article));
  EXPECT_NE(named.out.find("\"id\":\"CLH_REB\""), std::string::npos) << named.out << named.err;
}

TEST_F(CliTest, DictImportRefusesOurOwnDictionary) {
  std::string in = dir_.Write("my.actors", "CALENARDHON_ [CLH]\n");
  Result r = Sitrep(dir_, "dict import " + Quote(in) + " --out " + Quote(SITREP_TEST_SOURCE_DIR "/data/actors"));
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("is sitrep's own dictionary"), std::string::npos) << r.err;
  std::string other = dir_.Write("other/my.actors", "MINAS_TIRITH_ [CLHGOV]\n");
  Result ok = Sitrep(dir_, "dict import " + Quote(in) + " " + Quote(other) + " --out " + Quote(dir_.Path("d")));
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_TRUE(std::filesystem::exists(dir_.Path("d/my.actors.txt")));
  EXPECT_TRUE(std::filesystem::exists(dir_.Path("d/my-2.actors.txt")));  // a second input of the same name
}

}  // namespace
}  // namespace sitrep
