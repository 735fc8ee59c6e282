#include "core/calendar.h"

#include <date/date.h>

#include <array>
#include <cstdio>

#include "core/strings.h"

namespace sitrep::calendar {
namespace {

struct MonthWord {
  std::string_view word;
  int month;
};

constexpr MonthWord kMonthWords[] = {
    {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},       {"june", 6},
    {"july", 7},    {"august", 8},   {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1},     {"jan.", 1},     {"feb", 2},       {"feb.", 2},     {"mar.", 3},      {"apr", 4},
    {"apr.", 4},    {"jun.", 6},     {"jul.", 7},      {"aug", 8},      {"aug.", 8},      {"sep", 9},
    {"sep.", 9},    {"sept", 9},     {"sept.", 9},     {"oct", 10},     {"oct.", 10},     {"nov", 11},
    {"nov.", 11},   {"dec", 12},     {"dec.", 12}};

constexpr auto kWords = [] {
  std::array<std::string_view, std::size(kMonthWords)> words{};
  for (size_t i = 0; i < words.size(); ++i) words[i] = kMonthWords[i].word;
  return words;
}();

date::year_month_day Ymd(int year, int month, int day) {
  return date::year{year} / date::month{static_cast<unsigned>(month)} / date::day{static_cast<unsigned>(day)};
}

}  // namespace

bool IsLeapYear(int year) { return date::year{year}.is_leap(); }

int DaysInMonth(int year, int month) {
  if (month < 1 || month > 12) return 0;
  auto last = date::year{year} / date::month{static_cast<unsigned>(month)} / date::last;
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

bool IsValidDate(int year, int month, int day) {
  // date::month and date::day keep one byte: range-check before constructing them.
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return Ymd(year, month, day).ok();
}

int64_t DaysFromCivil(int year, int month, int day) {
  return date::sys_days{Ymd(year, month, day)}.time_since_epoch().count();
}

std::string FormatIso(int year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int MonthOfWord(std::string_view lower) {
  for (const MonthWord& m : kMonthWords)
    if (lower == m.word) return m.month;
  return 0;
}

std::span<const std::string_view> MonthWords() { return kWords; }

int MonthOfName(std::string_view name) {
  if (name.size() < 3) return 0;
  const std::string lower = strings::AsciiLower(name);
  for (int month = 1; month <= 12; ++month) {
    std::string_view full = kMonthWords[month - 1].word;
    if (full.starts_with(lower)) return month;
  }
  return 0;
}

}  // namespace sitrep::calendar
