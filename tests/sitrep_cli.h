// Running the built `sitrep` binary from a test: the CLI tests of every stage share this.
//   testing::CliResult r = testing::RunSitrep("events --db x.db", dir + "/stderr.txt");
#ifndef SITREP_TESTS_SITREP_CLI_H_
#define SITREP_TESTS_SITREP_CLI_H_

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace sitrep::testing {

inline const std::string kSitrepBinary = SITREP_TEST_BINARY_DIR "/sitrep";

struct CliResult {
  int code = -1;
  std::string out, err;
};

// `s` in single quotes for the shell.
inline std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `sitrep <args>` through the shell, stderr into `err_path` (then read into `err`); stdin from
// `stdin_file` when given, else /dev/null; `runner` (e.g. setpriv with its options) before the binary.
inline CliResult RunSitrep(const std::string& args, const std::string& err_path, const std::string& stdin_file = "",
                           const std::string& runner = "") {
  std::string cmd = runner + Quote(kSitrepBinary) + " " + args + " 2>" + Quote(err_path) +
                    (stdin_file.empty() ? " </dev/null" : " <" + Quote(stdin_file));
  CliResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_path);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  return r;
}

}  // namespace sitrep::testing

#endif  // SITREP_TESTS_SITREP_CLI_H_
