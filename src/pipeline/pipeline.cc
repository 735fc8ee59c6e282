#include "sitrep/pipeline.h"

namespace sitrep {

// First slice: the stages are wired in as they land (see issue #3..#5).
struct Pipeline::Impl {
  PipelineOptions options;
};

const char* StageTimes::Name(int stage) {
  static const char* kNames[] = {"text", "syntax", "actors", "places", "time", "numbers", "events"};
  return stage >= 0 && stage < kCount ? kNames[stage] : "?";
}

Pipeline::Pipeline() : impl_(std::make_unique<Impl>()) {}
Pipeline::~Pipeline() = default;

Status Pipeline::Open(const PipelineOptions& options, std::unique_ptr<Pipeline>* out) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->impl_->options = options;
  *out = std::move(p);
  return Status::OK();
}

Status Pipeline::Extract(const Article&, std::vector<Event>*, Diagnostics*, StageTimes*) const {
  return Status::OK();
}

}  // namespace sitrep
