// The building blocks of format detection and plain text: RepairUtf8 (output valid, idempotent,
// at most 3 bytes per input byte), LooksBinary, LooksUtf16, ParsePlainText (text is a trimmed
// part of the input; a date, when set, is a real date; a header warning points inside the input).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "sitrep/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)sitrep::LooksBinary(bytes);
  (void)sitrep::LooksUtf16(bytes);
  std::string repaired = bytes;
  sitrep::Utf8Repair r = sitrep::RepairUtf8(&repaired);
  if ((r.first_bad < 0) != (repaired == bytes)) std::abort();
  if (repaired.size() > 3 * bytes.size()) std::abort();
  std::string again = repaired;
  if (sitrep::RepairUtf8(&again).first_bad >= 0 || again != repaired) std::abort();

  sitrep::Article a;
  sitrep::Diagnostic warning;
  sitrep::ParsePlainText(repaired, &a, &warning);
  if (a.date && !sitrep::IsIsoDate(*a.date)) std::abort();
  if (repaired.find(a.text) == std::string::npos) std::abort();
  if (!warning.message.empty() && (warning.offset < 0 || warning.offset >= static_cast<int64_t>(repaired.size())))
    std::abort();
  return 0;
}
