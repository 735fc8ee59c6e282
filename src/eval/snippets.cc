// EvaluateSnippets: labelled snippets (CASE 2021 Task 2 style) scored by the rule of
// ../shared/tools/case_score.py, so that both give the same accuracies (docs/quality.md).
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/strings.h"
#include "internal.h"
#include "sitrep/eval.h"

namespace sitrep {
using namespace eval_internal;

namespace {

constexpr const char* kNone = "(none)";
constexpr const char* kNoSubType = "(no sub-event type)";

// Type labels are ASCII: compared case-insensitively as case_score.py does.
std::string Fold(std::string_view s) { return strings::AsciiLower(s); }

// What was predicted for one snippet.
struct SnippetPrediction {
  std::vector<const Event*> acled;  // events with an ACLED event type
  std::set<std::string> types;      // folded sub-event types of all its events
};

// Display names of sub-event types by folded key: the gold's spelling, else the first predicted one.
std::map<std::string, std::string> TypeNames(const std::vector<Snippet>& snippets, const std::vector<Event>& pred) {
  std::map<std::string, std::string> names;
  for (const Snippet& s : snippets) {
    if (!s.sub_event_type.empty()) names.emplace(Fold(s.sub_event_type), s.sub_event_type);
  }
  for (const Event& e : pred) {
    if (!e.acled_sub_event_type.empty()) names.emplace(Fold(e.acled_sub_event_type), e.acled_sub_event_type);
  }
  return names;
}

// The predicted sub-event types of a snippet for the confusion: its types, "(no sub-event type)" for
// an ACLED-typed event without one, "(none)" when nothing ACLED-typed was predicted.
std::vector<std::string> PredictedLabels(const SnippetPrediction& p, const std::map<std::string, std::string>& names) {
  std::vector<std::string> labels;
  for (const std::string& t : p.types) labels.push_back(names.at(t));
  for (const Event* e : p.acled) {
    if (e->acled_sub_event_type.empty()) {
      labels.push_back(kNoSubType);
      break;
    }
  }
  if (labels.empty() && p.acled.empty()) labels.push_back(kNone);
  return labels;
}

std::string GoldLabel(const Snippet& s) {
  std::string type = s.sub_event_type.empty() ? "no political violence" : s.sub_event_type;
  return s.case_label.empty() ? type : type + " (" + s.case_label + ")";
}

Example SnippetExample(const Snippet& s, const SnippetPrediction& p, const std::vector<std::string>& labels,
                       const EvalOptions& options) {
  Example ex{s.sub_event_type.empty() ? "spurious" : "missed", s.article.id, GoldLabel(s), "", {},
             Shorten(s.article.text, 300)};
  if (!p.acled.empty()) {
    ex.pred = Summary(*p.acled.front(), options);
    if (p.acled.size() > 1) ex.pred += fmt::format(" (+{} more)", p.acled.size() - 1);
  }
  if (s.sub_event_type.empty()) {
    ex.errors.push_back(fmt::format("{} ACLED-typed event(s) where there is no political violence", p.acled.size()));
  } else if (p.acled.empty() && p.types.empty()) {
    ex.errors.push_back("no ACLED-typed event predicted");
  } else {
    ex.errors.push_back(fmt::format("predicted sub-event types: {}", fmt::join(labels, ", ")));
  }
  return ex;
}

}  // namespace

SnippetReport EvaluateSnippets(const std::vector<Snippet>& snippets, const std::vector<Event>& pred,
                               const EvalOptions& options) {
  SnippetReport r;
  r.worst_limit = options.worst;
  r.snippets = static_cast<int64_t>(snippets.size());
  std::map<std::string, SnippetPrediction> by_article;
  for (const Snippet& s : snippets) by_article[s.article.id];
  for (const Event& e : pred) {
    auto it = by_article.find(e.article_id);
    if (it == by_article.end()) continue;
    ++r.pred_events;
    if (!e.acled_event_type.empty()) it->second.acled.push_back(&e);
    if (!e.acled_sub_event_type.empty()) it->second.types.insert(Fold(e.acled_sub_event_type));
  }
  const std::map<std::string, std::string> names = TypeNames(snippets, pred);

  std::vector<Example> missed, spurious;
  for (const Snippet& s : snippets) {
    const SnippetPrediction& p = by_article.at(s.article.id);
    const std::string want = Fold(s.sub_event_type);
    const bool ok = want.empty() ? p.acled.empty() : p.types.count(want) > 0;
    (want.empty() ? r.none : r.acled).Add(ok);
    r.overall.Add(ok);
    r.by_label[s.case_label.empty() ? kNone : s.case_label].Add(ok);
    if (!want.empty()) ++r.by_type[names.at(want)].labelled;
    for (const std::string& t : p.types) {
      TypeScore& score = r.by_type[names.at(t)];
      ++score.predicted;
      if (t == want) ++score.both;
    }
    const std::vector<std::string> labels = PredictedLabels(p, names);
    for (const std::string& label : labels) {
      ++r.confusion[{want.empty() ? kNone : names.at(want), label}];
    }
    if (!ok) (want.empty() ? spurious : missed).push_back(SnippetExample(s, p, labels, options));
  }
  r.worst = TakeInTurn({std::move(missed), std::move(spurious)}, options.worst);
  return r;
}

}  // namespace sitrep
