// deps: sitrep_actors
// Actor matching speed on the two sample articles (tokenised once, outside the timing).
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "sitrep/actors.h"
#include "sitrep/text.h"

namespace {

const sitrep::ActorDictionary& Dict() {
  static std::unique_ptr<sitrep::ActorDictionary> d = [] {
    std::unique_ptr<sitrep::ActorDictionary> out;
    sitrep::Status s = sitrep::ActorDictionary::Load(std::string(SITREP_BENCH_SOURCE_DIR) + "/data/actors", &out);
    if (!s.ok()) std::abort();
    return out;
  }();
  return *d;
}

std::string Samples() {
  std::string all;
  for (const char* f : {"000_faa27aeaf128c5a5.txt", "001_560bd95e9cff5d9e.txt"}) {
    std::ifstream in(std::string(SITREP_BENCH_SHARED_DIR) + "/samples/" + f);
    std::stringstream ss;
    ss << in.rdbuf();
    all += ss.str() + "\n\n";
  }
  return all;
}

void BM_LoadDictionary(benchmark::State& state) {
  for (auto _ : state) {
    std::unique_ptr<sitrep::ActorDictionary> d;
    sitrep::Status s = sitrep::ActorDictionary::Load(std::string(SITREP_BENCH_SOURCE_DIR) + "/data/actors", &d);
    benchmark::DoNotOptimize(s.ok());
  }
}
BENCHMARK(BM_LoadDictionary)->Unit(benchmark::kMillisecond);

// Both samples (~1,050 words): match every sentence, then resolve coreference.
void BM_MatchSamples(benchmark::State& state) {
  std::string text = Samples();
  sitrep::Document doc;
  sitrep::AnalyzeText(text, &doc);
  size_t words = 0;
  for (const auto& t : doc.tokens) words += t.kind == sitrep::TokenKind::kWord;
  for (auto _ : state) {
    auto ms = Dict().MatchDocument(doc);
    sitrep::ResolveCoreference(Dict(), &ms);
    benchmark::DoNotOptimize(ms.data());
  }
  state.counters["words"] = static_cast<double>(words);
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MatchSamples)->Unit(benchmark::kMicrosecond);

// Matching alone, without coreference.
void BM_MatchOnly(benchmark::State& state) {
  std::string text = Samples();
  sitrep::Document doc;
  sitrep::AnalyzeText(text, &doc);
  for (auto _ : state) {
    auto ms = Dict().MatchDocument(doc);
    benchmark::DoNotOptimize(ms.data());
  }
}
BENCHMARK(BM_MatchOnly)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
