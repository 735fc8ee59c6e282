// sitrep ingest FILES... [--db PATH] : extract events and store articles and events.
#include <cstdio>

#include <fmt/format.h>

#include "cli_util.h"
#include "command.h"
#include "dataset_util.h"
#include "core/strings.h"
#include "sitrep/store.h"

namespace sitrep::cli {
namespace {

constexpr size_t kBatchArticles = 64;  // articles per transaction

Register reg("ingest", "Extract events from articles and store both in the database", [](CLI::App* app) {
  auto flags = std::make_shared<InputFlags>();
  auto db = std::make_shared<std::string>();
  AddInputFlags(app, flags.get(), /*parallel=*/true);
  RefuseOutputFormat(app, "ingest stores events (read them with `sitrep events --format`)");
  app->add_option("--db", *db, DbHelp());
  app->footer(
      "Idempotent: an article already stored (same id) is left alone with its events, and is not\n"
      "extracted again (it counts as read, with 0 events, in the summary).\n"
      "Summary on stderr: 'sitrep: read N articles (S skipped, F failed), E events' then\n"
      "'sitrep: stored A new articles (K already stored), V new events in PATH'.\n"
      "Exit codes: 0 ok (warnings may have been printed), 1 some input failed, 2 bad command line,\n"
      "3 could not run (database, data or model could not be opened or written).");
  return [flags, db]() -> int {
    if (!CheckDateFlag("--date", flags->date)) return kExitUsage;  // before creating a database
    std::string path = db->empty() ? DefaultDbPath() : *db;
    std::unique_ptr<Store> store;
    Status s = Store::Open(path, StoreOptions{}, &store);
    if (!s.ok()) {
      PrintError(s.ToString());
      return kExitFailure;
    }
    Store::Batch batch;
    WriteStats written;
    auto flush = [&]() -> Status {
      Status ws = store->Write(batch, &written);
      batch.clear();
      return ws;
    };
    RunTotals totals;
    int code = RunExtraction(
        *flags,
        [&](Article&& article, std::vector<Event>&& events) -> Status {
          batch.emplace_back(std::move(article), std::move(events));
          return batch.size() >= kBatchArticles ? flush() : Status::OK();
        },
        &totals,
        // Already stored: ingest is idempotent, so there is nothing to extract. The id does not
        // cover the date, so a corrected date would be dropped without a word: say so.
        [&](const Article& a, std::string* warning) {
          bool stored = false;
          std::optional<std::string> stored_date;
          if (!store->HasArticle(a.id, &stored, &stored_date).ok() || !stored) return false;
          if (a.date != stored_date)
            *warning = fmt::format("already stored with date {}; this date ({}) is ignored (an article is "
                                   "identified by its source, url and text)",
                                   stored_date.value_or("none"), a.date.value_or("none"));
          return true;
        });
    if (code != kExitFailure && code != kExitUsage && !batch.empty()) {
      s = flush();
      if (!s.ok()) {
        PrintError(s.ToString());
        code = kExitFailure;
      }
    }
    if (totals.started && !flags->quiet) {
      std::fprintf(stderr, "%s\n", ReadSummary(totals).c_str());
      std::fprintf(stderr, "%s\n",
                   fmt::format("sitrep: stored {} new articles ({} already stored), {} new events in {}",
                               written.articles_new, written.articles_existing, written.events_new,
                               strings::EscapeControl(path))
                       .c_str());
    }
    // The dataset (events across articles, control periods) follows the stored events: docs/dataset.md.
    if (code != kExitFailure && code != kExitUsage && !RebuildStaleDataset(store.get(), flags->data_dir, flags->quiet))
      code = kExitFailure;
    return code;
  };
});

}  // namespace
}  // namespace sitrep::cli
