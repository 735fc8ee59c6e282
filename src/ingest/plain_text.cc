// Plain-text articles: optional "date YYYY-MM-DD" header, optional "Original Source: host" footer.
#include <algorithm>
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

enum class DateHeader { kNone, kValid, kInvalid };

// "date 2023-11-07 The M23..." (also "Date: 2023-11-07"): returns kValid with the date and moves `s`
// past the header and the white space after it. A header whose value starts with a digit but is not
// a real YYYY-MM-DD date ("date 2023-02-30", "Date: 7/11/2023") is kInvalid: `s` moves past it too
// and `value` is set. Anything else ("dated ...", "Date night") is text: kNone, `s` left alone.
DateHeader TakeDateHeader(std::string_view* s, std::string* date, std::string_view* value) {
  std::string_view t = *s;
  if (!StartsWithNoCase(t, "date")) return DateHeader::kNone;
  t.remove_prefix(4);
  if (!t.empty() && t.front() == ':') t.remove_prefix(1);
  size_t spaces = 0;
  while (spaces < t.size() && (t[spaces] == ' ' || t[spaces] == '\t')) ++spaces;
  if (spaces == 0 && (s->size() < 5 || (*s)[4] != ':')) return DateHeader::kNone;  // "dated ..." is text
  t.remove_prefix(spaces);
  size_t end = 0;
  while (end < t.size() && !IsSpace(t[end])) ++end;
  *value = t.substr(0, end);
  if (value->empty() || value->front() < '0' || value->front() > '9') return DateHeader::kNone;
  std::string candidate(*value);
  t.remove_prefix(end);
  *s = t;
  if (!IsIsoDate(candidate)) return DateHeader::kInvalid;
  *date = std::move(candidate);
  return DateHeader::kValid;
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

void ParsePlainText(std::string_view content, Article* article, Diagnostic* header_warning) {
  const std::string_view whole = content;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);  // byte order mark
  std::string_view t = Trim(content);
  std::string date, source;
  std::string_view value;
  switch (TakeDateHeader(&t, &date, &value)) {
    case DateHeader::kValid:
      article->date = date;
      break;
    case DateHeader::kInvalid:
      if (header_warning) {
        const size_t offset = static_cast<size_t>(value.data() - whole.data());
        header_warning->line = 1 + std::count(whole.begin(), whole.begin() + offset, '\n');
        header_warning->offset = static_cast<int64_t>(offset);
        header_warning->message = "date header \"" + std::string(value) +
                                  "\" is not a YYYY-MM-DD date; ignored and removed from the text";
      }
      break;
    case DateHeader::kNone:
      break;
  }
  if (TakeSourceFooter(&t, &source)) article->source = source;
  article->text = std::string(Trim(t));
}

}  // namespace sitrep
