// Plain-text articles: optional "date YYYY-MM-DD" header, optional "Original Source: host" footer.
#include <cctype>
#include <string>

#include "core/strings.h"
#include "sitrep/ingest.h"

namespace sitrep {
namespace {

using strings::IsSpace;
using strings::Trim;

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

// "date 2023-11-07 The M23..." (also "Date: 2023-11-07"): returns the date and moves `s` past
// the header and the white space after it. Leaves `s` alone when there is no valid header.
bool TakeDateHeader(std::string_view* s, std::string* date) {
  std::string_view t = *s;
  if (!StartsWithNoCase(t, "date")) return false;
  t.remove_prefix(4);
  if (!t.empty() && t.front() == ':') t.remove_prefix(1);
  size_t spaces = 0;
  while (spaces < t.size() && (t[spaces] == ' ' || t[spaces] == '\t')) ++spaces;
  if (spaces == 0 && (s->size() < 5 || (*s)[4] != ':')) return false;  // "dated ..." is text
  t.remove_prefix(spaces);
  if (t.size() < 10) return false;
  std::string candidate(t.substr(0, 10));
  if (!IsIsoDate(candidate)) return false;
  t.remove_prefix(10);
  if (!t.empty() && !IsSpace(t.front())) return false;
  *date = std::move(candidate);
  *s = t;
  return true;
}

// Removes a last non-blank line "Original Source: <host>" and returns the host.
bool TakeSourceFooter(std::string_view* s, std::string* source) {
  std::string_view t = Trim(*s);
  size_t nl = t.find_last_of('\n');
  std::string_view last = nl == std::string_view::npos ? t : t.substr(nl + 1);
  last = Trim(last);
  static constexpr std::string_view kKey = "original source:";
  if (!StartsWithNoCase(last, kKey)) return false;
  std::string_view host = Trim(last.substr(kKey.size()));
  if (host.empty() || host.find_first_of(" \t") != std::string_view::npos) return false;
  *source = std::string(host);
  *s = nl == std::string_view::npos ? std::string_view() : t.substr(0, nl);
  return true;
}

}  // namespace

void ParsePlainText(std::string_view content, Article* article) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);  // byte order mark
  std::string_view t = Trim(content);
  std::string date, source;
  if (TakeDateHeader(&t, &date)) article->date = date;
  if (TakeSourceFooter(&t, &source)) article->source = source;
  article->text = std::string(Trim(t));
}

}  // namespace sitrep
