// The store: an article read from the input as one JSON line is written with an event into an
// in-memory database, then listed, read back and queried; what comes back must be what went in.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "sitrep/ingest.h"
#include "sitrep/store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sitrep::ReadOptions opt;
  opt.format = sitrep::InputFormat::kJsonLines;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  opt.stdin_stream = &in;
  std::unique_ptr<sitrep::Store> store;
  if (!sitrep::Store::Open(":memory:", sitrep::StoreOptions(), &store).ok()) std::abort();
  sitrep::ReadArticles({"-"}, opt, nullptr, [&](sitrep::Article&& a) {
    sitrep::Event e;
    e.plover_type = a.title;
    e.date = a.date;
    e.evidence.sentence = a.text;
    sitrep::Store::Batch batch;
    batch.emplace_back(a, std::vector<sitrep::Event>{e});
    sitrep::WriteStats ws;
    if (!store->Write(batch, &ws).ok()) std::abort();
    sitrep::Article back;
    if (!store->GetArticle(a.id, &back).ok()) std::abort();
    if (ws.articles_new == 1 && (back.text != a.text || back.date != a.date)) std::abort();
    sitrep::EventQuery q;
    q.article_id = a.id;
    int64_t n = 0;
    if (!store->QueryEvents(q, [&](const sitrep::Event&) { ++n; return sitrep::Status::OK(); }).ok()) std::abort();
    if (n != 1) std::abort();  // the event of the first article stored under this id
    return sitrep::Status::OK();
  }, nullptr);
  return 0;
}
