// What the pipeline's files share: the loaded stages (Pipeline::Impl), the stage timer, and
// Analyze, which runs every stage before event extraction (analyze.cc).
#ifndef SITREP_SRC_PIPELINE_INTERNAL_H_
#define SITREP_SRC_PIPELINE_INTERNAL_H_

#include <chrono>
#include <memory>

#include "capitals.h"
#include "sitrep/actors.h"
#include "sitrep/events.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"
#include "sitrep/syntax.h"

namespace sitrep {

// Everything Open loads, once; read-only afterwards, so one Pipeline serves several threads.
struct Pipeline::Impl {
  PipelineOptions options;
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<ActorDictionary> actors;
  std::unique_ptr<Gazetteer> gazetteer;  // null with --gazetteer none
  std::unique_ptr<PlaceFinder> places;
  std::unique_ptr<CapitalWords> capital_words;
  std::unique_ptr<EventExtractor> extractor;
  std::shared_ptr<const PlaceLessons> place_lessons;  // Pipeline::UsePlaceLessons; null: none
};

// Adds the wall time since the last lap to a stage's total (when `times` is given).
struct StageTimer {
  using Clock = std::chrono::steady_clock;
  StageTimes* times;
  Clock::time_point start = Clock::now();
  void Lap(int stage) {
    Clock::time_point now = Clock::now();
    if (times) times->seconds[stage] += std::chrono::duration<double>(now - start).count();
    start = now;
  }
};

// Runs every stage before event extraction on `article`: fills `doc` and `a` (which points
// into `doc`, so `doc` must outlive it). Problems with the article go to `diag` when given.
void Analyze(const Pipeline::Impl& im, const Article& article, Document* doc, ArticleAnalysis* a, Diagnostics* diag,
             StageTimer& timer);

// The events part of Explain: each event (JSON) with the pattern line, frame and conventions that coded
// it, then the triggers that coded nothing and why (explain_events.cc).
void ExplainEvents(const Document& doc, const std::vector<Event>& events, const EventTrace& trace, std::string* r);

}  // namespace sitrep

#endif  // SITREP_SRC_PIPELINE_INTERNAL_H_
