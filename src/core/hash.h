// Internal: FNV-1a, the one non-cryptographic string hash of the project (not part of
// include/sitrep/). Its values are persisted (article and event ids, gazetteer index keys,
// tagger model keys): never change the constants or the byte order of what is hashed.
#ifndef SITREP_SRC_CORE_HASH_H_
#define SITREP_SRC_CORE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::hash {

inline constexpr uint64_t kFnvOffset64 = 0xcbf29ce484222325ULL;
inline constexpr uint64_t kFnvPrime64 = 0x100000001b3ULL;
inline constexpr uint32_t kFnvOffset32 = 2166136261u;
inline constexpr uint32_t kFnvPrime32 = 16777619u;

// One FNV-1a 64 step: hash `h` continued with byte `c`.
constexpr uint64_t Fnv1aByte(uint64_t h, unsigned char c) { return (h ^ c) * kFnvPrime64; }

// FNV-1a 64 of `s`, continuing from `h` (the offset basis to start a new hash).
constexpr uint64_t Fnv1a(std::string_view s, uint64_t h = kFnvOffset64) {
  for (unsigned char c : s) h = Fnv1aByte(h, c);
  return h;
}

// FNV-1a 32 of `s`.
constexpr uint32_t Fnv1a32(std::string_view s) {
  uint32_t h = kFnvOffset32;
  for (unsigned char c : s) h = (h ^ c) * kFnvPrime32;
  return h;
}

// 16 lowercase hex digits, the spelling of persisted ids ("00ab...").
std::string Hex16(uint64_t h);

}  // namespace sitrep::hash

#endif  // SITREP_SRC_CORE_HASH_H_
