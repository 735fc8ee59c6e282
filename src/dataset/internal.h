// Private helpers of src/dataset.
#ifndef SITREP_SRC_DATASET_INTERNAL_H_
#define SITREP_SRC_DATASET_INTERNAL_H_

#include <optional>
#include <string>

#include "sitrep/dataset.h"

namespace sitrep::dataset_internal {

// Days since 1970-01-01 of a "YYYY-MM-DD" date; nullopt for anything else.
std::optional<int64_t> DayNumber(const std::string& date);

// A mention's date as the links read it: the event's own date, else the article's ("report").
struct MentionDate {
  std::optional<int64_t> day;
  std::string precision = "unknown";
};
MentionDate DateOf(const Mention& m);

// True when `a` and `b` name one actor (by id, else by name) or one of them is unnamed or generic.
bool SameOrUnnamedActor(const ActorRef& a, const ActorRef& b, const DatasetRules& rules);
// A key that names an actor: its id, else its lower-cased name.
std::string ActorKey(const ActorRef& a);
// A key that names a place: its GeoNames id, else its lower-cased name and country.
std::string PlaceKey(const Location& l);
// Whether a location is resolved enough to compare (a GeoNames id or a name).
bool HasPlace(const std::optional<Location>& l);

}  // namespace sitrep::dataset_internal

#endif  // SITREP_SRC_DATASET_INTERNAL_H_
