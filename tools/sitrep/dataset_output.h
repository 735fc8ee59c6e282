// Output of `sitrep events` for dataset events, and of `sitrep control` (docs/cli.md).
#ifndef SITREP_TOOLS_DATASET_OUTPUT_H_
#define SITREP_TOOLS_DATASET_OUTPUT_H_

#include <string>

#include "cli_util.h"
#include "sitrep/store.h"

namespace sitrep::cli {

// Prints the matching dataset events as jsonl, csv or geojson (with their sources; `mentions` adds their
// mentions), or acled-csv (the reconciled events, `source` their sources); `data_dir` for the ACLED tables.
// Returns an exit code.
int PrintDatasetEvents(const Store& store, const EventQuery& query, const OutputFlags& output,
                       const std::string& data_dir, bool mentions);
// Prints the matching control periods as text, jsonl or geojson. Returns an exit code.
int PrintControlPeriods(const Store& store, const ControlQuery& query, const std::string& format);

}  // namespace sitrep::cli

#endif  // SITREP_TOOLS_DATASET_OUTPUT_H_
