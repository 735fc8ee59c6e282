// sitrep: conflict event data from news text. See README.md.
#include <algorithm>
#include <iostream>
#include <map>

#include "command.h"
#include "sitrep/paths.h"
#include "sitrep/places.h"

namespace sitrep::cli {
std::vector<Command>& Registry() {
  static std::vector<Command> commands;
  return commands;
}
}  // namespace sitrep::cli

int main(int argc, char** argv) {
  using namespace sitrep::cli;
  CLI::App app{"sitrep: a conflict event data engine (news text -> coded, geolocated, dated events)"};
  app.set_version_flag("--version",
                       "sitrep " + sitrep::Version() + "\nData: " + sitrep::DataDir() +
                           "\nGazetteer: " + sitrep::Gazetteer::DefaultPath() +
                           "\nPlace data: GeoNames (https://www.geonames.org), CC BY 4.0."
                           "\nTagger model: trained on Universal Dependencies English EWT, CC BY-SA 4.0.");
  app.require_subcommand(1);
  auto& commands = Registry();
  std::sort(commands.begin(), commands.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
  std::map<CLI::App*, RunFn> runs;
  for (const Command& c : commands) {
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    runs[sub] = c.setup(sub);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  for (auto& [sub, run] : runs) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;
}
