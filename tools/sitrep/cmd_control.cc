// sitrep control (--place NAME | --on DATE [--country CC | --bbox ...]) : who holds which place when.
#include <array>
#include <optional>

#include "cli_util.h"
#include "command.h"
#include "dataset_output.h"

namespace sitrep::cli {

bool ReadBboxFlag(const std::string& text, std::optional<std::array<double, 4>>* out);  // cmd_events.cc

namespace {

struct ControlFlags {
  std::string db, place, on, country, bbox, format = "text";
};

int Run(const ControlFlags& f) {
  if (f.place.empty() && f.on.empty()) {
    PrintError("give --place NAME (a timeline) or --on YYYY-MM-DD (who holds what on that day)");
    return kExitUsage;
  }
  if (!CheckDateFlag("--on", f.on)) return kExitUsage;
  ControlQuery q;
  q.place = f.place;
  q.on = f.on;
  q.country = f.country;
  if (!ReadBboxFlag(f.bbox, &q.bbox)) return kExitUsage;
  std::unique_ptr<Store> store = OpenExistingStore(f.db);
  if (!store) return kExitFailure;
  return PrintControlPeriods(*store, q, f.format);
}

Register reg("control", "Who holds which place when: territorial control from captures and withdrawals",
             [](CLI::App* app) {
  auto f = std::make_shared<ControlFlags>();
  app->add_option("--db", f->db, DbHelp());
  app->add_option("--place", f->place, "The timeline of this place (name, case-insensitive)");
  app->add_option("--on", f->on, "Who holds each place on this day (YYYY-MM-DD)");
  app->add_option("--country", f->country, "Places in this country (ISO2, e.g. CD)");
  app->add_option("--bbox", f->bbox, "minlon,minlat,maxlon,maxlat (places inside)");
  app->add_option("--format", f->format, "Output: text (default), jsonl or geojson")
      ->check(CLI::IsMember({"text", "jsonl", "geojson"}));
  app->footer(
      "Periods come from the dataset events that take or leave a place (data/dataset/rules.txt, docs/dataset.md).\n"
      "Exit codes: 0 ok, 2 bad command line, 3 database could not be opened or read, or output failed.");
  return [f]() { return Run(*f); };
});

}  // namespace
}  // namespace sitrep::cli
