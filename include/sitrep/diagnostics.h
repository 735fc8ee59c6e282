// Diagnostics: warnings and errors about input, each naming the file and the line
// or byte offset, collected during a run and summarised at its end. Nothing is
// dropped silently: every skipped or failed article leaves a diagnostic.
#ifndef SITREP_DIAGNOSTICS_H_
#define SITREP_DIAGNOSTICS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sitrep {

enum class Severity { kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string file;       // path as given by the user, or "<stdin>"
  int64_t line = 0;       // 1-based line, 0 when not applicable
  int64_t offset = -1;    // byte offset into the file, -1 when not applicable
  std::string message;
  // "file:line: warning: message" or "file: byte 1234: error: message", control characters escaped
  // (a newline in a file name prints as \n).
  std::string ToString() const;
};

class Diagnostics {
 public:
  // Optional sink that sees each diagnostic as it is reported (e.g. to print to stderr).
  using Sink = std::function<void(const Diagnostic&)>;
  void SetSink(Sink sink) { sink_ = std::move(sink); }

  void Report(Diagnostic d);
  void Warn(const std::string& file, int64_t line, int64_t offset, std::string message);
  void Error(const std::string& file, int64_t line, int64_t offset, std::string message);

  const std::vector<Diagnostic>& all() const { return all_; }
  int warnings() const { return warnings_; }
  int errors() const { return errors_; }

 private:
  Sink sink_;
  std::vector<Diagnostic> all_;
  int warnings_ = 0;
  int errors_ = 0;
};

}  // namespace sitrep

#endif  // SITREP_DIAGNOSTICS_H_
