// UTF-8 validation and repair (Unicode 15, section 3.9, "U+FFFD substitution of maximal subparts").
#include <algorithm>
#include <string>

#include "sitrep/ingest.h"

namespace sitrep {
namespace {

// For a lead byte, the number of continuation bytes it needs and the allowed range of the
// first continuation byte (the later ones are always 80..BF). Returns false for a byte that
// cannot start a sequence.
bool LeadInfo(unsigned char b, int* need, unsigned char* lo, unsigned char* hi) {
  *lo = 0x80;
  *hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) { *need = 1; return true; }
  if (b == 0xE0) { *need = 2; *lo = 0xA0; return true; }           // no overlongs
  if (b == 0xED) { *need = 2; *hi = 0x9F; return true; }           // no surrogates
  if (b >= 0xE1 && b <= 0xEF) { *need = 2; return true; }
  if (b == 0xF0) { *need = 3; *lo = 0x90; return true; }           // no overlongs
  if (b == 0xF4) { *need = 3; *hi = 0x8F; return true; }           // <= U+10FFFF
  if (b >= 0xF1 && b <= 0xF3) { *need = 3; return true; }
  return false;
}

}  // namespace

Utf8Repair RepairUtf8(std::string* s) {
  Utf8Repair r;
  const std::string& in = *s;
  const size_t n = in.size();
  // Fast path: most input is valid; only allocate once a bad byte is found.
  std::string out;
  size_t copied = 0;  // in[0, copied) has been appended to `out` (when repairing)
  size_t i = 0;
  while (i < n) {
    unsigned char b = in[i];
    if (b < 0x80) { ++i; continue; }
    int need = 0;
    unsigned char lo, hi;
    size_t len = 1;  // length of the valid prefix seen so far
    bool ok = LeadInfo(b, &need, &lo, &hi);
    if (ok) {
      for (int k = 0; k < need; ++k) {
        if (i + len >= n) { ok = false; break; }
        unsigned char c = in[i + len];
        unsigned char min = k == 0 ? lo : 0x80, max = k == 0 ? hi : 0xBF;
        if (c < min || c > max) { ok = false; break; }
        ++len;
      }
    }
    if (ok) { i += len; continue; }
    if (r.first_bad < 0) {
      r.first_bad = static_cast<int64_t>(i);
      out.reserve(n + 16);
    }
    ++r.bad_sequences;
    out.append(in, copied, i - copied);
    out += "\xEF\xBF\xBD";
    i += len;
    copied = i;
  }
  if (r.first_bad >= 0) {
    out.append(in, copied, n - copied);
    *s = std::move(out);
  }
  return r;
}

bool LooksBinary(std::string_view bytes) {
  if (bytes.empty()) return false;
  size_t control = 0;
  for (unsigned char c : bytes) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ++control;
  }
  return control * 10 > bytes.size();
}

bool LooksUtf16(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return true;  // byte order marks
  // Without a mark: mostly ASCII text in UTF-16 has a NUL in every other byte, on one side only.
  const size_t n = std::min<size_t>(bytes.size(), 1024) & ~size_t{1};
  if (n < 8) return false;
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i < n; i += 2) {
    even_nul += bytes[i] == '\0';
    odd_nul += bytes[i + 1] == '\0';
  }
  const size_t pairs = n / 2;
  return (even_nul == 0 && odd_nul * 10 >= pairs * 9) || (odd_nul == 0 && even_nul * 10 >= pairs * 9);
}

}  // namespace sitrep
