// Output of dataset events (`sitrep events`) and control periods (`sitrep control`): docs/cli.md.
#include "dataset_output.h"

#include <cstdio>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_util.h"
#include "command.h"
#include "dataset_util.h"

namespace sitrep::cli {
namespace {

using json = nlohmann::json;

Status Write(const std::string& text) {
  return std::fwrite(text.data(), 1, text.size(), stdout) == text.size()
             ? Status::OK()
             : Status::IOError("cannot write to standard output");
}

int Finish(Status s, int64_t left_out, const char* what) {
  if (s.ok() && std::fflush(stdout) != 0) s = Status::IOError("cannot write to standard output");
  if (!s.ok()) {
    PrintError(s.ToString());
    return kExitFailure;
  }
  if (left_out > 0) PrintError(fmt::format("{} matching {} without coordinates left out of the GeoJSON", left_out, what));
  return kExitOk;
}

std::string Joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string MentionList(const DatasetEvent& d) {
  std::vector<std::string> refs;
  for (const MentionRef& m : d.mentions) refs.push_back(m.article_id + ":" + m.event_id);
  return Joined(refs, ";");
}

std::vector<std::string> DatasetColumns(bool mentions) {
  std::vector<std::string> columns = EventColumns();
  for (const char* c : {"dataset_event_id", "source_count", "sources", "mention_count", "first_reported",
                        "last_reported"})
    columns.push_back(c);
  if (mentions) columns.push_back("mentions");
  return columns;
}

std::vector<std::string> DatasetValues(const DatasetEvent& d, bool mentions) {
  std::vector<std::string> values = EventColumnValues(d.event);
  for (std::string v : {d.id, std::to_string(d.source_count), Joined(d.sources, ";"),
                        std::to_string(d.mentions.size()), d.first_reported.value_or(""),
                        d.last_reported.value_or("")})
    values.push_back(std::move(v));
  if (mentions) values.push_back(MentionList(d));
  return values;
}

// The event's GeoJSON Feature with the dataset's properties added.
std::string DatasetFeature(const DatasetEvent& d, bool mentions) {
  json feature = json::parse(EventToGeoJsonFeature(d.event));
  json& p = feature["properties"];
  p["dataset_event_id"] = d.id;
  p["source_count"] = d.source_count;
  p["sources"] = Joined(d.sources, ";");
  p["mention_count"] = d.mentions.size();
  if (mentions) p["mentions"] = MentionList(d);
  return feature.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool PlaceHasCoordinates(const Location& l) { return l.geonames_id != 0 || l.precision != 0; }

std::string PeriodFeature(const ControlPeriod& p) {
  json props = {{"place", p.place.name},         {"admin1", p.place.admin1},
                {"country_code", p.place.country_code}, {"geonames_id", p.place.geonames_id},
                {"holder_id", p.holder.id},      {"holder_name", p.holder.name},
                {"start", p.start ? json(*p.start) : json(nullptr)},
                {"end", p.end ? json(*p.end) : json(nullptr)},
                {"modality", p.modality},        {"ended_by", p.ended_by},
                {"according_to", Joined(p.according_to, ";")}, {"evidence", Joined(p.evidence, ";")}};
  json feature = {{"type", "Feature"},
                  {"geometry", {{"type", "Point"}, {"coordinates", {p.place.lon, p.place.lat}}}},
                  {"properties", props}};
  return feature.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string HolderName(const ActorRef& a) {
  if (a.id.empty() || a.id == a.name) return a.name;
  return a.name.empty() ? a.id : fmt::format("{} ({})", a.id, a.name);
}

// "Walikale (North Kivu, CD)" then one paragraph per period.
std::string PeriodText(const ControlPeriod& p, bool with_place) {
  std::string out;
  if (with_place)
    out += fmt::format("{} ({}{}{})\n", p.place.name, p.place.admin1, p.place.admin1.empty() ? "" : ", ",
                       p.place.country_code);
  std::string holders = HolderName(p.holder);
  for (const ActorRef& a : p.co_holders) holders += " with " + HolderName(a);
  out += fmt::format("  {} .. {}  held by {}  [{}]\n", p.start.value_or("(before)"),
                     p.end ? *p.end + " (" + p.ended_by + ")" : std::string("(still held)"), holders, p.modality);
  if (!p.claimed_by.empty()) out += "    claimed by: " + Joined(p.claimed_by, ", ") + "\n";
  out += "    according to: " + Joined(p.according_to, ", ") + "\n";
  for (const Evidence& e : p.sentences) out += "    evidence: " + e.sentence + "\n";
  return out;
}

}  // namespace

// ACLED's CSV of the reconciled events through the one event writer; each row's source names all the
// publishers that reported it.
int PrintDatasetEventsAsAcled(const Store& store, const EventQuery& q, const OutputFlags& output,
                              const std::string& data_dir) {
  std::unique_ptr<EventWriter> writer = OpenEventWriter(output, data_dir, &std::cout);
  if (!writer) return kExitFailure;
  Status s = store.QueryDatasetEvents(q, [&](const DatasetEvent& d) {
    Event e = d.event;
    e.source = Joined(d.sources, ";");
    return writer->Write(e);
  });
  if (s.ok()) s = writer->Finish();
  return Finish(s, 0, "dataset events");
}

int PrintDatasetEvents(const Store& store, const EventQuery& q, const OutputFlags& output,
                       const std::string& data_dir, bool mentions) {
  WarnIfDatasetStale(store);
  const std::string& format = output.format;
  if (format == "acled-csv") return PrintDatasetEventsAsAcled(store, q, output, data_dir);
  int64_t written = 0, no_coordinates = 0;
  Status s;
  if (format == "csv") {
    s = Write(CsvRecord(DatasetColumns(mentions)));
    if (s.ok())
      s = store.QueryDatasetEvents(q, [&](const DatasetEvent& d) { return Write(CsvRecord(DatasetValues(d, mentions))); });
  } else if (format == "geojson") {
    s = Write("{\"type\":\"FeatureCollection\",\"features\":[");
    if (s.ok()) {
      s = store.QueryDatasetEvents(q, [&](const DatasetEvent& d) {
        if (!HasCoordinates(d.event) && !output.keep_unlocated) return ++no_coordinates, Status::OK();
        return Write((written++ ? ",\n" : "\n") + DatasetFeature(d, mentions));
      });
    }
    if (s.ok()) s = Write("\n]}\n");
  } else {
    s = store.QueryDatasetEvents(q, [&](const DatasetEvent& d) { return Write(DatasetEventToJson(d, mentions) + "\n"); });
  }
  return Finish(s, no_coordinates, "dataset events");
}

int PrintControlPeriods(const Store& store, const ControlQuery& q, const std::string& format) {
  WarnIfDatasetStale(store);
  int64_t written = 0, no_coordinates = 0;
  Status s;
  if (format == "geojson") {
    s = Write("{\"type\":\"FeatureCollection\",\"features\":[");
    if (s.ok()) {
      s = store.QueryControl(q, [&](const ControlPeriod& p) {
        if (!PlaceHasCoordinates(p.place)) return ++no_coordinates, Status::OK();
        return Write((written++ ? ",\n" : "\n") + PeriodFeature(p));
      });
    }
    if (s.ok()) s = Write("\n]}\n");
  } else if (format == "jsonl") {
    s = store.QueryControl(q, [&](const ControlPeriod& p) { return Write(ControlPeriodToJson(p) + "\n"); });
  } else {
    std::string last_place;
    s = store.QueryControl(q, [&](const ControlPeriod& p) {
      std::string place = p.place.name + "|" + p.place.country_code;
      bool new_place = place != last_place;
      last_place = place;
      ++written;
      return Write(PeriodText(p, new_place));
    });
    if (s.ok() && written == 0) PrintError("no control period matches");
  }
  return Finish(s, no_coordinates, "control periods");
}

}  // namespace sitrep::cli
