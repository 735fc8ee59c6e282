// The events stage's driver: runs the passes of passes.h over an analysed article, sentence by
// sentence, and codes each reading of a trigger as an event.
#include <algorithm>

#include "core/strings.h"
#include "passes.h"
#include "sitrep/events.h"

namespace sitrep {
namespace {

double Confidence(const RoleTuple& r, bool nominal, bool dated, const std::string& modality) {
  double c = 0.45;
  if (r.actor1 && !r.actor1->coref) c += 0.15;
  else if (r.actor1) c += 0.08;
  if (r.actor2) c += 0.05;
  if (r.place) c += 0.1;
  if (dated) c += 0.1;
  if (!nominal) c += 0.1;
  if (modality == "claimed") c -= 0.1;
  return std::clamp(c, 0.05, 0.95);
}

// The party an argument names. A generic mention the actor stage could not resolve ("the police" in
// an article whose country is unknown) stays a party, named by its words, with no id.
ActorRef RefOf(const Arg* a) {
  if (!a || !a->actor) return {};
  ActorRef ref = a->actor->actor;
  if (ref.id.empty() && ref.name.empty() && !ref.type.empty()) ref.name = ref.text;
  return ref;
}

// What a trigger's readings share: how it is asserted and when.
struct TriggerReading {
  const ReportedTrigger& trigger;
  const Conventions::ContextTest& context;  // the sentence's context phrases, for the conventions
  ModalityReading modality;
  const TimeSpan* when = nullptr;
  uint32_t clause_verb = 0;  // the verb whose clause holds the trigger (itself, for a verb)
};

// A party its sentence counts: a number right before it ("5 militiamen") or opening it.
bool IsCounted(const SentenceView& v, const Arg& party) {
  if (v.tok(party.first).tag == "CD") return true;
  return party.first > v.sentence().first_token && v.tok(party.first - 1).tag == "CD";
}

// A trigger that names what it takes ("gained territories back", "took control of") needs nothing after
// it. Otherwise its object phrase (up to a preposition other than "of", a comma or a verb) holds a name the
// gazetteer may lack ("captured Kabira"), a word for a place ("the lakeside town of X"), or, for a verb that
// drives a party out (cues.txt ousting_verbs: "dislodged the rebels"), a party; people taken ("captured four
// armed men") are no place.
bool TakesAPlace(const SentenceView& v, const TriggerMatch& m) {
  for (const std::string& word : m.pattern->words)
    if (v.cues().territory_nouns.Contains(word)) return true;
  const bool ousts = v.cues().ousting_verbs.Contains(m.pattern->words.front());
  const Sentence& s = v.sentence();
  for (uint32_t k = m.last; k < s.last_token && k < m.last + 10; ++k) {
    const Token& t = v.tok(k);
    if (const Arg* arg = v.ArgAt(k); arg && (arg->place || ousts)) return true;
    if (!v.ArgAt(k) && (t.tag == "NNP" || t.tag == "NNPS" || strings::StartsAsciiUpper(t.norm))) return true;
    if (v.cues().territory_nouns.Contains(t.lower)) return true;
    const bool ends_phrase = (t.tag == "IN" && t.lower != "of" && t.lower != "over") || t.norm == "," ||
                             (v.IsVerb(k) && t.tag != "VBN" && t.tag != "VBG");
    if (ends_phrase) return false;
  }
  return false;
}

// The parties of a reading as they will be coded: talks need two; one party is not its own
// opponent; a takeover's loser; the clause's place when the roles name none (never an actor's span); a
// taking of territory takes a place. False (with `*why`) when the reading codes no event.
bool SettleRoles(const SentenceView& v, const TriggerReading& t, RoleTuple* roles, const char** why) {
  const Frame frame = t.trigger.match.pattern->frame;
  if ((frame == Frame::kConsult || frame == Frame::kAgree) && (!roles->actor1 || !roles->actor2)) {
    *why = "talks and agreements need two parties";
    return false;
  }
  if (roles->actor1 && roles->actor2 && roles->actor1->actor->actor.id == roles->actor2->actor->actor.id &&
      !roles->actor1->actor->actor.id.empty())
    roles->actor2 = nullptr;
  if (!roles->actor2 && t.trigger.loser && t.trigger.loser != roles->actor1) roles->actor2 = t.trigger.loser;
  if (!roles->place) roles->place = v.ClausePlace(t.trigger.match.head, t.clause_verb);
  if (roles->place && roles->place->actor) roles->place = nullptr;
  if (frame != Frame::kTerritory || (roles->place && roles->place->place) || TakesAPlace(v, t.trigger.match))
    return true;
  // A taking with no place and nothing like a place after it.
  // "Five fighters were killed and two others captured": a counted party that takes no one is people taken in
  // the fight, not territory taken.
  if (!roles->actor2 && roles->actor1 && IsCounted(v, *roles->actor1)) {
    *why = "people captured in a fight, no territory taken";
    return false;
  }
  // "The rebels captured the informants": an active taking.
  if (!t.trigger.nominal && !v.IsPassive(t.trigger.match.head)) {
    *why = "a taking of no place (cues.txt territory_nouns)";
    return false;
  }
  return true;
}

// "nurses staged a protest", "students held demonstrations": a nominal trigger right after a light verb
// (determiners and adjectives between) is reported by it as a verb would be.
bool AfterLightVerb(const SentenceView& v, const TriggerMatch& m, const Cues& cues) {
  uint32_t k = m.first;
  while (k > v.sentence().first_token && In(v.tok(k - 1).tag, {"DT", "JJ", "CD", "PRP$"})) --k;
  return k > v.sentence().first_token && v.IsVerb(k - 1) && cues.light_verbs.Contains(v.Lemma(k - 1));
}

// The subject of a verbal trigger, read leftwards within its clause past auxiliaries, adverbs and
// the phrases that qualify it ("journalists have also protested", "residents of Iko protested",
// "youth in Meru county took to the streets to demonstrate"), has one of `crowd_nouns`; the verb does not
// take a "that" clause (a complaint, not a demonstration).
bool HasCrowdSubject(const SentenceView& v, const TriggerMatch& m, const OwnedWordSet& crowd_nouns) {
  const Sentence& s = v.sentence();
  if (m.last < s.last_token && v.tok(m.last).lower == "that") return false;
  for (uint32_t k = m.first, steps = 0; k > s.first_token && steps < 12; ++steps) {
    --k;
    const Token& t = v.tok(k);
    if (t.tag.rfind("NN", 0) == 0 && crowd_nouns.Contains(t.lower)) return true;
    if (t.norm == "," || v.IsClauseBoundary(k)) return false;
  }
  return false;
}

// "Hundreds of teachers protested", "an IED exploded near a market": nobody named, and the pattern
// says who such events are coded to. Only where the sentence says where or what it cost (some
// patterns ask for what it cost): "a blast of payments", "in protest at his trial", "his involvement
// in the blasts" are no events to code.
// Returns false when the event should not be coded.
bool CodeAgentless(const ArticleView& article, size_t si, const TriggerReading& t, const RoleTuple& roles,
                   const EventRules& rules, Event* e) {
  const Pattern& p = *t.trigger.match.pattern;
  if (!e->actor1.empty() || p.agentless.id.empty()) return true;
  if (roles.actor2 && roles.actor2->actor && roles.actor2->actor->actor.id == p.agentless.id) return true;
  bool has_toll = false;
  for (const CountSpan& c : article.Counts(si)) has_toll = has_toll || rules.conventions.agentless_toll_roles.Contains(c.role);
  const SentenceView& v = article.View(si);
  const Arg* where = roles.place ? roles.place : v.ClausePlace(t.trigger.match.head, t.clause_verb);
  // A noun may only name a kind ("in protest at"); a verb whose subject is a crowd reports one
  // ("people protested", "hundreds of journalists rallied"), unlike "firms protested that ...", "the
  // dollar rallied".
  const bool crowd_verb = (!t.trigger.nominal || AfterLightVerb(v, t.trigger.match, rules.cues)) &&
                          HasCrowdSubject(v, t.trigger.match, rules.cues.crowd_nouns);
  // An explosive the sentence names is an explosion's place enough ("an IED exploded targeting a convoy
  // near Macaane village", whose village the gazetteer may not know).
  const bool names_explosive = !article.FirstWordIn(si, rules.cues.explosive_nouns).empty();
  using When = Pattern::AgentlessWhen;
  const bool placed = crowd_verb || names_explosive || (where && where->place);
  switch (p.agentless_when) {
    case When::kPlaceOrToll: if (!has_toll && !placed) return false; break;
    case When::kIfToll: if (!has_toll) return false; break;
    case When::kAnywhere: break;
    case When::kUnlessToll: if (has_toll || !placed) return false; break;
  }
  e->actor1 = p.agentless;
  // "an IED planted by Al Shabaab militants exploded", "an Al Shabaab SVBIED exploded": an unclaimed
  // agentless event is put down to the one armed group its sentence names (conventions.txt attributed_types).
  if (rules.conventions.unclaimed_actors.Contains(p.agentless.id)) {
    const std::string& target = e->actor2.id;
    // The target is not who acted, nor what was hit ("hurled at an Al Shabaab training center").
    const auto hit = [&](const ActorSpan& x) {
      if (x.actor.id == target) return true;
      uint32_t k = x.first;
      while (k > v.sentence().first_token && In(v.tok(k - 1).tag, {"DT", "JJ", "PRP$"})) --k;
      return k > v.sentence().first_token && rules.cues.target_words.Contains(v.tok(k - 1).lower);
    };
    if (const ActorRef* named = TheOneArmedGroupNamed(article, si, rules, hit)) e->actor1 = *named;
  }
  return true;
}

// "were attacked and assaulted by community members": a noun of `crowd_nouns` in the by-phrase right after
// a passive trigger (the trigger's own coordinated verbs between).
bool CrowdAfterBy(const SentenceView& v, const TriggerMatch& m, const OwnedWordSet& crowd_nouns) {
  const Sentence& s = v.sentence();
  const uint32_t end = std::min(s.last_token, m.last + 5);  // "by" within the five tokens after the trigger
  uint32_t k = m.last;
  while (k < end && v.tok(k).lower != "by") ++k;
  if (k >= end) return false;
  for (uint32_t j = k + 1; j < s.last_token && j < k + 6; ++j) {
    const Token& t = v.tok(j);
    if (t.tag.rfind("NN", 0) == 0 && crowd_nouns.Contains(t.lower)) return true;
    if (!In(t.tag, {"DT", "JJ", "CD", "NN", "NNS", "IN"})) return false;
  }
  return false;
}

// "a mob lynched a thief", "youths beat up a judge", "rival supporters threw stones": violence whose
// subject is a crowd the actor stage does not name is the crowd's (conventions.txt crowd_actor, rioters),
// which the coding conventions then make mob violence or a violent demonstration.
void CodeCrowd(const SentenceView& v, const TriggerReading& t, const EventRules& rules, Event* e) {
  const Pattern& p = *t.trigger.match.pattern;
  if (!e->actor1.empty() || t.trigger.nominal || !rules.lookup) return;
  if (!rules.conventions.coercive_types.Contains(p.plover_type)) return;
  const uint32_t head = t.trigger.match.head;
  bool crowd_acted = false;
  if (v.IsPassive(head)) {
    // The subject of a passive is its victim ("a girl was raped"); a crowd that acted follows "by" ("were
    // assaulted by community members").
    crowd_acted = CrowdAfterBy(v, t.trigger.match, rules.cues.riot_crowd_nouns);
  } else {
    // Nor is a headline's reduced passive ("Two people killed in Kisumu"): a participle with no "have".
    if (v.tok(head).tag == "VBN" && !(head > v.sentence().first_token && v.tok(head - 1).lemma == "have")) return;
    crowd_acted = HasCrowdSubject(v, t.trigger.match, rules.cues.riot_crowd_nouns);
  }
  if (!crowd_acted) return;
  if (std::optional<ActorRef> crowd = rules.lookup(rules.conventions.crowd_actor.words().front())) e->actor1 = *crowd;
}

// "shot dead a police officer", "a soldier was killed": the victims are armed people the actor stage
// names no actor for (cues.txt armed_person_nouns), read right after the trigger or, passive, before it.
bool NamesArmedVictims(const SentenceView& v, const TriggerMatch& m, const Cues& cues) {
  const Sentence& s = v.sentence();
  auto armed_noun_from = [&](uint32_t k, int step) {
    for (int n = 0; n < 5 && k >= s.first_token && k < s.last_token; ++n, k += step) {
      const Token& t = v.tok(k);
      // The tagger reads some of these nouns as adjectives after a name ("OLF insurgent/JJ").
      if ((t.tag.rfind("NN", 0) == 0 || t.tag == "JJ") && cues.armed_person_nouns.Contains(t.lower)) return true;
      // A participle after a determiner describes the noun ("an armed/VBN AS fighter").
      const bool modifier = t.tag == "VBN" && k > s.first_token && In(v.tok(k - 1).tag, {"DT", "JJ", "CD"});
      if (!In(t.tag, {"DT", "JJ", "CD", "PRP$", "POS", "NN", "NNP", "NNS", "VBD", "VBN"}) || (v.IsVerb(k) && !modifier))
        return false;
    }
    return false;
  };
  if (armed_noun_from(m.last, 1)) return true;
  if (!v.IsPassive(m.head)) return false;
  const uint32_t k = v.AuxChainStart(m.first);
  return k > s.first_token && armed_noun_from(k - 1, -1);
}

// The end of the clause that starts at token `from`: a clause boundary, a finite verb, or 12 tokens on.
uint32_t ClauseEndAfter(const SentenceView& v, uint32_t from) {
  uint32_t end = from;
  while (end < v.sentence().last_token && end < from + 12 && !v.IsClauseBoundary(end) && !v.IsFiniteVerb(end)) ++end;
  return end;
}

// "fired at an AMISOM forward operation base", "attacked a Govt forces (military) base", "shelled the positions
// of the Donbass People's Militia": the armed party holding the post an attack hit (cues.txt
// armed_target_phrases, the first within the trigger's clause), named just before the post's noun or right
// after it, following "of". Null when none is named.
const ActorSpan* HolderOfArmedTarget(const SentenceView& v, const TriggerMatch& m, const Conventions& conventions,
                                     const Cues& cues) {
  const Sentence& s = v.sentence();
  const uint32_t clause_end = ClauseEndAfter(v, m.last);
  const auto post = cues.armed_target_phrases.SpanOfFirstIn(v.doc(), s, m.last, clause_end);
  if (!post) return nullptr;
  // A post that only says where ("attacked Mayimoya near a MONUSCO base") was not hit.
  uint32_t np = post->first;
  while (np > m.last && !v.IsPreposition(np - 1) && !v.IsVerb(np - 1) && post->first - np < 6) --np;
  if (np > m.last && cues.landmark_prepositions.Contains(v.tok(np - 1).lower)) return nullptr;
  // A force, an armed group, or a peacekeeping mission (conventions.txt fighting_types).
  auto armed_party = [&](uint32_t i) -> const ActorSpan* {
    const Arg* a = v.ArgAt(i);
    return a ? FightingParty(*a, conventions, /*state_force=*/false) : nullptr;
  };
  // Before the noun, back to its determiner: "an AMISOM forward operation base".
  for (uint32_t i = post->first; i > m.last && post->first - i < 5; --i) {
    if (const ActorSpan* holder = armed_party(i - 1)) return holder;
    if (v.tok(i - 1).tag == "DT" || v.IsVerb(i - 1) || v.IsPreposition(i - 1)) break;
  }
  // After it: "the positions of the Donbass People's Militia".
  uint32_t k = post->second;
  if (k + 1 >= s.last_token || v.tok(k).lower != "of") return nullptr;
  if (v.tok(++k).tag == "DT" && k + 1 < s.last_token) ++k;
  return armed_party(k);
}

// "an IED targeting a government security forces (SNA) convoy", "a bomb aimed at AMISOM troops": the party
// named right after an active targeting verb (cues.txt targeting_verbs) of the trigger's own words: within
// six tokens before the trigger or in the clause after it, with no clause boundary between (not "attacked
// Oicha, a week after MONUSCO launched an operation targeting the ADF").
const ActorSpan* TargetedParty(const SentenceView& v, const TriggerMatch& m, const Cues& cues) {
  const Sentence& s = v.sentence();
  uint32_t from = m.first;
  while (from > s.first_token && m.first - from < 6 && !v.IsClauseBoundary(from - 1) && v.tok(from - 1).norm != ",")
    --from;
  // The clause after the trigger, and the finite verb that ends it ("a roadside bomb targeted AMISOM troops").
  const uint32_t to = std::min(ClauseEndAfter(v, m.last) + 1, s.last_token);
  for (uint32_t i = from; i < to; ++i) {
    if (!v.IsVerb(i) || !cues.targeting_verbs.Contains(v.Lemma(i)) || v.IsPassive(i)) continue;
    for (uint32_t k = i + 1; k < s.last_token && k < i + 7; ++k) {
      if (const Arg* a = v.ArgAt(k); a && a->actor && !a->pronoun) return a->actor;
      if (v.IsClauseBoundary(k) || v.IsFiniteVerb(k) || v.tok(k).norm == ",") break;
    }
  }
  return nullptr;
}

// The noun phrase an active verb trigger acts on ("attacked a customs checkpoint", "raided the village
// of Doka"), a passive's subject ("a military site was attacked"), or a noun trigger's "on"/"against"
// phrase ("an attack on an army post"): [first, last).
std::pair<uint32_t, uint32_t> ObjectPhrase(const SentenceView& v, const TriggerMatch& m, bool nominal) {
  const Sentence& s = v.sentence();
  uint32_t k = m.last;
  if (nominal) {
    if (k >= s.last_token || !In(v.tok(k).lower, {"on", "against"})) return {k, k};
    ++k;
  } else if (v.IsPassive(m.head)) {
    // The passive's subject is what was hit: "a military site in Kahira was attacked by".
    const uint32_t aux = v.AuxChainStart(m.first);
    uint32_t begin = aux;
    while (begin > s.first_token && aux - begin < 8 && !v.IsClauseBoundary(begin - 1) && !v.IsFiniteVerb(begin - 1) &&
           v.tok(begin - 1).norm != ",")
      --begin;
    return {begin, aux};
  }
  // Up to a preposition (but "of"), a conjunction, a clause or punctuation; the tagger's odd verb tag
  // inside a noun phrase ("a customs checkpoint/VBP") does not end it.
  uint32_t end = k;
  while (end < s.last_token && end < k + 6) {
    const Token& t = v.tok(end);
    const bool ends = In(t.tag, {"IN", "TO", "CC", "WDT", "WP", "VBD", "VBZ", "VBG", "MD", ",", ".", ":"}) ||
                      t.norm == "(" || t.norm == ")";
    if (ends && !(t.lower == "of" && end > k)) break;
    ++end;
  }
  return {k, end};
}

// What the event hit when no actor2 says: armed people or an armed post, or a place where civilians
// live (cues.txt armed_target_phrases, civilian_target_nouns).
Conventions::Target TargetOf(const SentenceView& v, const TriggerMatch& m, bool nominal, const Cues& cues) {
  if (NamesArmedVictims(v, m, cues)) return Conventions::Target::kArmed;
  const auto [first, last] = ObjectPhrase(v, m, nominal);
  if (first == last) return Conventions::Target::kUnknown;
  if (cues.armed_target_phrases.FindIn(v.doc(), v.sentence(), first, last)) return Conventions::Target::kArmed;
  for (uint32_t i = first; i < last; ++i) {
    if (cues.civilian_target_nouns.Contains(v.tok(i).lower)) return Conventions::Target::kCivilianPlace;
  }
  return Conventions::Target::kUnknown;
}

void ChooseAcled(const Pattern& p, const Conventions& conventions, Conventions::Target target, Event* e) {
  if (const AcledRule* rule = conventions.ChooseAcled(p, e->actor1, e->actor2, target)) {
    e->acled_event_type = rule->event_type;
    e->acled_sub_event_type = rule->sub_event_type;
  }
}


// One reading (actor1, actor2, place) of a trigger as an event, or nothing (and `*why`). `traced`, when
// tracing, receives the conventions applied and other decisions.
std::optional<Event> CodeReading(const ArticleView& article, size_t si, const TriggerReading& t, RoleTuple roles,
                                 const EventRules& rules, const ReportDates& dates, std::vector<size_t>* counted_by_trigger,
                                 std::vector<size_t>* taken, EventTrace::Reading* traced, const char** why) {
  const SentenceView& v = article.View(si);
  if (!SettleRoles(v, t, &roles, why)) return std::nullopt;
  const TriggerMatch& m = t.trigger.match;
  const Pattern& p = *m.pattern;
  Event e;
  e.article_id = article.analysis().article_id;
  e.plover_type = p.plover_type;
  e.plover_mode = p.plover_mode;
  e.cameo_code = p.cameo;
  e.actor1 = RefOf(roles.actor1);
  e.actor2 = RefOf(roles.actor2);
  // A crowd first: "rival supporters clashed" needs no toll to be the crowd's.
  CodeCrowd(v, t, rules, &e);
  if (!CodeAgentless(article, si, t, roles, rules, &e)) {
    *why = "no party named, and no place or toll for the pattern's event without one (agentless)";
    return std::nullopt;
  }
  if (e.actor2.empty() && (p.frame == Frame::kAttack || p.frame == Frame::kClash)) {
    const ActorSpan* hit = HolderOfArmedTarget(v, m, rules.conventions, rules.cues);
    if (!hit) hit = TargetedParty(v, m, rules.cues);
    if (hit && hit->actor.id != e.actor1.id) e.actor2 = hit->actor;
  }
  const bool acled_fixed = rules.conventions.Apply(rules.lookup, t.context, &e, traced ? &traced->conventions : nullptr);
  const Conventions::Target target = TargetOf(v, m, t.trigger.nominal, rules.cues);
  if (!acled_fixed) ChooseAcled(p, rules.conventions, target, &e);
  if (roles.place && roles.place->place) e.location = roles.place->place->loc;
  e.modality = t.modality.modality;
  e.claimant = t.modality.claimant;
  if (t.when) {
    e.date = t.when->date;
    e.date_precision = t.when->precision;
  } else if (e.modality != "background") {
    dates.DateUndated(&e);
  }
  article.SetEvidence(si, m.first, m.last, &e);
  e.trigger = p.words.front();
  for (size_t w = 1; w < p.words.size(); ++w) e.trigger += " " + p.words[w];
  e.confidence = Confidence(roles, t.trigger.nominal, t.when != nullptr, e.modality);
  // Victims named by the toll may give the event its target, and with it another ACLED type.
  if (AttachToll(article, si, roles, m, rules, counted_by_trigger, taken, &e) && !acled_fixed)
    ChooseAcled(p, rules.conventions, target, &e);
  // "3 FARDC soldiers were killed in a clash with ADF": a fight whose text names one side takes the group
  // its toll names as the other.
  if (p.frame == Frame::kClash && !roles.actor1 && !e.actor2.empty()) {
    const ActorSpan* victims = TollVictimGroup(article, si, p, rules);
    if (victims && !victims->actor.id.empty() && victims->actor.id != e.actor2.id) {
      e.actor1 = victims->actor;
      if (!acled_fixed) ChooseAcled(p, rules.conventions, target, &e);
    }
  }
  // A group the sentence names as the victims ("killing 3 Al Shabaab militants") is not the agentless event's agent.
  if (!roles.actor1 && !p.agentless.id.empty() && !e.actor1.id.empty() && e.actor1.id == e.actor2.id &&
      rules.conventions.unclaimed_actors.Contains(p.agentless.id)) {
    e.actor1 = p.agentless;
    if (!acled_fixed) ChooseAcled(p, rules.conventions, target, &e);
  }
  // ACLED codes what happened, not what was intended, threatened or denied.
  if (rules.conventions.unrealised_modalities.Contains(e.modality)) {
    if (traced && !e.acled_event_type.empty())
      traced->notes.push_back("ACLED type removed: modality '" + e.modality + "' (conventions.txt unrealised_modalities)");
    e.acled_event_type = e.acled_sub_event_type = "";
  }
  // A mob that lynched or beat someone, not one that clashed with others: its victims are civilians.
  if (p.frame != Frame::kClash && rules.conventions.implied_civilian_targets_unless_clash.Contains(e.acled_sub_event_type))
    ImplyCivilianTarget(rules.conventions, rules.lookup, &e);
  return e;
}

// When tracing: numbers the event coded from `m` as the next reading of the trace.
void TraceReading(const EventRules& rules, size_t si, const TriggerMatch& m, EventTrace::Reading&& reading, Event* e) {
  if (!rules.trace) return;
  reading.sentence = si;
  reading.first = m.first;
  reading.last = m.last;
  reading.pattern = m.pattern->source;
  reading.frame = FrameName(m.pattern->frame);
  rules.trace->readings.push_back(std::move(reading));
  e->trace_id = static_cast<uint32_t>(rules.trace->readings.size());
}

// Passes 2 to 6 on sentence `si`; `in_article` is pass 0's decision for the article.
void CodeSentence(const ArticleView& article, size_t si, const EventRules& rules, const TopicDecision& in_article,
                  TopicRules::Memo* topic_memo, const ReportDates& dates, std::vector<Event>* found) {
  const ArticleAnalysis& a = article.analysis();
  const Sentence& s = article.sentence(si);
  const bool may_trigger = a.relevant.empty() ? rules.patterns.MayMatch(article.doc(), s) : a.relevant[si];
  const bool has_count = !article.Counts(si).empty();
  if (!may_trigger && !has_count) return;
  std::vector<TriggerMatch> matches;
  if (may_trigger) matches = rules.patterns.Find(article.doc(), s);
  if (matches.empty() && !has_count) return;
  // Not about political violence: the sentence's events keep no ACLED type and its figures are no
  // humanitarian figures (pass 0).
  const TopicDecision topic = rules.topic.ForSentence(article, si, in_article, topic_memo);
  const bool political = topic.political;
  const SentenceView& v = article.View(si);
  std::vector<size_t> taken;  // the sentence's counts some event took
  const FollowingViews following = article.Following(si);
  const Conventions::ContextTest context = ContextAround(article, si);
  for (const ReportedTrigger& trigger : SelectTriggers(v, matches, rules)) {
    const TriggerMatch& m = trigger.match;
    TriggerReading t{trigger, context, ReadModality(v, m.first, m.last, trigger.nominal, following)};
    t.when = DateFor(v, article.Times(si), m, trigger.nominal, t.modality.modality == "background");
    // A noun trigger's clause is its verb's, or its own last word's when that is a verb ("three rockets
    // landed in Baghdad").
    t.clause_verb = !trigger.nominal ? m.head : v.IsVerb(m.last - 1) ? m.last - 1 : NearestVerb(v, m.head, m.first, m.last);
    std::vector<size_t> counted_by_trigger;
    const char* why = "no reading of its roles";
    bool coded = false;
    for (const RoleTuple& roles : ReadRoles(v, m, trigger.nominal)) {
      EventTrace::Reading traced;
      std::optional<Event> e = CodeReading(article, si, t, roles, rules, dates, &counted_by_trigger, &taken,
                                           rules.trace ? &traced : nullptr, &why);
      if (!e) continue;
      if (!political && !e->acled_event_type.empty()) {
        why = nullptr;
        NoteDropped(rules, m, "not political (topic pass): " + topic.reason);
        continue;
      }
      TraceReading(rules, si, m, std::move(traced), &*e);
      found->push_back(std::move(*e));
      coded = true;
    }
    if (!coded && why) NoteDropped(rules, m, why);
  }
  if (political) AddHumanitarianFigures(article, si, rules, dates, taken, found);
}

}  // namespace

EventExtractor::EventExtractor() = default;
EventExtractor::~EventExtractor() = default;

Status EventExtractor::Load(const std::string& data_dir, std::unique_ptr<EventExtractor>* out) {
  std::unique_ptr<EventExtractor> x(new EventExtractor());
  x->patterns_ = std::make_unique<Patterns>();
  x->cues_ = std::make_unique<Cues>();
  x->conventions_ = std::make_unique<Conventions>();
  Status s = x->patterns_->Load(data_dir);
  if (s.ok()) s = x->cues_->Load(data_dir + "/events/cues.txt");
  if (s.ok()) s = x->conventions_->Load(data_dir + "/events/conventions.txt");
  x->topic_ = std::make_unique<TopicRules>();
  if (s.ok()) s = x->topic_->Load(data_dir + "/events/topic.txt", *x->cues_);
  if (!s.ok()) return s;
  for (const std::string& name : x->conventions_->ContextNames())
    if (!x->cues_->context.count(name))
      return Status::Corruption(data_dir + "/events/conventions.txt: a rule tests 'cue = " + name +
                                "', but cues.txt has no 'context " + name + "' list");
  *out = std::move(x);
  return Status::OK();
}

bool EventExtractor::MayHaveTrigger(const Document& doc, const Sentence& s) const {
  return patterns_->MayMatch(doc, s);
}

bool EventExtractor::MayReport(const Document& doc, const Sentence& s, bool names_an_actor) const {
  bool party = names_an_actor;
  // A pronoun may name the party; a trigger that needs none ("protesters marched", "a bomb went
  // off") stands for one.
  for (uint32_t t = s.first_token; t < s.last_token && !party; ++t) {
    const Token& tok = doc.tokens[t];
    // A capitalised form inside a sentence is a name, not the trigger: "March", "Rally Road".
    const bool capitalised = t > s.first_token && strings::StartsAsciiUpper(tok.norm);
    // A crowd the actor stage names no actor for may riot: "youths invaded a hotel", "a mob lynched".
    party = cues_->IsPersonalPronoun(tok.lower) || (!capitalised && patterns_->agentless_forms.Contains(tok.lower)) ||
            cues_->riot_crowd_nouns.Contains(tok.lower);
  }
  return party && MayHaveTrigger(doc, s);
}

std::vector<std::string> EventExtractor::AgentlessActorIds() const {
  std::vector<std::string> ids;
  for (const Pattern& p : patterns_->patterns)
    if (!p.agentless.id.empty() && std::find(ids.begin(), ids.end(), p.agentless.id) == ids.end())
      ids.push_back(p.agentless.id);
  return ids;
}

Status EventExtractor::BindActors(ActorLookup lookup) {
  for (Pattern& p : patterns_->patterns) {
    if (p.agentless.id.empty()) continue;
    std::optional<ActorRef> ref = lookup(p.agentless.id);
    if (!ref)
      return Status::Corruption(p.source + ": agentless actor '" + p.agentless.id + "' is not in the actor dictionary");
    p.agentless = *ref;
    p.agentless.text.clear();
  }
  lookup_ = std::move(lookup);
  return Status::OK();
}

ArticleTopic EventExtractor::ReadTopic(const ArticleAnalysis& a) const {
  return topic_->Read(ArticleView(a, *cues_, *conventions_));
}

void EventExtractor::Extract(const ArticleAnalysis& a, std::vector<Event>* events, EventTrace* trace) const {
  const ArticleView article(a, *cues_, *conventions_);
  const EventRules rules{*patterns_, *cues_, *conventions_, *topic_, lookup_, trace};
  const TopicDecision in_article = topic_->ForArticle(article);  // pass 0
  TopicRules::Memo topic_memo(article.size());
  std::vector<Event> found;
  found.reserve(2 * article.size());  // Event is large: growing the vector would move every event again
  TollCarrier tolls(article, *conventions_);
  ReportDates dates(article);
  // Indexes in `found` of the first event of the sentence two before and of the previous one: a claim names
  // the attacker of the events of the two sentences before it ("An IED targeted a convoy. It exploded after the
  // soldiers passed. Al Shabaab took responsibility.").
  size_t two_back_begin = 0, previous_begin = 0;
  for (size_t si = 0; si < article.size(); ++si) {
    const size_t here_begin = found.size();
    ApplyClaimsOfResponsibility(article, si, rules, two_back_begin, &found);  // pass 1
    dates.EnterSentence(si);
    CodeSentence(article, si, rules, in_article, &topic_memo, dates, &found);  // passes 2-6
    tolls.AfterSentence(si, here_begin, &found);  // pass 7
    two_back_begin = previous_begin;
    previous_begin = here_begin;
  }
  AbsorbProtestResponses(article, *conventions_, &found, trace);  // pass 8
  TerritoryEndsFight(article, *conventions_, *cues_, &found, trace);
  MergeIncidents(article, *conventions_, *cues_, &found, trace);
  tolls.DivideSplitTolls(&found);
  Finalize(article, rules, std::move(found), events);
}

}  // namespace sitrep
