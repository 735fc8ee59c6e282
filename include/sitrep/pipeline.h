// Pipeline: article in, events out. Loads every stage's data once (dictionaries,
// tagger model, gazetteer index) and is then safe to call from several threads.
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

struct PipelineOptions {
  std::string data_dir;        // empty: DataDir()
  std::string gazetteer_path;  // empty: BuildDataDir()/gazetteer.idx; "none": no gazetteer
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

  // A readable account of what every stage found in `article` (sentences, tokens with tags and
  // lemmas, actor/place/time/count mentions), then the events: for users checking why something
  // was or was not coded (`sitrep explain`).
  Status Explain(const Article& article, std::string* report) const;

  struct Impl;  // internal, see src/pipeline/

 private:
  Pipeline();
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep

#endif  // SITREP_PIPELINE_H_
