// sitrep eval-dedup --gold DIR [--db PATH] : pairwise "same incident" scores of the stored dataset events
// against ECB+ (../shared/gold/dedup); ingest its articles.jsonl into the database first (docs/quality.md).
#include <cstdio>
#include <map>
#include <set>

#include "cli_util.h"
#include "command.h"
#include "dataset_util.h"
#include "sitrep/eval.h"

namespace sitrep::cli {
namespace {

struct EvalDedupFlags {
  std::string gold, db, rules;
};

void AddEventsOf(const DatasetEvent& d, std::map<std::string, std::set<std::string>>* events_of) {
  for (const MentionRef& m : d.mentions) (*events_of)[m.article_id].insert(d.id);
}

// --rules: the dataset the rules file would give from the stored mentions, computed here (to try rules
// without ingesting again).
Status DatasetUnderRules(const Store& store, const std::string& rules_path,
                         std::map<std::string, std::set<std::string>>* events_of) {
  DatasetRules rules;
  std::vector<Mention> mentions;
  std::vector<DatasetEvent> events;
  Status s = DatasetRules::Load(rules_path, &rules);
  if (s.ok()) s = store.ReadMentions(&mentions);
  if (!s.ok()) return s;
  BuildDataset(mentions, rules, &events);
  for (const DatasetEvent& d : events) AddEventsOf(d, events_of);
  return Status::OK();
}

int Run(const EvalDedupFlags& f) {
  std::unique_ptr<Store> store = OpenExistingStore(f.db);
  if (!store) return kExitFailure;
  std::map<std::string, std::set<std::string>> events_of;  // article id -> dataset event ids
  Status s;
  if (!f.rules.empty()) {
    s = DatasetUnderRules(*store, f.rules, &events_of);
  } else {
    WarnIfDatasetStale(*store);
    s = store->QueryDatasetEvents(EventQuery{}, [&](const DatasetEvent& d) {
      AddEventsOf(d, &events_of);
      return Status::OK();
    });
  }
  DedupReport report;
  if (s.ok()) s = ScoreSameEventPairs(f.gold, events_of, &report);
  if (!s.ok()) {
    PrintError(s.ToString());
    return kExitFailure;
  }
  std::fputs(report.ToTable().c_str(), stdout);
  return std::fflush(stdout) == 0 ? kExitOk : kExitFailure;
}

Register reg("eval-dedup", "Score the dataset's cross-article deduplication against ECB+ (same-incident pairs)",
             [](CLI::App* app) {
  auto f = std::make_shared<EvalDedupFlags>();
  app->add_option("--gold", f->gold, "The ECB+ folder (subtopics.jsonl, same_event_pairs_within_topic.jsonl)")
      ->required();
  app->add_option("--db", f->db, DbHelp() + " (with the gold's articles.jsonl ingested)");
  app->add_option("--rules", f->rules, "Link the stored mentions under this rules file instead of reading the stored dataset");
  app->footer(
      "Two articles of one topic are predicted to report one incident when a dataset event has mentions in both.\n"
      "Example: sitrep ingest ../shared/gold/dedup/articles.jsonl --db /tmp/ecb.db &&\n"
      "         sitrep eval-dedup --gold ../shared/gold/dedup --db /tmp/ecb.db\n"
      "Exit codes: 0 ok, 2 bad command line, 3 database or gold could not be read.");
  return [f]() { return Run(*f); };
});

}  // namespace
}  // namespace sitrep::cli
