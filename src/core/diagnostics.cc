#include "sitrep/diagnostics.h"

#include <fmt/format.h>

#include "core/strings.h"

namespace sitrep {

std::string Diagnostic::ToString() const {
  std::string where = file;
  if (line > 0) where += fmt::format(":{}", line);
  if (offset >= 0) where += fmt::format(": byte {}", offset);
  // Escaped: file names and echoed input may hold newlines or terminal escape codes.
  return strings::EscapeControl(
      fmt::format("{}: {}: {}", where, severity == Severity::kError ? "error" : "warning", message));
}

void Diagnostics::Report(Diagnostic d) {
  (d.severity == Severity::kError ? errors_ : warnings_)++;
  if (sink_) sink_(d);
  if (all_.size() < kMaxKept)
    all_.push_back(std::move(d));
  else
    ++not_kept_;
}

void Diagnostics::Warn(const std::string& file, int64_t line, int64_t offset, std::string message) {
  Report({Severity::kWarning, file, line, offset, std::move(message)});
}

void Diagnostics::Error(const std::string& file, int64_t line, int64_t offset, std::string message) {
  Report({Severity::kError, file, line, offset, std::move(message)});
}

}  // namespace sitrep
