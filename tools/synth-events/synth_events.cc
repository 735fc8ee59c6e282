// synth-events --db PATH [--events 1000000] [--per-article 20] [--seed 1]
// Writes synthetic articles and events (random types, actors, places in Central and East Africa, dates
// 2018-2025) into a new sitrep database, for load tests of `sitrep serve` (docs/benchmarks.md). The
// events are not real: never mix such a database with real data.
#include <cstdio>
#include <filesystem>
#include <random>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "sitrep/store.h"

namespace {

struct Place {
  const char* name;
  const char* admin1;
  const char* cc;
  double lat, lon;
};
const Place kPlaces[] = {
    {"Goma", "North Kivu", "CD", -1.68, 29.22},     {"Bunia", "Ituri", "CD", 1.56, 30.25},
    {"Beni", "North Kivu", "CD", 0.49, 29.47},      {"Bukavu", "South Kivu", "CD", -2.51, 28.86},
    {"Uvira", "South Kivu", "CD", -3.40, 29.14},    {"Kinshasa", "Kinshasa", "CD", -4.32, 15.31},
    {"Kigali", "Kigali", "RW", -1.95, 30.06},       {"Bujumbura", "Bujumbura Mairie", "BI", -3.38, 29.36},
    {"Kampala", "Central", "UG", 0.35, 32.58},      {"Juba", "Central Equatoria", "SS", 4.86, 31.57},
    {"Bangui", "Bangui", "CF", 4.36, 18.56},        {"Maiduguri", "Borno", "NG", 11.85, 13.16},
    {"Gao", "Gao", "ML", 16.27, -0.04},             {"Mogadishu", "Banaadir", "SO", 2.04, 45.34},
    {"Khartoum", "Khartoum", "SD", 15.50, 32.56},   {"El Fasher", "North Darfur", "SD", 13.63, 25.35},
};
const char* const kTypes[][3] = {
    {"FIGHT", "Battles", "Armed clash"}, {"ASSAULT", "Violence against civilians", "Attack"},
    {"PROTEST", "Protests", "Peaceful protest"}, {"RIOT", "Riots", "Violent demonstration"},
    {"COERCE", "Strategic developments", "Arrests"}, {"CONSULT", "Strategic developments", "Agreement"},
    {"THREATEN", "Strategic developments", "Other"}, {"MOBILIZE", "Strategic developments", "Other"},
};
const char* const kActors[][3] = {
    {"M23", "March 23 Movement", "COD"}, {"COD_MIL", "Armed Forces of the Democratic Republic of the Congo", "COD"},
    {"ADF", "Allied Democratic Forces", "UGA"}, {"CODECO", "CODECO", "COD"}, {"RSF", "Rapid Support Forces", "SDN"},
    {"SDN_MIL", "Sudanese Armed Forces", "SDN"}, {"JAS", "Boko Haram (JAS)", "NGA"}, {"SHABAAB", "Al Shabaab", "SOM"},
    {"", "Protesters", ""}, {"", "Civilians", ""},
};

sitrep::Event MakeEvent(std::mt19937_64& rng, const std::string& article_id, int seq) {
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  sitrep::Event e;
  const auto& t = kTypes[pick(std::size(kTypes))];
  e.article_id = article_id;
  e.plover_type = t[0];
  e.acled_event_type = t[1];
  e.acled_sub_event_type = t[2];
  const auto& a1 = kActors[pick(std::size(kActors))];
  e.actor1 = {a1[1], a1[0], "", a1[2], a1[1]};
  if (rng() % 2) {
    const auto& a2 = kActors[pick(std::size(kActors))];
    e.actor2 = {a2[1], a2[0], "", a2[2], a2[1]};
  }
  const Place& p = kPlaces[pick(std::size(kPlaces))];
  sitrep::Location loc;
  loc.name = p.name;
  loc.admin1 = p.admin1;
  loc.country_code = p.cc;
  loc.lat = p.lat + (rng() % 2000) / 10000.0 - 0.1;
  loc.lon = p.lon + (rng() % 2000) / 10000.0 - 0.1;
  loc.geonames_id = 1;
  loc.precision = 1;
  e.location = loc;
  if (rng() % 50) {  // 2% undated
    e.date = fmt::format("{}-{:02d}-{:02d}", 2018 + pick(8), 1 + pick(12), 1 + pick(28));
    e.date_precision = "day";
  }
  e.trigger = "clash";
  e.evidence.sentence = fmt::format("{} clashed with others near {} in a synthetic report number {}.", e.actor1.name, p.name, seq);
  e.evidence.start = seq * 100;
  e.evidence.end = e.evidence.start + static_cast<int64_t>(e.evidence.sentence.size());
  e.evidence.trigger_start = e.evidence.start + static_cast<int64_t>(e.actor1.name.size()) + 1;
  e.evidence.trigger_end = e.evidence.trigger_start + 7;
  e.event_id = fmt::format("{}-{}", article_id, seq);
  return e;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  int64_t events = 1000000, per_article = 20;
  uint64_t seed = 1;
  CLI::App app{"Writes a database of synthetic events for load tests of sitrep serve"};
  app.add_option("--db", db, "The new database (must not exist)")->required();
  app.add_option("--events", events, "How many events")->check(CLI::Range(int64_t{1}, int64_t{100000000}));
  app.add_option("--per-article", per_article, "Events per synthetic article")->check(CLI::Range(1, 10000));
  app.add_option("--seed", seed, "Random seed");
  CLI11_PARSE(app, argc, argv);
  if (std::filesystem::exists(db)) {
    std::fprintf(stderr, "synth-events: %s exists; give a new path\n", db.c_str());
    return 2;
  }
  std::unique_ptr<sitrep::Store> store;
  sitrep::Status s = sitrep::Store::Open(db, {}, &store);
  std::mt19937_64 rng(seed);
  int64_t written = 0;
  for (int64_t n = 0; s.ok() && written < events; ++n) {
    sitrep::Store::Batch batch;
    for (int a = 0; a < 100 && written < events; ++a) {
      sitrep::Article article;
      article.id = fmt::format("synthetic-{:08d}", n * 100 + a);
      article.title = "Synthetic report " + article.id;
      article.text = "Synthetic article: not a real report.";
      article.source = "synthetic";
      std::vector<sitrep::Event> list;
      for (int64_t i = 0; i < per_article && written < events; ++i, ++written) list.push_back(MakeEvent(rng, article.id, static_cast<int>(i)));
      batch.emplace_back(std::move(article), std::move(list));
    }
    s = store->Write(batch, nullptr);
  }
  if (!s.ok()) {
    std::fprintf(stderr, "synth-events: %s\n", s.ToString().c_str());
    return 3;
  }
  std::fprintf(stderr, "synth-events: wrote %lld events to %s\n", static_cast<long long>(written), db.c_str());
  return 0;
}
