// Rule repairs of tagger errors that the later stages trip on (syntax.h).
#include "sitrep/syntax.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "core/strings.h"

namespace sitrep {

static bool In(std::string_view tag, std::initializer_list<std::string_view> tags) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

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

// "Unknown gunmen shot/NN dead a trader", "an armed group shot/NN at a motorcyclist": "shot" right after
// a noun and before "dead", "at" or a determiner is the verb (a noun "shot" follows a determiner).
static void RepairShot(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i + 1 < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "NN" || t.lower != "shot") continue;
    const Token& next = doc->tokens[i + 1];
    const std::string& before = doc->tokens[i - 1].tag;
    if (!(next.lower == "dead" || next.lower == "at" || next.tag == "DT")) continue;
    if (next.lower != "dead" && before.rfind("NN", 0) != 0 && before != "PRP") continue;
    t.tag = "VBD";
    t.lemma = tagger.Lemmatize(t.norm, "VBD");
  }
}

// "unidentified armed persons killed/VBN 3 civilians": a past participle right after a noun, with no
// "be", "have" or "get" before it, and an object after it (a number, a determiner, a possessive) is a
// past tense.
static void RepairPastTense(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i + 1 < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "VBN") continue;
    const Token& prev = doc->tokens[i - 1];
    const std::string& next = doc->tokens[i + 1].tag;
    if (prev.tag != "NNS" && prev.tag != "NNP" && prev.tag != "NNPS" && prev.tag != "NN") continue;
    if (next != "CD" && next != "DT" && next != "PRP$") continue;
    bool auxiliary = false;
    for (uint32_t k = i; k > s.first_token && k + 4 > i && !auxiliary;) {
      --k;
      const std::string& l = doc->tokens[k].lemma.empty() ? doc->tokens[k].lower : doc->tokens[k].lemma;
      auxiliary = l == "be" || l == "have" || l == "get";
    }
    if (auxiliary) continue;
    t.tag = "VBD";
    t.lemma = tagger.Lemmatize(t.norm, "VBD");
  }
}

// "A guard was beaten/JJ to death by a mob": an -ed/-en word tagged JJ after a form of "be" and before
// "by" or "to" is a passive participle, VBN with its verb lemma.
static void RepairPassiveParticiples(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i + 1 < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "JJ" || !strings::HasParticipleEnding(t.lower)) continue;
    const std::string& next = doc->tokens[i + 1].lower;
    if ((next != "by" && next != "to") || doc->tokens[i - 1].lemma != "be") continue;
    t.tag = "VBN";
    t.lemma = tagger.Lemmatize(t.norm, "VBN");
  }
}

// Headline and report style: "Residents protest/JJS lack of water", "Hotel workers protest/NN for higher
// wages". The word after a plural noun that ends the sentence's opening noun phrase is its present-tense
// verb when it is tagged as an adjective or a noun and a preposition, determiner, possessive or "to"
// follows it (or, for an adjective, a noun): a noun there would be a compound ("workers union leaders").
static void RepairPresentTense(const Tagger& tagger, Document* doc, const Sentence& s) {
  // The opening noun phrase, through "of" ("Thousands of activists", "Residents of Kibera").
  uint32_t i = s.first_token;
  for (;;) {
    while (i < s.last_token && In(doc->tokens[i].tag, {"DT", "JJ", "NN", "NNP", "NNPS", "CD", "HYPH"})) ++i;
    if (i + 2 < s.last_token && In(doc->tokens[i].tag, {"NNS", "NNP", "NNPS"}) && doc->tokens[i + 1].lower == "of") {
      i += 2;
      continue;
    }
    break;
  }
  if (i + 2 >= s.last_token || doc->tokens[i].tag != "NNS") return;
  Token& t = doc->tokens[i + 1];
  const std::string& next = doc->tokens[i + 2].tag;
  const bool adjective = In(t.tag, {"JJ", "JJS", "JJR"});
  if (!adjective && t.tag != "NN") return;
  if (!(In(next, {"IN", "DT", "PRP$", "TO"}) || (adjective && In(next, {"NN", "NNS"})))) return;
  if (!std::all_of(t.lower.begin(), t.lower.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return;
  t.tag = "VBP";
  t.lemma = tagger.Lemmatize(t.norm, "VBP");
}

// "A pro-opposition rally/RB took place in Kisumu": an adverb between a determiner's noun phrase and a
// finite verb is the phrase's head noun.
static void RepairNounBeforeVerb(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i + 1 < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "RB" || !In(doc->tokens[i + 1].tag, {"VBD", "VBZ", "VBP"})) continue;
    uint32_t k = i;
    while (k > s.first_token && In(doc->tokens[k - 1].tag, {"JJ", "NN", "HYPH"})) --k;
    if (k == s.first_token || doc->tokens[k - 1].tag != "DT") continue;
    t.tag = "NN";
    t.lemma = tagger.Lemmatize(t.norm, "NN");
  }
}

void RepairTags(const Tagger& tagger, Document* doc, const Sentence& s) {
  RepairPresentTense(tagger, doc, s);
  RepairNounBeforeVerb(tagger, doc, s);
  RepairProgressives(tagger, doc, s);
  RepairShot(tagger, doc, s);
  RepairPastTense(tagger, doc, s);
  RepairPassiveParticiples(tagger, doc, s);
}

}  // namespace sitrep
