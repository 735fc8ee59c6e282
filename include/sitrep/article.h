// Article: one news report, the unit of ingest. Everything downstream points back
// into `text` by byte offsets, so `text` is kept exactly as read (after UTF-8 repair).
#ifndef SITREP_ARTICLE_H_
#define SITREP_ARTICLE_H_

#include <map>
#include <optional>
#include <string>

namespace sitrep {

struct Article {
  std::string id;         // stable id: given, or ComputeArticleId(source, url, text)
  std::string title;
  std::string text;
  std::optional<std::string> date;  // published date, "YYYY-MM-DD"
  std::string source;     // publisher / host, e.g. "www.mymotherlode.com"
  std::string url;
  std::string language = "en";
  std::string origin;     // where it was read from: "file.txt" or "file.jsonl:12"
  std::map<std::string, std::string> metadata;  // unknown input fields, kept verbatim (JSON-encoded values)
};

// 16 hex digits of a 64-bit FNV-1a hash over source, url and text (separated by NUL),
// so the same report read twice gets the same id and ingest is idempotent.
std::string ComputeArticleId(const std::string& source, const std::string& url, const std::string& text);

// True when `s` is a valid calendar date written "YYYY-MM-DD", from 0001-01-01 on (there is no year
// 0000; counting days back from it printed dates such as "-001-12-31").
bool IsIsoDate(const std::string& s);

}  // namespace sitrep

#endif  // SITREP_ARTICLE_H_
