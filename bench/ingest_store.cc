// deps: sitrep_ingest sitrep_store
// Throughput of the article readers (JSON lines, with UTF-8 validation) and of batched store writes.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "sitrep/ingest.h"
#include "sitrep/store.h"

namespace {

std::string MakeText(int i) {
  std::string t = "date 2023-11-07 Article " + std::to_string(i) + ". ";
  while (t.size() < 3000) t += "The M23 rebels claimed they had recaptured strategic positions in eastern DR Congo. ";
  return t;
}

std::string TempDirPath() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-bench-XXXXXX").string();
  return mkdtemp(tmpl.data()) ? tmpl : std::string("/tmp");
}

void BM_ReadJsonLines(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::string dir = TempDirPath(), path = dir + "/a.jsonl";
  {
    std::ofstream out(path);
    for (int i = 0; i < n; ++i) out << "{\"text\":\"" << MakeText(i) << "\",\"source\":\"x.org\"}\n";
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    sitrep::ReadStats stats;
    sitrep::Diagnostics diag;
    sitrep::ReadArticles({path}, {}, &diag, [](sitrep::Article&& a) {
      benchmark::DoNotOptimize(a.id);
      return sitrep::Status::OK();
    }, &stats);
    bytes += stats.bytes;
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations() * n);
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_ReadJsonLines)->Arg(1000);

void BM_RepairUtf8Valid(benchmark::State& state) {
  std::string text = MakeText(0) + "\xC3\xA9\xE2\x80\x94";
  for (auto _ : state) {
    std::string s = text;
    benchmark::DoNotOptimize(sitrep::RepairUtf8(&s));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_RepairUtf8Valid);

// Articles with 5 events each, written in batches of state.range(0) articles (one transaction each).
void BM_StoreWrite(benchmark::State& state) {
  const int batch_size = static_cast<int>(state.range(0));
  std::string dir = TempDirPath();
  std::unique_ptr<sitrep::Store> store;
  sitrep::Store::Open(dir + "/b.db", {}, &store);
  int next = 0;
  for (auto _ : state) {
    sitrep::Store::Batch batch;
    for (int i = 0; i < batch_size; ++i) {
      sitrep::Article a;
      a.text = MakeText(next++);
      a.id = sitrep::ComputeArticleId("", "", a.text);
      std::vector<sitrep::Event> events(5);
      for (int k = 0; k < 5; ++k) {
        events[k].plover_type = "FIGHT";
        events[k].actor1 = {"March 23 Movement", "M23", "rebel group", "COD", "M23"};
        events[k].date = "2023-11-06";
        events[k].evidence.trigger_start = k;
      }
      batch.emplace_back(std::move(a), std::move(events));
    }
    sitrep::Status s = store->Write(batch, nullptr);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations() * batch_size);
  store.reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_StoreWrite)->Arg(1)->Arg(64);

}  // namespace

BENCHMARK_MAIN();
