// Store: opening, migrations and batched writes.
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "internal.h"
#include "sitrep/store.h"

namespace sitrep {

using store_internal::Migrations;
using store_internal::Stmt;

std::string DefaultDbPath() {
  const char* env = std::getenv("SITREP_DB");
  return env && *env ? std::string(env) : std::string("sitrep.db");
}

Store::Store(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

Store::~Store() { sqlite3_close_v2(db_); }

Status Store::Error(const char* what) const {
  int code = sqlite3_errcode(db_);
  std::string msg = fmt::format("{}: {}: {}", path_, what, sqlite3_errmsg(db_));
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return Status::Corruption(msg);
  return Status::IOError(msg);
}

Status Store::Exec(const char* sql) const {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::OK();
  std::string msg = fmt::format("{}: {}", path_, err ? err : sqlite3_errstr(rc));
  sqlite3_free(err);
  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) return Status::Corruption(msg);
  return Status::IOError(msg);
}

namespace {

// "file:" URI of a path, for SQLite's URI parameters (RFC 3986: bytes other than unreserved
// characters and '/' percent-encoded).
std::string FileUri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~')
      uri += static_cast<char>(c);
    else
      uri += fmt::format("%{:02X}", c);
  }
  return uri;
}

// Removes the database file this run created and could not set up, when it is still empty. A file
// with content is left alone: another ingest creating the same database at the same time may have
// set it up (switching to WAL writes the header, so a WAL database is never empty).
void RemoveEmptyDatabase(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0 && !ec)
    std::filesystem::remove(path, ec);
}

// True when `path`-wal is absent or empty: every committed transaction is in the main file.
bool NoPendingWal(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path + "-wal", ec);
  return ec || size == 0;
}

}  // namespace

Status Store::Open(const std::string& path, const StoreOptions& options, std::unique_ptr<Store>* out) {
  std::error_code ec;
  bool in_memory = path == ":memory:" || path.empty();
  if (!in_memory && (options.read_only || !options.create_if_missing) && !std::filesystem::exists(path, ec))
    return Status::NotFound(path + ": no such database");
  int flags = options.read_only ? SQLITE_OPEN_READONLY
                                : SQLITE_OPEN_READWRITE | (options.create_if_missing ? SQLITE_OPEN_CREATE : 0);
  const bool creating = !in_memory && !options.read_only && !std::filesystem::exists(path, ec);
  Status s = OpenWithFlags(path, path, flags, options, out);
  if (!s.ok() && creating) RemoveEmptyDatabase(path);  // no empty database left behind
  // On read-only storage SQLite cannot create the -shm file a WAL database needs ("unable to open
  // database file"). With no pending -wal content nothing can be missing from the main file, and
  // nobody can change it: read it as immutable.
  if (!s.ok() && options.read_only && !in_memory && s.code() == Status::Code::kIOError && NoPendingWal(path))
    s = OpenWithFlags(path, FileUri(path) + "?immutable=1", flags | SQLITE_OPEN_URI, options, out);
  return s;
}

Status Store::OpenWithFlags(const std::string& path, const std::string& filename, int flags,
                            const StoreOptions& options, std::unique_ptr<Store>* out) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(filename.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = fmt::format("{}: cannot open database: {}", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    return Status::IOError(msg);
  }
  std::unique_ptr<Store> store(new Store(db, path));
  sqlite3_busy_timeout(db, 5000);  // another sitrep writing: wait rather than fail
  sqlite3_extended_result_codes(db, 0);
  Status s = options.read_only ? store->CheckReadable() : store->PrepareForWriting();
  if (!s.ok()) return s;
  *out = std::move(store);
  return Status::OK();
}

Status Store::PrepareForWriting() {
  Status s = EnableWal();
  if (s.ok()) s = Exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  if (s.ok()) s = Migrate();
  if (s.ok()) s = QuickCheck();
  return s;
}

// Writing into a damaged file would add to the damage and report success: check it first.
// PRAGMA quick_check reads every page once: its cost grows with the file, not with the new input.
Status Store::QuickCheck() const {
  Stmt st(db_, "PRAGMA quick_check(1)");
  if (!st.ok()) return Error("cannot check the database");
  int rc = st.Step();
  if (rc != SQLITE_ROW) return Error("cannot check the database");
  std::string result = st.Text(0);
  if (result == "ok") return Status::OK();
  return Status::Corruption(fmt::format("{}: the database is damaged (PRAGMA quick_check: {}); nothing written. "
                                        "Restore a backup, or rebuild it by ingesting the articles into a new file",
                                        path_, result));
}

// A read-only connection changes nothing (no WAL switch, no migration), so it works on read-only
// storage; it can only read a database that is already at the current schema.
Status Store::CheckReadable() {
  int version = SchemaVersion();
  Status s = CheckNotNewer(version);
  if (s.ok() && version < LatestSchemaVersion())
    s = Status::Corruption(fmt::format("{}: database schema version {} is older than this sitrep reads ({}); "
                                       "the next `sitrep ingest` into it migrates it",
                                       path_, version, LatestSchemaVersion()));
  return s;
}

// WAL lets readers (sitrep events, a web view) run while ingest writes. Switching a file to WAL needs
// it to itself, and SQLite answers SQLITE_BUSY at once, without the busy handler, when another
// connection holds it (a second ingest creating the same new database): retry for a while.
Status Store::EnableWal() {
  constexpr int kAttempts = 500;  // 10 ms apart: 5 s, as the busy timeout
  for (int attempt = 1;; ++attempt) {
    Status s = Exec("PRAGMA journal_mode=WAL");
    if (s.ok() || sqlite3_errcode(db_) != SQLITE_BUSY || attempt == kAttempts) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

int Store::LatestSchemaVersion() { return static_cast<int>(Migrations().size()); }

int Store::SchemaVersion() const {
  Stmt st(db_, "PRAGMA user_version");
  return st.ok() && st.Step() == SQLITE_ROW ? static_cast<int>(st.Int(0)) : -1;
}

Status Store::CheckNotNewer(int version) const {
  if (version < 0) return Error("cannot read the schema version");
  if (version > LatestSchemaVersion())
    return Status::Corruption(fmt::format("{}: database schema version {} is newer than this sitrep knows ({})",
                                          path_, version, LatestSchemaVersion()));
  return Status::OK();
}

Status Store::Migrate() {
  int version = SchemaVersion();
  Status s = CheckNotNewer(version);
  if (!s.ok() || version == LatestSchemaVersion()) return s;  // versions only grow: no lock needed
  // Another process may be creating or migrating the same file right now: read the version again
  // under the write lock, so each migration runs exactly once ("table articles already exists").
  if (!(s = Exec("BEGIN IMMEDIATE")).ok()) return s;
  version = SchemaVersion();
  s = CheckNotNewer(version);
  for (int v = version; s.ok() && v < LatestSchemaVersion(); ++v) {
    s = Exec(Migrations()[v]);
    if (s.ok()) s = Exec(fmt::format("PRAGMA user_version = {}", v + 1).c_str());
    if (!s.ok()) s = Status::IOError(fmt::format("migration to schema version {} failed: {}", v + 1, s.message()));
  }
  if (s.ok()) s = Exec("COMMIT");
  if (!s.ok()) Exec("ROLLBACK");
  return s;
}

bool HasCoordinates(const Event& e) {
  // Mirrors EventToJson: lat/lon are meaningful only for a resolved location.
  return e.location && (e.location->geonames_id != 0 || e.location->precision != 0);
}

namespace {

std::string MetadataJson(const Article& a) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [key, value] : a.metadata) {
    nlohmann::json v = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
    j[key] = v.is_discarded() ? nlohmann::json(value) : v;  // not JSON: keep as a string
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void BindOptional(Stmt* st, int i, const std::optional<std::string>& v) {
  if (v) st->Bind(i, *v); else st->BindNull(i);
}

}  // namespace

Status Store::Write(const Batch& batch, WriteStats* stats) {
  Stmt insert_article(db_,
                      "INSERT INTO articles (id, title, text, date, source, url, language, origin, metadata) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO NOTHING");
  Stmt insert_event(db_,
                    "INSERT INTO events (event_id, article_id, seq, date, plover_type, acled_event_type, "
                    "acled_sub_event_type, actor1_id, actor1_name, actor1_country, actor2_id, actor2_name, "
                    "actor2_country, location_name, country_code, lat, lon, json) VALUES "
                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
  if (!insert_article.ok() || !insert_event.ok()) return Error("cannot prepare insert");
  Status s = Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  WriteStats local;
  for (const auto& [article, events] : batch) {
    if (article.id.empty()) {
      s = Status::InvalidArgument("article from " + article.origin + " has no id");
      break;
    }
    Stmt& a = insert_article;
    a.Reset();
    a.Bind(1, article.id);
    a.Bind(2, article.title);
    a.Bind(3, article.text);
    BindOptional(&a, 4, article.date);
    a.Bind(5, article.source);
    a.Bind(6, article.url);
    a.Bind(7, article.language);
    a.Bind(8, article.origin);
    a.Bind(9, MetadataJson(article));
    if (a.Step() != SQLITE_DONE) {
      s = Error("cannot store article");
      break;
    }
    if (sqlite3_changes(db_) == 0) {  // already stored: idempotent, leave it and its events alone
      ++local.articles_existing;
      continue;
    }
    ++local.articles_new;
    int64_t seq = 0;
    for (const Event& original : events) {
      Event e = original;
      e.article_id = article.id;  // events always link to the article they are stored with
      if (e.event_id.empty()) e.event_id = ComputeEventId(e);
      Stmt& q = insert_event;
      q.Reset();
      q.Bind(1, e.event_id);
      q.Bind(2, e.article_id);
      q.Bind(3, seq++);
      BindOptional(&q, 4, e.date);
      q.Bind(5, e.plover_type);
      q.Bind(6, e.acled_event_type);
      q.Bind(7, e.acled_sub_event_type);
      q.Bind(8, e.actor1.id);
      q.Bind(9, e.actor1.name);
      q.Bind(10, e.actor1.country);
      q.Bind(11, e.actor2.id);
      q.Bind(12, e.actor2.name);
      q.Bind(13, e.actor2.country);
      q.Bind(14, e.location ? e.location->name : std::string());
      q.Bind(15, e.location ? e.location->country_code : std::string());
      if (HasCoordinates(e)) {
        q.Bind(16, e.location->lat);
        q.Bind(17, e.location->lon);
      } else {
        q.BindNull(16);
        q.BindNull(17);
      }
      q.Bind(18, EventToJson(e));
      if (q.Step() != SQLITE_DONE) {
        s = Error("cannot store event");
        break;
      }
      ++local.events_new;
    }
    if (!s.ok()) break;
  }
  if (s.ok() && local.articles_new > 0) s = MarkDatasetStale();  // RebuildDataset is due
  if (s.ok()) s = Exec("COMMIT");
  if (!s.ok()) {
    Exec("ROLLBACK");
    return s;
  }
  if (stats) {
    stats->articles_new += local.articles_new;
    stats->articles_existing += local.articles_existing;
    stats->events_new += local.events_new;
  }
  return Status::OK();
}

}  // namespace sitrep
