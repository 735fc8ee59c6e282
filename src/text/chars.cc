#include "chars.h"

#include <utf8proc.h>

namespace sitrep::text_internal {
namespace {

CharClass ClassifyNonAscii(int32_t cp) {
  switch (cp) {
    case 0x0085: case 0x2028: case 0x2029: return CharClass::kNewline;
    case 0x00AD: case 0x200C: case 0x200D: return CharClass::kJoiner;
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return CharClass::kApostrophe;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x00AB: case 0x00BB: case 0x2033: return CharClass::kQuote;
    case 0x2010: case 0x2011: return CharClass::kHyphen;
    case 0x2012: case 0x2013: case 0x2212: case 0xFE63: case 0xFF0D: return CharClass::kDash;
    case 0x2014: case 0x2015: return CharClass::kEmDash;
    case 0x2026: return CharClass::kEllipsis;
    default: break;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return CharClass::kMark;
    case UTF8PROC_CATEGORY_ND: return CharClass::kDigit;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CS:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: return CharClass::kNewline;
    case UTF8PROC_CATEGORY_CF: return CharClass::kIgnorable;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return CharClass::kPunct;
    default: return CharClass::kSymbol;
  }
}


}  // namespace

Char DecodeNonAscii(const uint8_t* p, size_t n) {
  Char c;
  utf8proc_int32_t cp = -1;
  utf8proc_ssize_t len = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(n < 4 ? n : 4), &cp);
  if (len <= 0 || cp < 0) {
    c.cp = 0xFFFD;
    c.len = 1;
    c.cls = CharClass::kSpace;
    return c;
  }
  c.cp = cp;
  c.len = static_cast<uint8_t>(len);
  c.cls = ClassifyNonAscii(cp);
  return c;
}

bool IsUpperCp(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  auto cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool IsLowerCp(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

}  // namespace sitrep::text_internal
