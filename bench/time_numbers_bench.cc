// deps: sitrep_time sitrep_numbers sitrep_text
// Throughput of the time and numbers recognisers over the two M23 samples, tokenised once.
// Run: build-<you>/bench/time_numbers_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "sitrep/numbers.h"
#include "sitrep/temporal.h"
#include "sitrep/text.h"

namespace {

struct Corpus {
  std::string text;
  sitrep::Document doc;
  Corpus() {
    for (const char* name : {"000_faa27aeaf128c5a5.txt", "001_560bd95e9cff5d9e.txt"}) {
      std::ifstream in(std::string(SITREP_BENCH_SHARED_DIR "/samples/") + name, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      text += ss.str() + "\n\n";
    }
    sitrep::AnalyzeText(text, &doc);
  }
};

const Corpus& GetCorpus() {
  static const Corpus* c = new Corpus();
  return *c;
}

void BM_FindTimeMentions(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const std::optional<std::string> article = "2023-11-07";
  for (auto _ : state) {
    size_t n = 0;
    for (const sitrep::Sentence& s : c.doc.sentences) n += sitrep::FindTimeMentions(c.doc, s, article).size();
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(c.doc.tokens.size()));
  state.SetLabel("items = tokens");
}
BENCHMARK(BM_FindTimeMentions);

void BM_FindCounts(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  for (auto _ : state) {
    size_t n = 0;
    for (const sitrep::Sentence& s : c.doc.sentences) n += sitrep::FindCounts(c.doc, s).size();
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(c.doc.tokens.size()));
  state.SetLabel("items = tokens");
}
BENCHMARK(BM_FindCounts);

void BM_ParseQuantityAtEveryToken(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const uint32_t end = static_cast<uint32_t>(c.doc.tokens.size());
  for (auto _ : state) {
    size_t n = 0;
    for (uint32_t i = 0; i < end; ++i) n += sitrep::ParseQuantityAt(c.doc, i, end).has_value();
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * end);
}
BENCHMARK(BM_ParseQuantityAtEveryToken);

}  // namespace

BENCHMARK_MAIN();
