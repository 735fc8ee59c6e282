// EventSource over the per-article events of a sitrep database (include/sitrep/serve.h).
// Every query is a prepared statement; filters come from the store's own AddEventFilters, so the
// API and `sitrep events` cannot disagree on what a filter means. Counts come from an in-memory
// EventSummary (summary.h), except those with a text search, which SQL answers.
#include <charconv>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "sitrep/serve.h"
#include "store/internal.h"
#include "summary.h"

namespace sitrep {

using store_internal::Stmt;
using store_internal::Where;

namespace {

// One thread's view of the database: the Store for its own queries and a raw read-only connection
// for the paging and aggregate queries the Store interface does not have.
struct Connection {
  std::unique_ptr<Store> store;
  sqlite3* db = nullptr;
  ~Connection() { sqlite3_close(db); }
};

Status OpenConnection(const std::string& path, std::unique_ptr<Connection>* out) {
  auto c = std::make_unique<Connection>();
  StoreOptions options;
  options.create_if_missing = false;
  options.read_only = true;
  Status s = Store::Open(path, options, &c->store);
  if (!s.ok()) return s;
  if (sqlite3_open_v2(path.c_str(), &c->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
    return Status::IOError(fmt::format("{}: cannot open: {}", path, sqlite3_errmsg(c->db)));
  sqlite3_busy_timeout(c->db, 5000);
  *out = std::move(c);
  return Status::OK();
}

// A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped (ESCAPE '\').
std::string ContainsPattern(const std::string& text) {
  std::string p = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') p += '\\';
    p += ch;
  }
  return p + "%";
}

// The position of an event in the listing order: dated events by (date, id), then undated by id.
struct Cursor {
  std::optional<std::string> date;  // nullopt: among the undated events
  int64_t id = 0;
};

std::string EncodeCursor(const Cursor& c) { return fmt::format("{}.{}", c.date.value_or("undated"), c.id); }

Status DecodeCursor(const std::string& text, Cursor* out) {
  auto bad = [&] { return Status::InvalidArgument("cursor '" + text + "' is not one this server gave"); };
  size_t dot = text.find('.');
  if (dot == std::string::npos) return bad();
  std::string date = text.substr(0, dot);
  const char* first = text.data() + dot + 1;
  const char* last = text.data() + text.size();
  auto [end, ec] = std::from_chars(first, last, out->id);
  if (ec != std::errc() || end != last || first == last) return bad();
  if (date == "undated") {
    out->date.reset();
  } else if (IsIsoDate(date)) {
    out->date = date;
  } else {
    return bad();
  }
  return Status::OK();
}

// The filters of `q` (without cursor and limit) on the events table.
Where FilterOf(const EventPageQuery& q) {
  Where w;
  store_internal::AddEventFilters(q.filter, &w);
  if (!q.text.empty())
    w.Add("json_extract(json, '$.evidence.sentence') LIKE ? ESCAPE '\\'", {ContainsPattern(q.text)});
  return w;
}

Status SqlError(sqlite3* db, const char* what) { return Status::IOError(fmt::format("{}: {}", what, sqlite3_errmsg(db))); }

class StoreEventSource : public EventSource {
 public:
  explicit StoreEventSource(std::string path) : path_(std::move(path)) {}

  Status Check() {
    Connection* c;
    return Acquire(&c);
  }

  Status ListEvents(const EventPageQuery& q, EventPage* out) override {
    if (q.limit < 1 || q.limit > kMaxPageSize)
      return Status::InvalidArgument(fmt::format("limit must be 1..{}, not {}", kMaxPageSize, q.limit));
    Cursor after;
    Status s;
    if (!q.cursor.empty() && !(s = DecodeCursor(q.cursor, &after)).ok()) return s;
    Connection* c;
    if (!(s = Acquire(&c)).ok()) return s;
    std::vector<Row> rows;
    const size_t wanted = static_cast<size_t>(q.limit) + 1;  // one more tells whether a next page exists
    s = serve_internal::EventSummary::CanAnswer(q) ? FindRowsInSummary(c->db, q, after, wanted, &rows)
                                                   : FindRowsBySql(c->db, q, after, wanted, &rows);
    if (!s.ok()) return s;
    out->events.clear();
    out->next_cursor.clear();
    if (rows.size() == wanted) {
      rows.pop_back();
      out->next_cursor = EncodeCursor(rows.back().position);
    }
    out->json.clear();
    for (Row& r : rows) {
      if (q.json_only) out->json.push_back(std::move(r.json));
      else out->events.push_back(std::move(r.event));
    }
    return Status::OK();
  }

  Status GetEvent(const std::string& event_id, Event* event, std::vector<EventMention>* mentions) override {
    Connection* c;
    Status s = Acquire(&c);
    if (!s.ok()) return s;
    Stmt st(c->db,
            "SELECT e.json, a.title, a.date FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.event_id = ? ORDER BY e.id LIMIT 1000");
    if (!st.ok()) return SqlError(c->db, "cannot prepare event query");
    st.Bind(1, event_id);
    mentions->clear();
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      Event e;
      if (!(s = EventFromJson(st.Text(0), &e)).ok()) return Status::Corruption(path_ + ": event " + event_id + ": " + s.message());
      EventMention m{e.article_id, st.Text(1), std::nullopt, e.evidence};
      if (!st.IsNull(2)) m.article_date = st.Text(2);
      mentions->push_back(std::move(m));
      if (mentions->size() == 1) *event = std::move(e);
    }
    if (rc != SQLITE_DONE) return SqlError(c->db, "event query failed");
    return mentions->empty() ? Status::NotFound("no event with id " + event_id) : Status::OK();
  }

  // Counts over the in-memory summary; a text search (or an article filter) first finds the matching
  // row ids with one SQL scan.
  Status Stats(const EventPageQuery& q, bool weekly, EventStats* out) override {
    SummaryFilter f;
    Status s = PrepareSummaryFilter(q, &f);
    return s.ok() ? summary_.Stats(f.rest, weekly, f.only_ids(), out) : s;
  }

  Status GetArticle(const std::string& id, Article* article, std::vector<Event>* events) override {
    Connection* c;
    Status s = Acquire(&c);
    if (!s.ok()) return s;
    if (!(s = c->store->GetArticle(id, article)).ok()) return s;
    EventQuery q;
    q.article_id = id;
    events->clear();
    return c->store->QueryEvents(q, [&](const Event& e) {
      events->push_back(e);
      return Status::OK();
    });
  }

  Status Actors(const std::string& q, int64_t limit, std::vector<KeyCount>* out) override {
    Status s = RefreshSummary();
    if (s.ok()) summary_.Actors(q, limit, out);
    return s;
  }

  Status Places(const EventPageQuery& filter, const std::string& name_part, int64_t limit,
                std::vector<PlaceInfo>* out) override {
    SummaryFilter f;
    Status s = PrepareSummaryFilter(filter, &f);
    if (s.ok()) summary_.Places(f.rest, f.only_ids(), name_part, limit, out);
    return s;
  }

  bool HasControlTimeline() override {
    Connection* c;
    if (!Acquire(&c).ok()) return false;
    Stmt st(c->db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'control_periods'");
    return st.ok() && st.Step() == SQLITE_ROW;
  }

  Status Control(const ControlQuery& q, std::vector<ControlPeriod>* out) override {
    Connection* c;
    Status s = Acquire(&c);
    if (!s.ok()) return s;
    return c->store->QueryControl(q, [out](const ControlPeriod& p) {
      out->push_back(p);
      return Status::OK();
    });
  }

  // The largest event and article row ids: rows are only ever added (the store never deletes).
  Status DataVersion(std::string* out) override {
    Connection* c;
    Status s = Acquire(&c);
    if (!s.ok()) return s;
    Stmt st(c->db, "SELECT (SELECT max(id) FROM events), (SELECT max(rowid) FROM articles)");
    if (!st.ok() || st.Step() != SQLITE_ROW) return SqlError(c->db, "cannot read the data version");
    *out = fmt::format("{}/{}", st.Int(0), st.Int(1));
    return Status::OK();
  }

 private:
  // What the summary is asked: the filters it can apply, and the row ids SQL found for the others.
  struct SummaryFilter {
    EventPageQuery rest;
    bool by_ids = false;
    std::vector<int64_t> ids;
    const std::vector<int64_t>* only_ids() const { return by_ids ? &ids : nullptr; }
  };

  // Refreshes the summary and splits `q`: a text search or an article filter becomes row ids (one SQL scan).
  Status PrepareSummaryFilter(const EventPageQuery& q, SummaryFilter* f) {
    Status s = RefreshSummary();
    if (!s.ok()) return s;
    f->rest = q;
    if (serve_internal::EventSummary::CanAnswer(q)) return Status::OK();
    f->by_ids = true;
    f->rest.text.clear();
    f->rest.filter.article_id.clear();
    return MatchingIds(q, &f->ids);
  }

  // Brings the summary up to date with the database (through this thread's connection).
  Status RefreshSummary() {
    Connection* c;
    Status s = Acquire(&c);
    return s.ok() ? summary_.Refresh(c->db) : s;
  }

  struct Row {
    Cursor position;
    Event event;       // parsed from `json` unless the query is json_only
    std::string json;
  };

  // Fills r->json from `json` and, unless `json_only`, r->event from it.
  Status FillRow(std::string json, bool json_only, Row* r) const {
    if (!json_only) {
      Status s = EventFromJson(json, &r->event);
      if (!s.ok()) return Status::Corruption(fmt::format("{}: event row {}: {}", path_, r->position.id, s.message()));
    }
    r->json = std::move(json);
    return Status::OK();
  }

  // The first `wanted` events after `after` (q.cursor) by scanning the summary, then reading them by id.
  Status FindRowsInSummary(sqlite3* db, const EventPageQuery& q, const Cursor& after, size_t wanted,
                           std::vector<Row>* rows) {
    Status s = summary_.Refresh(db);
    if (!s.ok()) return s;
    serve_internal::EventSummary::Position from{after.date ? serve_internal::DateNumber(*after.date) : 0, after.id};
    std::vector<serve_internal::EventSummary::Position> found;
    bool more = false;
    s = summary_.Page(q, q.cursor.empty() ? nullptr : &from, wanted, &found, &more);
    if (!s.ok()) return s;
    Stmt st(db, "SELECT json FROM events WHERE id = ?");
    if (!st.ok()) return SqlError(db, "cannot prepare event query");
    for (const auto& p : found) {
      st.Reset();
      st.Bind(1, p.id);
      if (st.Step() != SQLITE_ROW) return SqlError(db, "event query failed");
      Row r;
      r.position = {p.date ? std::optional<std::string>(serve_internal::DateText(p.date)) : std::nullopt, p.id};
      if (!(s = FillRow(st.Text(0), q.json_only, &r)).ok()) return s;
      rows->push_back(std::move(r));
    }
    return Status::OK();
  }

  // The same by SQL (for a text search, which the summary cannot do): dated events by (date, id) through
  // the date index, then the undated ones by id.
  Status FindRowsBySql(sqlite3* db, const EventPageQuery& q, const Cursor& after, size_t wanted,
                       std::vector<Row>* rows) const {
    const bool has_cursor = !q.cursor.empty();
    Status s;
    if (!has_cursor || after.date) {
      Where w = FilterOf(q);
      w.Add("date IS NOT NULL", {});
      if (has_cursor) w.Add("(date, id) > (?, ?)", {*after.date, after.id});
      if (!(s = ReadRows(db, w, "date, id", wanted, q.json_only, rows)).ok()) return s;
    }
    if (rows->size() < wanted) {
      Where w = FilterOf(q);
      w.Add("date IS NULL", {});
      if (has_cursor && !after.date) w.Add("id > ?", {after.id});
      if (!(s = ReadRows(db, w, "id", wanted - rows->size(), q.json_only, rows)).ok()) return s;
    }
    return Status::OK();
  }

  // The row ids of the events matching `q`, ascending.
  Status MatchingIds(const EventPageQuery& q, std::vector<int64_t>* ids) {
    Connection* c;
    Status s = Acquire(&c);
    if (!s.ok()) return s;
    const Where w = FilterOf(q);
    const std::string sql = "SELECT id FROM events" + w.Sql() + " ORDER BY id";
    Stmt st(c->db, sql.c_str());
    if (!st.ok()) return SqlError(c->db, "cannot prepare event query");
    w.Bind(&st);
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) ids->push_back(st.Int(0));
    return rc == SQLITE_DONE ? Status::OK() : SqlError(c->db, "event query failed");
  }

  Status ReadRows(sqlite3* db, const Where& w, const char* order, size_t limit, bool json_only,
                  std::vector<Row>* rows) const {
    std::string sql = fmt::format("SELECT id, date, json FROM events{} ORDER BY {} LIMIT {}", w.Sql(), order, limit);
    Stmt st(db, sql.c_str());
    if (!st.ok()) return SqlError(db, "cannot prepare event query");
    w.Bind(&st);
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      Row r;
      r.position.id = st.Int(0);
      if (!st.IsNull(1)) r.position.date = st.Text(1);
      Status s = FillRow(st.Text(2), json_only, &r);
      if (!s.ok()) return s;
      rows->push_back(std::move(r));
    }
    return rc == SQLITE_DONE ? Status::OK() : SqlError(db, "event query failed");
  }

  // This thread's connection, opened on first use.
  Status Acquire(Connection** out) {
    std::lock_guard<std::mutex> lock(mu_);
    std::unique_ptr<Connection>& c = connections_[std::this_thread::get_id()];
    if (!c) {
      Status s = OpenConnection(path_, &c);
      if (!s.ok()) {
        connections_.erase(std::this_thread::get_id());
        return s;
      }
    }
    *out = c.get();
    return Status::OK();
  }

  std::string path_;
  serve_internal::EventSummary summary_;  // answers counts without scanning the events table
  std::mutex mu_;
  std::unordered_map<std::thread::id, std::unique_ptr<Connection>> connections_;
};

}  // namespace

Status OpenStoreEventSource(const std::string& db_path, std::unique_ptr<EventSource>* out) {
  auto source = std::make_unique<StoreEventSource>(db_path);
  Status s = source->Check();
  if (!s.ok()) return s;
  *out = std::move(source);
  return Status::OK();
}

}  // namespace sitrep
