// deps: sitrep_syntax
// Tagger throughput (items = tokens) on the UD EWT test split and on the two sample news
// reports, plus model load time. Target: >= 1.5 M tokens/s on one core.
//   build/bench/tagger_bench --benchmark_min_time=2
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>

#include "core/strings.h"
#include "sitrep/syntax.h"

namespace {

const std::string kModel = std::string(SITREP_BENCH_SOURCE_DIR) + "/data/models/en_ewt_tagger.bin";

std::unique_ptr<sitrep::Tagger> LoadTagger() {
  std::unique_ptr<sitrep::Tagger> t;
  sitrep::Status s = sitrep::Tagger::Load(kModel, &t);
  if (!s.ok()) std::fprintf(stderr, "%s\n", s.ToString().c_str());
  return t;
}

void AddToken(sitrep::Document* doc, std::string norm, bool space_before) {
  sitrep::Token t;
  t.lower = sitrep::strings::AsciiLower(norm);
  t.norm = std::move(norm);
  t.space_before = space_before;
  doc->tokens.push_back(std::move(t));
}

// EWT test split as one Document (gold tokenisation).
sitrep::Document EwtDoc() {
  sitrep::Document doc;
  std::ifstream in(std::string(SITREP_BENCH_SHARED_DIR) + "/ud/en_ewt/en_ewt-ud-test.conllu");
  std::string line;
  sitrep::Sentence s;
  while (std::getline(in, line)) {
    if (line.empty()) {
      s.last_token = static_cast<uint32_t>(doc.tokens.size());
      if (s.last_token > s.first_token) doc.sentences.push_back(s);
      s.first_token = s.last_token;
      continue;
    }
    if (line[0] == '#') continue;
    std::istringstream cols(line);
    std::string id, form;
    std::getline(cols, id, '\t');
    std::getline(cols, form, '\t');
    if (id.find_first_of("-.") != std::string::npos) continue;
    AddToken(&doc, form, true);
  }
  return doc;
}

// The sample news reports, split crudely (words, and each punctuation mark alone; a
// sentence ends at . ! ?): enough to time the tagger without the text stage.
sitrep::Document NewsDoc() {
  sitrep::Document doc;
  sitrep::Sentence s;
  for (const char* name : {"000_faa27aeaf128c5a5.txt", "001_560bd95e9cff5d9e.txt"}) {
    std::ifstream in(std::string(SITREP_BENCH_SHARED_DIR) + "/samples/" + name);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    std::string word;
    bool space = true;
    auto flush = [&] {
      if (!word.empty()) AddToken(&doc, word, space), space = false;
      word.clear();
    };
    for (char c : text) {
      if (std::isspace(static_cast<unsigned char>(c))) {
        flush();
        space = true;
      } else if (std::ispunct(static_cast<unsigned char>(c)) && c != '-' && c != '\'') {
        flush();
        AddToken(&doc, std::string(1, c), space);
        space = false;
        if (c == '.' || c == '!' || c == '?') {
          s.last_token = static_cast<uint32_t>(doc.tokens.size());
          doc.sentences.push_back(s);
          s.first_token = s.last_token;
        }
      } else {
        word += c;
      }
    }
    flush();
  }
  s.last_token = static_cast<uint32_t>(doc.tokens.size());
  if (s.last_token > s.first_token) doc.sentences.push_back(s);
  return doc;
}

void TagDoc(benchmark::State& state, sitrep::Document doc) {
  auto tagger = LoadTagger();
  if (!tagger) {
    state.SkipWithError("model did not load");
    return;
  }
  for (auto _ : state) {
    tagger->TagAll(&doc);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.tokens.size()));
}

void BM_TagEwtTest(benchmark::State& state) { TagDoc(state, EwtDoc()); }
void BM_TagNewsSamples(benchmark::State& state) { TagDoc(state, NewsDoc()); }

void BM_LoadModel(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(LoadTagger());
}

BENCHMARK(BM_TagEwtTest)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagNewsSamples)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
