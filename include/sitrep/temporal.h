// Temporal expressions: "on Monday, November 6", "October 1", "in November 2022", "since
// January", "last week", "two days ago", "2023-11-06" found in a sentence and resolved
// against the article's published date.
//
// Conventions (docs/time-and-numbers.md has the full rules):
//  - A resolved date is "YYYY-MM-DD", the first day of its period: "in November 2022" ->
//    "2022-11-01" (month), "last year" -> "2022-01-01" (year). A "week" is the 7-day period
//    starting at `date` ("last week" starts on the Monday of the previous calendar week).
//  - Never a date after the article date: a bare "October 1" in a November article is this
//    year's, in a February article last year's. Expressions about the future ("tomorrow",
//    "next week", an explicit date after the article's) get `future` and no date.
//  - Without an article date, relative expressions stay unresolved (date empty, precision
//    "unknown", relative true); absolute ones ("February 4th, 2023") still resolve.
//  - A weekday that contradicts its date ("Tuesday, November 6, 2023") lowers the precision
//    to "week": the 7 days centred on the stated date.
// Works on Token::lower and Token::norm (capitals tell "May" from "may"); no tagger needed.
#ifndef SITREP_TEMPORAL_H_
#define SITREP_TEMPORAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/text.h"

namespace sitrep {

struct TimeMention {
  uint32_t first_token = 0, last_token = 0;  // token span [first, last), the preposition included
  std::optional<std::string> date;           // resolved "YYYY-MM-DD", first day of the period
  std::string precision = "unknown";         // "day", "week", "month", "year", "unknown"
  enum class Relation { kAt, kSince, kUntil, kAfter, kBefore };
  Relation relation = Relation::kAt;  // "since January" -> kSince, "before October 1" -> kBefore
  bool relative = false;  // needed the article date ("yesterday", "on Monday", "October 1")
  bool vague = false;     // "months after", "recently": no date of its own
  bool future = false;    // after the article date ("next week", "tomorrow"): no date given
};

// "day" < "week" < "month" < "year" < "unknown" as a number 0..4, for comparisons.
int PrecisionRank(const std::string& precision);

// Name of a relation: "at", "since", "until", "after", "before".
const char* RelationName(TimeMention::Relation r);

// All time expressions in sentence `s`, in text order, not overlapping. `article_date` is
// "YYYY-MM-DD" or nullopt; an invalid string is treated as nullopt.
std::vector<TimeMention> FindTimeMentions(const Document& doc, const Sentence& s,
                                          const std::optional<std::string>& article_date);

// The date of an event whose trigger is token `trigger` of sentence `s`:
//  - the nearest mention in the sentence, preferring one in the same clause (clauses end at
//    ";", ":" and at "but", "while", "whereas", "although"); future mentions are skipped;
//  - when that mention is vague ("months after") or could not be resolved, no date
//    (precision "unknown"), with `mention` pointing at it so the caller can say why;
//  - when the sentence has no mention: the article date with precision "week", i.e. the 7 days
//    ending at the article date (date = article date - 6 days); no article date: unknown.
struct EventDate {
  std::optional<std::string> date;
  std::string precision = "unknown";
  const TimeMention* mention = nullptr;  // the mention used, if any (points into `mentions`)
  bool from_article = false;             // fell back on the article date
};
EventDate DateForEvent(const Document& doc, const Sentence& s, const std::vector<TimeMention>& mentions,
                       uint32_t trigger, const std::optional<std::string>& article_date);

}  // namespace sitrep

#endif  // SITREP_TEMPORAL_H_
