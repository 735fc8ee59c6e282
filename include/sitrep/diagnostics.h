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

// Every diagnostic is counted and handed to the sink; only the first kMaxKept are kept in all(), so
// that a feed of millions of bad lines costs no more memory than a few (not_kept() counts the rest).
class Diagnostics {
 public:
  static constexpr size_t kMaxKept = 1000;

  // Optional sink that sees each diagnostic as it is reported (e.g. to print to stderr).
  using Sink = std::function<void(const Diagnostic&)>;
  void SetSink(Sink sink) { sink_ = std::move(sink); }

  void Report(Diagnostic d);
  void Warn(const std::string& file, int64_t line, int64_t offset, std::string message);
  void Error(const std::string& file, int64_t line, int64_t offset, std::string message);

  // The first kMaxKept diagnostics reported.
  const std::vector<Diagnostic>& all() const { return all_; }
  // Diagnostics reported (and passed to the sink) but not kept in all().
  int64_t not_kept() const { return not_kept_; }
  int warnings() const { return warnings_; }
  int errors() const { return errors_; }

 private:
  Sink sink_;
  std::vector<Diagnostic> all_;
  int64_t not_kept_ = 0;
  int warnings_ = 0;
  int errors_ = 0;
};

}  // namespace sitrep

#endif  // SITREP_DIAGNOSTICS_H_
