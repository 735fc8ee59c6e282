#include "ordered_workers.h"

namespace sitrep::cli {

constexpr int64_t kJobsInFlightPerThread = 4;

int DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

OrderedWorkers::OrderedWorkers(int jobs, Work work, Emit emit)
    : jobs_(jobs < 1 ? 1 : jobs),
      capacity_(kJobsInFlightPerThread * jobs_),
      work_(std::move(work)),
      emit_(std::move(emit)) {
  if (jobs_ == 1) return;
  for (int i = 0; i < jobs_; ++i) threads_.emplace_back([this] { WorkerLoop(); });
}

OrderedWorkers::~OrderedWorkers() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void OrderedWorkers::WorkerLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    auto [seq, job] = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    work_(*job);
    lock.lock();
    done_.emplace(seq, std::move(job));
    job_done_.notify_all();
  }
}

Status OrderedWorkers::Submit(ExtractionJob job) {
  if (!emit_status_.ok()) return emit_status_;
  if (jobs_ == 1) {
    work_(job);
    return emit_status_ = emit_(std::move(job));
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.emplace_back(next_seq_++, std::make_unique<ExtractionJob>(std::move(job)));
  }
  work_ready_.notify_one();
  return EmitReady(capacity_);
}

Status OrderedWorkers::Drain() {
  if (jobs_ == 1 || !emit_status_.ok()) return emit_status_;
  return EmitReady(1);
}

Status OrderedWorkers::EmitReady(int64_t max_in_flight) {
  std::unique_lock<std::mutex> lock(mu_);
  while (emit_status_.ok()) {
    auto next = done_.find(next_emit_);
    if (next != done_.end()) {
      std::unique_ptr<ExtractionJob> job = std::move(next->second);
      done_.erase(next);
      ++next_emit_;
      lock.unlock();
      emit_status_ = emit_(std::move(*job));
      lock.lock();
      continue;
    }
    if (next_seq_ - next_emit_ < max_in_flight) break;
    job_done_.wait(lock, [this] { return done_.count(next_emit_) > 0; });
  }
  return emit_status_;
}

}  // namespace sitrep::cli
