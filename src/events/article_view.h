// One article as the event passes read it: each sentence's share of the article's mentions (found
// in one pass, so per-sentence work never scans the whole article: a 10 MB report has tens of
// thousands of sentences), the subject a pronoun falls back on, and sentence views built only where
// something can be coded.
#ifndef SITREP_SRC_EVENTS_ARTICLE_VIEW_H_
#define SITREP_SRC_EVENTS_ARTICLE_VIEW_H_

#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "conventions.h"
#include "cues.h"
#include "modality.h"
#include "sitrep/events.h"
#include "structure.h"

namespace sitrep {

class ArticleView {
 public:
  ArticleView(const ArticleAnalysis& a, const Cues& cues, const Conventions& conventions);

  const ArticleAnalysis& analysis() const { return a_; }
  const Document& doc() const { return *a_.doc; }
  const Cues& cues() const { return cues_; }
  size_t size() const { return a_.doc->sentences.size(); }
  const Sentence& sentence(size_t si) const { return a_.doc->sentences[si]; }
  std::string_view Text(size_t si) const;

  // The mentions that start in sentence `si`.
  std::span<const ActorSpan> Actors(size_t si) const { return Slice(a_.actors, actors_[si]); }
  std::span<const PlaceSpan> Places(size_t si) const { return Slice(a_.places, places_[si]); }
  std::span<const TimeSpan> Times(size_t si) const { return Slice(a_.times, times_[si]); }
  std::span<const CountSpan> Counts(size_t si) const { return Slice(a_.counts, counts_[si]); }
  // Index in the article's counts of the first count of sentence `si`.
  size_t FirstCount(size_t si) const { return counts_[si].first; }

  // The first word of sentence `si` (as written, lower-cased) that is one of `words`, or "".
  std::string_view FirstWordIn(size_t si, const OwnedWordSet& words) const;

  // Points the event's evidence at sentence `si` and its trigger tokens [first, last).
  void SetEvidence(size_t si, uint32_t first, uint32_t last, Event* e) const;

  // The sentence's view (built on first use).
  const SentenceView& View(size_t si) const;
  // Whether some phrase of context list `list` occurs in sentence `si` (Cues::ContextsInSentence, which
  // answers every list at once), remembered: the conventions ask it again for each event of a
  // sentence and of the two before it.
  bool HasContext(const Cues::ContextList& list, size_t si) const;
  // The same for the list named `name` (cues.txt "context NAME"); false when there is none.
  bool HasContext(std::string_view name, size_t si) const;
  // Whether the list named `name` has a phrase in one of the sentences [first, end) (end may run past
  // the article's last sentence).
  bool HasContextIn(std::string_view name, size_t first, size_t end) const;

  // The views of the sentences after `si`, for quotations that close later.
  FollowingViews Following(size_t si) const;

 private:
  using Range = std::pair<size_t, size_t>;  // [begin, end) in an article-wide list
  template <typename T>
  static std::span<const T> Slice(const std::vector<T>& all, Range r) {
    return std::span(all).subspan(r.first, r.second - r.first);
  }
  template <typename T>
  std::vector<Range> RangesBySentence(const std::vector<T>& spans) const;
  void FindPreviousSubjects();

  const ArticleAnalysis& a_;
  const Cues& cues_;
  const Conventions& conventions_;
  const std::vector<bool> quotes_;
  std::vector<Range> actors_, places_, times_, counts_;
  // The subject a pronoun falls back on: the first acting party of the latest sentence that has one.
  std::vector<const ActorSpan*> previous_subject_;
  mutable std::vector<std::unique_ptr<SentenceView>> views_;
  // Per sentence and context list (si * lists + index): 0 not yet read, 1 absent, 2 present.
  mutable std::vector<uint8_t> context_found_;
};

}  // namespace sitrep

#endif  // SITREP_SRC_EVENTS_ARTICLE_VIEW_H_
