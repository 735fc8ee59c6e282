// Store: articles and their events in one SQLite database (docs/schema.md).
//
//   std::unique_ptr<Store> store;
//   Status s = Store::Open("sitrep.db", {}, &store);
//   WriteStats ws;
//   s = store->Write(batch, &ws);            // one transaction per batch
//   s = store->QueryEvents(query, [](const Event& e) { ...; return Status::OK(); });
//   s = store->RebuildDataset(rules);        // after writes and deletes (docs/dataset.md)
//   s = store->QueryDatasetEvents(query, [](const DatasetEvent& d) { ...; return Status::OK(); });
//   s = store->QueryControl(control_query, [](const ControlPeriod& p) { ...; return Status::OK(); });
//
// - The schema is versioned with PRAGMA user_version; Open() applies pending migrations.
// - The database runs in WAL mode with foreign keys on: every event row references its article.
// - Writing is idempotent by article id: an article already stored is left alone together with
//   its events, and counted in WriteStats::articles_existing.
// - Each event row keeps its full JSON (schema v2) plus the columns queries filter on.
// - The dataset (events across articles, their mentions, control periods) is a function of the stored
//   events: Write and DeleteArticle mark it stale, RebuildDataset recomputes all of it in one
//   transaction, so neither ingest order nor re-ingesting changes it.
// A Store is not thread-safe; use one per thread.
#ifndef SITREP_STORE_H_
#define SITREP_STORE_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/dataset.h"
#include "sitrep/event.h"
#include "sitrep/status.h"

struct sqlite3;

namespace sitrep {

// $SITREP_DB when set and non-empty, else "sitrep.db" (in the current directory).
std::string DefaultDbPath();

struct StoreOptions {
  // When false, opening a path that does not exist fails with NotFound instead of creating it
  // (used by the query commands so that a typo in --db is an error, not an empty result).
  bool create_if_missing = true;
  // Open with SQLITE_OPEN_READONLY for the query commands: nothing is written (no switch to WAL, no
  // migration), so a database on read-only storage can be read. The file must exist and be at the
  // current schema version (else Corruption, saying how to migrate it). Write() fails.
  bool read_only = false;
};

struct WriteStats {
  int64_t articles_new = 0;       // articles inserted by this call
  int64_t articles_existing = 0;  // articles whose id was already stored (nothing written)
  int64_t events_new = 0;         // events inserted
};

// Filters for QueryEvents; every set filter must match (AND). Empty strings mean "no filter".
struct EventQuery {
  std::string since, until;  // "YYYY-MM-DD", inclusive, on the event date (undated events never match)
  std::string actor;         // id or name of actor1 or actor2, case-insensitive exact match
  std::string type;          // plover_type, acled_event_type or acled_sub_event_type (case-insensitive)
  std::string country;       // location country_code (ISO2) or actor1/actor2 country (ISO3), case-insensitive
  // min lon, min lat, max lon, max lat (WGS84 degrees); min lon > max lon crosses the antimeridian.
  std::optional<std::array<double, 4>> bbox;
  std::string article_id;    // only events of this article
  int64_t limit = 0;         // 0: no limit
};

// Filters for QueryControl; every set filter must match (AND).
struct ControlQuery {
  std::string place;    // place name, case-insensitive exact match
  std::string on;       // "YYYY-MM-DD": periods holding on that day (started on or before it, not ended by it)
  std::string country;  // place country (ISO2), case-insensitive
  std::optional<std::array<double, 4>> bbox;  // as EventQuery::bbox
};

// What RebuildDataset made.
struct DatasetStats {
  int64_t mentions = 0, events = 0, control_periods = 0;
};

// One row of ListArticles: an article without its text.
struct ArticleInfo {
  std::string id, title, source, url, language, origin;
  std::optional<std::string> date;
  int64_t text_bytes = 0;
  int64_t events = 0;
  std::string ingested_at;  // UTC, "YYYY-MM-DD HH:MM:SS"
};

class Store {
 public:
  using Batch = std::vector<std::pair<Article, std::vector<Event>>>;
  using EventCallback = std::function<Status(const Event&)>;
  using ArticleCallback = std::function<Status(const ArticleInfo&)>;

  // Opens (or creates) the database at `path` and migrates it to the current schema. For writing, a
  // damaged file is refused (Corruption, after PRAGMA quick_check), and a file this call created is
  // removed again when it cannot be set up and is still empty.
  static Status Open(const std::string& path, const StoreOptions& options, std::unique_ptr<Store>* out);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Applies pending schema migrations (idempotent; Open calls it). Fails with Corruption when the
  // file's schema is newer than this build knows.
  Status Migrate();
  // The schema version of the open database, and the newest one this build knows.
  int SchemaVersion() const;
  static int LatestSchemaVersion();

  // Writes a batch of articles with their events in one transaction: all or nothing. Events of an
  // article that is already stored are not written again. `stats` may be nullptr (else added to).
  Status Write(const Batch& batch, WriteStats* stats);

  // Calls `cb` for each matching event, ordered by date (undated last), article and position.
  // A non-OK status from `cb` stops the query and is returned.
  Status QueryEvents(const EventQuery& query, const EventCallback& cb) const;
  // Calls `cb` for each stored article, in order of ingest.
  Status ListArticles(const ArticleCallback& cb) const;
  // Reads one article in full; NotFound when the id is not stored.
  Status GetArticle(const std::string& id, Article* out) const;
  // Whether an article with this id is stored (cheap: no text is read), and its stored date when
  // `date` is given.
  Status HasArticle(const std::string& id, bool* stored, std::optional<std::string>* date = nullptr) const;

  Status CountArticles(int64_t* n) const;
  Status CountEvents(int64_t* n) const;

  // Deletes an article with its events (mentions) and marks the dataset stale; `deleted` says whether
  // the id was stored. Call RebuildDataset afterwards.
  Status DeleteArticle(const std::string& id, bool* deleted);
  // Every stored event as a mention, with its article's source and date (in storage order).
  Status ReadMentions(std::vector<Mention>* out) const;
  // Recomputes the dataset events and control periods from the stored events, in one transaction.
  Status RebuildDataset(const DatasetRules& rules, DatasetStats* stats = nullptr);
  // Whether a write or delete happened since the last RebuildDataset (an interrupted ingest), or, when
  // `rules` is given, the dataset was built under other rules (DatasetRules::fingerprint).
  Status DatasetIsStale(bool* stale, const DatasetRules* rules = nullptr) const;
  // Calls `cb` for each matching dataset event (filters on its reconciled fields; article_id: the events
  // with a mention in that article), ordered by date (undated last), then id.
  using DatasetEventCallback = std::function<Status(const DatasetEvent&)>;
  Status QueryDatasetEvents(const EventQuery& query, const DatasetEventCallback& cb) const;
  // Calls `cb` for each matching control period, ordered by place, then start.
  using ControlCallback = std::function<Status(const ControlPeriod&)>;
  Status QueryControl(const ControlQuery& query, const ControlCallback& cb) const;

 private:
  explicit Store(sqlite3* db, std::string path);
  Status Exec(const char* sql) const;
  Status EnableWal();
  static Status OpenWithFlags(const std::string& path, const std::string& filename, int flags,
                              const StoreOptions& options, std::unique_ptr<Store>* out);
  Status PrepareForWriting();
  Status CheckReadable();
  Status QuickCheck() const;
  // OK when `version` (from SchemaVersion) can be read and is not newer than this build knows.
  Status CheckNotNewer(int version) const;
  Status Error(const char* what) const;
  Status MarkDatasetStale();
  Status WriteDataset(const std::vector<DatasetEvent>& events, const std::vector<ControlPeriod>& periods,
                      uint64_t rules_fingerprint);

  sqlite3* db_;
  std::string path_;
};

// ---- Output formats shared by the CLI and tests (docs/schema.md "Flat columns") ----

// True when the event has coordinates (a resolved location: geonames id or precision set).
bool HasCoordinates(const Event& e);
// The flattened column names, in order (CSV header and GeoJSON properties).
const std::vector<std::string>& EventColumns();
// The flattened values of `e`, one per EventColumns() entry (empty string for null).
std::vector<std::string> EventColumnValues(const Event& e);
// One CSV record (RFC 4180: fields with , " CR or LF are quoted, quotes doubled), ending in CRLF.
// A field that a spreadsheet would run as a formula (starting with = + - @, tab or CR, and not a
// plain number like -3.5) is written with a leading ' (OWASP's advice against CSV injection).
std::string CsvRecord(const std::vector<std::string>& fields);
// One GeoJSON Feature with the flattened columns as properties: a Point at [lon, lat] (rounded to 5
// decimals), or "geometry": null when !HasCoordinates(e). Writers of whole outputs: sitrep/output.h.
std::string EventToGeoJsonFeature(const Event& e);

}  // namespace sitrep

#endif  // SITREP_STORE_H_
