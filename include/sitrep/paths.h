// Where sitrep finds its data at run time. Each has an environment override so an
// installed binary, a test or a user can point elsewhere. Without it, DataDir() and BuildDataDir() are,
// in order: <prefix>/share/sitrep when the running program is <prefix>/bin/<name> and that folder
// exists (an installed sitrep, wherever it was installed), the source tree's data/ (resp. the build
// tree's data/) this library was built from, and the configured install prefix's share/sitrep.
#ifndef SITREP_PATHS_H_
#define SITREP_PATHS_H_

#include <string>

namespace sitrep {

// Our dictionaries and models (data/ in the source tree). Env: SITREP_DATA_DIR.
std::string DataDir();
// Files made by the build (the gazetteer index). Env: SITREP_BUILD_DATA_DIR. Installed, both are
// <prefix>/share/sitrep.
std::string BuildDataDir();
// Downloaded npm data packages (.cache/ in the source tree). Env: SITREP_CACHE_DIR.
std::string CacheDir();
// "0.1.0".
std::string Version();

}  // namespace sitrep

#endif  // SITREP_PATHS_H_
