// sitrep dict: the actor dictionary (docs/actors.md).
//   sitrep dict import FILE.actors... [--out DIR]  TABARI/PETRARCH .actors -> a user dictionary folder
//   sitrep dict lookup NAME [--date D] [--dict DIR] name or id -> actor (JSON), coded as of D
//   sitrep dict check [DIR] [--dict DIR]          load a dictionary directory (and user ones), print warnings
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_util.h"
#include "command.h"
#include "sitrep/actors.h"
#include "sitrep/article.h"

namespace sitrep::cli {
namespace {

struct DictFlags {
  std::vector<std::string> files, dicts;
  std::string out, name, date, dir;
};

// Where `dict import` writes when --out is not given: $SITREP_DICT_PATH's first folder, else
// ./sitrep-dict.
std::string DefaultImportDir() {
  std::vector<std::string> env = UserDictPathFromEnv();
  return env.empty() ? "sitrep-dict" : env[0];
}

// "Phoenix.Countries.actors.txt" and "my.actors" -> "Phoenix.Countries.actors.txt", "my.actors.txt";
// the `n`th input of one name (n > 1) gets "my-2.actors.txt".
std::string ImportedFileName(const std::string& input, int n) {
  std::string base = std::filesystem::path(input).filename().string();
  for (std::string_view suffix : {".txt", ".actors"})
    if (base.size() > suffix.size() && base.ends_with(suffix)) base.resize(base.size() - suffix.size());
  return base + (n > 1 ? "-" + std::to_string(n) : "") + ".actors.txt";
}

bool IsOurDictionary(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::equivalent(dir, DefaultActorDir(), ec);
}

// The imported actors grouped by the input file that first named them, written as one user
// dictionary file per input into `dir` (created when missing). Prints each file written.
int WriteImported(const DictFlags& f, const TabariImportResult& r, const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    std::cerr << "sitrep dict import: " << dir << ": cannot create the folder\n";
    return kExitFailure;
  }
  std::set<std::string> written;  // two inputs of one name ("a/x.actors", "b/x.actors") get x, x-2
  for (const std::string& input : f.files) {
    std::vector<Actor> mine;
    for (const Actor& a : r.actors)
      if (a.file == input) mine.push_back(a);
    std::string name = ImportedFileName(input, 1);
    for (int n = 2; !written.insert(name).second; ++n) name = ImportedFileName(input, n);
    std::string path = (fs::path(dir) / name).string();
    std::string text = "# Imported by `sitrep dict import` from " + input + " (TABARI/PETRARCH format).\n\n" +
                       FormatActorFile(mine);
    std::ofstream out(path, std::ios::binary);
    if (!out || !(out << text)) {
      std::cerr << "sitrep dict import: " << path << ": cannot write\n";
      return kExitFailure;
    }
    std::cerr << path << ": " << mine.size() << " actors\n";
  }
  return kExitOk;
}

int Import(const DictFlags& f) {
  ActorDictionary::Files inputs;
  for (const std::string& file : f.files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << "sitrep dict import: " << file << ": cannot open\n";
      return kExitInputErrors;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    inputs.emplace_back(file, ss.str());
  }
  TabariImportResult r;
  ImportTabariActors(inputs, &r);
  for (const auto& w : r.warnings) std::cerr << w << "\n";
  std::string dir = f.out.empty() ? DefaultImportDir() : f.out;
  int code = kExitOk;
  if (dir == "-") {
    std::string text = FormatActorFile(r.actors);
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else if (IsOurDictionary(dir)) {
    std::cerr << "sitrep dict import: " << dir << " is sitrep's own dictionary; write to a user dictionary folder "
              << "(--out DIR, loaded with --dict DIR or $SITREP_DICT_PATH)\n";
    return kExitUsage;
  } else {
    code = WriteImported(f, r, dir);
  }
  std::cerr << r.actors.size() << " actors imported, " << r.warnings.size() << " warnings (lines skipped or ignored)\n";
  return code;
}

// Our dictionary folder `actor_dir` (default: the data folder's actors/) and the user folders.
Status Open(const std::string& actor_dir, const DictFlags& f, std::unique_ptr<ActorDictionary>* dict) {
  return ActorDictionary::Load(actor_dir.empty() ? DefaultActorDir() : actor_dir, UserDictDirs(f.dicts), dict);
}

int Lookup(const DictFlags& f) {
  const std::string actor_dir = f.dir.empty() ? "" : f.dir + "/actors";  // --data-dir is the data folder
  if (!f.date.empty() && !IsIsoDate(f.date)) {
    std::cerr << "sitrep dict lookup: --date must be YYYY-MM-DD, got '" << f.date << "'\n";
    return kExitUsage;
  }
  std::unique_ptr<ActorDictionary> dict;
  Status s = Open(actor_dir, f, &dict);
  if (!s.ok()) {
    std::cerr << "sitrep dict lookup: " << s.ToString() << "\n";
    return kExitFailure;
  }
  PrintDictWarnings(dict->warnings(), false);
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
  Status s = Open(f.dir, f, &dict);
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
  CLI::App* imp = sub->add_subcommand("import", "Convert TABARI/PETRARCH .actors files into a user dictionary folder");
  imp->add_option("files", flags->files, "the .actors files (e.g. Phoenix Countries, International, MilNonState)")
      ->required();
  imp->add_option("--out,-o", flags->out,
                  "user dictionary folder to write <input>.actors.txt files into (default: $SITREP_DICT_PATH's "
                  "first folder, else ./sitrep-dict); - for standard output");
  CLI::App* look = sub->add_subcommand("lookup", "Find an actor by id, name or alias; print it as JSON");
  look->add_option("name", flags->name, "id (COD_MIL), name or alias (FARDC, \"Paul Kagame\")")->required();
  look->add_option("--date", flags->date, "YYYY-MM-DD: code a person as the role held that day");
  look->add_option("--data-dir", flags->dir, "the data folder; its actors/ is read (default: $SITREP_DATA_DIR, else data/)");
  AddDictFlag(look, &flags->dicts);
  CLI::App* check = sub->add_subcommand("check", "Load a dictionary directory and report problems");
  check->add_option("dir", flags->dir, "directory of *.actors.txt files (default: data/actors)");
  AddDictFlag(check, &flags->dicts);
  return [flags, imp, look, check]() -> int {
    if (imp->parsed()) return Import(*flags);
    if (look->parsed()) return Lookup(*flags);
    if (check->parsed()) return Check(*flags);
    return kExitUsage;
  };
});

}  // namespace
}  // namespace sitrep::cli
