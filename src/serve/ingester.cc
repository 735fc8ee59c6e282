// OpenStoreIngester: the write side of `sitrep serve` (include/sitrep/serve.h). Posted JSON lines go
// through the CLI's reader (same bad-input rules), the pipeline and Store::Write, like `sitrep ingest`.
#include <mutex>
#include <sstream>

#include "sitrep/ingest.h"
#include "sitrep/serve.h"

namespace sitrep {
namespace {

constexpr size_t kMaxReportedDiagnostics = 100;

class StoreIngester : public ArticleIngester {
 public:
  StoreIngester(std::unique_ptr<Store> store, std::unique_ptr<Pipeline> pipeline)
      : store_(std::move(store)), pipeline_(std::move(pipeline)) {}

  Status Ingest(const std::string& jsonl, IngestReport* report) override {
    std::lock_guard<std::mutex> lock(mu_);
    std::istringstream in(jsonl);
    ReadOptions options;
    options.format = InputFormat::kJsonLines;
    options.stdin_stream = &in;
    Diagnostics diag;
    diag.SetSink([report](const Diagnostic& d) {
      if (report->diagnostics.size() < kMaxReportedDiagnostics) report->diagnostics.push_back(d.ToString());
    });
    Store::Batch batch;
    ReadStats stats;
    int64_t extract_failed = 0;
    Status s = ReadArticles(
        {"-"}, options, &diag,
        [&](Article&& article) { return Extract(std::move(article), &diag, &batch, &extract_failed); }, &stats);
    report->skipped = stats.skipped;
    report->failed = stats.failed + extract_failed;
    if (!s.ok()) return s;
    WriteStats written;
    if (!(s = store_->Write(batch, &written)).ok()) return s;
    report->articles_new = written.articles_new;
    report->articles_existing = written.articles_existing;
    report->events_new = written.events_new;
    return Status::OK();
  }

 private:
  // Runs the pipeline on `article` and adds it with its events to `batch` (an extraction failure is
  // reported against the article, as `sitrep ingest` does).
  Status Extract(Article&& article, Diagnostics* diag, Store::Batch* batch, int64_t* failed) {
    std::vector<Event> events;
    Status s = pipeline_->Extract(article, &events, diag);
    if (!s.ok()) {
      ++*failed;
      diag->Error(article.origin, 0, -1, "extraction failed: " + s.ToString());
      return Status::OK();
    }
    for (Event& e : events) {
      e.article_id = article.id;
      if (e.event_id.empty()) e.event_id = ComputeEventId(e);
    }
    batch->emplace_back(std::move(article), std::move(events));
    return Status::OK();
  }

  std::mutex mu_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Pipeline> pipeline_;
};

}  // namespace

Status OpenStoreIngester(const std::string& db_path, const PipelineOptions& options,
                         std::unique_ptr<ArticleIngester>* out) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(db_path, StoreOptions(), &store);
  if (!s.ok()) return s;
  std::unique_ptr<Pipeline> pipeline;
  if (!(s = Pipeline::Open(options, &pipeline)).ok()) return s;
  *out = std::make_unique<StoreIngester>(std::move(store), std::move(pipeline));
  return Status::OK();
}

}  // namespace sitrep
