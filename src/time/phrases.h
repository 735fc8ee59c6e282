// Internal: the word tables of the time scanner (relative phrases, prepositions, period
// modifiers) and the fast first-word filter built from them.
#ifndef SITREP_SRC_TIME_PHRASES_H_
#define SITREP_SRC_TIME_PHRASES_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "sitrep/numbers.h"
#include "sitrep/temporal.h"
#include "core/word_set.h"
#include "sitrep/status.h"

namespace sitrep::time_internal {

using Rel = TimeMention::Relation;

// Relative phrases, matched on lower-cased tokens.
enum class Kind {
  kDay,      // n days from the article date ("yesterday": -1)
  kWeek,     // calendar week n weeks from the article's ("last week": -1)
  kMonth,    // calendar month n months from the article's
  kYear,     // calendar year n years from the article's
  kPast7,    // the 7 days before the article date ("days ago", "the past week")
  kWeekend,  // the most recent weekend (Saturday..Sunday) starting on or before the article date
  kFuture,   // after the article date
  kVague,    // no date of its own
};

// Words are string_views (not const char*) so that matching compares lengths first and never
// runs strlen on the tables; they view strings owned by PhraseTables.
struct RelPhrase {
  std::string_view words[5];
  Kind kind;
  int n;
  Rel relation;
};

// Prepositions in front of a time expression and the relation they give.
struct Prep {
  std::string_view words[3];
  Rel relation;
};

// Period modifiers before a month or a year: kept in the span, precision unchanged.
struct Modifier {
  std::string_view words[3];
};

// The tables of data/time/phrases.txt (format in the file), in file order.
struct PhraseTables {
  std::vector<RelPhrase> relative;
  std::vector<Prep> preps;
  std::vector<Modifier> modifiers;
  std::deque<std::string> storage;  // the words the tables view (a deque: never moves them)

  PhraseTables() = default;
  PhraseTables(const PhraseTables&) = delete;
  PhraseTables& operator=(const PhraseTables&) = delete;
};

// Parses the text of phrases.txt; `origin` names it in messages (InvalidArgument naming
// origin:line for a malformed line).
Status ParsePhraseTables(std::string_view text, const std::string& origin, PhraseTables* out);

// The tables compiled in from data/time/phrases.txt, parsed once. A malformed shipped file
// stops the process with phrases.txt:line on stderr (every test fails).
const PhraseTables& Phrases();

using sitrep::WordSet;  // core/word_set.h


// Words that can begin a time expression (first words of the tables above, month and weekday
// names, "last"/"this"/"next"), so that most tokens are rejected with one hash lookup.
inline bool CanStartWord(std::string_view w) {
  static const WordSet* starts = [] {
    std::vector<std::string_view> words;
    const PhraseTables& tables = Phrases();
    for (const RelPhrase& p : tables.relative) words.push_back(p.words[0]);
    for (const Prep& p : tables.preps) words.push_back(p.words[0]);
    for (const Modifier& m : tables.modifiers) words.push_back(m.words[0]);
    for (std::string_view m : calendar::MonthWords()) words.push_back(m);
    for (const char* w : {"last", "this", "next", "past", "coming", "the", "sunday", "monday", "tuesday", "wednesday",
                          "thursday", "friday", "saturday"})
      words.push_back(w);
    return new WordSet(words.begin(), words.end());
  }();
  if (starts->Contains(w)) return true;
  if (ParseCardinalToken(w)) return true;  // "two days ago"
  if (w.size() <= 4) return false;
  switch (w[0]) {  // the first byte first: most words start none of the three
    case 'm': return w.starts_with("mid-");
    case 'l': return w.starts_with("late");
    case 'e': return w.starts_with("early");
    default: return false;
  }
}

}  // namespace sitrep::time_internal

#endif  // SITREP_SRC_TIME_PHRASES_H_
