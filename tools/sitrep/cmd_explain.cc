// sitrep explain FILES... : what each stage found in each article, then its events.
#include <cstdio>

#include "cli_util.h"
#include "command.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {
namespace {

Register reg("explain", "Show what each stage found in articles (tokens, tags, mentions) and the events coded",
             [](CLI::App* app) {
  auto flags = std::make_shared<InputFlags>();
  AddInputFlags(app, flags.get(), /*parallel=*/false);
  AddNoLearnPlacesFlag(app, &flags->no_learn_places);
  RefuseOutputFormat(app, "explain prints a report, not events");
  app->footer("For checking why an event was or was not coded. Exit codes as for `sitrep extract`.");
  return [flags]() -> int {
    std::unique_ptr<Pipeline> pipeline = OpenPipeline(flags->data_dir, flags->gazetteer, flags->dicts, flags->quiet);
    if (!pipeline) return kExitFailure;
    if (!CheckDateFlag("--date", flags->date)) return kExitUsage;
    ReadOptions ro = ToReadOptions(*flags);
    // As extract does: villages placed by other articles' hints (place lessons).
    if (!flags->no_learn_places) LearnPlacesFromFiles(*pipeline, flags->files, ro, 1, flags->quiet);
    Diagnostics diag;
    diag.SetSink([](const Diagnostic& d) { std::fprintf(stderr, "%s\n", d.ToString().c_str()); });
    ReadStats stats;
    Status s = ReadArticles(flags->files, ro, &diag, [&](Article&& a) -> Status {
      std::string report;
      Status e = pipeline->Explain(a, &report);
      if (!e.ok()) return e;
      std::fwrite(report.data(), 1, report.size(), stdout);
      std::fputc('\n', stdout);
      return Status::OK();
    }, &stats);
    if (!s.ok()) {
      PrintError(s.ToString());
      return kExitFailure;
    }
    return diag.errors() ? kExitInputErrors : kExitOk;
  };
});

}  // namespace
}  // namespace sitrep::cli
