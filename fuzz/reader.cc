// The whole reader on one input as standard input: format detection (BOM, '{', binary, UTF-16),
// plain text and JSON lines, UTF-8 repair, and the size cap (taken from the first byte, so small
// caps and lines straddling them are explored). Checks the reader's promises: every article has
// valid UTF-8 text within the cap, an origin and an id; the counts add up.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "sitrep/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  sitrep::ReadOptions opt;
  opt.max_bytes = 16 + data[0] * 8;  // 16..2056 bytes
  opt.format = static_cast<sitrep::InputFormat>(data[0] % 3);
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  opt.stdin_stream = &in;
  sitrep::Diagnostics diag;
  sitrep::ReadStats stats;
  int64_t delivered = 0;
  sitrep::Status s = sitrep::ReadArticles({"-"}, opt, &diag, [&](sitrep::Article&& a) {
    std::string text = a.text;
    if (sitrep::RepairUtf8(&text).first_bad >= 0) std::abort();  // text is valid UTF-8
    if (static_cast<int64_t>(a.text.size()) > opt.max_bytes) std::abort();
    if (a.id.empty() || a.origin.empty()) std::abort();
    ++delivered;
    return sitrep::Status::OK();
  }, &stats);
  if (!s.ok() || delivered != stats.articles) std::abort();
  for (const sitrep::Diagnostic& d : diag.all()) (void)d.ToString();
  return 0;
}
