// Syntax stage: part-of-speech tagging and lemmatisation.
//
// A greedy averaged-perceptron tagger (Collins 2002; Honnibal 2013) that predicts Penn
// Treebank tags ("NNP", "VBD", ...) and a lemmatiser (training-data exceptions + English
// suffix rules checked against a lemma vocabulary), both trained on UD English EWT and
// stored in one binary model file (data/models/en_ewt_tagger.bin, see docs/syntax.md).
//
// Example:
//   std::unique_ptr<sitrep::Tagger> tagger;
//   sitrep::Status s = sitrep::Tagger::Load(sitrep::DefaultTaggerModelPath(), &tagger);
//   if (!s.ok()) { ... s.ToString() names the file and the problem ... }
//   sitrep::Document doc;
//   sitrep::AnalyzeText(article.text, &doc);
//   tagger->TagAll(&doc);   // every Token now has `tag` and `lemma`
//
// A loaded Tagger is immutable: Tag/TagAll/Lemmatize are safe to call from several threads
// at once (each thread uses its own scratch buffers).
#ifndef SITREP_SYNTAX_H_
#define SITREP_SYNTAX_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"
#include "sitrep/text.h"

namespace sitrep {

class TaggerModel;  // the parsed model file (src/syntax/model_format.h)

class Tagger {
 public:
  // Reads the model file at `path` in one read and checks it (size, checksum, every
  // offset). On failure returns NotFound/IOError/Corruption naming `path`; `*out` is
  // left untouched.
  static Status Load(const std::string& path, std::unique_ptr<Tagger>* out);
  ~Tagger();

  // Tags the tokens of sentence `s` of `doc` left to right, filling Token::tag (a Penn
  // Treebank tag) and Token::lemma (lowercase, except proper nouns, which keep the
  // token's case). Features are computed from Token::norm / Token::lower.
  void Tag(Document* doc, const Sentence& s) const;
  // Tags every sentence of `doc`.
  void TagAll(Document* doc) const;

  // Each thread remembers the word-feature scores of words it tagged recently (exact: tags never
  // depend on it), which pays off on a stream of news about the same conflict. This makes the
  // calling thread forget them, as if it had tagged nothing yet: for benchmarks that must not
  // profit from a corpus repeating the same articles.
  static void ForgetThreadCaches();

  // Lemma of one word given its tag: "captured"/"VBN" -> "capture", "fell"/"VBD" -> "fall",
  // "rebels"/"NNS" -> "rebel". `norm` is the word as written (case is kept only for
  // proper-noun tags). Useful for dictionaries that must match tagger lemmas.
  std::string Lemmatize(std::string_view norm, std::string_view tag) const;

  // The tag set of the model, e.g. {"$", "''", ..., "WRB"}.
  const std::vector<std::string>& tags() const { return tag_names_; }

 private:
  Tagger();
  // `lower_hash`: syntax::HashBytes(lower), which the tagger has at hand for most words.
  int LemmatizeInto(std::string_view norm, std::string_view lower, uint64_t lower_hash, int tag, char* buf,
                    int cap) const;

  std::unique_ptr<TaggerModel> model_;
  std::vector<std::string> tag_names_;
  // Per tag id, worked out once at load instead of comparing tag names per token: NNP or NNPS
  // (the lemma keeps its case), and whether the lemma rules inflect words of that tag.
  std::vector<bool> proper_tag_;
  std::vector<bool> inflected_tag_;
  bool prefix_first_byte_[256] = {};  // first bytes of the prefixed irregulars LemmatizeInto tries
  uint64_t model_serial_ = 0;  // unique per loaded model: keys per-thread caches of its scores
};

// Repairs, after Tag, the tagger errors the event stage trips on (Tag itself stays the model's output:
// its accuracy is measured): an -ing word tagged NN after a form of "be" (adverbs between) is a
// progressive verb, VBG with its verb lemma ("the army is no longer fighting": "fight"); "shot" tagged
// NN after a noun and before "dead", "at" or a determiner is the past tense of "shoot" ("gunmen shot
// dead a trader"); an -ed/-en word tagged JJ between a form of "be" and "by" or "to" is a passive
// participle ("was beaten to death by a mob"); a VBN right after a noun, with no be/have/get before it
// and an object after it, is a past tense ("armed persons killed/VBN 3 civilians"); a superlative
// right after "a"/"an" is a noun ("held a protest/JJS sit-in"); in report style, the word after an
// opening plural noun phrase (with "of X" or "in X") is its present-tense verb ("Teachers in Eldoret
// protest/JJS over pay").
void RepairTags(const Tagger& tagger, Document* doc, const Sentence& s);

// DataDir() + "/models/en_ewt_tagger.bin".
std::string DefaultTaggerModelPath();

// Tag-class helpers over Penn Treebank tags.
bool IsVerbTag(std::string_view tag);         // VB VBD VBG VBN VBP VBZ (not MD)
bool IsNounTag(std::string_view tag);         // NN NNS NNP NNPS
bool IsProperNounTag(std::string_view tag);   // NNP NNPS
bool IsAdjectiveTag(std::string_view tag);    // JJ JJR JJS
bool IsAdverbTag(std::string_view tag);       // RB RBR RBS WRB
bool IsPunctuationTag(std::string_view tag);  // . , : `` '' -LRB- -RRB- HYPH NFP

// Coarse Universal POS for a Penn tag ("VBD" -> "VERB", "NNP" -> "PROPN", "IN" -> "ADP").
// XPOS alone cannot tell AUX from VERB or SCONJ from ADP, so "was"/VBD maps to "VERB" and
// "because"/IN to "ADP"; "X" for unknown tags.
std::string_view UniversalTag(std::string_view tag);

}  // namespace sitrep

#endif  // SITREP_SYNTAX_H_
