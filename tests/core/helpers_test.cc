// The internal helpers of src/core: strings, hashing, calendar, folding.
#include <gtest/gtest.h>

#include "core/calendar.h"
#include "core/fold.h"
#include "core/hash.h"
#include "core/strings.h"

namespace sitrep {
namespace {

using Views = std::vector<std::string_view>;
using Strings = std::vector<std::string>;

TEST(Strings, TrimAndSplit) {
  EXPECT_EQ(strings::Trim(" \t a b \r\n"), "a b");
  EXPECT_EQ(strings::Trim(" \v\f "), "");
  EXPECT_EQ(strings::TrimRight(" a "), " a");
  EXPECT_EQ(strings::Split("a,,b", ','), (Views{"a", "", "b"}));
  EXPECT_EQ(strings::Split("", ','), (Views{""}));
  EXPECT_EQ(strings::Split("a,", ','), (Views{"a", ""}));
  EXPECT_EQ(strings::SplitTrimmed(" a | b |", '|'), (Strings{"a", "b", ""}));
  EXPECT_EQ(strings::SplitTrimmed("", '|'), Strings{});
  EXPECT_EQ(strings::SplitList("a; b ;; c ;", ';'), (Strings{"a", "b", "c"}));
  EXPECT_EQ(strings::SplitList("  ", ';'), Strings{});
  EXPECT_EQ(strings::AsciiLower("ÉtAt"), "État");
  EXPECT_EQ(strings::AsciiUpper("nov"), "NOV");
  EXPECT_TRUE(strings::IsAscii("Goma"));
  EXPECT_FALSE(strings::IsAscii("Équateur"));
}

TEST(Strings, EscapeControl) {
  EXPECT_EQ(strings::EscapeControl("plain/path name.txt"), "plain/path name.txt");
  EXPECT_EQ(strings::EscapeControl("a\nb\rc\td\x1B[2Je\x7F\x01"), "a\\nb\\rc\\td\\x1B[2Je\\x7F\\x01");
  EXPECT_EQ(strings::EscapeControl("G\xC3\xB6ma"), "G\xC3\xB6ma");  // UTF-8 kept
}

TEST(Hash, Fnv1aReferenceValues) {
  // The published FNV-1a test vectors.
  EXPECT_EQ(hash::Fnv1a(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(hash::Fnv1a("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(hash::Fnv1a("foobar"), 0x85944171f73967e8ULL);
  EXPECT_EQ(hash::Fnv1a32("a"), 0xe40c292cu);
  EXPECT_EQ(hash::Fnv1a("bar", hash::Fnv1a("foo")), hash::Fnv1a("foobar"));
  EXPECT_EQ(hash::Hex16(0xab), "00000000000000ab");
}

TEST(Calendar, Arithmetic) {
  EXPECT_TRUE(calendar::IsLeapYear(2024));
  EXPECT_TRUE(calendar::IsLeapYear(2000));
  EXPECT_FALSE(calendar::IsLeapYear(1900));
  EXPECT_EQ(calendar::DaysInMonth(2024, 2), 29);
  EXPECT_EQ(calendar::DaysInMonth(2023, 2), 28);
  EXPECT_EQ(calendar::DaysInMonth(2023, 13), 0);
  EXPECT_TRUE(calendar::IsValidDate(2024, 2, 29));
  EXPECT_FALSE(calendar::IsValidDate(2023, 2, 29));
  EXPECT_FALSE(calendar::IsValidDate(2023, 1, 257));  // would wrap in date::day's byte
  EXPECT_FALSE(calendar::IsValidDate(2023, 0, 1));
  EXPECT_EQ(calendar::DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(calendar::DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(calendar::DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(calendar::FormatIso(2023, 11, 6), "2023-11-06");
}

TEST(Calendar, MonthNames) {
  EXPECT_EQ(calendar::MonthOfWord("november"), 11);
  EXPECT_EQ(calendar::MonthOfWord("sept."), 9);
  EXPECT_EQ(calendar::MonthOfWord("mar"), 0);  // a common word, not a month here
  EXPECT_EQ(calendar::MonthOfWord("November"), 0);  // lower-cased input only
  EXPECT_EQ(calendar::MonthWords().size(), 33u);
  EXPECT_EQ(calendar::MonthOfName("NOV"), 11);
  EXPECT_EQ(calendar::MonthOfName("Sept"), 9);
  EXPECT_EQ(calendar::MonthOfName("March"), 3);
  EXPECT_EQ(calendar::MonthOfName("Ma"), 0);
  EXPECT_EQ(calendar::MonthOfName("Marc"), 3);
}

TEST(Fold, CaseAndAccents) {
  EXPECT_EQ(fold::FoldCase("Équateur"), "équateur");
  EXPECT_EQ(fold::FoldCase("GOMA"), "goma");
  EXPECT_EQ(fold::FoldAccents("Équateur"), "equateur");
  EXPECT_EQ(fold::FoldAccents("Erdoğan"), "erdogan");
  EXPECT_EQ(fold::FoldAccents("Şahin Ağaoğlu"), "sahin agaoglu");
  // Decomposed input ("e" + U+0301) folds as the composed one.
  EXPECT_EQ(fold::FoldAccents("Fe\xCC\x81lix"), "felix");
  EXPECT_EQ(fold::FoldCase("Fe\xCC\x81lix"), "f\xC3\xA9lix");
  // Invalid UTF-8: ASCII lowered, other bytes kept.
  EXPECT_EQ(fold::FoldCase("AB\xFF"), "ab\xFF");
}

}  // namespace
}  // namespace sitrep
