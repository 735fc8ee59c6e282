#include "name_key.h"

#include <cstdlib>
#include <utf8proc.h>

#include "sitrep/places.h"

namespace sitrep {
namespace places_internal {
namespace {

std::string Map(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) {  // invalid UTF-8: fall back to ASCII lowering
    std::string r(s);
    for (char& c : r) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
  }
  std::string r(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return r;
}

}  // namespace

std::string Fold(std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s) ascii &= c < 0x80;
  if (ascii) {  // fast path, and the common case
    std::string r(s);
    for (char& c : r) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
  }
  return Map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

std::string FoldAscii(std::string_view s) {
  return Map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
}

std::string Typography(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto u = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (i + 2 < s.size() && u(0) == 0xE2 && u(1) == 0x80) {
      unsigned char c = u(2);
      if (c == 0x98 || c == 0x99) { r += '\''; i += 2; continue; }       // ‘ ’
      if (c == 0x9C || c == 0x9D) { r += '"'; i += 2; continue; }        // “ ”
      if (c >= 0x90 && c <= 0x95) { r += '-'; i += 2; continue; }        // hyphens, dashes
    }
    r += s[i];
  }
  return r;
}

}  // namespace places_internal

void NameKeyHash::AddToken(std::string_view lower_token) {
  if (!empty) {
    h ^= 0x20;
    h *= 1099511628211ull;
  }
  for (unsigned char c : lower_token) {
    h ^= c;
    h *= 1099511628211ull;
  }
  empty = false;
  if (h == 0) h = 1;  // 0 marks an empty bucket in the index
}

std::vector<std::string> NameKeyTokens(std::string_view name) {
  std::string folded = places_internal::Fold(places_internal::Typography(name));
  std::vector<std::string> tokens;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  // Punctuation an article tokeniser splits off a word; inner hyphens, apostrophes and
  // periods ("Mbuji-Mayi", "D.R.") stay inside the token.
  auto is_split = [](char c) {
    return c == ',' || c == '(' || c == ')' || c == '"' || c == ';' || c == ':' || c == '!' || c == '?';
  };
  std::string cur;
  auto flush = [&] {
    if (cur.size() > 2 && cur.compare(cur.size() - 2, 2, "'s") == 0) {
      tokens.push_back(cur.substr(0, cur.size() - 2));
      tokens.push_back("'s");
    } else if (!cur.empty()) {
      tokens.push_back(cur);
    }
    cur.clear();
  };
  for (char c : folded) {
    if (is_space(c)) {
      flush();
    } else if (is_split(c)) {
      flush();
      tokens.emplace_back(1, c);
    } else {
      cur += c;
    }
  }
  flush();
  return tokens;
}

uint64_t NameKey(std::string_view name) {
  NameKeyHash h;
  for (const std::string& t : NameKeyTokens(name)) h.AddToken(t);
  return h.value();
}

}  // namespace sitrep
