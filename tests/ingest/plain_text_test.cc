#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "sitrep/ingest.h"

namespace sitrep {
namespace {

struct PlainCase {
  const char* name;
  std::string content;
  std::string text;
  std::optional<std::string> date;
  std::string source;
};

TEST(ParsePlainText, HeaderAndFooter) {
  const PlainCase cases[] = {
      {"no header", "The M23 rebels advanced.\n", "The M23 rebels advanced.", std::nullopt, ""},
      {"header on the text line", " date 2023-11-07 The M23 rebels on Monday", "The M23 rebels on Monday",
       "2023-11-07", ""},
      {"header on its own line", "date 2024-02-29\n\nGoma was shelled.", "Goma was shelled.", "2024-02-29", ""},
      {"Date: with colon", "Date: 2023-01-05 Text.", "Text.", "2023-01-05", ""},
      {"invalid date is removed (with a warning)", "date 2023-02-30 Text.", "Text.", std::nullopt, ""},
      {"year 0000 is invalid", "date 0000-01-01 Text.", "Text.", std::nullopt, ""},
      {"a word after date is text", "Date night in Goma.", "Date night in Goma.", std::nullopt, ""},
      {"'dated' is not a header", "dated 2023-01-05 Text.", "dated 2023-01-05 Text.", std::nullopt, ""},
      {"footer", "Walikale fell.\nOriginal Source: www.mymotherlode.com", "Walikale fell.", std::nullopt,
       "www.mymotherlode.com"},
      {"footer with trailing blank lines", "Walikale fell.\n\nOriginal Source: example.org \n\n", "Walikale fell.",
       std::nullopt, "example.org"},
      {"footer mid-text is text", "Original Source: a.org\nMore text.", "Original Source: a.org\nMore text.",
       std::nullopt, ""},
      {"header and footer", "date 2025-03-19 Text.\nOriginal Source: b.com", "Text.", "2025-03-19", "b.com"},
      {"byte order mark", "\xEF\xBB\xBF" "date 2025-03-19 Text.", "Text.", "2025-03-19", ""},
      {"header only", "date 2025-03-19", "", "2025-03-19", ""},
  };
  for (const PlainCase& c : cases) {
    SCOPED_TRACE(c.name);
    Article a;
    ParsePlainText(c.content, &a);
    EXPECT_EQ(a.text, c.text);
    EXPECT_EQ(a.date, c.date);
    EXPECT_EQ(a.source, c.source);
  }
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ParsePlainText, SharedSamples) {
  std::string dir = SITREP_TEST_SHARED_DIR "/samples/";
  std::string s0 = Slurp(dir + "000_faa27aeaf128c5a5.txt"), s1 = Slurp(dir + "001_560bd95e9cff5d9e.txt");
  if (s0.empty() || s1.empty()) GTEST_SKIP() << "shared samples not found in " << dir;
  Article a0, a1;
  ParsePlainText(s0, &a0);
  ParsePlainText(s1, &a1);
  EXPECT_EQ(a0.date, "2023-11-07");
  EXPECT_EQ(a0.text.rfind("The M23 rebels on Monday, November 6", 0), 0u) << a0.text.substr(0, 60);
  EXPECT_EQ(a0.source, "");
  EXPECT_EQ(a1.source, "www.mymotherlode.com");
  EXPECT_FALSE(a1.date.has_value());
  EXPECT_EQ(a1.text.find("Original Source"), std::string::npos);
  EXPECT_EQ(a1.text.back(), '.');  // ends with the last sentence, not the footer
}

}  // namespace
}  // namespace sitrep
