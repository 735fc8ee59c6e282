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

#include "core/calendar.h"
#include "lexicon.h"

namespace sitrep {
namespace {

constexpr uint32_t kMaxNounWords = 4;   // modifiers + head between the number and the cue
constexpr uint32_t kMaxGlue = 5;        // "were reportedly believed to have been"
constexpr uint32_t kMaxFillers = 4;     // "death toll has now risen to"

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
  if (w.size() <= 2 && (calendar::MonthOfWord(prev) || calendar::MonthOfWord(next))) return true;
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
  auto is = [&](uint32_t k, std::string_view w) { return k < end && doc.tokens[k].lower == w; };
  // Role of the previous count when it came from a verb ("killed 20 civilians"), so that a
  // coordinated count ("... and 5 soldiers") shares it; -1 otherwise.
  int prev_verb_role = -1;
  uint32_t i = s.first_token;
  while (i < end) {
    std::optional<Quantity> q = ParseQuantityAt(doc, i, end);
    if (!q || IsDateOrYear(doc, s, *q) || IsPronounOne(doc, s, *q)) {
      i = q ? q->last_token : i + 1;
      continue;
    }
    i = q->last_token;
    CountMention m;
    m.number_first = q->first_token;
    m.number_last = q->last_token;
    m.estimate = q->estimate;

    // The counted noun phrase: up to kMaxNounWords words, ending at a role noun, a cue or a break.
    int noun_role = -1, after_role = -1, before_role = -1, r = -1;
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
    if (is_unit) continue;
    m.noun_first = q->last_token;
    m.noun_last = j;

    // After cue: "were killed", "displaced"; also past a place, "20 people in Goma were killed".
    // Active voice ("troops killed 20 civilians") is not.
    for (int attempt = 0; attempt < 2 && after_role < 0; ++attempt) {
      uint32_t k = j;
      if (attempt == 1) {  // skip "in/near/at/on <up to 4 words>", then require a passive
        if (!(is(k, "in") || is(k, "near") || is(k, "at") || is(k, "on") || is(k, "around"))) break;
        ++k;
        uint32_t skipped = 0;
        while (k < end && skipped < 4 && doc.tokens[k].kind == TokenKind::kWord && !lex.glue.count(doc.tokens[k].lower) &&
               !lex.MatchForward(lex.after, doc, k, end, &r))
          ++k, ++skipped;
        if (skipped == 0) break;
      }
      uint32_t glue = 0;
      while (k < end && glue < kMaxGlue && lex.glue.count(doc.tokens[k].lower)) ++k, ++glue;
      if (attempt == 1 && glue == 0) break;
      if (uint32_t n = lex.MatchForward(lex.after, doc, k, end, &r)) {
        const uint32_t o = k + n;
        const bool object = o < end && (lex.object.count(doc.tokens[o].lower) || ParseQuantityAt(doc, o, end));
        if (glue > 0 || !object) {
          after_role = r;
          m.cue_first = k;
          m.cue_last = o;
        }
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
    // A part of the previous count, or a count coordinated with one, takes its role:
    // "left 6 dead, including 4 soldiers", "killed 20 civilians and 5 soldiers".
    if (after_role < 0 && before_role < 0 && !out.empty()) {
      const uint32_t f = q->first_token, l = q->last_token, prev_end = out.back().last_token;
      const bool linked = (prev_end + 1 == f && (is(prev_end, "and") || is(prev_end, ","))) ||
                          (prev_end + 2 == f && is(prev_end, ",") && is(prev_end + 1, "and"));
      // "one of them", "two of whom": a part, however it is linked.
      const bool partitive = is(l, "of") && (is(l + 1, "them") || is(l + 1, "whom") || is(l + 1, "those"));
      const bool part = ((f >= 1 && is(f - 1, "including")) || (f >= 2 && is(f - 2, "among") && is(f - 1, "them")) ||
                         (partitive && linked)) &&
                        prev_end + 3 >= f;
      const bool coordinated = prev_verb_role >= 0 && linked && !partitive;
      m.subset = part;
      m.coordinated = coordinated && !part;
      if (part || coordinated) {
        before_role = static_cast<int>(
            std::find(Counts::Roles().begin(), Counts::Roles().end(), out.back().role) - Counts::Roles().begin());
        m.cue_first = f - 1;  // "including" / "and": the role came with the previous count
        m.cue_last = f;
      }
    }
    const int role = after_role >= 0 ? after_role : before_role >= 0 ? before_role : noun_role;
    if (role < 0) continue;
    if (after_role < 0 && before_role < 0) {
      m.cue_first = noun_cue;
      m.cue_last = noun_cue + noun_cue_len;
    }
    prev_verb_role = before_role;
    m.role = Counts::Roles()[role];
    m.first_token = std::min(m.number_first, m.cue_first);
    m.last_token = std::max({m.number_last, m.noun_last, m.cue_last});
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace sitrep
