// BuildDataset: mentions linked into dataset events, deterministically (docs/dataset.md "Linking").
//
// The mentions are sorted by a key of their content (date, article id, event id), never by ingest
// order, and each joins the first earlier-started event of its kind whose every mention it may report
// the same incident as (complete linkage: no chains of near-misses), or starts one.
#include <algorithm>
#include <map>

#include "internal.h"
#include "reconcile.h"

namespace sitrep {

using dataset_internal::DateOf;
using dataset_internal::Reconcile;

namespace {

struct Sorted {
  const Mention* mention;
  std::optional<int64_t> day;
};

struct Cluster {
  std::vector<const Mention*> members;
  std::optional<int64_t> last_day;  // the latest dated member
};

std::vector<Sorted> SortByContent(const std::vector<Mention>& mentions) {
  std::vector<Sorted> sorted;
  sorted.reserve(mentions.size());
  for (const Mention& m : mentions) sorted.push_back({&m, DateOf(m).day});
  std::sort(sorted.begin(), sorted.end(), [](const Sorted& a, const Sorted& b) {
    auto key = [](const Sorted& s) {
      return std::make_tuple(!s.day.has_value(), s.day.value_or(0), s.mention->event.article_id,
                             s.mention->event.event_id);
    };
    return key(a) < key(b);
  });
  return sorted;
}

int LongestWindow(const DatasetRules& rules) {
  int longest = 0;
  for (const auto& [precision, days] : rules.window_days) longest = std::max(longest, days);
  return longest;
}

bool JoinsAll(const Mention& m, const Cluster& c, const DatasetRules& rules) {
  return std::all_of(c.members.begin(), c.members.end(),
                     [&](const Mention* other) { return MayReportOneIncident(m, *other, rules); });
}

// The clusters of one kind, mentions in date order: the ones too old to link are passed over.
void LinkKind(const std::vector<Sorted>& mentions, const DatasetRules& rules, std::vector<Cluster>* clusters) {
  const int longest = LongestWindow(rules);
  for (const Sorted& s : mentions) {
    Cluster* joined = nullptr;
    for (Cluster& c : *clusters) {
      if (s.day && c.last_day && *s.day - *c.last_day > longest) continue;
      if (JoinsAll(*s.mention, c, rules)) {
        joined = &c;
        break;
      }
    }
    if (!joined) joined = &clusters->emplace_back();
    joined->members.push_back(s.mention);
    if (s.day) joined->last_day = s.day;
  }
}

}  // namespace

void BuildDataset(const std::vector<Mention>& mentions, const DatasetRules& rules, std::vector<DatasetEvent>* out) {
  std::map<std::string, std::vector<Sorted>> by_kind;
  for (const Sorted& s : SortByContent(mentions)) by_kind[KindOf(s.mention->event, rules)].push_back(s);
  out->clear();
  for (const auto& [kind, kind_mentions] : by_kind) {
    std::vector<Cluster> clusters;
    LinkKind(kind_mentions, rules, &clusters);
    for (const Cluster& c : clusters) out->push_back(Reconcile(c.members, rules));
  }
  std::sort(out->begin(), out->end(), [](const DatasetEvent& a, const DatasetEvent& b) {
    return std::make_tuple(!a.event.date.has_value(), a.event.date.value_or(""), a.id) <
           std::make_tuple(!b.event.date.has_value(), b.event.date.value_or(""), b.id);
  });
}

}  // namespace sitrep
