// PlaceCues: the words around a toponym that say what kind of place it is, whether the text
// places something there, and whether "near" it. Loaded once from data/places/cues.txt (format
// in that file's header and docs/places.md), so that an analyst can edit them without C++.
#ifndef SITREP_SRC_PLACES_PLACE_CUES_H_
#define SITREP_SRC_PLACES_PLACE_CUES_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/word_lists.h"
#include "sitrep/status.h"
#include "sitrep/text.h"
#include "core/word_set.h"

namespace sitrep {

// The kind of place a type word names ("the town of X", "X territory").
enum TypeCue : uint8_t { kNoType, kTypeTown, kTypeAdmin2, kTypeAdmin1, kTypeCapital };

class PlaceCues {
 public:
  // Reads the cue lists from `path`; errors name path:line.
  static Status Load(const std::string& path, std::unique_ptr<PlaceCues>* out);

  // "eastern", "north-west": before a country, a region of it; alone, never a place.
  bool IsDirection(std::string_view lower) const { return direction_.Contains(lower); }
  // "in", "near", "captured": the word before a name says it is a place.
  bool IsLocative(std::string_view lower) const { return locative_.Contains(lower); }
  // "from": the word before a name says where people or things came from ("IDPs expelled from Angola").
  bool IsOrigin(std::string_view lower) const { return origin_.Contains(lower); }
  // The kind named by a word right before a name (or before "of"/","), or right after it.
  TypeCue TypeBefore(std::string_view lower) const { return TypeOf(type_before_, lower); }
  TypeCue TypeAfter(std::string_view lower) const { return TypeOf(type_after_, lower); }
  // "near X", "the outskirts of X": the tokens ending just before `first` say "near".
  bool NearBefore(const std::vector<Token>& tokens, uint32_t first) const;
  // "X area", "X and its surroundings": the tokens from `last` on say "near".
  bool NearAfter(const std::vector<Token>& tokens, uint32_t last) const;
  // "road", "axis": after two names joined by a hyphen ("the Biu-Damaturu road"), a route between them.
  bool IsRouteWord(std::string_view lower) const { return route_after_.Contains(lower); }

  // "al-Hasakeh": a word that starts with a lowercase name particle (list "name particle") and
  // goes on with a capital letter.
  bool StartsWithNameParticle(std::string_view word) const;

  // "FARDC", "Mayi Mayi", "Boko Haram": names that say which country an article is about where
  // its places may not (lists "country XX"). Appends to `*ccs` the ISO2 codes named by the longest
  // words from token `i` on (several when the name is in several lists: "LRA" acts in the DR Congo,
  // the Central African Republic and South Sudan) and returns their number of tokens, 0 when none.
  uint32_t CountryWordAt(const std::vector<Token>& tokens, uint32_t i, std::vector<std::string_view>* ccs) const;

  // "ADF", "Raia Mutomboki", "CODECO": names of groups that act in one province (lists "province
  // XX.A1", A1 the GeoNames admin1 code). Appends to `*out` (country, admin1) for each such name
  // in `tokens`, longest first, views into the cues.
  void ProvinceWordsIn(const std::vector<Token>& tokens,
                       std::vector<std::pair<std::string_view, std::string_view>>* out) const;

  // A list of words and phrases matched on consecutive tokens' `lower` (phrases are few, so a
  // linear pass over them costs less than building a key).
  struct Phrases {
    OwnedWordSet words;
    std::vector<std::vector<std::string>> phrases;  // of two words or more
    // The first and last words of `phrases`: a token next to a name is compared with the phrases
    // only when it is one of them (most tokens are not).
    OwnedWordSet first_words, last_words;
  };

 private:
  static TypeCue TypeOf(const WordMap<TypeCue>& map, std::string_view lower) {
    const TypeCue* t = map.Find(lower);
    return t ? *t : kNoType;
  }

  // A name of a "country XX" list: its words and the country.
  struct CountryWord {
    std::vector<std::string> words;
    std::string cc;
  };
  Status TakeCountryWords(WordLists* lists);
  Status TakeProvinceWords(WordLists* lists);
  struct ProvinceWord {
    std::vector<std::string> words;
    std::string cc, a1;
  };
  std::vector<ProvinceWord> province_words_;
  WordMap<std::vector<uint32_t>> province_first_;
  Status TakeNameParticles(WordLists* lists);

  OwnedWordSet direction_, locative_, origin_, route_after_;
  std::vector<std::string> name_particles_;  // few: a linear scan
  // The first bytes of the particles: most words start with none of them, and skip the scan.
  std::array<bool, 256> particle_first_byte_{};
  std::vector<CountryWord> country_words_;
  WordMap<std::vector<uint32_t>> country_first_;  // first word -> indices into country_words_
  Phrases near_before_, near_after_;
  WordMap<TypeCue> type_before_, type_after_;
};

}  // namespace sitrep

#endif  // SITREP_SRC_PLACES_PLACE_CUES_H_
