// The linking rules as data (link_cases.txt) and the rules file's errors.
#include <fstream>

#include <gtest/gtest.h>

#include "core/strings.h"
#include "sitrep/dataset.h"

namespace sitrep {
namespace {

const std::string kSource = SITREP_TEST_SOURCE_DIR;

// "article;TYPE/mode;actor1;actor2;place;country;admin1;admin2;precision;lat;lon;date;date precision"
Mention ParseMention(std::string_view text) {
  std::vector<std::string> f = strings::SplitTrimmed(text, ';');
  f.resize(13);
  Mention m;
  m.event.article_id = f[0];
  m.event.event_id = f[0] + "-" + f[1];
  const size_t slash = f[1].find('/');
  m.event.plover_type = f[1].substr(0, slash);
  m.event.plover_mode = slash == std::string::npos ? "" : f[1].substr(slash + 1);
  m.event.actor1.id = m.event.actor1.name = f[2];
  m.event.actor2.id = m.event.actor2.name = f[3];
  if (!f[4].empty()) {
    Location l;
    l.name = f[4];
    l.geonames_id = static_cast<int64_t>(f[4].size());
    l.country_code = f[5];
    l.admin1 = f[6];
    l.admin2 = f[7];
    l.precision = std::stoi(f[8]);
    l.lat = std::stod(f[9]);
    l.lon = std::stod(f[10]);
    m.event.location = l;
  }
  if (!f[11].empty()) m.event.date = f[11];
  m.event.date_precision = f[12].empty() ? "unknown" : f[12];
  return m;
}

TEST(DatasetRules, LinkCasesAsData) {
  DatasetRules rules;
  ASSERT_TRUE(DatasetRules::Load(kSource + "/data/dataset/rules.txt", &rules).ok());
  std::ifstream in(kSource + "/tests/dataset/link_cases.txt");
  ASSERT_TRUE(in);
  std::string line;
  int cases = 0;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string uncommented = line.substr(0, line.find('#'));
    std::string_view t = strings::Trim(uncommented);
    if (t.empty()) continue;
    std::vector<std::string> parts = strings::SplitTrimmed(t, '|');
    ASSERT_EQ(parts.size(), 3u) << "link_cases.txt:" << number;
    const Mention a = ParseMention(parts[1]), b = ParseMention(parts[2]);
    const bool expected = parts[0] == "link";
    EXPECT_EQ(MayReportOneIncident(a, b, rules), expected) << "link_cases.txt:" << number << ": " << line;
    EXPECT_EQ(MayReportOneIncident(b, a, rules), expected) << "link_cases.txt:" << number << " (swapped)";
    ++cases;
  }
  EXPECT_GE(cases, 10);
}

TEST(DatasetRules, ErrorsNameTheLine) {
  DatasetRules rules;
  Status s = DatasetRules::Parse("modality_order asserted\nwindow day soon\n", "r.txt", &rules);
  EXPECT_NE(s.message().find("r.txt:2: window: 'soon' is not a number of days"), std::string::npos) << s.message();
  s = DatasetRules::Parse("modality_order asserted\nlink everything\n", "r.txt", &rules);
  EXPECT_NE(s.message().find("r.txt:2: link: unknown rule 'link'"), std::string::npos) << s.message();
  s = DatasetRules::Parse("undated maybe\nmodality_order asserted\n", "r.txt", &rules);
  EXPECT_NE(s.message().find("r.txt:1: undated: must be 'link' or 'apart'"), std::string::npos) << s.message();
  s = DatasetRules::Parse("window day 1\n", "r.txt", &rules);
  EXPECT_NE(s.message().find("no modality_order"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace sitrep
