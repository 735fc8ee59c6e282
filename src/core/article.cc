#include "sitrep/article.h"

#include <cstdint>

#include "core/calendar.h"
#include "core/hash.h"

namespace sitrep {

// FNV-1a 64 of "source \0 url \0 text". Persisted: the value must never change.
std::string ComputeArticleId(const std::string& source, const std::string& url, const std::string& text) {
  uint64_t h = hash::Fnv1a(source);
  h = hash::Fnv1aByte(h, '\0');
  h = hash::Fnv1a(url, h);
  h = hash::Fnv1aByte(h, '\0');
  h = hash::Fnv1a(text, h);
  return hash::Hex16(h);
}

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  return y >= 1 && calendar::IsValidDate(y, m, d);
}

}  // namespace sitrep
