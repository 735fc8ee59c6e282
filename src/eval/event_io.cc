// Reading gold and predicted events: gold files/directories, JSON lines, a SQLite store.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sitrep/eval.h"
#include "sitrep/store.h"

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

// Read through the store's own API (include/sitrep/store.h), so its schema stays its business.
Status LoadEventsFromDb(const std::string& path, std::vector<Event>* events, Diagnostics*) {
  StoreOptions options;
  options.create_if_missing = false;  // a typo in --db is an error, not an empty result
  std::unique_ptr<Store> store;
  Status s = Store::Open(path, options, &store);
  if (!s.ok()) return s;
  return store->QueryEvents(EventQuery(), [events](const Event& e) {
    events->push_back(e);
    return Status::OK();
  });
}

}  // namespace sitrep
