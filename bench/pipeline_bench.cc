// deps: sitrep_pipeline sitrep_ingest sitrep_text sitrep_eval
// Throughput of the whole pipeline, and micro-benchmarks of hot stages (docs/benchmarks.md).
//
//   pipeline_bench [PATH] [--target N] [--gazetteer PATH|none]
//       PATH: a directory or .jsonl/.txt file of articles (default ../shared/corpus when present,
//       else the two samples in ../shared/samples repeated to N articles, default 1000).
//       Prints articles/s, MB/s, seconds per stage, events and peak RSS.
//   pipeline_bench --micro [--benchmark_filter=...]
//       Google Benchmark: text analysis, whole-article extraction, eval matching.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "sitrep/eval.h"
#include "sitrep/ingest.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"
#include "sitrep/syntax.h"
#include "sitrep/text.h"

namespace {

using Clock = std::chrono::steady_clock;

const std::string kShared = SITREP_BENCH_SHARED_DIR;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// User + system CPU seconds of this process: steadier than wall time on a shared machine.
double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + 1e-6 * (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}

long PeakRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;  // kilobytes on Linux
}

// Reads every article under `path` with the ingest readers. Problems are printed, not fatal.
std::vector<sitrep::Article> ReadCorpus(const std::string& path) {
  std::vector<sitrep::Article> out;
  sitrep::Diagnostics diag;
  sitrep::Status s = sitrep::ReadArticles({path}, sitrep::ReadOptions(), &diag, [&out](sitrep::Article&& a) {
    out.push_back(std::move(a));
    return sitrep::Status::OK();
  }, nullptr);
  if (!s.ok()) std::fprintf(stderr, "pipeline_bench: %s\n", s.ToString().c_str());
  if (diag.errors() || diag.warnings()) {
    std::fprintf(stderr, "pipeline_bench: %d warnings, %d errors reading %s\n", diag.warnings(), diag.errors(),
                 path.c_str());
  }
  return out;
}

// The samples repeated to `target` articles, each copy with its own id (no cache can help).
std::vector<sitrep::Article> RepeatedSamples(size_t target) {
  std::vector<sitrep::Article> base = ReadCorpus(kShared + "/samples");
  std::vector<sitrep::Article> out;
  for (size_t i = 0; !base.empty() && out.size() < target; ++i) {
    sitrep::Article a = base[i % base.size()];
    // Appended in two steps: GCC 12 at -O3 warns (a false -Wrestrict, GCC bug 105329) on "-" + std::string.
    a.id += '-';
    a.id += std::to_string(i);
    out.push_back(std::move(a));
  }
  return out;
}

std::unique_ptr<sitrep::Pipeline> OpenPipeline(const std::string& gazetteer) {
  sitrep::PipelineOptions options;
  options.gazetteer_path = gazetteer;
  std::unique_ptr<sitrep::Pipeline> p;
  sitrep::Status s = sitrep::Pipeline::Open(options, &p);
  if (!s.ok()) {
    std::fprintf(stderr, "pipeline_bench: cannot open the pipeline: %s\n", s.ToString().c_str());
    return nullptr;
  }
  return p;
}

int RunThroughput(int argc, char** argv) {
  std::string path, gazetteer;
  size_t target = 1000;
  int cold = -1;  // forget the per-thread word caches before each article; default: on repeated samples
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--cold")) {
      cold = 1;
    } else if (!std::strcmp(argv[i], "--warm")) {
      cold = 0;
    } else if (!std::strcmp(argv[i], "--target") && i + 1 < argc) {
      target = std::stoul(argv[++i]);
    } else if (!std::strcmp(argv[i], "--gazetteer") && i + 1 < argc) {
      gazetteer = argv[++i];
    } else if (argv[i][0] == '-') {
      std::fprintf(stderr,
                   "usage: pipeline_bench [PATH] [--target N] [--gazetteer PATH|none] [--cold|--warm] | --micro\n");
      return 2;
    } else {
      path = argv[i];
    }
  }
  if (path.empty() && std::filesystem::exists(kShared + "/corpus")) path = kShared + "/corpus";
  // The tagger remembers the words each thread tagged recently. On the two samples repeated, every
  // article would find its whole vocabulary remembered, which no real stream gives: so by default
  // that corpus is run cold (each article profits only from repetition within itself).
  if (cold < 0) cold = path.empty() ? 1 : 0;

  Clock::time_point t = Clock::now();
  std::vector<sitrep::Article> articles =
      path.empty() ? RepeatedSamples(target) : ReadCorpus(path);
  double read_s = Seconds(t);
  if (articles.empty()) {
    std::fprintf(stderr, "pipeline_bench: no articles\n");
    return 1;
  }
  double bytes = 0;
  for (const sitrep::Article& a : articles) bytes += static_cast<double>(a.text.size());

  t = Clock::now();
  std::unique_ptr<sitrep::Pipeline> pipeline = OpenPipeline(gazetteer);
  if (!pipeline) return 3;
  double open_s = Seconds(t);
  long rss_after_open = PeakRssKb();

  sitrep::StageTimes times;
  size_t events = 0, failed = 0;
  std::vector<sitrep::Event> out;
  t = Clock::now();
  double cpu0 = CpuSeconds();
  for (const sitrep::Article& a : articles) {
    out.clear();
    if (cold) sitrep::Tagger::ForgetThreadCaches();
    if (!pipeline->Extract(a, &out, nullptr, &times).ok()) ++failed;
    events += out.size();
  }
  double run_s = Seconds(t);
  double cpu_s = CpuSeconds() - cpu0;

  std::printf("corpus:        %s (%s word caches)\n", path.empty() ? "../shared/samples repeated" : path.c_str(),
              cold ? "cold: forgotten before each article" : "warm");
  std::printf("articles:      %zu (%.2f MB of text), %zu failed\n", articles.size(), bytes / 1e6, failed);
  std::printf("read:          %.3f s\n", read_s);
  std::printf("open pipeline: %.3f s (peak RSS after open %.1f MB)\n", open_s, rss_after_open / 1024.0);
  std::printf("extract:       %.3f s = %.1f articles/s, %.3f MB/s, %.2f ms/article\n", run_s,
              articles.size() / run_s, bytes / 1e6 / run_s, 1e3 * run_s / articles.size());
  std::printf("extract CPU:   %.3f s = %.1f articles/s, %.3f MB/s (user+sys; stage times below are wall)\n", cpu_s,
              articles.size() / cpu_s, bytes / 1e6 / cpu_s);
  std::printf("events:        %zu (%.2f per article)\n", events, static_cast<double>(events) / articles.size());
  double staged = 0;
  for (int s = 0; s < sitrep::StageTimes::kCount; ++s) staged += times.seconds[s];
  std::printf("stages:        (seconds, share of extract time)\n");
  for (int s = 0; s < sitrep::StageTimes::kCount; ++s) {
    std::printf("  %-10s %8.3f s %6.1f%%\n", sitrep::StageTimes::Name(s), times.seconds[s],
                run_s > 0 ? 100 * times.seconds[s] / run_s : 0.0);
  }
  std::printf("  %-10s %8.3f s %6.1f%%\n", "other", run_s - staged, run_s > 0 ? 100 * (run_s - staged) / run_s : 0.0);
  std::printf("peak RSS:      %.1f MB\n", PeakRssKb() / 1024.0);
  return 0;
}

// ---- Micro-benchmarks ------------------------------------------------------------------------

const std::vector<sitrep::Article>& Samples() {
  static const std::vector<sitrep::Article> samples = ReadCorpus(kShared + "/samples");
  return samples;
}

void BM_AnalyzeText(benchmark::State& state) {
  const std::string& text = Samples().at(0).text;
  sitrep::Document doc;
  for (auto _ : state) {
    sitrep::AnalyzeText(text, &doc);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_AnalyzeText);

void BM_ExtractArticle(benchmark::State& state) {
  static std::unique_ptr<sitrep::Pipeline> pipeline = OpenPipeline("");
  if (!pipeline) {
    state.SkipWithError("pipeline did not open");
    return;
  }
  const sitrep::Article& a = Samples().at(static_cast<size_t>(state.range(0)));
  std::vector<sitrep::Event> events;
  for (auto _ : state) {
    events.clear();
    benchmark::DoNotOptimize(pipeline->Extract(a, &events));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * a.text.size()));
  state.counters["events"] = static_cast<double>(events.size());
}
BENCHMARK(BM_ExtractArticle)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// The first pass of a batch (place lessons): what Learn costs per article, next to Extract.
void BM_LearnArticle(benchmark::State& state) {
  static std::unique_ptr<sitrep::Pipeline> pipeline = OpenPipeline("");
  if (!pipeline) {
    state.SkipWithError("pipeline did not open");
    return;
  }
  const sitrep::Article& a = Samples().at(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    sitrep::PlaceLessons lessons;
    pipeline->Learn(a, &lessons);
    benchmark::DoNotOptimize(lessons.empty());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * a.text.size()));
}
BENCHMARK(BM_LearnArticle)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// Scoring n gold events against n predictions spread over n/4 articles.
void BM_Evaluate(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  sitrep::GoldSet gold;
  std::vector<sitrep::Event> pred;
  for (int i = 0; i < n; ++i) {
    sitrep::Event e;
    e.article_id = "A" + std::to_string(i / 4);
    e.acled_event_type = i % 3 ? "Battles" : "Violence against civilians";
    e.actor1.name = "M23: March 23 Movement";
    e.date = "2023-11-0" + std::to_string(1 + i % 9);
    sitrep::Location loc;
    loc.lat = -1.3 + 0.01 * (i % 7);
    loc.lon = 29.0;
    loc.precision = 1;
    e.location = loc;
    gold.events.push_back(e);
    e.date = "2023-11-0" + std::to_string(1 + (i + 1) % 9);
    pred.push_back(e);
  }
  for (auto _ : state) benchmark::DoNotOptimize(sitrep::Evaluate(gold, pred, sitrep::EvalOptions()).matched);
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_Evaluate)->Arg(100)->Arg(10000)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && !std::strcmp(argv[1], "--micro")) {
    argv[1] = argv[0];  // hand the rest to Google Benchmark
    --argc;
    ++argv;
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
  }
  return RunThroughput(argc, argv);
}
