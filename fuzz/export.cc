// The exports of one event: the input is an event as JSON (schema v1 or v2). When it parses, its JSON,
// CSV record and GeoJSON feature are written, and the JSON must read back to the same JSON.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "sitrep/event.h"
#include "sitrep/store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sitrep::Event e;
  if (!sitrep::EventFromJson(std::string(reinterpret_cast<const char*>(data), size), &e).ok()) return 0;
  std::string json = sitrep::EventToJson(e);
  sitrep::Event back;
  if (!sitrep::EventFromJson(json, &back).ok() || sitrep::EventToJson(back) != json) std::abort();
  std::string csv = sitrep::CsvRecord(sitrep::EventColumnValues(e));
  if (csv.size() < 2 || csv.substr(csv.size() - 2) != "\r\n") std::abort();
  (void)sitrep::EventToGeoJsonFeature(e);  // a Point, or "geometry": null without coordinates
  return 0;
}
