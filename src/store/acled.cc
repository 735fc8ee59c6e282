// ACLED-compatible rows (docs/schema.md "ACLED-compatible CSV"): data/output/acled.tsv's code tables.
#include "acled.h"

#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/strings.h"
#include "sitrep/output.h"
#include "sitrep/paths.h"

namespace sitrep::acled {
namespace {

// Calls `row(fields, line)` for each line of a tab-separated file that is not blank or a comment.
template <typename RowFn>
Status ReadTsv(const std::string& path, RowFn row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (Status s = row(strings::Split(line, '\t'), number); !s.ok()) return s;
  }
  return in.bad() ? Status::IOError(path + ": read error") : Status::OK();
}

std::string Number(double value) { return nlohmann::json(value).dump(); }

// ACLED's fatalities: the lowest figure reported, 0 when none is.
std::string Fatalities(const Estimate& killed) {
  if (killed.low) return std::to_string(*killed.low);
  if (killed.best) return std::to_string(*killed.best);
  return "0";
}

}  // namespace

Status Codes::Load(const std::string& data_dir, Codes* out) {
  const std::string dir = data_dir.empty() ? DataDir() : data_dir;
  const std::string codes_path = dir + "/output/acled.tsv";
  Codes codes;
  Status s = ReadTsv(codes_path, [&](const std::vector<std::string_view>& f, int line) -> Status {
    if (f.size() != 3)
      return Status::InvalidArgument(fmt::format("{}:{}: expected 3 tab-separated fields, got {}", codes_path, line,
                                                 f.size()));
    codes.table_.emplace(std::pair{std::string(f[0]), std::string(f[1])}, std::string(f[2]));
    return Status::OK();
  });
  if (!s.ok()) return s;
  const std::string countries_path = dir + "/places/countries.tsv";
  s = ReadTsv(countries_path, [&](const std::vector<std::string_view>& f, int line) -> Status {
    if (f.size() < 6)
      return Status::InvalidArgument(fmt::format("{}:{}: expected at least 6 columns", countries_path, line));
    codes.iso3_to_iso2_.emplace(std::string(f[1]), std::string(f[0]));
    codes.table_.emplace(std::pair{std::string("country"), std::string(f[0])}, std::string(f[5]));  // acled.tsv wins
    return Status::OK();
  });
  if (!s.ok()) return s;
  *out = std::move(codes);
  return Status::OK();
}

std::string Codes::Lookup(const std::string& table, const std::string& key) const {
  auto it = table_.find({table, key});
  return it == table_.end() ? std::string() : it->second;
}

std::string Codes::InterCode(const ActorRef& actor) const {
  if (actor.empty()) return "";
  std::string code = Lookup("inter_id", actor.id);
  return code.empty() ? Lookup("inter_type", actor.type) : code;
}

std::string Codes::CountryName(const Event& e) const {
  std::string iso2 = e.location ? e.location->country_code : "";
  if (iso2.empty() && !e.actor1.country.empty()) {
    auto it = iso3_to_iso2_.find(e.actor1.country);
    if (it != iso3_to_iso2_.end()) iso2 = it->second;
  }
  return iso2.empty() ? "" : Lookup("country", iso2);
}

std::string Codes::DisorderType(const Event& e) const {
  std::string by_sub = Lookup("disorder_sub", e.acled_sub_event_type);
  return by_sub.empty() ? Lookup("disorder_type", e.acled_event_type) : by_sub;
}

std::string Interaction(const std::string& inter1, const std::string& inter2) {
  if (inter1.empty()) return "";
  if (inter2.empty()) return inter1 + "0";
  return inter1 <= inter2 ? inter1 + inter2 : inter2 + inter1;
}

std::vector<std::string> Codes::Row(const Event& e) const {
  const std::string inter1 = InterCode(e.actor1), inter2 = InterCode(e.actor2);
  const std::string disorder = DisorderType(e);
  const bool located = e.location && (e.location->geonames_id || e.location->precision);
  const Location none;
  const Location& loc = e.location ? *e.location : none;
  std::map<std::string, std::string> v = {
      {"event_id_cnty", e.event_id},
      {"event_date", e.date.value_or("")},
      {"year", e.date ? e.date->substr(0, 4) : ""},
      {"time_precision", Lookup("time_precision", e.date ? e.date_precision : "")},
      {"disorder_type", disorder},
      {"event_type", e.acled_event_type},
      {"sub_event_type", e.acled_sub_event_type},
      {"actor1", e.actor1.name},
      {"inter1", inter1},
      {"actor2", e.actor2.name},
      {"inter2", inter2},
      {"interaction", Interaction(inter1, inter2)},
      {"civilian_targeting",
       inter2 == "7" && disorder.find("Political violence") != std::string::npos ? "Civilian targeting" : ""},
      {"country", CountryName(e)},
      {"admin1", loc.admin1},
      {"admin2", loc.admin2},
      {"location", loc.name},
      {"latitude", located ? Number(RoundCoordinate(loc.lat)) : ""},
      {"longitude", located ? Number(RoundCoordinate(loc.lon)) : ""},
      {"geo_precision", located ? Lookup("geo_precision", std::to_string(loc.precision)) : ""},
      {"source", e.source},
      {"notes", e.evidence.sentence},
      {"fatalities", Fatalities(e.counts.killed)},
  };
  std::vector<std::string> row;
  row.reserve(AcledColumns().size());
  for (const std::string& column : AcledColumns()) row.push_back(v[column]);  // ACLED-only columns stay ""
  return row;
}

}  // namespace sitrep::acled
