// ParseQuantityAt and ParseCardinalToken: numbers in digits or words with their qualifier.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/numbers.h"
#include "core/strings.h"
#include "core/word_set.h"
#include "quantity_words.h"

namespace sitrep {
namespace {

using numbers_internal::DefaultQuantityWords;
using numbers_internal::Qual;
using numbers_internal::QualPhrase;

const std::string& Lower(const Document& doc, uint32_t i) { return doc.tokens[i].lower; }

bool Is(const Document& doc, uint32_t i, uint32_t end, std::string_view w) {
  return i < end && doc.tokens[i].lower == w;
}

// The qualifier phrases by first word, each list in file order: a token is compared only with
// the phrases it can start (most tokens that may start a quantity, "a" and "an", start none).
const WordMap<std::vector<const QualPhrase*>>& QualifiersByFirstWord() {
  static const auto* by_first = [] {
    std::vector<std::pair<std::string, std::vector<const QualPhrase*>>> firsts;
    for (const QualPhrase& q : DefaultQuantityWords().qualifiers) {
      auto it = std::find_if(firsts.begin(), firsts.end(), [&](const auto& f) { return f.first == q.words[0]; });
      if (it == firsts.end()) firsts.push_back({std::string(q.words[0]), {&q}});
      else it->second.push_back(&q);
    }
    return new WordMap<std::vector<const QualPhrase*>>(std::move(firsts));
  }();
  return *by_first;
}

// Matches the longest qualifier phrase at `i` (the first of equal length in file order); returns
// the number of tokens (0: none).
uint32_t MatchQualifier(const Document& doc, uint32_t i, uint32_t end, Qual* qual) {
  uint32_t best = 0;
  if (i >= end) return 0;
  const std::vector<const QualPhrase*>* starting = QualifiersByFirstWord().Find(Lower(doc, i));
  if (!starting) return 0;
  for (const QualPhrase* phrase : *starting) {
    const QualPhrase& q = *phrase;
    uint32_t n = 0;
    while (n < 4 && !q.words[n].empty() && Is(doc, i + n, end, q.words[n])) ++n;
    if (n > 0 && (n == 4 || q.words[n].empty()) && n > best) {
      best = n;
      *qual = q.qual;
    }
  }
  return best;
}

// "4,000" -> 4000, "7.2" -> 7.2. Rejects ordinals ("20th"), dates ("2023-11-06"), times
// ("10:30"), misplaced separators.
std::optional<double> DigitsValue(std::string_view s) {
  if (s.empty() || s.front() < '0' || s.front() > '9' || s.back() < '0' || s.back() > '9') return std::nullopt;
  double v = 0, scale = 0;  // scale > 0 once past the decimal point
  int digits_since_comma = -1;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (scale > 0) {
        v += (c - '0') / scale;
        scale *= 10;
      } else {
        v = v * 10 + (c - '0');
      }
      if (digits_since_comma >= 0) ++digits_since_comma;
    } else if (c == ',') {
      if (scale > 0 || (digits_since_comma >= 0 && digits_since_comma != 3)) return std::nullopt;
      digits_since_comma = 0;
    } else if (c == '.') {
      if (scale > 0 || (digits_since_comma >= 0 && digits_since_comma != 3)) return std::nullopt;
      digits_since_comma = -1;
      scale = 10;
    } else {
      return std::nullopt;
    }
  }
  if (digits_since_comma >= 0 && digits_since_comma != 3) return std::nullopt;
  return v;
}

int SmallWord(std::string_view w) {
  // Every number word, "twenty-five" as one token included (tens, hyphen, one..nine), looked
  // up with one hash, after a fast reject (called for most words of an article): the first
  // bytes and the longest length of the words of data/numbers/quantity.txt.
  struct Table {
    std::vector<std::string> words;  // filled before `set` views them, never resized after
    std::vector<int> value_by_slot;
    std::unique_ptr<WordSet> set;
    bool first[256] = {};
    size_t max_len = 0;
  };
  static const Table* table = [] {
    const numbers_internal::QuantityWords& q = DefaultQuantityWords();
    auto* t = new Table;
    std::vector<int> values;
    for (auto& [word, value] : numbers_internal::NumberWords(q)) t->words.push_back(std::move(word)), values.push_back(value);
    t->set = std::make_unique<WordSet>(t->words.begin(), t->words.end());
    t->value_by_slot.assign(t->set->slots(), -1);
    for (size_t k = 0; k < t->words.size(); ++k) {
      t->value_by_slot[static_cast<size_t>(t->set->IndexOf(t->words[k]))] = values[k];
      t->first[static_cast<unsigned char>(t->words[k][0])] = true;
      t->max_len = std::max(t->max_len, t->words[k].size());
    }
    return t;
  }();
  if (w.empty() || w.size() > table->max_len || !table->first[static_cast<unsigned char>(w[0])]) return -1;
  const int slot = table->set->IndexOf(w);
  return slot < 0 ? -1 : table->value_by_slot[static_cast<size_t>(slot)];
}
double ScaleWord(std::string_view w) {
  if (w == "hundred") return 1e2;
  if (w == "thousand") return 1e3;
  if (w == "million") return 1e6;
  if (w == "billion") return 1e9;
  return 0;
}

// Vague plurals: the smallest plural of the unit ("dozens" -> 2 dozen), as documented.
double VaguePlural(std::string_view w) {
  if (w == "dozens") return 24;
  if (w == "scores") return 40;
  if (w == "hundreds") return 200;
  if (w == "thousands") return 2000;
  if (w == "millions") return 2e6;
  if (w == "billions") return 2e9;
  return 0;
}

struct Core {
  double value = 0;
  uint32_t next = 0;   // first token after the number
  bool vague = false;  // "dozens", "several": a floor, not an exact figure
  double scale = 1;    // multiplier words applied ("million"): 1 when none
};

// Multipliers after a number: "7 million", "two dozen", "1.5 billion", "one hundred thousand".
void ApplyScales(const Document& doc, uint32_t end, Core* c) {
  while (c->next < end) {
    const std::string& w = Lower(doc, c->next);
    double s = ScaleWord(w);
    if (s == 0 && w == "dozen") s = 12;
    if (s == 0) break;
    c->value *= s;
    c->scale *= s;
    ++c->next;
  }
}

// Digits and the multipliers after them: "4,000", "7 million", "1.5 billion".
std::optional<Core> ParseDigitsCore(const Document& doc, uint32_t i, uint32_t end) {
  std::optional<double> v = DigitsValue(Lower(doc, i));
  if (!v) return std::nullopt;
  Core c{*v, i + 1};
  ApplyScales(doc, end, &c);
  // "1.5 million and a half" is not a thing; "7.2" alone is not a count.
  if (c.value != std::floor(c.value)) return std::nullopt;
  return c;
}

// A number starting with "a"/"an" at i: "a dozen", "a hundred (thousand)", "a few (hundred)",
// "a couple (of)"; nothing else.
std::optional<Core> ParseArticleCore(const Document& doc, uint32_t i, uint32_t end) {
  if (i + 1 >= end) return std::nullopt;
  const std::string& n = Lower(doc, i + 1);
  if (n == "dozen" || ScaleWord(n) > 0) {
    Core c{1, i + 1};
    ApplyScales(doc, end, &c);
    return c;
  }
  if (n == "few" || n == "couple") {
    Core c{2, i + 2, /*vague=*/true};
    ApplyScales(doc, end, &c);
    if (n == "couple" && Is(doc, c.next, end, "of")) ++c.next;
    return c;
  }
  return std::nullopt;
}

// A vague plural at i worth v (see VaguePlural), maybe of a larger one ("hundreds of
// thousands"), and the "of" after it.
Core VaguePluralCore(const Document& doc, uint32_t i, uint32_t end, double v) {
  Core c{v, i + 1, /*vague=*/true};
  if (Is(doc, i + 1, end, "of") && i + 2 < end) {
    double inner = VaguePlural(Lower(doc, i + 2));
    if (inner >= 1000) {
      c.value = v * inner / 2;  // "hundreds of thousands": 200 * 1000
      c.next = i + 3;
    }
  }
  if (Is(doc, c.next, end, "of")) ++c.next;
  return c;
}

// Whether unit word `small` continues a word number whose running value is `current`: a word
// may follow a ten, a hundred or a thousand ("twenty five", "hundred fifty", "thousand two");
// two units in a row ("two three") are two numbers.
bool UnitContinues(double current, int small) {
  const int64_t cur = static_cast<int64_t>(current);
  return cur == 0 || cur % 100 == 0 || (cur % 100 >= 20 && cur % 10 == 0 && small > 0 && small < 10);
}

// Word numbers at i: "two", "twenty five", "one hundred and fifty", "three hundred thousand",
// "one and a half million".
std::optional<Core> ParseNumberWords(const Document& doc, uint32_t i, uint32_t end) {
  Core c;
  double total = 0, current = 0;  // total: past thousands/millions; current: below them
  bool any = false;
  uint32_t j = i;
  while (j < end) {
    const std::string& x = Lower(doc, j);
    if (int small = SmallWord(x); small >= 0) {
      if (any && !UnitContinues(current, small)) break;
      current += small;
      any = true;
      ++j;
      continue;
    }
    if (!any) break;
    if (double s = ScaleWord(x); s > 0) {
      c.scale = s;
      if (s == 100) {
        current = (current == 0 ? 1 : current) * 100;
      } else {
        total += (current == 0 ? 1 : current) * s;
        current = 0;
      }
      ++j;
    } else if (x == "dozen") {
      current = (current == 0 ? 1 : current) * 12;
      ++j;
    } else if (x == "and" && j + 1 < end && SmallWord(Lower(doc, j + 1)) >= 0 && current >= 100) {
      ++j;  // "one hundred and fifty"
    } else if (x == "and" && Is(doc, j + 1, end, "a") && Is(doc, j + 2, end, "half") && j + 3 < end &&
               ScaleWord(Lower(doc, j + 3)) > 0) {
      total += (current + 0.5) * ScaleWord(Lower(doc, j + 3));  // "one and a half million"
      current = 0;
      j += 4;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  c.value = total + current;
  c.next = j;
  return c;
}

// The number itself (no qualifier) at `i`: digits, a vague quantity or number words.
std::optional<Core> ParseCore(const Document& doc, uint32_t i, uint32_t end) {
  if (i >= end) return std::nullopt;
  const Token& t = doc.tokens[i];
  const std::string& w = t.lower;
  if (t.kind == TokenKind::kNumber || (!w.empty() && w[0] >= '0' && w[0] <= '9')) return ParseDigitsCore(doc, i, end);
  if (w == "half" && Is(doc, i + 1, end, "a") && i + 2 < end && ScaleWord(Lower(doc, i + 2)) > 0) {
    return Core{0.5 * ScaleWord(Lower(doc, i + 2)), i + 3};  // "half a million"
  }
  if (w == "a" || w == "an") return ParseArticleCore(doc, i, end);
  if (w == "several") {
    Core c{3, i + 1, /*vague=*/true};
    ApplyScales(doc, end, &c);
    return c;
  }
  if (double v = VaguePlural(w); v > 0) return VaguePluralCore(doc, i, end, v);
  if (w == "tens" && Is(doc, i + 1, end, "of") && i + 2 < end && VaguePlural(Lower(doc, i + 2)) >= 1000) {
    Core c{10 * VaguePlural(Lower(doc, i + 2)), i + 3, /*vague=*/true};  // "tens of thousands": 20,000
    if (Is(doc, c.next, end, "of")) ++c.next;
    return c;
  }
  return ParseNumberWords(doc, i, end);
}

bool IsMoneyBefore(const Document& doc, uint32_t i) {
  if (i == 0) return false;
  return DefaultQuantityWords().money_before.Contains(doc.tokens[i - 1].lower);
}

bool IsCurrencyOrPercent(const Document& doc, uint32_t i, uint32_t end);

// What follows a number makes it a percentage, money or a time: "20 %", "20 million dollars",
// "500 Congolese francs" (one capitalised word may come between), "10 : 30".
bool IsNonCountAfter(const Document& doc, uint32_t i, uint32_t end) {
  if (i >= end) return false;
  if (doc.tokens[i].lower == ":") return true;
  if (IsCurrencyOrPercent(doc, i, end)) return true;
  return strings::StartsAsciiUpper(doc.tokens[i].norm) && IsCurrencyOrPercent(doc, i + 1, end);
}

bool IsCurrencyOrPercent(const Document& doc, uint32_t i, uint32_t end) {
  if (i >= end) return false;
  const std::string& n = doc.tokens[i].lower;
  if (DefaultQuantityWords().non_count_after.Contains(n)) return true;
  if (n == "per" && Is(doc, i + 1, end, "cent")) return true;
  return false;
}

int64_t ToInt(double v) {
  if (v >= static_cast<double>(std::numeric_limits<int64_t>::max())) return std::numeric_limits<int64_t>::max();
  return static_cast<int64_t>(std::llround(v));
}

// (low + high) / 2, computed without overflow: ToInt clamps absurd digit strings to INT64_MAX, and
// the plain sum of two of them overflowed (found by fuzz/pipeline.cc).
int64_t Middle(int64_t low, int64_t high) {
  return static_cast<int64_t>((static_cast<__int128>(low) + high) / 2);
}

// A single token "10-15" (a range, not a date): both sides plain numbers.
bool SplitDashRange(std::string_view w, double* a, double* b) {
  size_t dash = w.find('-');
  if (dash == std::string_view::npos || w.find('-', dash + 1) != std::string_view::npos) return false;
  std::optional<double> x = DigitsValue(w.substr(0, dash)), y = DigitsValue(w.substr(dash + 1));
  if (!x || !y || *x >= *y) return false;
  *a = *x;
  *b = *y;
  return true;
}

// Fast reject: can a quantity start with this token? (One hash lookup for most words.)
bool CanStartQuantity(const Token& t) {
  if (t.kind == TokenKind::kNumber) return true;
  const std::string& w = t.lower;
  if (!w.empty() && w[0] >= '0' && w[0] <= '9') return true;
  // One set for both tests (a qualifier or another word that starts a quantity, or a number word
  // SmallWord knows), so that most tokens cost one hash, not two.
  static const WordSet* starts = [] {
    const numbers_internal::QuantityWords& q = DefaultQuantityWords();
    std::vector<std::string_view> words;
    for (const QualPhrase& qual : q.qualifiers) words.push_back(qual.words[0]);
    for (const char* x : {"a", "an", "half", "several", "tens", "dozens", "scores", "hundreds", "thousands",
                          "millions", "billions"})
      words.push_back(x);
    // The number words of SmallWord: units, tens and "twenty-five" (kept alive for the set's views).
    static std::vector<std::string> number_words;
    for (auto& [word, value] : numbers_internal::NumberWords(q)) number_words.push_back(std::move(word));
    words.insert(words.end(), number_words.begin(), number_words.end());
    return new WordSet(words.begin(), words.end());
  }();
  return starts->Contains(w);
}

}  // namespace

std::optional<int64_t> ParseCardinalToken(std::string_view w) {
  if (w.empty()) return std::nullopt;
  if (w[0] >= '0' && w[0] <= '9') {
    std::optional<double> v = DigitsValue(w);
    if (!v || *v != std::floor(*v)) return std::nullopt;
    return ToInt(*v);
  }
  if (w == "a" || w == "an") return 1;
  if (w == "dozen") return 12;
  int small = SmallWord(w);
  if (small >= 0) return small;
  return std::nullopt;
}

std::optional<Quantity> ParseQuantityAt(const Document& doc, uint32_t token, uint32_t end) {
  if (end > doc.tokens.size()) end = static_cast<uint32_t>(doc.tokens.size());
  if (token >= end || !CanStartQuantity(doc.tokens[token])) return std::nullopt;
  Qual qual = Qual::kNone;
  uint32_t i = token + MatchQualifier(doc, token, end, &qual);
  Quantity q;
  q.first_token = token;
  Estimate& e = q.estimate;

  // Ranges: "between 10 and 15", "10 to 15", "10-15", "two or three".
  double a = 0, b = 0;
  if (i < end && SplitDashRange(doc.tokens[i].lower, &a, &b)) {
    if (IsMoneyBefore(doc, i) || IsNonCountAfter(doc, i + 1, end)) return std::nullopt;
    e.low = ToInt(a);
    e.high = ToInt(b);
    e.best = Middle(*e.low, *e.high);
    q.last_token = i + 1;
    return q;
  }
  std::optional<Core> first = ParseCore(doc, i, end);
  if (!first) return std::nullopt;
  if (IsMoneyBefore(doc, i) || IsNonCountAfter(doc, first->next, end)) return std::nullopt;
  uint32_t next = first->next;
  const bool between = qual == Qual::kBetween;
  if (next < end && !first->vague) {
    const std::string& link = Lower(doc, next);
    bool range_link = between ? link == "and" : (link == "to" || link == "-" || link == "or");
    if (range_link) {
      std::optional<Core> second = ParseCore(doc, next + 1, end);
      if (second && !second->vague && second->value > first->value &&
          !IsNonCountAfter(doc, second->next, end)) {
        // "10 to 15 thousand", "two or three million": the scale of the second applies to both.
        double lo = first->value;
        if (first->scale == 1 && second->scale > 1 && lo * second->scale < second->value) lo *= second->scale;
        e.low = ToInt(lo);
        e.high = ToInt(second->value);
        e.best = Middle(*e.low, *e.high);
        q.last_token = second->next;
        return q;
      }
    }
  }
  if (between) return std::nullopt;  // "between" with no second number
  int64_t n = ToInt(first->value);
  // Suffix qualifiers: "20 or more", "20 or so", "20-plus".
  if (qual == Qual::kNone && Is(doc, next, end, "or") && Is(doc, next + 1, end, "more")) {
    qual = Qual::kLow;
    next += 2;
  } else if (qual == Qual::kNone && Is(doc, next, end, "or") && Is(doc, next + 1, end, "so")) {
    qual = Qual::kAbout;
    next += 2;
  } else if (qual == Qual::kNone && (Is(doc, next, end, "plus") || Is(doc, next, end, "+"))) {
    qual = Qual::kLow;
    next += 1;
  }
  switch (qual) {
    case Qual::kNone:
      e.low = n;
      e.best = n;
      if (!first->vague) e.high = n;
      break;
    case Qual::kLow:
      e.low = n;
      e.best = n;
      break;
    case Qual::kAbout:
      e.best = n;
      break;
    case Qual::kNearly:
      e.best = n;
      e.high = n;
      break;
    case Qual::kUpTo:
      e.high = n;
      break;
    case Qual::kBetween:
      break;
  }
  q.last_token = next;
  return q;
}

}  // namespace sitrep
