// Pass 1: claims of responsibility.
#include "passes.h"

namespace sitrep {
namespace {

// "<group> [has later] claimed responsibility": whether the words after the actor mention claim it.
bool ClaimsResponsibility(const ArticleView& article, size_t si, const ActorSpan& x, const Cues& cues) {
  const Document& doc = article.doc();
  const Sentence& s = article.sentence(si);
  uint32_t k = x.last;
  while (k < s.last_token && cues.responsibility_fillers.Contains(doc.tokens[k].lower)) ++k;
  return k + 1 < s.last_token && cues.responsibility_verbs.Contains(doc.tokens[k].lower) &&
         cues.responsibility_nouns.Contains(doc.tokens[k + 1].lower);
}

}  // namespace

const ActorRef* TheOneArmedGroupNamed(const ArticleView& article, size_t si, const EventRules& rules,
                                      const std::function<bool(const ActorSpan&)>& skip) {
  const ActorRef* named = nullptr;
  for (const ActorSpan& x : article.Actors(si)) {
    if (x.actor.id.empty() || x.modifier_only || !rules.conventions.attributed_types.Contains(x.actor.type) ||
        rules.conventions.unclaimed_actors.Contains(x.actor.id) || (skip && skip(x)))
      continue;
    if (named && named->id != x.actor.id) return nullptr;  // two groups: none is the one for sure
    named = &x.actor;
  }
  return named;
}

// "A bomb exploded at the market. Islamic State claimed responsibility.": the first named group of
// the sentence that claims becomes the actor of the events nobody was named for.
void ApplyClaimsOfResponsibility(const ArticleView& article, size_t si, const EventRules& rules, size_t from,
                                 std::vector<Event>* events) {
  for (const ActorSpan& x : article.Actors(si)) {
    if (x.actor.id.empty() || x.modifier_only || rules.conventions.IsCivilians(x.actor)) continue;
    if (!ClaimsResponsibility(article, si, x, rules.cues)) continue;
    for (size_t j = from; j < events->size(); ++j)
      if (rules.conventions.unclaimed_actors.Contains((*events)[j].actor1.id)) (*events)[j].actor1 = x.actor;
    return;
  }
  // "Al Shabaab is believed to be responsible.", "Police blamed the ADF.": a sentence with a word of
  // attribution that names one armed group (conventions.txt attributed_types) and no other.
  if (article.FirstWordIn(si, rules.cues.attribution_words).empty() ||
      !article.FirstWordIn(si, rules.cues.attribution_doubts).empty())
    return;
  const ActorRef* named = TheOneArmedGroupNamed(article, si, rules);
  if (!named) return;
  for (size_t j = from; j < events->size(); ++j)
    if (rules.conventions.unclaimed_actors.Contains((*events)[j].actor1.id) && (*events)[j].actor2.id != named->id)
      (*events)[j].actor1 = *named;
}

}  // namespace sitrep
