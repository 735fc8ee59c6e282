// Dictionary phrases: normalisation, tokenisation and indexing, consistent with article tokens.
#include <algorithm>
#include <cctype>

#include "core/fold.h"
#include "internal.h"

namespace sitrep::actors_internal {

std::string TokenKey(std::string_view lower) { return fold::FoldAccents(lower); }

namespace {

// An acronym: at least two letters, all of them uppercase ("ADF", "M23"? no: one letter; "U.N.").
bool IsAcronym(std::string_view s) {
  int letters = 0;
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
    if (std::isalpha(c)) {
      if (!std::isupper(c)) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

bool StartsUpper(std::string_view s) {
  return !s.empty() && (std::isupper(static_cast<unsigned char>(s[0])) || static_cast<unsigned char>(s[0]) >= 0x80);
}

}  // namespace

std::vector<PhraseToken> TokenizePhrase(std::string_view phrase) {
  Document doc;
  std::string copy(phrase);  // Document keeps a view; keep the text alive for the call
  AnalyzeText(copy, &doc);
  std::vector<PhraseToken> out;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    PhraseToken p;
    p.norm = t.norm;
    p.key = TokenKey(t.lower);
    if (IsAcronym(t.norm)) {
      p.rule = CaseRule::kExact;
    } else if (i == 0 && StartsUpper(t.norm)) {
      p.rule = CaseRule::kCapitalized;
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::vector<PhraseToken>> PhraseVariants(std::string_view phrase) {
  std::vector<std::vector<PhraseToken>> out;
  out.push_back(TokenizePhrase(phrase));
  std::string s(phrase);
  if (s.find('/') != std::string::npos) {
    // "M23/AFC" -> "M23 / AFC": whichever way the tokenizer splits it, one variant matches.
    std::string spaced;
    for (char c : s) {
      if (c == '/') spaced += " / ";
      else spaced += c;
    }
    auto v = TokenizePhrase(spaced);
    if (JoinKeys(v) != JoinKeys(out[0])) out.push_back(std::move(v));
  }
  return out;
}

std::string JoinKeys(const std::vector<PhraseToken>& toks) {
  std::string out;
  for (const auto& t : toks) {
    if (!out.empty()) out += ' ';
    out += t.key;
  }
  return out;
}

bool IsPartialDate(std::string_view s) {
  auto digits = [&](size_t b, size_t n) {
    if (s.size() < b + n) return false;
    for (size_t i = b; i < b + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
  };
  auto number = [&](size_t b, size_t n) { return std::stoi(std::string(s.substr(b, n))); };
  if (s.size() == 4) return digits(0, 4);
  if (s.size() != 7 && s.size() != 10) return false;
  if (!digits(0, 4) || s[4] != '-' || !digits(5, 2) || number(5, 2) < 1 || number(5, 2) > 12) return false;
  if (s.size() == 7) return true;
  return s[7] == '-' && digits(8, 2) && number(8, 2) >= 1 && number(8, 2) <= 31;
}

bool IsActorId(std::string_view s) {
  if (s.empty()) return false;
  bool upper = false;
  for (unsigned char c : s) {
    if (std::isupper(c)) upper = true;
    else if (!std::isdigit(c) && c != '_') return false;
  }
  return upper;
}

void PhraseIndex::Add(Phrase p) {
  if (p.tokens.empty()) return;
  std::string key = p.tokens[0].key;
  uint32_t h = QuickHash(key);
  filter_[h >> 6] |= uint64_t{1} << (h & 63);
  map_[key].push_back(std::move(p));
}

void PhraseIndex::Finish() {
  for (auto& [key, list] : map_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Phrase& a, const Phrase& b) { return a.tokens.size() > b.tokens.size(); });
  }
}

const std::vector<Phrase>* PhraseIndex::Candidates(std::string_view first_key) const {
  uint32_t h = QuickHash(first_key);
  if (!(filter_[h >> 6] >> (h & 63) & 1)) return nullptr;
  auto it = map_.find(first_key);
  return it == map_.end() ? nullptr : &it->second;
}

}  // namespace sitrep::actors_internal
