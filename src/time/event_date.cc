// DateForEvent: which of a sentence's time mentions dates an event.
#include <cstdlib>
#include <string_view>

#include "calendar.h"
#include "sitrep/temporal.h"

namespace sitrep {
namespace {

// Tokens that separate clauses for dating purposes: a date in one clause does not date a
// trigger in another when the trigger's own clause has one.
bool IsClauseBreak(std::string_view w) {
  return w == ";" || w == ":" || w == "but" || w == "while" || w == "whereas" || w == "although" ||
         w == "however";
}

}  // namespace

EventDate DateForEvent(const Document& doc, const Sentence& s, const std::vector<TimeMention>& mentions,
                       uint32_t trigger, const std::optional<std::string>& article_date) {
  EventDate out;
  const TimeMention* best = nullptr;
  long best_cost = 0;
  for (const TimeMention& m : mentions) {
    if (m.future) continue;
    if (m.first_token < s.first_token || m.last_token > s.last_token) continue;
    uint32_t lo, hi;  // the tokens strictly between the trigger and the mention
    long distance;
    if (trigger < m.first_token) {
      lo = trigger + 1;
      hi = m.first_token;
      distance = m.first_token - trigger;
    } else if (trigger >= m.last_token) {
      lo = m.last_token;
      hi = trigger;
      distance = trigger - m.last_token + 1;
    } else {
      lo = hi = 0;
      distance = 0;
    }
    int breaks = 0;
    for (uint32_t k = lo; k < hi && k < doc.tokens.size(); ++k) breaks += IsClauseBreak(doc.tokens[k].lower);
    long cost = distance + 1000L * breaks;
    if (best == nullptr || cost < best_cost) {
      best = &m;
      best_cost = cost;
    }
  }
  if (best != nullptr) {
    out.mention = best;
    if (!best->vague && best->date) {
      out.date = best->date;
      out.precision = best->precision;
    }
    return out;
  }
  std::optional<time_internal::Ymd> a;
  if (article_date) a = time_internal::ParseIsoDate(*article_date);
  if (a) {
    // No date in the sentence: the event happened in the days up to publication.
    out.date = time_internal::FormatIso(time_internal::AddDays(*a, -6));
    out.precision = "week";
    out.from_article = true;
  }
  return out;
}

}  // namespace sitrep
