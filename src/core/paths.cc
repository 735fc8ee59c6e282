#include "sitrep/paths.h"

#include <cstdlib>

namespace sitrep {
namespace {
std::string FromEnv(const char* var, const char* fallback) {
  const char* v = std::getenv(var);
  return (v && *v) ? std::string(v) : std::string(fallback);
}
}  // namespace

std::string DataDir() { return FromEnv("SITREP_DATA_DIR", SITREP_DATA_DIR); }
std::string BuildDataDir() { return FromEnv("SITREP_BUILD_DATA_DIR", SITREP_BUILD_DATA_DIR); }
std::string CacheDir() { return FromEnv("SITREP_CACHE_DIR", SITREP_CACHE_DIR); }
std::string Version() { return SITREP_VERSION; }

}  // namespace sitrep
