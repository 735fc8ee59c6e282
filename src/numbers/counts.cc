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

// The words that gave a count its role, and the role (an index into Counts::Roles(), -1 = none).
struct Cue {
  int role = -1;
  uint32_t first = 0, last = 0;
};

// The counted noun phrase after a number: its end, and the role noun ending it, if any.
struct NounPhrase {
  uint32_t last = 0;
  Cue noun;
};

// Finds the counts of one sentence: each quantity that is not a date, year or pronoun, with the
// role its cues give it. The steps below each decide one part of a count mention.
class CountFinder {
 public:
  CountFinder(const Document& doc, const Sentence& s, const CountLexicon::Impl& lex)
      : doc_(doc), s_(s), lex_(lex),
        end_(std::min<uint32_t>(s.last_token, static_cast<uint32_t>(doc.tokens.size()))) {}

  std::vector<CountMention> Run() const {
    std::vector<CountMention> out;
    // Whether the previous count took its role from a verb before it ("killed 20 civilians"),
    // so that a coordinated count ("... and 5 soldiers") shares it.
    bool prev_from_verb = false;
    // Counts linked by "and" or commas that no verb gave a role yet: they share the after cue of the
    // count that ends their chain ("Five militiamen and one soldier were killed").
    std::vector<Linked> chain;
    uint32_t i = s_.first_token;
    while (i < end_) {
      std::optional<Quantity> q = ParseQuantityAt(doc_, i, end_);
      if (!q) q = OnePersonAt(i);
      if (!q || IsDateOrYear(doc_, s_, *q) || IsPronounOne(doc_, s_, *q)) {
        i = q ? q->last_token : i + 1;
        continue;
      }
      i = q->last_token;
      std::optional<NounPhrase> phrase = ScanNounPhrase(q->last_token);
      if (!phrase) continue;  // a measure ("5 km"), not a count
      CountMention m;
      m.number_first = q->first_token;
      m.number_last = q->last_token;
      m.estimate = q->estimate;
      m.noun_first = q->last_token;
      m.noun_last = phrase->last;

      // The after cue wins over the before cue (or the previous count's role), which wins over the noun.
      const bool in_chain = !chain.empty() && LinkedAfter(chain.back().noun_last, q->first_token);
      if (!in_chain) chain.clear();
      const Cue after = FindAfterCue(phrase->last);
      Cue cue = after;
      int verb_role = -1;
      if (cue.role < 0) {
        cue = FindBeforeCue(q->first_token);
        if (cue.role < 0 && !out.empty()) cue = InheritedCue(*q, out.back(), prev_from_verb, &m);
        verb_role = cue.role;
      }
      const bool from_noun = cue.role < 0 && phrase->noun.role >= 0;
      if (cue.role < 0) cue = phrase->noun;
      if (cue.role < 0 || from_noun) {
        // No verb gave it a role yet: a later after cue may ("Nine APCLS and four Nyatura killed").
        chain.push_back({m.noun_last, from_noun ? out.size() : SIZE_MAX, m});
        if (cue.role < 0) continue;
      }
      prev_from_verb = verb_role >= 0;
      SetRole(cue, &m);
      if (after.role >= 0 && in_chain) ShareAfterCue(after, &chain, &m, &out);
      else if (!from_noun) chain.clear();  // a verb gave it its own role: the chain ends here
      out.push_back(std::move(m));
    }
    // Counts that shared a later cue were added after it: keep the mentions in text order.
    std::stable_sort(out.begin(), out.end(),
                     [](const CountMention& a, const CountMention& b) { return a.number_first < b.number_first; });
    return out;
  }

 private:
  // True if token k is in the sentence and reads w (lowercase).
  bool Is(uint32_t k, std::string_view w) const { return k < end_ && doc_.tokens[k].lower == w; }

  // The counted noun phrase from token j: up to kMaxNounWords words, ending at a role noun
  // (taken), an after cue, glue or a phrase break (not taken). Nullopt when a unit word
  // ("km", "dollars") shows the number measures something rather than counts people.
  std::optional<NounPhrase> ScanNounPhrase(uint32_t j) const {
    NounPhrase phrase;
    // A part of a named group counts its people: "four of the attackers were killed", "one of the hunters".
    if (Is(j, "of") && (Is(j + 1, "the") || Is(j + 1, "those") || Is(j + 1, "these"))) j += 2;
    for (uint32_t words = 0; j < end_ && words < kMaxNounWords; ++words) {
      const Token& t = doc_.tokens[j];
      if (t.kind != TokenKind::kWord) break;
      if (lex_.unit.count(t.lower)) return std::nullopt;
      int r = -1;
      // A participle of the glue right before a role noun describes it: "seven reported fatalities"
      // (not "15 others were injured": an auxiliary is no modifier).
      int unused = -1;
      const bool participle = t.lower.size() > 3 && t.lower.compare(t.lower.size() - 2, 2, "ed") == 0;
      const bool describes_noun =
          participle && lex_.glue.count(t.lower) && lex_.MatchForward(lex_.noun, doc_, j + 1, end_, &unused);
      // An after cue ends the phrase first: "7 million displaced" is displaced people, not a noun.
      if (!describes_noun &&
          (lex_.glue.count(t.lower) || IsPhraseBreak(t.lower) || lex_.MatchForward(lex_.after, doc_, j, end_, &r)))
        break;
      if (uint32_t n = lex_.MatchForward(lex_.noun, doc_, j, end_, &r)) {
        phrase.noun = {r, j, j + n};
        j += n;
        break;
      }
      ++j;
    }
    phrase.last = j;
    return phrase;
  }

  // After cue from token j, the end of the noun phrase: "were killed", "displaced"; also past one or two
  // place phrases, "20 people in Goma were killed", "a priest from Bunyuka in Beni was killed". Active
  // voice ("troops killed 20 civilians") is not.
  Cue FindAfterCue(uint32_t j) const {
    Cue cue = AfterCueAt(j, /*require_glue=*/false);
    if (cue.role >= 0) return cue;
    constexpr int kMaxPlacePhrases = 2;
    for (int phrases = 0; phrases < kMaxPlacePhrases; ++phrases) {
      const uint32_t past_place = SkipPlacePhrase(j);
      if (past_place == j) return cue;
      cue = AfterCueAt(past_place, /*require_glue=*/true);  // a passive: "in Goma were killed"
      if (cue.role >= 0) return cue;
      j = past_place;
    }
    return cue;
  }

  // Past a place preposition (roles.txt `place_preposition`: "in", "near", "of"...) and 1 to 4 words (not
  // glue, not an after cue, not another place preposition) from token k: the next token, or k itself when
  // no such place phrase starts there.
  uint32_t SkipPlacePhrase(uint32_t k) const {
    if (k >= end_ || !lex_.place_preposition.count(doc_.tokens[k].lower)) return k;
    uint32_t p = k + 1, skipped = 0;
    int r = -1;
    while (p < end_ && skipped < 4 && doc_.tokens[p].kind == TokenKind::kWord &&
           !lex_.glue.count(doc_.tokens[p].lower) && !lex_.place_preposition.count(doc_.tokens[p].lower) &&
           !lex_.MatchForward(lex_.after, doc_, p, end_, &r)) {
      ++p, ++skipped;
    }
    return skipped == 0 ? k : p;
  }

  // An after cue at token k past up to kMaxGlue glue words ("were reportedly killed"). Without
  // glue, a cue followed by an object ("killed civilians", "killed 20") is active voice: no cue.
  Cue AfterCueAt(uint32_t k, bool require_glue) const {
    uint32_t glue = 0;
    bool passive = false;  // a form of "be" among the glue ("were killed", "have been killed")
    while (k < end_ && glue < kMaxGlue && lex_.glue.count(doc_.tokens[k].lower)) {
      passive = passive || lex_.passive_glue.count(doc_.tokens[k].lower);
      ++k, ++glue;
    }
    if (require_glue && glue == 0) return {};
    int r = -1;
    const uint32_t n = lex_.MatchForward(lex_.after, doc_, k, end_, &r);
    if (n == 0) return {};
    const uint32_t o = k + n;
    const bool object = o < end_ && (lex_.object.count(doc_.tokens[o].lower) || ParseQuantityAt(doc_, o, end_));
    // An object after the cue makes it an active verb, also after "have" ("two militants have shot dead
    // a police officer": the two are the killers); only a passive ("were killed") keeps its count's role.
    if (!passive && object) return {};
    return {r, k, o};
  }

  // Before cue ending at the number (token number_first), past up to kMaxFillers filler words:
  // "killing 20", "death toll rose to 20".
  Cue FindBeforeCue(uint32_t number_first) const {
    uint32_t b = number_first, fillers = 0;
    while (b > s_.first_token) {
      int r = -1;
      if (uint32_t n = lex_.MatchBackward(doc_, b - 1, s_.first_token, &r)) return {r, b - n, b};
      if (fillers >= kMaxFillers || !lex_.filler.count(doc_.tokens[b - 1].lower)) break;
      --b;
      ++fillers;
    }
    return {};
  }

  // A count linked to a later one: where its noun phrase ends, and where it is in `out` (SIZE_MAX:
  // not there, since nothing gave it a role).
  struct Linked {
    uint32_t noun_last = 0;
    size_t index = SIZE_MAX;
    CountMention mention;
  };

  static void SetRole(const Cue& cue, CountMention* m) {
    m->role = Counts::Roles()[cue.role];
    m->cue_first = cue.first;
    m->cue_last = cue.last;
    m->first_token = std::min(m->number_first, m->cue_first);
    m->last_token = std::max({m->number_last, m->noun_last, m->cue_last});
  }

  // Whether a count starting at token `f` follows, linked by "and", "," or ", and", a noun phrase
  // that ended at token `end`.
  // A determiner may come between ("a man, a woman and their two children").
  bool LinkedAfter(uint32_t end, uint32_t f) const {
    // A determiner before the later count ("and the 3 others", "and her 2 children"); a determiner of one starts
    // its own count ("and a soldier"), unless a number follows it.
    const bool number_follows = f < end_ && ParseCardinalToken(doc_.tokens[f].lower).has_value() &&
                                !lex_.one.count(doc_.tokens[f].lower);
    if (f > end + 1 && f <= end + 3 && lex_.object.count(doc_.tokens[f - 1].lower) &&
        (!lex_.one.count(doc_.tokens[f - 1].lower) || number_follows))
      --f;
    return (end + 1 == f && (Is(end, "and") || Is(end, ","))) || (end + 2 == f && Is(end, ",") && Is(end + 1, "and"));
  }

  // "Five militiamen and one soldier were killed": the counts of the chain before `m` take its after
  // cue, and all of them add up (the first heads the group, include/sitrep/numbers.h MergeCounts).
  void ShareAfterCue(const Cue& after, std::vector<Linked>* chain, CountMention* m,
                     std::vector<CountMention>* out) const {
    bool head = true;
    for (Linked& l : *chain) {
      CountMention& c = l.index == SIZE_MAX ? l.mention : (*out)[l.index];
      SetRole(after, &c);
      c.coordinated = !head;
      c.subset = false;
      head = false;
      if (l.index == SIZE_MAX) out->push_back(c);
    }
    m->coordinated = true;
    m->subset = false;
    chain->clear();
  }

  // A participle after a person noun describes the person: "killing a woman accused of witchcraft". By its
  // tag, else (an untagged sentence) by its ending.
  static bool IsParticiple(const Token& t) {
    if (!t.tag.empty()) return t.tag == "VBN" || t.tag == "VBG";
    const std::string& w = t.lower;
    return (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) || (w.size() > 5 && w.compare(w.size() - 3, 3, "ing") == 0);
  }

  // "a soldier", "an elderly woman", "his bodyguard": one person, a determiner of one (roles.txt `one`)
  // and within three words a singular person noun (`person`) with no break between.
  std::optional<Quantity> OnePersonAt(uint32_t i) const {
    // Determiners of one are short words: most tokens fail the length test before any lookup.
    if (i >= end_ || doc_.tokens[i].lower.size() > lex_.longest_one || !lex_.one.count(doc_.tokens[i].lower))
      return std::nullopt;
    // The person noun first (a few lookups), then the words before it: no break between.
    uint32_t k = i + 1;
    while (k < end_ && k <= i + 3 && !lex_.person.count(doc_.tokens[k].lower)) ++k;
    if (k >= end_ || k > i + 3) return std::nullopt;
    for (uint32_t j = i + 1; j < k; ++j) {
      const Token& t = doc_.tokens[j];
      if (t.kind != TokenKind::kWord || IsPhraseBreak(t.lower) || lex_.glue.count(t.lower)) return std::nullopt;
    }
    // A modifier of another noun is not the person ("a soldier camp"), unless that noun is one too ("a
    // rebel commander": the later one is the person).
    while (k + 1 < end_ && lex_.person.count(doc_.tokens[k + 1].lower)) ++k;
    if (k + 1 < end_) {
      const Token& next = doc_.tokens[k + 1];
      if (next.kind == TokenKind::kWord && !IsPhraseBreak(next.lower) && !lex_.glue.count(next.lower) &&
          !lex_.after.count(next.lower) && !IsParticiple(next))
        return std::nullopt;
    }
    Quantity q;
    q.first_token = i;
    q.last_token = i + 1;
    q.estimate = Estimate{1, 1, 1};
    return q;
  }

  // A part of the previous count, or a count coordinated with one, takes its role: "left 6
  // dead, including 4 soldiers", "killed 20 civilians and 5 soldiers"; the cue is the linking
  // word ("including", "and"). Sets m's subset and coordinated flags.
  Cue InheritedCue(const Quantity& q, const CountMention& prev, bool prev_from_verb, CountMention* m) const {
    const uint32_t f = q.first_token, l = q.last_token, prev_end = prev.last_token;
    const bool linked = LinkedAfter(prev_end, f);
    // "one of them", "two of whom": a part, however it is linked.
    const bool partitive = Is(l, "of") && (Is(l + 1, "them") || Is(l + 1, "whom") || Is(l + 1, "those"));
    // The rest of a list of parts is a part too: "9 killed, including 4 soldiers and 5 militiamen".
    const bool part = ((f >= 1 && Is(f - 1, "including")) || (f >= 2 && Is(f - 2, "among") && Is(f - 1, "them")) ||
                       (partitive && linked) || (prev.subset && linked)) &&
                      prev_end + 3 >= f;
    const bool coordinated = prev_from_verb && linked && !partitive;
    m->subset = part;
    m->coordinated = coordinated && !part;
    if (!part && !coordinated) return {};
    const int role = static_cast<int>(std::find(Counts::Roles().begin(), Counts::Roles().end(), prev.role) -
                                      Counts::Roles().begin());
    return {role, f - 1, f};  // the role came with the previous count
  }

  const Document& doc_;
  const Sentence& s_;
  const CountLexicon::Impl& lex_;
  const uint32_t end_;  // the sentence's end, within the document
};

}  // namespace

std::vector<CountMention> FindCounts(const Document& doc, const Sentence& s) {
  return FindCounts(doc, s, CountLexicon::Default());
}

std::vector<CountMention> FindCounts(const Document& doc, const Sentence& s, const CountLexicon& lexicon) {
  return CountFinder(doc, s, lexicon.impl()).Run();
}

}  // namespace sitrep
