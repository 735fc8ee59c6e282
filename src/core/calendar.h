// Internal: Gregorian calendar arithmetic on Howard Hinnant's date library (GCC 12 has no
// C++20 calendar), and the English month names, for every stage that reads or checks dates.
#ifndef SITREP_SRC_CORE_CALENDAR_H_
#define SITREP_SRC_CORE_CALENDAR_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace sitrep::calendar {

bool IsLeapYear(int year);
// 28..31 for month 1..12 of `year`; 0 for a month out of range.
int DaysInMonth(int year, int month);
// A real proleptic Gregorian date (2024-02-29 is, 2023-02-29 is not).
bool IsValidDate(int year, int month, int day);
// Days since 1970-01-01 of a valid date (negative before).
int64_t DaysFromCivil(int year, int month, int day);
// "2023-11-06": ISO 8601, the spelling of every date sitrep writes.
std::string FormatIso(int year, int month, int day);

// Month 1..12 of a lower-cased word as articles write it: the full name or a usual
// abbreviation ("november", "nov", "nov.", "sept."); 0 if none. Bare three-letter forms that
// are common words ("mar", "jun", "jul") are not months here.
int MonthOfWord(std::string_view lower);
// Every word MonthOfWord knows, for pre-filters.
std::span<const std::string_view> MonthWords();
// Month 1..12 of an English month name or a prefix of it of 3+ letters, in any case ("Nov",
// "NOVEMBER", "Sept"), as tables and data files spell them; 0 if none.
int MonthOfName(std::string_view name);

}  // namespace sitrep::calendar

#endif  // SITREP_SRC_CORE_CALENDAR_H_
