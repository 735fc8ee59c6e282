// Rule repairs of tagger errors that the later stages trip on (syntax.h).
#include "sitrep/syntax.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "core/strings.h"

namespace sitrep {

// Tags and words compared as views of known length: no strlen and no out-of-line compare per token.
using namespace std::string_view_literals;

static bool In(std::string_view tag, std::initializer_list<std::string_view> tags) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// The tagger sometimes reads a progressive verb as a noun ("the army is no longer fighting/NN").
// An -ing word after a form of "be" (adverbs between, so no determiner) is a verb.
static void RepairProgressives(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "NN"sv || t.lower.size() < 5 || t.lower.compare(t.lower.size() - 3, 3, "ing") != 0) continue;
    uint32_t k = i;
    while (k > s.first_token && (doc->tokens[k - 1].tag == "RB"sv || doc->tokens[k - 1].tag == "RBR"sv)) --k;
    if (k == s.first_token || doc->tokens[k - 1].lemma != "be"sv) continue;
    t.tag = "VBG";
    t.lemma = tagger.Lemmatize(t.norm, "VBG");
  }
}

// "Unknown gunmen shot/NN dead a trader", "an armed group shot/NN at a motorcyclist", "a soldier shot/NN
// customers": "shot" right after a noun and before "dead", "at", a determiner or a plural noun is the
// verb (a noun "shot" follows a determiner).
static void RepairShot(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i + 1 < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "NN"sv || t.lower != "shot"sv) continue;
    const Token& next = doc->tokens[i + 1];
    const std::string& before = doc->tokens[i - 1].tag;
    if (!(next.lower == "dead"sv || next.lower == "at"sv || next.tag == "DT"sv || next.tag == "NNS"sv)) continue;
    if (next.lower != "dead"sv && !before.starts_with("NN"sv) && before != "PRP"sv) continue;
    t.tag = "VBD";
    t.lemma = tagger.Lemmatize(t.norm, "VBD");
  }
}

// "a band of Nyatura set/JJ fire to an army post": "set" right after a noun (adverbs between) and before "fire", "ablaze" or
// "alight" is the verb (past tense: the reports tell what happened).
static void RepairSetFire(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i + 1 < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.lower != "set"sv || t.tag.starts_with("VB"sv)) continue;
    const Token& next = doc->tokens[i + 1];
    if (next.lower != "fire"sv && next.lower != "ablaze"sv && next.lower != "alight"sv) continue;
    uint32_t before = i - 1;  // past adverbs: "militiamen reportedly set/JJ fire to"
    while (before > s.first_token && doc->tokens[before].tag == "RB"sv) --before;
    if (!doc->tokens[before].tag.starts_with("NN"sv) && doc->tokens[before].tag != "PRP"sv) continue;
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
    if (t.tag != "VBN"sv) continue;
    const Token& prev = doc->tokens[i - 1];
    const std::string& next = doc->tokens[i + 1].tag;
    if (prev.tag != "NNS"sv && prev.tag != "NNP"sv && prev.tag != "NNPS"sv && prev.tag != "NN"sv) continue;
    if (next != "CD"sv && next != "DT"sv && next != "PRP$"sv) continue;
    bool auxiliary = false;
    for (uint32_t k = i; k > s.first_token && k + 4 > i && !auxiliary;) {
      --k;
      const std::string& l = doc->tokens[k].lemma.empty() ? doc->tokens[k].lower : doc->tokens[k].lemma;
      auxiliary = l == "be"sv || l == "have"sv || l == "get"sv;
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
    if (t.tag != "JJ"sv || !strings::HasParticipleEnding(t.lower)) continue;
    const std::string& next = doc->tokens[i + 1].lower;
    if ((next != "by"sv && next != "to"sv) || doc->tokens[i - 1].lemma != "be"sv) continue;
    t.tag = "VBN";
    t.lemma = tagger.Lemmatize(t.norm, "VBN");
  }
}

// "Police dispersed/JJ protesters in Uvira": an -ed word tagged as an adjective right after a sentence's
// opening noun and before an object (a determiner, a noun, a number, a possessive) is its past-tense verb.
static void RepairOpeningPastTense(const Tagger& tagger, Document* doc, const Sentence& s) {
  const uint32_t i = s.first_token + 1;
  if (i + 1 >= s.last_token) return;
  Token& t = doc->tokens[i];
  if (t.tag != "JJ"sv || !strings::HasParticipleEnding(t.lower)) return;
  if (!doc->tokens[i - 1].tag.starts_with("NN"sv)) return;
  if (!In(doc->tokens[i + 1].tag, {"DT", "NNS", "NNP", "NNPS", "CD", "PRP$"})) return;
  t.tag = "VBD";
  t.lemma = tagger.Lemmatize(t.norm, "VBD");
}

// "FARDC launched offensive/JJ against assailants": "offensive" right after a verb other than "be" and
// before a preposition is the noun (the operation), not the adjective.
static void RepairOffensiveNoun(Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i + 1 < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "JJ"sv || t.lower != "offensive"sv) continue;
    const Token& prev = doc->tokens[i - 1];
    if (!prev.tag.starts_with("VB"sv) || prev.lemma == "be"sv || doc->tokens[i + 1].tag != "IN"sv) continue;
    t.tag = "NN";
  }
}

// "4 people were killed and 6 wounded/VBD", "one was killed and three others injured/VBD": a past form right
// after "and" and a number (or a number and "others"/"more", which only an elided clause says), with no
// object after it, in a sentence whose verb before it is passive, is the same passive with its auxiliary
// left out. "... were killed and three residents fled" keeps its active verb.
static void RepairElidedPassive(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 2; i < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "VBD"sv || t.lemma == "be"sv || t.lemma == "have"sv) continue;  // "and the houses were looted"
    if (i + 1 < s.last_token && In(doc->tokens[i + 1].tag, {"DT", "CD", "NN", "NNS", "NNP", "PRP$"})) continue;
    uint32_t first = i - 1;  // the first token of the counted phrase: the number
    const std::string& noun = doc->tokens[first].lower;
    if (noun == "others"sv || noun == "more"sv) --first;
    if (doc->tokens[first].tag != "CD"sv || first <= s.first_token + 1 || doc->tokens[first - 1].lower != "and"sv) continue;
    bool passive_before = false;
    for (uint32_t k = first - 1; k > s.first_token + 1 && k + 6 > first + 1 && !passive_before; --k)
      passive_before = doc->tokens[k - 1].tag == "VBN"sv && doc->tokens[k - 2].lemma == "be"sv;
    if (!passive_before) continue;
    t.tag = "VBN";
    t.lemma = tagger.Lemmatize(t.norm, "VBN");
  }
}

// Headline and report style: "Residents protest/JJS lack of water", "Residents of Kibera lynch/WDT a man",
// "Hotel workers protest/NN for higher wages". The word after a sentence-opening noun phrase whose head is
// plural is its present-tense verb when the tagger read it as an adjective, a noun or a determiner and a
// preposition, determiner, possessive or "to" follows it (or, unless it is a noun, a noun does): a noun
// there would be a compound ("workers union leaders"). After a singular head, a word ending in -s tagged
// as a plural noun and followed by an object is the verb: "Mob kills/NNS suspected thief".
static void RepairPresentTense(const Tagger& tagger, Document* doc, const Sentence& s) {
  auto tag = [&](uint32_t k) -> const std::string& { return doc->tokens[k].tag; };
  auto in_phrase = [&](uint32_t k) { return In(tag(k), {"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "HYPH"}); };
  auto object_follows = [&](uint32_t k) { return k + 1 < s.last_token && In(tag(k + 1), {"VBN", "DT", "JJ", "CD", "PRP$"}); };
  // The opening noun phrase and its head; "of" and a second phrase may follow ("Residents of Kibera").
  uint32_t i = s.first_token, head = UINT32_MAX;
  // A singular noun after a plural one, or an -s word after a singular one with an object after it,
  // is no longer the phrase: "Workers protest/NN for", "Mob kills/NNS suspected thief".
  // A capitalised opening plural the tagger read as a name ("Gunmen/NNP attack/NN a police station").
  auto plural = [&](uint32_t k) {
    const std::string& l = doc->tokens[k].lower;
    return tag(k) == "NNS"sv || (tag(k) == "NNP"sv && k == s.first_token && l.size() > 3 &&
                               (l.back() == 's' || l.compare(l.size() - 3, 3, "men") == 0));
  };
  auto ends_phrase = [&](uint32_t k) {
    return k > s.first_token && ((tag(k) == "NN"sv && plural(k - 1)) ||
                                 (tag(k) == "NNS"sv && tag(k - 1) == "NN"sv && object_follows(k)));
  };
  while (i < s.last_token && in_phrase(i) && !ends_phrase(i)) head = i++;
  if (head == UINT32_MAX) return;
  // "Residents of Kibera", "Teachers in Eldoret": a name in a prepositional phrase after the head.
  const std::string_view prep = i + 1 < s.last_token ? std::string_view(doc->tokens[i].lower) : std::string_view();
  if (prep == "of"sv)
    for (++i; i < s.last_token && in_phrase(i) && !ends_phrase(i);) ++i;
  else if ((prep == "in"sv || prep == "at"sv || prep == "from"sv) && In(tag(i + 1), {"NNP", "NNPS"}))
    for (++i; i < s.last_token && In(tag(i), {"NNP", "NNPS"});) ++i;
  if (i + 1 >= s.last_token) return;
  Token& t = doc->tokens[i];
  const std::string& next = tag(i + 1);
  if (!std::all_of(t.lower.begin(), t.lower.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return;
  if (plural(head)) {
    const bool noun = t.tag == "NN"sv;
    if (!noun && !In(t.tag, {"JJ", "JJS", "JJR", "WDT", "RB"})) return;
    if (!(In(next, {"IN", "DT", "PRP$", "TO"}) || (!noun && In(next, {"NN", "NNS"})))) return;
    t.tag = "VBP";
    t.lemma = tagger.Lemmatize(t.norm, "VBP");
  } else if (tag(head) == "NN"sv && t.tag == "NNS"sv && t.lower.size() > 3 && t.lower.back() == 's' && object_follows(i)) {
    t.tag = "VBZ";
    t.lemma = tagger.Lemmatize(t.norm, "VBZ");
  }
}

// "held a protest/JJS sit-in": a superlative never follows "a" or "an"; an -est word there is a noun
// ("protest", "contest", "request").
static void RepairSuperlativesAfterIndefinite(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    const std::string& before = doc->tokens[i - 1].lower;
    if (t.tag != "JJS"sv || (before != "a"sv && before != "an"sv)) continue;
    t.tag = "NN";
    t.lemma = tagger.Lemmatize(t.norm, "NN");
  }
}

// "A pro-opposition rally/RB took place in Kisumu": an adverb between a determiner's noun phrase and a
// finite verb is the phrase's head noun.
static void RepairNounBeforeVerb(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i + 1 < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "RB"sv || !In(doc->tokens[i + 1].tag, {"VBD", "VBZ", "VBP"})) continue;
    uint32_t k = i;
    while (k > s.first_token && In(doc->tokens[k - 1].tag, {"JJ", "NN", "HYPH"})) --k;
    if (k == s.first_token || doc->tokens[k - 1].tag != "DT"sv) continue;
    t.tag = "NN";
    t.lemma = tagger.Lemmatize(t.norm, "NN");
  }
}

// "an IED/VBN exploded", "by an IED/JJ": an acronym in capitals is a name or a noun, never a verb or an
// adjective (the tagger reads the -ED of "IED" as a participle).
static void RepairAcronyms(Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token; i < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    // "an armed AS/IN fighter": inside a sentence, a preposition in capitals is an acronym too.
    const bool capital_preposition = t.tag == "IN"sv && i > s.first_token;
    if (t.norm.size() < 2 || !(t.tag.starts_with("VB"sv) || t.tag.starts_with("JJ"sv) || capital_preposition)) continue;
    if (!std::all_of(t.norm.begin(), t.norm.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) continue;
    t.tag = "NN";
    t.lemma = t.lower;
  }
}

// Headline passives: "Man shot/VBD at by unknown persons", "Trader killed/VBD by gunmen": a past tense
// right before "by" (a particle between) is a passive participle.
static void RepairPassiveBeforeBy(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i + 1 < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "VBD"sv) continue;
    uint32_t k = i + 1;
    if (k + 1 < s.last_token && In(doc->tokens[k].tag, {"IN", "RP"}) && doc->tokens[k].lower != "by"sv) ++k;
    if (doc->tokens[k].lower != "by"sv) continue;
    t.tag = "VBN";
    t.lemma = tagger.Lemmatize(t.norm, "VBN");
  }
}

void RepairTags(const Tagger& tagger, Document* doc, const Sentence& s) {
  RepairAcronyms(doc, s);
  RepairPresentTense(tagger, doc, s);
  RepairSuperlativesAfterIndefinite(tagger, doc, s);
  RepairNounBeforeVerb(tagger, doc, s);
  RepairProgressives(tagger, doc, s);
  RepairShot(tagger, doc, s);
  RepairSetFire(tagger, doc, s);
  RepairOffensiveNoun(doc, s);
  RepairPastTense(tagger, doc, s);
  RepairPassiveParticiples(tagger, doc, s);
  RepairElidedPassive(tagger, doc, s);
  RepairOpeningPastTense(tagger, doc, s);
  RepairPassiveBeforeBy(tagger, doc, s);
}

}  // namespace sitrep
