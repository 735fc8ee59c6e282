// Store: articles and their events in one SQLite database (docs/schema.md).
//
//   std::unique_ptr<Store> store;
//   Status s = Store::Open("sitrep.db", {}, &store);
//   WriteStats ws;
//   s = store->Write(batch, &ws);            // one transaction per batch
//   s = store->QueryEvents(query, [](const Event& e) { ...; return Status::OK(); });
//
// - The schema is versioned with PRAGMA user_version; Open() applies pending migrations.
// - The database runs in WAL mode with foreign keys on: every event row references its article.
// - Writing is idempotent by article id: an article already stored is left alone together with
//   its events, and counted in WriteStats::articles_existing.
// - Each event row keeps its full JSON (schema v2) plus the columns queries filter on.
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
