// MergeCounts: several counts of one event into its Counts (see numbers.h for the rules).
#include <limits>
#include <optional>

#include "sitrep/numbers.h"

namespace sitrep {
namespace {

// Which of two statements of the same figure to keep: the larger one, since later reports
// of a toll rise and "at least" figures are floors.
int64_t Magnitude(const Estimate& e) {
  if (e.best) return *e.best;
  if (e.low) return *e.low;
  return e.high.value_or(-1);
}

// a + b, held at the largest int64 instead of overflowing (a text may state absurd figures).
int64_t SaturatingAdd(int64_t a, int64_t b) {
  int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) return b > 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
  return sum;
}

}  // namespace

Estimate Sum(const Estimate& a, const Estimate& b) {
  Estimate out;
  if (a.low || b.low) out.low = SaturatingAdd(a.low.value_or(0), b.low.value_or(0));
  if (a.best && b.best) out.best = SaturatingAdd(*a.best, *b.best);
  if (a.high && b.high) out.high = SaturatingAdd(*a.high, *b.high);
  return out;
}

void MergeCounts(const std::vector<CountMention>& mentions, Counts* counts) {
  // The running group of coordinated counts of the current role, added up before it competes
  // with what the role already holds.
  std::optional<Estimate> group;
  const CountMention* group_head = nullptr;
  auto flush = [&]() {
    if (!group) return;
    Estimate* slot = counts->Find(group_head->role);
    if (slot != nullptr && (slot->empty() || Magnitude(*group) > Magnitude(*slot))) *slot = *group;
    group.reset();
    group_head = nullptr;
  };
  for (const CountMention& m : mentions) {
    if (m.subset) continue;
    if (m.coordinated && group && group_head->role == m.role) {
      group = Sum(*group, m.estimate);
      continue;
    }
    flush();
    group = m.estimate;
    group_head = &m;
  }
  flush();
}

}  // namespace sitrep
