// Pass 6: humanitarian figures.
#include <algorithm>

#include "passes.h"
#include "sitrep/numbers.h"

namespace sitrep {

// "Over 7 million people are displaced", "at least 40 dead": a count no event took stands for the
// figure it reports, with no acting party. Its parts are not figures of their own and counts coordinated
// with it add to it ("9 were killed, including 4 soldiers"; "killed 20 civilians and 5 soldiers"); other
// counts are other figures ("300,000 refugees and 120,000 IDPs"). People driven out are coerced; the
// dead, wounded and abducted, assaulted.
void AddHumanitarianFigures(const ArticleView& article, size_t si, const EventRules& rules, const ReportDates& dates,
                            const std::vector<size_t>& taken, std::vector<Event>* events) {
  const ArticleAnalysis& a = article.analysis();
  const Sentence& s = article.sentence(si);
  const std::span<const CountSpan> counts = article.Counts(si);
  Event* figure = nullptr;  // the figure the next coordinated count adds to
  std::string figure_role;
  for (size_t i = 0; i < counts.size(); ++i) {
    const CountSpan& c = counts[i];
    if (c.last > s.last_token) continue;
    if (std::find(taken.begin(), taken.end(), article.FirstCount(si) + i) != taken.end()) continue;
    if (!rules.conventions.figure_roles.Contains(c.role) || c.subset) continue;
    if (c.coordinated && figure && figure_role == c.role) {
      Estimate* sum = figure->counts.Find(c.role);
      *sum = Sum(*sum, c.estimate);
      continue;
    }
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
    // The conventions may say who a figure's dead are put down to ("12 bodies were found": conventions.txt
    // found-dead). Most rules need a party a figure lacks; one that must not apply to figures says so
    // ("mode != humanitarian-figure": a gas accident's dead are no chemical attack).
    rules.conventions.Apply(rules.lookup, ContextAround(article, si), &e, nullptr);
    dates.DateUndated(&e);
    article.SetEvidence(si, c.first, c.last, &e);
    e.confidence = 0.5;
    events->push_back(std::move(e));
    figure = &events->back();
    figure_role = c.role;
  }
}

}  // namespace sitrep
