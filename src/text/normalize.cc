// NormalizeText and FoldCase: NFC and case folding come from utf8proc (FoldCase through
// core/fold.h, the folding of every name comparison); the typographic-to-ASCII mapping
// (quotes, apostrophes, dashes, spaces) is ours.
#include <cstdlib>
#include <string>
#include <string_view>

#include <utf8proc.h>

#include "core/fold.h"
#include "core/strings.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

// Returns `s` with every invalid UTF-8 sequence replaced by U+FFFD, so utf8proc never
// rejects the input (the API promises valid UTF-8, but must not fail on bad input).
std::string Sanitize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = -1;
    size_t left = s.size() - i;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(left < 4 ? left : 4), &cp);
    if (len <= 0 || cp < 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.data() + i, static_cast<size_t>(len));
      i += static_cast<size_t>(len);
    }
  }
  return out;
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  size_t i = 0;
  while (i < s.size()) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp = -1;
    size_t left = s.size() - i;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(left < 4 ? left : 4), &cp);
    if (len <= 0 || cp < 0) return false;
    i += static_cast<size_t>(len);
  }
  return true;
}

// One-to-one code point mapping applied by utf8proc before composition.
utf8proc_int32_t MapTypographic(utf8proc_int32_t cp, void*) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033: return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63: case 0xFF0D: return '-';
    default: break;
  }
  if (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS) return ' ';
  return cp;
}

// Runs utf8proc_map_custom and copies the result into a std::string. On error
// (only possible for invalid input, which we sanitise first) returns the input.
std::string Map(std::string_view s, int options, utf8proc_custom_func func) {
  std::string valid;
  if (!IsValidUtf8(s)) {
    valid = Sanitize(s);
    s = valid;
  }
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map_custom(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                           static_cast<utf8proc_ssize_t>(s.size()), &out,
                                           static_cast<utf8proc_option_t>(options), func, nullptr);
  if (n < 0 || out == nullptr) {
    std::free(out);
    return std::string(s);
  }
  std::string result(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

// The mappings that change length: em dash -> "--", ellipsis -> "...", and invisible
// format characters (soft hyphen, ZWSP, word joiner, BOM) removed.
std::string ExpandAndDrop(const std::string& s) {
  if (strings::IsAscii(s)) return s;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    auto at = [&](const char* seq, size_t n) { return s.compare(i, n, seq) == 0; };
    if (c == 0xC2 && at("\xC2\xAD", 2)) {  // soft hyphen
      i += 2;
    } else if (c == 0xE2 && (at("\xE2\x80\x94", 3) || at("\xE2\x80\x95", 3))) {  // em dash, bar
      out += "--";
      i += 3;
    } else if (c == 0xE2 && at("\xE2\x80\xA6", 3)) {  // ellipsis
      out += "...";
      i += 3;
    } else if ((c == 0xE2 && (at("\xE2\x80\x8B", 3) || at("\xE2\x81\xA0", 3))) ||
               (c == 0xEF && at("\xEF\xBB\xBF", 3))) {  // ZWSP, word joiner, BOM
      i += 3;
    } else {
      out += s[i];
      ++i;
    }
  }
  return out;
}

}  // namespace

std::string NormalizeText(std::string_view s) {
  if (strings::IsAscii(s)) return std::string(s);
  return ExpandAndDrop(Map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE, MapTypographic));
}

// Invalid UTF-8 is first made valid (U+FFFD), as NormalizeText does.
std::string FoldCase(std::string_view s) {
  if (IsValidUtf8(s)) return fold::FoldCase(s);
  return fold::FoldCase(Sanitize(s));
}

}  // namespace sitrep
