// Rule repairs of tagger errors that the later stages trip on (syntax.h).
#include "sitrep/syntax.h"

namespace sitrep {

// The tagger sometimes reads a progressive verb as a noun ("the army is no longer fighting/NN").
// An -ing word after a form of "be" (adverbs between, so no determiner) is a verb.
static void RepairProgressives(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "NN" || t.lower.size() < 5 || t.lower.compare(t.lower.size() - 3, 3, "ing") != 0) continue;
    uint32_t k = i;
    while (k > s.first_token && (doc->tokens[k - 1].tag == "RB" || doc->tokens[k - 1].tag == "RBR")) --k;
    if (k == s.first_token || doc->tokens[k - 1].lemma != "be") continue;
    t.tag = "VBG";
    t.lemma = tagger.Lemmatize(t.norm, "VBG");
  }
}

// "Unknown gunmen shot/NN dead a trader": the resultative "shot dead" is a verb.
static void RepairShotDead(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token; i + 1 < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "NN" || t.lower != "shot" || doc->tokens[i + 1].lower != "dead") continue;
    t.tag = "VBD";
    t.lemma = tagger.Lemmatize(t.norm, "VBD");
  }
}

// "A guard was beaten/JJ to death by a mob": an -ed/-en word tagged JJ after a form of "be" and before
// "by" or "to" is a passive participle, VBN with its verb lemma.
static void RepairPassiveParticiples(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i + 1 < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    const size_t n = t.lower.size();
    if (t.tag != "JJ" || n < 5 || (t.lower.compare(n - 2, 2, "ed") != 0 && t.lower.compare(n - 2, 2, "en") != 0)) continue;
    const std::string& next = doc->tokens[i + 1].lower;
    if ((next != "by" && next != "to") || doc->tokens[i - 1].lemma != "be") continue;
    t.tag = "VBN";
    t.lemma = tagger.Lemmatize(t.norm, "VBN");
  }
}

void RepairTags(const Tagger& tagger, Document* doc, const Sentence& s) {
  RepairProgressives(tagger, doc, s);
  RepairShotDead(tagger, doc, s);
  RepairPassiveParticiples(tagger, doc, s);
}

}  // namespace sitrep
