// Reading gold and predicted events: gold files/directories, JSON lines, a SQLite store.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

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

bool IsBlank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

// Reads `path` line by line: each non-blank line (a trailing CR removed) is parsed by
// `parse(line, "<path>:<line number>", &item)`; an item that parses is appended to `out`, a line
// that does not is reported to `diag` ("skipped <what>: ...", file and line) and skipped.
template <typename T, typename Parse>
Status LoadJsonLines(const std::string& path, const char* what, Parse parse, std::vector<T>* out, Diagnostics* diag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::string line;
  int64_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (IsBlank(line)) continue;
    T item;
    Status s = parse(line, path + ":" + std::to_string(lineno), &item);
    if (!s.ok()) {
      if (diag) diag->Error(path, lineno, -1, std::string("skipped ") + what + ": " + s.message());
      continue;
    }
    out->push_back(std::move(item));
  }
  if (in.bad()) return Status::IOError(path + ": read error");
  return Status::OK();
}

// True when the first non-blank line of the JSON-lines file at `path` is a labelled snippet.
bool IsSnippetFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (!IsBlank(line)) return IsSnippetLine(line);
  }
  return false;
}

// Reads field `key` when it is a string; leaves `out` alone when it is null or absent.
Status OptionalString(const nlohmann::json& j, const char* key, std::string* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::OK();
  if (!it->is_string()) return Status::InvalidArgument(std::string("field '") + key + "' must be a string or null");
  *out = it->get<std::string>();
  return Status::OK();
}

// One labelled snippet; `origin` ("<file>:<line>") is its article's origin, and its id when it has none.
Status SnippetFromJson(const std::string& line, const std::string& origin, Snippet* snippet) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument("malformed JSON");
  if (!j.is_object()) return Status::InvalidArgument("expected a JSON object");
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) return Status::InvalidArgument("field 'text' (a string) is missing");
  if (!j.contains("acled_sub_event_type")) return Status::InvalidArgument("field 'acled_sub_event_type' is missing");
  Article& a = snippet->article;
  a.text = text->get<std::string>();
  std::string date;
  for (auto [key, out] : {std::pair{"acled_sub_event_type", &snippet->sub_event_type},
                          {"case_label", &snippet->case_label}, {"id", &a.id}, {"date", &date}}) {
    Status s = OptionalString(j, key, out);
    if (!s.ok()) return s;
  }
  // As the article reader does: a date, or the date part of a date-time (CASE 2021 gives a placeholder).
  if (!date.empty()) {
    if (!IsIsoDate(date.substr(0, 10))) return Status::InvalidArgument("field 'date' is not a YYYY-MM-DD date");
    a.date = date.substr(0, 10);
  }
  a.origin = origin;
  if (a.id.empty()) a.id = origin;
  return Status::OK();
}

Status LoadGoldFile(const std::string& path, GoldSet* gold, Diagnostics* diag) {
  gold->files.push_back(path);
  if (EndsWith(path, ".jsonl")) {
    if (IsSnippetFile(path)) return LoadSnippetsJsonl(path, &gold->snippets, diag);
    return LoadEventsJsonl(path, &gold->events, diag);
  }
  std::string csv;
  Status s = ReadFile(path, &csv);
  if (!s.ok()) return s;
  return ParseAcledCsv(csv, path, gold, diag);
}

}  // namespace

Status LoadEventsJsonl(const std::string& path, std::vector<Event>* events, Diagnostics* diag) {
  auto parse = [](const std::string& line, const std::string&, Event* e) { return EventFromJson(line, e); };
  return LoadJsonLines(path, "event", parse, events, diag);
}

bool IsSnippetLine(std::string_view line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  return j.is_object() && j.contains("text") && j.contains("acled_sub_event_type") && !j.contains("plover_type");
}

Status LoadSnippetsJsonl(const std::string& path, std::vector<Snippet>* snippets, Diagnostics* diag) {
  return LoadJsonLines(path, "snippet", SnippetFromJson, snippets, diag);
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
