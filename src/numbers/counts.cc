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

// A bare four-digit number 1000..2100 reads as a year ("in 2022", "WTC 1993 defendant",
// "1580 Ruy Lopez died") unless a plural noun follows it ("2000 people", "1500 soldiers").
bool LooksLikeYear(const Document& doc, const Sentence& s, const Quantity& q) {
  const std::string& w = doc.tokens[q.first_token].lower;
  if (w.size() != 4) return false;
  for (char c : w)
    if (c < '0' || c > '9') return false;
  if (w < "1000" || w > "2100") return false;
  if (q.last_token >= s.last_token) return true;
  const std::string& next = doc.tokens[q.last_token].lower;
  return !(next == "people" || next == "men" || next == "women" || next == "children" ||
           (next.size() > 2 && next.back() == 's'));
}

// A number that is part of a date or is a year: "November 6", "6 November", "in 2022".
bool IsDateOrYear(const Document& doc, const Sentence& s, const Quantity& q) {
  if (q.last_token != q.first_token + 1) return false;  // qualified ("at least 2000"): a count
  const std::string& w = doc.tokens[q.first_token].lower;
  const std::string_view prev =
      q.first_token > s.first_token ? std::string_view(doc.tokens[q.first_token - 1].lower) : std::string_view();
  const std::string_view next =
      q.last_token < s.last_token ? std::string_view(doc.tokens[q.last_token].lower) : std::string_view();
  if (w.size() <= 2 && (IsMonth(prev) || IsMonth(next))) return true;
  return LooksLikeYear(doc, s, q);
}

// "the one previously executed", "no one", "each one": a pronoun, not a count.
bool IsPronounOne(const Document& doc, const Sentence& s, const Quantity& q) {
  if (q.last_token != q.first_token + 1 || doc.tokens[q.first_token].lower != "one") return false;
  if (q.first_token == s.first_token) return false;
  std::string_view p = doc.tokens[q.first_token - 1].lower;
  return p == "the" || p == "this" || p == "that" || p == "no" || p == "each" || p == "any" || p == "every" ||
         p == "which" || p == "someone";
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
    if (!q || IsDateOrYear(doc, s, *q) || IsPronounOne(doc, s, *q)) {
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
    // "left 6 dead, including 4 soldiers": a part of the previous count has its role.
    if (after_role < 0 && before_role < 0 && !out.empty() && q->first_token >= 1 &&
        (doc.tokens[q->first_token - 1].lower == "including" ||
         (q->first_token >= 2 && doc.tokens[q->first_token - 1].lower == "them" &&
          doc.tokens[q->first_token - 2].lower == "among")) &&
        out.back().last_token + 3 >= q->first_token) {
      before_role = static_cast<int>(
          std::find(Counts::Roles().begin(), Counts::Roles().end(), out.back().role) - Counts::Roles().begin());
      m.cue_first = q->first_token - 1;  // "including": the role itself came with the previous count
      m.cue_last = q->first_token;
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
