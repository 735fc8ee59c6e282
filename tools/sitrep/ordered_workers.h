// `--jobs N` of extract and ingest: articles are extracted on N worker threads and handed back in
// input order (a reorder buffer), so the output does not depend on N. At most a few articles per
// thread are in flight (a bounded queue): reading waits for the oldest to be emitted.
//
//   OrderedWorkers workers(jobs, [&](ExtractionJob& job) { /* on a worker: fill job.events */ },
//                          [&](ExtractionJob&& job) { /* on the caller's thread, in order */ return Status::OK(); });
//   for (...) if (!(s = workers.Submit(std::move(job))).ok()) break;   // may emit earlier jobs
//   if (s.ok()) s = workers.Drain();                                    // emits the rest
//
// With jobs == 1 nothing runs on another thread: Submit does the work and emits at once.
#ifndef SITREP_TOOLS_ORDERED_WORKERS_H_
#define SITREP_TOOLS_ORDERED_WORKERS_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/diagnostics.h"
#include "sitrep/event.h"
#include "sitrep/places.h"
#include "sitrep/status.h"

namespace sitrep::cli {

// One article on its way through the pipeline, with what the pipeline said about it.
struct ExtractionJob {
  Article article;
  bool known = false;        // already stored: nothing to extract
  std::vector<Event> events;
  Diagnostics diag;          // the article's own diagnostics, replayed in input order
  Status status;             // the pipeline's verdict
  PlaceLessons lessons;      // the learning pass's (LearnPlacesFromFiles): what the article teaches
};

class OrderedWorkers {
 public:
  using Work = std::function<void(ExtractionJob&)>;        // runs on a worker thread
  using Emit = std::function<Status(ExtractionJob&&)>;     // runs on the caller's thread, in order

  OrderedWorkers(int jobs, Work work, Emit emit);
  ~OrderedWorkers();  // stops the workers; jobs not yet emitted are dropped
  OrderedWorkers(const OrderedWorkers&) = delete;
  OrderedWorkers& operator=(const OrderedWorkers&) = delete;

  // Queues `job`, then emits every finished job that is next in order; waits while the queue is
  // full. Returns the first non-OK status of `emit` (and emits nothing after it).
  Status Submit(ExtractionJob job);
  // Waits for every queued job and emits it in order.
  Status Drain();

 private:
  void WorkerLoop();
  // Emits finished jobs in order; waits until fewer than `max_in_flight` jobs are unemitted.
  Status EmitReady(int64_t max_in_flight);

  const int jobs_;
  const int64_t capacity_;
  Work work_;
  Emit emit_;
  std::mutex mu_;
  std::condition_variable work_ready_, job_done_;
  std::deque<std::pair<int64_t, std::unique_ptr<ExtractionJob>>> queue_;
  std::map<int64_t, std::unique_ptr<ExtractionJob>> done_;  // the reorder buffer
  int64_t next_seq_ = 0, next_emit_ = 0;
  bool stopping_ = false;
  Status emit_status_;
  std::vector<std::thread> threads_;
};

// The number of hardware threads (1 when unknown): the default of --jobs.
int DefaultJobs();

}  // namespace sitrep::cli

#endif  // SITREP_TOOLS_ORDERED_WORKERS_H_
