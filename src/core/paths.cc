#include "sitrep/paths.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace sitrep {
namespace {

namespace fs = std::filesystem;

std::string FromEnv(const char* var) {
  const char* v = std::getenv(var);
  return (v && *v) ? std::string(v) : std::string();
}

std::string ExistingDir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) ? dir.lexically_normal().string() : std::string();
}

// <prefix>/share/sitrep when the running program is <prefix>/bin/<name> (an installed sitrep).
std::string InstalledBesideExecutable() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return {};
  return ExistingDir(exe.parent_path().parent_path() / SITREP_INSTALL_DATA_SUBDIR);
}

// The first of: the environment variable, the data beside an installed executable, the source or
// build tree this library was built from, the install prefix it was configured with.
std::string Locate(const char* env_var, const char* tree_dir) {
  if (std::string v = FromEnv(env_var); !v.empty()) return v;
  if (std::string d = InstalledBesideExecutable(); !d.empty()) return d;
  if (std::string d = ExistingDir(tree_dir); !d.empty()) return d;
  if (std::string d = ExistingDir(SITREP_INSTALL_DATA_DIR); !d.empty()) return d;
  return tree_dir;  // missing everywhere: the error names the tree path
}

}  // namespace

std::string DataDir() { return Locate("SITREP_DATA_DIR", SITREP_DATA_DIR); }
std::string BuildDataDir() { return Locate("SITREP_BUILD_DATA_DIR", SITREP_BUILD_DATA_DIR); }
std::string CacheDir() {
  std::string v = FromEnv("SITREP_CACHE_DIR");
  return v.empty() ? std::string(SITREP_CACHE_DIR) : v;
}
std::string Version() { return SITREP_VERSION; }

}  // namespace sitrep
