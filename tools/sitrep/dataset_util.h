// Shared pieces of the commands that keep or read the dataset (ingest, articles --delete, events,
// control, eval-dedup): the rules file and the rebuild after a change (docs/dataset.md).
#ifndef SITREP_TOOLS_DATASET_UTIL_H_
#define SITREP_TOOLS_DATASET_UTIL_H_

#include <string>

#include "sitrep/dataset.h"
#include "sitrep/store.h"

namespace sitrep::cli {

// <data_dir or DataDir()>/dataset/rules.txt.
std::string DatasetRulesPath(const std::string& data_dir);
// Rebuilds the dataset when a write or delete left it stale or the rules file changed, and prints
// "sitrep: dataset: D events from M mentions, P control periods" unless `quiet`. Errors are printed;
// returns false on failure (the caller exits with kExitFailure).
bool RebuildStaleDataset(Store* store, const std::string& data_dir, bool quiet);
// Prints a warning when the dataset is stale (an ingest was interrupted before its rebuild).
void WarnIfDatasetStale(const Store& store);

}  // namespace sitrep::cli

#endif  // SITREP_TOOLS_DATASET_UTIL_H_
