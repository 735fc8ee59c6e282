// Character classes used by the tokenizer: one decoded code point and what role it
// plays in English news text. Internal to src/text.
#ifndef SITREP_SRC_TEXT_CHARS_H_
#define SITREP_SRC_TEXT_CHARS_H_

#include <array>
#include <cstddef>
#include <cstdint>

namespace sitrep::text_internal {

enum class CharClass : uint8_t {
  kSpace,       // ASCII/Unicode spaces, line breaks, control characters, invalid bytes
  kNewline,     // \n \r \v \f U+0085 U+2028 U+2029: also a space, but ends a sentence
  kIgnorable,   // format characters (ZWSP, BOM, word joiner): skipped, not a space
  kJoiner,      // soft hyphen, ZWJ, ZWNJ: invisible, continue the current token
  kLetter,      // L* and Nl
  kMark,        // M*: attach to whatever precedes them
  kDigit,       // Nd
  kApostrophe,  // ' U+2018 U+2019 U+201B U+2032
  kQuote,       // " U+201C..U+201F U+00AB U+00BB U+2033
  kHyphen,      // - U+2010 U+2011 (word-internal hyphens)
  kDash,        // U+2012 U+2013 U+2212 (en/figure dash, minus: "-")
  kEmDash,      // U+2014 U+2015 ("--")
  kPeriod,      // .
  kEllipsis,    // U+2026
  kComma,       // ,
  kPunct,       // other P*
  kSymbol,      // S*, No, private use, unassigned
};

struct Char {
  int32_t cp = 0;
  uint8_t len = 1;  // bytes in the original text (1 for an invalid byte)
  CharClass cls = CharClass::kSpace;
};

// ASCII classes, computed at compile time: the hot path for English text.
constexpr std::array<CharClass, 128> MakeAsciiTable() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::kSymbol;
    if (c < 0x20 || c == 0x7F) k = CharClass::kSpace;
    else if (c == ' ') k = CharClass::kSpace;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = CharClass::kLetter;
    else if (c >= '0' && c <= '9') k = CharClass::kDigit;
    else if (c == '\'' || c == '`') k = CharClass::kApostrophe;
    else if (c == '"') k = CharClass::kQuote;
    else if (c == '-') k = CharClass::kHyphen;
    else if (c == '.') k = CharClass::kPeriod;
    else if (c == ',') k = CharClass::kComma;
    else if (c == '!' || c == '(' || c == ')' || c == '/' || c == ':' || c == ';' || c == '?' || c == '[' ||
             c == ']' || c == '{' || c == '}')
      k = CharClass::kPunct;
    else k = CharClass::kSymbol;  // $ % & # * + < = > @ ^ _ | ~ backslash
    t[c] = k;
  }
  t['\n'] = t['\r'] = t['\v'] = t['\f'] = CharClass::kNewline;
  return t;
}

inline constexpr std::array<CharClass, 128> kAscii = MakeAsciiTable();

// DecodeChar for a first byte >= 0x80 (out of line: rare in English text).
Char DecodeNonAscii(const uint8_t* p, size_t n);

// Decodes the code point at p[0..n) (n > 0) and classifies it. Never reads past n;
// an invalid byte decodes as a 1-byte kSpace. Inline so that the tokenizer's ASCII path
// costs a table lookup, not a call.
inline Char DecodeChar(const uint8_t* p, size_t n) {
  if (p[0] < 0x80) {
    Char c;
    c.cp = p[0];
    c.len = 1;
    c.cls = kAscii[p[0]];
    return c;
  }
  return DecodeNonAscii(p, n);
}

inline bool IsAlnum(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }
inline bool IsSpaceClass(CharClass c) { return c == CharClass::kSpace || c == CharClass::kNewline; }

// True for Lu/Lt, and for Ll.
bool IsUpperCp(int32_t cp);
bool IsLowerCp(int32_t cp);

}  // namespace sitrep::text_internal

#endif  // SITREP_SRC_TEXT_CHARS_H_
