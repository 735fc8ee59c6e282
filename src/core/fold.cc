#include "core/fold.h"

#include <cstdlib>

#include <utf8proc.h>

#include "core/strings.h"

namespace sitrep::fold {
namespace {

// utf8proc_map with `options`; invalid UTF-8 (utf8proc refuses it) is lowered byte-wise.
std::string Map(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                          static_cast<utf8proc_ssize_t>(s.size()), &out,
                                          static_cast<utf8proc_option_t>(options));
  if (n < 0) {
    std::free(out);
    return strings::AsciiLower(s);
  }
  std::string r(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  std::free(out);
  return r;
}

constexpr int kCaseFold = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;

}  // namespace

// ASCII is the common case and folds to its lowercase: no utf8proc call.
std::string FoldCase(std::string_view s) {
  return strings::IsAscii(s) ? strings::AsciiLower(s) : Map(s, kCaseFold);
}

std::string FoldAccents(std::string_view s) {
  return strings::IsAscii(s) ? strings::AsciiLower(s) : Map(s, kCaseFold | UTF8PROC_STRIPMARK);
}

}  // namespace sitrep::fold
