#include "features.h"

#include <algorithm>

namespace sitrep::syntax {
namespace {

// Template ids: hashed together with each feature's value so templates never collide.
enum Template : uint64_t {
  kBias = 1, kWord, kSuf1, kSuf2, kSuf3, kPre1, kPre2, kPre3, kShape, kShapeFirst,
  kPrevTag, kPrev2Tag, kPrevTags, kPrevTagWord, kPrevWord, kPrevSuf3, kPrev2Word,
  kNextWord, kNextSuf3, kNext2Word, kNextShape, kWordNextWord, kPrevWordWord, kPunctSpacing,
  kAmb, kNextAmb, kPrevAmb, kNext2Amb, kAmbNextAmb, kPrevTagAmb, kSuf4, kPrevTagNextAmb,
};

// Stand-ins for the words before the start and after the end of a sentence.
constexpr uint64_t kStartWord = 0x5374617274ULL, kEndWord = 0x456e64ULL;

inline char Digit0(char c) { return (c >= '0' && c <= '9') ? '0' : c; }

// FNV-1a over the digit-mapped bytes [from, to) of `s`, then mixed (same as HashBytes on
// the mapped string, without building it).
inline __attribute__((always_inline)) uint64_t HashMapped(std::string_view s, size_t from, size_t to) {
  uint64_t h = hash::kFnvOffset64;
  for (size_t i = from; i < to; ++i) h = hash::Fnv1aByte(h, static_cast<unsigned char>(Digit0(s[i])));
  return Mix(h ^ (to - from));
}

constexpr char ShapeClassOf(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

// ShapeClassOf for every byte, looked up instead of compared (it runs on every byte of every
// tagged token).
struct ShapeClassTable {
  char of[256];
  constexpr ShapeClassTable() : of() {
    for (int c = 0; c < 256; ++c) of[c] = ShapeClassOf(static_cast<unsigned char>(c));
  }
};
constexpr ShapeClassTable kShapeClass;

char ShapeClass(unsigned char c) { return kShapeClass.of[c]; }
bool IsAlnumClass(char k) { return k == 'X' || k == 'x' || k == 'd' || k == 'u'; }

}  // namespace

void ComputeWordInfo(std::string_view norm, std::string_view lower, bool space_before, WordInfo* info) {
  ComputeContextInfo(norm, lower, space_before, info);
  ComputeAffixes(lower, info);
}

void ComputeAffixes(std::string_view lower, WordInfo* info) {
  const size_t n = lower.size();
  // The prefixes in one pass: FNV-1a of a prefix continues that of the shorter one, so each
  // value is HashMapped(lower, 0, min(k, n)).
  uint64_t h = hash::kFnvOffset64;
  uint64_t* const pre[3] = {&info->pre1, &info->pre2, &info->pre3};
  for (size_t k = 0; k < 3; ++k) {
    if (k < n) h = hash::Fnv1aByte(h, static_cast<unsigned char>(Digit0(lower[k])));
    *pre[k] = Mix(h ^ std::min(k + 1, n));
  }
  info->suf1 = HashMapped(lower, n - std::min<size_t>(1, n), n);
  info->suf2 = HashMapped(lower, n - std::min<size_t>(2, n), n);
  info->suf4 = HashMapped(lower, n - std::min<size_t>(4, n), n);
}

void ComputeContextInfo(std::string_view norm, std::string_view lower, bool space_before, WordInfo* info) {
  const size_t n = lower.size();
  // HashMapped(lower, 0, n), noting whether a digit was mapped.
  uint64_t word = hash::kFnvOffset64;
  bool digit = false;
  for (char c : lower) {
    digit = digit || (c >= '0' && c <= '9');
    word = hash::Fnv1aByte(word, static_cast<unsigned char>(Digit0(c)));
  }
  info->word = Mix(word ^ n);
  info->has_digit = digit;
  info->suf3 = HashMapped(lower, n - std::min<size_t>(3, n), n);
  // Shape: one class char per byte, runs of the same class capped at two ("Goma" -> "Xxx",
  // "M23" -> "Xdd", "U.N." -> "X.X."), hashed as it is produced.
  uint64_t h = hash::kFnvOffset64;
  char last = 0;
  int run = 0;
  bool alnum = false;
  for (unsigned char c : norm) {
    char k = ShapeClass(c);
    alnum = alnum || IsAlnumClass(k);
    run = (k == last) ? run + 1 : 1;
    last = k;
    if (run <= 2) h = hash::Fnv1aByte(h, static_cast<unsigned char>(k));
  }
  info->shape = Mix(h);
  info->space_before = space_before;
  info->no_alnum = !alnum;
}

int ExtractWordFeatures(const WordInfo& w, uint64_t* out) {
  int k = 0;
  out[k++] = Combine(kBias, 0);
  out[k++] = Combine(kWord, w.word);
  out[k++] = Combine(kSuf1, w.suf1);
  out[k++] = Combine(kSuf2, w.suf2);
  out[k++] = Combine(kSuf3, w.suf3);
  out[k++] = Combine(kSuf4, w.suf4);
  out[k++] = Combine(kPre1, w.pre1);
  out[k++] = Combine(kPre2, w.pre2);
  out[k++] = Combine(kPre3, w.pre3);
  out[k++] = Combine(kShape, w.shape);
  out[k++] = Combine(kAmb, w.amb);
  return k;
}

int ExtractContextFeatures(const WordInfo* words, int n, int i, uint64_t* out) {
  const WordInfo& w = words[i];
  const uint64_t prev_word = i > 0 ? words[i - 1].word : kStartWord;
  const uint64_t prev_suf3 = i > 0 ? words[i - 1].suf3 : kStartWord;
  const uint64_t prev2_word = i > 1 ? words[i - 2].word : kStartWord;
  const uint64_t next_word = i + 1 < n ? words[i + 1].word : kEndWord;
  const uint64_t next_suf3 = i + 1 < n ? words[i + 1].suf3 : kEndWord;
  const uint64_t next_shape = i + 1 < n ? words[i + 1].shape : kEndWord;
  const uint64_t next2_word = i + 2 < n ? words[i + 2].word : kEndWord;
  const uint64_t amb = w.amb;
  const uint64_t prev_amb = i > 0 ? words[i - 1].amb : kStartWord;
  const uint64_t next_amb = i + 1 < n ? words[i + 1].amb : kEndWord;
  const uint64_t next2_amb = i + 2 < n ? words[i + 2].amb : kEndWord;
  int k = 0;
  out[k++] = Combine(kShapeFirst, w.shape ^ (i == 0 ? 1 : 0));
  out[k++] = Combine(kPrevWord, prev_word);
  out[k++] = Combine(kPrevSuf3, prev_suf3);
  out[k++] = Combine(kPrev2Word, prev2_word);
  out[k++] = Combine(kNextWord, next_word);
  out[k++] = Combine(kNextSuf3, next_suf3);
  out[k++] = Combine(kNext2Word, next2_word);
  out[k++] = Combine(kNextShape, next_shape);
  out[k++] = Combine(kWordNextWord, Combine(w.word, next_word));
  out[k++] = Combine(kPrevWordWord, Combine(prev_word, w.word));
  out[k++] = Combine(kNextAmb, next_amb);
  out[k++] = Combine(kPrevAmb, prev_amb);
  out[k++] = Combine(kNext2Amb, next2_amb);
  out[k++] = Combine(kAmbNextAmb, Combine(amb, next_amb));
  if (w.no_alnum) {
    // Opening vs closing quotes ('' vs ``) and dashes differ mostly by the spacing around them.
    const bool space_after = i + 1 < n ? words[i + 1].space_before : true;
    out[k++] = Combine(kPunctSpacing, w.word ^ (w.space_before ? 2 : 0) ^ (space_after ? 4 : 0));
  }
  return k;
}

int ExtractStaticFeatures(const WordInfo* words, int n, int i, uint64_t* out) {
  const int k = ExtractWordFeatures(words[i], out);
  return k + ExtractContextFeatures(words, n, i, out + k);
}

int ExtractTagFeatures(const WordInfo* words, int n, int i, int p1, int p2, uint64_t* out) {
  const WordInfo& w = words[i];
  const uint64_t amb = w.amb;
  const uint64_t next_amb = i + 1 < n ? words[i + 1].amb : kEndWord;
  int k = 0;
  out[k++] = Combine(kPrevTag, static_cast<uint64_t>(p1));
  out[k++] = Combine(kPrev2Tag, static_cast<uint64_t>(p2));
  out[k++] = Combine(kPrevTags, static_cast<uint64_t>(p1) << 8 | static_cast<uint64_t>(p2));
  out[k++] = Combine(kPrevTagWord, Combine(static_cast<uint64_t>(p1), w.word));
  out[k++] = Combine(kPrevTagAmb, Combine(static_cast<uint64_t>(p1), amb));
  out[k++] = Combine(kPrevTagNextAmb, Combine(static_cast<uint64_t>(p1), Combine(amb, next_amb)));
  return k;
}

int ExtractFeatures(const WordInfo* words, int n, int i, int p1, int p2, uint64_t* out) {
  const int k = ExtractStaticFeatures(words, n, i, out);
  return k + ExtractTagFeatures(words, n, i, p1, p2, out + k);
}

}  // namespace sitrep::syntax
