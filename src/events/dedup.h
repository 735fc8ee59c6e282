// Within-article deduplication: one event per distinct (type, actor1, actor2, place), with the
// details of repeated mentions merged into the first.
#ifndef SITREP_SRC_EVENTS_DEDUP_H_
#define SITREP_SRC_EVENTS_DEDUP_H_

#include <vector>

#include "sitrep/event.h"

namespace sitrep {

// Merges mentions of the same event; drops events that still name no acting party (except
// humanitarian figures, which by nature have none).
std::vector<Event> MergeDuplicates(std::vector<Event> events);

}  // namespace sitrep

#endif  // SITREP_SRC_EVENTS_DEDUP_H_
