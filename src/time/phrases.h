// Internal: the word tables of the time scanner (relative phrases, prepositions, period
// modifiers) and the fast first-word filter built from them.
#ifndef SITREP_SRC_TIME_PHRASES_H_
#define SITREP_SRC_TIME_PHRASES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "sitrep/numbers.h"
#include "sitrep/temporal.h"
#include "core/word_set.h"

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
// runs strlen on the tables.
struct RelPhrase {
  std::string_view words[5];
  Kind kind;
  int n;
  Rel relation;
};

inline constexpr RelPhrase kRelPhrases[] = {
    {{"the", "day", "before", "yesterday"}, Kind::kDay, -2, Rel::kAt},
    {{"yesterday"}, Kind::kDay, -1, Rel::kAt},
    {{"last", "night"}, Kind::kDay, -1, Rel::kAt},
    {{"today"}, Kind::kDay, 0, Rel::kAt},
    {{"tonight"}, Kind::kDay, 0, Rel::kAt},
    {{"earlier", "today"}, Kind::kDay, 0, Rel::kAt},
    {{"this", "morning"}, Kind::kDay, 0, Rel::kAt},
    {{"this", "afternoon"}, Kind::kDay, 0, Rel::kAt},
    {{"this", "evening"}, Kind::kDay, 0, Rel::kAt},
    {{"last", "week"}, Kind::kWeek, -1, Rel::kAt},
    {{"this", "week"}, Kind::kWeek, 0, Rel::kAt},
    {{"earlier", "this", "week"}, Kind::kWeek, 0, Rel::kAt},
    {{"later", "this", "week"}, Kind::kWeek, 0, Rel::kAt},
    {{"the", "past", "week"}, Kind::kPast7, 0, Rel::kAt},
    {{"the", "last", "week"}, Kind::kPast7, 0, Rel::kAt},
    {{"days", "ago"}, Kind::kPast7, 0, Rel::kAt},
    {{"a", "few", "days", "ago"}, Kind::kPast7, 0, Rel::kAt},
    {{"several", "days", "ago"}, Kind::kPast7, 0, Rel::kAt},
    {{"last", "month"}, Kind::kMonth, -1, Rel::kAt},
    {{"this", "month"}, Kind::kMonth, 0, Rel::kAt},
    {{"earlier", "this", "month"}, Kind::kMonth, 0, Rel::kAt},
    {{"later", "this", "month"}, Kind::kMonth, 0, Rel::kAt},
    {{"last", "year"}, Kind::kYear, -1, Rel::kAt},
    {{"this", "year"}, Kind::kYear, 0, Rel::kAt},
    {{"earlier", "this", "year"}, Kind::kYear, 0, Rel::kAt},
    {{"later", "this", "year"}, Kind::kYear, 0, Rel::kAt},
    {{"the", "weekend"}, Kind::kWeekend, 0, Rel::kAt},
    {{"this", "weekend"}, Kind::kWeekend, 0, Rel::kAt},
    {{"last", "weekend"}, Kind::kWeekend, 0, Rel::kAt},
    {{"tomorrow"}, Kind::kFuture, 0, Rel::kAfter},
    {{"next", "week"}, Kind::kFuture, 0, Rel::kAfter},
    {{"next", "month"}, Kind::kFuture, 0, Rel::kAfter},
    {{"next", "year"}, Kind::kFuture, 0, Rel::kAfter},
    {{"in", "the", "coming", "days"}, Kind::kFuture, 0, Rel::kAfter},
    {{"in", "the", "coming", "weeks"}, Kind::kFuture, 0, Rel::kAfter},
    {{"recently"}, Kind::kVague, 0, Rel::kBefore},
    {{"lately"}, Kind::kVague, 0, Rel::kBefore},
    {{"recent", "days"}, Kind::kVague, 0, Rel::kAt},
    {{"recent", "weeks"}, Kind::kVague, 0, Rel::kAt},
    {{"recent", "months"}, Kind::kVague, 0, Rel::kAt},
    {{"recent", "years"}, Kind::kVague, 0, Rel::kAt},
    {{"days", "after"}, Kind::kVague, 0, Rel::kAfter},
    {{"weeks", "after"}, Kind::kVague, 0, Rel::kAfter},
    {{"months", "after"}, Kind::kVague, 0, Rel::kAfter},
    {{"years", "after"}, Kind::kVague, 0, Rel::kAfter},
    {{"days", "later"}, Kind::kVague, 0, Rel::kAfter},
    {{"weeks", "later"}, Kind::kVague, 0, Rel::kAfter},
    {{"months", "later"}, Kind::kVague, 0, Rel::kAfter},
    {{"years", "later"}, Kind::kVague, 0, Rel::kAfter},
    {{"days", "earlier"}, Kind::kVague, 0, Rel::kBefore},
    {{"weeks", "earlier"}, Kind::kVague, 0, Rel::kBefore},
    {{"months", "earlier"}, Kind::kVague, 0, Rel::kBefore},
    {{"years", "earlier"}, Kind::kVague, 0, Rel::kBefore},
    {{"weeks", "ago"}, Kind::kVague, 0, Rel::kBefore},
    {{"months", "ago"}, Kind::kVague, 0, Rel::kBefore},
    {{"years", "ago"}, Kind::kVague, 0, Rel::kBefore},
    {{"decades", "ago"}, Kind::kVague, 0, Rel::kBefore},
    {{"the", "next", "day"}, Kind::kVague, 0, Rel::kAfter},
    {{"the", "following", "day"}, Kind::kVague, 0, Rel::kAfter},
    {{"the", "following", "week"}, Kind::kVague, 0, Rel::kAfter},
    {{"the", "day", "before"}, Kind::kVague, 0, Rel::kBefore},
    {{"the", "previous", "day"}, Kind::kVague, 0, Rel::kBefore},
    {{"the", "previous", "week"}, Kind::kVague, 0, Rel::kBefore},
    {{"for", "decades"}, Kind::kVague, 0, Rel::kSince},
    {{"for", "years"}, Kind::kVague, 0, Rel::kSince},
    {{"for", "months"}, Kind::kVague, 0, Rel::kSince},
};

// Prepositions in front of a time expression and the relation they give.
struct Prep {
  std::string_view words[3];
  Rel relation;
};
inline constexpr Prep kPreps[] = {
    {{"since"}, Rel::kSince},      {{"from"}, Rel::kSince},        {{"between"}, Rel::kSince},
    {{"until"}, Rel::kUntil},      {{"till"}, Rel::kUntil},        {{"through"}, Rel::kUntil},
    {{"by"}, Rel::kUntil},         {{"after"}, Rel::kAfter},       {{"following"}, Rel::kAfter},
    {{"before"}, Rel::kBefore},    {{"prior", "to"}, Rel::kBefore}, {{"on"}, Rel::kAt},
    {{"in"}, Rel::kAt},            {{"during"}, Rel::kAt},         {{"over"}, Rel::kAt},
    {{"as", "of"}, Rel::kAt},      {{"at"}, Rel::kAt},             {{"of"}, Rel::kAt},
};

// Period modifiers before a month or a year: kept in the span, precision unchanged.
inline constexpr std::string_view kModifiers[][3] = {
    {"early"}, {"mid"}, {"late"}, {"the", "end", "of"}, {"end", "of"}, {"the", "beginning", "of"},
    {"the", "start", "of"}, {"the", "middle", "of"}, {"beginning", "of"}, {"start", "of"},
};

using sitrep::WordSet;  // include/sitrep/word_set.h


// Words that can begin a time expression (first words of the tables above, month and weekday
// names, "last"/"this"/"next"), so that most tokens are rejected with one hash lookup.
inline bool CanStartWord(std::string_view w) {
  static const WordSet* starts = [] {
    std::vector<std::string_view> words;
    for (const RelPhrase& p : kRelPhrases) words.push_back(p.words[0]);
    for (const Prep& p : kPreps) words.push_back(p.words[0]);
    for (const auto& m : kModifiers) words.push_back(m[0]);
    for (std::string_view m : calendar::MonthWords()) words.push_back(m);
    for (const char* w : {"last", "this", "next", "past", "coming", "the", "sunday", "monday", "tuesday", "wednesday",
                          "thursday", "friday", "saturday"})
      words.push_back(w);
    return new WordSet(words.begin(), words.end());
  }();
  if (starts->Contains(w)) return true;
  if (ParseCardinalToken(w)) return true;  // "two days ago"
  return w.size() > 4 && (w.substr(0, 4) == "mid-" || w.substr(0, 4) == "late" || w.substr(0, 5) == "early");
}

}  // namespace sitrep::time_internal

#endif  // SITREP_SRC_TIME_PHRASES_H_
