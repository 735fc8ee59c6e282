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

// strings::AsciiLower into the token's own string (no temporary string per token).
void AssignAsciiLower(std::string_view s, std::string* out) {
  out->resize(s.size());
  char* to = out->data();  // a local pointer: stores through char* may alias the string's own fields
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    to[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
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
      AssignAsciiLower(surface, &t.lower);
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

  // What a word scan has seen so far: the state the connector decisions depend on.
  struct WordScan {
    size_t start;               // first byte of the word
    Char first;                 // its first character
    CharClass prev;             // class of the last letter, digit or connector taken
    size_t seg_letters = 0;     // letters since the last connector
    size_t letters = 0;         // letters in the whole chunk
    bool initials = false;      // contains "X." inside, as in "U.N" or "e.g"
    bool email = false;         // an inner "@" was taken
    size_t apos = std::string_view::npos, apos_len = 0;  // last inner apostrophe
    size_t listed = 0;          // > 0: a listed dotted abbreviation ("Ph.D.") of this length is the word
  };

  // Letters, digits and marks, joined by word-internal connectors (see docs/text.md):
  // hyphens ("Mai-Mai"), apostrophes ("Rwanda's", split below), dotted initials ("U.N."),
  // number separators ("4,000", "7.2", "2023-11-06", "10:30", "06/11/2023"), e-mail "@".
  size_t ScanWord(size_t start) {
    if (StartsUrl(start)) return ScanUrl(start);
    const Char first = At(start);
    WordScan w{start, first, first.cls};
    const size_t end = ScanWordChunk(w);
    if (w.listed != 0) return Emit(start, start + w.listed, TokenKind::kWord);  // "Ph.D."
    if (FinalPeriodAttaches(w, end)) return Emit(start, end + 1, TokenKind::kWord);
    if (w.apos != std::string_view::npos) {
      if (size_t next = EmitSplitClitic(start, end, w.apos, w.apos_len); next != 0) return next;
    }
    if (size_t cut = TwoWordCut(start, end); cut != 0) {
      Emit(start, start + cut, TokenKind::kWord);
      return Emit(start + cut, end, TokenKind::kWord);
    }
    return EmitWordOrNumber(start, end);
  }

  // True if a URL ("http://", "https://", "www.", any case) starts at byte i.
  bool StartsUrl(size_t i) const {
    // Only words starting with h/H or w/W can be URLs: skip the three comparisons otherwise.
    const uint8_t c0 = p_[i] | 0x20;
    return (c0 == 'h' || c0 == 'w') && (StartsWith(i, "http://") || StartsWith(i, "https://") || StartsWith(i, "www."));
  }

  // Where the word starting at w.start ends: letters, digits, marks and joiners run on; any
  // other character ends the word unless ConnectorStep takes it. Updates w on the way.
  size_t ScanWordChunk(WordScan& w) const {
    size_t i = w.start;
    while (i < n_) {
      Char c = At(i);
      if (c.cls == CharClass::kLetter) {
        ++w.seg_letters;
        ++w.letters;
        w.prev = c.cls;
        i += c.len;
        continue;
      }
      if (c.cls == CharClass::kDigit) {
        w.prev = c.cls;
        i += c.len;
        continue;
      }
      if (c.cls == CharClass::kMark || c.cls == CharClass::kJoiner) {
        i += c.len;
        continue;
      }
      const size_t step = ConnectorStep(w, i, c);
      if (step == 0) break;
      i += step;
      w.seg_letters = 0;
      w.prev = c.cls;
    }
    return i;
  }

  // Bytes to take if the character c at byte i (neither letter, digit nor mark) joins the
  // word as a connector, else 0. Records inner apostrophes and an e-mail "@" in w.
  size_t ConnectorStep(WordScan& w, size_t i, Char c) const {
    const Char nx = At(i + c.len);
    switch (c.cls) {
      case CharClass::kApostrophe:
        if (!IsAlnum(w.prev) || nx.cls != CharClass::kLetter) return 0;
        w.apos = i, w.apos_len = c.len;
        return c.len;
      case CharClass::kHyphen:
        return IsAlnum(w.prev) && IsAlnum(nx.cls) ? c.len : 0;
      case CharClass::kDash:
        return w.prev == CharClass::kDigit && nx.cls == CharClass::kDigit ? c.len : 0;
      case CharClass::kComma:  // thousands: exactly three digits follow
        return w.first.cls == CharClass::kDigit && w.prev == CharClass::kDigit && ExactDigitsAt(i + 1, 3) ? c.len
                                                                                                        : 0;
      case CharClass::kPeriod:
        return PeriodStep(w, i, c, nx);
      case CharClass::kPunct:
        if (c.cp == '/') return w.prev == CharClass::kDigit && nx.cls == CharClass::kDigit ? c.len : 0;
        if (c.cp == ':') return w.prev == CharClass::kDigit && ExactDigitsAt(i + 1, 2) ? c.len : 0;  // "10:30"
        return 0;
      case CharClass::kSymbol:
        if (c.cp != '@' || !IsAlnum(w.prev) || !IsAlnum(nx.cls)) return 0;
        w.email = true;
        return c.len;
      default:
        return 0;
    }
  }

  // True if exactly `count` ASCII digits start at byte i (and no further digit follows).
  bool ExactDigitsAt(size_t i, size_t count) const {
    if (i + count > n_) return false;
    for (size_t k = i; k < i + count; ++k) {
      if (!IsAsciiDigit(text_[k])) return false;
    }
    return i + count == n_ || !IsAsciiDigit(text_[i + count]);
  }

  // Bytes to take if the period c at byte i, followed by nx, is inside the word (decimals,
  // e-mail and host names, dotted initials), else 0. Sets w.listed instead when a listed
  // abbreviation with inner periods ("Ph.D.") is the whole word.
  size_t PeriodStep(WordScan& w, size_t i, Char c, Char nx) const {
    if (w.prev == CharClass::kDigit && nx.cls == CharClass::kDigit) return c.len;  // "7.2"
    if (w.email) return IsAlnum(w.prev) && IsAlnum(nx.cls) ? c.len : 0;
    if (w.prev != CharClass::kLetter) return 0;
    const size_t after = i + c.len;
    if (w.seg_letters == 1 && nx.cls == CharClass::kLetter && At(after + nx.len).cp == '.') {
      w.initials = true;  // "U.N", "D.R", "e.g"
      return c.len;
    }
    if (nx.cls == CharClass::kLetter && (w.listed = ListedDottedAbbreviation(w.start)) != 0) return 0;
    if (IsHostTailAt(after)) return c.len;  // "reuters.com", "monusco.unmissions.org"
    if (w.initials && w.seg_letters == 1 && nx.cls == CharClass::kHyphen && IsAlnum(At(after + nx.len).cls)) {
      return c.len + nx.len;  // "U.S.-backed": take the period and the hyphen together
    }
    return 0;
  }

  // True if the period right after the word [w.start, end) belongs to it: after dotted
  // initials ("U.N."), a single capital initial ("J.") or a listed abbreviation ("Gen.").
  // Never in e-mail addresses, nor before another period ("U.N..").
  bool FinalPeriodAttaches(const WordScan& w, size_t end) const {
    if (w.email || At(end).cp != '.' || At(end + 1).cp == '.') return false;
    if (w.initials) return true;
    if (w.letters == 1 && end - w.start == w.first.len && IsUpperCp(w.first.cp)) return true;
    if (end - w.start >= 16) return false;
    char buf[17];  // the word and its period, for the abbreviation list, without allocating
    std::memcpy(buf, text_.data() + w.start, end - w.start);
    buf[end - w.start] = '.';
    return LookupAbbreviation(std::string_view(buf, end - w.start + 1)) != AbbrevKind::kNone;
  }

  // Clitics: "Rwanda's" -> "Rwanda" "'s", "don't" -> "do" "n't" (PTB). Emits both tokens of
  // the word [start, end) with its last inner apostrophe at `apos` and returns the end, or
  // returns 0 without emitting if what follows the apostrophe is no clitic.
  size_t EmitSplitClitic(size_t start, size_t end, size_t apos, size_t apos_len) {
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
    return 0;
  }

  // Where to cut a word PTB/EWT write as two ("cannot" -> "can" "not", "gonna" -> "gon"
  // "na"): the length of the first part, or 0 for any other word.
  size_t TwoWordCut(size_t start, size_t end) const {
    if (end - start != 5 && end - start != 6) return 0;
    std::string_view w = text_.substr(start, end - start);
    for (auto [word, cut] : {std::pair{"cannot", 3}, std::pair{"gonna", 3}, std::pair{"wanna", 3},
                             std::pair{"gotta", 3}}) {
      if (AsciiEqualsLower(w, word)) return static_cast<size_t>(cut);
    }
    return 0;
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
