// FindTimeMentions: every form of issue #5, table-driven, with and without an article date.
#include <gtest/gtest.h>

#include <date/date.h>

#include <cstdio>
#include <string>

#include "../numbers/test_document.h"
#include "sitrep/temporal.h"

namespace sitrep {
namespace {

// Flags of a mention, compact: R relative, V vague, F future.
std::string Flags(const TimeMention& m) {
  std::string f;
  if (m.relative) f += 'R';
  if (m.vague) f += 'V';
  if (m.future) f += 'F';
  return f;
}

struct TimeCase {
  const char* text;
  const char* article;    // "" for no article date
  const char* span;       // expected text of the first mention ("" = none expected)
  const char* date;       // "" for no date
  const char* precision;
  const char* relation;
  const char* flags;
};

class TimeTest : public ::testing::TestWithParam<TimeCase> {};

TEST_P(TimeTest, Resolves) {
  const TimeCase& c = GetParam();
  Document doc;
  testing::MakeDocument(c.text, &doc);
  std::optional<std::string> article;
  if (*c.article) article = c.article;
  std::vector<TimeMention> found = FindTimeMentions(doc, testing::Whole(doc), article);
  if (!*c.span) {
    for (const TimeMention& m : found) ADD_FAILURE() << c.text << " -> " << testing::Span(doc, m.first_token, m.last_token);
    return;
  }
  ASSERT_FALSE(found.empty()) << c.text;
  const TimeMention& m = found[0];
  EXPECT_EQ(testing::Span(doc, m.first_token, m.last_token), c.span) << c.text;
  EXPECT_EQ(m.date.value_or(""), c.date) << c.text << " @" << c.article;
  EXPECT_EQ(m.precision, c.precision) << c.text << " @" << c.article;
  EXPECT_STREQ(RelationName(m.relation), c.relation) << c.text;
  EXPECT_EQ(Flags(m), c.flags) << c.text;
  // Invariants: never after the article date; a date iff a known precision.
  if (article && m.date) {
    EXPECT_LE(*m.date, *article) << c.text;
  }
  EXPECT_EQ(m.date.has_value(), m.precision != "unknown") << c.text;
}

// 2023-11-07 is a Tuesday.
const TimeCase kTimes[] = {
    // calendar dates
    {"on Monday, November 6, the rebels", "2023-11-07", "on Monday, November 6", "2023-11-06", "day", "at", "R"},
    {"started on October 1, when fighting resumed", "2023-11-07", "on October 1", "2023-10-01", "day", "at", "R"},
    {"October 1", "2023-02-10", "October 1", "2022-10-01", "day", "at", "R"},
    {"held on February 4th, 2023", "2023-11-07", "on February 4th, 2023", "2023-02-04", "day", "at", ""},
    {"held on February 4th, 2023", "", "on February 4th, 2023", "2023-02-04", "day", "at", ""},
    {"on 6 November 2023", "2023-11-07", "on 6 November 2023", "2023-11-06", "day", "at", ""},
    {"on the 4th of February", "2023-11-07", "on the 4th of February", "2023-02-04", "day", "at", "R"},
    {"Nov. 6, 2023", "2023-11-07", "Nov. 6, 2023", "2023-11-06", "day", "at", ""},
    {"on December 30", "2024-01-02", "on December 30", "2023-12-30", "day", "at", "R"},
    {"on February 30, 2023", "2023-11-07", "on February 30, 2023", "2023-02-01", "month", "at", ""},
    // weekday disagreeing with the date lowers the precision
    {"on Tuesday, November 6, 2023", "2023-11-07", "on Tuesday, November 6, 2023", "2023-11-03", "week", "at", ""},
    {"on Tuesday, November 6", "2023-11-07", "on Tuesday, November 6", "2023-11-03", "week", "at", "R"},
    // months and years
    {"since November 2022", "2023-11-07", "since November 2022", "2022-11-01", "month", "since", ""},
    {"in November 2022", "", "in November 2022", "2022-11-01", "month", "at", ""},
    {"in July of 1977", "", "in July of 1977", "1977-07-01", "month", "at", ""},
    {"since January", "2025-03-30", "since January", "2025-01-01", "month", "since", "R"},
    {"since January", "", "since January", "", "unknown", "since", "R"},
    {"in December", "2024-03-01", "in December", "2023-12-01", "month", "at", "R"},
    {"in early December", "2024-03-01", "in early December", "2023-12-01", "month", "at", "R"},
    {"in mid-October", "2023-11-07", "in mid-October", "2023-10-01", "month", "at", "R"},
    {"in November last year", "2023-11-07", "in November last year", "2022-11-01", "month", "at", "R"},
    {"in 2022", "2023-11-07", "in 2022", "2022-01-01", "year", "at", ""},
    {"until 2021", "", "until 2021", "2021-01-01", "year", "until", ""},
    {"before October 1", "2023-11-07", "before October 1", "2023-10-01", "day", "before", "R"},
    {"after January", "2023-11-07", "after January", "2023-01-01", "month", "after", "R"},
    // relative days, weeks, months, years
    {"yesterday", "2023-11-07", "yesterday", "2023-11-06", "day", "at", "R"},
    {"yesterday", "", "yesterday", "", "unknown", "at", "R"},
    {"the day before yesterday", "2023-11-07", "the day before yesterday", "2023-11-05", "day", "at", "R"},
    {"today", "2023-11-07", "today", "2023-11-07", "day", "at", "R"},
    {"last night", "2023-11-07", "last night", "2023-11-06", "day", "at", "R"},
    {"two days ago", "2023-11-07", "two days ago", "2023-11-05", "day", "at", "R"},
    {"3 days ago", "2023-03-02", "3 days ago", "2023-02-27", "day", "at", "R"},
    {"a week ago", "2023-11-07", "a week ago", "2023-10-30", "week", "at", "R"},
    {"two months ago", "2023-01-15", "two months ago", "2022-11-01", "month", "at", "R"},
    {"a year ago", "2023-11-07", "a year ago", "2022-01-01", "year", "at", "R"},
    {"last week", "2023-11-07", "last week", "2023-10-30", "week", "at", "R"},
    {"earlier this week", "2023-11-07", "earlier this week", "2023-11-06", "week", "at", "R"},
    {"earlier this month", "2023-11-07", "earlier this month", "2023-11-01", "month", "at", "R"},
    {"last month", "2023-01-15", "last month", "2022-12-01", "month", "at", "R"},
    {"two months ago", "2023-11-07", "two months ago", "2023-09-01", "month", "at", "R"},
    {"earlier this year", "2023-11-07", "earlier this year", "2023-01-01", "year", "at", "R"},
    {"last year", "2023-11-07", "last year", "2022-01-01", "year", "at", "R"},
    {"over the weekend", "2023-11-07", "over the weekend", "2023-11-04", "week", "at", "R"},
    {"in the past week", "2023-11-07", "in the past week", "2023-10-31", "week", "at", "R"},
    {"a few days ago", "2023-11-07", "a few days ago", "2023-10-31", "week", "at", "R"},
    // weekdays
    {"on Monday", "2023-11-07", "on Monday", "2023-11-06", "day", "at", "R"},
    {"on Tuesday", "2023-11-07", "on Tuesday", "2023-11-07", "day", "at", "R"},
    {"on Wednesday", "2023-11-07", "on Wednesday", "2023-11-01", "day", "at", "R"},
    {"last Tuesday", "2023-11-07", "last Tuesday", "2023-10-31", "day", "at", "R"},
    {"According to Monday's statement", "2023-11-07", "Monday", "2023-11-06", "day", "at", "R"},
    {"on Monday", "", "on Monday", "", "unknown", "at", "R"},
    {"on the 6th", "2023-11-07", "on the 6th", "2023-11-06", "day", "at", "R"},
    {"on the 20th", "2023-11-07", "on the 20th", "2023-10-20", "day", "at", "R"},
    // numeric dates
    {"on 2023-11-06", "", "on 2023-11-06", "2023-11-06", "day", "at", ""},
    {"on 25/10/2023", "2023-11-07", "on 25/10/2023", "2023-10-25", "day", "at", ""},
    {"on 10/25/2023", "2023-11-07", "on 10/25/2023", "2023-10-25", "day", "at", ""},
    {"on 06/11/2023", "2023-11-07", "on 06/11/2023", "2023-11-06", "day", "at", ""},
    {"on 09/16/99", "2023-11-07", "on 09/16/99", "1999-09-16", "day", "at", ""},
    {"on 6/1/01", "2023-11-07", "on 6/1/01", "2001-06-01", "day", "at", ""},  // both valid: the later
    // last/this/next with a month
    {"last June", "2023-11-07", "last June", "2023-06-01", "month", "at", "R"},
    {"last November", "2023-11-07", "last November", "2022-11-01", "month", "at", "R"},
    {"this June", "2023-11-07", "this June", "2023-06-01", "month", "at", "R"},
    {"next June", "2023-11-07", "next June", "", "unknown", "at", "RF"},
    {"in Jan. 2023", "2023-11-07", "in Jan. 2023", "2023-01-01", "month", "at", ""},
    {"in late last year", "2023-11-07", "in late last year", "2022-01-01", "year", "at", "R"},
    {"early this month", "2023-11-07", "early this month", "2023-11-01", "month", "at", "R"},
    {"late last year", "", "late last year", "", "unknown", "at", "R"},
    // vague and future
    {"planned for Thursday, February 15", "2023-11-07", "Thursday, February 15", "", "unknown", "at", "RF"},
    {"This follows months after the rebels had vacated", "2023-11-07", "months after", "", "unknown", "after", "V"},
    {"the rebels recently withdrew", "2023-11-07", "recently", "", "unknown", "before", "V"},
    {"in recent weeks", "2023-11-07", "in recent weeks", "", "unknown", "at", "V"},
    {"two days later", "2023-11-07", "two days later", "", "unknown", "after", "V"},
    {"talks will resume next week", "2023-11-07", "next week", "", "unknown", "after", "RF"},
    {"tomorrow", "2023-11-07", "tomorrow", "", "unknown", "after", "RF"},
    {"on December 5, 2023", "2023-11-07", "on December 5, 2023", "", "unknown", "at", "F"},
    {"next Monday", "2023-11-07", "next Monday", "", "unknown", "at", "RF"},
    // not time expressions
    {"the rebels may attack", "2023-11-07", "", "", "", "", ""},
    {"a march on the capital", "2023-11-07", "", "", "", "", ""},
    {"their 20th Summit", "2023-11-07", "", "", "", "", ""},
    {"killed 2022 people", "2023-11-07", "", "", "", "", ""},
    {"20 soldiers", "2023-11-07", "", "", "", "", ""},
    {"Foreign Minister Jan Petersen", "2023-11-07", "", "", "", "", ""},
    {"over 2000 people were killed", "2023-11-07", "", "", "", "", ""},
    {"a force of 1500 soldiers", "2023-11-07", "", "", "", "", ""},
};

INSTANTIATE_TEST_SUITE_P(Forms, TimeTest, ::testing::ValuesIn(kTimes));

TEST(TimeTest, RangeEndIsUntil) {
  Document doc;
  testing::MakeDocument("from October 1 to November 6", &doc);
  std::vector<TimeMention> found = FindTimeMentions(doc, testing::Whole(doc), std::string("2023-11-07"));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].relation, TimeMention::Relation::kSince);
  EXPECT_EQ(found[0].date.value_or(""), "2023-10-01");
  EXPECT_EQ(found[1].relation, TimeMention::Relation::kUntil);
  EXPECT_EQ(found[1].date.value_or(""), "2023-11-06");
}

TEST(TimeTest, InvalidArticleDateIsNoDate) {
  Document doc;
  testing::MakeDocument("yesterday", &doc);
  for (const char* bad : {"2023-13-01", "07/11/2023", "", "2023-02-29"}) {
    std::vector<TimeMention> found = FindTimeMentions(doc, testing::Whole(doc), std::string(bad));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_FALSE(found[0].date.has_value()) << bad;
  }
}

// Every day of a leap year and its neighbours: relative forms never land after the article.
TEST(TimeTest, NeverAfterArticleOverAYear) {
  Document doc;
  testing::MakeDocument(
      "On Sunday, on December 31, in January, since March 3, yesterday, last week, on the 30th, "
      "earlier this month, February 29, last Saturday.",
      &doc);
  for (int day = 0; day < 400; ++day) {
    date::year_month_day ymd{date::sys_days{date::year{2023} / 1 / 1} + date::days{day}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    std::vector<TimeMention> found = FindTimeMentions(doc, testing::Whole(doc), std::string(buf));
    EXPECT_EQ(found.size(), 10u) << buf;
    for (const TimeMention& t : found) {
      if (t.date) {
        EXPECT_LE(*t.date, std::string(buf)) << testing::Span(doc, t.first_token, t.last_token);
      }
      EXPECT_FALSE(t.future) << buf << " " << testing::Span(doc, t.first_token, t.last_token);
    }
  }
}

}  // namespace
}  // namespace sitrep
