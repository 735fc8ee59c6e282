#include "lemma_rules.h"

#include <cstring>

#include "model_format.h"

namespace sitrep::syntax {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsConsonant(char c) { return c >= 'a' && c <= 'z' && !IsVowel(c); }
bool EndsWith(std::string_view w, std::string_view s) { return w.size() >= s.size() && w.substr(w.size() - s.size()) == s; }

int VowelGroups(std::string_view s) {
  int groups = 0;
  bool in = false;
  for (char c : s) {
    bool v = IsVowel(c) || (c == 'y' && in == false && groups > 0);
    if (v && !in) ++groups;
    in = v;
  }
  return groups;
}

// "stopp" -> true (the -ed/-ing form doubled the final consonant). "kill", "pass", "buzz"
// and "staff" double in the base form too, so -ll is only undoubled in longer stems
// ("patroll" -> "patrol").
bool Doubled(std::string_view s) {
  const size_t n = s.size();
  if (n < 3 || s[n - 1] != s[n - 2] || !IsConsonant(s[n - 1])) return false;
  const char c = s[n - 1];
  if (c == 's' || c == 'f' || c == 'z') return false;
  if (c == 'l') return VowelGroups(s) >= 2;
  return true;
}

bool In(const char* set, char c) { return c != 0 && std::strchr(set, c) != nullptr; }

// Whether an -ed/-ing stem lost a final silent e: "seiz", "captur", "escalat", "invad".
// A heuristic for words not in the lexicon; common verbs are settled by the lexicon.
bool NeedsE(std::string_view s) {
  const size_t n = s.size();
  if (n < 2) return false;
  const char a = s[n - 2], b = s[n - 1];
  if (b == 'v' || b == 'u' || (b == 'c' && a != 'c')) return true;  // receiv(e), continu(e), forc(e)
  if (b == 'z' && a != 'z') return true;                              // seiz(e)
  if (b == 'g' && (a == 'd' || a == 'r')) return true;                // judg(e), charg(e)
  if (b == 'l' && In("bcdfgkptz", a)) return true;                    // troubl(e), settl(e)
  if (b == 's' && (In("nrp", a) || IsVowel(a))) return true;          // licens(e), collaps(e), caus(e)
  if (n < 3) return false;
  const char z = s[n - 3];
  // Otherwise only consonant + single vowel + consonant endings can have lost an e.
  if (!IsConsonant(b) || In("wxy", b) || !IsVowel(a) || IsVowel(z)) return false;
  if (a == 'u' && b == 'r') return true;                              // captur(e), secur(e)
  if (a == 'i') return b == 'r' || b == 'd' || VowelGroups(s) == 1;   // requir(e), decid(e), bit(e)
  if (a == 'a') return !In("nl", b) || VowelGroups(s) == 1;           // escalat(e), escap(e), declar(e)
  if (a == 'u') return !In("nlr", b) || VowelGroups(s) == 1;          // execut(e), reduc(e)
  if (a == 'o') return In("dkvz", b) || VowelGroups(s) == 1;          // explod(e), provok(e), vot(e)
  return VowelGroups(s) == 1 && !In("nrl", b);  // e: one syllable only (delet(e)), not target, open
}

// A candidate lemma: the first `keep` bytes of the word plus `add`.
struct Candidate {
  size_t keep;
  const char* add;
};

int Emit(std::string_view word, Candidate c, char* buf, int cap) {
  const size_t add = std::strlen(c.add);
  size_t n = c.keep + add;
  if (n > static_cast<size_t>(cap)) n = static_cast<size_t>(cap);
  const size_t k = c.keep < n ? c.keep : n;
  std::memcpy(buf, word.data(), k);
  std::memcpy(buf + k, c.add, n - k);
  return static_cast<int>(n);
}

}  // namespace

bool TagHasLemmaRules(std::string_view tag) {
  return tag == "NNS" || tag == "NNPS" || tag == "VBZ" || tag == "VBD" || tag == "VBN" || tag == "VBG" ||
         tag == "JJR" || tag == "RBR" || tag == "JJS" || tag == "RBS";
}

int RuleLemma(std::string_view word, std::string_view tag, const LemmaLexicon& lex, char* buf, int cap) {
  const size_t n = word.size();
  Candidate cands[6];
  int num = 0;
  uint32_t want = 0;  // LemmaClass preferred for the lemma
  Candidate fallback{n, ""};
  if (!TagHasLemmaRules(tag)) return Emit(word, fallback, buf, cap);

  if (tag == "NNS" || tag == "NNPS" || tag == "VBZ") {
    want = tag == "VBZ" ? kLemmaVerb : kLemmaNoun;
    if (EndsWith(word, "ies") && n > 4) cands[num++] = {n - 3, "y"};
    if (EndsWith(word, "ves") && n > 4) {
      cands[num++] = {n - 3, "f"};
      cands[num++] = {n - 3, "fe"};
    }
    if (EndsWith(word, "es") && n > 3) cands[num++] = {n - 2, ""};
    if (EndsWith(word, "s") && !EndsWith(word, "ss") && n > 2) cands[num++] = {n - 1, ""};
    if (EndsWith(word, "ies") && n > 4) {
      fallback = {n - 3, "y"};
    } else if (EndsWith(word, "sses") || EndsWith(word, "shes") || EndsWith(word, "ches") || EndsWith(word, "xes") ||
               EndsWith(word, "zzes")) {
      fallback = {n - 2, ""};
    } else if (EndsWith(word, "s") && !EndsWith(word, "ss") && !EndsWith(word, "us") && !EndsWith(word, "is") &&
               n > 2) {
      fallback = {n - 1, ""};
    }
  } else if (tag == "VBD" || tag == "VBN") {
    want = kLemmaVerb;
    if (EndsWith(word, "ied") && n > 4) {
      cands[num++] = {n - 3, "y"};
      fallback = {n - 3, "y"};
    } else if (EndsWith(word, "ed") && n > 3) {
      std::string_view stem = word.substr(0, n - 2);
      cands[num++] = {n - 1, ""};  // seize-d
      cands[num++] = {n - 2, ""};  // kill-ed
      if (Doubled(stem)) cands[num++] = {n - 3, ""};  // stopp-ed
      if (Doubled(stem)) fallback = {n - 3, ""};
      else if (NeedsE(stem)) fallback = {n - 1, ""};
      else fallback = {n - 2, ""};
    } else if (EndsWith(word, "en") && n > 4) {
      cands[num++] = {n - 1, ""};  // drive-n, take-n
      cands[num++] = {n - 2, ""};  // beat-en
    }
  } else if (tag == "VBG") {
    want = kLemmaVerb;
    if (EndsWith(word, "ying") && n > 5) cands[num++] = {n - 4, "ie"};  // dying -> die
    if (EndsWith(word, "ing") && n > 4) {
      std::string_view stem = word.substr(0, n - 3);
      cands[num++] = {n - 3, ""};
      cands[num++] = {n - 3, "e"};
      if (Doubled(stem)) cands[num++] = {n - 4, ""};
      if (Doubled(stem)) fallback = {n - 4, ""};
      else if (NeedsE(stem)) fallback = {n - 3, "e"};
      else fallback = {n - 3, ""};
    }
  } else if (tag == "JJR" || tag == "RBR" || tag == "JJS" || tag == "RBS") {
    want = tag[0] == 'J' ? kLemmaAdj : kLemmaAdv;
    const size_t cut = (tag == "JJR" || tag == "RBR") ? 2 : 3;
    std::string_view suffix = cut == 2 ? "er" : "est";
    if (EndsWith(word, suffix) && n > cut + 2) {
      std::string_view stem = word.substr(0, n - cut);
      if (stem.back() == 'i') cands[num++] = {n - cut - 1, "y"};
      cands[num++] = {n - cut, ""};
      cands[num++] = {n - cut, "e"};
      if (Doubled(stem)) cands[num++] = {n - cut - 1, ""};
      if (stem.back() == 'i') fallback = {n - cut - 1, "y"};
      else if (Doubled(stem)) fallback = {n - cut - 1, ""};
      else if (NeedsE(stem)) fallback = {n - cut, "e"};
      else fallback = {n - cut, ""};
    }
  }

  if (num > 0 && n < 64) {
    char tmp[72];
    // Pass 1: a candidate seen in training with the wanted class; pass 2: with any class.
    for (int pass = 0; pass < 2; ++pass) {
      for (int i = 0; i < num; ++i) {
        if (cands[i].keep + std::strlen(cands[i].add) < 2) continue;
        const int len = Emit(word, cands[i], tmp, sizeof tmp);
        const uint32_t classes = lex.Classes(std::string_view(tmp, static_cast<size_t>(len)));
        if (pass == 0 ? (classes & want) != 0 : classes != 0) return Emit(word, cands[i], buf, cap);
      }
    }
  }
  return Emit(word, fallback, buf, cap);
}

}  // namespace sitrep::syntax
