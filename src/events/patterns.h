// Trigger patterns (data/events/patterns.txt): lemma sequences mapped to a role frame and to
// PLOVER, CAMEO and ACLED codes.
#ifndef SITREP_SRC_EVENTS_PATTERNS_H_
#define SITREP_SRC_EVENTS_PATTERNS_H_

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sitrep/events.h"
#include "core/word_set.h"

namespace sitrep {

enum class Frame {
  kTerritory, kFall, kClash, kAttack, kTransfer, kRetreat, kConsult, kCommunicate, kSupport,
  kCoerce, kDisplace, kProtest, kMobilize, kAgree, kReject, kBlock,
};

struct AcledRule {
  std::string condition;  // "state", "civilians" or "default"
  std::string event_type, sub_event_type;
};

struct Pattern {
  std::vector<std::string> words;  // lemmas, lowercased
  bool verb = false, noun = false;
  Frame frame = Frame::kAttack;
  std::string plover_type, plover_mode, cameo;
  std::vector<AcledRule> acled;
  std::string source;  // "<data dir>/events/patterns.txt:12": error messages, `sitrep explain`
  // The party when the text names none (7th field "agentless: ID"): protesters, an unidentified
  // armed group. Only the id is read from the file; the pipeline fills the rest from the actor
  // dictionary (EventExtractor::BindActors).
  ActorRef agentless;
  enum class AgentlessWhen {
    kPlaceOrToll,  // "agentless: ID": where the sentence says where or what it cost
    kIfToll,       // "agentless if toll: ID": only with a toll in the sentence
    kAnywhere,     // "agentless anywhere: ID": with no place or toll in the sentence too
    kUnlessToll,   // "agentless unless toll: ID": with a place, and no toll (which is another event's)
  };
  AgentlessWhen agentless_when = AgentlessWhen::kPlaceOrToll;
};

// A trigger found in a sentence.
struct TriggerMatch {
  const Pattern* pattern = nullptr;
  uint32_t first = 0, last = 0;  // tokens spanned, gaps included
  uint32_t head = 0;             // the first word (the verb or noun)
};

struct EventExtractor::Patterns {
  std::vector<Pattern> patterns;
  WordMap<std::vector<const Pattern*>> by_first_lemma;
  // For first lemmas with many patterns: "first second" -> the indices (in by_first_lemma's list) of
  // the patterns with that second word, and first -> the indices of the one-word patterns, so that
  // Find tries only the patterns whose second word stands within reach.
  WordMap<std::vector<uint32_t>> by_first_second, single_words;
  // Pre-filter: inflected first word -> the longest later word its multiword patterns need nearby
  // ("" when a one-word pattern starts with it). Keeps "took", "held", "was" from flagging every
  // sentence because of "take control of", "hold a call", "be allied to".
  WordMap<std::vector<std::string>> surface_forms;
  bool MayMatch(const Document& doc, const Sentence& s) const;
  // Inflected first words of the patterns that need no named party (regular inflections only).
  WordMap<char> agentless_forms;
  // Irregular form -> lemma (irregular_verbs.txt), for forms the tagger's lemmatiser misses ("retook").
  WordMap<std::string> irregular_lemma;
  // The first "reject" pattern (walking out of talks): what a withdrawal becomes beside talks.
  const Pattern* walkout = nullptr;

  Status Load(const std::string& dir);
  static constexpr size_t kIndexedCandidates = 16;  // first lemmas with this many patterns are indexed
  void IndexBySecondWord(const std::unordered_map<std::string, std::vector<const Pattern*>>& first_lemma);
  void PickBySecondWord(const Document& doc, const Sentence& s, uint32_t i, const std::string& first,
                        std::vector<uint32_t>* out) const;
  void BuildPreFilter(const std::unordered_map<std::string, std::unordered_set<std::string>>& seconds,
                      const std::unordered_map<std::string, std::string>& irregular);
  // Longest match at each position; a blocking pattern suppresses what it covers.
  std::vector<TriggerMatch> Find(const Document& doc, const Sentence& s) const;
};

Status ParseFrame(const std::string& name, Frame* out);
const char* FrameName(Frame f);

}  // namespace sitrep

#endif  // SITREP_SRC_EVENTS_PATTERNS_H_
