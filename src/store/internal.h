// Private helpers of src/store.
#ifndef SITREP_SRC_STORE_INTERNAL_H_
#define SITREP_SRC_STORE_INTERNAL_H_

#include <sqlite3.h>

#include <array>
#include <string>
#include <variant>
#include <vector>

#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::store_internal {

// The schema migrations, in order: migration i (0-based) takes user_version i to i + 1.
const std::vector<const char*>& Migrations();

// RAII prepared statement. Bind indexes are 1-based as in SQLite.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() { return stmt_; }

  void Bind(int i, const std::string& s) { sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT); }
  void Bind(int i, double d) { sqlite3_bind_double(stmt_, i, d); }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void BindNull(int i) { sqlite3_bind_null(stmt_, i); }

  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  std::string Text(int col) {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col)) : std::string();
  }
  bool IsNull(int col) { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

// Builds "WHERE a AND b ..." with positional parameters bound afterwards, in order.
class Where {
 public:
  using Param = std::variant<std::string, double, int64_t>;
  // `clause` uses '?' for each parameter in `params`.
  void Add(std::string clause, std::vector<Param> params) {
    // Appended in steps: "(" + std::string&& makes GCC 12 at -O3 warn falsely (-Wrestrict, bug 105329).
    std::string parenthesised = "(";
    parenthesised += clause;
    parenthesised += ")";
    clauses_.push_back(std::move(parenthesised));
    for (Param& p : params) params_.push_back(std::move(p));
  }
  std::string Sql() const {
    std::string s;
    for (size_t i = 0; i < clauses_.size(); ++i) s += (i == 0 ? " WHERE " : " AND ") + clauses_[i];
    return s;
  }
  void Bind(Stmt* st) const {
    int i = 1;
    for (const Param& p : params_) std::visit([&](const auto& v) { st->Bind(i++, v); }, p);
  }

 private:
  std::vector<std::string> clauses_;
  std::vector<Param> params_;
};


// Steps through `st`, whose rows are (key, JSON): calls `cb` with each row's JSON read by `parse`. A row
// that does not parse is Corruption naming `what` and its key; a failed step is `error(failed)`.
template <typename T, typename Parse, typename Callback, typename Error>
Status ForEachJsonRow(Stmt* st, const std::string& path, const char* what, const char* failed, Parse parse,
                      const Callback& cb, const Error& error) {
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) {
    T value;
    Status s = parse(st->Text(1), &value);
    if (!s.ok()) return Status::Corruption(path + ": " + what + " " + st->Text(0) + ": " + s.message());
    if (!(s = cb(value)).ok()) return s;
  }
  return rc == SQLITE_DONE ? Status::OK() : error(failed);
}

// The filters of an event query on the filter columns that events and dataset_events share (all but
// article_id, which each table reads its own way).
Where EventFilters(const EventQuery& q);
// lat/lon inside a bounding box (min lon > max lon crosses the antimeridian).
void AddBbox(Where* w, const std::array<double, 4>& bbox);
// The filters of `q` on the events table's columns, article_id included, added to `w` (QueryEvents and the
// serve API share them). q.limit is not a filter and is left to the caller.
void AddEventFilters(const EventQuery& q, Where* w);

}  // namespace sitrep::store_internal

#endif  // SITREP_SRC_STORE_INTERNAL_H_
