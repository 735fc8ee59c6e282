#include <sqlite3.h>

#include <gtest/gtest.h>

#include <filesystem>

#include "sitrep/store.h"

namespace sitrep {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/t.db";
    ASSERT_TRUE(Store::Open(path_, StoreOptions(), &store_).ok());
  }
  void TearDown() override {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  static Article MakeArticle(const std::string& text, const std::string& date = "2023-11-07") {
    Article a;
    a.text = text;
    a.date = date;
    a.source = "example.org";
    a.title = "T: " + text.substr(0, 10);
    a.origin = "test.txt";
    a.id = ComputeArticleId(a.source, a.url, a.text);
    return a;
  }

  static Event MakeEvent(const std::string& type, const std::string& actor1_id, const std::string& date,
                         std::optional<Location> loc, const std::string& actor1_country = "") {
    Event e;
    e.plover_type = type;
    e.acled_event_type = type == "FIGHT" ? "Battles" : "Violence against civilians";
    e.acled_sub_event_type = type == "FIGHT" ? "Armed clash" : "Attack";
    e.actor1 = {actor1_id == "M23" ? "March 23 Movement" : actor1_id, actor1_id, "rebel group", actor1_country, actor1_id};
    e.actor2 = {"Armed Forces of the DRC", "FARDC", "military", "COD", "FARDC"};
    if (!date.empty()) e.date = date;
    e.location = loc;
    e.evidence = {"s", 0, 1, 0, 1};
    e.trigger = "clash";
    return e;
  }

  std::vector<std::string> Query(const EventQuery& q) {
    std::vector<std::string> out;
    Status s = store_->QueryEvents(q, [&](const Event& e) {
      out.push_back(e.plover_type + "/" + e.actor1.id + "/" + e.date.value_or("-"));
      return Status::OK();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  std::string dir_, path_;
  std::unique_ptr<Store> store_;
};

const Location kGoma{"Goma", 216281, -1.6792, 29.2228, "North Kivu", "", "CD", 1, "Goma"};
const Location kKigali{"Kigali", 202061, -1.9499, 30.0588, "Kigali", "", "RW", 1, "Kigali"};
const Location kUnresolved{"the hills", 0, 0, 0, "", "", "", 0, "the hills"};

TEST_F(StoreTest, FreshDatabaseIsMigratedToTheLatestSchemaInWalMode) {
  EXPECT_EQ(store_->SchemaVersion(), Store::LatestSchemaVersion());
  EXPECT_GE(Store::LatestSchemaVersion(), 1);
  EXPECT_TRUE(store_->Migrate().ok());  // idempotent
  store_.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  // A database written by a newer sitrep is refused, not damaged.
  sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  std::unique_ptr<Store> again;
  Status s = Store::Open(path_, StoreOptions(), &again);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("schema version 99 is newer than this sitrep knows"), std::string::npos) << s.message();
}

TEST_F(StoreTest, OpenErrors) {
  std::unique_ptr<Store> s;
  StoreOptions no_create;
  no_create.create_if_missing = false;
  EXPECT_TRUE(Store::Open(dir_ + "/absent.db", no_create, &s).IsNotFound());
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/absent.db"));
  std::string junk = dir_ + "/junk.db";
  FILE* f = fopen(junk.c_str(), "w");
  fputs("this is not a database, just text that is long enough to have a header........", f);
  fclose(f);
  EXPECT_EQ(Store::Open(junk, StoreOptions(), &s).code(), Status::Code::kCorruption);
}

TEST_F(StoreTest, WriteIsIdempotentByArticleIdAndEventsLinkToArticles) {
  Store::Batch batch;
  batch.emplace_back(MakeArticle("One."), std::vector<Event>{MakeEvent("FIGHT", "M23", "2023-11-06", kGoma),
                                                               MakeEvent("ASSAULT", "M23", "2023-11-06", std::nullopt)});
  batch.emplace_back(MakeArticle("Two."), std::vector<Event>{});
  WriteStats ws;
  ASSERT_TRUE(store_->Write(batch, &ws).ok());
  EXPECT_EQ(ws.articles_new, 2);
  EXPECT_EQ(ws.articles_existing, 0);
  EXPECT_EQ(ws.events_new, 2);
  WriteStats again;
  ASSERT_TRUE(store_->Write(batch, &again).ok());
  EXPECT_EQ(again.articles_new, 0);
  EXPECT_EQ(again.articles_existing, 2);
  EXPECT_EQ(again.events_new, 0);
  int64_t articles = 0, events = 0;
  ASSERT_TRUE(store_->CountArticles(&articles).ok());
  ASSERT_TRUE(store_->CountEvents(&events).ok());
  EXPECT_EQ(articles, 2);
  EXPECT_EQ(events, 2);
  std::vector<Event> got;
  ASSERT_TRUE(store_->QueryEvents({}, [&](const Event& e) {
    got.push_back(e);
    return Status::OK();
  }).ok());
  ASSERT_EQ(got.size(), 2u);
  for (const Event& e : got) {
    EXPECT_EQ(e.article_id, batch[0].first.id);
    EXPECT_EQ(e.event_id.size(), 16u);  // filled in when missing
  }
  std::vector<int64_t> counts;
  ASSERT_TRUE(store_->ListArticles([&](const ArticleInfo& a) {
    counts.push_back(a.events);
    return Status::OK();
  }).ok());
  EXPECT_EQ(counts, (std::vector<int64_t>{2, 0}));
}

TEST_F(StoreTest, HasArticleSaysWhatIsStored) {
  Article one = MakeArticle("One.");
  bool stored = true;
  ASSERT_TRUE(store_->HasArticle(one.id, &stored).ok());
  EXPECT_FALSE(stored);
  Store::Batch batch;
  batch.emplace_back(one, std::vector<Event>{});
  WriteStats ws;
  ASSERT_TRUE(store_->Write(batch, &ws).ok());
  ASSERT_TRUE(store_->HasArticle(one.id, &stored).ok());
  EXPECT_TRUE(stored);
  ASSERT_TRUE(store_->HasArticle(MakeArticle("Two.").id, &stored).ok());
  EXPECT_FALSE(stored);
}

TEST_F(StoreTest, FailedBatchWritesNothing) {
  Store::Batch batch;
  batch.emplace_back(MakeArticle("Good."), std::vector<Event>{MakeEvent("FIGHT", "M23", "", std::nullopt)});
  Article no_id = MakeArticle("No id.");
  no_id.id.clear();
  batch.emplace_back(no_id, std::vector<Event>{});
  EXPECT_FALSE(store_->Write(batch, nullptr).ok());
  int64_t n = -1;
  ASSERT_TRUE(store_->CountArticles(&n).ok());
  EXPECT_EQ(n, 0);
  ASSERT_TRUE(store_->CountEvents(&n).ok());
  EXPECT_EQ(n, 0);
}

TEST_F(StoreTest, GetArticleRoundTripsEveryField) {
  Article a = MakeArticle("Text with \xE2\x80\x94 a dash.");
  a.url = "https://example.org/x";
  a.language = "fr";
  a.metadata = {{"tags", "[\"drc\",1]"}, {"author", "\"Jane\""}};
  ASSERT_TRUE(store_->Write({{a, {}}}, nullptr).ok());
  Article back;
  ASSERT_TRUE(store_->GetArticle(a.id, &back).ok());
  EXPECT_EQ(back.text, a.text);
  EXPECT_EQ(back.title, a.title);
  EXPECT_EQ(back.date, a.date);
  EXPECT_EQ(back.url, a.url);
  EXPECT_EQ(back.language, "fr");
  EXPECT_EQ(back.metadata, a.metadata);
  EXPECT_TRUE(store_->GetArticle("nope", &back).IsNotFound());
}

TEST_F(StoreTest, QueryFilters) {
  Store::Batch batch;
  batch.emplace_back(MakeArticle("A."), std::vector<Event>{
                                            MakeEvent("FIGHT", "M23", "2023-11-06", kGoma, "COD"),
                                            MakeEvent("ASSAULT", "ADF", "2023-10-01", kKigali, "UGA"),
                                            MakeEvent("ASSAULT", "CODECO", "", kUnresolved),
                                            MakeEvent("FIGHT", "M23", "2024-01-15", std::nullopt, "COD"),
                                        });
  ASSERT_TRUE(store_->Write(batch, nullptr).ok());
  auto q = [](auto fill) {
    EventQuery query;
    fill(query);
    return query;
  };
  const struct {
    const char* name;
    EventQuery query;
    std::vector<std::string> want;
  } cases[] = {
      {"all, by date, undated last", {},
       {"ASSAULT/ADF/2023-10-01", "FIGHT/M23/2023-11-06", "FIGHT/M23/2024-01-15", "ASSAULT/CODECO/-"}},
      {"since", q([](EventQuery& e) { e.since = "2023-11-01"; }), {"FIGHT/M23/2023-11-06", "FIGHT/M23/2024-01-15"}},
      {"until inclusive", q([](EventQuery& e) { e.until = "2023-11-06"; }),
       {"ASSAULT/ADF/2023-10-01", "FIGHT/M23/2023-11-06"}},
      {"actor id, any case", q([](EventQuery& e) { e.actor = "m23"; }), {"FIGHT/M23/2023-11-06", "FIGHT/M23/2024-01-15"}},
      {"actor name", q([](EventQuery& e) { e.actor = "march 23 movement"; }),
       {"FIGHT/M23/2023-11-06", "FIGHT/M23/2024-01-15"}},
      {"actor2 matches too", q([](EventQuery& e) { e.actor = "FARDC"; }),
       {"ASSAULT/ADF/2023-10-01", "FIGHT/M23/2023-11-06", "FIGHT/M23/2024-01-15", "ASSAULT/CODECO/-"}},
      {"plover type", q([](EventQuery& e) { e.type = "assault"; }), {"ASSAULT/ADF/2023-10-01", "ASSAULT/CODECO/-"}},
      {"acled type", q([](EventQuery& e) { e.type = "Battles"; }), {"FIGHT/M23/2023-11-06", "FIGHT/M23/2024-01-15"}},
      {"acled sub-type", q([](EventQuery& e) { e.type = "armed clash"; }),
       {"FIGHT/M23/2023-11-06", "FIGHT/M23/2024-01-15"}},
      {"location country ISO2", q([](EventQuery& e) { e.country = "rw"; }), {"ASSAULT/ADF/2023-10-01"}},
      {"actor country ISO3", q([](EventQuery& e) { e.country = "UGA"; }), {"ASSAULT/ADF/2023-10-01"}},
      {"bbox around Goma", q([](EventQuery& e) { e.bbox = std::array<double, 4>{29.0, -2.0, 29.5, -1.5}; }),
       {"FIGHT/M23/2023-11-06"}},
      {"bbox across the antimeridian", q([](EventQuery& e) { e.bbox = std::array<double, 4>{170, -90, 29.5, 90}; }),
       {"FIGHT/M23/2023-11-06"}},
      {"filters combine", q([](EventQuery& e) { e.actor = "M23"; e.until = "2023-12-31"; }),
       {"FIGHT/M23/2023-11-06"}},
      {"limit", q([](EventQuery& e) { e.limit = 1; }), {"ASSAULT/ADF/2023-10-01"}},
      {"no match", q([](EventQuery& e) { e.actor = "nobody"; }), {}},
  };
  for (const auto& c : cases) EXPECT_EQ(Query(c.query), c.want) << c.name;
}

TEST(EventFormats, CsvQuotingAndColumns) {
  EXPECT_EQ(CsvRecord({"a", "b,c", "say \"hi\"", "two\nlines", ""}), "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  Event e;
  e.event_id = "e1";
  e.plover_type = "FIGHT";
  e.location = Location{"Goma", 216281, -1.6792, 29.2228, "North Kivu", "", "CD", 1, "Goma"};
  e.counts.killed.best = 12;
  e.evidence.sentence = "Fighting, again, in \"Goma\".";
  std::vector<std::string> values = EventColumnValues(e);
  ASSERT_EQ(values.size(), EventColumns().size());
  auto col = [&](const std::string& name) {
    auto it = std::find(EventColumns().begin(), EventColumns().end(), name);
    EXPECT_NE(it, EventColumns().end()) << name;
    return values[it - EventColumns().begin()];
  };
  EXPECT_EQ(col("plover_type"), "FIGHT");
  EXPECT_EQ(col("lat"), "-1.6792");
  EXPECT_EQ(col("lon"), "29.2228");
  EXPECT_EQ(col("killed_best"), "12");
  EXPECT_EQ(col("killed_low"), "");
  EXPECT_EQ(col("date"), "");
  EXPECT_EQ(col("sentence"), "Fighting, again, in \"Goma\".");
  EXPECT_TRUE(HasCoordinates(e));
  std::string f = EventToGeoJsonFeature(e);
  EXPECT_NE(f.find(R"("geometry":{"type":"Point","coordinates":[29.2228,-1.6792]})"), std::string::npos) << f;
  EXPECT_NE(f.find(R"("killed_best":12)"), std::string::npos) << f;
  e.location->geonames_id = 0;
  e.location->precision = 0;
  EXPECT_FALSE(HasCoordinates(e));
  EXPECT_NE(EventToGeoJsonFeature(e).find(R"("geometry":null)"), std::string::npos);
  EXPECT_EQ(EventColumnValues(e)[std::find(EventColumns().begin(), EventColumns().end(), "lat") - EventColumns().begin()], "");
}

}  // namespace
}  // namespace sitrep
