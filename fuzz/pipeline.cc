// The whole pipeline on one article (text from the input, repaired to UTF-8; no gazetteer, so the
// target needs no built data): every stage must survive any text, and every event's evidence
// offsets must lie inside the article.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "sitrep/ingest.h"
#include "sitrep/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unique_ptr<sitrep::Pipeline> pipeline = [] {
    sitrep::PipelineOptions po;
    po.gazetteer_path = "none";
    std::unique_ptr<sitrep::Pipeline> p;
    if (!sitrep::Pipeline::Open(po, &p).ok()) std::abort();
    return p;
  }();
  if (size > 8192) return 0;  // long inputs only slow the search down
  sitrep::Article a;
  a.text.assign(reinterpret_cast<const char*>(data), size);
  sitrep::RepairUtf8(&a.text);
  a.date = "2023-11-07";
  a.id = "fuzz";
  std::vector<sitrep::Event> events;
  sitrep::Diagnostics diag;
  if (!pipeline->Extract(a, &events, &diag).ok()) return 0;
  for (const sitrep::Event& e : events) {
    const auto& ev = e.evidence;
    if (ev.start < 0 || ev.end > static_cast<int64_t>(a.text.size()) || ev.start > ev.end) std::abort();
    (void)sitrep::EventToJson(e);
  }
  return 0;
}
