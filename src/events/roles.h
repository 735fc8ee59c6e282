// Role reading: for one trigger, who is actor1 (the agent), who actor2 (the other party or
// target) and which place the event affects, per frame (docs/events.md).
#ifndef SITREP_SRC_EVENTS_ROLES_H_
#define SITREP_SRC_EVENTS_ROLES_H_

#include <vector>

#include "patterns.h"
#include "structure.h"

namespace sitrep {

struct RoleTuple {
  const Arg* actor1 = nullptr;
  const Arg* actor2 = nullptr;
  const Arg* place = nullptr;
};

// All (actor1, actor2, place) readings of a trigger: coordinated agents of a one-sided event and
// coordinated places each give their own tuple; reciprocal events pair the first two parties.
std::vector<RoleTuple> ReadRoles(const SentenceView& v, const TriggerMatch& m, bool nominal);

}  // namespace sitrep

#endif  // SITREP_SRC_EVENTS_ROLES_H_
