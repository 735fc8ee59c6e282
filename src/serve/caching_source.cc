// NewCachingEventSource: the aggregate answers of an EventSource, kept until its data changes
// (include/sitrep/serve.h).
#include <deque>
#include <map>
#include <mutex>
#include <variant>

#include <fmt/format.h>

#include "sitrep/serve.h"

namespace sitrep {
namespace {

// The cache key of a filter: every field of EventPageQuery but the paging ones.
std::string FilterKey(const EventPageQuery& q) {
  const EventQuery& f = q.filter;
  const std::string bbox = f.bbox ? fmt::format("{},{},{},{}", (*f.bbox)[0], (*f.bbox)[1], (*f.bbox)[2], (*f.bbox)[3]) : "";
  // Lengths first, so that no value can make two different filters collide.
  std::string key;
  for (const std::string* part : {&f.since, &f.until, &f.actor, &f.type, &f.country, &bbox, &f.article_id, &q.text})
    key += fmt::format("{}:{}|", part->size(), *part);
  return key;
}

class CachingEventSource : public EventSource {
 public:
  CachingEventSource(EventSource* inner, size_t max_entries) : inner_(inner), max_entries_(max_entries) {}

  Status ListEvents(const EventPageQuery& q, EventPage* out) override { return inner_->ListEvents(q, out); }
  Status GetEvent(const std::string& id, Event* e, std::vector<EventMention>* m) override {
    return inner_->GetEvent(id, e, m);
  }
  Status GetArticle(const std::string& id, Article* a, std::vector<Event>* e) override {
    return inner_->GetArticle(id, a, e);
  }
  bool HasControlTimeline() override { return inner_->HasControlTimeline(); }
  Status Control(const ControlQuery& q, std::vector<ControlPeriod>* out) override { return inner_->Control(q, out); }
  Status DataVersion(std::string* out) override { return inner_->DataVersion(out); }

  Status Stats(const EventPageQuery& q, bool weekly, EventStats* out) override {
    return Cached(fmt::format("stats/{}/{}", weekly, FilterKey(q)), out,
                  [&](EventStats* fresh) { return inner_->Stats(q, weekly, fresh); });
  }
  Status Actors(const std::string& q, int64_t limit, std::vector<KeyCount>* out) override {
    return Cached(fmt::format("actors/{}/{}", limit, q), out, [&](std::vector<KeyCount>* fresh) {
      return inner_->Actors(q, limit, fresh);
    });
  }
  Status Places(const EventPageQuery& filter, const std::string& name_part, int64_t limit,
                std::vector<PlaceInfo>* out) override {
    return Cached(fmt::format("places/{}/{}:{}/{}", limit, name_part.size(), name_part, FilterKey(filter)), out,
                  [&](std::vector<PlaceInfo>* fresh) { return inner_->Places(filter, name_part, limit, fresh); });
  }

 private:
  using Answer = std::variant<EventStats, std::vector<KeyCount>, std::vector<PlaceInfo>>;

  // The answer under `key` for the current data version, computed by `compute` when missing.
  template <typename T, typename Compute>
  Status Cached(const std::string& key, T* out, const Compute& compute) {
    std::string version;
    Status s = inner_->DataVersion(&version);
    if (!s.ok()) return s;
    if (Recall(version, key, out)) return Status::OK();
    if (!(s = compute(out)).ok()) return s;
    Remember(version, key, *out);
    return Status::OK();
  }

  template <typename T>
  bool Recall(const std::string& version, const std::string& key, T* out) {
    std::lock_guard<std::mutex> lock(mu_);
    if (version != version_) return false;
    auto it = answers_.find(key);
    if (it == answers_.end()) return false;
    *out = std::get<T>(it->second);
    return true;
  }

  template <typename T>
  void Remember(const std::string& version, const std::string& key, const T& answer) {
    std::lock_guard<std::mutex> lock(mu_);
    if (version != version_) {
      answers_.clear();
      order_.clear();
      version_ = version;
    }
    if (!answers_.emplace(key, answer).second) return;
    order_.push_back(key);
    while (order_.size() > max_entries_) {
      answers_.erase(order_.front());
      order_.pop_front();
    }
  }

  EventSource* inner_;
  size_t max_entries_;
  std::mutex mu_;
  std::string version_;
  std::map<std::string, Answer> answers_;
  std::deque<std::string> order_;  // keys, oldest first
};

}  // namespace

std::unique_ptr<EventSource> NewCachingEventSource(EventSource* inner, size_t max_entries) {
  return std::make_unique<CachingEventSource>(inner, max_entries < 1 ? 1 : max_entries);
}

}  // namespace sitrep
