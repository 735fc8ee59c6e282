// Pass 2: which trigger matches report an event of their own, and how each is read.
#include <algorithm>

#include "passes.h"

namespace sitrep {
namespace {

bool IsNounTag(const std::string& tag) { return tag.rfind("NN", 0) == 0; }

bool IsViolent(const TriggerMatch& m, const Conventions& conventions) {
  return m.pattern->frame != Frame::kBlock && conventions.violent_types.Contains(m.pattern->plover_type);
}

// "HTS seized Saraqib after government troops pulled out": a withdrawal in a clause subordinate to
// an earlier takeover is how the loser lost the place, not an event of its own. Marks such
// withdrawals absorbed and gives their agent to the takeover as its loser.
void AbsorbWithdrawals(const SentenceView& v, const std::vector<TriggerMatch>& matches, const Cues& cues,
                       std::vector<bool>* absorbed, std::vector<const Arg*>* loser_of) {
  const Document& doc = v.doc();
  for (size_t j = 0; j < matches.size(); ++j) {
    if (matches[j].pattern->frame != Frame::kRetreat) continue;
    for (size_t i = 0; i < j; ++i) {
      if (matches[i].pattern->frame != Frame::kTerritory) continue;
      bool subordinate = false;
      for (uint32_t k = matches[i].last; k < matches[j].first && !subordinate; ++k)
        subordinate = cues.takeover_subordinators.Contains(doc.tokens[k].lower);
      if (!subordinate) continue;
      (*absorbed)[j] = true;
      for (const RoleTuple& r : ReadRoles(v, matches[j], false))
        if (r.actor1 && !(*loser_of)[i]) (*loser_of)[i] = r.actor1;
      break;
    }
  }
}

// An attributive participle describes, it does not report: "the occupied territories", "recovered
// $500,000 in stolen property", "12 burned houses".
bool IsAttributiveParticiple(const SentenceView& v, const TriggerMatch& m) {
  const Sentence& s = v.sentence();
  const Token& head = v.tok(m.head);
  return (head.tag == "VBN" || head.tag == "JJ") && m.last < s.last_token && m.head > s.first_token &&
         IsNounTag(v.tok(m.last).tag) && In(v.tok(m.head - 1).tag, {"DT", "JJ", "PRP$", "POS", "IN", "CD"});
}

// ", killing 12 people", ", injuring five", "attacked civilians ... and killed 6 people": the toll of
// a violent event before it in the sentence (its counts go to that event).
bool IsTollOfEarlierViolence(const SentenceView& v, const std::vector<TriggerMatch>& matches, const TriggerMatch& m,
                             const EventRules& rules) {
  const Sentence& s = v.sentence();
  const Token& head = v.tok(m.head);
  if (m.first <= s.first_token || !rules.cues.toll_verbs.Contains(m.pattern->words.front())) return false;
  const Token& before = v.tok(m.first - 1);
  if (!((head.tag == "VBG" && before.norm == ",") || before.lower == "and")) return false;
  // "abducted and killed a girl": the killing is no toll of the abduction but the event it ended in.
  for (const TriggerMatch& earlier : matches)
    if (earlier.head < m.head && IsViolent(earlier, rules.conventions) &&
        !rules.conventions.captivity_modes.Contains(earlier.pattern->plover_mode))
      return true;
  return false;
}

// "an Israeli airstrike on a house in Rafah killed 8 people", "Fighting between X and Y killed five":
// a killing whose subject is a violent event (a noun with no verb between) is that event's toll.
bool IsTollOfViolentSubject(const SentenceView& v, const std::vector<TriggerMatch>& matches, const TriggerMatch& m,
                            const EventRules& rules) {
  const Token& head = v.tok(m.head);
  if (!rules.cues.toll_verbs_of_violence.Contains(m.pattern->words.front()) || head.tag.empty() || head.tag[0] != 'V')
    return false;
  for (const TriggerMatch& earlier : matches) {
    if (earlier.head >= m.head || !IsViolent(earlier, rules.conventions)) continue;
    const Token& eh = v.tok(earlier.head);
    if (!IsNounTag(eh.tag) && eh.tag != "VBG") continue;
    bool verb_between = false;
    for (uint32_t k = earlier.last; k < m.head && !verb_between; ++k) verb_between = v.IsVerb(k) && !v.IsAux(k);
    if (!verb_between) return true;
  }
  return false;
}

// "ADF rebels killed 35 civilians in an attack on Mukondi", "two soldiers died during clashes": a
// violent noun in a circumstance phrase after a violent verb describes that event, not another.
bool IsCircumstanceOfEarlierViolence(const SentenceView& v, const std::vector<TriggerMatch>& matches,
                                     const TriggerMatch& m, const EventRules& rules) {
  const Sentence& s = v.sentence();
  uint32_t k = m.first;
  while (k > s.first_token && In(v.tok(k - 1).tag, {"DT", "JJ", "PRP$", "CD"})) --k;
  if (k == s.first_token || !rules.cues.circumstance_prepositions.Contains(v.tok(k - 1).lower)) return false;
  // A passive verb ("one person was killed in an attack by Al-Shabaab gunmen") leaves the agent to the noun.
  for (const TriggerMatch& earlier : matches)
    if (earlier.head < m.head && IsViolent(earlier, rules.conventions) && v.IsVerb(earlier.head) &&
        !v.IsPassive(earlier.head))
      return true;
  return false;
}

// Whether the trigger is read as a noun. A gerund heading a noun phrase is one: "Fighting between M23
// and Wazalendo killed five".
bool IsNominal(const SentenceView& v, const TriggerMatch& m) {
  const Token& head = v.tok(m.head);
  const bool gerund_np = head.tag == "VBG" && m.last < v.sentence().last_token && v.tok(m.last).lower == "between";
  return IsNounTag(head.tag) || (head.tag.empty() && !m.pattern->verb) || gerund_np;
}

// A trigger noun modifying another noun names a kind of thing, not an event: "battle field", "attack
// helicopters", "protest songs". (A "noun" followed by a determiner is a mistagged verb: "a roadside
// bomb struck a minibus".)
bool IsNounModifier(const SentenceView& v, const TriggerMatch& m) {
  const Sentence& s = v.sentence();
  if (m.last >= s.last_token) return false;
  // A trigger told from the thing's side ends in its verb, and a noun after it is the object: "jets hit a depot".
  if (v.tok(m.last - 1).tag.rfind("VB", 0) == 0) return false;
  const std::string& next = v.tok(m.last).tag;
  return (next == "NN" || next == "NNS") && !v.ArgAt(m.last) &&
         !(m.last + 1 < s.last_token && In(v.tok(m.last + 1).tag, {"DT", "PRP$"}));
}

// "struck a deal", "expelled three EU diplomats", "regained his composure": a verb of fighting, taking,
// coercing or moving forces whose object is no place, party or property (topic.txt's
// nonviolent_objects). Agreements, talks and protests keep theirs: "signed a deal" is one.
bool IsNonviolentSense(const SentenceView& v, const TriggerMatch& m, const EventRules& rules) {
  static constexpr Frame kSensed[] = {Frame::kTerritory, Frame::kFall,    Frame::kClash,  Frame::kAttack,
                                      Frame::kTransfer,  Frame::kRetreat, Frame::kCoerce, Frame::kMobilize};
  if (std::find(std::begin(kSensed), std::end(kSensed), m.pattern->frame) == std::end(kSensed)) return false;
  return rules.topic.HasNonviolentObject(v, m);
}

// "carried out a grenade attack", "found out": a verb with a particle of cues.txt performing_particles performs
// or learns; it takes nothing.
bool PerformedWith(const SentenceView& v, uint32_t verb, const Cues& cues) {
  const Sentence& s = v.sentence();
  return verb + 1 < s.last_token && cues.performing_particles.Contains(v.doc().tokens[verb + 1].lower);
}

// "seized two landmines and three grenades", "defused an IED": an explosive named as what was taken or
// made safe is no explosion (cues.txt weapon_taking_verbs, before it in its clause).
bool IsExplosiveTaken(const SentenceView& v, const TriggerMatch& m, const EventRules& rules) {
  if (m.pattern->plover_mode != "explosive") return false;
  const Sentence& s = v.sentence();
  for (uint32_t k = m.first, steps = 0; k > s.first_token && steps < 12; ++steps) {
    --k;
    if (v.IsClauseBoundary(k)) return false;
    if (v.IsVerb(k)) return rules.cues.weapon_taking_verbs.Contains(v.Lemma(k)) && !PerformedWith(v, k, rules.cues);
  }
  return false;
}

// A consultation in the same sentence turns a withdrawal into walking out of talks.
bool HasTalks(const std::vector<TriggerMatch>& matches) {
  for (const TriggerMatch& m : matches)
    if (m.pattern->frame == Frame::kConsult) return true;
  return false;
}

// "Several airlines protested that the fees were unfair": a protest verb with a that-clause complains.
bool IsComplaint(const SentenceView& v, const TriggerMatch& m, const EventRules& rules) {
  return m.pattern->frame == Frame::kProtest && m.last < v.sentence().last_token &&
         rules.cues.complaint_complements.Contains(v.tok(m.last).lower);
}

// The reason NotReportedBecause gives for a circumstance noun; SelectTriggers then lets it give its method.
constexpr const char* kCircumstanceOfViolence = "the circumstance of an earlier violent verb (\"killed ... in an attack\")";

// Why match `mi` reports no event of its own (read as `t`), or nullptr when it reports one.
const char* NotReportedBecause(const SentenceView& v, const std::vector<TriggerMatch>& matches, size_t mi,
                               bool absorbed, const ReportedTrigger& t, const EventRules& rules) {
  const TriggerMatch& m = matches[mi];
  if (absorbed) return "a withdrawal absorbed by the takeover before it (the loser of the place)";
  if (m.pattern->frame == Frame::kBlock) return "a blocking pattern (what it covers is no trigger)";
  if (v.ArgAt(m.head)) return "part of a name (an actor or place)";
  if (IsAttributiveParticiple(v, m)) return "an attributive participle (\"the occupied territories\")";
  if (IsTollOfEarlierViolence(v, matches, m, rules)) return "the toll of an earlier violent event in the sentence";
  if (IsTollOfViolentSubject(v, matches, m, rules)) return "the toll of the violent event that is its subject";
  if (t.nominal && IsNounModifier(v, m)) return "a noun modifying a noun (\"attack helicopters\")";
  if (t.nominal && IsCircumstanceOfEarlierViolence(v, matches, m, rules)) return kCircumstanceOfViolence;
  if (!t.nominal && IsNonviolentSense(v, m, rules)) return "a non-violent sense (topic.txt nonviolent objects)";
  if (t.nominal && IsExplosiveTaken(v, m, rules)) return "an explosive taken or made safe";
  if (!t.nominal && IsComplaint(v, m, rules)) return "a complaint (\"protested that ...\"), not a protest";
  return nullptr;
}

// Whether every ACLED reading of `p` is of a type that says how violence was done (conventions.txt
// method_event_types): an airstrike, a landmine attack.
bool IsMethod(const Pattern& p, const EventRules& rules) {
  return !p.acled.empty() && std::all_of(p.acled.begin(), p.acled.end(), [&](const AcledRule& r) {
    return rules.conventions.method_event_types.Contains(r.event_type);
  });
}

// "US forces killed one militant during an airstrike", "killed ... in a landmine attack": the circumstance
// noun says how the violent verb before it was done, and so how the event is coded (its pattern's types;
// the verb's frame still reads the roles).
void GiveMethod(const TriggerMatch& circumstance, const EventRules& rules, std::vector<ReportedTrigger>* reported) {
  if (!IsMethod(*circumstance.pattern, rules) || circumstance.pattern->frame != Frame::kAttack) return;
  for (auto it = reported->rbegin(); it != reported->rend(); ++it) {
    if (it->nominal || it->match.head > circumstance.head || !IsViolent(it->match, rules.conventions)) continue;
    if (it->match.pattern->frame == Frame::kAttack && !IsMethod(*it->match.pattern, rules))
      it->match.pattern = circumstance.pattern;
    return;
  }
}

// "a remote-controlled IED by Al Shabaab, targeting an AMISOM convoy, detonated": the verb tells the
// explosion of the explosive noun before it, which reports the event (and whose "by" names who set it); read
// on its own, the verb would take the target named between them for its subject.
bool TellsReportedExplosion(const std::vector<ReportedTrigger>& reported, const ReportedTrigger& t) {
  if (t.nominal || t.match.pattern->plover_mode != "explosive") return false;
  return std::any_of(reported.begin(), reported.end(), [&](const ReportedTrigger& r) {
    return r.nominal && r.match.pattern->plover_mode == "explosive" && r.match.last < t.match.first;
  });
}

}  // namespace

std::vector<ReportedTrigger> SelectTriggers(const SentenceView& v, const std::vector<TriggerMatch>& matches,
                                            const EventRules& rules) {
  std::vector<bool> absorbed(matches.size(), false);
  std::vector<const Arg*> loser_of(matches.size(), nullptr);
  AbsorbWithdrawals(v, matches, rules.cues, &absorbed, &loser_of);
  const bool talks = HasTalks(matches);
  std::vector<ReportedTrigger> out;
  for (size_t mi = 0; mi < matches.size(); ++mi) {
    const TriggerMatch& m = matches[mi];
    ReportedTrigger t{m, IsNominal(v, m), loser_of[mi]};
    if (const char* why = NotReportedBecause(v, matches, mi, absorbed[mi], t, rules)) {
      if (m.pattern->frame != Frame::kBlock) NoteDropped(rules, m, why);
      if (why == kCircumstanceOfViolence) GiveMethod(m, rules, &out);
      continue;
    }
    if (TellsReportedExplosion(out, t)) {
      NoteDropped(rules, m, "the explosion of an explosive the sentence already reports (\"an IED ... detonated\")");
      continue;
    }
    if (m.pattern->frame == Frame::kRetreat && talks && rules.patterns.walkout) t.match.pattern = rules.patterns.walkout;
    out.push_back(t);
  }
  return out;
}

}  // namespace sitrep
