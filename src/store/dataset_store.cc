// Store: the dataset tables (docs/dataset.md, docs/schema.md): deleting articles, rebuilding the
// dataset events and control periods from the stored events, and reading them.
#include <fmt/format.h>

#include "internal.h"
#include "sitrep/store.h"

namespace sitrep {

using store_internal::Stmt;
using store_internal::Where;

Status Store::MarkDatasetStale() { return Exec("UPDATE dataset_state SET value = 1 WHERE key = 'stale'"); }

Status Store::DatasetIsStale(bool* stale, const DatasetRules* rules) const {
  Stmt st(db_, "SELECT key, value FROM dataset_state");
  if (!st.ok()) return Error("cannot prepare dataset state query");
  bool marked = false, same_rules = rules == nullptr;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    if (st.Text(0) == "stale") marked = st.Int(1) != 0;
    if (rules && st.Text(0) == "rules") same_rules = static_cast<uint64_t>(st.Int(1)) == rules->fingerprint;
  }
  if (rc != SQLITE_DONE) return Error("dataset state query failed");
  *stale = marked || !same_rules;
  return Status::OK();
}

Status Store::DeleteArticle(const std::string& id, bool* deleted) {
  Stmt del(db_, "DELETE FROM articles WHERE id = ?");  // its events and mentions go with it (ON DELETE CASCADE)
  if (!del.ok()) return Error("cannot prepare delete");
  Status s = Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  del.Bind(1, id);
  if (del.Step() != SQLITE_DONE) s = Error("cannot delete article");
  *deleted = s.ok() && sqlite3_changes(db_) > 0;
  if (s.ok() && *deleted) s = MarkDatasetStale();
  if (s.ok()) s = Exec("COMMIT");
  if (!s.ok()) Exec("ROLLBACK");
  return s;
}

Status Store::ReadMentions(std::vector<Mention>* out) const {
  Stmt st(db_, "SELECT e.id, e.json, a.source, a.date FROM events e JOIN articles a ON a.id = e.article_id "
               "ORDER BY e.id");
  if (!st.ok()) return Error("cannot prepare mention query");
  out->clear();
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    Mention m;
    Status s = EventFromJson(st.Text(1), &m.event);
    if (!s.ok()) return Status::Corruption(fmt::format("{}: event row {}: {}", path_, st.Int(0), s.message()));
    m.source = st.Text(2);
    if (!st.IsNull(3)) m.article_date = st.Text(3);
    out->push_back(std::move(m));
  }
  return rc == SQLITE_DONE ? Status::OK() : Error("mention query failed");
}

namespace {

void BindOptionalText(Stmt* st, int i, const std::optional<std::string>& v) {
  if (v) st->Bind(i, *v); else st->BindNull(i);
}

void BindLatLon(Stmt* st, int i, const std::optional<Location>& l) {
  if (l && (l->geonames_id != 0 || l->precision != 0)) {
    st->Bind(i, l->lat);
    st->Bind(i + 1, l->lon);
  } else {
    st->BindNull(i);
    st->BindNull(i + 1);
  }
}

void BindDatasetEvent(Stmt* q, const DatasetEvent& d) {
  const Event& e = d.event;
  q->Bind(1, d.id);
  BindOptionalText(q, 2, e.date);
  q->Bind(3, e.plover_type);
  q->Bind(4, e.acled_event_type);
  q->Bind(5, e.acled_sub_event_type);
  q->Bind(6, e.actor1.id);
  q->Bind(7, e.actor1.name);
  q->Bind(8, e.actor1.country);
  q->Bind(9, e.actor2.id);
  q->Bind(10, e.actor2.name);
  q->Bind(11, e.actor2.country);
  q->Bind(12, e.location ? e.location->name : std::string());
  q->Bind(13, e.location ? e.location->country_code : std::string());
  BindLatLon(q, 14, e.location);
  q->Bind(16, d.source_count);
  q->Bind(17, DatasetEventToJson(d, /*with_mentions=*/true));
}

void BindControlPeriod(Stmt* q, const ControlPeriod& p) {
  q->Bind(1, p.place.name);
  if (p.place.geonames_id != 0) q->Bind(2, p.place.geonames_id); else q->BindNull(2);
  q->Bind(3, p.place.admin1);
  q->Bind(4, p.place.country_code);
  BindLatLon(q, 5, std::optional<Location>(p.place));
  q->Bind(7, p.holder.id);
  q->Bind(8, p.holder.name);
  BindOptionalText(q, 9, p.start);
  BindOptionalText(q, 10, p.end);
  q->Bind(11, p.modality);
  q->Bind(12, ControlPeriodToJson(p));
}

}  // namespace

// Inside the caller's transaction: replaces every dataset row, and records the rules it was built under.
Status Store::WriteDataset(const std::vector<DatasetEvent>& events, const std::vector<ControlPeriod>& periods,
                           uint64_t rules_fingerprint) {
  Status s = Exec("DELETE FROM dataset_event_mentions; DELETE FROM dataset_events; DELETE FROM control_periods;");
  if (!s.ok()) return s;
  Stmt event(db_,
             "INSERT INTO dataset_events (id, date, plover_type, acled_event_type, acled_sub_event_type, actor1_id, "
             "actor1_name, actor1_country, actor2_id, actor2_name, actor2_country, location_name, country_code, lat, "
             "lon, source_count, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
             "?16, ?17)");
  Stmt mention(db_, "INSERT OR IGNORE INTO dataset_event_mentions (dataset_event_id, article_id, event_id) "
                    "VALUES (?1, ?2, ?3)");
  Stmt period(db_,
              "INSERT INTO control_periods (place_name, geonames_id, admin1, country_code, lat, lon, holder_id, "
              "holder_name, start_date, end_date, modality, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
              "?11, ?12)");
  if (!event.ok() || !mention.ok() || !period.ok()) return Error("cannot prepare dataset insert");
  for (const DatasetEvent& d : events) {
    event.Reset();
    BindDatasetEvent(&event, d);
    if (event.Step() != SQLITE_DONE) return Error("cannot store dataset event");
    for (const MentionRef& m : d.mentions) {
      mention.Reset();
      mention.Bind(1, d.id);
      mention.Bind(2, m.article_id);
      mention.Bind(3, m.event_id);
      if (mention.Step() != SQLITE_DONE) return Error("cannot store dataset event mention");
    }
  }
  for (const ControlPeriod& p : periods) {
    period.Reset();
    BindControlPeriod(&period, p);
    if (period.Step() != SQLITE_DONE) return Error("cannot store control period");
  }
  Stmt rules(db_, "INSERT INTO dataset_state (key, value) VALUES ('rules', ?1) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  if (!rules.ok()) return Error("cannot prepare dataset state update");
  rules.Bind(1, static_cast<int64_t>(rules_fingerprint));
  if (rules.Step() != SQLITE_DONE) return Error("cannot update the dataset state");
  return Exec("UPDATE dataset_state SET value = 0 WHERE key = 'stale'");
}

Status Store::RebuildDataset(const DatasetRules& rules, DatasetStats* stats) {
  Status s = Exec("BEGIN IMMEDIATE");  // read and write under one lock: another ingest waits
  if (!s.ok()) return s;
  std::vector<Mention> mentions;
  std::vector<DatasetEvent> events;
  std::vector<ControlPeriod> periods;
  s = ReadMentions(&mentions);
  if (s.ok()) {
    BuildDataset(mentions, rules, &events);
    BuildControlPeriods(events, rules, &periods);
    s = WriteDataset(events, periods, rules.fingerprint);
  }
  if (s.ok()) s = Exec("COMMIT");
  if (!s.ok()) {
    Exec("ROLLBACK");
    return s;
  }
  if (stats) *stats = DatasetStats{static_cast<int64_t>(mentions.size()), static_cast<int64_t>(events.size()),
                                   static_cast<int64_t>(periods.size())};
  return Status::OK();
}

Status Store::QueryDatasetEvents(const EventQuery& q, const DatasetEventCallback& cb) const {
  Where w = store_internal::EventFilters(q);
  if (!q.article_id.empty())
    w.Add("id IN (SELECT dataset_event_id FROM dataset_event_mentions WHERE article_id = ?)", {q.article_id});
  std::string sql = "SELECT id, json FROM dataset_events" + w.Sql() + " ORDER BY date IS NULL, date, id";
  if (q.limit > 0) sql += fmt::format(" LIMIT {}", q.limit);
  Stmt st(db_, sql.c_str());
  if (!st.ok()) return Error("cannot prepare dataset event query");
  w.Bind(&st);
  return store_internal::ForEachJsonRow<DatasetEvent>(&st, path_, "dataset event", "dataset event query failed",
                                                      DatasetEventFromJson, cb,
                                                      [this](const char* what) { return Error(what); });
}

Status Store::QueryControl(const ControlQuery& q, const ControlCallback& cb) const {
  Where w;
  if (!q.place.empty()) w.Add("place_name = ? COLLATE NOCASE", {q.place});
  if (!q.on.empty()) w.Add("(start_date IS NULL OR start_date <= ?) AND (end_date IS NULL OR end_date > ?)", {q.on, q.on});
  if (!q.country.empty()) w.Add("country_code = ? COLLATE NOCASE", {q.country});
  if (q.bbox) store_internal::AddBbox(&w, *q.bbox);
  std::string sql = "SELECT id, json FROM control_periods" + w.Sql() +
                    " ORDER BY place_name, country_code, start_date IS NOT NULL, start_date, id";
  Stmt st(db_, sql.c_str());
  if (!st.ok()) return Error("cannot prepare control query");
  w.Bind(&st);
  return store_internal::ForEachJsonRow<ControlPeriod>(&st, path_, "control period", "control query failed",
                                                       ControlPeriodFromJson, cb,
                                                       [this](const char* what) { return Error(what); });
}

}  // namespace sitrep
