// Store reads: events by filter, article listing, counts.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "internal.h"
#include "sitrep/store.h"

namespace sitrep {

using store_internal::Stmt;
using store_internal::Where;

namespace store_internal {

void AddBbox(Where* w, const std::array<double, 4>& bbox) {
  auto [min_lon, min_lat, max_lon, max_lat] = bbox;
  w->Add("lat IS NOT NULL AND lat BETWEEN ? AND ?", {min_lat, max_lat});
  if (min_lon <= max_lon)
    w->Add("lon BETWEEN ? AND ?", {min_lon, max_lon});
  else  // the box crosses the antimeridian
    w->Add("lon >= ? OR lon <= ?", {min_lon, max_lon});
}

namespace {

// The filters events and dataset_events share.
void AddSharedFilters(const EventQuery& q, Where* w) {
  if (!q.since.empty()) w->Add("date >= ?", {q.since});
  if (!q.until.empty()) w->Add("date <= ?", {q.until});
  if (!q.actor.empty()) {
    w->Add("actor1_id = ? COLLATE NOCASE OR actor1_name = ? COLLATE NOCASE OR "
          "actor2_id = ? COLLATE NOCASE OR actor2_name = ? COLLATE NOCASE",
          {q.actor, q.actor, q.actor, q.actor});
  }
  if (!q.type.empty()) {
    w->Add("plover_type = ? COLLATE NOCASE OR acled_event_type = ? COLLATE NOCASE OR "
          "acled_sub_event_type = ? COLLATE NOCASE",
          {q.type, q.type, q.type});
  }
  if (!q.country.empty()) {
    w->Add("country_code = ? COLLATE NOCASE OR actor1_country = ? COLLATE NOCASE OR "
          "actor2_country = ? COLLATE NOCASE",
          {q.country, q.country, q.country});
  }
  if (q.bbox) AddBbox(w, *q.bbox);
}

}  // namespace

Where EventFilters(const EventQuery& q) {
  Where w;
  AddSharedFilters(q, &w);
  return w;
}

void AddEventFilters(const EventQuery& q, Where* w) {
  AddSharedFilters(q, w);
  if (!q.article_id.empty()) w->Add("article_id = ?", {q.article_id});
}

}  // namespace store_internal

Status Store::QueryEvents(const EventQuery& q, const EventCallback& cb) const {
  Where w;
  store_internal::AddEventFilters(q, &w);
  // The article's source, url and title come from its row (events stored before schema v2 of the event
  // JSON do not carry them).
  std::string sql =
      "SELECT id, json, (SELECT a.source FROM articles a WHERE a.id = events.article_id), "
      "(SELECT a.url FROM articles a WHERE a.id = events.article_id), "
      "(SELECT a.title FROM articles a WHERE a.id = events.article_id) FROM events" +
      w.Sql() + " ORDER BY date IS NULL, date, id";
  if (q.limit > 0) sql += fmt::format(" LIMIT {}", q.limit);
  Stmt st(db_, sql.c_str());
  if (!st.ok()) return Error("cannot prepare event query");
  w.Bind(&st);
  // Each event with its article's reference, read from the row being stepped (the parsed event is
  // ForEachJsonRow's own: no copy).
  auto with_reference = [&st, &cb](Event& e) {
    e.source = st.Text(2);
    e.url = st.Text(3);
    e.title = st.Text(4);
    return cb(e);
  };
  return store_internal::ForEachJsonRow<Event>(&st, path_, "event row", "event query failed", EventFromJson,
                                               with_reference, [this](const char* what) { return Error(what); });
}

Status Store::ListArticles(const ArticleCallback& cb) const {
  Stmt st(db_,
          "SELECT a.id, a.title, a.source, a.url, a.language, a.origin, a.date, length(CAST(a.text AS BLOB)), "
          "(SELECT count(*) FROM events e WHERE e.article_id = a.id), a.ingested_at "
          "FROM articles a ORDER BY a.rowid");
  if (!st.ok()) return Error("cannot prepare article query");
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    ArticleInfo info;
    info.id = st.Text(0);
    info.title = st.Text(1);
    info.source = st.Text(2);
    info.url = st.Text(3);
    info.language = st.Text(4);
    info.origin = st.Text(5);
    if (!st.IsNull(6)) info.date = st.Text(6);
    info.text_bytes = st.Int(7);
    info.events = st.Int(8);
    info.ingested_at = st.Text(9);
    Status s = cb(info);
    if (!s.ok()) return s;
  }
  return rc == SQLITE_DONE ? Status::OK() : Error("article query failed");
}

Status Store::GetArticle(const std::string& id, Article* out) const {
  Stmt st(db_, "SELECT id, title, text, date, source, url, language, origin, metadata FROM articles WHERE id = ?");
  if (!st.ok()) return Error("cannot prepare article query");
  st.Bind(1, id);
  int rc = st.Step();
  if (rc == SQLITE_DONE) return Status::NotFound("no article with id " + id);
  if (rc != SQLITE_ROW) return Error("article query failed");
  Article a;
  a.id = st.Text(0);
  a.title = st.Text(1);
  a.text = st.Text(2);
  if (!st.IsNull(3)) a.date = st.Text(3);
  a.source = st.Text(4);
  a.url = st.Text(5);
  a.language = st.Text(6);
  a.origin = st.Text(7);
  nlohmann::json meta = nlohmann::json::parse(st.Text(8), nullptr, /*allow_exceptions=*/false);
  if (!meta.is_object()) return Status::Corruption(path_ + ": article " + id + ": metadata is not a JSON object");
  for (auto it = meta.begin(); it != meta.end(); ++it) a.metadata[it.key()] = it.value().dump();
  *out = std::move(a);
  return Status::OK();
}

namespace {
Status Count(sqlite3* db, const char* sql, int64_t* n) {
  Stmt st(db, sql);
  if (!st.ok() || st.Step() != SQLITE_ROW) return Status::IOError(std::string("count failed: ") + sqlite3_errmsg(db));
  *n = st.Int(0);
  return Status::OK();
}
}  // namespace

Status Store::HasArticle(const std::string& id, bool* stored, std::optional<std::string>* date) const {
  Stmt st(db_, "SELECT date FROM articles WHERE id = ?");
  if (!st.ok()) return Error("cannot prepare article query");
  st.Bind(1, id);
  int rc = st.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("article query failed");
  *stored = rc == SQLITE_ROW;
  if (date) *date = *stored && !st.IsNull(0) ? std::optional<std::string>(st.Text(0)) : std::nullopt;
  return Status::OK();
}

Status Store::CountArticles(int64_t* n) const { return Count(db_, "SELECT count(*) FROM articles", n); }
Status Store::CountEvents(int64_t* n) const { return Count(db_, "SELECT count(*) FROM events", n); }

}  // namespace sitrep
