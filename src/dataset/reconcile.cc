// One dataset event from the mentions that report it: the most precise place and date, tolls as
// low/best/high across sources, the most factual modality, sources and confidence
// (docs/dataset.md "Reconciling").
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/hash.h"
#include "internal.h"
#include "reconcile.h"

namespace sitrep::dataset_internal {
namespace {

int DatePrecisionRank(const std::string& precision) {
  static const std::vector<std::string> kOrder = {"day", "week", "month", "year", "report"};
  auto it = std::find(kOrder.begin(), kOrder.end(), precision);
  return static_cast<int>(it - kOrder.begin());
}

// 1 town, 2 near a town or district, 3 province or country; a place without a precision after them.
int PlacePrecisionRank(const std::optional<Location>& l) {
  if (!HasPlace(l)) return 9;
  return l->precision == 0 ? 4 : l->precision;
}

int ModalityRank(const std::string& modality, const DatasetRules& rules) {
  auto it = std::find(rules.modality_order.begin(), rules.modality_order.end(), modality);
  return static_cast<int>(it - rules.modality_order.begin());
}

std::string MentionKey(const Mention& m) { return m.event.article_id + "/" + m.event.event_id; }

// The mention whose record leads: the most factual, then the best dated, then the best placed.
const Mention* Lead(const std::vector<const Mention*>& members, const DatasetRules& rules) {
  auto rank = [&](const Mention* m) {
    return std::make_tuple(ModalityRank(m->event.modality, rules), DatePrecisionRank(DateOf(*m).precision),
                           PlacePrecisionRank(m->event.location), MentionKey(*m));
  };
  return *std::min_element(members.begin(), members.end(),
                           [&](const Mention* a, const Mention* b) { return rank(a) < rank(b); });
}

// The most precise place; among equally precise ones the most reported, then the smallest key.
std::optional<Location> BestPlace(const std::vector<const Mention*>& members) {
  std::map<std::tuple<int, int, std::string>, const Location*> ranked;
  std::map<std::string, int> reports;
  for (const Mention* m : members)
    if (HasPlace(m->event.location)) ++reports[PlaceKey(*m->event.location)];
  for (const Mention* m : members) {
    if (!HasPlace(m->event.location)) continue;
    const std::string key = PlaceKey(*m->event.location);
    ranked.emplace(std::make_tuple(PlacePrecisionRank(m->event.location), -reports[key], key), &*m->event.location);
  }
  if (ranked.empty()) return std::nullopt;
  return *ranked.begin()->second;
}

// The most precise date; among equally precise ones the most reported, then the earliest.
void SetBestDate(const std::vector<const Mention*>& members, Event* e) {
  std::map<std::tuple<int, int, std::string>, std::string> ranked;  // -> precision
  std::map<std::pair<std::string, std::string>, int> reports;        // (precision, date) -> mentions
  for (const Mention* m : members)
    if (m->event.date) ++reports[{m->event.date_precision, *m->event.date}];
  for (const Mention* m : members) {
    if (!m->event.date) continue;
    ranked.emplace(std::make_tuple(DatePrecisionRank(m->event.date_precision),
                                   -reports[{m->event.date_precision, *m->event.date}],
                                   *m->event.date),
                   m->event.date_precision);
  }
  if (ranked.empty()) return;
  e->date = std::get<2>(ranked.begin()->first);
  e->date_precision = ranked.begin()->second;
}

// The actor most mentions name on one side (ids over names, generic ids last), when the lead names none
// or a generic one.
void FillActor(const std::vector<const Mention*>& members, ActorRef Event::*side, const DatasetRules& rules,
               ActorRef* out) {
  if (!out->empty() && !rules.generic_actors.count(out->id)) return;
  std::map<std::string, std::pair<int, const ActorRef*>> named;
  for (const Mention* m : members) {
    const ActorRef& a = m->event.*side;
    if (a.empty() || rules.generic_actors.count(a.id)) continue;
    auto& slot = named[ActorKey(a)];
    if (slot.first++ == 0) slot.second = &a;
  }
  const std::pair<int, const ActorRef*>* best = nullptr;
  for (const auto& [key, entry] : named)
    if (!best || entry.first > best->first) best = &entry;
  if (best) *out = *best->second;
}

// low: the smallest figure any source gives; high: the largest; best: the median of the best figures.
Estimate CombineEstimates(const std::vector<const Estimate*>& estimates) {
  Estimate out;
  std::vector<int64_t> bests;
  for (const Estimate* e : estimates) {
    std::optional<int64_t> low = e->low ? e->low : e->best, high = e->high ? e->high : e->best;
    if (low) out.low = out.low ? std::min(*out.low, *low) : *low;
    if (high) out.high = out.high ? std::max(*out.high, *high) : *high;
    if (e->best) bests.push_back(*e->best);
  }
  if (!bests.empty()) {
    std::sort(bests.begin(), bests.end());
    out.best = bests[(bests.size() - 1) / 2];
  }
  return out;
}

Counts CombineCounts(const std::vector<const Mention*>& members) {
  Counts out;
  for (const std::string& role : Counts::Roles()) {
    std::vector<const Estimate*> estimates;
    for (const Mention* m : members)
      if (const Estimate* e = m->event.counts.Find(role); e && !e->empty()) estimates.push_back(e);
    *out.Find(role) = CombineEstimates(estimates);
  }
  return out;
}

double ConfidenceFor(int64_t sources, const DatasetRules& rules) {
  double confidence = 0;
  for (const auto& [at_least, value] : rules.confidence)
    if (sources >= at_least) confidence = value;
  return confidence;
}

MentionRef RefOf(const Mention& m) {
  return MentionRef{m.event.article_id, m.event.event_id, m.source, m.article_date,
                    m.event.modality,   m.event.claimant, m.event.evidence};
}

void AddSources(const std::vector<const Mention*>& members, DatasetEvent* d) {
  std::set<std::string> keys;
  for (const Mention* m : members) {
    keys.insert(m->SourceKey());
    if (m->article_date) {
      if (!d->first_reported || *m->article_date < *d->first_reported) d->first_reported = m->article_date;
      if (!d->last_reported || *m->article_date > *d->last_reported) d->last_reported = m->article_date;
    }
  }
  d->source_count = static_cast<int64_t>(keys.size());
  d->sources.assign(keys.begin(), keys.end());
}

}  // namespace

DatasetEvent Reconcile(const std::vector<const Mention*>& members, const DatasetRules& rules) {
  DatasetEvent d;
  std::string first_key = MentionKey(*members.front());
  for (const Mention* m : members) first_key = std::min(first_key, MentionKey(*m));
  d.id = fmt::format("d{:016x}", hash::Fnv1a(first_key));
  const Mention* lead = Lead(members, rules);
  d.event = lead->event;
  d.event.event_id = d.id;
  d.event.location = BestPlace(members);
  SetBestDate(members, &d.event);
  if (!d.event.date && lead->article_date) {
    d.event.date = lead->article_date;
    d.event.date_precision = "report";
  }
  FillActor(members, &Event::actor1, rules, &d.event.actor1);
  FillActor(members, &Event::actor2, rules, &d.event.actor2);
  d.event.counts = CombineCounts(members);
  AddSources(members, &d);
  d.event.confidence = ConfidenceFor(d.source_count, rules);
  std::vector<const Mention*> ordered = members;
  std::sort(ordered.begin(), ordered.end(), [](const Mention* a, const Mention* b) {
    return std::make_tuple(a->article_date.value_or("9999"), MentionKey(*a)) <
           std::make_tuple(b->article_date.value_or("9999"), MentionKey(*b));
  });
  for (const Mention* m : ordered) d.mentions.push_back(RefOf(*m));
  return d;
}

}  // namespace sitrep::dataset_internal
