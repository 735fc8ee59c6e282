// The read API behind `sitrep serve` (docs/api.md) and its HTTP server.
//
//   std::unique_ptr<EventSource> source;
//   Status s = OpenStoreEventSource("sitrep.db", &source);     // read-only, one connection per thread
//   EventPageQuery q;
//   q.filter.type = "Battles";
//   q.limit = 100;
//   EventPage page;
//   s = source->ListEvents(q, &page);                          // page.next_cursor: "" on the last page
//   q.cursor = page.next_cursor;                               // the next page, stable under inserts
//
//   auto cached = NewCachingEventSource(source.get());         // aggregates computed once per data version
//   ServeOptions options;                                      // 127.0.0.1:8080, read-only, CORS off
//   options.web_root = "build/web";
//   ApiServer server(cached.get(), options);
//   s = server.Bind();                                         // port 0 picks a free port: server.port()
//   s = server.Run();                                          // blocks until Stop() (from another thread)
//
// The write side (POST /api/articles) needs an ArticleIngester and ServeOptions::write_token.
//
// EventSource is the seam between the HTTP layer and the database: the server only calls it, so
// serving another kind of event (e.g. cross-article dataset events) is a second implementation.
#ifndef SITREP_SERVE_H_
#define SITREP_SERVE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/dataset.h"
#include "sitrep/event.h"
#include "sitrep/pipeline.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep {

// Filters of /api/events and /api/stats: the CLI's (EventQuery) plus a text search and keyset paging.
struct EventPageQuery {
  EventQuery filter;   // filter.limit is ignored: use `limit`
  std::string text;    // substring of the evidence sentence (ASCII case-insensitive); empty: any
  std::string cursor;  // from EventPage::next_cursor; empty: the first page
  int64_t limit = 100; // events per page, 1..kMaxPageSize
  // When true, the page carries each event's JSON as stored (EventPage::json) instead of parsed Events:
  // the JSON API's answer needs no parsing and printing again.
  bool json_only = false;
};
inline constexpr int64_t kMaxPageSize = 5000;

// One page of events in the CLI's order: by date (undated last), then storage order.
struct EventPage {
  std::vector<Event> events;       // empty when the query asked for json_only
  std::vector<std::string> json;   // the events as JSON (docs/schema.md), when the query asked for json_only
  std::string next_cursor;  // opaque; empty when this is the last page
};

// A value with how many events have it (a type, an actor name, a day, ...).
struct KeyCount {
  std::string key;
  int64_t count = 0;
};

struct EventStats {
  int64_t total = 0;                 // matching events
  int64_t undated = 0;               // of which without a date
  std::vector<KeyCount> by_time;     // "YYYY-MM-DD" of the day, or of the Monday of the week; ascending
  std::vector<KeyCount> by_type;     // plover_type, most first
  std::vector<KeyCount> by_acled_type;
  std::vector<KeyCount> by_actor;    // actor1 or actor2 name, most first (top kStatsTop)
  std::vector<KeyCount> by_admin1;   // "admin1, CC", most first (top kStatsTop)
};
inline constexpr int64_t kStatsTop = 50;

// A place events happened at, for /api/places.
struct PlaceInfo {
  std::string name, admin1, country_code;
  double lat = 0, lon = 0;
  int64_t events = 0;
  std::string top_type;  // the PLOVER type of most of its events
};

// An event with where it was reported: one mention per article row of the same event id.
struct EventMention {
  std::string article_id, article_title;
  std::optional<std::string> article_date;
  Evidence evidence;
};

class EventSource {
 public:
  virtual ~EventSource() = default;
  // One page of matching events. InvalidArgument for a malformed cursor or limit.
  virtual Status ListEvents(const EventPageQuery& q, EventPage* out) = 0;
  // The event with this event_id and its mentions; NotFound when there is none.
  virtual Status GetEvent(const std::string& event_id, Event* event, std::vector<EventMention>* mentions) = 0;
  // Counts of the matching events (q.cursor and q.limit are ignored). `weekly` groups by_time by week.
  virtual Status Stats(const EventPageQuery& q, bool weekly, EventStats* out) = 0;
  // The article (text included) and its events (for their evidence spans); NotFound when absent.
  virtual Status GetArticle(const std::string& id, Article* article, std::vector<Event>* events) = 0;
  // Actor names (actor1 or actor2) containing `q` (case-insensitive; empty: all), most events first.
  virtual Status Actors(const std::string& q, int64_t limit, std::vector<KeyCount>* out) = 0;
  // The locations of the events matching `filter` (text search included; cursor and limit ignored) whose
  // name contains `name_part` (case-insensitive; empty: all), most events first: the map's aggregation.
  virtual Status Places(const EventPageQuery& filter, const std::string& name_part, int64_t limit,
                        std::vector<PlaceInfo>* out) = 0;
  // Whether the database has a territorial-control timeline (/api/control answers 501 otherwise).
  virtual bool HasControlTimeline() = 0;
  // The control periods matching `q` (sitrep control's query: place and/or day, country, bbox).
  virtual Status Control(const ControlQuery& q, std::vector<ControlPeriod>* out) = 0;
  // A value that changes whenever events are added (for caches); cheap to read.
  virtual Status DataVersion(std::string* out) = 0;
};

// Opens the events of a sitrep database (it must exist and be at a schema this build reads) for
// reading only. The source is thread-safe: each thread gets its own SQLite connection.
Status OpenStoreEventSource(const std::string& db_path, std::unique_ptr<EventSource>* out);

// The web page the build made ($SITREP_WEB_ROOT when set, else <build>/web), for --web-root.
std::string DefaultWebRoot();

// Wraps `inner` (not owned; it must outlive the result) with a cache of the aggregate answers (Stats,
// Actors, Places: full scans on large databases), keyed by their arguments and dropped whenever
// inner->DataVersion() changes. At most `max_entries` answers are kept (the oldest go first).
// Thread-safe when `inner` is.
std::unique_ptr<EventSource> NewCachingEventSource(EventSource* inner, size_t max_entries = 512);

// What POST /api/articles did with the posted JSON lines.
struct IngestReport {
  int64_t articles_new = 0, articles_existing = 0, events_new = 0;
  int64_t skipped = 0, failed = 0;       // lines skipped (warning) or failed (error), as `sitrep ingest` counts them
  std::vector<std::string> diagnostics;  // "-:LINE: message", as `sitrep ingest` prints them (at most 100)
};

// The write side of the server: extracts and stores posted articles.
class ArticleIngester {
 public:
  virtual ~ArticleIngester() = default;
  // Reads `jsonl` as JSON lines (the CLI's format and bad-input rules), extracts each article's events
  // and stores them. Bad lines are reported in `report`, not as an error; a non-OK status means the
  // store or the pipeline failed.
  virtual Status Ingest(const std::string& jsonl, IngestReport* report) = 0;
};

// An ingester into the database at `db_path` (created when missing) with the pipeline of `options`.
// Thread-safe (one article batch at a time).
Status OpenStoreIngester(const std::string& db_path, const PipelineOptions& options,
                         std::unique_ptr<ArticleIngester>* out);

struct ServeOptions {
  std::string bind = "127.0.0.1";  // loopback unless asked
  int port = 8080;                 // 0: any free port
  std::string web_root;            // folder of the web page (index.html, vendor/); empty: API only
  bool cors = false;               // when true, answers carry Access-Control-Allow-Origin: *
  int threads = 8;                 // worker threads (each keep-alive connection holds one while open)
  size_t max_body_bytes = 1 << 20; // larger request bodies get 413
  // POST /api/articles needs "Authorization: Bearer <write_token>" and an ingester; empty: read-only.
  std::string write_token;
};

// The HTTP server: the JSON API of docs/api.md over an EventSource, and the web page from web_root.
class ApiServer {
 public:
  // `ingester` (may be nullptr: read-only) serves POST /api/articles when options.write_token is set.
  ApiServer(EventSource* source, ServeOptions options, ArticleIngester* ingester = nullptr);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds the listening socket (IOError when the address is taken or invalid).
  Status Bind();
  // The bound port (after Bind).
  int port() const;
  // Serves until Stop(); call after Bind.
  Status Run();
  // Makes Run return; safe from any thread and from a signal-handling thread.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep

#endif  // SITREP_SERVE_H_
