// The JSON API of `sitrep serve` (docs/api.md), against a server on a free loopback port.
#include <httplib.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sitrep/serve.h"

namespace sitrep {
namespace {

using nlohmann::json;

// The test database: 3 articles, 60 events on 30 days of 2024 plus 6 undated ones.
constexpr int kDatedEvents = 60, kUndatedEvents = 6;

Event MakeEvent(const Article& a, int i) {
  Event e;
  e.article_id = a.id;
  bool battle = i % 3 == 0;
  e.plover_type = battle ? "FIGHT" : "PROTEST";
  e.acled_event_type = battle ? "Battles" : "Protests";
  e.actor1 = {"March 23 Movement", "M23", "rebel group", "COD", "M23"};
  if (i % 2) e.actor1 = {"Protesters (DR Congo)", "", "protesters", "COD", "protesters"};
  if (i < kDatedEvents) e.date = fmt::format("2024-{:02d}-{:02d}", 1 + i / 28 % 12, 1 + i % 28 / 2 * 2);
  Location loc;
  loc.name = i % 4 ? "Goma" : "Bunia";
  loc.geonames_id = i % 4 ? 216281 : 217831;
  loc.lat = i % 4 ? -1.68 : 1.56;
  loc.lon = i % 4 ? 29.22 : 30.25;
  loc.admin1 = i % 4 ? "North Kivu" : "Ituri";
  loc.country_code = "CD";
  loc.precision = 1;
  e.location = loc;
  e.evidence.sentence = battle ? fmt::format("Fighting number {} erupted near the town.", i)
                               : fmt::format("Crowds marched in protest number {}.", i);
  e.evidence.start = 0;
  e.evidence.end = static_cast<int64_t>(e.evidence.sentence.size());
  e.evidence.trigger_start = battle ? 0 : 7;
  e.evidence.trigger_end = battle ? 8 : 14;
  e.trigger = battle ? "fight" : "march";
  e.event_id = fmt::format("ev{:03d}", i);
  return e;
}

class ServeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-serve-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = new std::string(tmpl);
    WriteDatabase(*dir_ + "/events.db");
    std::filesystem::create_directories(*dir_ + "/web");
    std::ofstream(*dir_ + "/web/index.html") << "<html>sitrep</html>";
    std::ofstream(*dir_ + "/secret.txt") << "not for the web";
    ASSERT_TRUE(OpenStoreEventSource(*dir_ + "/events.db", &source_).ok());
    ServeOptions options;
    options.port = 0;
    options.web_root = *dir_ + "/web";
    options.max_body_bytes = 1000;
    server_ = new ApiServer(source_.get(), options);
    Status s = server_->Bind();
    ASSERT_TRUE(s.ok()) << s.ToString();
    thread_ = new std::thread([] { server_->Run(); });
  }
  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    source_.reset();
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }

  static void WriteDatabase(const std::string& path) {
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(path, {}, &store).ok());
    Store::Batch batch;
    for (int a = 0; a < 3; ++a) {
      Article article;
      article.title = fmt::format("Report {}", a);
      article.text = fmt::format("Article {} text. Fighting erupted near the town.", a);
      article.date = "2024-03-01";
      article.source = "example.org";
      article.id = ComputeArticleId(article.source, "", article.text);
      std::vector<Event> events;
      for (int i = a; i < kDatedEvents + kUndatedEvents; i += 3) events.push_back(MakeEvent(article, i));
      batch.emplace_back(article, events);
    }
    ASSERT_TRUE(store->Write(batch, nullptr).ok());
  }

  static httplib::Client Client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_connection_timeout(5);
    return c;
  }
  // GETs `path` and parses the JSON body; expects `status`.
  static json GetJson(const std::string& path, int status = 200) {
    auto res = Client().Get(path.c_str());
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, status) << path << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type").rfind("application/json", 0), 0u) << path;
    return json::parse(res->body, nullptr, false);
  }
  // The message of a JSON error answer to `path`, which must have `status`.
  static std::string ErrorOf(const std::string& path, int status) {
    json j = GetJson(path, status);
    EXPECT_EQ(j["error"]["status"], status) << path;
    return j["error"]["message"].is_string() ? j["error"]["message"].get<std::string>() : "";
  }
  // Every event id the API lists for `query`, walking the pages of `page_size`.
  static std::vector<std::string> AllPages(const std::string& query, int page_size) {
    std::vector<std::string> ids;
    std::string cursor;
    for (int pages = 0; pages < 1000; ++pages) {
      std::string path = fmt::format("/api/events?limit={}{}", page_size, query);
      if (!cursor.empty()) path += "&cursor=" + httplib::detail::encode_query_param(cursor);
      json j = GetJson(path);
      for (const json& e : j["events"]) ids.push_back(e["event_id"]);
      if (j["next_cursor"].is_null()) break;
      cursor = j["next_cursor"];
    }
    return ids;
  }
  // The event ids `sitrep events` would print for `q`, in its order.
  static std::vector<std::string> StoreOrder(const EventQuery& q) {
    std::unique_ptr<Store> store;
    EXPECT_TRUE(Store::Open(*dir_ + "/events.db", {}, &store).ok());
    std::vector<std::string> ids;
    EXPECT_TRUE(store->QueryEvents(q, [&](const Event& e) {
      ids.push_back(e.event_id);
      return Status::OK();
    }).ok());
    return ids;
  }

  static std::string* dir_;
  static std::unique_ptr<EventSource> source_;
  static ApiServer* server_;
  static std::thread* thread_;
};
std::string* ServeApiTest::dir_;
std::unique_ptr<EventSource> ServeApiTest::source_;
ApiServer* ServeApiTest::server_;
std::thread* ServeApiTest::thread_;

TEST_F(ServeApiTest, PagesWalkEveryEventOnceInTheCliOrder) {
  std::vector<std::string> all = StoreOrder({});
  ASSERT_EQ(all.size(), size_t(kDatedEvents + kUndatedEvents));
  EXPECT_EQ(AllPages("", 7), all);   // the last dated and first undated events share a page
  EXPECT_EQ(AllPages("", 66), all);  // exactly one full page: no next cursor
  EXPECT_EQ(AllPages("", 5000), all);
  // With a text search SQL pages instead of the in-memory summary: the same walk.
  EXPECT_EQ(AllPages("&q=number", 7), all);
  EXPECT_EQ(AllPages("&q=number", 66), all);
}

TEST_F(ServeApiTest, FiltersMatchTheCli) {
  EventQuery battles;
  battles.type = "battles";
  EXPECT_EQ(AllPages("&type=battles", 4), StoreOrder(battles));
  EventQuery m23;
  m23.actor = "M23";
  m23.since = "2024-01-10";
  m23.until = "2024-02-10";
  EXPECT_EQ(AllPages("&actor=M23&since=2024-01-10&until=2024-02-10", 3), StoreOrder(m23));
  EXPECT_FALSE(StoreOrder(m23).empty());
  EventQuery bunia;
  bunia.bbox = std::array<double, 4>{30, 1, 31, 2};
  bunia.country = "cd";
  EXPECT_EQ(AllPages("&bbox=30,1,31,2&country=cd", 10), StoreOrder(bunia));
  EXPECT_EQ(StoreOrder(bunia).size(), size_t((kDatedEvents + kUndatedEvents + 3) / 4));
}

TEST_F(ServeApiTest, TextSearchLooksInTheEvidenceSentence) {
  std::vector<std::string> ids = AllPages("&q=NUMBER%2012%20erupted", 10);
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(GetJson("/api/events/" + ids[0])["event"]["evidence"]["sentence"], "Fighting number 12 erupted near the town.");
  EXPECT_TRUE(AllPages("&q=100%25", 10).empty());  // % is a character, not a wildcard
}

TEST_F(ServeApiTest, OneEventHasItsMentionsAndArticleItsEvidenceSpans) {
  json page = GetJson("/api/events?limit=1");
  std::string id = page["events"][0]["event_id"];
  json one = GetJson("/api/events/" + id);
  EXPECT_EQ(one["event"]["event_id"], id);
  ASSERT_EQ(one["mentions"].size(), 1u);
  std::string article_id = one["mentions"][0]["article_id"];
  EXPECT_EQ(one["mentions"][0]["article_title"].get<std::string>().rfind("Report ", 0), 0u);
  json article = GetJson("/api/articles/" + article_id);
  EXPECT_THAT(article["text"].get<std::string>(), ::testing::HasSubstr("Fighting erupted"));
  EXPECT_EQ(article["evidence"].size(), 22u);
  EXPECT_TRUE(article["evidence"][0].contains("trigger_start"));
  EXPECT_THAT(ErrorOf("/api/events/nosuchid", 404), ::testing::HasSubstr("nosuchid"));
  EXPECT_THAT(ErrorOf("/api/articles/nosuchid", 404), ::testing::HasSubstr("nosuchid"));
}

TEST_F(ServeApiTest, StatsCountTheFilteredEvents) {
  json all = GetJson("/api/stats");
  EXPECT_EQ(all["total"], kDatedEvents + kUndatedEvents);
  EXPECT_EQ(all["undated"], kUndatedEvents);
  for (const std::string interval : {"day", "week"}) {
    json st = GetJson("/api/stats?interval=" + interval);
    int64_t sum = 0;
    for (const json& b : st["by_time"]) sum += b["count"].get<int64_t>();
    EXPECT_EQ(sum, kDatedEvents) << interval;
  }
  json week = GetJson("/api/stats?interval=week&since=2024-01-01&until=2024-01-07");
  ASSERT_EQ(week["by_time"].size(), 1u);
  EXPECT_EQ(week["by_time"][0]["key"], "2024-01-01");  // a Monday
  json battles = GetJson("/api/stats?type=FIGHT");
  EXPECT_EQ(battles["total"], (kDatedEvents + kUndatedEvents) / 3);
  ASSERT_EQ(battles["by_type"].size(), 1u);
  EXPECT_EQ(battles["by_type"][0]["key"], "FIGHT");
  EXPECT_EQ(all["by_admin1"][0]["key"], "North Kivu, CD");
  EXPECT_EQ(all["by_actor"].size(), 2u);
  // A text search is counted by SQL, the other filters in memory: both agree.
  json erupted = GetJson("/api/stats?q=erupted&interval=week");
  json fights = GetJson("/api/stats?type=fight&interval=week");
  EXPECT_EQ(erupted["total"], (kDatedEvents + kUndatedEvents) / 3);
  for (const char* key : {"total", "undated", "by_time", "by_type", "by_acled_type", "by_actor", "by_admin1"})
    EXPECT_EQ(erupted[key], fights[key]) << key;
}

TEST_F(ServeApiTest, ActorsAndPlacesAreLookedUpByPartOfTheirName) {
  json actors = GetJson("/api/actors?q=movement");
  ASSERT_EQ(actors["actors"].size(), 1u);
  EXPECT_EQ(actors["actors"][0]["name"], "March 23 Movement");
  EXPECT_EQ(actors["actors"][0]["events"], (kDatedEvents + kUndatedEvents) / 2);
  json places = GetJson("/api/places?q=bun");
  ASSERT_EQ(places["places"].size(), 1u);
  EXPECT_EQ(places["places"][0]["admin1"], "Ituri");
  EXPECT_NEAR(places["places"][0]["lat"].get<double>(), 1.56, 1e-9);
  EXPECT_EQ(GetJson("/api/places?limit=1")["places"].size(), 1u);
  // With the events' filters: the map's aggregation of the matching events.
  json fights = GetJson("/api/places?type=FIGHT&limit=100");
  int64_t events = 0;
  for (const json& p : fights["places"]) {
    events += p["events"].get<int64_t>();
    EXPECT_EQ(p["top_type"], "FIGHT");
  }
  EXPECT_EQ(events, (kDatedEvents + kUndatedEvents) / 3);
  json all = GetJson("/api/places");
  EXPECT_EQ(all["places"][0]["name"], "Goma");
  EXPECT_EQ(all["places"][0]["top_type"], "PROTEST");
  EXPECT_EQ(GetJson("/api/places?q=goma&since=2024-01-01&until=2024-01-31")["places"].size(), 1u);
}

TEST_F(ServeApiTest, GeoJsonAndCsvByFormatOrAccept) {
  auto geo = Client().Get("/api/events?limit=5&format=geojson");
  ASSERT_TRUE(geo);
  EXPECT_EQ(geo->get_header_value("Content-Type"), "application/geo+json");
  json fc = json::parse(geo->body);
  EXPECT_EQ(fc["type"], "FeatureCollection");
  EXPECT_EQ(fc["features"].size(), 5u);
  auto csv = Client().Get("/api/events?limit=3", {{"Accept", "text/csv"}});
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->body.rfind("event_id,", 0), 0u);
  EXPECT_EQ(std::count(csv->body.begin(), csv->body.end(), '\n'), 4);
  auto acled = Client().Get("/api/events?limit=3&format=acled-csv");
  ASSERT_TRUE(acled);
  EXPECT_EQ(acled->status, 200) << acled->body;
  EXPECT_EQ(acled->body.rfind("event_id_cnty,event_date,year,", 0), 0u) << acled->body;
  EXPECT_EQ(std::count(acled->body.begin(), acled->body.end(), '\n'), 4);
  EXPECT_THAT(ErrorOf("/api/events?format=xml", 406), ::testing::HasSubstr("xml"));
}

TEST_F(ServeApiTest, BadInputGetsAJsonErrorNamingIt) {
  EXPECT_THAT(ErrorOf("/api/events?limit=0", 400), ::testing::HasSubstr("limit"));
  EXPECT_THAT(ErrorOf("/api/events?limit=5001", 400), ::testing::HasSubstr("limit"));
  EXPECT_THAT(ErrorOf("/api/events?limit=ten", 400), ::testing::HasSubstr("limit"));
  EXPECT_THAT(ErrorOf("/api/events?since=2024-02-30", 400), ::testing::HasSubstr("since"));
  EXPECT_THAT(ErrorOf("/api/events?cursor=2024-01-01.x", 400), ::testing::HasSubstr("cursor"));
  EXPECT_THAT(ErrorOf("/api/events?cursor=%27%3B%20DROP%20TABLE%20events", 400), ::testing::HasSubstr("cursor"));
  EXPECT_THAT(ErrorOf("/api/events?bbox=1,2,3", 400), ::testing::HasSubstr("bbox"));
  EXPECT_THAT(ErrorOf("/api/events?bbox=0,10,1,5", 400), ::testing::HasSubstr("bbox"));
  EXPECT_THAT(ErrorOf("/api/events?tpye=FIGHT", 400), ::testing::HasSubstr("unknown parameter 'tpye'"));
  EXPECT_THAT(ErrorOf("/api/events?type=a&type=b", 400), ::testing::HasSubstr("more than once"));
  EXPECT_THAT(ErrorOf("/api/events?actor=" + std::string(600, 'a'), 400), ::testing::HasSubstr("longer"));
  EXPECT_THAT(ErrorOf("/api/stats?interval=month", 400), ::testing::HasSubstr("interval"));
  EXPECT_THAT(ErrorOf("/api/nothing", 404), ::testing::HasSubstr("/api/nothing"));
  EXPECT_EQ(GetJson("/api/events?actor=%27%20OR%201%3D1%20--")["count"], 0);  // bound, never spliced into SQL
}

// The control timeline is sitrep control's (tests/dataset test its periods); these events take no place.
TEST_F(ServeApiTest, ControlAnswersTheTimelineQuery) {
  json on = GetJson("/api/control?on=2024-01-01&country=CD");
  ASSERT_TRUE(on["periods"].is_array());
  EXPECT_TRUE(on["periods"].empty());
  EXPECT_TRUE(GetJson("/api/control?place=Walikale")["periods"].empty());
  EXPECT_THAT(ErrorOf("/api/control?on=yesterday", 400), ::testing::HasSubstr("on"));
  EXPECT_THAT(ErrorOf("/api/control", 400), ::testing::HasSubstr("place=NAME or on=YYYY-MM-DD"));
}

TEST_F(ServeApiTest, ReadOnlyWithBoundedBodies) {
  auto post = Client().Post("/api/articles", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_THAT(json::parse(post->body)["error"]["message"].get<std::string>(), ::testing::HasSubstr("read-only"));
  auto del = Client().Delete("/api/events");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  auto long_line = Client().Get(("/api/events?actor=" + std::string(9000, 'a')).c_str());
  ASSERT_TRUE(long_line);
  EXPECT_EQ(long_line->status, 414);
  auto big = Client().Post("/api/articles", std::string(5000, 'x'), "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
}

TEST_F(ServeApiTest, ServesTheWebRootAndNothingOutsideIt) {
  auto index = Client().Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<html>sitrep</html>");
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/web/../../secret.txt"}) {
    auto res = Client().Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_NE(res->status, 200) << path;
    EXPECT_EQ(res->body.find("not for the web"), std::string::npos) << path;
  }
}

TEST_F(ServeApiTest, CorsIsOffByDefault) {
  auto res = Client().Get("/api/stats", {{"Origin", "http://example.org"}});
  ASSERT_TRUE(res);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
}

TEST_F(ServeApiTest, CachedCountsFollowNewEvents) {
  std::string path = *dir_ + "/growing.db";
  {
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(path, {}, &store).ok());
  }
  std::unique_ptr<EventSource> inner;
  ASSERT_TRUE(OpenStoreEventSource(path, &inner).ok());
  std::unique_ptr<EventSource> cached = NewCachingEventSource(inner.get(), 2);
  for (int round = 1; round <= 3; ++round) {
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(path, {}, &store).ok());
    Article article;
    article.text = fmt::format("Round {}.", round);
    article.id = ComputeArticleId("", "", article.text);
    Store::Batch batch;
    batch.emplace_back(article, std::vector<Event>{MakeEvent(article, round)});
    ASSERT_TRUE(store->Write(batch, nullptr).ok());
    for (int again = 0; again < 2; ++again) {
      EventStats st;
      ASSERT_TRUE(cached->Stats(EventPageQuery(), false, &st).ok());
      EXPECT_EQ(st.total, round);
      std::vector<KeyCount> actors;
      ASSERT_TRUE(cached->Actors("", 10, &actors).ok());
      int64_t mentions = 0;
      for (const KeyCount& a : actors) mentions += a.count;
      EXPECT_EQ(mentions, round);  // one actor per event
    }
  }
}

// The write side: posted JSON lines go through the CLI's reader, the pipeline and the store.
TEST(ServeWrite, PostedArticlesNeedTheTokenAndShowUpInTheApi) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-serve-write-XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  const std::string db = tmpl + "/w.db";
  std::unique_ptr<ArticleIngester> ingester;
  PipelineOptions no_gazetteer;
  no_gazetteer.gazetteer_path = "none";
  Status s = OpenStoreIngester(db, no_gazetteer, &ingester);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::unique_ptr<EventSource> source;
  ASSERT_TRUE(OpenStoreEventSource(db, &source).ok());
  ServeOptions options;
  options.port = 0;
  options.write_token = "0123456789abcdef-token";
  ApiServer server(source.get(), options, ingester.get());
  ASSERT_TRUE(server.Bind().ok());
  std::thread run([&] { server.Run(); });
  httplib::Client client("127.0.0.1", server.port());
  const std::string article =
      R"({"text": "M23 rebels attacked government soldiers in Goma on Monday, killing three.", "date": "2024-03-04"})";

  auto no_token = client.Post("/api/articles", article, "application/x-ndjson");
  ASSERT_TRUE(no_token);
  EXPECT_EQ(no_token->status, 401);
  auto wrong = client.Post("/api/articles", {{"Authorization", "Bearer 0123456789abcdef-tokeN"}}, article,
                           "application/x-ndjson");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);

  httplib::Headers auth = {{"Authorization", "Bearer " + options.write_token}};
  auto ok = client.Post("/api/articles", auth, article + "\n{\"title\": \"no text\"}\n", "application/x-ndjson");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  json report = json::parse(ok->body);
  EXPECT_EQ(report["articles_new"], 1);
  EXPECT_GE(report["events_new"].get<int>(), 1);
  EXPECT_EQ(report["failed"], 1);
  ASSERT_EQ(report["diagnostics"].size(), 1u);
  EXPECT_THAT(report["diagnostics"][0].get<std::string>(), ::testing::HasSubstr(":2"));

  auto again = client.Post("/api/articles", auth, article, "application/x-ndjson");
  ASSERT_TRUE(again);
  EXPECT_EQ(json::parse(again->body)["articles_existing"], 1);
  auto garbage = client.Post("/api/articles", auth, "{not json", "application/x-ndjson");
  ASSERT_TRUE(garbage);
  EXPECT_EQ(garbage->status, 400);

  auto events = client.Get("/api/events?since=2024-03-01");
  ASSERT_TRUE(events);
  EXPECT_EQ(json::parse(events->body)["count"], report["events_new"]);
  server.Stop();
  run.join();
  std::filesystem::remove_all(tmpl);
}

TEST(ServeOpen, MissingDatabaseIsAnErrorNotANewFile) {
  std::unique_ptr<EventSource> source;
  std::string path = (std::filesystem::temp_directory_path() / "sitrep-serve-missing.db").string();
  Status s = OpenStoreEventSource(path, &source);
  EXPECT_FALSE(s.ok());
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(ServeBind, TakenPortIsAClearError) {
  ServeOptions options;
  options.port = 0;
  ApiServer first(nullptr, options);
  ASSERT_TRUE(first.Bind().ok());
  options.port = first.port();
  ApiServer second(nullptr, options);
  Status s = second.Bind();
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), ::testing::HasSubstr(std::to_string(first.port())));
}

}  // namespace
}  // namespace sitrep
