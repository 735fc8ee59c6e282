// Where sitrep finds its data at run time. Each has an environment override so an
// installed binary, a test or a user can point elsewhere.
#ifndef SITREP_PATHS_H_
#define SITREP_PATHS_H_

#include <string>

namespace sitrep {

// Our dictionaries and models (data/ in the source tree). Env: SITREP_DATA_DIR.
std::string DataDir();
// Files built at set-up (e.g. the gazetteer index). Env: SITREP_BUILD_DATA_DIR.
std::string BuildDataDir();
// Downloaded npm data packages (.cache/ in the source tree). Env: SITREP_CACHE_DIR.
std::string CacheDir();
// "0.1.0".
std::string Version();

}  // namespace sitrep

#endif  // SITREP_PATHS_H_
