#include "cli_util.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "command.h"
#include "core/strings.h"
#include "ordered_workers.h"
#include "sitrep/actors.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"

namespace sitrep::cli {

namespace {

constexpr const char* kFormatMoved =
    "--format is the output format (jsonl, csv, acled-csv, geojson); the input format is --input-format";

}  // namespace

std::string DataDirHelp() {
  return "The data folder: dictionaries, models, output tables (default: $SITREP_DATA_DIR, else the installed or "
         "source data/)";
}

void AddInputFlags(CLI::App* app, InputFlags* f, bool parallel) {
  app->add_option("files", f->files, "Article files, directories (read recursively) or - for standard input")
      ->required();
  app->add_option("--date", f->date, "Published date (YYYY-MM-DD) for articles that have none");
  app->add_option("--source", f->source, "Publisher/source for articles that have none");
  app->add_option("--input-format", f->input_format, "Input format: auto (default), text or jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  app->add_option("--max-bytes", f->max_bytes, "Skip articles larger than this many bytes (default 10 MiB)")
      ->check(CLI::PositiveNumber);
  app->add_option("--data-dir", f->data_dir, DataDirHelp());
  app->add_option("--gazetteer", f->gazetteer, "Gazetteer index file, or 'none' (default: built data dir)");
  AddDictFlag(app, &f->dicts);
  if (parallel) {
    app->add_option("--jobs,-j", f->jobs, "Extract on N threads (default: the number of cores); output keeps input order")
        ->check(CLI::PositiveNumber);
    app->add_flag("--progress", f->progress, "Show the progress line also when stderr is not a terminal");
    AddNoLearnPlacesFlag(app, &f->no_learn_places);
  }
  app->add_flag("--quiet,-q", f->quiet, "Print errors only: no warnings, progress line or summary");
}

void AddOutputFlags(CLI::App* app, OutputFlags* f, const std::string& what) {
  app->add_option("--format", f->format, "Format of " + what + ": jsonl (default), csv, acled-csv or geojson")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            OutputFormat format;
            if (ParseOutputFormat(value, &format).ok()) return "";
            if (value == "auto" || value == "text") return std::string(kFormatMoved) + " " + value;
            return "unknown output format '" + value + "' (jsonl, csv, acled-csv or geojson)";
          },
          "jsonl|csv|acled-csv|geojson"));
  app->add_flag("--keep-unlocated", f->keep_unlocated,
                "GeoJSON: write events without coordinates with \"geometry\": null instead of leaving them out");
}

void AddDictFlag(CLI::App* app, std::vector<std::string>* dicts) {
  // One folder per --dict (repeat it for more): a vector option would otherwise take the files after it.
  app->add_option("--dict", *dicts,
                  "User actor dictionary folder, loaded after ours; its entries extend or override ours "
                  "(repeatable; also $SITREP_DICT_PATH, DIR:DIR)")
      ->allow_extra_args(false);
}

void AddNoLearnPlacesFlag(CLI::App* app, bool* no_learn) {
  app->add_flag("--no-learn-places", *no_learn,
                "Do not place a village the gazetteer lacks by where another report of the batch says it is "
                "(\"Mamove (Beni, Nord-Kivu)\"; docs/places.md)");
}

void LearnPlaces(Pipeline& pipeline, const std::vector<Article>& articles) {
  auto lessons = std::make_shared<PlaceLessons>();
  for (const Article& a : articles) pipeline.Learn(a, lessons.get());
  pipeline.UsePlaceLessons(std::move(lessons));
}

Status LearnFromFiles(const Pipeline& pipeline, const std::vector<std::string>& files, const ReadOptions& options,
                      int jobs, Diagnostics* diag, PlaceLessons* lessons) {
  // Each article learns on a worker; its lessons join the batch's in input order.
  OrderedWorkers workers(
      jobs, [&pipeline](ExtractionJob& job) { pipeline.Learn(job.article, &job.lessons); },
      [lessons](ExtractionJob&& job) -> Status {
        lessons->Merge(job.lessons);
        return Status::OK();
      });
  Status s = ReadArticles(
      files, options, diag,
      [&](Article&& a) -> Status {
        ExtractionJob job;
        job.article = std::move(a);
        return workers.Submit(std::move(job));
      },
      nullptr);
  if (s.ok()) s = workers.Drain();
  return s;
}

void LearnPlacesFromFiles(Pipeline& pipeline, const std::vector<std::string>& files, const ReadOptions& options,
                          int jobs, bool quiet) {
  // Only files and directories can be read twice: standard input, a pipe or a FIFO would be used
  // up by this first pass.
  for (const std::string& f : files) {
    std::error_code ec;
    const std::filesystem::file_status st = std::filesystem::status(f, ec);
    if (f == "-" || (!ec && !std::filesystem::is_regular_file(st) && !std::filesystem::is_directory(st))) {
      if (!quiet)
        PrintError("note: " + (f == "-" ? std::string("standard input") : f) +
                   " cannot be read twice: no village is placed by another article's hint in this run "
                   "(give files, or --no-learn-places)");
      return;
    }
  }
  auto lessons = std::make_shared<PlaceLessons>();
  Diagnostics ignored;  // the second pass reads the same files and reports their problems
  (void)LearnFromFiles(pipeline, files, options, jobs, &ignored, lessons.get());
  pipeline.UsePlaceLessons(std::move(lessons));
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

void RefuseOutputFormat(CLI::App* app, const std::string& why) {
  static std::string ignored;
  app->add_option("--format", ignored)
      ->group("")  // hidden from --help
      ->check(CLI::Validator([why](std::string& value) { return why + "; " + kFormatMoved + " " + value; }, ""));
}

std::unique_ptr<EventWriter> OpenEventWriter(const OutputFlags& flags, const std::string& data_dir,
                                             std::ostream* out) {
  OutputOptions options;
  options.keep_unlocated = flags.keep_unlocated;
  options.data_dir = data_dir;
  std::unique_ptr<EventWriter> writer;
  Status s = ParseOutputFormat(flags.format, &options.format);
  if (s.ok()) s = EventWriter::Open(options, out, &writer);
  if (!s.ok()) PrintError(s.ToString());
  return writer;
}

Progress::Progress(bool allowed, bool forced, int64_t total_bytes)
    : enabled_(allowed && (forced || isatty(STDERR_FILENO))),
      terminal_(isatty(STDERR_FILENO)),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      // Not on a terminal, the first update prints at once (then one line a second).
      last_(terminal_ ? start_ : start_ - std::chrono::hours(1)) {}

namespace {

std::string Megabytes(int64_t bytes) { return fmt::format("{:.1f}", static_cast<double>(bytes) / 1e6); }

std::string MinutesSeconds(double seconds) {
  const auto s = static_cast<int64_t>(seconds + 0.5);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

std::string Progress::Line(const ReadStats& stats, int64_t articles_done, int64_t events, double seconds) const {
  const double rate = seconds > 0 ? static_cast<double>(articles_done) / seconds : 0;
  std::string line = fmt::format("[{}/{} files] {} articles ({:.1f}/s), {} events, {}", stats.files_done,
                                 stats.files_total, articles_done, rate, events, Megabytes(stats.bytes));
  if (total_bytes_ <= 0) return line + " MB";
  line += " of " + Megabytes(total_bytes_) + " MB";
  const double bytes_per_second = seconds > 0 ? static_cast<double>(stats.bytes) / seconds : 0;
  if (bytes_per_second > 0 && stats.bytes <= total_bytes_)
    line += ", ETA " + MinutesSeconds(static_cast<double>(total_bytes_ - stats.bytes) / bytes_per_second);
  return line;
}

void Progress::Update(const ReadStats& stats, int64_t articles_done, int64_t events) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (terminal_) {
    if (now - start_ < std::chrono::seconds(2) || now - last_ < std::chrono::milliseconds(100)) return;
  } else if (now - last_ < std::chrono::seconds(1)) {
    return;
  }
  last_ = now;
  const std::string line = Line(stats, articles_done, events, std::chrono::duration<double>(now - start_).count());
  if (terminal_) {
    shown_ = true;
    std::fprintf(stderr, "\r%s\033[K", line.c_str());
  } else {
    std::fprintf(stderr, "sitrep: %s\n", line.c_str());
  }
  std::fflush(stderr);
}

void Progress::Clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  shown_ = false;
}

int64_t InputBytes(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  int64_t total = 0;
  for (const std::string& path : paths) {
    if (path == "-") return -1;
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      const auto size = fs::file_size(path, ec);
      if (!ec) total += static_cast<int64_t>(size);
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->path().filename().string().starts_with(".")) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) total += static_cast<int64_t>(it->file_size(ec));
    }
  }
  return total;
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

namespace {

// Runs the pipeline on one job's article (on a worker thread); ids for its events.
void ExtractJob(const Pipeline& pipeline, ExtractionJob& job) {
  if (job.known) return;
  job.status = pipeline.Extract(job.article, &job.events, &job.diag);
  for (Event& e : job.events) {
    e.article_id = job.article.id;
    if (e.event_id.empty()) e.event_id = ComputeEventId(e);
  }
}

}  // namespace

int RunExtraction(const InputFlags& flags, const ArticleEventsSink& sink, RunTotals* totals,
                  const KnownArticle& known) {
  if (!CheckDateFlag("--date", flags.date)) return kExitUsage;
  ReadOptions ro = ToReadOptions(flags);

  std::unique_ptr<Pipeline> pipeline = OpenPipeline(flags.data_dir, flags.gazetteer, flags.dicts, flags.quiet);
  if (!pipeline) return kExitFailure;
  if (!flags.no_learn_places)
    LearnPlacesFromFiles(*pipeline, flags.files, ro, flags.jobs > 0 ? flags.jobs : DefaultJobs(), flags.quiet);

  totals->started = true;
  Progress progress(!flags.quiet, flags.progress, InputBytes(flags.files));
  Diagnostics diag;
  diag.SetSink([&](const Diagnostic& d) {
    if (flags.quiet && d.severity == Severity::kWarning) return;
    progress.Clear();
    std::fprintf(stderr, "%s\n", d.ToString().c_str());
  });

  int64_t articles_done = 0;
  OrderedWorkers workers(
      flags.jobs > 0 ? flags.jobs : DefaultJobs(), [&](ExtractionJob& job) { ExtractJob(*pipeline, job); },
      [&](ExtractionJob&& job) -> Status {
        for (const Diagnostic& d : job.diag.all()) diag.Report(d);
        ++articles_done;
        if (!job.status.ok()) {
          ++totals->extract_failed;
          diag.Error(job.article.origin, 0, -1, "extraction failed: " + job.status.ToString());
          progress.Update(totals->read, articles_done, totals->events);
          return Status::OK();
        }
        totals->events += static_cast<int64_t>(job.events.size());
        Status ss = sink(std::move(job.article), std::move(job.events));
        progress.Update(totals->read, articles_done, totals->events);
        return ss;
      });
  Status s = ReadArticles(
      flags.files, ro, &diag,
      [&](Article&& article) -> Status {
        ExtractionJob job;
        std::string warning;
        job.known = known && known(article, &warning);
        if (!warning.empty()) diag.Warn(article.origin, 0, -1, std::move(warning));
        job.article = std::move(article);
        return workers.Submit(std::move(job));
      },
      &totals->read);
  if (s.ok()) s = workers.Drain();
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
  ro.format = ParseInputFormat(flags.input_format);
  return ro;
}

InputFormat ParseInputFormat(const std::string& name) {
  return name == "text" ? InputFormat::kText : name == "jsonl" ? InputFormat::kJsonLines : InputFormat::kAuto;
}

PipelineOptions MakePipelineOptions(const std::string& data_dir, const std::string& gazetteer,
                                    const std::vector<std::string>& dicts) {
  PipelineOptions po;
  po.data_dir = data_dir;
  po.gazetteer_path = gazetteer;
  po.dict_dirs = UserDictDirs(dicts);
  return po;
}

std::unique_ptr<Pipeline> OpenPipeline(const std::string& data_dir, const std::string& gazetteer,
                                       const std::vector<std::string>& dicts, bool quiet) {
  std::unique_ptr<Pipeline> pipeline;
  Status s = Pipeline::Open(MakePipelineOptions(data_dir, gazetteer, dicts), &pipeline);
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
