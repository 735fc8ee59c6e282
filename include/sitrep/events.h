// Event extraction: who did what to whom, where and when, from one analysed article.
//
// The extractor works on a Document whose tokens carry Penn tags and lemmas (syntax stage)
// plus the mentions the other stages found (actors, places, times, counts), and reads roles
// from sentence structure: active/passive voice, "fell to", "pitting X against Y", apposition,
// coordination, relative clauses, reported speech and nominalisations (docs/events.md).
#ifndef SITREP_EVENTS_H_
#define SITREP_EVENTS_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/status.h"
#include "sitrep/text.h"

namespace sitrep {

struct Cues;
class Conventions;
class TopicRules;

// An actor named in the text, already resolved by the actor stage (coreference included).
struct ActorSpan {
  uint32_t first = 0, last = 0;  // token range [first, last)
  ActorRef actor;                // empty id: an unresolved generic ("the rebels" with no antecedent)
  bool modifier_only = false;    // "Rwanda-backed": names a backer, not an agent
};

// A place named in the text, resolved by the places stage.
struct PlaceSpan {
  uint32_t first = 0, last = 0;
  Location loc;
  bool is_demonym = false;  // "Congolese": never an event location
  bool learned = false;     // placed by another report's hint (PlaceLessons), shown by `explain`
};

struct TimeSpan {
  uint32_t first = 0, last = 0;
  std::optional<std::string> date;
  std::string precision = "unknown";
  bool since = false;       // "since January": the start of something ongoing or earlier
  bool vague = false;       // "months after": no date of its own
};

struct CountSpan {
  uint32_t first = 0, last = 0;
  std::string role;  // killed, wounded, displaced, abducted, arrested, troops
  Estimate estimate;
  bool subset = false;       // "6 dead, including 4 soldiers": the 4 is part of the 6
  bool coordinated = false;  // "killed 20 civilians and 5 soldiers": the 5 adds to the 20
  uint32_t noun_first = 0, noun_last = 0;  // the counted noun phrase ("people"); empty if none
};

// Everything the earlier stages found in one article.
struct ArticleAnalysis {
  std::string article_id;
  std::optional<std::string> article_date;  // "YYYY-MM-DD"
  const Document* doc = nullptr;
  // Each list sorted by first token (the extractor splits them by sentence in one pass).
  std::vector<ActorSpan> actors;
  std::vector<PlaceSpan> places;
  std::vector<TimeSpan> times;
  std::vector<CountSpan> counts;
  std::optional<Location> main_place;  // article-level fallback (precision 3)
  // The date of an event its sentence does not date: the week ending at the article date.
  std::optional<std::string> fallback_date;
  // The article's input metadata (Article::metadata: JSON-encoded values), for the section an article
  // may name ("category": "sport"). May be null.
  const std::map<std::string, std::string>* metadata = nullptr;
  // Per sentence: may it hold a trigger (MayHaveTrigger, already computed by the caller)? Empty:
  // the extractor checks itself.
  std::vector<bool> relevant;
};

// Whether a text is about political violence, protest or armed conflict at all, and why
// (data/events/topic.txt states the rules). A sentence that is not codes no event with an ACLED type.
struct TopicDecision {
  bool political = true;
  std::string reason;  // "about sport: 14 sport words, 1 conflict words"; may be empty
};
struct ArticleTopic {
  TopicDecision article;
  std::vector<TopicDecision> sentences;  // one per sentence of the document
};

// How the events of one article were coded, for `sitrep explain`: filled by Extract only when asked,
// so the normal path pays nothing for it.
//
//   sitrep::EventTrace trace;
//   extractor->Extract(analysis, &events, &trace);
//   const auto& r = trace.readings[events[0].trace_id - 1];  // r.pattern "…/data/events/patterns.txt:212"
struct EventTrace {
  // A reading of a trigger coded as an event (Event::trace_id - 1), which may later have been merged
  // into another.
  struct Reading {
    size_t sentence = 0;
    uint32_t first = 0, last = 0;          // the trigger's tokens [first, last)
    std::string pattern;                   // the pattern's line: "<data>/events/patterns.txt:212"
    std::string frame;                     // the pattern's role frame: "attack", "territory"...
    std::vector<std::string> conventions;  // each coding convention applied: "<data>/events/conventions.txt:40"
    std::vector<std::string> notes;        // other decisions: "ACLED type removed: modality 'denied'"
    uint32_t merged_into = 0;              // trace id of the event that absorbed it; 0 if none
    std::string merged_by;                 // how: "duplicate mention", "same incident", "response to the protest"
  };
  // A trigger match that coded no event, and why.
  struct Dropped {
    uint32_t first = 0, last = 0;  // the trigger's tokens (its sentence is the one holding them)
    std::string pattern;
    std::string reason;  // "negated", "part of a name", "not political: ...", "no acting party"...
  };
  std::vector<Reading> readings;
  std::vector<Dropped> dropped;
};

class EventExtractor {
 public:
  // Loads the trigger patterns, cue lists and coding conventions of `data_dir`/events (patterns.txt,
  // irregular_verbs.txt, cues.txt, conventions.txt; docs/events.md); errors name file and line.
  static Status Load(const std::string& data_dir, std::unique_ptr<EventExtractor>* out);
  ~EventExtractor();

  // Appends the article's events, deduplicated within the article. With `trace`, also records how
  // each was coded and why each other trigger coded nothing (EventTrace; `sitrep explain`).
  void Extract(const ArticleAnalysis& analysis, std::vector<Event>* events, EventTrace* trace = nullptr) const;

  // Whether the article and each of its sentences are about political violence (what Extract decides
  // before coding; `sitrep explain` prints it).
  ArticleTopic ReadTopic(const ArticleAnalysis& analysis) const;

  // True when some trigger word of the patterns could start in this sentence: a cheap test that
  // lets the pipeline skip deeper analysis of sentences that cannot report an event.
  bool MayHaveTrigger(const Document& doc, const Sentence& s) const;
  // MayHaveTrigger, and someone who could act is named: an actor (`names_an_actor`, from the actor
  // stage) or a pronoun that can refer to one. An event without an acting party is never kept, so a
  // sentence that fails this cannot yield one and needs no tagging.
  bool MayReport(const Document& doc, const Sentence& s, bool names_an_actor) const;

  // The record of an actor id from the actor dictionary, or nullopt for an unknown id.
  using ActorLookup = std::function<std::optional<ActorRef>(const std::string& id)>;
  // The actor ids the patterns name for events whose text names no party ("agentless: ID").
  std::vector<std::string> AgentlessActorIds() const;
  // Wires in the actor dictionary (kept for the extractor's lifetime, so what it looks in must
  // outlive it): the patterns' agentless actors get their full record (an unknown id is an error
  // naming the pattern's line), and a state that fights is coded as its military (<ISO3>_MIL).
  // Without it agentless actors keep the bare id and states stay states.
  Status BindActors(ActorLookup lookup);

  struct Patterns;

 private:
  EventExtractor();
  std::unique_ptr<Patterns> patterns_;
  std::unique_ptr<Cues> cues_;
  std::unique_ptr<Conventions> conventions_;
  std::unique_ptr<TopicRules> topic_;
  ActorLookup lookup_;
};

}  // namespace sitrep

#endif  // SITREP_EVENTS_H_
