#include "cli_util.h"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

#include "command.h"
#include "core/strings.h"
#include "sitrep/actors.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {

void AddInputFlags(CLI::App* app, InputFlags* f) {
  app->add_option("files", f->files, "Article files, directories (read recursively) or - for standard input")
      ->required();
  app->add_option("--date", f->date, "Published date (YYYY-MM-DD) for articles that have none");
  app->add_option("--source", f->source, "Publisher/source for articles that have none");
  app->add_option("--format", f->format, "Input format: auto (default), text or jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  app->add_option("--max-bytes", f->max_bytes, "Skip articles larger than this many bytes (default 10 MiB)")
      ->check(CLI::PositiveNumber);
  app->add_option("--data-dir", f->data_dir, "Dictionaries and models (default: $SITREP_DATA_DIR or built-in)");
  app->add_option("--gazetteer", f->gazetteer, "Gazetteer index file, or 'none' (default: built data dir)");
  AddDictFlag(app, &f->dicts);
  app->add_flag("--quiet,-q", f->quiet, "Print errors only: no warnings, progress line or summary");
}

void AddDictFlag(CLI::App* app, std::vector<std::string>* dicts) {
  app->add_option("--dict", *dicts,
                  "User actor dictionary folder, loaded after ours; its entries extend or override ours "
                  "(repeatable; also $SITREP_DICT_PATH, DIR:DIR)");
}

std::vector<std::string> UserDictDirs(const std::vector<std::string>& dict_flags) {
  std::vector<std::string> dirs = UserDictPathFromEnv();
  dirs.insert(dirs.end(), dict_flags.begin(), dict_flags.end());
  return dirs;
}

void PrintDictWarnings(const std::vector<std::string>& warnings, bool quiet) {
  constexpr size_t kShown = 5;
  if (quiet) return;
  for (size_t i = 0; i < warnings.size() && i < kShown; ++i) PrintError("warning: " + warnings[i]);
  if (warnings.size() > kShown)
    PrintError(fmt::format("warning: {} more dictionary warnings (sitrep dict check --dict DIR lists them all)",
                           warnings.size() - kShown));
}

Progress::Progress(bool allowed)
    : enabled_(allowed && isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::Update(const ReadStats& stats, int64_t events) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::seconds(2) || now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  shown_ = true;
  std::fprintf(stderr, "\r[%lld/%lld files] %lld articles, %lld events\033[K",
               static_cast<long long>(stats.files_done), static_cast<long long>(stats.files_total),
               static_cast<long long>(stats.articles), static_cast<long long>(events));
  std::fflush(stderr);
}

void Progress::Clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  shown_ = false;
}

void PrintError(const std::string& message) {
  std::fprintf(stderr, "sitrep: %s\n", strings::EscapeControl(message).c_str());
}

std::string DbHelp() { return "SQLite database (default: $SITREP_DB, else ./sitrep.db)"; }

bool CheckDateFlag(const std::string& name, const std::string& value) {
  if (value.empty() || IsIsoDate(value)) return true;
  PrintError(fmt::format("{} '{}' is not a YYYY-MM-DD date", name, value));
  return false;
}

std::string ReadSummary(const RunTotals& t) {
  return fmt::format("sitrep: read {} articles ({} skipped, {} failed), {} events", t.read.articles - t.extract_failed,
                     t.read.skipped, t.read.failed + t.extract_failed, t.events);
}

int RunExtraction(const InputFlags& flags, const ArticleEventsSink& sink, RunTotals* totals,
                  const KnownArticle& known) {
  if (!CheckDateFlag("--date", flags.date)) return kExitUsage;
  ReadOptions ro = ToReadOptions(flags);

  std::unique_ptr<Pipeline> pipeline = OpenPipeline(flags.data_dir, flags.gazetteer, flags.dicts, flags.quiet);
  if (!pipeline) return kExitFailure;

  totals->started = true;
  Progress progress(!flags.quiet);
  Diagnostics diag;
  diag.SetSink([&](const Diagnostic& d) {
    if (flags.quiet && d.severity == Severity::kWarning) return;
    progress.Clear();
    std::fprintf(stderr, "%s\n", d.ToString().c_str());
  });

  Status s = ReadArticles(
      flags.files, ro, &diag,
      [&](Article&& article) -> Status {
        std::vector<Event> events;
        std::string warning;
        const bool is_known = known && known(article, &warning);
        if (!warning.empty()) diag.Warn(article.origin, 0, -1, std::move(warning));
        if (is_known) {
          Status ss = sink(std::move(article), std::move(events));
          progress.Update(totals->read, totals->events);
          return ss;
        }
        Status es = pipeline->Extract(article, &events, &diag);
        if (!es.ok()) {
          ++totals->extract_failed;
          diag.Error(article.origin, 0, -1, "extraction failed: " + es.ToString());
          return Status::OK();
        }
        for (Event& e : events) {
          e.article_id = article.id;
          if (e.event_id.empty()) e.event_id = ComputeEventId(e);
        }
        totals->events += static_cast<int64_t>(events.size());
        Status ss = sink(std::move(article), std::move(events));
        progress.Update(totals->read, totals->events);
        return ss;
      },
      &totals->read);
  progress.Clear();
  if (!s.ok()) {
    PrintError(s.ToString());
    return s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  return diag.errors() > 0 ? kExitInputErrors : kExitOk;
}

ReadOptions ToReadOptions(const InputFlags& flags) {
  ReadOptions ro;
  ro.default_date = flags.date;
  ro.default_source = flags.source;
  ro.max_bytes = flags.max_bytes;
  ro.format = flags.format == "text" ? InputFormat::kText
              : flags.format == "jsonl" ? InputFormat::kJsonLines
                                        : InputFormat::kAuto;
  return ro;
}

std::unique_ptr<Pipeline> OpenPipeline(const std::string& data_dir, const std::string& gazetteer,
                                       const std::vector<std::string>& dicts, bool quiet) {
  PipelineOptions po;
  po.data_dir = data_dir;
  po.gazetteer_path = gazetteer;
  po.dict_dirs = UserDictDirs(dicts);
  std::unique_ptr<Pipeline> pipeline;
  Status s = Pipeline::Open(po, &pipeline);
  if (!s.ok()) PrintError("cannot load the pipeline: " + s.ToString());
  else PrintDictWarnings(pipeline->warnings(), quiet);
  return pipeline;
}

std::unique_ptr<Store> OpenExistingStore(const std::string& db) {
  std::unique_ptr<Store> store;
  StoreOptions so;
  so.create_if_missing = false;
  so.read_only = true;
  Status s = Store::Open(db.empty() ? DefaultDbPath() : db, so, &store);
  if (!s.ok()) PrintError(s.ToString());
  return store;
}

}  // namespace sitrep::cli
