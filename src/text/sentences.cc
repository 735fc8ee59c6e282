// Sentence splitter over tokens. A sentence ends at . ! ? (plus attached closing
// quotes/brackets) when what follows can start a sentence, after an abbreviation only
// when a clear sentence start follows, and at a line break unless the break is a hard wrap
// inside a sentence (docs/text.md, "Sentences").
#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include <utf8proc.h>

#include "abbreviations.h"
#include "chars.h"
#include "internal.h"
#include "sitrep/text.h"

namespace sitrep::text_internal {
namespace {

// Capitalised words that, after an abbreviation, almost always begin a new sentence
// ("... in the U.S. The army ..."), unlike names ("U.N. experts", "Lt. Gen. Smith").
// Sorted for binary search.
constexpr std::array<std::string_view, 78> kSentenceStarters = {
    "A",         "According", "After",    "Again",     "Also",      "Although", "Among",    "An",
    "And",       "As",        "At",       "Before",    "Both",      "But",      "By",       "Despite",
    "During",    "Each",      "Earlier",  "Following", "For",       "From",     "Furthermore", "He",
    "Her",       "Here",      "His",      "How",       "However",   "I",        "If",       "In",
    "Instead",   "It",        "Its",      "Last",      "Later",     "Many",     "Meanwhile", "Moreover",
    "Most",      "My",        "Nevertheless", "No",    "Now",       "On",       "Once",     "Other",
    "Others",    "Our",       "She",      "Since",     "So",        "Some",     "Still",    "Such",
    "That",      "The",       "Their",    "Then",      "There",     "These",    "They",     "This",
    "Those",     "Though",    "Thus",     "To",        "Under",     "We",       "What",     "When",
    "Where",     "While",     "Who",      "Why",       "Yet",       "You"};

bool IsSentenceStarter(std::string_view w) {
  return std::binary_search(kSentenceStarters.begin(), kSentenceStarters.end(), w);
}

bool IsSpeechVerb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {"added", "asked", "asks", "declared", "explained", "insisted",
                                                 "said",  "says",  "shouted", "stated", "told", "tweeted",
                                                 "warned", "wondered", "wrote", "replied"};
  for (std::string_view v : kVerbs) {
    if (w == v) return true;
  }
  return false;
}

bool HasNewline(std::string_view gap) {
  for (size_t i = 0; i < gap.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(gap[i]);
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f') return true;
    if (c == 0xC2 && i + 1 < gap.size() && static_cast<unsigned char>(gap[i + 1]) == 0x85) return true;
    if (c == 0xE2 && i + 2 < gap.size() && static_cast<unsigned char>(gap[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(gap[i + 2]) == 0xA8 || static_cast<unsigned char>(gap[i + 2]) == 0xA9)) {
      return true;
    }
  }
  return false;
}

// Line breaks in a gap of whitespace, \r\n counting as one; a blank line gives two.
int CountLineBreaks(std::string_view gap) {
  int n = 0;
  for (size_t i = 0; i < gap.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(gap[i]);
    if (c == '\r' && i + 1 < gap.size() && gap[i + 1] == '\n') continue;
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++n;
    } else if (c == 0xC2 && i + 1 < gap.size() && static_cast<unsigned char>(gap[i + 1]) == 0x85) {
      ++n;  // U+0085
    } else if (c == 0xE2 && i + 2 < gap.size() && static_cast<unsigned char>(gap[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(gap[i + 2]) == 0xA8 || static_cast<unsigned char>(gap[i + 2]) == 0xA9)) {
      ++n;  // U+2028, U+2029
    }
  }
  return n;
}

// Words that cannot end an English sentence: a line ending in one was cut by a hard wrap
// ("the town of\nWalikale").
bool IsContinuingWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "a",    "an",   "the",  "of",   "in",      "on",     "at",      "to",     "by",   "from", "with",
      "for",  "into", "onto", "near", "and",     "or",     "but",     "nor",    "as",   "than", "that",
      "which", "who", "whom", "whose", "its",    "their",  "his",     "her",    "our",  "my",   "your",
      "this", "these", "those", "against", "between", "after", "before", "during", "over", "under",
      "across", "toward", "towards", "around", "about", "including", "some", "several", "many", "were",
      "was",  "is",   "are",  "has",  "have",    "had",    "been",    "be",     "will", "would", "could",
      "should", "may", "might", "not", "no"};
  for (std::string_view w : kWords)
    if (lower == w) return true;
  return false;
}

bool IsTerminalPunct(const Token& t) {
  if (t.kind != TokenKind::kPunct || t.norm.empty()) return false;
  return t.norm.find_first_not_of(".!?") == std::string::npos;
}

// A word that kept its final period: "U.S.", "Gen.", "J.".
bool IsAbbreviation(const Token& t) {
  return t.kind == TokenKind::kWord && t.norm.size() > 1 && t.norm.back() == '.';
}

int32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  utf8proc_int32_t cp = 0;
  size_t n = s.size() < 4 ? s.size() : 4;
  if (utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(n),
                       &cp) <= 0) {
    return 0;
  }
  return cp;
}

// Text wrapped at a fixed width (wire copy, e-mail, PDF extraction): at least three lines, and
// a third of the lines, that run on into the next line without closing punctuation and reach
// within 25% of the longest line, itself at most 120 bytes. Text with a paragraph per line
// (most web articles) has far longer lines and is not taken for wrapped.
bool LooksHardWrapped(std::string_view text) {
  size_t longest = 0, lines = 0;
  std::vector<std::pair<size_t, bool>> runs_on;  // (length, runs on into a non-empty next line)
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (!line.empty()) {
      ++lines;
      longest = std::max(longest, line.size());
      if (longest > 120) return false;
      const size_t next = end + 1;
      const bool next_empty = next >= text.size() || text[next] == '\n' || text[next] == '\r';
      const char last = line.back();
      const bool closed = last == '.' || last == '!' || last == '?' || last == ':' || last == '"' || last == ')';
      runs_on.emplace_back(line.size(), !next_empty && !closed);
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  size_t wrapped = 0;
  for (auto [len, on] : runs_on) wrapped += on && 4 * len >= 3 * longest;
  return wrapped >= 3 && 3 * wrapped >= lines;
}

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<Token>& tokens, std::vector<Sentence>* out)
      : text_(text), tokens_(tokens), out_(out), wrapped_(LooksHardWrapped(text)) {}

  void Run() {
    const size_t n = tokens_.size();
    size_t first = 0;
    for (size_t i = 0; i < n; ++i) {
      if (i > first && NewlineBefore(i) && !HardWrapBefore(i)) {
        Close(first, i);
        first = i;
      }
      const Token& t = tokens_[i];
      bool terminal = IsTerminalPunct(t);
      bool abbrev = !terminal && IsAbbreviation(t);
      if (!terminal && !abbrev) continue;
      // Attached closing quotes and brackets stay with the sentence they close.
      size_t j = i + 1;
      while (j < n && IsAttachedCloser(j)) ++j;
      // An abbreviation closed by a quote or bracket ("he replied: 'No.'") ends there like a period.
      if (abbrev && j > i + 1) abbrev = false;
      if (j < n && !NewlineBefore(j) && CanStartAfter(t, abbrev, tokens_[j]) && !IsAttribution(t, i + 1 < j, j)) {
        Close(first, j);
        first = j;
      }
      i = j - 1;
    }
    if (first < n) Close(first, n);
  }

 private:
  bool NewlineBefore(size_t i) const {
    if (i == 0 || !tokens_[i].space_before) return false;
    size_t a = tokens_[i - 1].end, b = tokens_[i].begin;
    return HasNewline(text_.substr(a, b - a));
  }

  // A single line break inside a sentence of hard-wrapped text (e-mail, wire copy, PDF text):
  // the line does not end in punctuation that closes anything, and either the next line goes
  // on in lowercase ("fled\nthe town") or the line ends on a word no sentence ends with ("the
  // town of\nWalikale", "killed at least\n12 people"). A blank line, a line ending in a
  // word or closing mark followed by a capitalised line (a headline, a list), stays a break.
  bool HardWrapBefore(size_t i) const {
    const Token& prev = tokens_[i - 1];
    const Token& next = tokens_[i];
    if (CountLineBreaks(text_.substr(prev.end, next.begin - prev.end)) != 1) return false;
    const bool prev_comma = prev.kind == TokenKind::kPunct && (prev.norm == "," || prev.norm == "-");
    if (prev.kind != TokenKind::kWord && prev.kind != TokenKind::kNumber && !prev_comma) return false;
    if (next.kind == TokenKind::kWord && IsLowerCp(FirstCodePoint(next.norm))) return true;
    if (next.kind != TokenKind::kWord && next.kind != TokenKind::kNumber) return false;
    // In text wrapped at a fixed width, names run across lines too ("North\nKivu").
    if (wrapped_ && next.kind == TokenKind::kWord) return true;
    return prev_comma || (prev.kind == TokenKind::kWord && IsContinuingWord(prev.lower));
  }

  // A closing quote/bracket glued to what precedes it. An ASCII quote glued on both
  // sides (`said."We`) is taken as opening the next sentence instead.
  bool IsAttachedCloser(size_t j) const {
    const Token& t = tokens_[j];
    if (t.space_before || t.kind != TokenKind::kPunct) return false;
    std::string_view surface = text_.substr(t.begin, t.end - t.begin);
    if (surface == "\xE2\x80\x9C" || surface == "\xE2\x80\x98" || surface == "\xC2\xAB") return false;  // “ ‘ «
    if (t.norm == ")" || t.norm == "]" || t.norm == "}") return true;
    if (t.norm != "\"" && t.norm != "'") return false;
    if (j + 1 < tokens_.size() && !tokens_[j + 1].space_before && tokens_[j + 1].kind == TokenKind::kWord) {
      return false;
    }
    return true;
  }

  // Can `next` begin a new sentence after `end` (terminal punctuation or abbreviation)?
  bool CanStartAfter(const Token& end, bool abbrev, const Token& next) const {
    if (IsLowerCp(FirstCodePoint(next.norm))) return false;
    if (next.kind == TokenKind::kPunct &&
        (next.norm == "," || next.norm == ";" || next.norm == ":" || next.norm == ")" || next.norm == "]" ||
         next.norm == "}")) {
      return false;
    }
    if (next.kind == TokenKind::kSymbol && next.norm == "%") return false;
    if (!abbrev) return true;
    if (LookupAbbreviation(end.norm) == AbbrevKind::kTitle) return false;
    return next.kind == TokenKind::kWord && IsSentenceStarter(next.norm);
  }

  // `"Why?" Kanyuka asked.`: a quoted question or exclamation followed by a name and a
  // speech verb continues the sentence.
  bool IsAttribution(const Token& end, bool quoted, size_t next) const {
    if (!quoted || end.norm.find_first_of("!?") == std::string::npos) return false;
    for (size_t k = next + 1; k < tokens_.size() && k <= next + 2; ++k) {
      if (IsSpeechVerb(tokens_[k].lower)) return true;
    }
    return false;
  }

  void Close(size_t first, size_t last) {
    if (first >= last) return;
    Sentence& s = out_->emplace_back();
    s.first_token = static_cast<uint32_t>(first);
    s.last_token = static_cast<uint32_t>(last);
    s.begin = tokens_[first].begin;
    s.end = tokens_[last - 1].end;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::vector<Sentence>* out_;
  bool wrapped_;  // the whole text looks hard-wrapped at a fixed width
};

}  // namespace

void SplitSentences(std::string_view text, const std::vector<Token>& tokens, std::vector<Sentence>* sentences) {
  Splitter(text, tokens, sentences).Run();
}

}  // namespace sitrep::text_internal
