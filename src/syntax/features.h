// Feature extraction for the perceptron tagger, shared by the runtime tagger and the
// trainer (tools/train-tagger) so that both compute bit-identical feature hashes.
//
// Every feature is a 64-bit hash of (template id, value). Word-derived values are hashed
// straight from the token's bytes once per token (WordInfo), so tagging needs no string
// building and no heap allocation per token. Changing anything here changes the hashes:
// bump kModelVersion in model_format.h and retrain.
#ifndef SITREP_SRC_SYNTAX_FEATURES_H_
#define SITREP_SRC_SYNTAX_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/hash.h"

namespace sitrep::syntax {

// splitmix64 finaliser: a cheap, well-mixing 64-bit permutation.
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t Combine(uint64_t a, uint64_t b) { return Mix(a * 0x9e3779b97f4a7c15ULL + b + 0x632be59bd9b4e019ULL); }

// FNV-1a over bytes, then mixed. Used for words, affixes, lemmas.
inline uint64_t HashBytes(const char* p, size_t n) { return Mix(hash::Fnv1a(std::string_view(p, n)) ^ n); }
inline uint64_t HashBytes(std::string_view s) { return HashBytes(s.data(), s.size()); }

// What the tagger knows about one token, computed once per token.
struct WordInfo {
  uint64_t word = 0;  // lowercased form with every ASCII digit mapped to '0' ("20th" -> "00th")
  uint64_t pre1 = 0, pre2 = 0, pre3 = 0;
  uint64_t suf1 = 0, suf2 = 0, suf3 = 0, suf4 = 0;
  uint64_t shape = 0;         // "Xxx", "XX", "d,d", "X.X.", "x-x": char classes, runs capped at 2
  uint32_t amb = 0;           // ambiguity class: id of the set of tags seen with `word` in training, 0 unknown
  int dict_tag = -1;          // the word's only tag if it is frequent and unambiguous, else -1
  bool space_before = true;   // whitespace (or sentence start) before the token
  bool no_alnum = false;      // no ASCII letter or digit and no non-ASCII byte: punctuation-like
  bool has_digit = false;     // an ASCII digit in the word: else `word` is HashBytes(lower) too
};

// Fills `info` from the token's normalised form and its case-folded form (all but `amb` and
// `dict_tag`, which come from the model's lexicon).
void ComputeWordInfo(std::string_view norm, std::string_view lower, bool space_before, WordInfo* info);
// The same in two parts: what the context features of neighbouring tokens read (word, suf3,
// shape, spacing), and the affixes only the token's own word features read (pre1-3, suf1, suf2,
// suf4), which the tagger skips for words whose word-feature scores it remembers.
void ComputeContextInfo(std::string_view norm, std::string_view lower, bool space_before, WordInfo* info);
void ComputeAffixes(std::string_view lower, WordInfo* info);

// Previous-tag ids used before the first token of a sentence (model tags are 0..num_tags-1).
constexpr int kStartTag1 = 250, kStartTag2 = 251;

constexpr int kMaxStaticFeatures = 26, kMaxTagFeatures = 6, kMaxWordFeatures = 11;
constexpr int kMaxFeatures = kMaxStaticFeatures + kMaxTagFeatures;

// The features of token `i` that do not depend on earlier tags (at most kMaxStaticFeatures),
// so they can be looked up for a whole sentence at once; returns how many. They are the word
// features followed by the context features:
int ExtractStaticFeatures(const WordInfo* words, int n, int i, uint64_t* out);
// - those the word alone determines (bias, word, affixes, shape, ambiguity class; at most
//   kMaxWordFeatures), whose summed scores the tagger can remember per word;
int ExtractWordFeatures(const WordInfo& w, uint64_t* out);
// - those that depend on the neighbours or the position in the sentence.
int ExtractContextFeatures(const WordInfo* words, int n, int i, uint64_t* out);
// The features that combine the tags chosen for tokens i-1 (`p1`) and i-2 (`p2`).
int ExtractTagFeatures(const WordInfo* words, int n, int i, int p1, int p2, uint64_t* out);

// Writes the feature hashes for token `i` of a sentence of `n` tokens into `out` (at most
// kMaxFeatures) and returns how many. `p1`/`p2` are the tags chosen for tokens i-1 and i-2.
int ExtractFeatures(const WordInfo* words, int n, int i, int p1, int p2, uint64_t* out);

}  // namespace sitrep::syntax

#endif  // SITREP_SRC_SYNTAX_FEATURES_H_
