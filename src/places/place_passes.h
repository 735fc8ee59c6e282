// The passes of PlaceFinder::Find (place_finder.cc), in the order they run:
//
//  1. candidates (candidates.cc): which token spans name a place of the index, and the cues
//     around each (data/places/cues.txt);
//  2. context (article_context.cc): which countries and provinces the article is about, voted
//     by the candidates that are unambiguous;
//  3. resolution (resolution.cc): which entry of the index each candidate is, or none: entries
//     scored by kind, population, context, cues and (second round) closeness to the other
//     places, the best kept only when something supports it.
#ifndef SITREP_SRC_PLACES_PLACE_PASSES_H_
#define SITREP_SRC_PLACES_PLACE_PASSES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "place_cues.h"
#include "sitrep/places.h"
#include "sitrep/text.h"

namespace sitrep {

// A run of tokens whose name key is in the index: what the candidates pass finds (span, entries,
// cues) and what the resolution pass decides (the entry chosen, if any).
struct Candidate {
  uint32_t first = 0, last = 0;            // token span of the name itself
  uint32_t span_first = 0, span_last = 0;  // with a direction word or type word around it
  const uint32_t* postings = nullptr;      // the index entries of the name (Gazetteer::DecodePosting)
  size_t n = 0;
  TypeCue type = kNoType;
  bool locative = false;   // "in", "at", "near"... before it
  bool near = false;       // "near X", "outside X", "X and its surroundings": precision 2
  bool date = false;       // a number beside it: "November 6", "6 March"
  bool initial = false;    // first word of its sentence
  bool direction = false;  // "eastern DR Congo"
  double own_vote = 0;     // the weight this name gave its country in the context vote
  // Resolution:
  int chosen = -1;         // index into postings
  double best = 0, second = -1e9;
  double lat = 0, lon = 0;
  bool resolved = false;
};

// 1. Candidates: at each capitalised word, the longest token n-gram whose name key is in the
// index, with the cues around it; in text order, not overlapping.
std::vector<Candidate> FindCandidates(const Document& doc, const Gazetteer& gazetteer, const PlaceCues& cues);

// The countries and provinces the article is about: weights voted by the candidates.
struct ArticleContext {
  struct Vote {
    std::string_view cc, a1;  // views into the index
    double w = 0;
  };
  // An article names few countries, so a linear search over views beats a map of strings.
  std::vector<Vote> countries, admin1s;
  double country_total = 0, admin1_total = 0;

  // The weight voted for country `cc` (0 when none).
  double CountryWeight(std::string_view cc) const;
  // Shares of the votes, in [0, 1].
  double CountryShare(std::string_view cc) const;
  double Admin1Share(std::string_view cc, std::string_view a1) const;
};

// 2. Context: each candidate whose entries all lie in one country votes for it (a country name
// most, a demonym least; an unsupported lone name not at all), and for their province when they
// share one. Sets each candidate's own_vote.
ArticleContext VoteArticleContext(const Gazetteer& gazetteer, std::vector<Candidate>* candidates);

// 3. Resolution: chooses each candidate's entry and decides whether it is accepted (resolved):
// no place rather than a wrong one.
void ResolveCandidates(const Gazetteer& gazetteer, const ArticleContext& context, std::vector<Candidate>* candidates);

}  // namespace sitrep

#endif  // SITREP_SRC_PLACES_PLACE_PASSES_H_
