#include "calendar.h"

#include "core/calendar.h"

namespace sitrep::time_internal {

namespace {
bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

std::optional<Ymd> ParseIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!AllDigits(s.substr(0, 4)) || !AllDigits(s.substr(5, 2)) || !AllDigits(s.substr(8, 2))) return std::nullopt;
  Ymd d = MakeYmd(ToInt(s.substr(0, 4)), ToInt(s.substr(5, 2)), ToInt(s.substr(8, 2)));
  if (!d.ok()) return std::nullopt;
  return d;
}

std::string FormatIso(const Ymd& d) {
  return calendar::FormatIso(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                             static_cast<int>(static_cast<unsigned>(d.day())));
}

Ymd MakeYmd(int y, unsigned m, unsigned d) { return Ymd{date::year{y}, date::month{m}, date::day{d}}; }

Ymd AddDays(const Ymd& d, int n) { return Ymd{date::sys_days{d} + date::days{n}}; }

Ymd MonthStart(const Ymd& d, int n) {
  date::year_month ym = d.year() / d.month();
  ym += date::months{n};
  return ym / date::day{1};
}

Ymd WeekStart(const Ymd& d, int n) {
  date::sys_days sd{d};
  unsigned iso = date::weekday{sd}.iso_encoding();  // Monday = 1
  return Ymd{sd - date::days{iso - 1} + date::days{7 * n}};
}

unsigned WeekdayOf(const Ymd& d) { return date::weekday{date::sys_days{d}}.c_encoding(); }

int WeekdayNumber(std::string_view w) {
  static constexpr std::string_view kNames[] = {"sunday",   "monday", "tuesday", "wednesday",
                                                "thursday", "friday", "saturday"};
  for (int i = 0; i < 7; ++i)
    if (w == kNames[i]) return i;
  return -1;
}

bool IsOrdinalDay(std::string_view w) {
  if (w.size() < 3) return false;
  std::string_view suffix = w.substr(w.size() - 2);
  return (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") && DayNumber(w) > 0;
}

int DayNumber(std::string_view w) {
  std::string_view digits = w;
  if (w.size() >= 3) {
    std::string_view suffix = w.substr(w.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") digits = w.substr(0, w.size() - 2);
  }
  if (digits.empty() || digits.size() > 2 || !AllDigits(digits)) return 0;
  int d = ToInt(digits);
  if (d < 1 || d > 31) return 0;
  if (digits.size() < w.size()) {  // the suffix must agree: 1st 2nd 3rd 4th, 11th 12th 13th
    std::string_view suffix = w.substr(digits.size());
    int last = d % 10, tens = d / 10 % 10;
    std::string_view want = tens == 1 ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
    if (suffix != want) return 0;
  }
  return d;
}

int YearNumber(std::string_view w) {
  if (w.size() != 4 || !AllDigits(w)) return 0;
  int y = ToInt(w);
  return y >= 1900 && y <= 2100 ? y : 0;
}

}  // namespace sitrep::time_internal
