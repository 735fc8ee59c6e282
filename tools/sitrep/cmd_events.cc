// sitrep events [--db PATH] [filters] [--format jsonl|csv|acled-csv|geojson] : query stored events.
#include <cstdio>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli_util.h"
#include "command.h"
#include "dataset_output.h"
#include "sitrep/store.h"

namespace sitrep::cli {

namespace {

// "minlon,minlat,maxlon,maxlat" -> four numbers in range; false otherwise.
bool ParseBbox(const std::string& text, std::array<double, 4>* out) {
  std::stringstream ss(text);
  std::string part;
  int n = 0;
  while (std::getline(ss, part, ',')) {
    if (n == 4) return false;
    try {
      size_t used = 0;
      (*out)[n] = std::stod(part, &used);
      if (used != part.size()) return false;
    } catch (const std::exception&) {
      return false;
    }
    ++n;
  }
  auto [min_lon, min_lat, max_lon, max_lat] = *out;
  return n == 4 && min_lat <= max_lat && min_lat >= -90 && max_lat <= 90 && min_lon >= -180 && min_lon <= 180 &&
         max_lon >= -180 && max_lon <= 180;
}

}  // namespace

// --bbox: nothing when empty; false after saying why when malformed. (Also used by cmd_control.cc.)
bool ReadBboxFlag(const std::string& text, std::optional<std::array<double, 4>>* out) {
  if (text.empty()) return true;
  std::array<double, 4> box{};
  if (!ParseBbox(text, &box)) {
    PrintError("--bbox '" + text + "' must be minlon,minlat,maxlon,maxlat in degrees (lon -180..180, lat -90..90)");
    return false;
  }
  *out = box;
  return true;
}

namespace {

struct EventsFlags {
  std::string db, since, until, actor, type, country, bbox, data_dir;
  OutputFlags output;
  int64_t limit = 0;
  bool mentions = false, raw = false;
};

int Run(const EventsFlags& f) {
  if (!CheckDateFlag("--since", f.since) || !CheckDateFlag("--until", f.until)) return kExitUsage;
  EventQuery q;
  q.since = f.since;
  q.until = f.until;
  q.actor = f.actor;
  q.type = f.type;
  q.country = f.country;
  q.limit = f.limit;
  if (!ReadBboxFlag(f.bbox, &q.bbox)) return kExitUsage;
  std::unique_ptr<Store> store = OpenExistingStore(f.db);
  if (!store) return kExitFailure;
  if (!f.raw) return PrintDatasetEvents(*store, q, f.output, f.data_dir, f.mentions);  // dataset_output.cc

  std::unique_ptr<EventWriter> writer = OpenEventWriter(f.output, f.data_dir, &std::cout);
  if (!writer) return kExitFailure;
  Status s = store->QueryEvents(q, [&](const Event& e) { return writer->Write(e); });
  if (s.ok()) s = writer->Finish();
  if (!s.ok()) {
    PrintError(s.ToString());
    return kExitFailure;
  }
  if (writer->unlocated() > 0)
    PrintError(fmt::format("{} matching events without coordinates left out of the GeoJSON (--keep-unlocated "
                           "writes them)",
                           writer->unlocated()));
  return kExitOk;
}

Register reg("events", "Print stored events, filtered, as JSON lines, CSV, ACLED CSV or GeoJSON", [](CLI::App* app) {
  auto f = std::make_shared<EventsFlags>();
  app->add_option("--db", f->db, DbHelp());
  app->add_option("--since", f->since, "Events on or after this date (YYYY-MM-DD)");
  app->add_option("--until", f->until, "Events on or before this date (YYYY-MM-DD)");
  app->add_option("--actor", f->actor, "Actor id or name (either actor, case-insensitive)");
  app->add_option("--type", f->type, "PLOVER type, ACLED event type or ACLED sub-event type");
  app->add_option("--country", f->country, "Location country (ISO2, e.g. CD) or actor country (ISO3, e.g. COD)");
  app->add_option("--bbox", f->bbox, "minlon,minlat,maxlon,maxlat (events with coordinates inside)");
  AddOutputFlags(app, &f->output, "the events on stdout");
  app->add_option("--data-dir", f->data_dir, DataDirHelp());
  app->add_option("--limit", f->limit, "At most this many events (0: all)")->check(CLI::NonNegativeNumber);
  app->add_flag("--mentions", f->mentions, "With each dataset event, the article mentions that report it");
  app->add_flag("--raw", f->raw, "The stored per-article mentions instead of the dataset events");
  app->footer(
      "Lists dataset events (one per incident, from all the articles that report it; docs/dataset.md),\n"
      "or with --raw each article's own mentions. Filters combine with AND. Output is ordered by event\n"
      "date (undated last).\n"
      "Exit codes: 0 ok, 2 bad command line, 3 database could not be opened or read, or output failed.");
  return [f]() { return Run(*f); };
});

}  // namespace
}  // namespace sitrep::cli
