// Capitals that stand for their governments: "Kigali denied backing the M23", "Kinshasa accused
// Kigali", "Kigali's support". News uses a national capital for the government far more often
// than for the city when it is the subject of a political or communicative verb, its object
// ("accused Kigali") or a possessor; after "in", "to", "near"... it stays a place. The verbs and
// words are data: data/actors/capitals.txt (format in its header and docs/actors.md).
#ifndef SITREP_SRC_PIPELINE_CAPITALS_H_
#define SITREP_SRC_PIPELINE_CAPITALS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/word_lists.h"
#include "sitrep/actors.h"
#include "sitrep/events.h"
#include "sitrep/places.h"
#include "sitrep/status.h"
#include "sitrep/text.h"

namespace sitrep {

// A national capital named in the text, with the government it may stand for.
struct CapitalMention {
  uint32_t first = 0, last = 0;
  ActorRef government;  // <ISO3>_GOV from the actor dictionary
};

// The places that are national capitals (feature code PPLC) of a country whose government the
// dictionary knows.
std::vector<CapitalMention> FindCapitals(const std::vector<PlaceMention>& places, const Gazetteer& gazetteer,
                                         const ActorDictionary& actors, const Document& doc);

// Whether a capital stands for its government, from the word lists of data/actors/capitals.txt.
class CapitalWords {
 public:
  // Reads the lists from `path`; errors name path:line.
  static Status Load(const std::string& path, std::unique_ptr<CapitalWords>* out);

  // Before tagging, from the words alone: false when the capital starting at `first` follows a
  // city word or a comma ("in Kinshasa", "the capital, Kinshasa"), so that its sentence need not
  // be tagged for it.
  bool MayStandForGovernment(const Document& doc, uint32_t first) const;

  // True when the capital at [first, last) of sentence `s` (tagged) stands for its government.
  bool StandsForGovernment(const Document& doc, const Sentence& s, uint32_t first, uint32_t last) const;

 private:
  // The subject of a political verb, through auxiliaries, adverbs and a coordinated capital.
  bool IsSubjectOfPoliticalVerb(const std::vector<Token>& t, const Sentence& s, uint32_t last) const;

  OwnedWordSet political_verbs_, object_verbs_, auxiliaries_, city_words_;
};

}  // namespace sitrep

#endif  // SITREP_SRC_PIPELINE_CAPITALS_H_
