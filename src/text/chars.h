// Character classes used by the tokenizer: one decoded code point and what role it
// plays in English news text. Internal to src/text.
#ifndef SITREP_SRC_TEXT_CHARS_H_
#define SITREP_SRC_TEXT_CHARS_H_

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

// Decodes the code point at p[0..n) (n > 0) and classifies it. Never reads past n;
// an invalid byte decodes as a 1-byte kSpace.
Char DecodeChar(const uint8_t* p, size_t n);

inline bool IsAlnum(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }
inline bool IsSpaceClass(CharClass c) { return c == CharClass::kSpace || c == CharClass::kNewline; }

// True for Lu/Lt, and for Ll.
bool IsUpperCp(int32_t cp);
bool IsLowerCp(int32_t cp);

}  // namespace sitrep::text_internal

#endif  // SITREP_SRC_TEXT_CHARS_H_
