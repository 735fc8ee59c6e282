// GazetteerBuilder: GeoNames files + our tables -> gazetteer.idx.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "core/fold.h"
#include "core/strings.h"
#include "gazetteer_impl.h"
#include "index_format.h"
#include "name_key.h"
#include "core/word_lists.h"
#include "sitrep/places.h"

namespace sitrep {

using namespace places_internal;
using strings::Split;
using strings::Trim;

namespace {

struct BPlace {
  int64_t id = 0;
  std::string name;
  std::vector<std::pair<NameKind, std::string>> names;
  double lat = 0, lon = 0;
  int64_t population = 0;
  std::string cc, a1, a2, fcode;
  char fclass = 'P';
  PlaceKind kind = PlaceKind::kPlace;
  bool synthesized = false;
  bool dropped = false;
};

// Alternate names worth indexing for English news: Latin script, no digits, no links or
// short all-caps codes (airport and postal codes are also GeoNames alternates).
bool UsefulAlternate(std::string_view a) {
  if (a.size() < 2 || a.size() > 60 || a.substr(0, 4) == "http") return false;
  bool upper_only = true;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(a[i]);
    if (c >= '0' && c <= '9') return false;
    if (c >= 'a' && c <= 'z') upper_only = false;
    // UTF-8 lead bytes up to U+024F (Latin Extended-B) are 0xC3..0xC9; anything beyond is another script.
    if (c >= 0x80 && c < 0xC0) continue;
    if (c >= 0xC0) {
      upper_only = false;
      if (c < 0xC3 || c > 0xC9) return false;
    }
  }
  return !(upper_only && a.size() <= 4);
}

// From data/places/admin_names.txt: the type words cut from admin names to give shorter names
// ("Rutshuru Territory" -> "Rutshuru"), and the generic words that must not become a name on
// their own ("Eastern Province" must not give "Eastern").
struct AdminNameRules {
  std::vector<std::string> suffixes;  // with their space: " Territory"
  std::vector<std::string> prefixes;  // with their space: "Ville de "
  std::set<std::string, std::less<>> generic;  // case-folded
};

// "Rutshuru Territory" -> "Rutshuru", "Beni Department" -> "Beni", "Ville de Kisangani" -> "Kisangani".
std::vector<std::string> DerivedAdminNames(const AdminNameRules& rules, const std::string& name) {
  std::vector<std::string> r;
  for (const std::string& s : rules.suffixes) {
    size_t n = s.size();
    if (name.size() > n && name.compare(name.size() - n, n, s) == 0) r.push_back(name.substr(0, name.size() - n));
  }
  for (const std::string& p : rules.prefixes) {
    size_t n = p.size();
    if (name.size() > n && name.compare(0, n, p) == 0) r.push_back(name.substr(n));
  }
  std::vector<std::string> ok;
  for (auto& d : r) {
    std::string t(Trim(d));
    if (t.size() >= 3 && rules.generic.count(fold::FoldCase(t)) == 0) ok.push_back(t);
  }
  return ok;
}

// The phrases of a list of admin_names.txt, with their case, as one string each.
Status TakePhrases(WordLists* lists, std::string_view name, std::vector<std::string>* out) {
  std::vector<WordLists::Entry> entries;
  if (Status s = lists->Take(name, &entries); !s.ok()) return s;
  for (const WordLists::Entry& e : entries) {
    std::string phrase;
    for (const std::string& w : e.words) phrase += (phrase.empty() ? "" : " ") + w;
    out->push_back(std::move(phrase));
  }
  return Status::OK();
}

bool ReadLines(const std::string& path, std::vector<std::string>* lines) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines->push_back(std::move(line));
  }
  return true;
}

}  // namespace

struct GazetteerBuilder::Impl {
  std::vector<BPlace> places;
  std::unordered_map<int64_t, size_t> by_id;
  std::unordered_map<std::string, size_t> by_synth_key;  // synthesised entries: "A1:CD.11", "R:CD:Kivus"
  std::map<std::string, std::string> admin_names;        // "CD.11" -> "North Kivu"
  std::map<std::string, std::vector<std::string>> admin_alts;
  std::map<std::string, std::string> admin_display;      // "NG.11" -> "Federal Capital Territory" ('=' in admin_alternates.tsv)
  std::map<std::string, std::pair<double, double>> admin_points;  // from admin_alternates.tsv
  AdminNameRules admin_name_rules;  // empty until AddAdminNameRulesFile: full names only
  struct Country {
    std::string iso3;
    size_t place;
  };
  std::map<std::string, Country> countries;
  std::vector<std::string> sources;
  Stats stats;

  static void AddName(BPlace* p, NameKind kind, std::string name) {
    name = std::string(Trim(name));
    if (name.empty() || name.find('\x1f') != std::string::npos) return;
    std::string key = fold::FoldCase(name);
    for (auto& [k, n] : p->names) {
      if (fold::FoldCase(n) == key) {
        if (kind < k) k = kind;
        return;
      }
    }
    p->names.emplace_back(kind, std::move(name));
  }

  // Adds or merges a GeoNames row (by id); names are united, later fields win.
  size_t Upsert(BPlace&& p) {
    if (p.id != 0) {
      auto it = by_id.find(p.id);
      if (it != by_id.end()) {
        BPlace& old = places[it->second];
        auto names = std::move(old.names);
        bool keep_point = !old.synthesized && p.synthesized;  // a real GeoNames point beats a synthesised one
        double lat = old.lat, lon = old.lon;
        old = std::move(p);
        if (keep_point) {
          old.lat = lat;
          old.lon = lon;
          old.synthesized = false;
        }
        for (auto& [k, n] : names) AddName(&old, k, n);
        return it->second;
      }
      by_id[p.id] = places.size();
    }
    places.push_back(std::move(p));
    return places.size() - 1;
  }

  size_t UpsertSynth(const std::string& key, BPlace&& p) {
    auto it = by_synth_key.find(key);
    if (it != by_synth_key.end()) {
      BPlace& old = places[it->second];
      for (auto& [k, n] : p.names) AddName(&old, k, n);
      return it->second;
    }
    by_synth_key[key] = places.size();
    places.push_back(std::move(p));
    return places.size() - 1;
  }

  void FinalizeAdmin();
  std::vector<CountryRec> CountryTable(const std::vector<uint32_t>& new_index) const;
  Status WriteIndex(const std::string& path);
};

GazetteerBuilder::GazetteerBuilder() : impl_(new Impl) {}
GazetteerBuilder::~GazetteerBuilder() = default;

Status GazetteerBuilder::AddGeoNamesFile(const std::string& path, const std::string& role, Diagnostics* diag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open GeoNames file");
  std::string line;
  int64_t lineno = 0, rows = 0, bad = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    if (line.back() == '\r') line.pop_back();
    auto f = Split(line, '\t');
    if (f.size() < 15 || f[0].empty() || f[6].size() != 1) {
      ++bad;
      if (diag && bad <= 10) diag->Warn(path, lineno, -1, "not a GeoNames row (expected 19 tab-separated columns)");
      continue;
    }
    char fclass = f[6][0];
    std::string fcode(f[7]);
    // Roads, undersea and vegetation features only add noise to news geocoding.
    if (fclass == 'R' || fclass == 'U' || fclass == 'V') continue;
    if (fclass == 'A' && !(fcode == "ADM1" || fcode == "ADM2" || fcode == "ADM3" || fcode.rfind("PCL", 0) == 0)) continue;
    BPlace p;
    char* end = nullptr;
    std::string idstr(f[0]);
    p.id = std::strtoll(idstr.c_str(), &end, 10);
    if (!end || *end || p.id <= 0) {
      ++bad;
      if (diag && bad <= 10) diag->Warn(path, lineno, -1, "bad geonameid '" + idstr + "'");
      continue;
    }
    p.name = std::string(f[1]);
    p.lat = std::atof(std::string(f[4]).c_str());
    p.lon = std::atof(std::string(f[5]).c_str());
    if (!std::isfinite(p.lat) || !std::isfinite(p.lon) || std::fabs(p.lat) > 90 || std::fabs(p.lon) > 180) {
      ++bad;
      continue;
    }
    p.fclass = fclass;
    p.fcode = fcode;
    p.cc = std::string(f[8]);
    p.a1 = std::string(f[10]);
    p.a2 = std::string(f[11]);
    p.population = std::atoll(std::string(f[14]).c_str());
    if (fcode == "ADM1") p.kind = PlaceKind::kAdmin1;
    else if (fcode == "ADM2") p.kind = PlaceKind::kAdmin2;
    else if (fcode.rfind("PCL", 0) == 0) p.kind = PlaceKind::kCountry;
    if (p.kind == PlaceKind::kAdmin1) p.a2.clear();
    if (p.kind == PlaceKind::kCountry) p.a1.clear(), p.a2.clear();
    Impl::AddName(&p, NameKind::kName, p.name);
    Impl::AddName(&p, NameKind::kName, std::string(f[2]));
    for (std::string_view a : Split(f[3], ',')) {
      if (UsefulAlternate(a)) Impl::AddName(&p, NameKind::kAlternate, std::string(a));
    }
    impl_->Upsert(std::move(p));
    ++rows;
  }
  if (rows == 0) return Status::InvalidArgument(path + ": no GeoNames rows found");
  impl_->sources.push_back(role + "\t" + path + "\t" + std::to_string(rows));
  return Status::OK();
}

Status GazetteerBuilder::AddAdminCodesFile(const std::string& path, Diagnostics* diag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open admin code file");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t first = text.find_first_not_of(" \t\r\n");
  int64_t rows = 0;
  if (first != std::string::npos && text[first] == '[') {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!j.is_array()) return Status::Corruption(path + ": expected a JSON array of {code, name}");
    for (const auto& e : j) {
      if (!e.is_object() || !e.contains("code") || !e.contains("name") || !e["code"].is_string() ||
          !e["name"].is_string()) {
        continue;
      }
      impl_->admin_names[e["code"].get<std::string>()] = e["name"].get<std::string>();
      ++rows;
    }
  } else {
    int64_t lineno = 0;
    for (std::string_view line : Split(text, '\n')) {
      ++lineno;
      if (line.empty() || line[0] == '#') continue;
      auto f = Split(line, '\t');
      if (f.size() < 2 || std::count(f[0].begin(), f[0].end(), '.') < 1) {
        if (diag) diag->Warn(path, lineno, -1, "not an admin code row (CC.CODE<TAB>name)");
        continue;
      }
      impl_->admin_names[std::string(f[0])] = std::string(Trim(f[1]));
      ++rows;
    }
  }
  if (rows == 0) return Status::InvalidArgument(path + ": no admin codes found");
  impl_->stats.admin_codes += rows;
  impl_->sources.push_back("admin\t" + path + "\t" + std::to_string(rows));
  return Status::OK();
}

Status GazetteerBuilder::AddCountriesFile(const std::string& path) {
  std::vector<std::string> lines;
  if (!ReadLines(path, &lines)) return Status::IOError(path + ": cannot open country table");
  int64_t rows = 0, lineno = 0;
  for (const std::string& line : lines) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    auto f = Split(line, '\t');
    if (f.size() < 9 || f[0].size() != 2 || f[1].size() != 3) {
      return Status::Corruption(path + ":" + std::to_string(lineno) + ": expected 9 columns: iso2 iso3 id lat lon name capital alternates demonyms");
    }
    BPlace p;
    p.id = std::atoll(std::string(f[2]).c_str());
    p.lat = std::atof(std::string(f[3]).c_str());
    p.lon = std::atof(std::string(f[4]).c_str());
    p.name = std::string(f[5]);
    p.cc = std::string(f[0]);
    p.fclass = 'A';
    p.fcode = "PCLI";
    p.kind = PlaceKind::kCountry;
    p.synthesized = true;
    Impl::AddName(&p, NameKind::kName, p.name);
    for (auto a : Split(f[7], '|')) Impl::AddName(&p, NameKind::kAlternate, std::string(a));
    for (auto d : Split(f[8], '|')) Impl::AddName(&p, NameKind::kDemonym, std::string(d));
    size_t idx = p.id ? impl_->Upsert(std::move(p)) : impl_->UpsertSynth("C:" + std::string(f[0]), std::move(p));
    BPlace& stored = impl_->places[idx];
    if (stored.kind != PlaceKind::kCountry) {  // a merged GeoNames row may say PCLD etc.; it is a country for us
      stored.kind = PlaceKind::kCountry;
    }
    impl_->countries[std::string(f[0])] = Impl::Country{std::string(f[1]), idx};
    ++rows;
  }
  impl_->sources.push_back("countries\t" + path + "\t" + std::to_string(rows));
  return Status::OK();
}

Status GazetteerBuilder::AddRegionsFile(const std::string& path) {
  std::vector<std::string> lines;
  if (!ReadLines(path, &lines)) return Status::IOError(path + ": cannot open region table");
  int64_t rows = 0, lineno = 0;
  for (const std::string& line : lines) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    auto f = Split(line, '\t');
    if (f.size() < 5 || f[1].size() != 2) {
      return Status::Corruption(path + ":" + std::to_string(lineno) + ": expected: name cc admin1 lat lon [alternates]");
    }
    BPlace p;
    p.name = std::string(f[0]);
    p.cc = std::string(f[1]);
    p.a1 = std::string(f[2]);
    p.lat = std::atof(std::string(f[3]).c_str());
    p.lon = std::atof(std::string(f[4]).c_str());
    p.fclass = 'L';
    p.fcode = "RGN";
    p.kind = PlaceKind::kRegion;
    p.synthesized = true;
    Impl::AddName(&p, NameKind::kName, p.name);
    if (f.size() > 5) for (auto a : Split(f[5], '|')) Impl::AddName(&p, NameKind::kAlternate, std::string(a));
    impl_->UpsertSynth("R:" + p.cc + ":" + p.name, std::move(p));
    ++rows;
  }
  impl_->sources.push_back("regions\t" + path + "\t" + std::to_string(rows));
  return Status::OK();
}

namespace {
// A decimal coordinate within [-limit, limit] ("-1.4206"), the whole field.
bool ParseCoordinate(std::string_view text, double limit, double* out) {
  const std::string s(Trim(text));
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && *out >= -limit && *out <= limit;
}
}  // namespace

Status GazetteerBuilder::AddAdminAlternatesFile(const std::string& path) {
  std::vector<std::string> lines;
  if (!ReadLines(path, &lines)) return Status::IOError(path + ": cannot open admin alternates");
  int64_t rows = 0;
  for (size_t n = 0; n < lines.size(); ++n) {
    const std::string& line = lines[n];
    if (line.empty() || line[0] == '#') continue;
    const std::string where = path + ":" + std::to_string(n + 1) + ": ";
    auto f = Split(line, '\t');
    // CC.A1 or CC.A1.A2, then the alternates, then optionally the seat's lat and lon.
    const size_t dots = static_cast<size_t>(std::count(f[0].begin(), f[0].end(), '.'));
    if (f.size() < 2 || f.size() == 3 || f.size() > 4 || f[0].size() < 4 || f[0][2] != '.' || dots < 1 || dots > 2)
      return Status::InvalidArgument(where + "want 'CC.A1[.A2] <tab> alternates [<tab> lat <tab> lon]'");
    for (auto a : Split(f[1], '|')) {
      std::string alt(Trim(a));
      // "=Name": the name reports (ACLED) give the area, written in its events' admin1/admin2.
      if (!alt.empty() && alt[0] == '=') {
        alt = std::string(Trim(std::string_view(alt).substr(1)));
        if (alt.empty()) return Status::InvalidArgument(where + "'=' names no name");
        impl_->admin_display[std::string(f[0])] = alt;
      }
      impl_->admin_alts[std::string(f[0])].push_back(std::move(alt));
    }
    if (f.size() == 4) {
      double lat = 0, lon = 0;
      if (!ParseCoordinate(f[2], 90, &lat) || !ParseCoordinate(f[3], 180, &lon))
        return Status::InvalidArgument(where + "seat '" + std::string(f[2]) + " " + std::string(f[3]) +
                                       "' is not a latitude and longitude");
      impl_->admin_points[std::string(f[0])] = {lat, lon};
    }
    ++rows;
  }
  impl_->sources.push_back("admin-alternates\t" + path + "\t" + std::to_string(rows));
  return Status::OK();
}

Status GazetteerBuilder::AddAdminNameRulesFile(const std::string& path) {
  WordLists lists;
  Status s = WordLists::Load(path, &lists, /*keep_case=*/true);
  AdminNameRules rules;
  std::vector<std::string> generic;
  if (s.ok()) s = TakePhrases(&lists, "suffix", &rules.suffixes);
  if (s.ok()) s = TakePhrases(&lists, "prefix", &rules.prefixes);
  if (s.ok()) s = lists.TakeWords("generic", &generic);
  if (s.ok()) s = lists.CheckAllTaken();
  if (!s.ok()) return s;
  for (std::string& p : rules.suffixes) p.insert(p.begin(), ' ');  // (a char: GCC 12 -O3 warns falsely on insert(0, " "))
  for (std::string& p : rules.prefixes) p += " ";
  for (const std::string& w : generic) rules.generic.insert(fold::FoldCase(w));
  impl_->admin_name_rules = std::move(rules);
  return Status::OK();
}

Status GazetteerBuilder::AddIndex(const Gazetteer& g) {
  const Gazetteer::Impl& m = *g.impl_;
  for (uint32_t i = 0; i < g.size(); ++i) {
    Place src = g.place(i);
    const PlaceRec& rec = m.places[i];
    BPlace p;
    p.id = src.geonames_id;
    p.name = std::string(src.name);
    p.lat = src.lat;
    p.lon = src.lon;
    p.population = src.population;
    p.cc = std::string(src.country_code);
    p.a1 = std::string(src.admin1_code);
    p.a2 = std::string(src.admin2_code);
    p.fcode = std::string(src.feature_code);
    p.fclass = src.feature_class;
    p.kind = src.kind;
    p.synthesized = rec.synthesized != 0;
    for (auto& [k, n] : g.Names(i)) p.names.emplace_back(k, std::string(n));
    std::string key;
    if (p.kind == PlaceKind::kAdmin1 && p.synthesized) key = "A1:" + p.cc + "." + p.a1;
    else if (p.kind == PlaceKind::kAdmin2 && p.synthesized) key = "A2:" + p.cc + "." + p.a1 + "." + p.a2;
    else if (p.kind == PlaceKind::kRegion) key = "R:" + p.cc + ":" + p.name;
    else if (p.id == 0) key = "C:" + p.cc;
    size_t idx = key.empty() ? impl_->Upsert(std::move(p)) : impl_->UpsertSynth(key, std::move(p));
    if (impl_->places[idx].kind == PlaceKind::kCountry && !impl_->places[idx].cc.empty()) {
      std::string cc = impl_->places[idx].cc;
      impl_->countries[cc] = Impl::Country{std::string(g.CountryIso3(cc)), idx};
    }
  }
  for (uint32_t i = 0; i < m.header->num_admin; ++i) {
    impl_->admin_names[std::string(m.Str(m.admin[i].code))] = std::string(m.Str(m.admin[i].name));
  }
  for (std::string_view s : g.Sources()) impl_->sources.emplace_back(s);
  return Status::OK();
}

// How likely a place is the seat of an admin area it lies in: the national or provincial capital,
// then a district seat, then any town (population breaks ties).
int SeatRank(const std::string& fcode) {
  if (fcode == "PPLC" || fcode == "PPLA") return 3;
  if (fcode == "PPLA2") return 2;
  return 1;
}

// Every admin code gets an entry: the GeoNames ADM1/ADM2 row when imported, otherwise one
// synthesised at its seat (data/places/admin_alternates.tsv, else the provincial capital or district
// seat that lies in it, else its biggest town), where reports and ACLED place the events they give
// only a province or a district for ("in Nord-Kivu": Goma).
void GazetteerBuilder::Impl::FinalizeAdmin() {
  std::map<std::string, size_t> real;  // "A1:CD.11" -> GeoNames row
  struct Acc {
    int64_t pop = 0;
    int n = 0;
    int seat_rank = 0;  // SeatRank of the seat so far
    int64_t seat_pop = -1;
    double seat_lat = 0, seat_lon = 0;
  };
  std::map<std::string, Acc> acc;
  for (size_t i = 0; i < places.size(); ++i) {
    const BPlace& p = places[i];
    if (p.dropped) continue;
    if (!p.synthesized && p.kind == PlaceKind::kAdmin1) real["A1:" + p.cc + "." + p.a1] = i;
    if (!p.synthesized && p.kind == PlaceKind::kAdmin2) real["A2:" + p.cc + "." + p.a1 + "." + p.a2] = i;
    if (p.kind == PlaceKind::kPlace && p.fclass == 'P' && !p.a1.empty()) {
      for (std::string key : {"A1:" + p.cc + "." + p.a1, p.a2.empty() ? std::string() : "A2:" + p.cc + "." + p.a1 + "." + p.a2}) {
        if (key.empty()) continue;
        Acc& a = acc[key];
        a.pop += p.population;
        ++a.n;
        const int rank = SeatRank(p.fcode);
        if (rank > a.seat_rank || (rank == a.seat_rank && p.population > a.seat_pop)) {
          a.seat_rank = rank, a.seat_pop = p.population, a.seat_lat = p.lat, a.seat_lon = p.lon;
        }
      }
    }
  }
  // A country without a population of its own (synthesised from data/places/countries.tsv) gets the
  // summed population of its places: it breaks ties between countries that share a name or demonym
  // ("Congolese": the DR Congo's 100 million over the Republic of the Congo's 6).
  std::map<std::string, int64_t> country_pop;
  for (const BPlace& p : places)
    if (!p.dropped && p.kind == PlaceKind::kPlace && p.fclass == 'P') country_pop[p.cc] += p.population;
  for (BPlace& p : places)
    if (!p.dropped && p.kind == PlaceKind::kCountry && p.population == 0) p.population = country_pop[p.cc];
  for (const auto& [code, name] : admin_names) {
    auto parts = Split(code, '.');
    if (parts.size() != 2 && parts.size() != 3) continue;
    bool level1 = parts.size() == 2;
    std::string key = (level1 ? "A1:" : "A2:") + code;
    size_t idx;
    auto r = real.find(key);
    auto s = by_synth_key.find(key);
    if (r != real.end()) {
      idx = r->second;
      if (s != by_synth_key.end() && s->second != idx) {  // an imported row replaces the synthesised entry
        for (auto& [k, n] : places[s->second].names) AddName(&places[idx], k, n);
        places[s->second].dropped = true;
        by_synth_key.erase(s);
      }
    } else {
      auto a = acc.find(key);
      auto point = admin_points.find(code);
      if ((a == acc.end() || a->second.n == 0) && point == admin_points.end()) {
        if (s != by_synth_key.end()) places[s->second].dropped = true, by_synth_key.erase(s);
        continue;  // no point to give it: its name still names the places' admin areas
      }
      BPlace p;
      p.name = name;
      p.cc = std::string(parts[0]);
      p.a1 = std::string(parts[1]);
      if (!level1) p.a2 = std::string(parts[2]);
      p.fclass = 'A';
      p.fcode = level1 ? "ADM1" : "ADM2";
      p.kind = level1 ? PlaceKind::kAdmin1 : PlaceKind::kAdmin2;
      p.synthesized = true;
      AddName(&p, NameKind::kName, name);
      idx = UpsertSynth(key, std::move(p));
      BPlace& q = places[idx];
      if (point != admin_points.end()) {  // the seat of the area: better than the mean of a few places
        q.lat = point->second.first;
        q.lon = point->second.second;
      } else {
        q.lat = a->second.seat_lat;
        q.lon = a->second.seat_lon;
      }
      q.population = a == acc.end() ? 0 : a->second.pop;
    }
    BPlace& q = places[idx];
    for (const std::string& d : DerivedAdminNames(admin_name_rules, name)) AddName(&q, NameKind::kShortened, d);
    auto alts = admin_alts.find(code);
    if (alts != admin_alts.end()) for (const std::string& a : alts->second) AddName(&q, NameKind::kAlternate, a);
  }
}

namespace {

// The index's string pool: each distinct string once, NUL-terminated, at the offset the records
// hold. Offset 0 is "", so empty fields cost nothing. Offsets follow the order of first interning,
// so the writer interns in one fixed order to keep the file the same on every build.
class StringPool {
 public:
  uint32_t Intern(const std::string& s) {
    if (s.empty()) return 0;
    auto it = offsets_.find(s);
    if (it != offsets_.end()) return it->second;
    uint32_t off = static_cast<uint32_t>(pool_.size());
    pool_.append(s);
    pool_.push_back('\0');
    offsets_.emplace(s, off);
    return off;
  }
  // The pool's bytes, once all strings are in (the pool is empty afterwards).
  std::string TakeBytes() { return std::move(pool_); }

 private:
  std::string pool_ = std::string(1, '\0');
  std::unordered_map<std::string, uint32_t> offsets_;
};

// Which places go into the file: those not dropped (replaced or pointless admin entries), in
// build order, and for each built place its number in the file (UINT32_MAX when dropped), for the
// tables that refer to places by their build number.
struct LivePlaces {
  std::vector<const BPlace*> places;
  std::vector<uint32_t> new_index;
};

LivePlaces CompactPlaces(const std::vector<BPlace>& places) {
  LivePlaces live;
  live.new_index.assign(places.size(), UINT32_MAX);
  for (size_t i = 0; i < places.size(); ++i) {
    if (places[i].dropped) continue;
    live.new_index[i] = static_cast<uint32_t>(live.places.size());
    live.places.push_back(&places[i]);
  }
  return live;
}

// A place's names as PlaceRec::names stores them: "<kind digit><name>" joined by \x1f.
std::string EncodeNames(const BPlace& p) {
  std::string names;
  for (const auto& [k, n] : p.names) {
    if (!names.empty()) names += '\x1f';
    names += static_cast<char>('0' + static_cast<int>(k));
    names += n;
  }
  return names;
}

// The fixed-size record of a place. Its strings are interned in the order name, names, admin1,
// admin2, feature code (the order the pool's offsets depend on). `r` must be zeroed already, padding
// included, so that the file's bytes do not depend on what memory held before.
void FillPlaceRec(const BPlace& p, StringPool* pool, PlaceRec* r) {
  r->geonames_id = p.id;
  r->lat = p.lat;
  r->lon = p.lon;
  r->population = p.population;
  r->name = pool->Intern(p.name);
  r->names = pool->Intern(EncodeNames(p));
  r->admin1 = pool->Intern(p.a1);
  r->admin2 = pool->Intern(p.a2);
  r->fcode = pool->Intern(p.fcode);
  if (p.cc.size() == 2) std::memcpy(r->cc, p.cc.data(), 2);
  r->fclass = p.fclass;
  r->kind = static_cast<uint8_t>(p.kind);
  r->synthesized = p.synthesized ? 1 : 0;
}

// Which places each name key finds: per name-key hash, one posting per place, carrying the best
// (lowest) NameKind of the names of that place with that key. Each name is keyed as written and
// with its accents folded ("Bunia", "Béni" and "Beni").
struct NamePostings {
  std::unordered_map<uint64_t, std::vector<uint32_t>> lists;
  uint32_t max_tokens = 1;  // tokens of the longest indexed key: the finder tries n-grams up to it
  size_t count = 0;         // postings made: the names statistic

  void AddPlace(uint32_t place, const BPlace& p) {
    for (const auto& [k, n] : p.names) {
      for (const std::string& form : {n, fold::FoldAccents(n)}) AddForm(place, k, form);
    }
  }

 private:
  void AddForm(uint32_t place, NameKind kind, const std::string& form) {
    std::vector<std::string> toks = NameKeyTokens(form);
    // Keys over 8 tokens are not indexed: they would lengthen every lookup (max_tokens) for names
    // that news text does not repeat word for word.
    if (toks.empty() || toks.size() > 8) return;
    // A hyphen joins two tokens of the key ("Mbuji-Mayi" is also "Mbuji Mayi": NameKeyHash).
    size_t parts = toks.size();
    for (const std::string& t : toks) parts += static_cast<size_t>(std::count(t.begin(), t.end(), '-'));
    max_tokens = std::max<uint32_t>(max_tokens, static_cast<uint32_t>(std::min<size_t>(parts, 12)));
    NameKeyHash h;
    for (const auto& t : toks) h.AddToken(t);
    std::vector<uint32_t>& list = lists[h.value()];
    const uint32_t posting = (place << kPostingKindBits) | static_cast<uint32_t>(kind);
    bool seen = false;
    for (uint32_t& q : list) {
      if ((q >> kPostingKindBits) == place) {
        q = std::min(q, posting);
        seen = true;
      }
    }
    if (!seen) list.push_back(posting), ++count;
  }
};

// How the postings are laid out: an open-addressing table (linear probing, power-of-two size,
// load factor <= 0.75, hash 0 = empty bucket) whose buckets point into one flat posting array.
// Keys are placed in sorted order, not unordered_map order, so the file is deterministic.
struct PostingTable {
  std::vector<Bucket> buckets;
  std::vector<uint32_t> postings;
};

PostingTable BuildPostingTable(const std::unordered_map<uint64_t, std::vector<uint32_t>>& lists) {
  uint32_t nb = 16;
  while (nb < lists.size() + lists.size() / 3) nb <<= 1;
  PostingTable t;
  t.buckets.assign(nb, Bucket{0, 0, 0});
  std::vector<uint64_t> keys;
  keys.reserve(lists.size());
  for (const auto& kv : lists) keys.push_back(kv.first);
  std::sort(keys.begin(), keys.end());
  for (uint64_t key : keys) {
    const std::vector<uint32_t>& list = lists.at(key);
    uint32_t i = static_cast<uint32_t>(key) & (nb - 1);
    while (t.buckets[i].hash != 0) i = (i + 1) & (nb - 1);
    t.buckets[i] = Bucket{key, static_cast<uint32_t>(t.postings.size()), static_cast<uint32_t>(list.size())};
    t.postings.insert(t.postings.end(), list.begin(), list.end());
  }
  return t;
}

// The admin table: every admin code with its name (sorted by code, as admin_names is) and the
// place that stands for the area, or UINT32_MAX when none does (no point could be given to it).
std::vector<AdminRec> BuildAdminTable(const std::vector<const BPlace*>& live,
                                      const std::map<std::string, std::string>& admin_names, StringPool* pool) {
  std::map<std::string, uint32_t> admin_place;
  for (uint32_t i = 0; i < live.size(); ++i) {
    const BPlace& p = *live[i];
    if (p.kind == PlaceKind::kAdmin1) admin_place[p.cc + "." + p.a1] = i;
    if (p.kind == PlaceKind::kAdmin2) admin_place[p.cc + "." + p.a1 + "." + p.a2] = i;
  }
  std::vector<AdminRec> admin;
  for (const auto& [code, name] : admin_names) {
    auto it = admin_place.find(code);
    admin.push_back(AdminRec{pool->Intern(code), pool->Intern(name), it == admin_place.end() ? UINT32_MAX : it->second, 0});
  }
  return admin;
}

// Everything the file holds after its header, in file order.
struct IndexSections {
  std::vector<PlaceRec> places;
  PostingTable names;
  std::vector<AdminRec> admin;
  std::vector<CountryRec> countries;
  std::vector<uint32_t> sources;  // string offsets
  std::string strings;            // the string pool
  uint32_t max_name_tokens = 1;
};

// Where each section starts: one after the other from the header on, each 8-byte aligned so the
// mapped file can be read in place.
Header LayOutHeader(const IndexSections& s) {
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kVersion;
  h.max_name_tokens = s.max_name_tokens;
  h.num_places = static_cast<uint32_t>(s.places.size());
  h.num_buckets = static_cast<uint32_t>(s.names.buckets.size());
  h.num_postings = static_cast<uint32_t>(s.names.postings.size());
  h.num_admin = static_cast<uint32_t>(s.admin.size());
  h.num_countries = static_cast<uint32_t>(s.countries.size());
  h.num_sources = static_cast<uint32_t>(s.sources.size());
  auto align = [](uint64_t x) { return (x + 7) & ~uint64_t{7}; };
  uint64_t off = align(sizeof(Header));
  h.off_places = off;    off = align(off + s.places.size() * sizeof(PlaceRec));
  h.off_buckets = off;   off = align(off + s.names.buckets.size() * sizeof(Bucket));
  h.off_postings = off;  off = align(off + s.names.postings.size() * 4);
  h.off_admin = off;     off = align(off + s.admin.size() * sizeof(AdminRec));
  h.off_countries = off; off = align(off + s.countries.size() * sizeof(CountryRec));
  h.off_sources = off;   off = align(off + s.sources.size() * 4);
  h.off_strings = off;
  h.strings_size = s.strings.size();
  h.file_size = off + s.strings.size();
  return h;
}

// Writes header and sections (zero padding up to each offset) to a temporary file, then renames it
// over `path`: readers never see a half-written index, and a failed write leaves the old one.
Status WriteIndexFile(const std::string& path, const Header& h, const IndexSections& s) {
  std::string tmp = path + ".tmp." + std::to_string(getpid());  // unique: parallel builds of one path
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return Status::IOError(tmp + ": cannot write: " + std::strerror(errno));
  uint64_t written = 0;
  auto put = [&](const void* data, size_t n) {
    if (n) std::fwrite(data, 1, n, f);
    written += n;
  };
  auto pad_to = [&](uint64_t target) {
    static const char zeros[8] = {};
    while (written < target) put(zeros, std::min<uint64_t>(8, target - written));
  };
  put(&h, sizeof h);
  pad_to(h.off_places);    put(s.places.data(), s.places.size() * sizeof(PlaceRec));
  pad_to(h.off_buckets);   put(s.names.buckets.data(), s.names.buckets.size() * sizeof(Bucket));
  pad_to(h.off_postings);  put(s.names.postings.data(), s.names.postings.size() * 4);
  pad_to(h.off_admin);     put(s.admin.data(), s.admin.size() * sizeof(AdminRec));
  pad_to(h.off_countries); put(s.countries.data(), s.countries.size() * sizeof(CountryRec));
  pad_to(h.off_sources);   put(s.sources.data(), s.sources.size() * 4);
  pad_to(h.off_strings);   put(s.strings.data(), s.strings.size());
  bool ok = std::ferror(f) == 0;
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) {
    std::remove(tmp.c_str());
    return Status::IOError(tmp + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IOError(path + ": cannot replace index: " + std::strerror(errno));
  }
  return Status::OK();
}

}  // namespace

// The country table: ISO codes and the file number of each country's place (sorted by iso2, as
// `countries` is); countries whose place was dropped, or whose code is not two letters, are left out.
std::vector<CountryRec> GazetteerBuilder::Impl::CountryTable(const std::vector<uint32_t>& new_index) const {
  std::vector<CountryRec> out;
  for (const auto& [iso2, c] : countries) {
    if (iso2.size() != 2 || new_index[c.place] == UINT32_MAX) continue;
    CountryRec r{};
    std::memcpy(r.iso2, iso2.data(), 2);
    std::memcpy(r.iso3, c.iso3.data(), std::min<size_t>(3, c.iso3.size()));
    r.place = new_index[c.place];
    out.push_back(r);
  }
  return out;
}

Status GazetteerBuilder::Impl::WriteIndex(const std::string& path) {
  FinalizeAdmin();
  // The names events carry (Admin1Name, Admin2Name): the name reports (ACLED) use when
  // admin_alternates.tsv gives one ("=Federal Capital Territory" for GeoNames' "FCT"); the entries
  // keep every name.
  for (auto& [code, name] : admin_names) {
    if (auto d = admin_display.find(code); d != admin_display.end()) name = d->second;
  }
  const LivePlaces live = CompactPlaces(places);
  if (live.places.size() >= (1u << (32 - kPostingKindBits))) return Status::Unsupported("too many places for index format 1");

  // String offsets follow interning order: places first, then the admin table, then the sources.
  StringPool pool;
  IndexSections s;
  NamePostings postings;
  s.places.resize(live.places.size());  // value-initialised: zeroed, padding included
  for (uint32_t i = 0; i < live.places.size(); ++i) {
    FillPlaceRec(*live.places[i], &pool, &s.places[i]);
    postings.AddPlace(i, *live.places[i]);
  }
  s.max_name_tokens = postings.max_tokens;
  s.names = BuildPostingTable(postings.lists);
  s.admin = BuildAdminTable(live.places, admin_names, &pool);
  s.countries = CountryTable(live.new_index);
  for (const std::string& source : sources) s.sources.push_back(pool.Intern(source));
  s.strings = pool.TakeBytes();

  if (Status st = WriteIndexFile(path, LayOutHeader(s), s); !st.ok()) return st;
  stats.places = s.places.size();
  stats.names = postings.count;
  stats.countries = s.countries.size();
  return Status::OK();
}

Status GazetteerBuilder::Write(const std::string& path) { return impl_->WriteIndex(path); }

GazetteerBuilder::Stats GazetteerBuilder::stats() const { return impl_->stats; }

}  // namespace sitrep
