#include "name_key.h"

#include "core/fold.h"
#include "core/hash.h"
#include "sitrep/places.h"

namespace sitrep {
namespace places_internal {

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

// The public header cannot include core/hash.h: it spells the FNV-1a offset basis itself.
static_assert(NameKeyHash{}.h == hash::kFnvOffset64);

// FNV-1a 64 of the tokens joined by one space, a hyphen inside a token hashed as a space: "Mbuji
// Mayi" is "Mbuji-Mayi", "Qansax-Dheere" is "Qansax Dheere". Persisted in the gazetteer index.
void NameKeyHash::AddToken(std::string_view lower_token) {
  if (!empty) h = hash::Fnv1aByte(h, ' ');
  for (const char ch : lower_token) h = hash::Fnv1aByte(h, static_cast<unsigned char>(ch == '-' ? ' ' : ch));
  empty = false;
  if (h == 0) h = 1;  // 0 marks an empty bucket in the index
}

std::vector<std::string> NameKeyTokens(std::string_view name) {
  std::string folded = fold::FoldCase(places_internal::Typography(name));
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
