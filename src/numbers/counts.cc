// FindCounts: quantities with a role cue around them.
//
//   [before cue] [fillers] QUANTITY [noun phrase] [glue] [after cue]
//   "killing"               "20"    "civilians"
//                           "20"    "people"      "were"  "killed"
//   "death toll" "rose to"  "20"
//                           "around 4,000" "Rwandan troops"
//
// The after cue wins over the before cue, which wins over the noun: "20 soldiers were killed"
// is a count of killed, not of troops.
#include <algorithm>
#include <string_view>

#include "lexicon.h"

namespace sitrep {
namespace {

constexpr uint32_t kMaxNounWords = 4;   // modifiers + head between the number and the cue
constexpr uint32_t kMaxGlue = 5;        // "were reportedly believed to have been"
constexpr uint32_t kMaxFillers = 4;     // "death toll has now risen to"

bool IsMonth(std::string_view w) {
  static constexpr std::string_view kMonths[] = {
      "january", "february", "march", "april",   "may",      "june",     "july",  "august", "september",
      "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar.", "apr", "apr.", "jun.", "jul.",
      "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec."};
  for (std::string_view m : kMonths)
    if (w == m) return true;
  return false;
}

// Words that end the counted noun phrase.
bool IsPhraseBreak(std::string_view w) {
  static constexpr std::string_view kBreaks[] = {
      "and", "or", "but", "who", "whom", "which", "that", "in", "on", "at", "from", "with", "by", "of",
      "for", "to", "during", "after", "before", "as", "since", "while", "when", "where", "into", "near",
      "across", "including", "than", "per", "each", "were", "was", "are", "is", "have", "has", "had"};
  for (std::string_view b : kBreaks)
    if (w == b) return true;
  return false;
}

// Words after which a bare four-digit number is a year, not a count ("in 2022").
bool IsYearContext(std::string_view w) {
  static constexpr std::string_view kWords[] = {"in",    "since", "until", "till", "by",   "from", "of",
                                                "during", "before", "after", "early", "late", "mid", "year",
                                                "the",   "'s",    ",",     "-",    "and",  "to",   "through"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return IsMonth(w);
}

bool YearShaped(std::string_view w) {
  if (w.size() != 4) return false;
  for (char c : w)
    if (c < '0' || c > '9') return false;
  int y = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
  return y >= 1900 && y <= 2100;
}

// A number that is part of a date or is a year: "November 6", "6 November", "in 2022".
bool IsDateOrYear(const Document& doc, const Sentence& s, const Quantity& q) {
  const bool single = q.last_token == q.first_token + 1;
  if (!single) return false;
  const std::string& w = doc.tokens[q.first_token].lower;
  const bool has_prev = q.first_token > s.first_token;
  const std::string_view prev = has_prev ? std::string_view(doc.tokens[q.first_token - 1].lower) : "";
  const std::string_view next =
      q.last_token < s.last_token ? std::string_view(doc.tokens[q.last_token].lower) : std::string_view();
  if (w.size() <= 2 && (IsMonth(prev) || IsMonth(next))) return true;
  if (YearShaped(w) && (!has_prev || IsYearContext(prev))) return true;
  return false;
}

}  // namespace

std::vector<CountMention> FindCounts(const Document& doc, const Sentence& s) {
  return FindCounts(doc, s, CountLexicon::Default());
}

std::vector<CountMention> FindCounts(const Document& doc, const Sentence& s, const CountLexicon& lexicon) {
  std::vector<CountMention> out;
  const CountLexicon::Impl& lex = lexicon.impl();
  const uint32_t end = std::min<uint32_t>(s.last_token, static_cast<uint32_t>(doc.tokens.size()));
  uint32_t i = s.first_token;
  while (i < end) {
    std::optional<Quantity> q = ParseQuantityAt(doc, i, end);
    if (!q || IsDateOrYear(doc, s, *q)) {
      i = q ? q->last_token : i + 1;
      continue;
    }
    CountMention m;
    m.number_first = q->first_token;
    m.number_last = q->last_token;
    m.estimate = q->estimate;

    // The counted noun phrase: up to kMaxNounWords words, ending at a role noun, a cue or a break.
    int noun_role = -1, after_role = -1, before_role = -1;
    bool is_unit = false;
    uint32_t j = q->last_token;
    uint32_t noun_cue = 0, noun_cue_len = 0;
    for (uint32_t words = 0; j < end && words < kMaxNounWords; ++words) {
      const Token& t = doc.tokens[j];
      if (t.kind != TokenKind::kWord) break;
      if (lex.unit.count(t.lower)) {
        is_unit = true;
        break;
      }
      int r = -1;
      // An after cue ends the phrase first: "7 million displaced" is displaced people, not a noun.
      if (lex.glue.count(t.lower) || IsPhraseBreak(t.lower) || lex.MatchForward(lex.after, doc, j, end, &r)) break;
      if (uint32_t n = lex.MatchForward(lex.noun, doc, j, end, &r)) {
        noun_role = r;
        noun_cue = j;
        noun_cue_len = n;
        j += n;
        break;
      }
      ++j;
    }
    if (is_unit) {
      i = q->last_token;
      continue;
    }
    m.noun_first = q->last_token;
    m.noun_last = j;

    // After cue: "were killed", "displaced". Active voice ("troops killed 20 civilians") is not.
    uint32_t k = j, glue = 0;
    while (k < end && glue < kMaxGlue && lex.glue.count(doc.tokens[k].lower)) ++k, ++glue;
    int r = -1;
    if (uint32_t n = lex.MatchForward(lex.after, doc, k, end, &r)) {
      const uint32_t o = k + n;
      const bool object = o < end && (lex.object.count(doc.tokens[o].lower) || ParseQuantityAt(doc, o, end));
      if (glue > 0 || !object) {
        after_role = r;
        m.cue_first = k;
        m.cue_last = o;
      }
    }
    // Before cue: "killing 20", "death toll rose to 20".
    if (after_role < 0) {
      uint32_t b = q->first_token, fillers = 0;
      while (b > s.first_token) {
        if (uint32_t n = lex.MatchBackward(doc, b - 1, s.first_token, &r)) {
          before_role = r;
          m.cue_first = b - n;
          m.cue_last = b;
          break;
        }
        if (fillers >= kMaxFillers || !lex.filler.count(doc.tokens[b - 1].lower)) break;
        --b;
        ++fillers;
      }
    }
    int role = after_role >= 0 ? after_role : before_role >= 0 ? before_role : noun_role;
    if (role < 0) {
      i = q->last_token;
      continue;
    }
    if (after_role < 0 && before_role < 0) {
      m.cue_first = noun_cue;
      m.cue_last = noun_cue + noun_cue_len;
    }
    m.role = Counts::Roles()[role];
    m.first_token = std::min(m.number_first, m.cue_first);
    m.last_token = std::max({m.number_last, m.noun_last, m.cue_last});
    out.push_back(std::move(m));
    i = q->last_token;
  }
  return out;
}

}  // namespace sitrep
