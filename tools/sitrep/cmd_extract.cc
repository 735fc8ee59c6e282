// sitrep extract FILES... : events as JSON lines on stdout, nothing stored.
#include <cstdio>

#include "cli_util.h"
#include "command.h"

namespace sitrep::cli {
namespace {

Register reg("extract", "Extract events from articles and print them as JSON lines (no store)", [](CLI::App* app) {
  auto flags = std::make_shared<InputFlags>();
  AddInputFlags(app, flags.get());
  app->footer(
      "Prints one JSON object per event (schema v1, docs/schema.md) on stdout. Diagnostics and the summary\n"
      "'sitrep: read N articles (S skipped, F failed), E events' go to stderr.\n"
      "Exit codes: 0 ok (warnings may have been printed), 1 some input failed, 2 bad command line,\n"
      "3 could not run (data or model could not be loaded, output failed).");
  return [flags]() -> int {
    RunTotals totals;
    int code = RunExtraction(
        *flags,
        [](Article&&, std::vector<Event>&& events) -> Status {
          for (const Event& e : events) {
            std::string line = EventToJson(e);
            line += '\n';
            if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size())
              return Status::IOError("cannot write to standard output");
          }
          return Status::OK();
        },
        &totals);
    if (std::fflush(stdout) != 0 && code != kExitFailure) {
      PrintError("cannot write to standard output");
      code = kExitFailure;
    }
    if (totals.started && !flags->quiet) std::fprintf(stderr, "%s\n", ReadSummary(totals).c_str());
    return code;
  };
});

}  // namespace
}  // namespace sitrep::cli
