// English inflection rules for words the training data never showed with their tag.
// Shared by the runtime tagger and the trainer (which stores a lemma exception only where
// these rules get a training word wrong), so the two must agree exactly.
#ifndef SITREP_SRC_SYNTAX_LEMMA_RULES_H_
#define SITREP_SRC_SYNTAX_LEMMA_RULES_H_

#include <cstdint>
#include <string_view>

namespace sitrep::syntax {

// Returns the class bits (LemmaClass in model_format.h) of a candidate lemma, 0 if unknown.
class LemmaLexicon {
 public:
  virtual ~LemmaLexicon() = default;
  virtual uint32_t Classes(std::string_view lemma) const = 0;
};

// Writes the rule-based lemma of `word` with Penn tag `tag` into `buf` (capacity `cap`) and
// returns its length. `word` is case-folded, except for proper nouns, which keep their case.
// Candidate stems ("captured" -> "capture", "captur") are checked against `lex` first,
// preferring ones seen with the right word class; unknown words fall back to spelling
// heuristics (consonant doubling, e-restoration, -ies -> -y). Words longer than `cap` and
// tags without inflection are returned unchanged (truncated to `cap`).
int RuleLemma(std::string_view word, std::string_view tag, const LemmaLexicon& lex, char* buf, int cap);

// Whether RuleLemma has inflection rules for `tag` (NNS, NNPS, VBZ, VBD, VBN, VBG, JJR, RBR,
// JJS, RBS); for any other tag it returns the word unchanged.
bool TagHasLemmaRules(std::string_view tag);

}  // namespace sitrep::syntax

#endif  // SITREP_SRC_SYNTAX_LEMMA_RULES_H_
