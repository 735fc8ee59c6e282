#include "roles.h"

namespace sitrep {
namespace {

std::vector<const Arg*> Actors(const std::vector<const Arg*>& args) {
  std::vector<const Arg*> out;
  for (const Arg* a : args)
    if (a && a->actor) out.push_back(a);
  return out;
}
std::vector<const Arg*> Places(const std::vector<const Arg*>& args) {
  std::vector<const Arg*> out;
  for (const Arg* a : args)
    if (a && a->place && !a->actor) out.push_back(a);
  return out;
}
void Append(std::vector<const Arg*>* to, const std::vector<const Arg*>& from) {
  to->insert(to->end(), from.begin(), from.end());
}

// A participle describing the noun after it reports nothing: "two alleged thieves", "an alleged
// JNIM-affiliated man" (the tagger may read it as a past tense).
bool IsAttributiveParticiple(const SentenceView& v, uint32_t k) {
  const Sentence& s = v.sentence();
  if (!In(v.tok(k).tag, {"VBN", "VBD"}) || k == s.first_token || k + 1 >= s.last_token) return false;
  return In(v.tok(k - 1).tag, {"DT", "CD", "JJ", "PRP$", "POS"}) && In(v.tok(k + 1).tag, {"JJ", "NN", "NNS", "NNP", "VBN"});
}

// Whether the verb at `verb` has a common noun right before it (past adverbs and auxiliaries): a
// subject of its own, even one the actor stage did not resolve ("the police reported that ELN
// guerrillas kidnapped ...": the kidnappers are not the police). A capitalised title ("the Head of
// State had held a call") is the reporter's own person.
bool HasSubjectNoun(const SentenceView& v, uint32_t verb) {
  const uint32_t k = v.AuxChainStart(verb);
  if (k == v.sentence().first_token) return false;
  const Token& t = v.tok(k - 1);
  return (t.tag == "NN" || t.tag == "NNS") && t.norm == t.lower;
}

// A complement clause with no subject of its own ("X's office announced that the Head of State
// had held a call"): fall back to the subject of the reporting verb.
std::vector<const Arg*> ReportingSubject(const SentenceView& v, uint32_t head) {
  const Sentence& s = v.sentence();
  for (uint32_t k = head; k > s.first_token;) {
    --k;
    if (v.IsClauseBoundary(k) && v.tok(k).tag != "IN") return {};
    if (v.IsVerb(k) && v.cues().reporting_verbs.Contains(v.Lemma(k)) && !IsAttributiveParticiple(v, k))
      return v.SubjectOf(k);
  }
  return {};
}

// "the rebels' advances since January, including the capture of Goma": a nominal trigger listed
// under another noun takes that noun's possessor as its agent.
const Arg* CarrierPossessor(const SentenceView& v, uint32_t head) {
  const Sentence& s = v.sentence();
  uint32_t k = head;
  for (int steps = 0; k > s.first_token && steps < 4; ++steps) {
    --k;
    if (v.cues().listing_words.Contains(v.tok(k).lower) ||
        (v.tok(k).lower == "as" && k > s.first_token && v.tok(k - 1).lower == "such"))
      break;
  }
  if (!v.cues().listing_words.Contains(v.tok(k).lower) && v.tok(k).lower != "as") return nullptr;
  for (int steps = 0; k > s.first_token && steps < 12; ++steps) {
    --k;
    const Token& t = v.tok(k);
    if (t.tag == "POS" || t.lower == "'s" || t.lower == "'") {
      if (const Arg* a = v.ArgAt(k - 1); a && a->actor) return a;
    }
  }
  return nullptr;
}

// The agents of the verb (one of `lemmas`, with its particle: "carried out", "fended off") that
// ends right before token k: its subject, or its "by" agent when passive.
std::vector<const Arg*> AgentsOfVerbBefore(const SentenceView& v, uint32_t k,
                                           const OwnedWordSet& lemmas) {
  const Sentence& s = v.sentence();
  if (k == s.first_token) return {};
  uint32_t verb = k - 1;
  if (v.tok(verb).tag == "RP" && verb > s.first_token) --verb;
  if (!v.IsVerb(verb) || !lemmas.Contains(v.Lemma(verb))) return {};
  if (v.IsPassive(verb)) return Actors(v.PrepObjects(verb + 1, "by"));
  return Actors(v.SubjectOf(verb));
}

// "SAF carried out airstrikes on RSF positions", "the rebels launched an offensive": a nominal
// trigger that is the object of a light verb takes that verb's subject (or its "by" agent when
// passive) as its agent.
std::vector<const Arg*> LightVerbAgents(const SentenceView& v, uint32_t first) {
  const Sentence& s = v.sentence();
  uint32_t k = first;
  // Determiners, numbers, adjectives and "a series of" between the verb and the noun.
  while (k > s.first_token) {
    const Token& t = v.tok(k - 1);
    if (In(t.tag, {"DT", "JJ", "JJS", "CD", "PRP$"}) || v.cues().series_words.Contains(t.lower)) {
      --k;
      continue;
    }
    break;
  }
  return AgentsOfVerbBefore(v, k, v.cues().light_verbs);
}

// "Ukrainian forces repelled a Russian assault", "the army said it repulsed the attack": the subject
// of a verb that fends off a nominal attack is the attack's target.
std::vector<const Arg*> RepellerOf(const SentenceView& v, uint32_t first) {
  const Sentence& s = v.sentence();
  uint32_t k = first;
  while (k > s.first_token && In(v.tok(k - 1).tag, {"DT", "JJ", "CD", "PRP$", "NNP", "NNPS"}) && !v.ArgAt(k - 1)) --k;
  while (k > s.first_token && v.ArgAt(k - 1) && v.ArgAt(k - 1)->actor) --k;  // "a Russian assault": the demonym
  while (k > s.first_token && v.tok(k - 1).tag == "DT") --k;
  return AgentsOfVerbBefore(v, k, v.cues().repel_verbs);
}

// "fighting broke out on Saturday between X and Y", "clashes took place between X and Y", "clashes were
// reported between X and Y": the parties after the verb that says the fighting started or happened.
std::vector<const Arg*> BetweenAfterOutbreak(const SentenceView& v, uint32_t k) {
  const Sentence& s = v.sentence();
  while (k < s.last_token && v.IsAux(k)) ++k;  // "were reported"
  if (k >= s.last_token || !v.IsVerb(k)) return {};
  const std::string& lemma = v.Lemma(k);
  if (!v.cues().outbreak_verbs.Contains(lemma) && !v.cues().reporting_verbs.Contains(lemma)) return {};
  ++k;
  if (k < s.last_token && (v.tok(k).tag == "RP" || v.tok(k).lower == "place")) ++k;  // "broke out", "took place"
  return Actors(v.PrepObjects(k, "between"));
}

// "fighting ... pitting X against Y".
bool Pitting(const SentenceView& v, uint32_t from, const Arg** x, const Arg** y) {
  const Sentence& s = v.sentence();
  for (uint32_t k = from; k < s.last_token; ++k) {
    if (v.Lemma(k) != "pit" && v.tok(k).lower != "pitting") continue;
    std::vector<const Arg*> first = Actors(v.ObjectsAfter(k + 1));
    std::vector<const Arg*> second = Actors(v.PrepObjects(k + 1, "against"));
    if (!first.empty() && !second.empty()) {
      *x = first.front();
      *y = second.front();
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<RoleTuple> ReadRoles(const SentenceView& v, const TriggerMatch& m, bool nominal) {
  const Frame frame = m.pattern->frame;
  const bool passive = !nominal && v.IsPassive(m.head);
  std::vector<const Arg*> agents, patients, others;
  std::vector<const Arg*> after = v.ObjectsAfter(m.last);

  if (nominal) {
    Append(&agents, Actors(v.PrepObjects(m.last, "by")));
    if (agents.empty())
      if (const Arg* mod = v.ModifierBefore(m.first)) agents.push_back(mod);
    if (agents.empty())
      if (const Arg* carrier = CarrierPossessor(v, m.first)) agents.push_back(carrier);
    if (agents.empty()) agents = LightVerbAgents(v, m.first);
    Append(&patients, v.PrepObjects(m.last, "of"));
    if (m.pattern->words.back() == "of" || m.pattern->words.back() == "with" || m.pattern->words.back() == "for")
      Append(&patients, after);
    Append(&others, Actors(v.PrepObjects(m.last, "on")));
    Append(&others, Actors(v.PrepObjects(m.last, "against")));
    Append(&others, Actors(v.PrepObjects(m.last, "with")));
    Append(&others, RepellerOf(v, m.first));
    std::vector<const Arg*> between = Actors(v.PrepObjects(m.last, "between"));
    if (between.size() < 2) between = BetweenAfterOutbreak(v, m.last);
    // "clashes between FARDC and Nyatura-APCLS fighters": a side the dictionary lacks leaves the other.
    if (between.size() >= 2 || (agents.empty() && between.size() == 1)) agents = between;
    // "clashes of ADF rebels with FARDC troops": the side after "of" fights the one after "with".
    if (frame == Frame::kClash && agents.empty()) {
      agents = Actors(patients);
      patients.clear();
      if (!agents.empty()) Append(&others, Actors(v.PrepObjects(agents.back()->last, "with")));
    }
  } else if (passive) {
    Append(&agents, Actors(v.PrepObjects(m.last, "by")));
    patients = v.SubjectOf(m.head);
    Append(&others, Actors(v.PrepObjects(m.last, "to")));
    // "400 police officers were deployed in Beni": forces moved by no one named are the ones who act.
    if (frame == Frame::kMobilize && agents.empty()) {
      agents = Actors(patients);
      patients.clear();
    }
  } else {
    agents = Actors(v.SubjectOf(m.head));
    if (agents.empty() && !HasSubjectNoun(v, m.head)) agents = Actors(ReportingSubject(v, m.head));
    patients = after;
    Append(&others, Actors(v.PrepObjects(m.last, "with")));
    Append(&others, Actors(v.PrepObjects(m.last, "against")));
  }

  std::vector<RoleTuple> out;
  auto first_of = [](const std::vector<const Arg*>& xs) { return xs.empty() ? nullptr : xs.front(); };
  std::vector<const Arg*> patient_actors = Actors(patients), patient_places = Places(patients);

  switch (frame) {
    case Frame::kFall: {
      // "Walikale fell to the rebels": the place is the subject, the new holder follows "to".
      std::vector<const Arg*> holders = Actors(after);
      std::vector<const Arg*> subj = v.SubjectOf(m.head);
      std::vector<const Arg*> places = Places(subj);
      std::vector<const Arg*> losers = Actors(subj);
      if (holders.empty()) return out;
      if (places.empty()) places.push_back(nullptr);
      for (const Arg* p : places) out.push_back({holders.front(), first_of(losers), p});
      return out;
    }
    case Frame::kClash:
    case Frame::kConsult:
    case Frame::kAgree: {
      // Reciprocal: "X and Y clashed", "X clashed with Y", "fighting pitting X against Y".
      const Arg *x = nullptr, *y = nullptr;
      if (frame == Frame::kClash && Pitting(v, m.last, &x, &y)) {
        out.push_back({x, y, nullptr});
        return out;
      }
      std::vector<const Arg*> partners = patient_actors.empty() ? others : patient_actors;
      // "Bafuliru and Nyindu militias clashed with a Banyamulenge militia": allies, each against each partner.
      if (frame == Frame::kClash && !nominal && agents.size() >= 2 && !partners.empty()) {
        for (const Arg* agent : agents)
          for (const Arg* partner : partners) out.push_back({agent, partner, nullptr});
        return out;
      }
      if (agents.size() >= 2) {
        out.push_back({agents[0], agents[1], nullptr});
        return out;
      }
      // Each coordinated partner is a party of its own: "clashed with FARDC and Wazalendo militiamen".
      if (partners.empty()) partners.push_back(nullptr);
      for (const Arg* partner : partners) out.push_back({first_of(agents), partner, nullptr});
      return out;
    }
    default:
      break;
  }

  // One-sided events: each coordinated agent, each affected place.
  const Arg* target = first_of(patient_actors);
  if (!target) target = first_of(others);
  if (frame == Frame::kTerritory && !target) target = first_of(Actors(v.PrepObjects(m.last, "from")));
  // "handed over Goma to M23"; a trigger that ends in "to" has its object right after ("surrendered to the army").
  if (frame == Frame::kTransfer && m.pattern->words.back() != "to") target = first_of(Actors(v.PrepObjects(m.last, "to")));
  std::vector<const Arg*> places;
  if (frame == Frame::kTerritory || frame == Frame::kTransfer || frame == Frame::kRetreat ||
      frame == Frame::kAttack || frame == Frame::kCoerce) {
    places = patient_places;
    if (places.empty() && (frame == Frame::kRetreat || frame == Frame::kTerritory))
      places = Places(v.PrepObjects(m.last, "from"));
  }
  if (places.empty()) places.push_back(nullptr);
  if (agents.empty()) agents.push_back(nullptr);
  for (const Arg* a : agents)
    for (const Arg* p : places) out.push_back({a, target, p});
  return out;
}

}  // namespace sitrep
