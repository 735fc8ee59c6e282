// The tagger model file (data/models/en_ewt_tagger.bin): what it holds and how it is read
// and written. Internal to sitrep_syntax and tools/train-tagger.
//
// Layout (little-endian; every section starts at a multiple of 4 bytes):
//   Header (56 bytes): magic "SRTAGGER", version, counts, weight scale, checksum
//   tag names       num_tags x 8 bytes, NUL-padded ("NNP", "-LRB-", ...)
//   feature table   feat_slots x Slot   key: feature hash   value: entry offset << 8 | count, or
//                                       dense row index << 8 | 0xff
//   entries         num_entries x Entry (tag, weight as int16; real weight = w / weight_scale)
//   dense rows      dense_rows x DenseWidth(num_tags) int16 weights, one per tag (padded with 0):
//                   rows with many tags (bias, affixes, frequent words) are added with SIMD
//   word lexicon    dict_slots x Slot   key: WordInfo::word  value: ambiguity class << 8 | tag
//                                       (tag: the word's only tag if frequent and unambiguous, else 0xff)
//   lemma table     lemma_slots x Slot  key: LemmaKey(lower, tag)  value: pool offset << 8 | length
//   known lemmas    known_slots x Slot  key: HashBytes(lemma)  value: LemmaClass bits
//   string pool     pool_bytes
// Slot tables use open addressing with linear probing: the slot index comes from the low
// bits of the 64-bit key, the stored 32-bit fingerprint from the high bits (never 0, which
// marks an empty slot); load factor at most 0.7. Only the pruned, quantised weights are
// stored: a sparse row of (tag, weight) per feature, or a dense row when it has many tags.
#ifndef SITREP_SRC_SYNTAX_MODEL_FORMAT_H_
#define SITREP_SRC_SYNTAX_MODEL_FORMAT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "features.h"
#include "sitrep/status.h"

namespace sitrep {

namespace syntax {

constexpr uint32_t kModelVersion = 2;
constexpr int kMaxTags = 200;  // tag ids must stay below kStartTag1

struct Slot {
  uint32_t fp = 0;
  uint32_t val = 0;
};
struct Entry {
  uint16_t tag = 0;
  int16_t weight = 0;
};

constexpr uint32_t kNoDictTag = 0xff;
constexpr uint32_t kDenseRow = 0xff;   // slot count value marking a dense row
constexpr size_t kDenseMinTags = 12;   // rows with at least this many tags are stored dense
inline size_t DenseWidth(size_t num_tags) { return (num_tags + 15) / 16 * 16; }

// One feature's weights: either sparse (tag, weight) entries or a dense row.
struct Row {
  const Entry* sparse = nullptr;
  const int16_t* dense = nullptr;
  int count = 0;  // sparse entries; 0 for dense rows and unknown features
};
inline uint32_t LexiconValue(uint32_t amb, int dict_tag) {
  return amb << 8 | (dict_tag < 0 ? kNoDictTag : static_cast<uint32_t>(dict_tag));
}

inline uint32_t Fingerprint(uint64_t key) { return static_cast<uint32_t>(key >> 32) | 1u; }

// Bits of the known-lemma table: which word classes a lemma was seen with in training.
enum LemmaClass : uint32_t { kLemmaVerb = 1, kLemmaNoun = 2, kLemmaAdj = 4, kLemmaAdv = 8 };

inline uint64_t LemmaKey(uint64_t lower_hash, int tag) { return Combine(lower_hash, static_cast<uint64_t>(tag) + 7); }

// Everything the trainer produces, before quantisation and packing.
struct ModelData {
  std::vector<std::string> tag_names;
  // feature hash -> sparse (tag, averaged weight) row.
  std::vector<std::pair<uint64_t, std::vector<std::pair<int, float>>>> features;
  std::vector<std::pair<uint64_t, uint32_t>> lexicon;           // WordInfo::word -> LexiconValue()
  std::vector<std::pair<uint64_t, std::string>> lemma_exceptions;  // LemmaKey -> lemma
  std::vector<std::pair<uint64_t, uint32_t>> known_lemmas;      // HashBytes(lemma) -> LemmaClass bits
};

// Packs `data` and writes it to `path`.
Status WriteModel(const ModelData& data, const std::string& path);

}  // namespace syntax

// A parsed, validated model, held in typed arrays (copied out of the file bytes once).
class TaggerModel {
 public:
  // Parses the bytes of a model file; `path` is only used in error messages.
  static Status Parse(const std::string& path, std::string_view bytes, std::unique_ptr<TaggerModel>* out);

  int num_tags() const { return static_cast<int>(tag_names_.size()); }
  const std::vector<std::string>& tag_names() const { return tag_names_; }
  float weight_scale() const { return weight_scale_; }
  size_t num_features() const { return num_features_; }

  // The weights of a feature; an empty row when the feature is unknown.
  syntax::Row FindFeature(uint64_t key) const {
    syntax::Row r;
    uint32_t v;
    if (!Find(features_.data(), features_mask_, key, &v)) return r;
    if ((v & 0xff) == syntax::kDenseRow) {
      r.dense = dense_.data() + (v >> 8) * dense_width_;
    } else {
      r.sparse = entries_.data() + (v >> 8);
      r.count = static_cast<int>(v & 0xff);
    }
    return r;
  }
  // Adds a row's weights to `score` (DenseWidth(num_tags) entries).
  void AddRow(const syntax::Row& r, int32_t* score) const {
    if (r.dense) {
      // Fixed-size inner loop of 16 so the compiler vectorises it.
      for (size_t t = 0; t < dense_width_; t += 16)
        for (size_t k = 0; k < 16; ++k) score[t + k] += r.dense[t + k];
    } else {
      for (int e = 0; e < r.count; ++e) score[r.sparse[e].tag] += r.sparse[e].weight;
    }
  }
  size_t dense_width() const { return dense_width_; }
  // Hints the CPU to start loading the table slot of `key` (lookups are memory-bound).
  void PrefetchFeature(uint64_t key) const { __builtin_prefetch(&features_[key & features_mask_]); }
  // Same for the lexicon slot of a word (WordInfo::word).
  void PrefetchWord(uint64_t word) const { __builtin_prefetch(&dict_[word & (dict_.size() - 1)]); }
  void PrefetchRow(const syntax::Row& r) const {
    if (r.dense) {
      __builtin_prefetch(r.dense);
      __builtin_prefetch(r.dense + 32);
    } else if (r.count) {
      __builtin_prefetch(r.sparse);
    }
  }

  // Sets info->amb and info->dict_tag from the lexicon (0 and -1 for unknown words).
  void LookupWord(syntax::WordInfo* info) const {
    uint32_t v;
    if (!Find(dict_, info->word, &v)) {
      info->amb = 0;
      info->dict_tag = -1;
      return;
    }
    info->amb = v >> 8;
    info->dict_tag = (v & 0xff) == syntax::kNoDictTag ? -1 : static_cast<int>(v & 0xff);
  }
  bool FindLemma(uint64_t key, std::string_view* lemma) const {
    uint32_t v;
    if (!Find(lemmas_, key, &v)) return false;
    *lemma = std::string_view(pool_).substr(v >> 8, v & 0xff);
    return true;
  }
  uint32_t LemmaClasses(uint64_t lemma_hash) const {
    uint32_t v;
    return Find(known_, lemma_hash, &v) ? v : 0;
  }

 private:
  static bool Find(const std::vector<syntax::Slot>& table, uint64_t key, uint32_t* val) {
    return Find(table.data(), table.size() - 1, key, val);
  }
  // The same with the table's mask (its size - 1) at hand: the feature table's is kept, as features
  // are looked up ~25 times per token.
  static bool Find(const syntax::Slot* table, size_t mask, uint64_t key, uint32_t* val) {
    const uint32_t fp = syntax::Fingerprint(key);
    for (size_t i = key & mask;; i = (i + 1) & mask) {
      const syntax::Slot& s = table[i];
      if (s.fp == fp) {
        *val = s.val;
        return true;
      }
      if (s.fp == 0) return false;
    }
  }

  std::vector<std::string> tag_names_;
  float weight_scale_ = 1;
  size_t num_features_ = 0;
  std::vector<syntax::Slot> features_, dict_, lemmas_, known_;
  size_t features_mask_ = 0;  // features_.size() - 1 (a power of two)
  std::vector<syntax::Entry> entries_;
  std::vector<int16_t> dense_;
  size_t dense_width_ = 16;
  std::string pool_;
};

}  // namespace sitrep

#endif  // SITREP_SRC_SYNTAX_MODEL_FORMAT_H_
