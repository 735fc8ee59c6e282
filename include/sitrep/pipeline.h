// Pipeline: article in, events out. Loads every stage's data once (dictionaries,
// tagger model, gazetteer index, word lists) and is then safe to call from several threads.
//
// Example:
//
//   #include "sitrep/pipeline.h"
//
//   std::unique_ptr<sitrep::Pipeline> pipeline;
//   sitrep::Status s = sitrep::Pipeline::Open(sitrep::PipelineOptions{}, &pipeline);
//   if (!s.ok()) {
//     // s.ToString() names the file (and line) at fault, e.g. a missing gazetteer index:
//     // run scripts/setup, or set options.gazetteer_path = "none" to go without places.
//     std::cerr << s.ToString() << "\n";
//     return 1;
//   }
//   sitrep::Article article;
//   article.id = "a1";
//   article.date = "2023-11-06";  // resolves "on Monday", "last week"
//   article.text = "M23 rebels captured the city of Goma on Sunday.";
//   std::vector<sitrep::Event> events;
//   sitrep::Diagnostics diag;  // optional: what could not be resolved in the article
//   s = pipeline->Extract(article, &events, &diag);
//   for (const sitrep::Event& e : events) {
//     // e.plover_type "FIGHT", e.actor1.id "M23", e.location->name "Goma", e.date "2023-11-05"
//     std::cout << sitrep::EventToJson(e) << "\n";  // schema v2, docs/schema.md; other formats: sitrep/output.h
//   }
//
// Reading articles from files or JSON lines: sitrep/ingest.h. Storing events: sitrep/store.h.
// The stages run in the order docs/architecture.md gives (src/pipeline/analyze.cc).
#ifndef SITREP_PIPELINE_H_
#define SITREP_PIPELINE_H_

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/diagnostics.h"
#include "sitrep/event.h"
#include "sitrep/status.h"

namespace sitrep {

class PlaceLessons;  // sitrep/places.h

struct PipelineOptions {
  std::string data_dir;        // empty: DataDir()
  std::string gazetteer_path;  // empty: BuildDataDir()/gazetteer.idx; "none": no gazetteer
  // User actor dictionary folders loaded after data_dir/actors (ActorDictionary::Load): the CLI
  // passes --dict DIR and $SITREP_DICT_PATH. Their entries extend or override ours (warnings()).
  std::vector<std::string> dict_dirs;
};

// Per-stage wall time, accumulated over calls (for benchmarks and --stats).
struct StageTimes {
  enum Stage { kText, kSyntax, kActors, kPlaces, kTime, kNumbers, kEvents, kCount };
  static const char* Name(int stage);
  std::array<double, kCount> seconds{};
};

class Pipeline {
 public:
  static Status Open(const PipelineOptions& options, std::unique_ptr<Pipeline>* out);
  ~Pipeline();

  // Appends the events found in `article` to `events`. Problems with the article
  // (e.g. a relative date with no article date) are reported to `diag` when given.
  Status Extract(const Article& article, std::vector<Event>* events, Diagnostics* diag = nullptr,
                 StageTimes* times = nullptr) const;

  // Adds to `lessons` where the article's admin hints place names the gazetteer lacks ("Mamove
  // (Beni, Nord-Kivu)": PlaceLessons in sitrep/places.h). Runs only the text and places stages:
  // cheap. A batch is learned in a first pass over its articles, then extracted with the lessons:
  //
  //   auto lessons = std::make_shared<sitrep::PlaceLessons>();
  //   for (const sitrep::Article& a : batch) pipeline->Learn(a, lessons.get());
  //   pipeline->UsePlaceLessons(lessons);
  //   for (const sitrep::Article& a : batch) pipeline->Extract(a, &events);
  void Learn(const Article& article, PlaceLessons* lessons) const;

  // The lessons Extract and Explain use from now on (null: none, the default). Not thread-safe:
  // call it while no other thread extracts.
  void UsePlaceLessons(std::shared_ptr<const PlaceLessons> lessons);

  // A readable account of what every stage found in `article` (sentences, tokens with tags and
  // lemmas, actor/place/time/count mentions), then the events: for users checking why something
  // was or was not coded (`sitrep explain`).
  Status Explain(const Article& article, std::string* report) const;

  // Non-fatal problems met by Open, "file:line: ...": e.g. a user dictionary entry that extends
  // or overrides one of ours.
  const std::vector<std::string>& warnings() const;

  struct Impl;  // internal, see src/pipeline/

 private:
  Pipeline();
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep

#endif  // SITREP_PIPELINE_H_
