#include <gtest/gtest.h>

#include "sitrep/ingest.h"

namespace sitrep {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

struct RepairCase {
  const char* name;
  std::string input;
  std::string expected;
  int64_t bad_sequences;
  int64_t first_bad;
};

TEST(RepairUtf8, ReplacesEachMaximalInvalidSubsequence) {
  const RepairCase cases[] = {
      {"ascii", "Goma", "Goma", 0, -1},
      {"valid multibyte", "Kinshasa \xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80", "Kinshasa \xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80", 0, -1},
      {"lone continuation", "a\x80z", "a" + kFffd + "z", 1, 1},
      {"two lone continuations", "\x80\xBF", kFffd + kFffd, 2, 0},
      {"invalid lead byte", "x\xFFy", "x" + kFffd + "y", 1, 1},
      {"C0 overlong lead", "\xC0\xAF", kFffd + kFffd, 2, 0},
      {"truncated 3-byte at end", "ab\xE2\x80", "ab" + kFffd, 1, 2},
      {"truncated 3-byte before ascii", "\xE2\x80z", kFffd + "z", 1, 0},
      {"E0 overlong", "\xE0\x80\x80", kFffd + kFffd + kFffd, 3, 0},
      {"surrogate", "\xED\xA0\x80", kFffd + kFffd + kFffd, 3, 0},
      {"above U+10FFFF", "\xF4\x90\x80\x80", kFffd + kFffd + kFffd + kFffd, 4, 0},
      {"truncated 4-byte", "\xF0\x9F\x98!", kFffd + "!", 1, 0},
      {"latin-1 text", "caf\xE9 cr\xE8me", "caf" + kFffd + " cr" + kFffd + "me", 2, 3},
  };
  for (const RepairCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::string s = c.input;
    Utf8Repair r = RepairUtf8(&s);
    EXPECT_EQ(s, c.expected);
    EXPECT_EQ(r.bad_sequences, c.bad_sequences);
    EXPECT_EQ(r.first_bad, c.first_bad);
    // Repaired output is valid: a second pass changes nothing.
    std::string again = s;
    EXPECT_EQ(RepairUtf8(&again).bad_sequences, 0);
    EXPECT_EQ(again, s);
  }
}

TEST(LooksBinary, NulOrManyControlCharacters) {
  const struct {
    std::string bytes;
    bool binary;
  } cases[] = {
      {"plain text\nwith lines\r\n\tand tabs\f", false},
      {"", false},
      {std::string("PNG\0data", 8), true},
      {"\x01\x02\x03\x04 some text", true},     // 4 of 14 bytes are controls
      {"one \x1b escape in a longer line of text", false},
      {"\xEF\xBF\xBD\xEF\xBF\xBD", false},      // high bytes are not control characters
  };
  for (const auto& c : cases) EXPECT_EQ(LooksBinary(c.bytes), c.binary) << c.bytes;
}

}  // namespace
}  // namespace sitrep
