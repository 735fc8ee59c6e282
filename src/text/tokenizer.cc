// Tokenizer: Penn Treebank / UD English EWT conventions adapted to news text.
// A single left-to-right pass over the original bytes; each token keeps its byte
// range, and only its `norm`/`lower` strings are built (SSO-sized for most words).
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include "abbreviations.h"
#include "chars.h"
#include "core/strings.h"
#include "internal.h"
#include "sitrep/text.h"

namespace sitrep::text_internal {
namespace {

bool AsciiEqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::vector<Token>* out)
      : text_(text), p_(reinterpret_cast<const uint8_t*>(text.data())), n_(text.size()), out_(out) {}

  void Run() {
    size_t i = 0;
    while (i < n_) {
      Char c = At(i);
      switch (c.cls) {
        case CharClass::kSpace:
        case CharClass::kNewline:
          space_ = true;
          i += c.len;
          continue;
        case CharClass::kIgnorable:
        case CharClass::kJoiner:
          i += c.len;  // invisible on its own: neither a token nor a space
          continue;
        case CharClass::kLetter:
        case CharClass::kDigit:
        case CharClass::kMark:
          i = ScanWord(i);
          break;
        case CharClass::kPeriod:
          i = EmitRun(i, '.');
          break;
        case CharClass::kHyphen:
          i = c.cp == '-' ? EmitRun(i, '-') : Emit(i, i + c.len, TokenKind::kPunct);
          break;
        case CharClass::kSymbol:
          i = ScanSymbol(i, c);
          break;
        case CharClass::kPunct:
          if (c.cp == '!' || c.cp == '?') {
            size_t j = i;
            while (j < n_ && (p_[j] == '!' || p_[j] == '?')) ++j;
            i = Emit(i, j, TokenKind::kPunct);
          } else {
            i = Emit(i, i + c.len, TokenKind::kPunct);
          }
          break;
        default:  // apostrophes, quotes, dashes, ellipsis, comma: one character each
          i = Emit(i, i + c.len, TokenKind::kPunct);
          break;
      }
    }
  }

 private:
  // The character at byte i, or a zero-length space past the end.
  Char At(size_t i) const {
    if (i >= n_) return Char{0, 0, CharClass::kSpace};
    return DecodeChar(p_ + i, n_ - i);
  }

  size_t Emit(size_t begin, size_t end, TokenKind kind) {
    Token& t = out_->emplace_back();
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.kind = kind;
    t.space_before = space_;
    space_ = false;
    std::string_view surface = text_.substr(begin, end - begin);
    if (strings::IsAscii(surface)) {
      t.norm.assign(surface);
      t.lower = strings::AsciiLower(surface);
    } else {
      t.norm = NormalizeText(surface);
      t.lower = FoldCase(t.norm);
    }
    return end;
  }

  // "...", "--": a run of the same ASCII character is one token.
  size_t EmitRun(size_t i, char ch) {
    size_t j = i;
    while (j < n_ && p_[j] == static_cast<uint8_t>(ch)) ++j;
    return Emit(i, j, TokenKind::kPunct);
  }

  // A symbol plus any combining marks, joiners and joined symbols (emoji sequences).
  size_t ScanSymbol(size_t i, Char c) {
    if (c.cp < 0x80) {  // "***", "====", "$$$", ">>": a run of one ASCII symbol is one token
      size_t j = i + 1;
      while (j < n_ && p_[j] == p_[i]) ++j;
      return Emit(i, j, TokenKind::kSymbol);
    }
    size_t j = i + c.len;
    for (;;) {
      Char d = At(j);
      if (d.cls == CharClass::kMark) {
        j += d.len;
      } else if (d.cls == CharClass::kJoiner && At(j + d.len).cls == CharClass::kSymbol) {
        j += d.len + At(j + d.len).len;
      } else if (d.cls == CharClass::kSymbol && d.cp >= 0x1F3FB && d.cp <= 0x1F3FF) {  // skin tones
        j += d.len;
      } else {
        break;
      }
    }
    return Emit(i, j, TokenKind::kSymbol);
  }

  bool StartsWith(size_t i, const char* s) const {
    size_t len = std::strlen(s);
    return i + len <= n_ && AsciiEqualsLower(text_.substr(i, len), s);
  }

  // True if a lowercase host-name tail ("com", "unmissions.org") or file extension ("pdf")
  // starts at byte i: dot-separated [a-z0-9-] labels ending in a common domain suffix or
  // extension and not followed by a letter. Looks at
  // most 64 bytes ahead so that long runs of dots stay linear.
  bool IsHostTailAt(size_t i) const {
    const size_t limit = std::min(n_, i + 64);
    size_t label = i, j = i;
    for (;;) {
      while (j < limit && ((p_[j] >= 'a' && p_[j] <= 'z') || IsAsciiDigit(static_cast<char>(p_[j])) || p_[j] == '-')) ++j;
      if (j == label) return false;
      if (j + 1 < limit && p_[j] == '.' && p_[j + 1] >= 'a' && p_[j + 1] <= 'z') {
        label = ++j;
        continue;
      }
      break;
    }
    if (j < n_ && (IsAsciiLetter(static_cast<char>(p_[j])) || p_[j] >= 0x80)) return false;
    std::string_view suffix = text_.substr(label, j - label);
    for (const char* tld : {"com", "org", "net", "gov", "edu", "int", "info", "io", "cd", "rw", "ug", "bi", "uk",
                            "fr", "be", "tz", "ke", "news", "pdf", "htm", "html", "doc", "docx", "xls", "xlsx", "txt", "jpg",
                            "png", "csv", "zip"}) {
      if (suffix == tld) return true;
    }
    return false;
  }

  // Length of the longest listed abbreviation with inner periods ("Ph.D.") starting at
  // `start`, or 0. Only called at a "letters.Letter" junction, so rarely.
  size_t ListedDottedAbbreviation(size_t start) const {
    size_t best = 0;
    for (size_t j = start + 1; j < n_ && j - start < 16 && !IsSpaceClass(At(j).cls); ++j) {
      if (p_[j] == '.' && LookupAbbreviation(text_.substr(start, j + 1 - start)) != AbbrevKind::kNone) {
        best = j + 1 - start;
      }
    }
    return best;
  }

  // A URL runs to the next space; trailing sentence punctuation is not part of it.
  size_t ScanUrl(size_t i) {
    size_t j = i;
    while (j < n_ && !IsSpaceClass(At(j).cls)) j += At(j).len;
    while (j > i + 4 && std::strchr(".,;:!?)]}\"'", static_cast<char>(p_[j - 1])) != nullptr) --j;
    return Emit(i, j, TokenKind::kWord);
  }

  // Letters, digits and marks, joined by word-internal connectors (see docs/text.md):
  // hyphens ("Mai-Mai"), apostrophes ("Rwanda's", split below), dotted initials ("U.N."),
  // number separators ("4,000", "7.2", "2023-11-06", "10:30", "06/11/2023"), e-mail "@".
  size_t ScanWord(size_t start) {
    // Only words starting with h/H or w/W can be URLs: skip the three comparisons otherwise.
    const uint8_t c0 = p_[start] | 0x20;
    if ((c0 == 'h' || c0 == 'w') &&
        (StartsWith(start, "http://") || StartsWith(start, "https://") || StartsWith(start, "www."))) {
      return ScanUrl(start);
    }
    const bool starts_digit = At(start).cls == CharClass::kDigit;
    CharClass prev = At(start).cls;
    size_t seg_letters = 0;     // letters since the last connector
    size_t letters = 0;         // letters in the whole chunk
    int32_t first_cp = At(start).cp;
    bool initials = false;      // contains "X." inside, as in "U.N" or "e.g"
    bool email = false;
    size_t apos = std::string_view::npos, apos_len = 0;  // last inner apostrophe
    size_t listed = 0;
    size_t i = start;
    while (i < n_) {
      Char c = At(i);
      if (c.cls == CharClass::kLetter) {
        ++seg_letters;
        ++letters;
        prev = c.cls;
        i += c.len;
        continue;
      }
      if (c.cls == CharClass::kDigit) {
        prev = c.cls;
        i += c.len;
        continue;
      }
      if (c.cls == CharClass::kMark || c.cls == CharClass::kJoiner) {
        i += c.len;
        continue;
      }
      Char nx = At(i + c.len);
      size_t step = c.len;
      bool cont = false;
      switch (c.cls) {
        case CharClass::kApostrophe:
          cont = IsAlnum(prev) && nx.cls == CharClass::kLetter;
          if (cont) apos = i, apos_len = c.len;
          break;
        case CharClass::kHyphen:
          cont = IsAlnum(prev) && IsAlnum(nx.cls);
          break;
        case CharClass::kDash:
          cont = prev == CharClass::kDigit && nx.cls == CharClass::kDigit;
          break;
        case CharClass::kComma:  // thousands: exactly three digits follow
          cont = starts_digit && prev == CharClass::kDigit && i + 4 <= n_ && IsAsciiDigit(text_[i + 1]) &&
                 IsAsciiDigit(text_[i + 2]) && IsAsciiDigit(text_[i + 3]) &&
                 (i + 4 == n_ || !IsAsciiDigit(text_[i + 4]));
          break;
        case CharClass::kPeriod:
          if (prev == CharClass::kDigit && nx.cls == CharClass::kDigit) {
            cont = true;
          } else if (email) {
            cont = IsAlnum(prev) && IsAlnum(nx.cls);
          } else if (prev == CharClass::kLetter && seg_letters == 1 && nx.cls == CharClass::kLetter &&
                     At(i + c.len + nx.len).cp == '.') {
            cont = initials = true;  // "U.N", "D.R", "e.g"
          } else if (prev == CharClass::kLetter && nx.cls == CharClass::kLetter &&
                     (listed = ListedDottedAbbreviation(start)) != 0) {
            return Emit(start, start + listed, TokenKind::kWord);  // "Ph.D."
          } else if (prev == CharClass::kLetter && IsHostTailAt(i + c.len)) {
            cont = true;  // "reuters.com", "monusco.unmissions.org"
          } else if (initials && prev == CharClass::kLetter && seg_letters == 1 &&
                     nx.cls == CharClass::kHyphen && IsAlnum(At(i + c.len + nx.len).cls)) {
            cont = true;  // "U.S.-backed": take the period and the hyphen together
            step += nx.len;
          }
          break;
        case CharClass::kPunct:
          if (c.cp == '/') {
            cont = prev == CharClass::kDigit && nx.cls == CharClass::kDigit;
          } else if (c.cp == ':') {
            cont = prev == CharClass::kDigit && i + 3 <= n_ && IsAsciiDigit(text_[i + 1]) &&
                   IsAsciiDigit(text_[i + 2]) && (i + 3 == n_ || !IsAsciiDigit(text_[i + 3]));
          }
          break;
        case CharClass::kSymbol:
          if (c.cp == '@' && IsAlnum(prev) && IsAlnum(nx.cls)) cont = email = true;
          break;
        default:
          break;
      }
      if (!cont) break;
      i += step;
      seg_letters = 0;
      prev = c.cls;
    }
    size_t end = i;

    // A final period belongs to dotted initials, single capital initials and listed abbreviations.
    if (!email && At(end).cp == '.' && At(end + 1).cp != '.') {
      bool attach = initials;
      if (!attach && letters == 1 && end - start == At(start).len && IsUpperCp(first_cp)) attach = true;
      if (!attach && end - start < 16) {
        char buf[17];
        std::memcpy(buf, text_.data() + start, end - start);
        buf[end - start] = '.';
        attach = LookupAbbreviation(std::string_view(buf, end - start + 1)) != AbbrevKind::kNone;
      }
      if (attach) return Emit(start, end + 1, TokenKind::kWord);
    }

    // Clitics: "Rwanda's" -> "Rwanda" "'s", "don't" -> "do" "n't" (PTB).
    if (apos != std::string_view::npos) {
      std::string_view suffix = text_.substr(apos + apos_len, end - apos - apos_len);
      for (const char* clitic : {"s", "re", "ve", "ll", "d", "m"}) {
        if (AsciiEqualsLower(suffix, clitic)) {
          EmitWordOrNumber(start, apos);
          return Emit(apos, end, TokenKind::kWord);
        }
      }
      if (AsciiEqualsLower(suffix, "t") && apos >= start + 2 && (p_[apos - 1] == 'n' || p_[apos - 1] == 'N')) {
        Emit(start, apos - 1, TokenKind::kWord);
        return Emit(apos - 1, end, TokenKind::kWord);
      }
    }
    // Words PTB/EWT write as two: "cannot" -> "can" "not", "gonna" -> "gon" "na".
    if (end - start == 5 || end - start == 6) {
      std::string_view w = text_.substr(start, end - start);
      for (auto [word, cut] : {std::pair{"cannot", 3}, std::pair{"gonna", 3}, std::pair{"wanna", 3},
                               std::pair{"gotta", 3}}) {
        if (AsciiEqualsLower(w, word)) {
          Emit(start, start + cut, TokenKind::kWord);
          return Emit(start + cut, end, TokenKind::kWord);
        }
      }
    }
    return EmitWordOrNumber(start, end);
  }

  // "4,000", "20th", "1990s" are numbers; "5km" -> "5" "km"; "M23", "30-year-old" are words.
  size_t EmitWordOrNumber(size_t start, size_t end) {
    if (!IsAsciiDigit(text_[start])) return Emit(start, end, TokenKind::kWord);
    size_t k = start;
    while (k < end && (IsAsciiDigit(text_[k]) ||
                       (k + 1 < end && std::strchr(",.-/:", text_[k]) != nullptr && IsAsciiDigit(text_[k + 1])))) {
      ++k;
    }
    if (k == end) return Emit(start, end, TokenKind::kNumber);
    std::string_view rest = text_.substr(k, end - k);
    bool letters_only = true;
    for (char ch : rest) letters_only &= IsAsciiLetter(ch);
    if (!letters_only) return Emit(start, end, TokenKind::kWord);
    for (const char* suffix : {"st", "nd", "rd", "th", "s"}) {
      if (AsciiEqualsLower(rest, suffix)) return Emit(start, end, TokenKind::kNumber);
    }
    Emit(start, k, TokenKind::kNumber);
    return Emit(k, end, TokenKind::kWord);
  }

  std::string_view text_;
  const uint8_t* p_;
  size_t n_;
  std::vector<Token>* out_;
  bool space_ = false;
};

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>* tokens) { Tokenizer(text, tokens).Run(); }

}  // namespace sitrep::text_internal
