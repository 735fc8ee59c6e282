// The passes of PlaceFinder::Find (place_finder.cc), in the order they run:
//
//  1. candidates (candidates.cc): which token spans name a place of the index, and the cues
//     around each (data/places/cues.txt);
//  1b. admin hints (admin_hints.cc): "X (Beni, Nord-Kivu)", "X (Rafi LGA, Niger)": the area the
//     parentheses name chooses their names' entries and confines X to that area;
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
  TypeCue name_type = kNoType;  // an admin type word that is the name's own last word ("Masisi Territory")
  bool locative = false;   // "in", "at", "near"... before it
  bool near = false;       // "near X", "outside X", "X and its surroundings": precision 2
  bool origin = false;     // "(expelled) from X": where people came from, not a distance ("km from X")
  bool date = false;       // a number beside it: "November 6", "6 March"
  bool initial = false;    // first word of its sentence
  bool direction = false;  // "eastern DR Congo"
  bool in_longer_name = false;  // a capitalised word follows that the name does not take: "Lake"
                                // of "Lake Edward", "David" of "David Komayombi"
  bool after_capitalised = false;  // a capitalised word right before it ("Mau" of "Mau Narok")
  bool acronym = false;    // written in capitals, four letters at most: "UN", "RM"
  double own_vote = 0;     // the weight this name gave its country in the context vote
  // Admin hints (admin_hints.cc):
  int forced = -1;         // a name inside a hint: the entry the hint chose (index into postings)
  bool hint_area = false;  // the inner name of a hint ("Beni" in "X (Beni, Nord-Kivu)"): it says
                           // where X is, not that the event is at it: precision 2 at best
  bool has_area = false;   // X before a hint: its entry must lie in area_cc/area_a1
  std::string_view area_cc, area_a1;  // views into the index; area_a1 empty: the whole country
  std::string_view area_a2;  // the district an inner name of the hint was forced to: a town of X in
                             // another district is not X ("Ibadan (Akinyele LGA, Oyo)")
  // A name the index lacks, or holds only abroad, that other reports placed (PlaceLessons):
  // `postings` is the lesson's province, its one entry. It votes as a place named in the text,
  // and is kept unless an acronym (resolution.cc Accept) or contradicted by the report
  // (PlaceFinder::DropContradictedLessons); a hint of the report's own confines it as any name.
  bool learned = false;
  // Resolution:
  int chosen = -1;         // index into postings
  double best = 0, second = -1e9;
  double lat = 0, lon = 0;
  bool resolved = false;
};

// The name key of tokens [first, last) (NameKeyHash over their `lower`), as the index keys names.
uint64_t TokensKey(const Document& doc, uint32_t first, uint32_t last);

// 1. Candidates: at each capitalised word, the longest token n-gram whose name key is in the
// index, with the cues around it; in text order, not overlapping. Also notes in `country_words`
// the country of each name of a "country XX" cue list ("FARDC": CD), views into `cues`.
// With `lessons`, a run of capitalised words the index lacks but a lesson places is a candidate
// too (Candidate::learned).
std::vector<Candidate> FindCandidates(const Document& doc, const Gazetteer& gazetteer, const PlaceCues& cues,
                                      const PlaceLessons* lessons, std::vector<std::string_view>* country_words);

// 1b. Admin hints: at each "(" after a name or unknown capitalised word, a list of one to three
// capitalised names separated by commas ("(Beni, Nord-Kivu)", "(Rafi LGA, Niger)", "(Walikale)").
// Chooses the area (country, province) that fits the most of those names and X, forces each name
// to its entry in that area (a country of the article's country words first), and confines X to
// it. Text in parentheses with lowercase words ("(no coordinates available)") is no hint. Also
// "in X, Y," where Y is a district or province ending the phrase.
// With `taught`, each hint that places a name the index lacks (X is no candidate) adds what it
// says of X: X's tokens and the province the hint puts it in (PlaceFinder::Learn).
struct HintLesson {
  uint32_t first = 0, last = 0;  // X's tokens
  uint32_t province = 0;         // the province's entry, as the index encodes it
};
void ReadAdminHints(const Document& doc, const Gazetteer& gazetteer, const PlaceCues& cues,
                    const std::vector<std::string_view>& country_words, std::vector<Candidate>* candidates,
                    std::vector<HintLesson>* taught = nullptr);

// The countries and provinces the article is about: weights voted by the candidates.
struct ArticleContext {
  struct Vote {
    std::string_view cc, a1;  // views into the index (or into the PlaceLessons of the batch's countries)
    double w = 0;
  };
  // An article names few countries, so a linear search over views beats a map of strings.
  std::vector<Vote> countries, admin1s;
  double country_total = 0, admin1_total = 0;
  // The part of the country votes given by country names and demonyms ("peacekeepers from
  // Tanzania", "a German journalist"): they say who is involved, not where the article is.
  std::vector<Vote> named_countries;
  double named_total = 0;

  // The weight voted for country `cc` (0 when none).
  double CountryWeight(std::string_view cc) const;
  // The weight voted for the countries other than `cc` by places, admin areas, hints and country
  // words: what grounds the article elsewhere than in `cc`.
  double GroundedElsewhere(std::string_view cc) const;
  // Shares of the votes, in [0, 1].
  double CountryShare(std::string_view cc) const;
  // The country with at least `min_share` of the votes, empty when none (or no votes).
  std::string_view TopCountry(double min_share) const;
  // A vote of weight `w` for country `cc` (a view that must outlive the context).
  void AddVote(std::string_view cc, double w);
  double Admin1Share(std::string_view cc, std::string_view a1) const;
};

// 2. Context: each candidate whose entries all lie in one country votes for it (a country name
// most, a demonym least; an unsupported lone name not at all), and for their province when they
// share one; each country word (FindCandidates) as much as a demonym. Sets each candidate's own_vote.
ArticleContext VoteArticleContext(const Gazetteer& gazetteer, std::vector<Candidate>* candidates,
                                  const std::vector<std::string_view>& country_words);

// 3. Resolution: chooses each candidate's entry and decides whether it is accepted (resolved):
// no place rather than a wrong one.
void ResolveCandidates(const Gazetteer& gazetteer, const ArticleContext& context, std::vector<Candidate>* candidates);

}  // namespace sitrep

#endif  // SITREP_SRC_PLACES_PLACE_PASSES_H_
