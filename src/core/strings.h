// Internal string helpers shared by the stages (not part of include/sitrep/): trimming,
// splitting data-file fields, ASCII case. One copy, so every data file is read the same way.
#ifndef SITREP_SRC_CORE_STRINGS_H_
#define SITREP_SRC_CORE_STRINGS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::strings {

// ASCII white space, as std::isspace in the C locale: space \t \n \v \f \r.
constexpr bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

inline constexpr std::string_view kSpaces = " \t\n\v\f\r";

// `s` without leading and trailing white space (or the bytes of `chars`).
std::string_view Trim(std::string_view s, std::string_view chars = kSpaces);
std::string_view TrimRight(std::string_view s);

// Every field between separators, untrimmed: "a,,b" -> {"a", "", "b"}; "" -> {""}.
std::vector<std::string_view> Split(std::string_view s, char sep);
// Every field between separators, trimmed: "a | b |" -> {"a", "b", ""}. As std::getline reads
// fields, "" has none.
std::vector<std::string> SplitTrimmed(std::string_view s, char sep);
// The trimmed non-empty parts of a list: "a; b ;; c" -> {"a", "b", "c"}.
std::vector<std::string> SplitList(std::string_view s, char sep = ';');

bool IsAscii(std::string_view s);
// 'A'-'Z' lowered, every other byte kept (UTF-8 stays valid).
std::string AsciiLower(std::string_view s);
// 'a'-'z' raised, every other byte kept.
std::string AsciiUpper(std::string_view s);
// Whether `s` starts with 'A'-'Z' (a capitalised word of English text).
constexpr bool StartsAsciiUpper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

// The words of `s`, split at ASCII white space (ASCII lower-cased when `lower`).
std::vector<std::string> SplitWords(std::string_view s, bool lower = false);
// `words` joined by one space.
std::string JoinWords(std::span<const std::string> words);

// `s` safe to print on a terminal: C0 control characters and DEL written as \n, \r, \t or \xHH, so
// that a file name cannot start a new line (and fake a summary line) or send escape codes.
std::string EscapeControl(std::string_view s);

// An English word of five letters or more ending in "-ed" or "-en": the shape of a past participle
// ("killed", "beaten"), for the places that must tell one the tagger read as an adjective.
bool HasParticipleEnding(std::string_view w);

}  // namespace sitrep::strings

#endif  // SITREP_SRC_CORE_STRINGS_H_
