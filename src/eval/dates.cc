// Date helpers for eval: ACLED's two date spellings and day arithmetic.
#include <cstdio>
#include <string>

#include "core/calendar.h"
#include "core/strings.h"
#include "sitrep/eval.h"

namespace sitrep {
namespace {

// ACLED dates are years 1..9999 (four digits); the calendar decides the rest.
bool ValidDate(int y, int m, int d) { return y >= 1 && y <= 9999 && calendar::IsValidDate(y, m, d); }

}  // namespace

std::optional<int64_t> DayNumber(std::string_view s) {
  int y, m, d;
  char tail;
  std::string str(s);
  if (s.size() != 10 || std::sscanf(str.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  if (!ValidDate(y, m, d)) return std::nullopt;
  return calendar::DaysFromCivil(y, m, d);
}

std::optional<std::string> ParseAcledDate(std::string_view s) {
  s = strings::Trim(s);
  std::string str(s);
  int y, m, d;
  char tail;
  // 2023-11-06 or 2023/11/06
  if (std::sscanf(str.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 ||
      std::sscanf(str.c_str(), "%4d/%2d/%2d%c", &y, &m, &d, &tail) == 3) {
    if (ValidDate(y, m, d)) return calendar::FormatIso(y, m, d);
    return std::nullopt;
  }
  // 06 November 2023, 6 Nov 2023, 06-November-2023
  char month[16];
  if (std::sscanf(str.c_str(), "%2d%*[ -]%15[A-Za-z]%*[ -]%4d%c", &d, month, &y, &tail) == 3) {
    m = calendar::MonthOfName(month);
    if (m && ValidDate(y, m, d)) return calendar::FormatIso(y, m, d);
  }
  return std::nullopt;
}

}  // namespace sitrep
