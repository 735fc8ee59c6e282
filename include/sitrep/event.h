// Event record, schema v2 (docs/schema.md). Field names are stable: later stages fill
// fields, they never rename them. One Event serialises to one JSON object.
#ifndef SITREP_EVENT_H_
#define SITREP_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

struct ActorRef {
  std::string name;     // canonical name, e.g. "March 23 Movement"
  std::string id;       // dictionary id, e.g. "M23"; empty when unresolved
  std::string type;     // state, government, military, police, rebel group, militia, IGO, NGO, ...
  std::string country;  // ISO 3166-1 alpha-3, empty when none
  std::string text;     // the words in the article that named it
  bool empty() const { return name.empty() && id.empty(); }
};

struct Location {
  std::string name;
  int64_t geonames_id = 0;  // 0 when unresolved
  double lat = 0, lon = 0;
  std::string admin1, admin2;
  std::string country_code;  // ISO 3166-1 alpha-2 as in GeoNames
  int precision = 0;  // 1 town/village, 2 near a town or district, 3 province/region, 0 a country with no point
  std::string text;   // the words in the article that named it
};

// Keeps of `loc` its country (and names) but no point: an event placed only in a country (precision 0),
// whose centroid is no place of the event.
inline void KeepCountryOnly(Location* loc) {
  loc->geonames_id = 0;
  loc->lat = loc->lon = 0;
  loc->precision = 0;
}

// UCDP-GED style estimate: "at least 20" -> low 20, best 20; "between 10 and 15" -> 10/12/15.
struct Estimate {
  std::optional<int64_t> low, best, high;
  bool empty() const { return !low && !best && !high; }
};

struct Counts {
  Estimate killed, wounded, displaced, abducted, arrested, troops;
  // Access by role name ("killed", ...); nullptr for an unknown name.
  Estimate* Find(const std::string& role);
  const Estimate* Find(const std::string& role) const;
  static const std::vector<std::string>& Roles();
};

struct Evidence {
  std::string sentence;  // the sentence text
  int64_t start = 0;     // byte offsets of the sentence in Article::text
  int64_t end = 0;
  int64_t trigger_start = 0;  // byte offsets of the trigger word(s)
  int64_t trigger_end = 0;
};

struct Event {
  std::string event_id;    // hash of article id, sentence offset, trigger and actors
  std::string article_id;
  // The article's publisher, address and headline, copied from the Article (Pipeline::Extract sets
  // them; the store fills them from its articles table when it reads events back).
  std::string source, url, title;
  std::string plover_type;   // e.g. "ASSAULT", "FIGHT", "COERCE", "CONSULT"
  std::string plover_mode;   // e.g. "seize", "ground", "sanction"
  std::string cameo_code;    // e.g. "190"
  std::string acled_event_type;      // e.g. "Battles"
  std::string acled_sub_event_type;  // e.g. "Non-state actor overtakes territory"
  ActorRef actor1, actor2;
  std::optional<Location> location;
  std::optional<std::string> date;   // "YYYY-MM-DD"
  std::string date_precision = "unknown";  // day, week, month, year, unknown
  Counts counts;
  std::string modality = "asserted";  // asserted, claimed, denied, negated, threatened, intended,
                                      // hypothetical, background
  std::string claimant;               // who claims/denies it, when not the article's voice
  double confidence = 0.5;            // 0..1
  Evidence evidence;
  std::string trigger;                // the lemma that triggered the event, e.g. "capture"
  // Not part of the record (schema v1): in an extraction traced for `sitrep explain`, the number
  // (from 1) of the reading in EventTrace::readings this event was coded from; else 0.
  uint32_t trace_id = 0;
};

// JSON (schema v2), keys in the documented order (docs/schema.md), coordinates rounded with
// RoundCoordinate. ToJson never fails; FromJson reads schema v1 and v2 and rejects unknown fields
// and wrong types with a message naming the field.
//   std::string line = EventToJson(e);   // {"schema":2,"event_id":"...","article_id":"...",...}
std::string EventToJson(const Event& e);
Status EventFromJson(const std::string& json, Event* out);

// Degrees rounded to 5 decimals (about 1 m), so outputs carry no float noise
// (-0.6537950000000001 -> -0.653795).
double RoundCoordinate(double degrees);

// Stable id of an event: 16 hex digits.
std::string ComputeEventId(const Event& e);

}  // namespace sitrep

#endif  // SITREP_EVENT_H_
