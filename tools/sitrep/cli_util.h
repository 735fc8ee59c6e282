// Shared pieces of the article commands (extract, ingest) and the store commands (events,
// articles): input flags, diagnostics on stderr, the progress line and the run summary.
#ifndef SITREP_TOOLS_CLI_UTIL_H_
#define SITREP_TOOLS_CLI_UTIL_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sitrep/article.h"
#include "sitrep/diagnostics.h"
#include "sitrep/event.h"
#include "sitrep/ingest.h"
#include "sitrep/output.h"
#include "sitrep/pipeline.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::cli {

// Flags of the commands that read articles (docs/cli.md "Input options").
struct InputFlags {
  std::vector<std::string> files;
  std::string date, source, data_dir, gazetteer;
  std::vector<std::string> dicts;  // --dict DIR (repeatable)
  std::string input_format = "auto";
  int64_t max_bytes = ReadOptions().max_bytes;
  int jobs = 0;            // --jobs; 0: DefaultJobs()
  bool quiet = false;
  bool progress = false;   // --progress: also when stderr is not a terminal
  bool no_learn_places = false;  // --no-learn-places
};
// `parallel`: the command runs the pipeline through RunExtraction (--jobs, --progress).
void AddInputFlags(CLI::App* app, InputFlags* flags, bool parallel);
// The reader options the input flags ask for.
ReadOptions ToReadOptions(const InputFlags& flags);
// `--input-format` auto|text|jsonl as the readers' InputFormat (auto for anything else).
InputFormat ParseInputFormat(const std::string& name);

// Flags of the commands that write events (docs/cli.md "Output formats").
struct OutputFlags {
  std::string format = "jsonl";
  bool keep_unlocated = false;
};
// --format (what `what` says it formats) and --keep-unlocated.
void AddOutputFlags(CLI::App* app, OutputFlags* flags, const std::string& what);
// A command without an output format (ingest, explain): --format is refused with a message that
// names --input-format, instead of CLI11's "unknown option".
void RefuseOutputFormat(CLI::App* app, const std::string& why);
// Opens the writer the flags ask for on `out`; on failure prints why and returns nullptr (the caller
// exits with kExitFailure). `data_dir` is --data-dir (the ACLED tables).
std::unique_ptr<EventWriter> OpenEventWriter(const OutputFlags& flags, const std::string& data_dir,
                                             std::ostream* out);
// The help text of --data-dir, the same in every command.
std::string DataDirHelp();

// The progress line on stderr, when stderr is a terminal (after the run has taken two seconds,
// redrawn in place at most ten times a second) or when --progress asks (a line a second):
// "[f/F files] N articles (R/s), E events, D of T MB, ETA m:ss". T and the ETA need the input
// size, unknown when reading standard input.
class Progress {
 public:
  // `total_bytes` < 0: unknown.
  Progress(bool allowed, bool forced, int64_t total_bytes);
  void Update(const ReadStats& stats, int64_t articles_done, int64_t events);
  // Erases the line (before a diagnostic or the summary).
  void Clear();

 private:
  std::string Line(const ReadStats& stats, int64_t articles_done, int64_t events, double seconds) const;

  bool enabled_;
  bool terminal_;
  bool shown_ = false;
  int64_t total_bytes_;
  std::chrono::steady_clock::time_point start_, last_;
};

// The size of the inputs in bytes (directories walked as ReadArticles walks them); -1 when one of
// them is standard input.
int64_t InputBytes(const std::vector<std::string>& paths);

// Totals of an extraction run.
struct RunTotals {
  ReadStats read;
  int64_t events = 0;
  int64_t extract_failed = 0;  // articles the pipeline failed on (reported as errors)
  bool started = false;        // reading began (flags were valid and the pipeline loaded)
};

// Receives each article with its events (already given ids); a non-OK status aborts the run.
using ArticleEventsSink = std::function<Status(Article&&, std::vector<Event>&&)>;

// Reads the inputs, runs the pipeline on each article (on --jobs threads) and hands the result to
// `sink`, in input order, on the calling thread. Prints
// diagnostics (warnings unless --quiet) and the progress line on stderr. Returns an exit code:
// kExitOk, kExitInputErrors (some input failed), kExitUsage (bad flag value) or kExitFailure
// (pipeline could not be opened, or `sink` failed).
// `known`, when given, says which articles need no extraction (already stored): they reach `sink`
// with no events and cost no pipeline time. It may set `warning` (reported against the article).
using KnownArticle = std::function<bool(const Article&, std::string* warning)>;
int RunExtraction(const InputFlags& flags, const ArticleEventsSink& sink, RunTotals* totals,
                  const KnownArticle& known = nullptr);

// "sitrep: read N articles (S skipped, F failed), E events".
std::string ReadSummary(const RunTotals& totals);

// Prints "sitrep: <message>" on stderr, control characters escaped (see strings::EscapeControl).
void PrintError(const std::string& message);

// `--dict DIR` (repeatable): a user actor dictionary folder loaded after ours (docs/actors.md).
void AddDictFlag(CLI::App* app, std::vector<std::string>* dicts);
// --no-learn-places: do not place names the gazetteer lacks by other reports' admin hints.
void AddNoLearnPlacesFlag(CLI::App* app, bool* no_learn);
// The first pass over a batch: where the articles' admin hints place names the gazetteer lacks
// ("Mamove (Beni, Nord-Kivu)"), for the pipeline to place the same names in the other articles
// (Pipeline::Learn, PlaceLessons).
void LearnPlaces(Pipeline& pipeline, const std::vector<Article>& articles);
// Adds to `lessons` what the articles of `files` teach (Pipeline::Learn), on `jobs` threads with the
// lessons joined in input order; the readers' problems go to `diag`. Returns ReadArticles' status.
Status LearnFromFiles(const Pipeline& pipeline, const std::vector<std::string>& files, const ReadOptions& options,
                      int jobs, Diagnostics* diag, PlaceLessons* lessons);
// The first pass of a run: LearnFromFiles, the lessons handed to the pipeline. Nothing, with a note
// on stderr unless `quiet`, when one of `files` cannot be read twice (standard input, a pipe). Read
// errors are left to the second pass, which reads the files again.
void LearnPlacesFromFiles(Pipeline& pipeline, const std::vector<std::string>& files, const ReadOptions& options,
                          int jobs, bool quiet);
// The user dictionary folders to load: $SITREP_DICT_PATH's, then the --dict ones (so these win).
std::vector<std::string> UserDictDirs(const std::vector<std::string>& dict_flags);
// Prints dictionary load warnings on stderr (the first few, then how many more and where to see
// them all), unless `quiet`.
void PrintDictWarnings(const std::vector<std::string>& warnings, bool quiet);

// The pipeline options of the command-line flags: --data-dir, --gazetteer, and the user dictionaries of
// --dict and $SITREP_DICT_PATH (UserDictDirs). Every command that codes articles opens its pipeline with these.
PipelineOptions MakePipelineOptions(const std::string& data_dir, const std::string& gazetteer,
                                    const std::vector<std::string>& dicts);
// Opens the pipeline with --data-dir / --gazetteer / --dict (plus $SITREP_DICT_PATH) and prints its
// load warnings unless `quiet`; on failure prints why and returns nullptr (the caller exits with
// kExitFailure).
std::unique_ptr<Pipeline> OpenPipeline(const std::string& data_dir, const std::string& gazetteer,
                                       const std::vector<std::string>& dicts, bool quiet);
// Opens an existing store read-only (--db, else DefaultDbPath()); never creates or changes one. On failure
// prints why and returns nullptr (the caller exits with kExitFailure).
std::unique_ptr<Store> OpenExistingStore(const std::string& db);

// Database path help text and validation of a YYYY-MM-DD flag value.
std::string DbHelp();
bool CheckDateFlag(const std::string& name, const std::string& value);

}  // namespace sitrep::cli

#endif  // SITREP_TOOLS_CLI_UTIL_H_
