// Internal: the word tables of the quantity parser, from data/numbers/quantity.txt (format in
// the file), compiled in and parsed once.
#ifndef SITREP_SRC_NUMBERS_QUANTITY_WORDS_H_
#define SITREP_SRC_NUMBERS_QUANTITY_WORDS_H_

#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/word_lists.h"
#include "sitrep/status.h"

namespace sitrep::numbers_internal {

// How the qualifier in front of (or after) a number maps onto low/best/high.
enum class Qual { kNone, kLow, kAbout, kNearly, kUpTo, kBetween };

struct QualPhrase {
  std::string_view words[4];  // not const char*: comparisons check lengths first, no strlen
  Qual qual;
};

struct QuantityWords {
  std::vector<QualPhrase> qualifiers;  // file order
  std::vector<std::string> units;      // zero .. nineteen: the value is the index
  std::vector<std::string> tens;       // twenty .. ninety: the value is 20 + 10 * index
  OwnedWordSet non_count_after;        // "%", "dollars"
  OwnedWordSet money_before;           // "$", "fc"
  std::deque<std::string> storage;     // the words `qualifiers` view (a deque: never moves them)

  QuantityWords() = default;
  QuantityWords(const QuantityWords&) = delete;
  QuantityWords& operator=(const QuantityWords&) = delete;
};

// The number words of `q` with their values: the units ("zero" .. "nineteen"), the tens ("twenty" ..
// "ninety") and each ten joined to a unit by a hyphen ("twenty-five").
std::vector<std::pair<std::string, int>> NumberWords(const QuantityWords& q);

// Parses the text of quantity.txt; `origin` names it in messages (InvalidArgument naming
// origin:line for a malformed line).
Status ParseQuantityWords(std::string_view text, const std::string& origin, QuantityWords* out);

// The tables compiled in from data/numbers/quantity.txt, parsed once. A malformed shipped file
// stops the process with quantity.txt:line on stderr (every test fails).
const QuantityWords& DefaultQuantityWords();

}  // namespace sitrep::numbers_internal

#endif  // SITREP_SRC_NUMBERS_QUANTITY_WORDS_H_
