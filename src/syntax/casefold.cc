#include "casefold.h"

#include <cstdlib>

#include <utf8proc.h>

namespace sitrep::syntax {

std::string FoldForTagger(std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s) ascii = ascii && c < 0x80;
  if (!ascii) {
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                            static_cast<utf8proc_ssize_t>(s.size()), &out,
                                            static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE |
                                                                           UTF8PROC_STABLE));
    if (n >= 0) {
      std::string r(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
      std::free(out);
      return r;
    }
    std::free(out);
  }
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

}  // namespace sitrep::syntax
