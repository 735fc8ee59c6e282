// Pass 6: humanitarian figures.
#include <algorithm>

#include "passes.h"

namespace sitrep {

// "Over 7 million people are displaced", "at least 40 dead": a count no event took stands for the
// figure it reports, with no acting party. People driven out are coerced; the dead, wounded and
// abducted, assaulted.
void AddHumanitarianFigures(const ArticleView& article, size_t si, const EventRules& rules, const ReportDates& dates,
                            const std::vector<size_t>& taken, std::vector<Event>* events) {
  const ArticleAnalysis& a = article.analysis();
  const Sentence& s = article.sentence(si);
  const std::span<const CountSpan> counts = article.Counts(si);
  for (size_t i = 0; i < counts.size(); ++i) {
    const CountSpan& c = counts[i];
    if (c.last > s.last_token) continue;
    if (std::find(taken.begin(), taken.end(), article.FirstCount(si) + i) != taken.end()) continue;
    if (!rules.conventions.figure_roles.Contains(c.role)) continue;
    Event e;
    e.article_id = a.article_id;
    e.plover_type = c.role == "displaced" ? "COERCE" : "ASSAULT";
    e.plover_mode = "humanitarian-figure";
    e.trigger = c.role;
    if (Estimate* est = e.counts.Find(c.role)) *est = c.estimate;
    const SentenceView& v = article.View(si);
    const ModalityReading mod = ReadModality(v, c.first, c.last, /*nominal=*/true, article.Following(si));
    e.modality = mod.modality;
    e.claimant = mod.claimant;
    if (const Arg* place = v.ClausePlace(c.first); place && place->place) e.location = place->place->loc;
    dates.DateUndated(&e);
    article.SetEvidence(si, c.first, c.last, &e);
    e.confidence = 0.5;
    events->push_back(std::move(e));
  }
}

}  // namespace sitrep
