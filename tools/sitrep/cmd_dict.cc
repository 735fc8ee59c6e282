// sitrep dict: the actor dictionary (docs/actors.md).
//   sitrep dict import FILE.actors [--out FILE]   TABARI/PETRARCH .actors -> sitrep's format
//   sitrep dict lookup NAME [--date D]            name or id -> actor (JSON), coded as of D
//   sitrep dict check [DIR]                        load a dictionary directory, print warnings
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "command.h"
#include "sitrep/actors.h"
#include "sitrep/article.h"

namespace sitrep::cli {
namespace {

struct DictFlags {
  std::string file, out, name, date, dir;
};

int Import(const DictFlags& f) {
  std::ifstream in(f.file, std::ios::binary);
  if (!in) {
    std::cerr << "sitrep dict import: " << f.file << ": cannot open\n";
    return kExitInputErrors;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  TabariImportResult r;
  Status s = ImportTabariActors(ss.str(), f.file, &r);
  if (!s.ok()) {
    std::cerr << "sitrep dict import: " << s.message() << "\n";
    return kExitInputErrors;
  }
  for (const auto& w : r.warnings) std::cerr << w << "\n";
  std::string text = "# Imported by `sitrep dict import` from " + f.file + " (TABARI/PETRARCH format).\n\n" +
                     FormatActorFile(r.actors);
  if (f.out.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    std::ofstream out(f.out, std::ios::binary);
    if (!out || !(out << text)) {
      std::cerr << "sitrep dict import: " << f.out << ": cannot write\n";
      return kExitFailure;
    }
  }
  std::cerr << r.actors.size() << " actors imported, " << r.warnings.size() << " records skipped\n";
  return kExitOk;
}

Status Open(const std::string& dir, std::unique_ptr<ActorDictionary>* dict) {
  return ActorDictionary::Load(dir.empty() ? DefaultActorDir() : dir, dict);
}

int Lookup(const DictFlags& f) {
  const std::string actor_dir = f.dir.empty() ? "" : f.dir + "/actors";  // --data-dir is the data folder
  if (!f.date.empty() && !IsIsoDate(f.date)) {
    std::cerr << "sitrep dict lookup: --date must be YYYY-MM-DD, got '" << f.date << "'\n";
    return kExitUsage;
  }
  std::unique_ptr<ActorDictionary> dict;
  Status s = Open(actor_dir, &dict);
  if (!s.ok()) {
    std::cerr << "sitrep dict lookup: " << s.ToString() << "\n";
    return kExitFailure;
  }
  const Actor* a = dict->Find(f.name);
  if (!a) a = dict->Find(dict->Normalize(f.name));
  if (!a) {
    std::cerr << "sitrep dict lookup: no actor named '" << f.name << "'\n";
    return kExitInputErrors;
  }
  nlohmann::json j = {{"query", f.name},  {"id", a->id},           {"name", a->name},
                      {"type", a->type},  {"country", a->country}, {"aliases", a->aliases},
                      {"defined_at", a->file + ":" + std::to_string(a->line)}};
  j["links"] = nlohmann::json::array();
  for (const auto& l : a->links)
    j["links"].push_back({{"relation", l.relation}, {"id", l.other_id}, {"from", l.from}, {"until", l.until},
                          {"source", l.source}});
  j["roles"] = nlohmann::json::array();
  for (const auto& r : a->roles)
    j["roles"].push_back({{"title", r.title}, {"org", r.org_id}, {"from", r.from}, {"until", r.until}});
  // How an event on --date codes this actor (a person as the institution of the role held).
  j["code_as"] = dict->CodeAs(a->id, f.date);
  std::cout << j.dump(2) << "\n";
  return kExitOk;
}

int Check(const DictFlags& f) {
  std::unique_ptr<ActorDictionary> dict;
  Status s = Open(f.dir, &dict);
  if (!s.ok()) {
    std::cerr << s.message() << "\n";
    return kExitInputErrors;
  }
  for (const auto& w : dict->warnings()) std::cerr << w << "\n";
  std::cout << dict->size() << " actors, " << dict->warnings().size() << " warnings\n";
  return kExitOk;
}

Register reg("dict", "Actor dictionary: import TABARI/PETRARCH .actors files, look up names", [](CLI::App* sub) {
  auto flags = std::make_shared<DictFlags>();
  sub->require_subcommand(1);
  sub->footer(
      "Exit codes: 0 ok; 1 input failed (unreadable or malformed file, unknown name); 2 bad command line;\n"
      "3 dictionary could not be loaded. Format: docs/actors.md.");
  CLI::App* imp = sub->add_subcommand("import", "Convert a TABARI/PETRARCH .actors file to sitrep's format");
  imp->add_option("file", flags->file, "the .actors file")->required();
  imp->add_option("--out,-o", flags->out, "write here (a *.actors.txt name to load it) instead of stdout");
  CLI::App* look = sub->add_subcommand("lookup", "Find an actor by id, name or alias; print it as JSON");
  look->add_option("name", flags->name, "id (COD_MIL), name or alias (FARDC, \"Paul Kagame\")")->required();
  look->add_option("--date", flags->date, "YYYY-MM-DD: code a person as the role held that day");
  look->add_option("--data-dir", flags->dir, "the data folder; its actors/ is read (default: $SITREP_DATA_DIR, else data/)");
  CLI::App* check = sub->add_subcommand("check", "Load a dictionary directory and report problems");
  check->add_option("dir", flags->dir, "directory of *.actors.txt files (default: data/actors)");
  return [flags, imp, look, check]() -> int {
    if (imp->parsed()) return Import(*flags);
    if (look->parsed()) return Lookup(*flags);
    if (check->parsed()) return Check(*flags);
    return kExitUsage;
  };
});

}  // namespace
}  // namespace sitrep::cli
