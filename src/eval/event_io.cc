// Reading gold and predicted events: gold files/directories, JSON lines, a SQLite store.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sqlite3.h>

#include "sitrep/eval.h"

namespace sitrep {
namespace fs = std::filesystem;

namespace {

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read error");
  *out = ss.str();
  return Status::OK();
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsGoldName(const std::string& name) { return EndsWith(name, ".csv") || EndsWith(name, ".jsonl"); }

Status LoadGoldFile(const std::string& path, GoldSet* gold, Diagnostics* diag) {
  gold->files.push_back(path);
  if (EndsWith(path, ".jsonl")) return LoadEventsJsonl(path, &gold->events, diag);
  std::string csv;
  Status s = ReadFile(path, &csv);
  if (!s.ok()) return s;
  return ParseAcledCsv(csv, path, gold, diag);
}

}  // namespace

Status LoadEventsJsonl(const std::string& path, std::vector<Event>* events, Diagnostics* diag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::string line;
  int64_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Event e;
    Status s = EventFromJson(line, &e);
    if (!s.ok()) {
      if (diag) diag->Error(path, lineno, -1, "skipped event: " + s.message());
      continue;
    }
    events->push_back(std::move(e));
  }
  if (in.bad()) return Status::IOError(path + ": read error");
  return Status::OK();
}

Status LoadGold(const std::string& path, GoldSet* gold, Diagnostics* diag) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::NotFound(path + ": no such file or directory");
  if (!fs::is_directory(path, ec)) {
    if (!IsGoldName(path)) {
      return Status::InvalidArgument(path + ": gold must be a .csv (ACLED columns) or .jsonl (sitrep events) file");
    }
    return LoadGoldFile(path, gold, diag);
  }
  std::vector<std::string> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
    std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.' || !IsGoldName(name)) continue;
    if (entry.is_regular_file(ec)) files.push_back(entry.path().string());
  }
  if (ec) return Status::IOError(path + ": cannot list directory: " + ec.message());
  if (files.empty()) {
    return Status::NotFound(path + ": no gold files here (looked for *.csv and *.jsonl, not recursively)");
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    Status s = LoadGoldFile(f, gold, diag);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

// The store's schema belongs to the store stage; until it exposes a reader we look for the
// `events` table and take the first column whose name says it holds the event JSON.
Status LoadEventsFromDb(const std::string& path, std::vector<Event>* events, Diagnostics* diag) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::NotFound(path + ": no such store");
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::IOError(path + ": cannot open store: " + msg);
  }
  auto fail = [&](Status s) {
    sqlite3_close(db);
    return s;
  };
  // Find the JSON column.
  std::vector<std::string> columns;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info('events')", -1, &stmt, nullptr) != SQLITE_OK) {
    return fail(Status::IOError(path + ": " + sqlite3_errmsg(db)));
  }
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    columns.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  }
  sqlite3_finalize(stmt);
  if (columns.empty()) return fail(Status::NotFound(path + ": no 'events' table"));
  std::string column;
  for (const char* want : {"json", "event_json", "data", "event", "body", "doc"}) {
    if (std::find(columns.begin(), columns.end(), want) != columns.end()) {
      column = want;
      break;
    }
  }
  if (column.empty()) {
    std::string list;
    for (const std::string& c : columns) list += (list.empty() ? "" : ", ") + c;
    return fail(Status::Unsupported(path + ": table 'events' has no event JSON column (columns: " + list + ")"));
  }
  std::string sql = "SELECT \"" + column + "\" FROM events";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    return fail(Status::IOError(path + ": " + sqlite3_errmsg(db)));
  }
  int64_t row = 0;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    ++row;
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    if (!text) continue;
    Event e;
    Status s = EventFromJson(reinterpret_cast<const char*>(text), &e);
    if (!s.ok()) {
      if (diag) diag->Error(path, row, -1, "events row " + std::to_string(row) + " skipped: " + s.message());
      continue;
    }
    events->push_back(std::move(e));
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_DONE) return fail(Status::IOError(path + ": " + sqlite3_errmsg(db)));
  sqlite3_close(db);
  return Status::OK();
}

}  // namespace sitrep
