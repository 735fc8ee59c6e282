// Pairwise "same incident" scores of the dataset events against ECB+ (include/sitrep/eval.h).
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sitrep/eval.h"

namespace sitrep {
namespace {

using json = nlohmann::json;

double Fraction(int64_t num, int64_t den) { return den == 0 ? 0.0 : static_cast<double>(num) / den; }

// Calls `fn` with each JSON line of `path`; a malformed line is an error naming it.
Status ForEachJsonLine(const std::string& path, const std::function<void(const json&)>& fn) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) return Status::InvalidArgument(fmt::format("{}:{}: not a JSON object", path, number));
    fn(j);
  }
  return Status::OK();
}

bool ShareAnEvent(const std::set<std::string>* a, const std::set<std::string>* b) {
  if (!a || !b) return false;
  for (const std::string& id : *a)
    if (b->count(id)) return true;
  return false;
}

void Count(bool gold, bool predicted, SamePairScore* s) {
  if (gold && predicted) ++s->true_positive;
  if (!gold && predicted) ++s->false_positive;
  if (gold && !predicted) ++s->false_negative;
  if (!gold && !predicted) ++s->true_negative;
}

std::string Row(const char* name, const SamePairScore& s) {
  return fmt::format("{:<18} {:>9.3f} {:>7.3f} {:>7.3f} {:>6} {:>6} {:>6} {:>6}\n", name, s.Precision(), s.Recall(),
                     s.F1(), s.true_positive, s.false_positive, s.false_negative, s.true_negative);
}

}  // namespace

double SamePairScore::Precision() const { return Fraction(true_positive, true_positive + false_positive); }
double SamePairScore::Recall() const { return Fraction(true_positive, true_positive + false_negative); }
double SamePairScore::F1() const {
  double p = Precision(), r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

std::string DedupReport::ToTable() const {
  std::string out = fmt::format("articles: {} ({} with a dataset event)\n", articles, articles_with_events);
  out += fmt::format("{:<18} {:>9} {:>7} {:>7} {:>6} {:>6} {:>6} {:>6}\n", "topics", "precision", "recall", "F1",
                     "TP", "FP", "FN", "TN");
  out += Row("conflict_or_crime", conflict) + Row("other", other) + Row("all", all);
  out += "pairs of two articles with dataset events:\n";
  return out + Row("conflict_or_crime", conflict_with_events) + Row("other", other_with_events);
}

Status ScoreSameEventPairs(const std::string& gold_dir, const std::map<std::string, std::set<std::string>>& events_of,
                           DedupReport* out) {
  DedupReport r;
  std::set<int64_t> conflict_topics;
  std::map<std::string, int64_t> topic_of;
  Status s = ForEachJsonLine(gold_dir + "/subtopics.jsonl", [&](const json& j) {
    int64_t topic = j.value("topic", int64_t{0});
    if (j.value("conflict_or_crime", false)) conflict_topics.insert(topic);
    for (const json& a : j.value("articles", json::array())) topic_of[a.get<std::string>()] = topic;
  });
  if (!s.ok()) return s;
  r.articles = static_cast<int64_t>(topic_of.size());
  for (const auto& [article, topic] : topic_of)
    if (auto it = events_of.find(article); it != events_of.end() && !it->second.empty()) ++r.articles_with_events;
  auto events = [&](const std::string& article) -> const std::set<std::string>* {
    auto it = events_of.find(article);
    return it == events_of.end() ? nullptr : &it->second;
  };
  s = ForEachJsonLine(gold_dir + "/same_event_pairs_within_topic.jsonl", [&](const json& j) {
    const std::string a = j.value("a", ""), b = j.value("b", "");
    const bool gold = j.value("same_event", false);
    const bool predicted = ShareAnEvent(events(a), events(b));
    auto topic = topic_of.find(a);
    const bool conflict = topic != topic_of.end() && conflict_topics.count(topic->second);
    Count(gold, predicted, conflict ? &r.conflict : &r.other);
    if (events(a) && events(b)) Count(gold, predicted, conflict ? &r.conflict_with_events : &r.other_with_events);
    Count(gold, predicted, &r.all);
  });
  if (!s.ok()) return s;
  *out = std::move(r);
  return Status::OK();
}

}  // namespace sitrep
