// Sentence structure for role reading, from Penn tags and lemmas: clause boundaries, voice,
// quotation state, and the argument spans (actors, pronouns, places) found left/right of a word.
// This is deliberately a shallow analysis (docs/syntax.md explains why we tag and chunk rather
// than parse): each rule is small and named after the construction it reads.
#ifndef SITREP_SRC_EVENTS_STRUCTURE_H_
#define SITREP_SRC_EVENTS_STRUCTURE_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "conventions.h"
#include "cues.h"
#include "sitrep/events.h"

namespace sitrep {

// An argument: an actor (named, generic or pronoun) or a place, over a token range.
struct Arg {
  uint32_t first = 0, last = 0;
  const ActorSpan* actor = nullptr;  // set for actors (pronouns point at their antecedent)
  const PlaceSpan* place = nullptr;  // set for places
  bool pronoun = false;
  bool coref = false;  // actor resolved through a pronoun or a generic mention
};

// Per-sentence view used by the role and modality rules.
class SentenceView {
 public:
  // `actors` and `places` are the article's mentions that lie in this sentence.
  SentenceView(const ArticleAnalysis& a, const Sentence& s, const std::vector<bool>& in_quote,
               const ActorSpan* previous_subject, std::span<const ActorSpan> actors,
               std::span<const PlaceSpan> places, const Cues& cues, const Conventions& conventions);

  const Document& doc() const { return *a_.doc; }
  const Cues& cues() const { return cues_; }
  const Conventions& conventions() const { return conventions_; }
  const Sentence& sentence() const { return s_; }
  const Token& tok(uint32_t i) const { return a_.doc->tokens[i]; }
  bool InQuote(uint32_t i) const { return in_quote_[i]; }

  // The argument covering token i, if any (actors win over places on the same span, except after
  // a locative preposition: "in Rwanda" is a place, "Rwanda backs" an actor).
  const Arg* ArgAt(uint32_t i) const;
  const std::vector<Arg>& args() const { return args_; }

  // Word-class predicates on token i (of this sentence).
  bool IsVerb(uint32_t i) const { return Flag(i, kVerbFlag); }          // any VB* tag
  bool IsFiniteVerb(uint32_t i) const { return Flag(i, kFiniteFlag); }  // VBD, VBZ, VBP, MD
  bool IsNoun(uint32_t i) const { return Flag(i, kNounFlag); }
  bool IsPreposition(uint32_t i) const { return Flag(i, kPrepFlag); }
  bool IsAux(uint32_t i) const { return Flag(i, kAuxFlag); }            // be, have, do, get, modal, "to"
  bool IsClauseBoundary(uint32_t i) const { return Flag(i, kBoundaryFlag); }  // ; : relative pronouns, subordinators
  bool IsPassive(uint32_t verb) const;      // was captured / handed over ... by
  bool IsPluperfect(uint32_t verb) const;   // had (been) VBN
  // The first token of the auxiliaries and adverbs right before token i ("has not yet" in "has not
  // yet attacked"); i itself when there are none.
  uint32_t AuxChainStart(uint32_t i) const;
  const std::string& Lemma(uint32_t i) const;

  // The subject(s) of the verb at `verb` (coordinated subjects give several), reading leftwards.
  std::vector<const Arg*> SubjectOf(uint32_t verb) const;
  // The first arguments in the object region after `after` (coordinated objects give several).
  std::vector<const Arg*> ObjectsAfter(uint32_t after) const;
  // Arguments of the preposition `prep` (lemma) to the right of `from` within the clause.
  std::vector<const Arg*> PrepObjects(uint32_t from, const char* prep) const;
  // The argument immediately before token i through a possessive or noun-modifier chain:
  // "the rebels' capture", "EU sanctions", "M23 offensive".
  const Arg* ModifierBefore(uint32_t i) const;
  // The most specific place after a locative preposition in the same clause as token i.
  const Arg* ClausePlace(uint32_t i, uint32_t allowed_verb = UINT32_MAX) const;
  bool IsLocative(const Arg& arg) const;   // "in/at/near/around ... X"
  bool AfterQuantityOf(uint32_t first) const;  // "hundreds of X", "a group of X": X heads the phrase
  bool IsDirection(const Arg& arg) const;  // "toward(s) ... X"
  bool IsOrigin(const Arg& arg) const;     // "(expelled) from X", not "30 km from X"


 private:
  enum : uint8_t {
    kVerbFlag = 1, kFiniteFlag = 2, kNounFlag = 4, kPrepFlag = 8, kAuxFlag = 16, kBoundaryFlag = 32,
  };
  bool Flag(uint32_t i, uint8_t f) const {
    return i >= s_.first_token && i < s_.last_token && (flags_[i - s_.first_token] & f) != 0;
  }
  void ComputeFlags();
  void BuildArgs(const ActorSpan* previous_subject);
  void Reindex();  // sorts args_ by position and rebuilds arg_at_
  // Coordination: the args joined to `arg` by "and"/"," on its left.
  std::vector<const Arg*> WithConjunctsLeft(const Arg* arg) const;
  // The arg before a list member the dictionary does not know, which ends at token `last` and follows a
  // comma ("FARDC soldiers, DGM officers"): FARDC soldiers; null when there is none.
  const Arg* ListMemberBefore(uint32_t last) const;
  // Whether a verb or a preposition governs `arg` (past determiners, adjectives, possessives and numbers).
  bool GovernedByWordBefore(const Arg& arg) const;
  std::vector<const Arg*> WithConjunctsRight(const Arg* arg) const;
  uint32_t SkipNameTail(uint32_t k) const;
  // Whether token k (in the sentence or not) lies in a place mention.
  bool IsPlaceAt(uint32_t k) const;

  const ArticleAnalysis& a_;
  const Sentence& s_;
  const std::vector<bool>& in_quote_;
  const Cues& cues_;
  const Conventions& conventions_;
  std::span<const ActorSpan> actors_;
  std::span<const PlaceSpan> places_;
  std::vector<Arg> args_;
  std::vector<int> arg_at_;  // token offset in sentence -> index in args_, -1 for none
  std::vector<uint8_t> flags_;  // token offset in sentence -> word-class flags
};

// Quotation state of every token of the document (paragraph breaks close open quotes).
std::vector<bool> ComputeQuotes(const Document& doc);

// True when `s` is one of `words` (the cue lists of the role and modality rules). Views, so that
// most comparisons stop at the length (a const char* list would strlen every word every time).
inline bool In(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (s == w) return true;
  return false;
}


}  // namespace sitrep

#endif  // SITREP_SRC_EVENTS_STRUCTURE_H_
