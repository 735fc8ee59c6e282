#include "core/hash.h"

#include <cstdio>

namespace sitrep::hash {

std::string Hex16(uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace sitrep::hash
