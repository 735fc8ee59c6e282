// Internal: date arithmetic relative to an article date (Howard Hinnant's date, since GCC 12
// has no C++20 calendar) and the closed word classes of dates: weekday names, day numbers,
// years. Month names and plain calendar checks are core/calendar.h's.
#ifndef SITREP_SRC_TIME_CALENDAR_H_
#define SITREP_SRC_TIME_CALENDAR_H_

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace sitrep::time_internal {

using Ymd = date::year_month_day;

// "2023-11-07" -> date; nullopt when not a valid ISO date.
std::optional<Ymd> ParseIsoDate(std::string_view s);
std::string FormatIso(const Ymd& d);

Ymd MakeYmd(int y, unsigned m, unsigned d);
Ymd AddDays(const Ymd& d, int n);
// First day of the month `n` months from d's month ("last month": n = -1).
Ymd MonthStart(const Ymd& d, int n = 0);
// Monday of the calendar week `n` weeks from d's week.
Ymd WeekStart(const Ymd& d, int n = 0);
// 0 = Sunday ... 6 = Saturday (C encoding, as date::weekday::c_encoding).
unsigned WeekdayOf(const Ymd& d);

// Weekday 0 (Sunday) .. 6, -1 if none.
int WeekdayNumber(std::string_view lower);
// Day of month 1..31 from "6", "06", "6th", "1st", "22nd", "3rd"; 0 if none.
int DayNumber(std::string_view lower);
// True for ordinal forms only ("6th").
bool IsOrdinalDay(std::string_view lower);
// Year 1900..2100 from four digits; 0 if none.
int YearNumber(std::string_view lower);

}  // namespace sitrep::time_internal

#endif  // SITREP_SRC_TIME_CALENDAR_H_
