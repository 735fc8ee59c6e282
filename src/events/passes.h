// The passes of the events stage, in the order EventExtractor::Extract (extractor.cc) runs them.
// Per article:
//   0. topic.cc           TopicRules: is the article about political violence at all (data/events/topic.txt)?
//                         Then, for each sentence that could code something, is the sentence? One that is
//                         not codes no event with an ACLED type and no humanitarian figure.
// Per sentence:
//   1. responsibility.cc  ApplyClaimsOfResponsibility: "IS claimed responsibility" names the attacker
//                         of the unclaimed events of the sentence before.
//   2. triggers.cc        SelectTriggers: which trigger matches report an event of their own (not a
//                         name, a modifier, the toll of another event, a withdrawal absorbed by a
//                         takeover, a non-violent sense: "struck a deal") and whether each is read as a verb or a noun.
//   3. roles.cc           ReadRoles: actor1, actor2 and place of each trigger (then modality.cc and
//                         event_dates.cc: how it is asserted, and its date, or the date of the report
//                         or of an earlier sentence: ReportDates).
//   4. conventions.cc     Conventions::Apply: coding conventions (data/events/conventions.txt).
//   5. tolls.cc           AttachToll: the counts of the sentence that belong to the event, and whom
//                         they name as its victims.
//   6. figures.cc         AddHumanitarianFigures: counts no event took ("7 million displaced").
//   7. tolls.cc           TollCarrier: a toll in the next sentence belongs to the last violent event.
// Per article:
//   8. finalize.cc        AbsorbProtestResponses (the police's response is part of the protest),
//                         TerritoryEndsFight (a place taken after a fight is how the fight ended),
//                         MergeIncidents (what the same parties did around an event is part of it), then
//                         Finalize: within-article deduplication (dedup.cc), the article's main place
//                         for events that name none, event ids.
#ifndef SITREP_SRC_EVENTS_PASSES_H_
#define SITREP_SRC_EVENTS_PASSES_H_

#include <functional>
#include <string_view>
#include <vector>

#include "article_view.h"
#include "conventions.h"
#include "cues.h"
#include "patterns.h"
#include "roles.h"
#include "topic.h"
#include "sitrep/events.h"
#include "sitrep/numbers.h"

namespace sitrep {

// What the passes read besides the article: everything loaded from data/events and the actor dictionary.
struct EventRules {
  const EventExtractor::Patterns& patterns;
  const Cues& cues;
  const Conventions& conventions;
  const TopicRules& topic;
  const EventExtractor::ActorLookup& lookup;  // may be empty (no dictionary bound)
  EventTrace* trace = nullptr;                // `sitrep explain`: how events were coded (else null)
};

// When tracing: records that trigger `m` coded nothing, and why.
inline void NoteDropped(const EventRules& rules, const TriggerMatch& m, std::string reason) {
  if (rules.trace) rules.trace->dropped.push_back({m.first, m.last, m.pattern->source, std::move(reason)});
}

// What the conventions' "cue = NAME" conditions read: the event's sentence and the two after it
// ("Residents protested ... They burned tyres and blocked the road. Police dispersed them.").
inline Conventions::ContextTest ContextAround(const ArticleView& article, size_t si) {
  return [&article, si](std::string_view name) { return article.HasContextIn(name, si, si + 3); };
}

// 1. Gives the events in `events[from, end)` whose attacker is unidentified the group that claims
//    responsibility in sentence `si`.
void ApplyClaimsOfResponsibility(const ArticleView& article, size_t si, const EventRules& rules, size_t from,
                                 std::vector<Event>* events);
// The one armed group (conventions.txt attributed_types, not an unclaimed one) that sentence `si` names among
// the mentions `skip` (when given) does not reject; null when it names none, or two different ones.
const ActorRef* TheOneArmedGroupNamed(const ArticleView& article, size_t si, const EventRules& rules,
                                      const std::function<bool(const ActorSpan&)>& skip = {});

// 2. A trigger match that reports an event, read as it should be.
struct ReportedTrigger {
  TriggerMatch match;           // its pattern may differ from the match's (a withdrawal from talks)
  bool nominal = false;         // read as a noun ("the capture of Goma", "fighting between X and Y")
  const Arg* loser = nullptr;   // who lost the place: the agent of a withdrawal this takeover absorbed
};
std::vector<ReportedTrigger> SelectTriggers(const SentenceView& v, const std::vector<TriggerMatch>& matches,
                                            const EventRules& rules);

// 3. The date the sentence gives for the trigger, if any (docs/events.md, "Dates").
const TimeSpan* DateFor(const SentenceView& v, std::span<const TimeSpan> times, const TriggerMatch& m, bool nominal,
                        bool background);
// The verb a token hangs from for dating and places: the nearest non-auxiliary verb, skipping
// [skip_first, skip_last).
uint32_t NearestVerb(const SentenceView& v, uint32_t i, uint32_t skip_first, uint32_t skip_last);

// 3b. The date an event gets when its own sentence dates it not: the date that opened this sentence or
//     an earlier one ("On 9 May 2020, ...", "09 November." before the sentences it dates), else the
//     report's date (precision "report"): as far as a report says, what it reports happened on its date.
class ReportDates {
 public:
  explicit ReportDates(const ArticleView& article);
  // Call once per sentence, in order, before dating its events.
  void EnterSentence(size_t si);
  // Sets e->date and e->date_precision for an event sentence `si` does not date.
  void DateUndated(Event* e) const;

 private:
  const ArticleView& article_;
  const TimeSpan* opening_ = nullptr;  // the latest sentence-opening date
};

// 5. Attaches to `e` the counts of sentence `si` that belong to it (near one of its parties or, for
//    violence, anywhere in its clause), and names their victims as its actor2 when it has none.
//    `taken` collects the counts of the article (by index) that some event took; `counted_by_trigger`
//    those this trigger's earlier readings took (one toll is not counted twice for coordinated agents).
//    Returns true when the victims changed actor2.
bool AttachToll(const ArticleView& article, size_t si, const RoleTuple& roles, const TriggerMatch& m,
                const EventRules& rules, std::vector<size_t>* counted_by_trigger, std::vector<size_t>* taken,
                Event* e);

// The group the violent toll of sentence `si` names as its victims ("3 FARDC soldiers were killed"), or null.
const ActorSpan* TollVictimGroup(const ArticleView& article, size_t si, const Pattern& p, const EventRules& rules);

// A count as the numbers stage's MergeCounts reads it (include/sitrep/numbers.h).
CountMention MentionOf(const CountSpan& c);

// 6. Counts of sentence `si` no event took, with a figure role, as humanitarian-figure events.
class ReportDates;
void AddHumanitarianFigures(const ArticleView& article, size_t si, const EventRules& rules, const ReportDates& dates,
                            const std::vector<size_t>& taken, std::vector<Event>* events);

// 7. "JNIM ambushed a convoy near Boni. 10 soldiers were killed.": a toll in the sentence right after a
//    violent event, protest or riot (conventions.txt toll_types; or the one after a sentence that coded
//    nothing), with nobody named to have caused it, is that event's toll. A figure the text states as the
//    one to use ("Several were killed. Unknown fatalities coded as 10.": cues.txt `context stated_toll`)
//    replaces the event's own instead; more dead told as more ("One soldier was also killed": `context
//    additional_toll`) add to it.
class TollCarrier {
 public:
  TollCarrier(const ArticleView& article, const Conventions& conventions)
      : article_(article), conventions_(conventions) {}
  // Call once per sentence, after its events were added to `events` from index `here_begin` on;
  void AfterSentence(size_t si, size_t here_begin, std::vector<Event>* events);
  // "(fatalities split between 3 events)": a report that says its toll is divided among N events gives each
  // of its events its share, rounded down (cues.txt split_toll_phrases). Call once, after the merges.
  void DivideSplitTolls(std::vector<Event>* events) const;

 private:
  // N of "split between N events" in the article, if it says so.
  std::optional<int64_t> SplitParts() const;
  // Whether sentence `si` states the figure to use for its event ("fatalities coded as 10").
  bool StatesToll(size_t si) const;
  const ArticleView& article_;
  const Conventions& conventions_;
  size_t last_violent_ = SIZE_MAX, last_violent_sentence_ = SIZE_MAX;
  size_t open_until_ = 0;  // the last sentence whose toll may still be the last violent event's
};

// 8a. Folds the police's responses to a protest (arrests, shootings of the crowd) into the protest
//     whose outcome the conventions coded (finalize.cc).
//     `trace` (may be null) records each absorbed event (also for 8b, 8c and 8).
void AbsorbProtestResponses(const ArticleView& article, const Conventions& conventions, std::vector<Event>* found,
                            EventTrace* trace);

// 8b. A place taken by a party of the fight told before it, in the same incident, is how the fight ended
//     ("FARDC troops clashed with Mayi Mayi fighters outside Kasindi. The FARDC then retook the village."):
//     ACLED codes one event, the territorial change, with the fight's toll and other party. The fight takes
//     the capture's kind, taker and place (finalize.cc).
void TerritoryEndsFight(const ArticleView& article, const Conventions& conventions, const Cues& cues,
                        std::vector<Event>* found, EventTrace* trace);

// 8c. Folds the events of an incident (the same parties, place and time, within two sentences) into
//     the one that leads it, as ACLED codes one incident once (finalize.cc).
void MergeIncidents(const ArticleView& article, const Conventions& conventions, const Cues& cues,
                    std::vector<Event>* found, EventTrace* trace);

// The actor argument `a` names when it is a party that fights (conventions.txt fighting_types; a state's force
// too when `state_force`), named (not a pronoun); else null.
const ActorSpan* FightingParty(const Arg& a, const Conventions& conventions, bool state_force);

// ACLED's implied target (conventions.txt implied_civilian_targets and implied_civilian_targets_unless_clash,
// whose callers decide when it applies): the victims of violence against civilians, or of a mob, are
// civilians also when the text names them only as "a man" or "three boys". Gives an event with no actor2
// the people actor (civilians), with no words: the text did not name it.
void ImplyCivilianTarget(const Conventions& conventions, const EventExtractor::ActorLookup& lookup, Event* e);

// 8. Merges repeated mentions, gives events without a place the article's main place, a protest with an
//    outcome the force named around it, and violence against civilians with no target named its implied one
//    (civilians), computes ids, and appends the result to `out`.
void Finalize(const ArticleView& article, const EventRules& rules, std::vector<Event> found, std::vector<Event>* out);

}  // namespace sitrep

#endif  // SITREP_SRC_EVENTS_PASSES_H_
