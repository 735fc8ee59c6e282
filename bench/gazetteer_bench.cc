// deps: sitrep_places
// Gazetteer benchmarks: index open (mmap) and place finding on a real 600-word article.
// Uses the index at $SITREP_GAZETTEER or BuildDataDir()/gazetteer.idx (scripts/build-data).
#include <benchmark/benchmark.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "../tests/places/doc_util.h"
#include "sitrep/places.h"

namespace {

std::string IndexPath() { return sitrep::Gazetteer::DefaultPath(); }

void BM_GazetteerOpen(benchmark::State& state) {
  for (auto _ : state) {
    std::unique_ptr<sitrep::Gazetteer> g;
    sitrep::Status s = sitrep::Gazetteer::Open(IndexPath(), &g);
    if (!s.ok()) {
      state.SkipWithError(s.ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(g->size());
  }
}
BENCHMARK(BM_GazetteerOpen)->Unit(benchmark::kMicrosecond);

void BM_PlaceFinderArticle(benchmark::State& state) {
  std::unique_ptr<sitrep::Gazetteer> g;
  sitrep::Status s = sitrep::Gazetteer::Open(IndexPath(), &g);
  std::ifstream in(std::string(SITREP_BENCH_SHARED_DIR) + "/samples/000_faa27aeaf128c5a5.txt");
  if (!s.ok() || !in) {
    state.SkipWithError("index or sample article missing");
    return;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  sitrep::Document doc;
  sitrep::testing::SimpleAnalyze(text, &doc);
  std::unique_ptr<sitrep::PlaceFinder> finder;
  if (!sitrep::PlaceFinder::Load(g.get(), sitrep::PlaceFinder::DefaultCuesPath(), &finder).ok()) {
    state.SkipWithError("data/places/cues.txt missing");
    return;
  }
  size_t found = 0;
  for (auto _ : state) {
    auto mentions = finder->Find(doc);
    found = mentions.size();
    benchmark::DoNotOptimize(mentions.data());
  }
  state.counters["tokens"] = static_cast<double>(doc.tokens.size());
  state.counters["mentions"] = static_cast<double>(found);
}
BENCHMARK(BM_PlaceFinderArticle)->Unit(benchmark::kMicrosecond);

void BM_Lookup(benchmark::State& state) {
  std::unique_ptr<sitrep::Gazetteer> g;
  if (!sitrep::Gazetteer::Open(IndexPath(), &g).ok()) {
    state.SkipWithError("index missing");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(g->Lookup("North Kivu").size());
}
BENCHMARK(BM_Lookup);

}  // namespace

BENCHMARK_MAIN();
