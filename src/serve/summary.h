// EventSummary: the columns that /api/stats, /api/actors and /api/places aggregate, for every event,
// held in memory (about 72 bytes an event) so that counts over a million events take milliseconds
// instead of a scan of the events table (whose rows carry the full JSON). Private to src/serve.
//
//   EventSummary summary;
//   Status s = summary.Refresh(db);        // reads the events added since the last call
//   if (summary.CanAnswer(q)) s = summary.Stats(q, weekly, nullptr, &stats);
//
// The filters mean exactly what store_internal::AddEventFilters makes them mean in SQL (ASCII
// case-insensitive equality, inclusive dates, the antimeridian rule of bbox). Thread-safe: Refresh
// takes an exclusive lock, the queries a shared one.
#ifndef SITREP_SRC_SERVE_SUMMARY_H_
#define SITREP_SRC_SERVE_SUMMARY_H_

#include <sqlite3.h>

#include <cstdint>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "sitrep/serve.h"

namespace sitrep::serve_internal {

// "YYYY-MM-DD" -> YYYYMMDD (0 for anything else, as for an undated event), and back.
uint32_t DateNumber(const std::string& iso_date);
std::string DateText(uint32_t date_number);

class EventSummary {
 public:
  // Adds the events stored after the last Refresh (by row id: the store only adds rows).
  Status Refresh(sqlite3* db);
  // Whether Stats can answer `q` (no text search, no article filter: those need SQL).
  static bool CanAnswer(const EventPageQuery& q);
  // Counts of the events matching `q` and, when `only_ids` is given, among those row ids (ascending).
  Status Stats(const EventPageQuery& q, bool weekly, const std::vector<int64_t>* only_ids, EventStats* out) const;
  // The row ids of the first `limit` matching events after position (`after_date` YYYYMMDD or 0 for the
  // undated, `after_id`), in the listing order (by date, undated last, then row id); `has_after` false
  // starts at the beginning. `more` tells whether further events match.
  struct Position {
    uint32_t date = 0;
    int64_t id = 0;
  };
  Status Page(const EventPageQuery& q, const Position* after, size_t limit, std::vector<Position>* out, bool* more) const;
  void Actors(const std::string& q, int64_t limit, std::vector<KeyCount>* out) const;
  // The places of the events matching `q` (and `only_ids`, when given) whose name contains `name_part`.
  void Places(const EventPageQuery& q, const std::vector<int64_t>* only_ids, const std::string& name_part,
              int64_t limit, std::vector<PlaceInfo>* out) const;

 private:
  using Id = uint32_t;  // an interned string (0: "")
  struct Row {
    int64_t id = 0;     // the events table's row id
    uint32_t date = 0;  // YYYYMMDD, 0 when undated
    Id plover, acled, acled_sub, actor1_id, actor1_name, actor2_id, actor2_name;
    Id country, actor1_country, actor2_country, admin1, place;
    double lat = 0, lon = 0;
    bool has_coords = false;
  };
  struct Matcher;

  Id Intern(const std::string& s);
  // The ids of the strings equal to `s` ignoring ASCII case (empty when none).
  std::vector<bool> EqualIgnoringCase(const std::string& s) const;
  bool Matches(const Row& r, const EventPageQuery& q, const Matcher& m) const;
  // Matches, and among `only_ids` (ascending) when given.
  bool Selected(const Row& r, const EventPageQuery& q, const Matcher& m, const std::vector<int64_t>* only_ids) const;
  Matcher MatcherOf(const EventPageQuery& q) const;
  // Whether row a comes before row b in the listing order.
  static bool Before(const Row& a, const Row& b);
  // The rows that can match the date filters of `m` (all rows when there are none).
  std::pair<std::vector<Row>::const_iterator, std::vector<Row>::const_iterator> DateRange(const Matcher& m) const;

  mutable std::shared_mutex mu_;
  int64_t last_id_ = 0;
  std::vector<Row> rows_;  // in the listing order (Before), so that date ranges are contiguous
  std::vector<std::string> strings_{""};
  std::vector<std::string> lowered_{""};  // strings_, ASCII lower case (SQL's NOCASE and LIKE)
  std::unordered_map<std::string, Id> ids_{{"", 0}};
};

}  // namespace sitrep::serve_internal

#endif  // SITREP_SRC_SERVE_SUMMARY_H_
