#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <cerrno>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "core/fold.h"
#include "features.h"
#include "lemma_rules.h"
#include "model_format.h"
#include "sitrep/paths.h"
#include "sitrep/syntax.h"

namespace sitrep {
namespace {

using syntax::WordInfo;

// The model's known-lemma table as a LemmaLexicon for the spelling rules.
class ModelLexicon : public syntax::LemmaLexicon {
 public:
  explicit ModelLexicon(const TaggerModel& m) : m_(m) {}
  uint32_t Classes(std::string_view lemma) const override { return m_.LemmaClasses(syntax::HashBytes(lemma)); }

 private:
  const TaggerModel& m_;
};

bool ProperTag(std::string_view tag) { return tag == "NNP" || tag == "NNPS"; }

// Prefixes of irregular verbs the lemma data lacks in prefixed form ("overran", "withdrew").
constexpr std::string_view kPrefixes[] = {"over", "under", "with", "out", "re", "mis", "up", "fore"};

}  // namespace

Tagger::Tagger() = default;
Tagger::~Tagger() = default;

Status Tagger::Load(const std::string& path, std::unique_ptr<Tagger>* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    const int err = errno;
    if (err == ENOENT) return Status::NotFound(path + ": tagger model not found (train it with sitrep-train-tagger)");
    return Status::IOError(path + ": cannot open tagger model: " + std::strerror(err));
  }
  std::string bytes;
  std::fseek(f, 0, SEEK_END);
  const long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  if (size < 0) {
    std::fclose(f);
    return Status::IOError(path + ": cannot determine size of tagger model");
  }
  bytes.resize(static_cast<size_t>(size));
  const size_t got = std::fread(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
  if (got != bytes.size()) return Status::IOError(path + ": short read of tagger model");

  std::unique_ptr<TaggerModel> model;
  Status s = TaggerModel::Parse(path, bytes, &model);
  if (!s.ok()) return s;
  std::unique_ptr<Tagger> t(new Tagger);
  t->tag_names_ = model->tag_names();
  for (const std::string& tag : t->tag_names_) {
    t->proper_tag_.push_back(ProperTag(tag));
    t->inflected_tag_.push_back(syntax::TagHasLemmaRules(tag));
  }
  for (std::string_view p : kPrefixes) t->prefix_first_byte_[static_cast<unsigned char>(p[0])] = true;
  t->model_ = std::move(model);
  static std::atomic<uint64_t> next_serial{1};
  t->model_serial_ = next_serial++;
  *out = std::move(t);
  return Status::OK();
}

namespace {

// Per-thread scratch buffers: they grow to the longest sentence seen, after which tagging
// allocates nothing.
struct Scratch {
  std::vector<WordInfo> words;
  std::vector<uint64_t> feats;       // static features of the sentence, flat
  std::vector<int32_t*> target;      // the score vector each feature adds to
  std::vector<syntax::Row> rows;     // row found for each feature
  std::vector<int32_t> scores;       // dense_width per token: static feature scores
  std::vector<const int32_t*> word_scores;  // per token: its word's cached scores, or null
};

// The summed scores of the word features (ExtractWordFeatures: spelling, affixes, shape,
// ambiguity class) of recently tagged words, per thread. News repeats its vocabulary, and these
// are 11 of a token's ~25 static feature lookups, each a likely cache miss in a 4 MB model.
// Direct-mapped and exact (integer sums), so tags are the same with or without it.
class WordScoreCache {
 public:
  static constexpr size_t kSlots = 4096;
  // Empties the cache when it last served another model or row width.
  void Bind(uint64_t model_serial, size_t width) {
    if (model_serial == model_serial_ && width == width_) return;
    model_serial_ = model_serial;
    width_ = width;
    keys_.assign(kSlots, 0);
    seen_.assign(kSlots, 0);
    filled_in_.assign(kSlots, 0);
    scores_.assign(kSlots * width, 0);
  }
  // The cached scores of `key` for sentence `sentence`: *fresh says whether the caller must fill
  // them (zeroed). Null when the word is not cached (first sighting, or the slot already serves
  // another word of the same sentence): the caller then scores its word features itself.
  int32_t* Slot(uint64_t key, uint64_t sentence, bool* fresh) {
    const size_t i = key & (kSlots - 1);
    int32_t* row = &scores_[i * width_];
    *fresh = false;
    if (keys_[i] == key) {
      filled_in_[i] = sentence;  // in use by this sentence: no other word may take the slot over
      return row;
    }
    // Most words occur once in an article: a word is cached on its second sighting, so a word
    // seen once costs a key store, not a row to clear and add.
    if (seen_[i] != key) {
      seen_[i] = key;
      return nullptr;
    }
    if (filled_in_[i] == sentence) return nullptr;
    keys_[i] = key;
    filled_in_[i] = sentence;
    std::fill(row, row + width_, 0);
    *fresh = true;
    return row;
  }

 private:
  uint64_t model_serial_ = 0;
  size_t width_ = 0;
  std::vector<uint64_t> keys_;       // word-and-shape key per slot, 0 for none
  std::vector<uint64_t> seen_;       // the key last seen (not yet cached) per slot
  std::vector<uint64_t> filled_in_;  // the sentence (serial) that last filled or read the slot
  std::vector<int32_t> scores_;      // width_ per slot
};

// The two scoring loops of Tag(). They are compiled twice, for the baseline x86-64 target and
// for AVX2, and the AVX2 version is used when the CPU has it: a dense row is int16 weights
// added to int32 scores, which baseline SSE2 can only sign-extend with several instructions
// per vector (AVX2: one vpmovsxwd). The arithmetic is integer, so both give the same tags.
#define SITREP_TAGGER_ALWAYS_INLINE inline __attribute__((always_inline))

// Bumped by Tagger::ForgetThreadCaches: mixed into every cache key, so older entries never match.
thread_local uint64_t cache_epoch = 0;

// Adds a row's weights to `score`, for rows `W` wide (0: the model's width, known only at run time).
// The English model's 49 tags make rows 64 wide: with the width known at compile time the
// compiler adds a whole dense row without a loop counter per 16 tags.
template <size_t W>
SITREP_TAGGER_ALWAYS_INLINE void AddRowOfWidth(const TaggerModel& model, const syntax::Row& r, int32_t* score) {
  if constexpr (W == 0) {
    model.AddRow(r, score);
  } else if (r.dense) {
#pragma GCC unroll 4
    for (size_t k = 0; k < W; ++k) score[k] += r.dense[k];
  } else {
    for (int e = 0; e < r.count; ++e) score[r.sparse[e].tag] += r.sparse[e].weight;
  }
}
constexpr size_t kCommonDenseWidth = 64;

// Looks up the static features of a sentence in a software pipeline, because every lookup is a
// likely cache miss: prefetch the slot of feature j, resolve the slot of feature j - kResolveLag
// (and prefetch its row), add the row of feature j - kAddLag to its token's scores.
template <size_t W>
SITREP_TAGGER_ALWAYS_INLINE void ScoreStaticImpl(const TaggerModel& model, const uint64_t* feats,
                                                 int32_t* const* target, syntax::Row* rows, size_t total) {
  constexpr size_t kResolveLag = 12, kAddLag = 24;
  const auto prefetch = [&](size_t j) { model.PrefetchFeature(feats[j]); };
  const auto resolve = [&](size_t r) {
    rows[r] = model.FindFeature(feats[r]);
    model.PrefetchRow(rows[r]);
  };
  const auto add = [&](size_t r) { AddRowOfWidth<W>(model, rows[r], target[r]); };
  if (total < kAddLag) {  // a short list: one loop that tests where each feature is
    for (size_t j = 0; j < total + kAddLag; ++j) {
      if (j < total) prefetch(j);
      if (j >= kResolveLag && j - kResolveLag < total) resolve(j - kResolveLag);
      if (j >= kAddLag) add(j - kAddLag);
    }
    return;
  }
  // Phase by phase, so that the long middle phase tests nothing.
  size_t j = 0;
  for (; j < kResolveLag; ++j) prefetch(j);
  for (; j < kAddLag; ++j) prefetch(j), resolve(j - kResolveLag);
  for (; j < total; ++j) prefetch(j), resolve(j - kResolveLag), add(j - kAddLag);
  for (; j < total + kResolveLag; ++j) resolve(j - kResolveLag), add(j - kAddLag);
  for (; j < total + kAddLag; ++j) add(j - kAddLag);
}

// The first tag of highest score.
SITREP_TAGGER_ALWAYS_INLINE int FirstBestTag(const int32_t* score, int num_tags) {
  // Max first (vectorisable), then its first index.
  int32_t top = score[0];
  for (int t = 1; t < num_tags; ++t) top = std::max(top, score[t]);
  int best = 0;
  while (score[best] != top) ++best;
  return best;
}

// Adds the previous-tag features to a token's scores and returns the best tag (the first
// of equal maxima).
template <size_t W>
SITREP_TAGGER_ALWAYS_INLINE int BestTagImpl(const TaggerModel& model, const uint64_t* feats, int nf, int32_t* score,
                                            int num_tags) {
  for (int f = 0; f < nf; ++f) AddRowOfWidth<W>(model, model.FindFeature(feats[f]), score);
  return FirstBestTag(score, num_tags);
}

void ScoreStaticBaseline(const TaggerModel& model, const uint64_t* feats, int32_t* const* target, syntax::Row* rows,
                         size_t total) {
  if (model.dense_width() == kCommonDenseWidth) return ScoreStaticImpl<kCommonDenseWidth>(model, feats, target, rows, total);
  ScoreStaticImpl<0>(model, feats, target, rows, total);
}
int BestTagBaseline(const TaggerModel& model, const uint64_t* feats, int nf, int32_t* score, int num_tags) {
  if (model.dense_width() == kCommonDenseWidth) return BestTagImpl<kCommonDenseWidth>(model, feats, nf, score, num_tags);
  return BestTagImpl<0>(model, feats, nf, score, num_tags);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("avx2"))) void ScoreStaticAvx2(const TaggerModel& model, const uint64_t* feats,
                                                     int32_t* const* target, syntax::Row* rows, size_t total) {
  if (model.dense_width() == kCommonDenseWidth) return ScoreStaticImpl<kCommonDenseWidth>(model, feats, target, rows, total);
  ScoreStaticImpl<0>(model, feats, target, rows, total);
}
// FirstBestTag with eight scores per instruction: the max, then the first lane equal to it.
__attribute__((target("avx2"))) int FirstBestTagAvx2(const int32_t* score, int num_tags) {
  int t = 0;
  __m256i top8 = _mm256_set1_epi32(score[0]);
  for (; t + 8 <= num_tags; t += 8)
    top8 = _mm256_max_epi32(top8, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(score + t)));
  __m128i top4 = _mm_max_epi32(_mm256_castsi256_si128(top8), _mm256_extracti128_si256(top8, 1));
  top4 = _mm_max_epi32(top4, _mm_shuffle_epi32(top4, _MM_SHUFFLE(1, 0, 3, 2)));
  top4 = _mm_max_epi32(top4, _mm_shuffle_epi32(top4, _MM_SHUFFLE(2, 3, 0, 1)));
  int32_t top = _mm_cvtsi128_si32(top4);
  for (int rest = t; rest < num_tags; ++rest) top = std::max(top, score[rest]);
  const __m256i want = _mm256_set1_epi32(top);
  for (t = 0; t + 8 <= num_tags; t += 8) {
    const __m256i eq = _mm256_cmpeq_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(score + t)), want);
    if (const int lanes = _mm256_movemask_ps(_mm256_castsi256_ps(eq))) return t + __builtin_ctz(static_cast<unsigned>(lanes));
  }
  while (score[t] != top) ++t;
  return t;
}
__attribute__((target("avx2"))) int BestTagAvx2(const TaggerModel& model, const uint64_t* feats, int nf,
                                                int32_t* score, int num_tags) {
  if (model.dense_width() == kCommonDenseWidth) {
    for (int f = 0; f < nf; ++f) AddRowOfWidth<kCommonDenseWidth>(model, model.FindFeature(feats[f]), score);
  } else {
    for (int f = 0; f < nf; ++f) model.AddRow(model.FindFeature(feats[f]), score);
  }
  return FirstBestTagAvx2(score, num_tags);
}
bool HasAvx2() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return has;
}
#else
bool HasAvx2() { return false; }
#define ScoreStaticAvx2 ScoreStaticBaseline
#define BestTagAvx2 BestTagBaseline
#endif

// A token's score vector cleared, and another added to it, four scores per vector operation (SSE2
// already has them; `width` is a multiple of 16, DenseWidth): no memset call, no scalar loop.
using Scores4 = int32_t __attribute__((vector_size(16)));
void ClearScores(int32_t* score, size_t width) {
  const Scores4 zero = {0, 0, 0, 0};
  for (size_t t = 0; t < width; t += 4) std::memcpy(score + t, &zero, sizeof zero);
}
void AddScores(const int32_t* from, int32_t* score, size_t width) {
  for (size_t t = 0; t < width; t += 4) {
    Scores4 a, b;
    std::memcpy(&a, score + t, sizeof a);
    std::memcpy(&b, from + t, sizeof b);
    a += b;
    std::memcpy(score + t, &a, sizeof a);
  }
}

}  // namespace

void Tagger::Tag(Document* doc, const Sentence& s) const {
  if (s.last_token <= s.first_token || s.last_token > doc->tokens.size()) return;
  const int n = static_cast<int>(s.last_token - s.first_token);
  const size_t un = static_cast<size_t>(n);
  Token* toks = doc->tokens.data() + s.first_token;
  constexpr int K = syntax::kMaxStaticFeatures;
  const int num_tags = model_->num_tags();
  thread_local Scratch sc;
  thread_local WordScoreCache cache;
  thread_local uint64_t sentence_serial = 0;
  const size_t width = model_->dense_width();
  cache.Bind(model_serial_, width);
  const uint64_t serial = ++sentence_serial;
  if (sc.words.size() < un) {
    sc.words.resize(un);
    sc.feats.resize(un * K);
    sc.target.resize(un * K);
    sc.rows.resize(un * K);
    sc.word_scores.resize(un);
  }
  if (sc.scores.size() < un * width) sc.scores.resize(un * width);

  for (int i = 0; i < n; ++i) {
    WordInfo& w = sc.words[static_cast<size_t>(i)];
    // The sentence start counts as whitespace, as in training.
    syntax::ComputeContextInfo(toks[i].norm, toks[i].lower, i == 0 || toks[i].space_before, &w);
    model_->PrefetchWord(w.word);
  }
  // A second pass, so that the lexicon lookups (likely cache misses) overlap.
  for (int i = 0; i < n; ++i) model_->LookupWord(&sc.words[static_cast<size_t>(i)]);
  // All tag-independent features of the sentence that need looking up, in one flat list
  // (dictionary words have none; a word whose scores are cached needs only its context).
  size_t total = 0;
  auto add_features = [&](int k, int32_t* to) {
    std::fill(&sc.target[total], &sc.target[total] + k, to);
    total += static_cast<size_t>(k);
  };
  for (int i = 0; i < n; ++i) {
    const size_t ui = static_cast<size_t>(i);
    WordInfo& w = sc.words[ui];
    sc.word_scores[ui] = nullptr;
    if (w.dict_tag >= 0) continue;
    int32_t* own = &sc.scores[ui * width];
    ClearScores(own, width);
    bool fresh = false;
    int32_t* cached = cache.Slot(syntax::Combine(syntax::Combine(w.word, w.shape), cache_epoch) | 1, serial, &fresh);
    if (!cached || fresh) {
      syntax::ComputeAffixes(toks[i].lower, &w);
      add_features(syntax::ExtractWordFeatures(w, &sc.feats[total]), cached ? cached : own);
    }
    sc.word_scores[ui] = cached;
    add_features(syntax::ExtractContextFeatures(sc.words.data(), n, i, &sc.feats[total]), own);
  }
  const bool avx2 = HasAvx2();
  (avx2 ? ScoreStaticAvx2 : ScoreStaticBaseline)(*model_, sc.feats.data(), sc.target.data(), sc.rows.data(), total);
  for (int i = 0; i < n; ++i) {
    const size_t ui = static_cast<size_t>(i);
    if (const int32_t* c = sc.word_scores[ui]) {
      int32_t* own = &sc.scores[ui * width];
      AddScores(c, own, width);
    }
  }
  // Greedy left-to-right decoding with the previous-tag features. As soon as token i has
  // its tag, the tag features of token i+1 are computed and prefetched, so their likely cache
  // misses overlap with lemmatising token i.
  uint64_t feats[syntax::kMaxTagFeatures];
  int nf = 0;
  char lemma[64];
  int p1 = syntax::kStartTag1, p2 = syntax::kStartTag2;
  if (sc.words[0].dict_tag < 0) nf = syntax::ExtractTagFeatures(sc.words.data(), n, 0, p1, p2, feats);
  for (int i = 0; i < n; ++i) {
    int best = sc.words[static_cast<size_t>(i)].dict_tag;
    if (best < 0) {
      int32_t* score = &sc.scores[static_cast<size_t>(i) * width];
      best = (avx2 ? BestTagAvx2 : BestTagBaseline)(*model_, feats, nf, score, num_tags);
    }
    p2 = p1;
    p1 = best;
    nf = 0;
    if (i + 1 < n && sc.words[static_cast<size_t>(i) + 1].dict_tag < 0) {
      nf = syntax::ExtractTagFeatures(sc.words.data(), n, i + 1, p1, p2, feats);
      for (int f = 0; f < nf; ++f) model_->PrefetchFeature(feats[f]);
    }
    Token& tok = toks[i];
    tok.tag = tag_names_[static_cast<size_t>(best)];
    if (tok.lower.size() + 4 < sizeof lemma) {
      const syntax::WordInfo& w = sc.words[static_cast<size_t>(i)];
      const uint64_t lower_hash = w.has_digit ? syntax::HashBytes(tok.lower) : w.word;
      const int len = LemmatizeInto(tok.norm, tok.lower, lower_hash, best, lemma, sizeof lemma);
      tok.lemma.assign(lemma, static_cast<size_t>(len));
    } else {
      tok.lemma = ProperTag(tok.tag) ? tok.norm : tok.lower;  // URLs and the like: not inflected
    }
  }
}

void Tagger::ForgetThreadCaches() { ++cache_epoch; }

void Tagger::TagAll(Document* doc) const {
  for (const Sentence& s : doc->sentences) Tag(doc, s);
}

int Tagger::LemmatizeInto(std::string_view norm, std::string_view lower, uint64_t lower_hash, int tag, char* buf,
                          int cap) const {
  const std::string& tag_name = tag_names_[static_cast<size_t>(tag)];
  const bool proper = proper_tag_[static_cast<size_t>(tag)];
  std::string_view lemma;
  if (model_->FindLemma(syntax::LemmaKey(lower_hash, tag), &lemma)) {
    const int n = static_cast<int>(std::min<size_t>(lemma.size(), static_cast<size_t>(cap)));
    std::memcpy(buf, lemma.data(), static_cast<size_t>(n));
    return n;
  }
  // Prefixed irregulars the data lacks: "overran" -> "over" + "run", "withdrew" -> "with" + "draw".
  if (!proper && !lower.empty() && prefix_first_byte_[static_cast<unsigned char>(lower[0])]) {
    for (std::string_view p : kPrefixes) {
      // The first byte first: most words start with none of the prefixes.
      if (lower.size() < p.size() + 3 || lower[0] != p[0] || !lower.starts_with(p)) continue;
      std::string_view rest = lower.substr(p.size());
      if (model_->FindLemma(syntax::LemmaKey(syntax::HashBytes(rest), tag), &lemma) &&
          p.size() + lemma.size() <= static_cast<size_t>(cap)) {
        std::memcpy(buf, p.data(), p.size());
        std::memcpy(buf + p.size(), lemma.data(), lemma.size());
        return static_cast<int>(p.size() + lemma.size());
      }
    }
  }
  const std::string_view word = proper ? norm : lower;
  if (!inflected_tag_[static_cast<size_t>(tag)]) {  // what RuleLemma returns for such a tag, without its tests
    const size_t n = std::min(word.size(), static_cast<size_t>(cap));
    std::memcpy(buf, word.data(), n);
    return static_cast<int>(n);
  }
  return syntax::RuleLemma(word, tag_name, ModelLexicon(*model_), buf, cap);
}

std::string Tagger::Lemmatize(std::string_view norm, std::string_view tag) const {
  int id = -1;
  for (size_t t = 0; t < tag_names_.size(); ++t)
    if (tag_names_[t] == tag) id = static_cast<int>(t);
  std::string lower = fold::FoldCase(norm);
  if (id < 0) return ProperTag(tag) ? std::string(norm) : lower;
  if (lower.size() + 4 >= 256) return ProperTag(tag) ? std::string(norm) : lower;
  char buf[256];
  return std::string(buf, static_cast<size_t>(LemmatizeInto(norm, lower, syntax::HashBytes(lower), id, buf, sizeof buf)));
}

std::string DefaultTaggerModelPath() { return DataDir() + "/models/en_ewt_tagger.bin"; }

}  // namespace sitrep
