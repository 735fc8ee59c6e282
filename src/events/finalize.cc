// Pass 8: what an article's events get once all its sentences are read.
#include <algorithm>

#include "dedup.h"
#include "passes.h"

namespace sitrep {

namespace {

// The index of the sentence an event was coded from (its evidence starts where the sentence does).
size_t SentenceOf(const ArticleView& article, const Event& e) {
  const auto& sentences = article.doc().sentences;
  const auto it = std::lower_bound(sentences.begin(), sentences.end(), e.evidence.start,
                                   [](const Sentence& s, size_t start) { return s.begin < start; });
  return static_cast<size_t>(it - sentences.begin());
}

// A state force acting on the crowd of a protest coded with its outcome (dispersed, fired on, rioting).
bool IsResponseTo(const Event& protest, const Event& e, const Conventions& conventions) {
  if (&protest == &e || e.plover_type == "PROTEST" || !conventions.IsStateForce(e.actor1)) return false;
  if (!conventions.coercive_types.Contains(e.plover_type)) return false;
  return e.actor2.empty() || conventions.IsCivilians(e.actor2) || e.actor2.id == protest.actor1.id;
}

// Removes the events marked absorbed, keeping the order of the others.
void DropAbsorbed(const std::vector<bool>& absorbed, std::vector<Event>* found) {
  size_t kept = 0;
  for (size_t i = 0; i < found->size(); ++i) {
    if (absorbed[i]) continue;
    if (kept != i) (*found)[kept] = std::move((*found)[i]);  // never move an event onto itself
    ++kept;
  }
  found->resize(kept);
}

}  // namespace

// "Residents protested in Abomey-Calavi. Police dispersed them and arrested two.": ACLED codes one
// event, the protest with its outcome (its ACLED sub-event type says what the police did, its actor2
// who did it). The police's arrests, shootings and beatings of the crowd in the protest's sentence and
// the two after it are absorbed into a protest whose outcome the conventions coded.
void AbsorbProtestResponses(const ArticleView& article, const Conventions& conventions, std::vector<Event>* found) {
  std::vector<bool> absorbed(found->size(), false);
  for (size_t i = 0; i < found->size(); ++i) {
    Event& protest = (*found)[i];
    if (protest.plover_type != "PROTEST" || !conventions.protest_outcomes.Contains(protest.acled_sub_event_type))
      continue;
    const size_t si = SentenceOf(article, protest);
    for (size_t j = 0; j < found->size(); ++j) {
      const Event& e = (*found)[j];
      const size_t sj = SentenceOf(article, e);
      if (absorbed[j] || sj < si || sj > si + 2 || !IsResponseTo(protest, e, conventions)) continue;
      absorbed[j] = true;
      if (protest.actor2.empty()) protest.actor2 = e.actor1;
    }
  }
  DropAbsorbed(absorbed, found);
}

// "Raia Mutomboki looted Tachinid. The assailants killed a man.": ACLED codes the incident once, as its
// most serious event; what the same attackers also did to property around it is part of it. An event
// of a secondary sub-event type (conventions.txt) by the same named actor as a violent event in the
// same sentence or the two around it is absorbed into that event.
void AbsorbSecondaryEvents(const ArticleView& article, const Conventions& conventions, std::vector<Event>* found) {
  std::vector<bool> absorbed(found->size(), false);
  for (size_t j = 0; j < found->size(); ++j) {
    const Event& e = (*found)[j];
    if (e.actor1.id.empty() || !conventions.secondary_sub_event_types.Contains(e.acled_sub_event_type)) continue;
    const size_t sj = SentenceOf(article, e);
    for (size_t i = 0; i < found->size() && !absorbed[j]; ++i) {
      const Event& p = (*found)[i];
      if (i == j || absorbed[i] || p.actor1.id != e.actor1.id || p.acled_event_type.empty()) continue;
      if (!conventions.violent_types.Contains(p.plover_type) || p.plover_mode == "humanitarian-figure") continue;
      const size_t si = SentenceOf(article, p);
      if (si + 2 < sj || sj + 2 < si) continue;
      absorbed[j] = true;
    }
  }
  DropAbsorbed(absorbed, found);
}

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
