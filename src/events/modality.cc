#include "modality.h"


namespace sitrep {
namespace {

// The claimant as the article names it: the noun phrase starting at an argument ("M23",
// "U.N. experts", "the statement"); through a pronoun, the words of its antecedent.
std::string PhraseText(const SentenceView& v, const Arg& arg) {
  if (arg.pronoun && arg.actor) return arg.actor->actor.text.empty() ? arg.actor->actor.name : arg.actor->actor.text;
  uint32_t end = arg.last;
  while (end < v.sentence().last_token && (v.tok(end).tag == "NN" || v.tok(end).tag == "NNS")) ++end;
  const Token& a = v.tok(arg.first);
  const Token& b = v.tok(end - 1);
  return std::string(v.doc().text.substr(a.begin, b.end - a.begin));
}

// Who says what the speech verb at k says: its subject, or "by X" after it ("reads part of the
// statement shared by the armed group"), or the noun phrase right after it ("said M23 spokesman").
std::string SpeakerOf(const SentenceView& v, uint32_t k) {
  std::vector<const Arg*> subj = v.SubjectOf(k);
  if (!subj.empty()) return PhraseText(v, *subj.front());
  const Sentence& s = v.sentence();
  for (uint32_t j = k + 1; j < s.last_token && j < k + 12; ++j) {
    if (v.InQuote(j) != v.InQuote(k)) break;
    if (v.tok(j).lower == "by") {
      for (uint32_t m = j + 1; m < s.last_token && m < j + 6; ++m)
        if (const Arg* arg = v.ArgAt(m); arg && arg->actor) return PhraseText(v, *arg);
    }
  }
  if (const Arg* arg = v.ArgAt(k + 1); arg && arg->actor) return PhraseText(v, *arg);
  return "";
}

// "according to X": X's name, or the words up to the comma when X names no actor.
bool AccordingTo(const SentenceView& v, std::string* claimant) {
  const Sentence& s = v.sentence();
  for (uint32_t k = s.first_token; k + 1 < s.last_token; ++k) {
    if (!(v.tok(k).lower == "according" && v.tok(k + 1).lower == "to")) continue;
    uint32_t end = k + 2;
    while (end < s.last_token && v.tok(end).norm != "," && end < k + 14) ++end;
    // The sentence's final period is not the source's: "according to az-Zaman."
    while (end > k + 2 && v.tok(end - 1).kind == TokenKind::kPunct) --end;
    for (uint32_t m = k + 2; m < end; ++m) {
      if (v.tok(m).lower == "by") {
        for (uint32_t j = m + 1; j < end; ++j)
          if (const Arg* arg = v.ArgAt(j); arg && arg->actor) return *claimant = PhraseText(v, *arg), true;
      }
    }
    for (uint32_t m = k + 2; m < end; ++m)
      if (const Arg* arg = v.ArgAt(m); arg && arg->actor) return *claimant = PhraseText(v, *arg), true;
    if (end > k + 2)
      *claimant = std::string(v.doc().text.substr(v.tok(k + 2).begin, v.tok(end - 1).end - v.tok(k + 2).begin));
    return true;
  }
  return false;
}

// What the words around a trigger say about it, gathered by the steps below; ReadModality decides
// the modality from them.
struct ModalityCues {
  bool negated = false, denied = false, threatened = false, intended = false, attempted = false,
       hypothetical = false, background = false, claimed = false;
  bool reporting = false;  // a reporting verb before the trigger: its words are reported speech
  std::string claimant, denier;
};

// Decides the cues of the auxiliary chain right before the trigger (up to 5 words, not past an
// argument, comma or clause boundary): "is no longer fighting", "could attack", "will attack".
void AuxiliaryCues(const SentenceView& v, uint32_t first, bool nominal, ModalityCues* c) {
  const Sentence& s = v.sentence();
  const Cues& cues = v.cues();
  for (uint32_t k = first, steps = 0; k > s.first_token && steps < 5; ++steps) {
    --k;
    const Token& t = v.tok(k);
    const std::string& l = v.Lemma(k);
    if (v.ArgAt(k) || t.norm == "," || v.IsClauseBoundary(k)) break;
    const std::string& w = t.lower;  // lemmas would turn "longer" into "long"
    if (w == "not" || w == "n't" || w == "never" || (w == "longer" && k > s.first_token && v.tok(k - 1).lower == "no") ||
        (nominal && w == "no"))
      c->negated = true;
    if (cues.possibility_modals.Contains(l)) c->hypothetical = true;
    if (cues.future_modals.Contains(t.lower)) c->intended = true;
    if (cues.earlier_adverbs.Contains(l)) c->background = true;
    if (nominal && cues.possibility_nouns.Contains(l)) c->hypothetical = true;
  }
}

// Decides the cues earlier in the sentence, scanning back to its start: "threatened to", "aims
// to", "failed to", "if", "denied", "claimed". Control verbs ("threatened to", "aims to") reach
// only into their own clause; the first claim verb met (the nearest) names the claimant.
void EarlierCues(const SentenceView& v, uint32_t first, bool nominal, ModalityCues* c) {
  const Sentence& s = v.sentence();
  const Cues& cues = v.cues();
  bool same_clause = true;
  for (uint32_t k = first; k > s.first_token;) {
    --k;
    const std::string& l = v.Lemma(k);
    if (v.IsClauseBoundary(k) || (k + 1 < first && v.IsFiniteVerb(k + 1) && !v.IsAux(k + 1))) same_clause = false;
    if (!cues.modality_cues.Contains(l)) continue;  // one hash lookup instead of every list below, for most words
    if (cues.condition_words.Contains(l)) c->hypothetical = true;
    if (v.IsVerb(k) && cues.reporting_verbs.Contains(l)) c->reporting = true;
    bool to_follows = k + 1 < first && (v.tok(k + 1).lower == "to" || v.tok(k + 1).lower == "at");
    if (same_clause && first - k <= 8 && to_follows) {
      if (cues.threat_verbs.Contains(l)) c->threatened = true;
      else if (cues.intent_words.Contains(l)) c->intended = true;
      else if (cues.attempt_verbs.Contains(l)) c->attempted = true;
      else if (cues.refusal_verbs.Contains(l)) c->negated = true;
    }
    if (l == "without" && first - k <= 3) c->negated = true;
    // "the rebels' advances since January, including the capture of Goma": an earlier period.
    if (nominal && l == "since" && first - k <= 12) c->background = true;
    if (cues.deny_verbs.Contains(l) && v.IsVerb(k)) {
      c->denied = true;
      c->denier = SpeakerOf(v, k);
    }
    if (cues.claim_verbs.Contains(l) && v.IsVerb(k) && !v.InQuote(k) && !c->claimed) {
      c->claimed = true;
      c->claimant = SpeakerOf(v, k);
    }
  }
}

// Decides whether the sentence ends in an attribution after the trigger: "Our army is no longer
// fighting, a local activist said." Only the last comma counts, and the claim verb must end the
// sentence. When so, *claimant is the speaker (the phrase between the comma and the verb).
bool TrailingAttribution(const SentenceView& v, uint32_t last, std::string* claimant) {
  const Sentence& s = v.sentence();
  for (uint32_t k = s.last_token; k > last + 1;) {
    --k;
    if (v.tok(k).norm != ",") continue;
    uint32_t j = k + 1;
    while (j < s.last_token && !v.IsVerb(j) && v.tok(j).kind != TokenKind::kPunct) ++j;
    if (!(j < s.last_token && v.IsVerb(j) && v.cues().claim_verbs.Contains(v.Lemma(j)) && j + 2 >= s.last_token))
      return false;
    // The speaker is the phrase between the comma and the verb ("local officials said").
    claimant->clear();
    for (uint32_t m = k + 1; m < j && claimant->empty(); ++m)
      if (const Arg* arg = v.ArgAt(m); arg && arg->actor) *claimant = PhraseText(v, *arg);
    if (claimant->empty() && j > k + 1)
      *claimant = std::string(v.doc().text.substr(v.tok(k + 1).begin, v.tok(j - 1).end - v.tok(k + 1).begin));
    return true;
  }
  return false;
}

// Decides who speaks a quotation the trigger is in: the speaker of the first speech verb outside
// the quote, in this sentence or, while the quotation goes on, in up to 3 sentences after it.
// *speaker is left as it is when no speech verb is found.
void QuotationSpeaker(const SentenceView& v, const FollowingViews& following, std::string* speaker) {
  const Cues& cues = v.cues();
  for (size_t ahead = 0; ahead <= 3; ++ahead) {
    const SentenceView* w = ahead == 0 ? &v : following(ahead);
    if (!w) return;
    for (uint32_t k = w->sentence().first_token; k < w->sentence().last_token; ++k) {
      if (w->InQuote(k) || !cues.claim_verbs.Contains(w->Lemma(k)) || !w->IsVerb(k)) continue;
      *speaker = SpeakerOf(*w, k);
      return;
    }
    // Stop once the quotation has closed without attribution.
    if (!w->InQuote(w->sentence().last_token - 1)) return;
  }
}

// Decides the modality by priority, the first that applies: denied, negated, hypothetical,
// threatened, intended, claimed, attempted, background; asserted when no cue applies.
void DecideModality(const ModalityCues& c, ModalityReading* r) {
  if (c.denied) r->modality = "denied", r->claimant = c.denier;
  else if (c.negated) r->modality = "negated";
  else if (c.hypothetical) r->modality = "hypothetical";
  else if (c.threatened) r->modality = "threatened";
  else if (c.intended) r->modality = "intended";
  else if (c.claimed) r->modality = "claimed", r->claimant = c.claimant;
  else if (c.attempted) r->modality = "attempted";
  else if (c.background) r->modality = "background";
}

}  // namespace

int ModalityRank(const std::string& m) {
  if (m == "asserted") return 0;
  if (m == "background") return 1;
  if (m == "claimed") return 2;
  return 3;
}

bool ModalitiesCompatible(const std::string& a, const std::string& b) {
  return a == b || (ModalityRank(a) <= 2 && ModalityRank(b) <= 2);
}

ModalityReading ReadModality(const SentenceView& v, uint32_t first, uint32_t last, bool nominal,
                             const FollowingViews& following) {
  ModalityCues c;
  AuxiliaryCues(v, first, nominal, &c);
  if (!nominal && v.IsPluperfect(first)) c.background = true;  // "had attacked"
  EarlierCues(v, first, nominal, &c);
  if (!c.claimed && !v.InQuote(first) && TrailingAttribution(v, last, &c.claimant)) c.claimed = true;
  // A quotation is claimed by its speaker, named by a speech verb outside the quote.
  if (v.InQuote(first)) {
    c.claimed = true;
    QuotationSpeaker(v, following, &c.claimant);
  }
  if (std::string according; AccordingTo(v, &according)) {
    c.claimed = true;
    c.claimant = std::move(according);
  }

  ModalityReading r;
  r.reported = c.claimed || c.reporting;
  // Pluperfect in reported speech is tense backshift ("announced that he had held a call").
  if (r.reported) c.background = c.background && !v.IsPluperfect(first);
  DecideModality(c, &r);
  return r;
}

}  // namespace sitrep
