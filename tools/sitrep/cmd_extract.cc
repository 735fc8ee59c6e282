// sitrep extract FILES... : events on stdout (JSON lines, CSV, ACLED CSV or GeoJSON), nothing stored.
#include <cstdio>
#include <iostream>

#include "cli_util.h"
#include "command.h"

namespace sitrep::cli {
namespace {

Register reg("extract", "Extract events from articles and print them (JSON lines, CSV, ACLED CSV, GeoJSON; no store)",
             [](CLI::App* app) {
  auto flags = std::make_shared<InputFlags>();
  auto output = std::make_shared<OutputFlags>();
  AddInputFlags(app, flags.get(), /*parallel=*/true);
  AddOutputFlags(app, output.get(), "the events on stdout");
  app->footer(
      "Prints the events on stdout in input order, whatever --jobs: by default one JSON object per event\n"
      "(schema v2, docs/schema.md). Diagnostics, the progress line and the summary\n"
      "'sitrep: read N articles (S skipped, F failed), E events' go to stderr.\n"
      "Exit codes: 0 ok (warnings may have been printed), 1 some input failed, 2 bad command line,\n"
      "3 could not run (data or model could not be loaded, output failed).");
  return [flags, output]() -> int {
    std::unique_ptr<EventWriter> writer = OpenEventWriter(*output, flags->data_dir, &std::cout);
    if (!writer) return kExitFailure;
    RunTotals totals;
    int code = RunExtraction(
        *flags,
        [&writer](Article&&, std::vector<Event>&& events) -> Status {
          for (const Event& e : events) {
            if (Status s = writer->Write(e); !s.ok()) return Status::IOError("cannot write to standard output");
          }
          return Status::OK();
        },
        &totals);
    if (!writer->Finish().ok() && code != kExitFailure) {
      PrintError("cannot write to standard output");
      code = kExitFailure;
    }
    if (totals.started && !flags->quiet) {
      std::fprintf(stderr, "%s\n", ReadSummary(totals).c_str());
      if (writer->unlocated() > 0)
        PrintError(std::to_string(writer->unlocated()) +
                   " events without coordinates left out of the GeoJSON (--keep-unlocated writes them)");
    }
    return code;
  };
});

}  // namespace
}  // namespace sitrep::cli
