// Helpers shared by the eval sources (not part of the public API).
#ifndef SITREP_SRC_EVAL_INTERNAL_H_
#define SITREP_SRC_EVAL_INTERNAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/eval.h"

namespace sitrep::eval_internal {

// ASCII case-insensitive equality (type labels are ASCII).
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// True when the event has a usable coordinate: a location whose lat/lon is not exactly 0,0
// (a gold line may give a precision-3 region with null lat/lon, which reads back as 0,0).
bool HasCoordinates(const Event& e);

// Actor agreement after normalisation: both absent, or a key of one equals a key of the other
// (keys: the normalised id and the normalised name).
bool SameActor(const ActorRef& gold, const ActorRef& pred, const EvalOptions& options);

// The actor's comparison key for display ("" when absent).
std::string ActorKey(const ActorRef& a, const EvalOptions& options);

// `s` cut to at most `max_bytes` (at a UTF-8 boundary) with "..." added when cut.
std::string Shorten(const std::string& s, size_t max_bytes);

// A one-line summary of an event for the worst-examples list: type / sub-type | actors | date | place | killed.
std::string Summary(const Event& e, const EvalOptions& options);

// Examples of several kinds taken in turn (one of each kind per round, each kind in its order) up
// to `limit`, so that one kind cannot crowd out the others.
std::vector<Example> TakeInTurn(std::vector<std::vector<Example>> kinds, int limit);

}  // namespace sitrep::eval_internal

#endif  // SITREP_SRC_EVAL_INTERNAL_H_
