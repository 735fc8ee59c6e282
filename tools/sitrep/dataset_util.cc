// Shared pieces of the dataset commands (dataset_util.h).
#include "dataset_util.h"

#include <cstdio>

#include <fmt/format.h>

#include "cli_util.h"
#include "sitrep/paths.h"

namespace sitrep::cli {

std::string DatasetRulesPath(const std::string& data_dir) {
  return (data_dir.empty() ? DataDir() : data_dir) + "/dataset/rules.txt";
}

bool RebuildStaleDataset(Store* store, const std::string& data_dir, bool quiet) {
  DatasetRules rules;
  bool stale = false;
  Status s = DatasetRules::Load(DatasetRulesPath(data_dir), &rules);
  if (s.ok()) s = store->DatasetIsStale(&stale, &rules);
  if (s.ok() && !stale) return true;
  DatasetStats stats;
  if (s.ok()) s = store->RebuildDataset(rules, &stats);
  if (!s.ok()) {
    PrintError(s.ToString());
    return false;
  }
  if (!quiet)
    std::fprintf(stderr, "%s\n",
                 fmt::format("sitrep: dataset: {} events from {} mentions, {} control periods", stats.events,
                             stats.mentions, stats.control_periods)
                     .c_str());
  return true;
}

void WarnIfDatasetStale(const Store& store) {
  bool stale = false;
  if (store.DatasetIsStale(&stale).ok() && stale)
    PrintError("warning: the dataset is older than the stored events (an interrupted ingest?); "
               "ingest any article again (e.g. the same files) to rebuild it");
}

}  // namespace sitrep::cli
