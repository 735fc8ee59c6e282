// Pass 8: what an article's events get once all its sentences are read.
#include <algorithm>

#include "dedup.h"
#include "passes.h"

namespace sitrep {

// How far after an event's sentence the report may still tell how it ended: the police's response to a protest,
// the party that fought back ("Residents protested ... They burned tyres. Police dispersed them.").
constexpr size_t kFollowingSentences = 2;

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

// Whether two events name a common party as the one who acts or is acted on: the same actor1, or one's
// actor1 the other's actor2 (civilians who are both events' victims do not make them one incident).
bool ShareAParty(const Event& a, const Event& b) {
  auto same = [](const ActorRef& x, const ActorRef& y) { return !x.id.empty() && x.id == y.id; };
  return same(a.actor1, b.actor1) || same(a.actor1, b.actor2) || same(a.actor2, b.actor1);
}

// Whether two events may be one incident in time and space: dated alike (the report's date only
// matches the report's date: an event the text dates is no part of one it does not), and the same
// place (or one has none of its own). An undated event (recalled from before, or in an undated
// article) is no part of another.
bool SameTimeAndPlace(const Event& a, const Event& b) {
  if (!a.date || !b.date || a.date != b.date) return false;
  if ((a.date_precision == "report") != (b.date_precision == "report")) return false;
  if (!a.location || !b.location) return true;
  return a.location->name == b.location->name;
}

// A later event of the incident gives the one that stays the figures it lacks.
void TakeMissingCounts(const Event& from, Event* to) {
  for (const std::string& role : Counts::Roles()) {
    Estimate* slot = to->counts.Find(role);
    if (slot->empty()) *slot = *from.counts.Find(role);
  }
}

// The kind of event `from` is (PLOVER, CAMEO and ACLED types) becomes `to`'s.
void TakeKind(const Event& from, Event* to) {
  to->plover_type = from.plover_type;
  to->plover_mode = from.plover_mode;
  to->cameo_code = from.cameo_code;
  to->acled_event_type = from.acled_event_type;
  to->acled_sub_event_type = from.acled_sub_event_type;
}

// "Two soldiers were killed in a landmine attack by the rebels": the incident is coded by how it was done
// (conventions.txt method_event_types) when the event that leads it does not say.
void TakeMethod(const Conventions& conventions, const Event& from, Event* to) {
  if (!conventions.method_event_types.Contains(from.acled_event_type) ||
      conventions.method_event_types.Contains(to->acled_event_type))
    return;
  TakeKind(from, to);
}

}  // namespace

// "Residents protested in Abomey-Calavi. Police dispersed them and arrested two.": ACLED codes one
// event, the protest with its outcome (its ACLED sub-event type says what the police did, its actor2
// who did it). The police's arrests, shootings and beatings of the crowd in the protest's sentence and
// the two after it are absorbed into a protest whose outcome the conventions coded.
void AbsorbProtestResponses(const ArticleView& article, const Conventions& conventions, std::vector<Event>* found,
                            EventTrace* trace) {
  std::vector<bool> absorbed(found->size(), false);
  for (size_t i = 0; i < found->size(); ++i) {
    Event& protest = (*found)[i];
    if (protest.plover_type != "PROTEST" || !conventions.protest_outcomes.Contains(protest.acled_sub_event_type))
      continue;
    const size_t si = SentenceOf(article, protest);
    for (size_t j = 0; j < found->size(); ++j) {
      const Event& e = (*found)[j];
      const size_t sj = SentenceOf(article, e);
      if (absorbed[j] || sj < si || sj > si + kFollowingSentences || !IsResponseTo(protest, e, conventions)) continue;
      absorbed[j] = true;
      NoteMerged(trace, e, protest, "the police's response to the protest");
      if (protest.actor2.empty()) protest.actor2 = e.actor1;
    }
  }
  DropAbsorbed(absorbed, found);
}

// Whether `lead` and `e` may be one incident: the same parties, place and time, told the same way,
// within two sentences, and not two readings of one trigger ("clashed with FARDC and Wazalendo" is
// two pairs of parties on purpose).
// "The NDC-R and NDC-C militias clashed in Mironge. Two NDC-R fighters were killed during the clash.": a
// later violent noun with a definite determiner, that names no party of its own, refers back to an earlier
// violent event (cues.txt definite_determiners).
bool RefersBack(const ArticleView& article, const Conventions& conventions, const Cues& cues, const Event& lead,
                const Event& e) {
  // (OneIncident, its caller, has already ruled out a lead with no party.)
  if (e.evidence.start < lead.evidence.start || !conventions.unclaimed_actors.Contains(e.actor1.id)) return false;
  if (!conventions.violent_types.Contains(lead.plover_type) || !conventions.violent_types.Contains(e.plover_type))
    return false;
  // The token right before the trigger (tokens are sorted by their byte offset, as the evidence is).
  const std::vector<Token>& tokens = article.doc().tokens;
  const auto trigger = std::lower_bound(tokens.begin(), tokens.end(), e.evidence.trigger_start,
                                        [](const Token& t, size_t at) { return t.begin < at; });
  return trigger != tokens.begin() && cues.definite_determiners.Contains(std::prev(trigger)->lower);
}

bool OneIncident(const ArticleView& article, const Conventions& conventions, const Cues& cues, const Event& lead,
                 const Event& e) {
  if (lead.acled_event_type.empty() || lead.plover_type == "PROTEST") return false;
  if (lead.actor1.empty()) return false;  // an event with no party is dropped: it cannot carry another
  if (lead.evidence.trigger_start == e.evidence.trigger_start) return false;
  // Mentions of one event (same type and mode, same agent, compatible targets) are merged with all their
  // details by MergeDuplicates; an abduction with a killing by the same group, or the firefight that
  // followed an attack and killed people on both sides, is one incident here.
  const bool compatible_targets = lead.actor2.empty() || e.actor2.empty() || lead.actor2.id == e.actor2.id;
  if (lead.plover_type == e.plover_type && lead.plover_mode == e.plover_mode && lead.actor1.id == e.actor1.id &&
      compatible_targets)
    return false;
  const size_t si = SentenceOf(article, lead), sj = SentenceOf(article, e);
  if (si > sj + 2 || sj > si + 2) return false;
  // What a report asserts and what a party claims of the same incident are one ("... detonated. Al
  // Shabaab claimed to have killed two").
  auto happened = [](const Event& x) {
    return x.modality == "asserted" || x.modality == "claimed" || x.modality == "attempted";
  };
  const bool same_telling = lead.modality == e.modality || (happened(lead) && happened(e));
  // A party the text did not name ("rifles were recovered too") may be any of the incident's.
  const bool stand_in = conventions.stand_in_actors.Contains(e.actor1.id);
  // The arrests that follow a violent incident belong to it, whoever made them.
  const bool followup = conventions.incident_followup_modes.Contains(e.plover_mode) &&
                        conventions.violent_types.Contains(lead.plover_type) && lead.evidence.start <= e.evidence.start;
  // "an IED by unknown militants targeting the army detonated": two triggers of one kind in one sentence,
  // one of them with a party the text did not name, tell one incident.
  const bool same_kind_here = si == sj && lead.acled_sub_event_type == e.acled_sub_event_type &&
                              (conventions.unclaimed_actors.Contains(lead.actor1.id) ||
                               conventions.unclaimed_actors.Contains(e.actor1.id));
  // "The Mayi Mayi attacked the FARDC in Kasiki. Two soldiers and one civilian killed.": violence by no
  // named party in the sentence right after a violent event with one is that event's toll.
  const bool unnamed_sequel = sj == si + 1 && !conventions.unclaimed_actors.Contains(lead.actor1.id) &&
                              conventions.unclaimed_actors.Contains(e.actor1.id) &&
                              conventions.violent_types.Contains(lead.plover_type) &&
                              conventions.violent_types.Contains(e.plover_type);
  // "Soldiers clashed with ADF near Oicha on Monday. Two rifles were recovered too.": what no named party did,
  // told undated and unplaced right after the incident, happened then and there.
  const bool undated_sequel = stand_in && sj == si + 1 && e.date_precision == "report" && !e.location;
  return same_telling &&
         (ShareAParty(lead, e) || stand_in || followup || same_kind_here || unnamed_sequel ||
          RefersBack(article, conventions, cues, lead, e)) &&
         (SameTimeAndPlace(lead, e) || undated_sequel);
}

void TerritoryEndsFight(const ArticleView& article, const Conventions& conventions, const Cues& cues,
                        std::vector<Event>* found, EventTrace* trace) {
  std::vector<bool> absorbed(found->size(), false);
  for (size_t j = 0; j < found->size(); ++j) {
    const Event& taking = (*found)[j];
    if (taking.plover_type != "FIGHT" || !conventions.separate_modes.Contains(taking.plover_mode) || taking.actor1.empty())
      continue;
    for (size_t i = 0; i < j; ++i) {
      Event& fight = (*found)[i];
      if (absorbed[i] || fight.plover_type != "FIGHT" || conventions.separate_modes.Contains(fight.plover_mode)) continue;
      const bool taker_fought = taking.actor1.id == fight.actor1.id || taking.actor1.id == fight.actor2.id;
      if (!taker_fought || !OneIncident(article, conventions, cues, fight, taking)) continue;
      const ActorRef other = taking.actor1.id == fight.actor1.id ? fight.actor2 : fight.actor1;
      TakeMissingCounts(taking, &fight);
      TakeKind(taking, &fight);
      fight.actor1 = taking.actor1;
      fight.actor2 = taking.actor2.empty() ? other : taking.actor2;
      if (taking.location) fight.location = taking.location;
      absorbed[j] = true;
      NoteMerged(trace, taking, fight, "how the fight before it ended");
      break;
    }
  }
  DropAbsorbed(absorbed, found);
}

// "ADF attacked Mukondi, killing 12 civilians and abducting 5", "RSF fighters looted homes and killed
// 7": ACLED codes an incident once. A violent event
// (fighting, an assault) leads the incident over what else the same parties did around it (looting,
// arrests); among violent events, the one the report tells first leads. Captures and withdrawals stay
// events of their own (conventions.txt separate_modes); protests keep their own rule
// (AbsorbProtestResponses).
void MergeIncidents(const ArticleView& article, const Conventions& conventions, const Cues& cues,
                    std::vector<Event>* found, EventTrace* trace) {
  std::vector<bool> absorbed(found->size(), false);
  auto violent = [&](const Event& x) { return conventions.violent_types.Contains(x.plover_type); };
  for (size_t j = 0; j < found->size(); ++j) {
    const Event& e = (*found)[j];
    if (e.acled_event_type.empty() || e.plover_type == "PROTEST") continue;
    const bool fight_outcome = conventions.fight_outcome_types.Contains(e.plover_type);
    if (conventions.separate_modes.Contains(e.plover_mode) && !fight_outcome) continue;
    for (size_t i = 0; i < found->size(); ++i) {
      Event& lead = (*found)[i];
      if (i == j || absorbed[i]) continue;
      // A retreat ends the fight told before it (or in its sentence): a fight, not a capture (a withdrawal
      // after a capture is the territorial record), of which the one who retreats is a party.
      if (fight_outcome && (lead.plover_type != "FIGHT" || conventions.separate_modes.Contains(lead.plover_mode) ||
                            i > j || !ShareAParty(lead, e)))
        continue;
      // A violent event is led only by an earlier violent one; anything else by an earlier event or a
      // violent one after it.
      const bool may_lead = violent(e) ? (violent(lead) && i < j) : (i < j || violent(lead));
      if (!may_lead || !OneIncident(article, conventions, cues, lead, e)) continue;
      TakeMissingCounts(e, &lead);
      // An attack told with its weapon and gunfire ("attacked the base with explosions and gunfire") stays an
      // armed clash (cues.txt small_arms).
      if (SentenceOf(article, e) != SentenceOf(article, lead) ||
          !article.HasContext("small_arms", SentenceOf(article, lead)))
        TakeMethod(conventions, e, &lead);
      // "The ADF attacked Mulango. The assailants killed two civilians.": the party's later event names who was
      // hit where the lead did not, and with it what kind of violence the incident was (unless the lead says
      // how it was done: conventions.txt method_event_types).
      if (lead.actor2.empty() && !e.actor2.empty() && e.actor1.id == lead.actor1.id && violent(lead) && violent(e) &&
          !e.acled_event_type.empty() && !conventions.method_event_types.Contains(lead.acled_event_type)) {
        lead.actor2 = e.actor2;
        lead.acled_event_type = e.acled_event_type;
        lead.acled_sub_event_type = e.acled_sub_event_type;
      }
      // "abducted and killed a girl": ACLED codes the incident as the killing it ended in.
      if (conventions.captivity_modes.Contains(lead.plover_mode) && !conventions.captivity_modes.Contains(e.plover_mode) &&
          e.counts.killed.best.value_or(0) > 0 && violent(e))
        TakeKind(e, &lead);
      absorbed[j] = true;
      NoteMerged(trace, e, lead, "part of the same incident");
      break;
    }
  }
  DropAbsorbed(absorbed, found);
}

namespace {

// The party a verb of sentences [si, si + kFollowingSentences] acts through, when `verb_fits(view, verb)`: the
// verb's subject, or its "by" agent when passive; named (not a pronoun), of conventions.txt fighting_types (and
// a state's force when `state_force`), other than `not_id`. Null when none.
template <typename VerbFits>
const ActorSpan* FightingAgentAround(const ArticleView& article, const Conventions& conventions, size_t si,
                                     const std::string& not_id, bool state_force, VerbFits verb_fits) {
  for (size_t sj = si; sj < article.size() && sj <= si + kFollowingSentences; ++sj) {
    const SentenceView& v = article.View(sj);
    for (uint32_t i = v.sentence().first_token; i < v.sentence().last_token; ++i) {
      if (!v.IsVerb(i) || !verb_fits(v, i)) continue;
      for (const Arg* a : v.IsPassive(i) ? v.PrepObjects(i + 1, "by") : v.SubjectOf(i))
        if (const ActorSpan* party = FightingParty(*a, conventions, state_force); party && party->actor.id != not_id)
          return party;
    }
  }
  return nullptr;
}

// "... were dispersed by the police", "Police intervened and fired tear gas": the state's force that acts in a
// protest's sentence or the two after, which the outcome its conventions coded (an intervention, a clash) was
// the work of (not "demanding the withdrawal of Rwandan troops"); null when none.
const ActorSpan* InterveningForce(const ArticleView& article, const Conventions& conventions, const Cues& cues,
                                  size_t si, const Event& protest) {
  if (const ActorSpan* agent = FightingAgentAround(article, conventions, si, protest.actor1.id, /*state_force=*/true,
                                                   [](const SentenceView&, uint32_t) { return true; }))
    return agent;
  // A sentence with nothing to code is not tagged ("Police intervened with tear gas."): there, a force named
  // anywhere but after an oblique preposition (cues.txt oblique_prepositions: "the withdrawal of Rwandan troops").
  for (size_t sj = si + 1; sj < article.size() && sj <= si + kFollowingSentences; ++sj) {
    const SentenceView& v = article.View(sj);
    if (v.sentence().first_token < v.sentence().last_token && !v.tok(v.sentence().first_token).tag.empty()) continue;
    for (const Arg& arg : v.args()) {
      uint32_t before = arg.first;
      while (before > v.sentence().first_token && cues.definite_determiners.Contains(v.tok(before - 1).lower)) --before;
      const bool oblique = before > v.sentence().first_token && cues.oblique_prepositions.Contains(v.tok(before - 1).lower);
      const ActorSpan* force = FightingParty(arg, conventions, /*state_force=*/true);
      if (force && !oblique && force->actor.id != protest.actor1.id) return force;
    }
  }
  return nullptr;
}

// Whether the verb at `i` fights back against the fight whose actor1 is `attacker`: a repelling verb whose
// object names no other party ("repelled the attack", not "repelled an M23 attack"), or a responding verb used
// absolutely or with its means ("reacted with gunfire", "the army responded", not "responded to the
// accusations"): cues.txt repel_verbs, response_verbs.
bool FightsBack(const SentenceView& v, uint32_t i, const std::string& attacker, const Cues& cues) {
  const Sentence& s = v.sentence();
  if (cues.repel_verbs.Contains(v.Lemma(i))) {
    for (uint32_t k = i + 1; k < s.last_token && k < i + 6; ++k)
      if (const Arg* a = v.ArgAt(k); a && a->actor && !a->pronoun && a->actor->actor.id != attacker) return false;
    return true;
  }
  if (!cues.response_verbs.Contains(v.Lemma(i))) return false;
  return i + 1 >= s.last_token || cues.response_followers.Contains(v.tok(i + 1).lower);
}

// "Boko Haram raided Lassa. Nigerian Armed Forces repelled the attack.", "Somali forces reacted with gunfire after
// a grenade was thrown at them": the party that fought back (FightsBack) in a fight's sentence or the two after;
// not the fight's actor1. Null when none.
const ActorSpan* Responder(const ArticleView& article, const Conventions& conventions, const Cues& cues, size_t si,
                           const Event& fight) {
  return FightingAgentAround(article, conventions, si, fight.actor1.id, /*state_force=*/false,
                             [&](const SentenceView& v, uint32_t i) { return FightsBack(v, i, fight.actor1.id, cues); });
}

// A battle with one side named whose other side fought back in the next words (Responder).
void NameResponder(const ArticleView& article, const EventRules& rules, Event* e) {
  if (!e->actor2.empty() || e->actor1.empty() || !rules.conventions.two_sided_event_types.Contains(e->acled_event_type))
    return;
  if (const ActorSpan* responder = Responder(article, rules.conventions, rules.cues, SentenceOf(article, *e), *e))
    e->actor2 = responder->actor;
}

// A protest whose outcome the conventions coded (pass 8) and no response event gave a party: the force
// named around it (InterveningForce). After merging, so that every mention of the protest is one event.
void NameInterveningForce(const ArticleView& article, const Conventions& conventions, const Cues& cues, Event* e) {
  if (!e->actor2.empty() || e->plover_type != "PROTEST" || !conventions.protest_outcomes.Contains(e->acled_sub_event_type))
    return;
  if (const ActorSpan* force = InterveningForce(article, conventions, cues, SentenceOf(article, *e), *e)) e->actor2 = force->actor;
}

}  // namespace

const ActorSpan* FightingParty(const Arg& a, const Conventions& conventions, bool state_force) {
  if (!a.actor || a.pronoun || !conventions.Fights(a.actor->actor)) return nullptr;
  return !state_force || conventions.IsStateForce(a.actor->actor) ? a.actor : nullptr;
}

void ImplyCivilianTarget(const Conventions& conventions, const EventExtractor::ActorLookup& lookup, Event* e) {
  if (!e->actor2.empty() || !lookup) return;
  const std::string& people_id = conventions.people_actor.words().front();
  if (e->actor1.id == people_id) return;
  if (std::optional<ActorRef> people = lookup(people_id)) {
    e->actor2 = std::move(*people);
    e->actor2.text.clear();
  }
}

// Events whose text names no place inherit the article's main place at precision 3, after
// deduplication so that an inherited place never makes two mentions look alike. Talk, threats,
// sanctions and support happen wherever their speakers are: they inherit nothing.
void Finalize(const ArticleView& article, const EventRules& rules, std::vector<Event> found, std::vector<Event>* out) {
  const ArticleAnalysis& a = article.analysis();
  const Conventions& conventions = rules.conventions;
  std::vector<Event> merged = MergeDuplicates(std::move(found), rules.trace, &conventions.unclaimed_actors);
  out->reserve(out->size() + merged.size());
  for (Event& e : merged) {
    if (!e.location && a.main_place && !conventions.verbal_types.Contains(e.plover_type)) {
      e.location = *a.main_place;
      // A country is given with no point (precision 0) and keeps none.
      if (e.location->precision) e.location->precision = 3;
    }
    // A country the text names as the event's place ("in northern Nigeria") is given as its main place
    // would be: the country, with no point; or, when the article's main place lies inside that country,
    // that province or town at precision 3 ("in northern Nigeria (no location found, coded as Maiduguri)").
    if (e.location && e.location->precision == 3 && e.location->admin1.empty() && !e.location->country_code.empty()) {
      if (a.main_place && a.main_place->country_code == e.location->country_code && !a.main_place->admin1.empty()) {
        e.location = *a.main_place;
        e.location->precision = 3;
      } else {
        KeepCountryOnly(&*e.location);
      }
    }
    NameInterveningForce(article, conventions, rules.cues, &e);
    NameResponder(article, rules, &e);
    if (conventions.implied_civilian_targets.Contains(e.acled_sub_event_type))
      ImplyCivilianTarget(conventions, rules.lookup, &e);
    e.event_id = ComputeEventId(e);
    out->push_back(std::move(e));
  }
}

}  // namespace sitrep
