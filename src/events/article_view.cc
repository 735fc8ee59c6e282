#include "article_view.h"

#include <algorithm>

namespace sitrep {

ArticleView::ArticleView(const ArticleAnalysis& a, const Cues& cues, const Conventions& conventions)
    : a_(a),
      cues_(cues),
      conventions_(conventions),
      quotes_(ComputeQuotes(*a.doc)),
      actors_(RangesBySentence(a.actors)),
      places_(RangesBySentence(a.places)),
      times_(RangesBySentence(a.times)),
      counts_(RangesBySentence(a.counts)),
      views_(a.doc->sentences.size()),
      context_found_(a.doc->sentences.size() * cues.context.size(), 0) {
  FindPreviousSubjects();
}

// For mentions sorted by first token: the index range of those starting in each sentence.
template <typename T>
std::vector<ArticleView::Range> ArticleView::RangesBySentence(const std::vector<T>& spans) const {
  std::vector<Range> out(size());
  size_t k = 0;
  for (size_t si = 0; si < size(); ++si) {
    const Sentence& s = sentence(si);
    while (k < spans.size() && spans[k].first < s.first_token) ++k;
    const size_t begin = k;
    while (k < spans.size() && spans[k].first < s.last_token) ++k;
    out[si] = {begin, k};
  }
  return out;
}

void ArticleView::FindPreviousSubjects() {
  previous_subject_.assign(size(), nullptr);
  const ActorSpan* last = nullptr;
  size_t k = 0;
  for (size_t si = 0; si < size(); ++si) {
    previous_subject_[si] = last;
    const Sentence& s = sentence(si);
    const ActorSpan* first_here = nullptr;
    for (; k < a_.actors.size() && a_.actors[k].first < s.last_token; ++k) {
      const ActorSpan& x = a_.actors[k];
      if (!first_here && x.first >= s.first_token && !x.modifier_only && !conventions_.IsCivilians(x.actor))
        first_here = &x;
    }
    if (first_here) last = first_here;
  }
}

std::string_view ArticleView::Text(size_t si) const {
  return Surface(*a_.doc, sentence(si));
}

void ArticleView::SetEvidence(size_t si, uint32_t first, uint32_t last, Event* e) const {
  const Sentence& s = sentence(si);
  e->evidence.sentence = std::string(Text(si));
  e->evidence.start = s.begin;
  e->evidence.end = s.end;
  e->evidence.trigger_start = doc().tokens[first].begin;
  e->evidence.trigger_end = doc().tokens[last - 1].end;
}

const SentenceView& ArticleView::View(size_t si) const {
  if (!views_[si])
    views_[si] = std::make_unique<SentenceView>(a_, sentence(si), quotes_, previous_subject_[si], Actors(si),
                                                Places(si), cues_, conventions_);
  return *views_[si];
}

FollowingViews ArticleView::Following(size_t si) const {
  return [this, si](size_t k) -> const SentenceView* { return si + k < size() ? &View(si + k) : nullptr; };
}

std::string_view ArticleView::FirstWordIn(size_t si, const OwnedWordSet& words) const {
  const Sentence& s = sentence(si);
  for (uint32_t i = s.first_token; i < s.last_token; ++i)
    if (words.Contains(doc().tokens[i].lower)) return doc().tokens[i].lower;
  return {};
}

bool ArticleView::HasContext(const Cues::ContextList& list, size_t si) const {
  uint8_t* found = &context_found_[si * cues_.context.size()];  // the sentence's answers, list by list
  if (found[list.index] == 0) cues_.ContextsInSentence(doc(), sentence(si), found);
  return found[list.index] == 2;
}

bool ArticleView::HasContext(std::string_view name, size_t si) const { return HasContextIn(name, si, si + 1); }

bool ArticleView::HasContextIn(std::string_view name, size_t first, size_t end) const {
  const auto it = cues_.context.find(name);  // once for all the sentences
  if (it == cues_.context.end()) return false;
  for (size_t si = first; si < std::min(end, size()); ++si)
    if (HasContext(it->second, si)) return true;
  return false;
}

}  // namespace sitrep
