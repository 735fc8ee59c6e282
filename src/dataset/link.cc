// Which mentions may report one incident: kind, actors, place and date window (docs/dataset.md "Linking").
#include <cmath>
#include <cstdio>

#include "core/calendar.h"
#include "core/fold.h"
#include "core/strings.h"
#include "internal.h"

namespace sitrep {

using dataset_internal::DateOf;
using dataset_internal::HasPlace;
using dataset_internal::MentionDate;
using dataset_internal::SameOrUnnamedActor;

namespace dataset_internal {

std::optional<int64_t> DayNumber(const std::string& date) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  if (!calendar::IsValidDate(y, m, d)) return std::nullopt;
  return calendar::DaysFromCivil(y, m, d);
}

MentionDate DateOf(const Mention& m) {
  MentionDate out;
  if (m.event.date && (out.day = DayNumber(*m.event.date))) {
    out.precision = m.event.date_precision == "unknown" ? "report" : m.event.date_precision;
  } else if (m.article_date && (out.day = DayNumber(*m.article_date))) {
    out.precision = "report";
  }
  return out;
}

std::string ActorKey(const ActorRef& a) { return a.id.empty() ? strings::AsciiLower(a.name) : a.id; }

bool SameOrUnnamedActor(const ActorRef& a, const ActorRef& b, const DatasetRules& rules) {
  if (a.empty() || b.empty()) return true;
  if (rules.generic_actors.count(a.id) || rules.generic_actors.count(b.id)) return true;
  return ActorKey(a) == ActorKey(b);
}

std::string PlaceKey(const Location& l) {
  if (l.geonames_id != 0) return std::to_string(l.geonames_id);
  return strings::AsciiLower(l.name) + "|" + l.country_code;
}

bool HasPlace(const std::optional<Location>& l) { return l && (l.value().geonames_id != 0 || !l.value().name.empty()); }

}  // namespace dataset_internal

namespace {

bool SameActors(const Event& a, const Event& b, const DatasetRules& rules, const std::string& kind) {
  if (SameOrUnnamedActor(a.actor1, b.actor1, rules) && SameOrUnnamedActor(a.actor2, b.actor2, rules)) return true;
  return rules.symmetric_kinds.count(kind) && SameOrUnnamedActor(a.actor1, b.actor2, rules) &&
         SameOrUnnamedActor(a.actor2, b.actor1, rules);
}

bool IsCountry(const Location& l) { return l.precision == 3 && l.admin1.empty(); }

std::string AdminOf(const Location& l, const std::string& level) { return level == "admin1" ? l.admin1 : l.admin2; }

// `area` is the admin area itself (its name is its own admin1/admin2) and `place` lies inside it.
bool Covers(const Location& area, const Location& place, const std::string& level) {
  const std::string& area_name = AdminOf(area, level);
  return !area_name.empty() && fold::FoldCase(area.name) == fold::FoldCase(area_name) && area_name == AdminOf(place, level);
}

double DistanceKm(const Location& a, const Location& b) {
  constexpr double kEarthKm = 6371.0, kRad = M_PI / 180.0;
  double dlat = (b.lat - a.lat) * kRad, dlon = (b.lon - a.lon) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

bool HasCoordinates(const Location& l) { return l.geonames_id != 0 || l.precision != 0; }

// Whether both events name the same actor1, and not a generic one.
bool SameNamedActor1(const Event& a, const Event& b, const DatasetRules& rules) {
  const bool named = !a.actor1.empty() && !rules.generic_actors.count(a.actor1.id);
  return named && dataset_internal::ActorKey(a.actor1) == dataset_internal::ActorKey(b.actor1);
}

// One of two mentions has no place: the `unplaced` rule decides.
bool UnplacedMayLink(const Event& a, const Event& b, const DatasetRules& rules) {
  if (rules.unplaced == "link") return true;
  return rules.unplaced == "named" && SameNamedActor1(a, b, rules);
}

bool SamePlace(const Event& ea, const Event& eb, const DatasetRules& rules) {
  const std::optional<Location>& oa = ea.location;
  const std::optional<Location>& ob = eb.location;
  if (!HasPlace(oa) || !HasPlace(ob)) return UnplacedMayLink(ea, eb, rules);
  const Location& a = *oa;
  const Location& b = *ob;
  if (!a.country_code.empty() && !b.country_code.empty() && a.country_code != b.country_code) return false;
  if (a.geonames_id != 0 && a.geonames_id == b.geonames_id) return true;
  if (fold::FoldCase(a.name) == fold::FoldCase(b.name) && a.admin1 == b.admin1) return true;
  if (IsCountry(a) || IsCountry(b)) return true;
  for (const std::string& level : rules.admin_levels)
    if (Covers(a, b, level) || Covers(b, a, level)) return true;
  return rules.place_km > 0 && HasCoordinates(a) && HasCoordinates(b) && a.precision <= 2 && b.precision <= 2 &&
         DistanceKm(a, b) <= rules.place_km;
}

bool WithinWindow(const MentionDate& a, const MentionDate& b, const DatasetRules& rules) {
  if (!a.day || !b.day) return rules.undated_link;
  auto wa = rules.window_days.find(a.precision), wb = rules.window_days.find(b.precision);
  if (wa == rules.window_days.end() || wb == rules.window_days.end()) return false;
  return std::llabs(*a.day - *b.day) <= std::max(wa->second, wb->second);
}

// Whether a place says more than its country ("Beni", "North Kivu"; not "United States").
bool BelowCountry(const std::optional<Location>& l) {
  return HasPlace(l) && !IsCountry(*l) && !(l->precision == 0 && l->admin1.empty());
}

// Whether two mentions share something specific: both dated, both placed below a country, or the same named
// actor1. Three lenient criteria together (no date, a whole country, an unidentified attacker) are no
// evidence of one incident: two undated killings "in the United States" stay apart.
bool HaveAnAnchor(const Mention& a, const Mention& b, const DatasetRules& rules) {
  if (DateOf(a).day && DateOf(b).day) return true;
  if (BelowCountry(a.event.location) && BelowCountry(b.event.location)) return true;
  return SameNamedActor1(a.event, b.event, rules);
}

}  // namespace

std::string KindOf(const Event& e, const DatasetRules& rules) {
  std::string with_mode = e.plover_type + "/" + e.plover_mode;
  if (rules.split_modes.count(with_mode)) return with_mode;
  auto alias = rules.kind_aliases.find(e.plover_type);
  return alias == rules.kind_aliases.end() ? e.plover_type : alias->second;
}

bool MayReportOneIncident(const Mention& a, const Mention& b, const DatasetRules& rules) {
  if (rules.same_article_apart && a.event.article_id == b.event.article_id) return false;
  const std::string kind = KindOf(a.event, rules);
  return kind == KindOf(b.event, rules) && SamePlace(a.event, b.event, rules) &&
         WithinWindow(DateOf(a), DateOf(b), rules) && SameActors(a.event, b.event, rules, kind) &&
         (rules.anchorless_link || HaveAnAnchor(a, b, rules));
}

}  // namespace sitrep
