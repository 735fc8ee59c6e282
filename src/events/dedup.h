// Within-article deduplication: one event per distinct (type, actor1, actor2, place), with the
// details of repeated mentions merged into the first.
#ifndef SITREP_SRC_EVENTS_DEDUP_H_
#define SITREP_SRC_EVENTS_DEDUP_H_

#include <vector>

#include "sitrep/event.h"
#include "sitrep/events.h"

#include "core/word_lists.h"

namespace sitrep {

// Merges mentions of the same event; drops events that still name no acting party (except
// humanitarian figures, which by nature have none). `trace` (may be null) records each merge.
// `unnamed_agents` (may be null): actor ids that stand for an attacker the text does not identify
// (conventions.txt unclaimed_actors): "an unidentified armed group" may be the group another mention names.
std::vector<Event> MergeDuplicates(std::vector<Event> events, EventTrace* trace = nullptr,
                                   const OwnedWordSet* unnamed_agents = nullptr);

// When tracing (`trace` not null): records that `absorbed` was merged into `into`, and how.
inline void NoteMerged(EventTrace* trace, const Event& absorbed, const Event& into, const char* how) {
  if (!trace || absorbed.trace_id == 0) return;
  EventTrace::Reading& r = trace->readings[absorbed.trace_id - 1];
  r.merged_into = into.trace_id;
  r.merged_by = how;
}

}  // namespace sitrep

#endif  // SITREP_SRC_EVENTS_DEDUP_H_
