// deps: sitrep_text
// Text layer throughput over the real news samples (../shared/samples): bytes/s and tokens/s.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sitrep/text.h"

namespace {

// All sample files concatenated (paragraph-separated), read once.
const std::string& SamplesText() {
  static const std::string text = [] {
    std::string all;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(SITREP_BENCH_SHARED_DIR "/samples", ec)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      all += ss.str();
      all += "\n\n";
    }
    return all;
  }();
  return text;
}

void BM_AnalyzeText(benchmark::State& state) {
  const std::string& text = SamplesText();
  if (text.empty()) {
    state.SkipWithError("no samples under " SITREP_BENCH_SHARED_DIR "/samples");
    return;
  }
  sitrep::Document doc;
  size_t tokens = 0;
  for (auto _ : state) {
    sitrep::AnalyzeText(text, &doc);
    tokens += doc.tokens.size();
    benchmark::DoNotOptimize(doc.sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalyzeText);

// The same text with ASCII quotes replaced by typographic ones, so every quote/apostrophe
// token takes the utf8proc path.
void BM_AnalyzeTextTypographic(benchmark::State& state) {
  std::string text;
  for (char c : SamplesText()) {
    if (c == '\'') text += "\xE2\x80\x99";
    else if (c == '"') text += "\xE2\x80\x9D";
    else if (c == ' ' && text.size() % 7 == 0) text += "\xC2\xA0";
    else text += c;
  }
  sitrep::Document doc;
  size_t tokens = 0;
  for (auto _ : state) {
    sitrep::AnalyzeText(text, &doc);
    tokens += doc.tokens.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalyzeTextTypographic);

void BM_NormalizeText(benchmark::State& state) {
  const std::string& text = SamplesText();
  for (auto _ : state) benchmark::DoNotOptimize(sitrep::NormalizeText(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_NormalizeText);

void BM_FoldCase(benchmark::State& state) {
  const std::string text = sitrep::NormalizeText(SamplesText());
  for (auto _ : state) benchmark::DoNotOptimize(sitrep::FoldCase(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_FoldCase);

}  // namespace

BENCHMARK_MAIN();
