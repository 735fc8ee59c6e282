// EventSummary (summary.h): in-memory columns of the events and the counts over them.
#include "summary.h"

#include <date/date.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <map>
#include <mutex>

#include <fmt/format.h>

#include "core/strings.h"
#include "store/internal.h"

namespace sitrep::serve_internal {

using store_internal::Stmt;

namespace {

// The Monday on or before day `n` (YYYYMMDD).
uint32_t MondayOf(uint32_t n) {
  date::year_month_day ymd{date::year(static_cast<int>(n / 10000)), date::month(n / 100 % 100), date::day(n % 100)};
  date::sys_days day{ymd};
  day -= date::days((date::weekday(day).c_encoding() + 6) % 7);
  date::year_month_day monday{day};
  return static_cast<uint32_t>(static_cast<int>(monday.year())) * 10000 + static_cast<unsigned>(monday.month()) * 100 +
         static_cast<unsigned>(monday.day());
}

// The `top` largest counts, most first, ties by key (as SQL's ORDER BY count DESC, key).
std::vector<KeyCount> Top(std::vector<KeyCount> counts, size_t top) {
  std::sort(counts.begin(), counts.end(), [](const KeyCount& a, const KeyCount& b) {
    return a.count != b.count ? a.count > b.count : a.key < b.key;
  });
  if (counts.size() > top) counts.resize(top);
  return counts;
}

}  // namespace

uint32_t DateNumber(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return 0;
  uint32_t n = 0;
  for (char c : s) {
    if (c == '-') continue;
    if (c < '0' || c > '9') return 0;
    n = n * 10 + static_cast<uint32_t>(c - '0');
  }
  return n;
}

std::string DateText(uint32_t n) { return fmt::format("{:04d}-{:02d}-{:02d}", n / 10000, n / 100 % 100, n % 100); }

// The filters of one query, resolved to interned ids once.
struct EventSummary::Matcher {
  uint32_t since = 0, until = 0;
  std::vector<bool> actor, type, country;  // empty: no such filter
};

EventSummary::Id EventSummary::Intern(const std::string& s) {
  auto [it, added] = ids_.emplace(s, static_cast<Id>(strings_.size()));
  if (added) {
    strings_.push_back(s);
    lowered_.push_back(strings::AsciiLower(s));
  }
  return it->second;
}

std::vector<bool> EventSummary::EqualIgnoringCase(const std::string& s) const {
  const std::string lower = strings::AsciiLower(s);
  std::vector<bool> match(lowered_.size());
  for (size_t i = 0; i < lowered_.size(); ++i) match[i] = lowered_[i] == lower;
  return match;
}

Status EventSummary::Refresh(sqlite3* db) {
  std::unique_lock lock(mu_);
  Stmt st(db,
          "SELECT id, date, plover_type, acled_event_type, acled_sub_event_type, actor1_id, actor1_name, actor2_id, "
          "actor2_name, country_code, actor1_country, actor2_country, json_extract(json, '$.location.admin1'), "
          "location_name, lat, lon FROM events WHERE id > ? ORDER BY id");
  if (!st.ok()) return Status::IOError(fmt::format("cannot prepare summary query: {}", sqlite3_errmsg(db)));
  st.Bind(1, last_id_);
  int rc;
  const size_t first_new = rows_.size();
  while ((rc = st.Step()) == SQLITE_ROW) {
    Row r;
    r.id = last_id_ = st.Int(0);
    r.date = DateNumber(st.Text(1));
    Id* const columns[] = {&r.plover,  &r.acled,   &r.acled_sub,      &r.actor1_id,      &r.actor1_name, &r.actor2_id,
                           &r.actor2_name, &r.country, &r.actor1_country, &r.actor2_country, &r.admin1, &r.place};
    for (size_t i = 0; i < std::size(columns); ++i) *columns[i] = Intern(st.Text(static_cast<int>(i) + 2));
    r.has_coords = !st.IsNull(14);
    r.lat = sqlite3_column_double(st.get(), 14);
    r.lon = sqlite3_column_double(st.get(), 15);
    rows_.push_back(r);
  }
  if (rc != SQLITE_DONE) return Status::IOError(fmt::format("summary query failed: {}", sqlite3_errmsg(db)));
  // The new rows in order, merged with the old ones.
  const auto middle = rows_.begin() + static_cast<std::ptrdiff_t>(first_new);
  std::sort(middle, rows_.end(), Before);
  std::inplace_merge(rows_.begin(), middle, rows_.end(), Before);
  return Status::OK();
}

std::pair<std::vector<EventSummary::Row>::const_iterator, std::vector<EventSummary::Row>::const_iterator>
EventSummary::DateRange(const Matcher& m) const {
  auto begin = rows_.begin();
  auto end = rows_.end();
  Row bound;
  if (m.since) {
    bound.date = m.since;
    bound.id = INT64_MIN;
    begin = std::lower_bound(rows_.begin(), rows_.end(), bound, Before);
  }
  if (m.until) {
    bound.date = m.until;
    bound.id = INT64_MAX;
    end = std::upper_bound(begin, rows_.end(), bound, Before);
  } else if (m.since) {
    bound.date = 0;  // undated rows sort last and never match a date filter
    bound.id = INT64_MIN;
    end = std::lower_bound(begin, rows_.end(), bound, Before);
  }
  return {begin, end};
}

bool EventSummary::Before(const Row& a, const Row& b) {
  if ((a.date == 0) != (b.date == 0)) return b.date == 0;
  return a.date != b.date ? a.date < b.date : a.id < b.id;
}

Status EventSummary::Page(const EventPageQuery& q, const Position* after, size_t limit, std::vector<Position>* out,
                          bool* more) const {
  if (!CanAnswer(q)) return Status::InvalidArgument("the summary cannot search text or filter by article");
  std::shared_lock lock(mu_);
  const Matcher m = MatcherOf(q);
  auto [it, end] = DateRange(m);
  if (after) {
    Row cursor;
    cursor.date = after->date;
    cursor.id = after->id;
    it = std::max(it, std::upper_bound(rows_.begin(), rows_.end(), cursor, Before));
  }
  out->clear();
  *more = false;
  for (; it < end; ++it) {
    const Row& r = *it;
    if (!Matches(r, q, m)) continue;
    if (out->size() == limit) {
      *more = true;
      break;
    }
    out->push_back({r.date, r.id});
  }
  return Status::OK();
}

bool EventSummary::CanAnswer(const EventPageQuery& q) { return q.text.empty() && q.filter.article_id.empty(); }

EventSummary::Matcher EventSummary::MatcherOf(const EventPageQuery& q) const {
  Matcher m;
  m.since = DateNumber(q.filter.since);
  m.until = DateNumber(q.filter.until);
  if (!q.filter.actor.empty()) m.actor = EqualIgnoringCase(q.filter.actor);
  if (!q.filter.type.empty()) m.type = EqualIgnoringCase(q.filter.type);
  if (!q.filter.country.empty()) m.country = EqualIgnoringCase(q.filter.country);
  return m;
}

bool EventSummary::Selected(const Row& r, const EventPageQuery& q, const Matcher& m,
                            const std::vector<int64_t>* only_ids) const {
  return Matches(r, q, m) && (!only_ids || std::binary_search(only_ids->begin(), only_ids->end(), r.id));
}

bool EventSummary::Matches(const Row& r, const EventPageQuery& q, const Matcher& m) const {
  if ((m.since || m.until) && r.date == 0) return false;
  if (m.since && r.date < m.since) return false;
  if (m.until && r.date > m.until) return false;
  auto any = [](const std::vector<bool>& set, std::initializer_list<Id> ids) {
    for (Id id : ids)
      if (id < set.size() && set[id]) return true;
    return false;
  };
  if (!m.actor.empty() && !any(m.actor, {r.actor1_id, r.actor1_name, r.actor2_id, r.actor2_name})) return false;
  if (!m.type.empty() && !any(m.type, {r.plover, r.acled, r.acled_sub})) return false;
  if (!m.country.empty() && !any(m.country, {r.country, r.actor1_country, r.actor2_country})) return false;
  if (q.filter.bbox) {
    auto [min_lon, min_lat, max_lon, max_lat] = *q.filter.bbox;
    if (!r.has_coords || r.lat < min_lat || r.lat > max_lat) return false;
    bool lon_in = min_lon <= max_lon ? r.lon >= min_lon && r.lon <= max_lon : r.lon >= min_lon || r.lon <= max_lon;
    if (!lon_in) return false;
  }
  return true;
}

Status EventSummary::Stats(const EventPageQuery& q, bool weekly, const std::vector<int64_t>* only_ids,
                           EventStats* out) const {
  if (!CanAnswer(q)) return Status::InvalidArgument("the summary cannot search text or filter by article");
  std::shared_lock lock(mu_);
  const Matcher m = MatcherOf(q);

  std::vector<int64_t> by_plover(strings_.size()), by_acled(strings_.size()), by_actor(strings_.size());
  std::vector<std::pair<uint32_t, int64_t>> by_time;  // ascending: the rows are in date order
  std::unordered_map<uint64_t, int64_t> by_admin1;     // admin1 id << 32 | country id
  uint32_t last_date = 0, last_key = 0;
  *out = EventStats();
  auto [begin, end] = DateRange(m);
  for (auto it = begin; it != end; ++it) {
    const Row& r = *it;
    if (!Selected(r, q, m, only_ids)) continue;
    ++out->total;
    if (r.date == 0) {
      ++out->undated;
    } else {
      if (r.date != last_date) last_key = weekly ? MondayOf(r.date) : r.date;
      last_date = r.date;
      if (by_time.empty() || by_time.back().first != last_key) by_time.push_back({last_key, 0});
      ++by_time.back().second;
    }
    ++by_plover[r.plover];
    ++by_acled[r.acled];
    ++by_actor[r.actor1_name];
    ++by_actor[r.actor2_name];
    if (r.admin1) ++by_admin1[uint64_t{r.admin1} << 32 | r.country];
  }
  for (auto [day, n] : by_time) out->by_time.push_back({DateText(day), n});
  auto named = [&](const std::vector<int64_t>& counts) {
    std::vector<KeyCount> list;
    for (size_t id = 1; id < counts.size(); ++id)
      if (counts[id]) list.push_back({strings_[id], counts[id]});
    return Top(std::move(list), kStatsTop);
  };
  out->by_type = named(by_plover);
  out->by_acled_type = named(by_acled);
  out->by_actor = named(by_actor);
  std::vector<KeyCount> admin1;
  for (auto [key, n] : by_admin1) admin1.push_back({strings_[key >> 32] + ", " + strings_[key & 0xffffffff], n});
  out->by_admin1 = Top(std::move(admin1), kStatsTop);
  return Status::OK();
}

void EventSummary::Actors(const std::string& q, int64_t limit, std::vector<KeyCount>* out) const {
  std::shared_lock lock(mu_);
  std::vector<int64_t> counts(strings_.size());
  for (const Row& r : rows_) {
    ++counts[r.actor1_name];
    ++counts[r.actor2_name];
  }
  const std::string lower = strings::AsciiLower(q);
  std::vector<KeyCount> list;
  for (size_t id = 1; id < counts.size(); ++id)
    if (counts[id] && lowered_[id].find(lower) != std::string::npos) list.push_back({strings_[id], counts[id]});
  *out = Top(std::move(list), static_cast<size_t>(limit));
}

void EventSummary::Places(const EventPageQuery& q, const std::vector<int64_t>* only_ids, const std::string& name_part,
                          int64_t limit, std::vector<PlaceInfo>* out) const {
  std::shared_lock lock(mu_);
  struct Sum {
    Id admin1 = 0;
    double lat = 0, lon = 0;
    int64_t n = 0;
    std::unordered_map<Id, int64_t> types;
  };
  const std::string lower = strings::AsciiLower(name_part);
  const Matcher m = MatcherOf(q);
  std::map<std::pair<Id, Id>, Sum> places;
  auto [begin, end] = DateRange(m);
  for (auto it = begin; it != end; ++it) {
    const Row& r = *it;
    if (!r.has_coords || r.place == 0 || !Selected(r, q, m, only_ids)) continue;
    if (!lower.empty() && lowered_[r.place].find(lower) == std::string::npos) continue;
    Sum& s = places[{r.place, r.country}];
    if (strings_[r.admin1] > strings_[s.admin1]) s.admin1 = r.admin1;  // SQL max()
    s.lat += r.lat;
    s.lon += r.lon;
    ++s.n;
    ++s.types[r.plover];
  }
  std::vector<PlaceInfo> list;
  for (const auto& [key, s] : places) {
    auto top = std::max_element(s.types.begin(), s.types.end(), [this](const auto& a, const auto& b) {
      return a.second != b.second ? a.second < b.second : strings_[a.first] > strings_[b.first];
    });
    list.push_back({strings_[key.first], strings_[s.admin1], strings_[key.second], s.lat / s.n, s.lon / s.n, s.n,
                    strings_[top->first]});
  }
  std::sort(list.begin(), list.end(), [](const PlaceInfo& a, const PlaceInfo& b) {
    return a.events != b.events ? a.events > b.events : a.name < b.name;
  });
  if (list.size() > static_cast<size_t>(limit)) list.resize(static_cast<size_t>(limit));
  *out = std::move(list);
}

}  // namespace sitrep::serve_internal
