// Date helpers for eval: ACLED's two date spellings and day arithmetic.
#include <array>
#include <cctype>
#include <cstdio>
#include <string>

#include "sitrep/eval.h"

namespace sitrep {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool ValidDate(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::string Iso(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Month from its English name or a 3+ letter prefix of it ("Nov", "November"); 0 if none.
int MonthNumber(std::string_view word) {
  static const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                  "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 0; i < 12; ++i) {
    std::string_view name = kMonths[i];
    if (lower.size() <= name.size() && name.substr(0, lower.size()) == lower) return i + 1;
  }
  return 0;
}

}  // namespace

std::optional<int64_t> DayNumber(std::string_view s) {
  int y, m, d;
  char tail;
  std::string str(s);
  if (s.size() != 10 || std::sscanf(str.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  if (!ValidDate(y, m, d)) return std::nullopt;
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::optional<std::string> ParseAcledDate(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string str(s);
  int y, m, d;
  char tail;
  // 2023-11-06 or 2023/11/06
  if (std::sscanf(str.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 ||
      std::sscanf(str.c_str(), "%4d/%2d/%2d%c", &y, &m, &d, &tail) == 3) {
    if (ValidDate(y, m, d)) return Iso(y, m, d);
    return std::nullopt;
  }
  // 06 November 2023, 6 Nov 2023, 06-November-2023
  char month[16];
  if (std::sscanf(str.c_str(), "%2d%*[ -]%15[A-Za-z]%*[ -]%4d%c", &d, month, &y, &tail) == 3) {
    m = MonthNumber(month);
    if (m && ValidDate(y, m, d)) return Iso(y, m, d);
  }
  return std::nullopt;
}

}  // namespace sitrep
