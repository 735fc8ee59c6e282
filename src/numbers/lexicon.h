// Internal: the parsed role lexicon (data/numbers/roles.txt) and phrase matching on tokens.
#ifndef SITREP_SRC_NUMBERS_LEXICON_H_
#define SITREP_SRC_NUMBERS_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sitrep/numbers.h"

namespace sitrep {

struct CountLexicon::Impl {
  struct Phrase {
    std::vector<std::string> words;
    int role = -1;  // index into Counts::Roles()
  };
  using Index = std::unordered_map<std::string, std::vector<Phrase>>;
  Index after;   // keyed by first word
  Index noun;    // keyed by first word
  Index before;  // keyed by last word
  std::unordered_set<std::string> glue, filler, object, unit;
  // "a soldier", "his bodyguard": a determiner of one (`one`) before a singular person noun (`person`).
  std::unordered_set<std::string> one, person;
  size_t longest_one = 0;  // the length of the longest `one` word
  // "20 people in Goma were killed", "the chief of Irango was killed": words that open a place phrase
  // between a count's noun and its after cue.
  std::unordered_set<std::string> place_preposition;
  // The forms of "be" among the glue: with one, an after cue followed by an object is still passive.
  std::unordered_set<std::string> passive_glue;

  // Longest phrase of `index` starting at token i (< end); returns its length, 0 if none.
  uint32_t MatchForward(const Index& index, const Document& doc, uint32_t i, uint32_t end, int* role) const;
  // Longest phrase of `before` ending at token j (>= begin); returns its length, 0 if none.
  uint32_t MatchBackward(const Document& doc, uint32_t j, uint32_t begin, int* role) const;
};

// The text of data/numbers/roles.txt, compiled in (generated roles_data.cc).
extern const char* const kBuiltinRolesText;

}  // namespace sitrep

#endif  // SITREP_SRC_NUMBERS_LEXICON_H_
