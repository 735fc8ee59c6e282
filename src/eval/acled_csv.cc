// ACLED-style CSV gold: RFC 4180 parsing and the row -> (Event, Article) mapping.
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "core/strings.h"
#include "sitrep/eval.h"

namespace sitrep {
namespace {

// One CSV record and the 1-based line it starts on (quoted fields may span lines).
struct Record {
  std::vector<std::string> fields;
  int64_t line = 0;
};

// Splits CSV text into records. Quotes: "a ""b"" c" -> a "b" c. Accepts \n and \r\n.
// Returns false (with *error set) on an unterminated quoted field.
bool SplitCsv(std::string_view csv, std::vector<Record>* out, std::string* error, int64_t* error_line) {
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);  // UTF-8 BOM, as Excel writes it
  Record rec;
  std::string field;
  bool in_quotes = false, field_started = false;
  int64_t line = 1;
  rec.line = 1;
  auto end_field = [&] {
    rec.fields.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    // A blank line is no record.
    if (!(rec.fields.size() == 1 && rec.fields[0].empty())) out->push_back(std::move(rec));
    rec = Record();
    rec.line = line;
  };
  for (size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < csv.size() && csv[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      in_quotes = field_started = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') ++i;
      ++line;
      end_record();
    } else {
      field += c;
      field_started = true;
    }
  }
  if (in_quotes) {
    *error = "unterminated quoted field";
    *error_line = rec.line;
    return false;
  }
  if (field_started || !rec.fields.empty()) end_record();
  return true;
}

// Blanks only: a quoted field keeps its line breaks (the notes become article text, whose
// bytes the article id hashes).
std::string Trim(std::string_view s) { return std::string(strings::Trim(s, " \t")); }

bool ParseDouble(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end && *end == '\0';
}

}  // namespace

Status ParseAcledCsv(std::string_view csv, const std::string& origin, GoldSet* gold, Diagnostics* diag) {
  std::vector<Record> records;
  std::string error;
  int64_t error_line = 0;
  if (!SplitCsv(csv, &records, &error, &error_line)) {
    return Status::Corruption(origin + ":" + std::to_string(error_line) + ": " + error);
  }
  if (records.empty()) return Status::InvalidArgument(origin + ": empty CSV (no header row)");
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < records[0].fields.size(); ++i) col[Trim(records[0].fields[i])] = i;
  for (const char* required : {"event_date", "event_type", "notes"}) {
    if (!col.count(required)) {
      return Status::InvalidArgument(origin + ":1: missing required ACLED column '" + required + "'");
    }
  }
  for (size_t r = 1; r < records.size(); ++r) {
    const Record& rec = records[r];
    auto get = [&](const char* name) -> std::string {
      auto it = col.find(name);
      return it != col.end() && it->second < rec.fields.size() ? Trim(rec.fields[it->second]) : "";
    };
    auto warn = [&](const std::string& msg) {
      if (diag) diag->Warn(origin, rec.line, -1, msg);
    };
    std::optional<std::string> date = ParseAcledDate(get("event_date"));
    if (!date) {
      warn("skipped row: event_date '" + get("event_date") + "' is not a date (want 2023-11-06 or 06 November 2023)");
      continue;
    }
    std::string notes = get("notes");
    if (notes.empty()) {
      warn("skipped row: empty notes (nothing to code)");
      continue;
    }
    std::string id = get("event_id_cnty");
    if (id.empty()) id = origin + ":" + std::to_string(rec.line);

    Event e;
    e.article_id = id;
    e.event_id = id;
    e.acled_event_type = get("event_type");
    e.acled_sub_event_type = get("sub_event_type");
    e.actor1.name = get("actor1");
    e.actor2.name = get("actor2");
    e.date = date;
    e.date_precision = "day";
    std::string lat = get("latitude"), lon = get("longitude");
    Location loc;
    loc.name = get("location");
    loc.admin1 = get("admin1");
    loc.admin2 = get("admin2");
    bool has_coords = ParseDouble(lat, &loc.lat) && ParseDouble(lon, &loc.lon);
    if (has_coords) {
      // ACLED geo_precision 1..3 has the same meaning as ours; a coordinate needs a non-zero precision.
      loc.precision = std::atoi(get("geo_precision").c_str());
      if (loc.precision < 1 || loc.precision > 3) loc.precision = 1;
    } else {
      loc.lat = loc.lon = 0;
      if (!lat.empty() || !lon.empty()) warn("latitude/longitude '" + lat + "," + lon + "' unreadable; ignored");
    }
    if (has_coords || !loc.name.empty() || !loc.admin1.empty()) e.location = loc;
    std::string fatalities = get("fatalities");
    if (!fatalities.empty()) {
      char* end = nullptr;
      long long n = std::strtoll(fatalities.c_str(), &end, 10);
      if (end && *end == '\0' && n >= 0) {
        e.counts.killed.best = n;
      } else {
        warn("fatalities '" + fatalities + "' is not a count; ignored");
      }
    }
    e.evidence.sentence = notes;
    e.evidence.end = static_cast<int64_t>(notes.size());

    Article a;
    a.id = id;
    a.text = notes;
    a.date = date;
    a.source = get("source");
    a.origin = origin + ":" + std::to_string(rec.line);
    gold->events.push_back(std::move(e));
    gold->articles.push_back(std::move(a));
  }
  return Status::OK();
}

}  // namespace sitrep
