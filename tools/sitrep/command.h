// Each `sitrep` subcommand lives in its own cmd_*.cc and registers itself here, so
// adding a command touches one file.
#ifndef SITREP_TOOLS_COMMAND_H_
#define SITREP_TOOLS_COMMAND_H_

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace sitrep::cli {

// Documented exit codes (README "Exit codes").
enum ExitCode {
  kExitOk = 0,          // success (warnings may have been printed)
  kExitInputErrors = 1, // finished, but some input failed (missing file, unreadable article)
  kExitUsage = 2,       // bad command line
  kExitFailure = 3,     // could not run: store, data or model could not be opened
};

// `setup` adds the subcommand's options to `sub` and returns the function that runs it.
using RunFn = std::function<int()>;
using SetupFn = std::function<RunFn(CLI::App* sub)>;

struct Command {
  std::string name, description;
  SetupFn setup;
};

std::vector<Command>& Registry();

struct Register {
  Register(std::string name, std::string description, SetupFn setup) {
    Registry().push_back({std::move(name), std::move(description), std::move(setup)});
  }
};

}  // namespace sitrep::cli

#endif  // SITREP_TOOLS_COMMAND_H_
