// The event writers of sitrep/output.h: one class per format.
#include "sitrep/output.h"

#include "acled.h"
#include "sitrep/store.h"

namespace sitrep {
namespace {

class JsonLinesWriter : public EventWriter {
 public:
  explicit JsonLinesWriter(std::ostream* out) : EventWriter(out) {}
  Status Write(const Event& e) override {
    ++written_;
    return Put(EventToJson(e) + "\n");
  }
};

class CsvWriter : public EventWriter {
 public:
  explicit CsvWriter(std::ostream* out) : EventWriter(out) {}
  Status Begin() { return Put(CsvRecord(EventColumns())); }
  Status Write(const Event& e) override {
    ++written_;
    return Put(CsvRecord(EventColumnValues(e)));
  }
};

class AcledCsvWriter : public EventWriter {
 public:
  AcledCsvWriter(std::ostream* out, acled::Codes codes) : EventWriter(out), codes_(std::move(codes)) {}
  Status Begin() { return Put(CsvRecord(AcledColumns())); }
  Status Write(const Event& e) override {
    ++written_;
    return Put(CsvRecord(codes_.Row(e)));
  }

 private:
  acled::Codes codes_;
};

class GeoJsonWriter : public EventWriter {
 public:
  GeoJsonWriter(std::ostream* out, bool keep_unlocated) : EventWriter(out), keep_unlocated_(keep_unlocated) {}
  Status Begin() { return Put("{\"type\":\"FeatureCollection\",\"features\":["); }
  Status Write(const Event& e) override {
    if (!keep_unlocated_ && !HasCoordinates(e)) {
      ++unlocated_;
      return Status::OK();
    }
    return Put((written_++ ? ",\n" : "\n") + EventToGeoJsonFeature(e));
  }
  Status Finish() override {
    Status s = Put("\n]}\n");
    return s.ok() ? EventWriter::Finish() : s;
  }

 private:
  bool keep_unlocated_;
};

// Opens a writer of type W and writes its opening.
template <typename W>
Status Begin(std::unique_ptr<W> w, std::unique_ptr<EventWriter>* out) {
  Status s = w->Begin();
  if (s.ok()) *out = std::move(w);
  return s;
}

}  // namespace

const std::vector<std::string>& OutputFormatNames() {
  static const std::vector<std::string> kNames = {"jsonl", "csv", "acled-csv", "geojson"};
  return kNames;
}

Status ParseOutputFormat(std::string_view name, OutputFormat* out) {
  const std::vector<std::string>& names = OutputFormatNames();
  for (size_t i = 0; i < names.size(); ++i) {
    if (name == names[i]) {
      *out = static_cast<OutputFormat>(i);
      return Status::OK();
    }
  }
  return Status::InvalidArgument("unknown output format '" + std::string(name) +
                                 "' (jsonl, csv, acled-csv or geojson)");
}

const std::vector<std::string>& AcledColumns() {
  static const std::vector<std::string> kColumns = {
      "event_id_cnty", "event_date",    "year",          "time_precision", "disorder_type", "event_type",
      "sub_event_type", "actor1",       "assoc_actor_1", "inter1",         "actor2",        "assoc_actor_2",
      "inter2",        "interaction",   "civilian_targeting", "iso",       "region",        "country",
      "admin1",        "admin2",        "admin3",        "location",       "latitude",      "longitude",
      "geo_precision", "source",        "source_scale",  "notes",          "fatalities",    "tags",
      "timestamp"};
  return kColumns;
}

Status EventWriter::Put(std::string_view text) {
  out_->write(text.data(), static_cast<std::streamsize>(text.size()));
  return *out_ ? Status::OK() : Status::IOError("cannot write the output");
}

Status EventWriter::Finish() {
  out_->flush();
  return *out_ ? Status::OK() : Status::IOError("cannot write the output");
}

Status EventWriter::Open(const OutputOptions& options, std::ostream* out, std::unique_ptr<EventWriter>* writer) {
  switch (options.format) {
    case OutputFormat::kCsv:
      return Begin(std::make_unique<CsvWriter>(out), writer);
    case OutputFormat::kAcledCsv: {
      acled::Codes codes;
      if (Status s = acled::Codes::Load(options.data_dir, &codes); !s.ok()) return s;
      return Begin(std::make_unique<AcledCsvWriter>(out, std::move(codes)), writer);
    }
    case OutputFormat::kGeoJson:
      return Begin(std::make_unique<GeoJsonWriter>(out, options.keep_unlocated), writer);
    case OutputFormat::kJsonLines:
      break;
  }
  *writer = std::make_unique<JsonLinesWriter>(out);
  return Status::OK();
}

}  // namespace sitrep
