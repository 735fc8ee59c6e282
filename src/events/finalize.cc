// Pass 8: what an article's events get once all its sentences are read.
#include "dedup.h"
#include "passes.h"

namespace sitrep {

// Events whose text names no place inherit the article's main place at precision 3, after
// deduplication so that an inherited place never makes two mentions look alike. Talk, threats,
// sanctions and support happen wherever their speakers are: they inherit nothing.
void Finalize(const ArticleAnalysis& a, const Conventions& conventions, std::vector<Event> found,
              std::vector<Event>* out) {
  std::vector<Event> merged = MergeDuplicates(std::move(found));
  out->reserve(out->size() + merged.size());
  for (Event& e : merged) {
    if (!e.location && a.main_place && !conventions.verbal_types.Contains(e.plover_type)) {
      e.location = *a.main_place;
      e.location->precision = 3;
    }
    e.event_id = ComputeEventId(e);
    out->push_back(std::move(e));
  }
}

}  // namespace sitrep
