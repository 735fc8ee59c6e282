// One JSON line -> one Article.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "internal.h"

namespace sitrep::ingest_internal {

using nlohmann::json;

namespace {

// Reads an optional string field; null counts as absent. Errors name the field and the type found.
Status GetString(const json& obj, const char* key, std::string* out, bool* present) {
  *present = false;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::OK();
  if (!it->is_string())
    return Status::InvalidArgument(std::string("field '") + key + "' must be a string, not " + it->type_name());
  *out = it->get<std::string>();
  *present = true;
  return Status::OK();
}

// Deeper nesting than this is refused before parsing: nlohmann's dump() and the metadata copy recurse
// once per level, so a line of 70,000 '[' would overflow the stack. Real feeds nest a few levels.
constexpr int kMaxNesting = 256;

// The 1-based column of the first '[' or '{' that opens level kMaxNesting + 1, or 0 when the line
// never nests that deep. Brackets inside strings do not count.
int64_t ColumnOfExcessiveNesting(const std::string& line) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (c == '\\') ++i;  // skip the escaped byte
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxNesting) return static_cast<int64_t>(i) + 1;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return 0;
}

bool IsKnownField(const std::string& key) {
  static const char* kKnown[] = {"text", "title", "date", "url", "source", "id", "language"};
  for (const char* k : kKnown)
    if (key == k) return true;
  return false;
}

}  // namespace

Status ParseJsonArticle(const std::string& line, Article* a, std::vector<std::string>* warnings,
                        int64_t* error_column) {
  if (int64_t column = ColumnOfExcessiveNesting(line); column > 0) {
    *error_column = column;
    return Status::InvalidArgument(
        fmt::format("JSON nested deeper than {} levels (at column {})", kMaxNesting, column));
  }
  json j;
  try {
    j = json::parse(line);
  } catch (const json::parse_error& e) {
    *error_column = static_cast<int64_t>(e.byte);
    const char* what = e.byte > line.size() ? "unexpected end of line" : "syntax error";
    return Status::InvalidArgument(std::string("malformed JSON (") + what + " at column " + std::to_string(e.byte) +
                                   ")");
  } catch (const json::exception& e) {
    return Status::InvalidArgument("malformed JSON");
  }
  if (!j.is_object())
    return Status::InvalidArgument(std::string("expected a JSON object, not ") + j.type_name());

  bool present = false;
  Status s = GetString(j, "text", &a->text, &present);
  if (!s.ok()) return s;
  if (!present) return Status::InvalidArgument("field 'text' is missing");
  for (auto [key, field] : {std::pair{"title", &a->title}, {"url", &a->url}, {"source", &a->source},
                            {"id", &a->id}, {"language", &a->language}}) {
    std::string value;
    if (!(s = GetString(j, key, &value, &present)).ok()) return s;
    if (present) *field = value;
  }
  std::string date;
  if (!(s = GetString(j, "date", &date, &present)).ok()) return s;
  if (present) {
    // Accept "2023-11-07" and ISO date-times such as "2023-11-07T10:00:00Z" (the date part).
    std::string day = date.substr(0, 10);
    bool ok = IsIsoDate(day) && (date.size() == 10 || date[10] == 'T' || date[10] == ' ');
    if (ok) {
      a->date = day;
    } else {
      warnings->push_back("field 'date' is not a YYYY-MM-DD date (\"" + date + "\"); ignored");
    }
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!IsKnownField(it.key())) a->metadata[it.key()] = it.value().dump();
  }
  return Status::OK();
}

}  // namespace sitrep::ingest_internal
