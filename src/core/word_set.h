// Internal to the stages (not part of the public API). WordSet: a fixed set of words built once, for the word tests that run on nearly every token
// (time, numbers, event cues). Open addressing with FNV-1a and linear probing: std::unordered_set's
// hash and modulo by a prime showed up in profiles. It stores views: the words must outlive the
// set (string literals, or strings owned next to it, as WordMap does).
#ifndef SITREP_SRC_CORE_WORD_SET_H_
#define SITREP_SRC_CORE_WORD_SET_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/hash.h"

namespace sitrep {

class WordSet {
 public:
  WordSet() = default;  // empty
  WordSet(std::initializer_list<std::string_view> words) { Build(words.begin(), words.end()); }
  template <typename It>
  WordSet(It begin, It end) {
    Build(begin, end);
  }
  bool Contains(std::string_view w) const {
    if (w.empty()) return has_empty_;
    return IndexOf(w) >= 0;
  }
  // The slot of a non-empty word of the set (in [0, slots())), or -1: lets callers keep
  // data per word in a parallel array.
  int IndexOf(std::string_view w) const {
    if (w.empty() || slots_.empty()) return -1;
    for (size_t i = Hash(w) & mask_;; i = (i + 1) & mask_) {
      const std::string_view s = slots_[i];
      if (s.empty()) return -1;
      if (s == w) return static_cast<int>(i);
    }
  }
  size_t slots() const { return slots_.size(); }

 private:
  static size_t Hash(std::string_view w) { return hash::Fnv1a32(w); }
  template <typename It>
  void Build(It begin, It end) {
    size_t n = 0;
    for (It it = begin; it != end; ++it) ++n;
    size_t cap = 16;
    while (cap < 4 * n) cap *= 2;  // load factor at most 1/4: most misses stop at an empty slot
    slots_.assign(cap, std::string_view());
    mask_ = cap - 1;
    for (It it = begin; it != end; ++it) {
      std::string_view w = *it;
      if (w.empty()) {
        has_empty_ = true;
        continue;
      }
      size_t i = Hash(w) & mask_;
      while (!slots_[i].empty() && slots_[i] != w) i = (i + 1) & mask_;
      slots_[i] = w;
    }
  }
  std::vector<std::string_view> slots_;
  size_t mask_ = 0;
  bool has_empty_ = false;
};

// WordMap: a fixed map from non-empty words to values, built once, with WordSet's lookup. It owns
// its keys. Not copyable (the set views the keys); moving keeps the views valid because the
// strings stay in the moved vector's buffer.
template <typename V>
class WordMap {
 public:
  WordMap() = default;
  explicit WordMap(std::vector<std::pair<std::string, V>> entries) {
    keys_.reserve(entries.size());
    std::vector<V> values;
    for (auto& e : entries) {
      if (e.first.empty()) continue;  // never found: lookups of "" miss
      keys_.push_back(std::move(e.first));
      values.push_back(std::move(e.second));
    }
    set_ = WordSet(keys_.begin(), keys_.end());
    values_.resize(set_.slots());
    // A repeated key keeps its last value.
    for (size_t i = 0; i < keys_.size(); ++i) values_[static_cast<size_t>(set_.IndexOf(keys_[i]))] = std::move(values[i]);
  }
  WordMap(const WordMap&) = delete;
  WordMap& operator=(const WordMap&) = delete;
  WordMap(WordMap&&) noexcept = default;
  WordMap& operator=(WordMap&&) noexcept = default;

  const V* Find(std::string_view w) const {
    const int i = set_.IndexOf(w);
    return i < 0 ? nullptr : &values_[static_cast<size_t>(i)];
  }
  bool Contains(std::string_view w) const { return set_.IndexOf(w) >= 0; }

 private:
  std::vector<std::string> keys_;
  WordSet set_;
  std::vector<V> values_;  // per slot of set_
};

}  // namespace sitrep

#endif  // SITREP_SRC_CORE_WORD_SET_H_
