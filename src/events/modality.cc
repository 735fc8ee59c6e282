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
  ModalityReading r;
  const Sentence& s = v.sentence();
  const Cues& cues = v.cues();
  bool negated = false, denied = false, threatened = false, intended = false, hypothetical = false,
       background = false, claimed = false;
  std::string claimant, denier;

  // Cues in the auxiliary chain right before the trigger: "is no longer fighting", "could attack".
  for (uint32_t k = first, steps = 0; k > s.first_token && steps < 5; ++steps) {
    --k;
    const Token& t = v.tok(k);
    const std::string& l = v.Lemma(k);
    if (v.ArgAt(k) || t.norm == "," || v.IsClauseBoundary(k)) break;
    const std::string& w = t.lower;  // lemmas would turn "longer" into "long"
    if (w == "not" || w == "n't" || w == "never" || (w == "longer" && k > s.first_token && v.tok(k - 1).lower == "no") ||
        (nominal && w == "no"))
      negated = true;
    if (v.cues().possibility_modals.Contains(l)) hypothetical = true;
    if (v.cues().future_modals.Contains(t.lower)) intended = true;
    if (v.cues().earlier_adverbs.Contains(l)) background = true;
    if (nominal && v.cues().possibility_nouns.Contains(l)) hypothetical = true;
  }
  if (!nominal && v.IsPluperfect(first)) background = true;

  // Cues earlier in the sentence: "threatened to", "aims to", "failed to", "if", "denied".
  // Control verbs ("threatened to", "aims to") reach only into their own clause.
  bool same_clause = true;
  bool reporting = false;
  for (uint32_t k = first; k > s.first_token;) {
    --k;
    const std::string& l = v.Lemma(k);
    if (v.IsClauseBoundary(k) || (k + 1 < first && v.IsFiniteVerb(k + 1) && !v.IsAux(k + 1))) same_clause = false;
    if (!cues.modality_cues.Contains(l)) continue;  // one hash lookup instead of every list below, for most words
    if (cues.condition_words.Contains(l)) hypothetical = true;
    if (v.IsVerb(k) && cues.reporting_verbs.Contains(l)) reporting = true;
    bool to_follows = k + 1 < first && (v.tok(k + 1).lower == "to" || v.tok(k + 1).lower == "at");
    if (same_clause && first - k <= 8 && to_follows) {
      if (cues.threat_verbs.Contains(l)) threatened = true;
      else if (cues.intent_words.Contains(l)) intended = true;
      else if (cues.refusal_verbs.Contains(l)) negated = true;
    }
    if (l == "without" && first - k <= 3) negated = true;
    // "the rebels' advances since January, including the capture of Goma": an earlier period.
    if (nominal && l == "since" && first - k <= 12) background = true;
    if (cues.deny_verbs.Contains(l) && v.IsVerb(k)) {
      denied = true;
      denier = SpeakerOf(v, k);
    }
    if (cues.claim_verbs.Contains(l) && v.IsVerb(k) && !v.InQuote(k) && !claimed) {
      claimed = true;
      claimant = SpeakerOf(v, k);
    }
  }

  // Trailing attribution: "Our army is no longer fighting, a local activist said."
  if (!claimed && !v.InQuote(first)) {
    for (uint32_t k = s.last_token; k > last + 1;) {
      --k;
      if (v.tok(k).norm != ",") continue;
      uint32_t j = k + 1;
      while (j < s.last_token && !v.IsVerb(j) && v.tok(j).kind != TokenKind::kPunct) ++j;
      if (j < s.last_token && v.IsVerb(j) && cues.claim_verbs.Contains(v.Lemma(j)) && j + 2 >= s.last_token) {
        claimed = true;
        // The speaker is the phrase between the comma and the verb ("local officials said").
        claimant.clear();
        for (uint32_t m = k + 1; m < j && claimant.empty(); ++m)
          if (const Arg* arg = v.ArgAt(m); arg && arg->actor) claimant = PhraseText(v, *arg);
        if (claimant.empty() && j > k + 1)
          claimant = std::string(v.doc().text.substr(v.tok(k + 1).begin, v.tok(j - 1).end - v.tok(k + 1).begin));
      }
      break;
    }
  }

  // A quotation: its speaker is named by a speech verb outside the quote, in this sentence or in the
  // sentence where the quotation closes.
  if (v.InQuote(first)) {
    claimed = true;
    for (size_t k = 0; k <= 3; ++k) {
      const SentenceView* w = k == 0 ? &v : following(k);
      if (!w) break;
      bool found = false;
      for (uint32_t k = w->sentence().first_token; k < w->sentence().last_token && !found; ++k) {
        if (w->InQuote(k) || !cues.claim_verbs.Contains(w->Lemma(k)) || !w->IsVerb(k)) continue;
        claimant = SpeakerOf(*w, k);
        found = true;
      }
      if (found) break;
      // Stop once the quotation has closed without attribution.
      if (!w->InQuote(w->sentence().last_token - 1)) break;
    }
  }
  std::string according;
  if (AccordingTo(v, &according)) {
    claimed = true;
    claimant = according;
  }

  r.reported = claimed || reporting;
  // Pluperfect in reported speech is tense backshift ("announced that he had held a call").
  if (r.reported) background = background && !v.IsPluperfect(first);
  if (denied) r.modality = "denied", r.claimant = denier;
  else if (negated) r.modality = "negated";
  else if (hypothetical) r.modality = "hypothetical";
  else if (threatened) r.modality = "threatened";
  else if (intended) r.modality = "intended";
  else if (claimed) r.modality = "claimed", r.claimant = claimant;
  else if (background) r.modality = "background";
  return r;
}

}  // namespace sitrep
