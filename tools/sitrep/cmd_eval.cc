// sitrep eval --gold PATH [--pred FILE | --db PATH] : scores events against gold (docs/quality.md).
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "cli_util.h"
#include "command.h"
#include "sitrep/actors.h"
#include "sitrep/eval.h"
#include "sitrep/ingest.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {
namespace {

struct EvalFlags {
  std::string gold, pred, db, save_pred, data_dir, gazetteer;
  OutputFlags save_format;
  std::vector<std::string> articles, dicts;
  bool json = false, quiet = false, strict_place = false, no_learn_places = false;
  int date_window = 3, worst = 10;
  double place_km = 25;
  int64_t limit = 0;
};

// Keeps the gold events and articles of the first `limit` gold articles (in file order), and the
// first `limit` labelled snippets.
void LimitGold(int64_t limit, GoldSet* gold) {
  if (limit <= 0) return;
  if (static_cast<int64_t>(gold->snippets.size()) > limit) gold->snippets.resize(static_cast<size_t>(limit));
  std::set<std::string> kept;
  for (const Event& e : gold->events) {
    if (!kept.count(e.article_id) && static_cast<int64_t>(kept.size()) < limit) {
      kept.insert(e.article_id);
    }
  }
  std::erase_if(gold->events, [&](const Event& e) { return !kept.count(e.article_id); });
  std::erase_if(gold->articles, [&](const Article& a) { return !kept.count(a.id); });
}

// The actor dictionary's ids when it loads; the documented default key otherwise.
ActorNormalizer MakeActorNormalizer(const std::string& data_dir, const std::vector<std::string>& dicts, bool quiet) {
  std::string dir = data_dir.empty() ? DefaultActorDir() : data_dir + "/actors";
  std::shared_ptr<ActorDictionary> dict;
  std::unique_ptr<ActorDictionary> loaded;
  Status s = ActorDictionary::Load(dir, UserDictDirs(dicts), &loaded);
  if (!s.ok()) {
    if (!quiet) PrintError("warning: actor dictionary not loaded (" + s.ToString() + "); actors compared by name");
    return nullptr;
  }
  dict = std::move(loaded);
  return [dict](std::string_view name) -> std::string {
    if (dict->Find(name)) return std::string(name);  // already an id
    std::string id = dict->Normalize(name);
    return id.empty() ? DefaultActorKey(name) : id;
  };
}

// Runs the pipeline over `articles`, appending events (with ids) to `pred`. Returns an exit code.
int Predict(const EvalFlags& flags, const std::vector<Article>& articles, Diagnostics* diag,
            std::vector<Event>* pred) {
  std::unique_ptr<Pipeline> pipeline = OpenPipeline(flags.data_dir, flags.gazetteer, flags.dicts, flags.quiet);
  if (!pipeline) return kExitFailure;
  if (!flags.no_learn_places) LearnPlaces(*pipeline, articles);
  for (const Article& a : articles) {
    std::vector<Event> events;
    Status s = pipeline->Extract(a, &events, diag);
    if (!s.ok()) {
      diag->Error(a.origin, 0, -1, "extraction failed: " + s.message());
      continue;
    }
    for (Event& e : events) {
      if (e.article_id.empty()) e.article_id = a.id;
      if (e.event_id.empty()) e.event_id = ComputeEventId(e);
      pred->push_back(std::move(e));
    }
  }
  return kExitOk;
}

// Writes the predictions to --save-pred in --format; false (after saying why) when it cannot.
bool SavePredictions(const EvalFlags& flags, const std::vector<Event>& pred) {
  std::ofstream out(flags.save_pred, std::ios::binary);
  std::unique_ptr<EventWriter> writer = OpenEventWriter(flags.save_format, flags.data_dir, &out);
  if (!writer) return false;
  Status s;
  for (const Event& e : pred) {
    if (!(s = writer->Write(e)).ok()) break;
  }
  if (s.ok()) s = writer->Finish();
  if (!s.ok()) PrintError("cannot write " + flags.save_pred);
  return s.ok();
}

int Run(const EvalFlags& flags) {
  Diagnostics diag;
  diag.SetSink([&flags](const Diagnostic& d) {
    if (!flags.quiet || d.severity == Severity::kError) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  });
  GoldSet gold;
  Status s = LoadGold(flags.gold, &gold, &diag);
  if (!s.ok()) {
    PrintError(s.IsNotFound() ? "nothing to score: " + s.message() : s.ToString());
    return kExitInputErrors;
  }
  LimitGold(flags.limit, &gold);
  if (gold.events.empty() && gold.snippets.empty()) {
    PrintError("nothing to score: no readable gold event or snippet in " + flags.gold);
    return kExitInputErrors;
  }

  std::vector<Event> pred;
  if (!flags.pred.empty()) {
    s = LoadEventsJsonl(flags.pred, &pred, &diag);
  } else if (!flags.db.empty()) {
    s = LoadEventsFromDb(flags.db, &pred, &diag);
  } else {
    std::vector<Article> articles = gold.articles;
    for (const Snippet& snippet : gold.snippets) articles.push_back(snippet.article);
    if (!flags.articles.empty()) {
      ReadOptions ro;
      s = ReadArticles(flags.articles, ro, &diag, [&articles](Article&& a) {
        articles.push_back(std::move(a));
        return Status::OK();
      }, nullptr);
    }
    if (s.ok() && articles.empty()) {
      PrintError("no article texts to run the pipeline on: JSON-lines gold carries none; give --pred, --db or "
                 "--articles");
      return kExitUsage;
    }
    if (s.ok()) {
      int code = Predict(flags, articles, &diag, &pred);
      if (code != kExitOk) return code;
    }
  }
  if (!s.ok()) {
    PrintError(s.ToString());
    return s.IsNotFound() || s.code() == Status::Code::kIOError ? kExitInputErrors : kExitFailure;
  }
  if (!flags.save_pred.empty() && !SavePredictions(flags, pred)) return kExitFailure;

  EvalOptions options;
  options.date_window_days = flags.date_window;
  options.place_km = flags.place_km;
  options.admin_area_match = !flags.strict_place;
  options.worst = flags.worst;
  options.normalize_actor = MakeActorNormalizer(flags.data_dir, flags.dicts, flags.quiet);
  EvalReport report = Evaluate(gold, pred, options);
  std::string text = flags.json ? report.ToJson() : report.ToTable();
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    PrintError("cannot write to standard output");
    return kExitFailure;
  }
  if (!flags.quiet) {
    std::string snippets = report.snippets ? fmt::format(" and {} labelled snippets", report.snippets->snippets) : "";
    std::fprintf(stderr, "sitrep: scored %lld gold events%s from %zu file(s) against %zu predicted events%s\n",
                 static_cast<long long>(report.gold_events), snippets.c_str(), gold.files.size(), pred.size(),
                 diag.errors() ? fmt::format(" ({} input errors)", diag.errors()).c_str() : "");
  }
  return diag.errors() ? kExitInputErrors : kExitOk;
}

Register reg("eval", "Score extracted events against gold data (precision/recall, per-field accuracy)",
             [](CLI::App* app) {
  auto f = std::make_shared<EvalFlags>();
  app->add_option("--gold", f->gold,
                  "Gold: an ACLED-style .csv, a sitrep .jsonl, a labelled-snippet .jsonl (CASE 2021 style), "
                  "or a directory of them (*.csv, *.jsonl)")
      ->required();
  auto* pred = app->add_option("--pred", f->pred, "Predicted events, JSON lines (schema v1)");
  auto* db = app->add_option("--db", f->db, "Read predicted events from this sitrep store");
  pred->excludes(db);
  app->add_option("--articles", f->articles,
                  "Article files/directories to run the pipeline on when neither --pred nor --db is given "
                  "(ACLED gold brings its own texts: the notes column)");
  app->add_flag("--json", f->json, "Print the report as JSON instead of a table");
  app->add_flag("--strict-place", f->strict_place,
                "Match places by distance only (by default a prediction placed at a province or district also "
                "matches a gold place inside it)");
  app->add_option("--date-window", f->date_window, "Match criterion: dates at most this many days apart")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  app->add_option("--place-km", f->place_km, "Match criterion: places at most this many km apart")
      ->capture_default_str()->check(CLI::PositiveNumber);
  app->add_option("--worst", f->worst, "How many worst examples to show")->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app->add_option("--limit", f->limit, "Score only the first N gold articles (a quick slice)")
      ->check(CLI::NonNegativeNumber);
  app->add_option("--save-pred", f->save_pred, "Also write the predicted events to this file (in --format)");
  AddOutputFlags(app, &f->save_format, "the --save-pred file");
  app->add_option("--data-dir", f->data_dir, DataDirHelp());
  app->add_option("--gazetteer", f->gazetteer, "Gazetteer index file, or 'none' (default: built data dir)");
  AddDictFlag(app, &f->dicts);
  AddNoLearnPlacesFlag(app, &f->no_learn_places);
  app->add_flag("-q,--quiet", f->quiet, "Print errors only on stderr");
  app->footer(
      "Without --pred or --db, runs the pipeline on the gold texts (ACLED notes, snippet texts, or --articles)\n"
      "and scores it. Labelled snippets are scored in their own section.\n"
      "Matching rule and metrics: docs/quality.md. Actor names are normalised with the actor dictionary\n"
      "(data/actors) when it loads, else by case/punctuation-insensitive name.\n"
      "Exit codes: 0 ok (warnings may have been printed), 1 some input failed or no gold found,\n"
      "2 bad command line, 3 could not run (pipeline or data could not be opened, output failed).");
  return [f]() -> int { return Run(*f); };
});

}  // namespace
}  // namespace sitrep::cli
