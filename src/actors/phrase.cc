// Dictionary phrases: normalisation, tokenisation and indexing, consistent with article tokens.
#include <algorithm>
#include <cctype>

#include "internal.h"

namespace sitrep::actors_internal {

std::string Norm(std::string_view s) {
#ifdef SITREP_ACTORS_HAVE_TEXT
  return NormalizeText(s);
#else
  return std::string(s);
#endif
}

std::string NormLower(std::string_view s) {
#ifdef SITREP_ACTORS_HAVE_TEXT
  return FoldCase(NormalizeText(s));
#else
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
#endif
}

void Tokenize(std::string_view text, Document* doc) {
#ifdef SITREP_ACTORS_HAVE_TEXT
  AnalyzeText(text, doc);
#else
  SimpleTokenize(text, doc);
#endif
}

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

// Common Latin accents -> ASCII, so "Félix" also matches "Felix". Returns false if unchanged.
bool StripAccents(const std::string& in, std::string* out) {
  static const std::pair<const char*, char> kMap[] = {
      {"á", 'a'}, {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ã", 'a'}, {"å", 'a'}, {"ç", 'c'}, {"é", 'e'},
      {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"í", 'i'}, {"ì", 'i'}, {"î", 'i'}, {"ï", 'i'}, {"ñ", 'n'},
      {"ó", 'o'}, {"ò", 'o'}, {"ô", 'o'}, {"ö", 'o'}, {"õ", 'o'}, {"ú", 'u'}, {"ù", 'u'}, {"û", 'u'},
      {"ü", 'u'}, {"ý", 'y'}, {"É", 'E'}, {"Ç", 'C'}, {"Ö", 'O'}, {"Ü", 'U'}, {"Å", 'A'}, {"ô", 'o'}};
  std::string r;
  bool changed = false;
  for (size_t i = 0; i < in.size();) {
    bool hit = false;
    for (const auto& [from, to] : kMap) {
      size_t n = std::char_traits<char>::length(from);
      if (in.compare(i, n, from) == 0) {
        r += to;
        i += n;
        hit = changed = true;
        break;
      }
    }
    if (!hit) r += in[i++];
  }
  if (changed) *out = std::move(r);
  return changed;
}

}  // namespace

std::vector<PhraseToken> TokenizePhrase(std::string_view phrase) {
  Document doc;
  std::string copy(phrase);  // Document keeps a view; keep the text alive for the call
  Tokenize(copy, &doc);
  std::vector<PhraseToken> out;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    PhraseToken p;
    p.norm = t.norm;
    p.lower = t.lower;
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
    if (JoinLower(v) != JoinLower(out[0])) out.push_back(std::move(v));
  }
  size_t n = out.size();
  for (size_t i = 0; i < n; ++i) {
    std::string stripped;
    if (StripAccents(s, &stripped)) {
      auto v = TokenizePhrase(stripped);
      if (JoinLower(v) != JoinLower(out[i])) out.push_back(std::move(v));
      break;
    }
  }
  return out;
}

std::string JoinLower(const std::vector<PhraseToken>& toks) {
  std::string out;
  for (const auto& t : toks) {
    if (!out.empty()) out += ' ';
    out += t.lower;
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

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitList(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view part = Trim(s.substr(start, end - start));
    if (!part.empty()) out.emplace_back(part);
    start = end + 1;
  }
  return out;
}

void PhraseIndex::Add(Phrase p) {
  if (p.tokens.empty()) return;
  std::string key = p.tokens[0].lower;
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

const std::vector<Phrase>* PhraseIndex::Candidates(std::string_view first_lower) const {
  uint32_t h = QuickHash(first_lower);
  if (!(filter_[h >> 6] >> (h & 63) & 1)) return nullptr;
  auto it = map_.find(first_lower);
  return it == map_.end() ? nullptr : &it->second;
}

}  // namespace sitrep::actors_internal
