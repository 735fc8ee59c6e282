// JSON lines: each fuzz input is a JSON-lines stream (forced format), so the JSON parser, the nesting
// limit, field typing and metadata copying are exercised on every line. The articles' metadata
// must be valid JSON again (it is stored as such).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "sitrep/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sitrep::ReadOptions opt;
  opt.format = sitrep::InputFormat::kJsonLines;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  opt.stdin_stream = &in;
  sitrep::Diagnostics diag;
  sitrep::ReadArticles({"-"}, opt, &diag, [](sitrep::Article&& a) {
    for (const auto& [key, value] : a.metadata)
      if (!nlohmann::json::accept(value)) std::abort();
    if (a.date && !sitrep::IsIsoDate(*a.date)) std::abort();
    return sitrep::Status::OK();
  }, nullptr);
  return 0;
}
