// Numbers and counts: quantities written in digits or words ("4,000", "two", "dozens",
// "more than 7 million", "between 10 and 15") turned into UCDP-GED style estimates
// (low/best/high), and counts of people with their role (killed, wounded, displaced,
// abducted, arrested, troops) found in a sentence.
//
// The rules and the qualifier table are in docs/time-and-numbers.md. In short:
//   "20"                 low 20, best 20, high 20
//   "at least 20"        low 20, best 20          (also "no fewer than", "a minimum of")
//   "more than 20"       low 20, best 20          (also "over", "upwards of", "in excess of")
//   "around 4,000"       best 4000                (also "about", "some", "approximately", ...)
//   "nearly 500,000"     best 500000, high 500000 (also "almost", "close to", "just under")
//   "up to 50"           high 50                  (also "as many as", "fewer than", "less than")
//   "between 10 and 15"  low 10, best 12, high 15 (also "10 to 15", "10-15")
//   "dozens"             low 24, best 24; "hundreds" 200; "thousands" 2000; "millions" 2000000
//
// Works on Token::lower, so it never needs a tagger; no regular expressions, and the hot
// path does not allocate except for the returned vector.
#ifndef SITREP_NUMBERS_H_
#define SITREP_NUMBERS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/status.h"
#include "sitrep/text.h"

namespace sitrep {

// A quantity: tokens [first_token, last_token) of the Document and its estimate.
struct Quantity {
  uint32_t first_token = 0, last_token = 0;
  Estimate estimate;
};

// Parses the quantity that starts at token `token` and ends at or before token `end`
// (exclusive), qualifier included: "at least 20", "over 7 million", "some 300", "nearly half
// a million", "between 10 and 15", "dozens of", "two". Returns nullopt when no quantity
// starts there, or when the number there is not a count of things: an ordinal ("20th"),
// a date or time ("2023-11-06", "10:30"), a percentage ("20 %", "20 percent") or a money
// amount ("$20", "20 dollars"). Years are numbers here; FindCounts rules them out by context.
std::optional<Quantity> ParseQuantityAt(const Document& doc, uint32_t token, uint32_t end);

// The value of one cardinal number token: digits ("4,000"; not "7.2", not "20th") or a word
// ("two", "twenty-five", "a", "dozen"). Returns nullopt for anything else. Exposed for the
// time stage ("two days ago").
std::optional<int64_t> ParseCardinalToken(std::string_view lower);

// The role lexicon: which words around a number say what is counted. Loaded from a text
// file (data/numbers/roles.txt, format described there); the built-in default is that file
// compiled into the library, so FindCounts works without any data directory.
class CountLexicon {
 public:
  // Parses the lexicon text. Errors name the line: "roles.txt:12: unknown role 'kiled'".
  static Status Parse(std::string_view text, const std::string& origin, std::unique_ptr<CountLexicon>* out);
  static Status Load(const std::string& path, std::unique_ptr<CountLexicon>* out);
  // The compiled-in data/numbers/roles.txt. Never fails (it is checked by the tests).
  static const CountLexicon& Default();

  ~CountLexicon();
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  CountLexicon();
  std::unique_ptr<Impl> impl_;
};

// A count of people (or of troops) with its role, e.g. "over 7 million individuals displaced".
struct CountMention {
  uint32_t first_token = 0, last_token = 0;     // the whole phrase
  std::string role;                             // killed, wounded, displaced, abducted, arrested, troops
  Estimate estimate;
  uint32_t number_first = 0, number_last = 0;   // the quantity ("over 7 million")
  uint32_t noun_first = 0, noun_last = 0;       // the counted noun phrase ("individuals"); empty if none
  uint32_t cue_first = 0, cue_last = 0;         // the words that gave the role ("displaced", "killing")
  // Part of the count just before it, not in addition to it: "left 6 dead, including 4
  // soldiers", "killing 20, one of them a child". Do not add it to a total.
  bool subset = false;
  // In addition to the count just before it, sharing its verb: "killed 20 civilians and 5
  // soldiers". Add it to that count.
  bool coordinated = false;
};

// All counts with a role in sentence `s`, in text order. A number without a role cue
// ("100 armed groups"), a year, a date, a percentage, a money amount or an ordinal gives none.
std::vector<CountMention> FindCounts(const Document& doc, const Sentence& s);
std::vector<CountMention> FindCounts(const Document& doc, const Sentence& s, const CountLexicon& lexicon);

// Two disjoint groups together ("20 civilians and 5 soldiers"): lows add up (a missing low counts as
// 0), bests only when both are known, highs only when both are known.
Estimate Sum(const Estimate& a, const Estimate& b);

// Adds the counts that belong to one event (in text order) into `counts`:
//  - a `subset` is skipped (already inside the count before it);
//  - a `coordinated` count is added to the one before it: lows add up (a missing low counts
//    as 0), bests add up only when both are known, highs only when both are known;
//  - otherwise a count of a role that already has one is a restatement or an update ("at least
//    20 ... the toll rose to 35"): the estimate with the larger best (else low, else high) wins.
// Counts already in `counts` before the call take part as earlier restatements.
void MergeCounts(const std::vector<CountMention>& mentions, Counts* counts);

}  // namespace sitrep

#endif  // SITREP_NUMBERS_H_
