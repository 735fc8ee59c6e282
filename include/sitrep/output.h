// Event output: one writer per format, shared by `sitrep extract`, `sitrep events` and
// `sitrep eval --save-pred` (docs/cli.md "Output formats", docs/schema.md for the columns).
//
//   #include "sitrep/output.h"
//
//   sitrep::OutputOptions options;
//   sitrep::Status s = sitrep::ParseOutputFormat("acled-csv", &options.format);  // jsonl csv acled-csv geojson
//   std::unique_ptr<sitrep::EventWriter> writer;
//   if (s.ok()) s = sitrep::EventWriter::Open(options, &std::cout, &writer);   // writes a CSV header now
//   for (const sitrep::Event& e : events) {
//     if (!(s = writer->Write(e)).ok()) break;   // IOError when the stream fails
//   }
//   if (s.ok()) s = writer->Finish();            // GeoJSON's closing brackets; flushes the stream
//   // writer->unlocated(): GeoJSON events left out for want of coordinates (see keep_unlocated)
//
// Formats:
//   jsonl      one event per line, schema v2, keys in the documented order (EventToJson)
//   csv        the flat columns (EventColumns), RFC 4180, formula-like cells neutralized (CsvRecord)
//   acled-csv  ACLED's columns in ACLED's order (AcledColumns), codes mapped by data/output/acled.tsv
//   geojson    a FeatureCollection of Points; events without coordinates are left out and counted, or
//              with keep_unlocated written with "geometry": null (RFC 7946 allows it)
// Coordinates are rounded to 5 decimals (RoundCoordinate) in every format. A writer is not
// thread-safe; write from one thread.
#ifndef SITREP_OUTPUT_H_
#define SITREP_OUTPUT_H_

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/status.h"

namespace sitrep {

enum class OutputFormat { kJsonLines, kCsv, kAcledCsv, kGeoJson };

// The format names, in the order of OutputFormat: "jsonl", "csv", "acled-csv", "geojson".
const std::vector<std::string>& OutputFormatNames();
// InvalidArgument naming the known formats when `name` is none of them.
Status ParseOutputFormat(std::string_view name, OutputFormat* out);

struct OutputOptions {
  OutputFormat format = OutputFormat::kJsonLines;
  // GeoJSON: write events without coordinates as features with "geometry": null instead of leaving
  // them out.
  bool keep_unlocated = false;
  // ACLED CSV: the data folder with output/acled.tsv and places/countries.tsv; empty: DataDir().
  std::string data_dir;
};

class EventWriter {
 public:
  // Opens a writer for options.format on `out` (which must outlive it) and writes what comes before
  // the first event (a CSV header, GeoJSON's opening). Fails when the ACLED tables cannot be read
  // (the message names the file and line) or the stream fails.
  static Status Open(const OutputOptions& options, std::ostream* out, std::unique_ptr<EventWriter>* writer);
  virtual ~EventWriter() = default;

  // Writes one event; IOError when the stream fails.
  virtual Status Write(const Event& e) = 0;
  // Writes what comes after the last event and flushes; call once.
  virtual Status Finish();

  int64_t written() const { return written_; }      // events written
  int64_t unlocated() const { return unlocated_; }  // GeoJSON: events left out (no coordinates)

 protected:
  explicit EventWriter(std::ostream* out) : out_(out) {}
  // Appends `text` to the stream; IOError when the stream has failed.
  Status Put(std::string_view text);

  std::ostream* out_;
  int64_t written_ = 0;
  int64_t unlocated_ = 0;
};

// ACLED's column names in ACLED's order (the export of acleddata.com).
const std::vector<std::string>& AcledColumns();

}  // namespace sitrep

#endif  // SITREP_OUTPUT_H_
