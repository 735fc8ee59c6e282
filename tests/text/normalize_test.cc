// NormalizeText and FoldCase, one row per mapping.
#include <gtest/gtest.h>

#include "sitrep/text.h"

namespace sitrep {
namespace {

struct MapCase {
  const char* input;
  const char* expected;
};

class NormalizeTable : public ::testing::TestWithParam<MapCase> {};
TEST_P(NormalizeTable, Maps) { EXPECT_EQ(NormalizeText(GetParam().input), GetParam().expected) << GetParam().input; }

INSTANTIATE_TEST_SUITE_P(
    Cases, NormalizeTable,
    ::testing::Values(MapCase{"", ""}, MapCase{"plain ASCII, unchanged.", "plain ASCII, unchanged."},
                      MapCase{"Rwanda\xE2\x80\x99s", "Rwanda's"},               // right single quote
                      MapCase{"\xE2\x80\x98quoted\xE2\x80\x99", "'quoted'"},    // left/right single
                      MapCase{"\xE2\x80\x9Cquoted\xE2\x80\x9D", "\"quoted\""},  // left/right double
                      MapCase{"\xE2\x80\x9E" "Zitat\xE2\x80\x9C", "\"Zitat\""},  // low-9 double
                      MapCase{"\xC2\xAB" "cit\xC3\xA9\xC2\xBB", "\"cit\xC3\xA9\""},  // guillemets
                      MapCase{"10\xE2\x80\x93" "15", "10-15"},                  // en dash
                      MapCase{"a\xE2\x80\x94" "b", "a--b"},                     // em dash
                      MapCase{"\xE2\x88\x92" "5", "-5"},                        // minus sign
                      MapCase{"\xE2\x80\x92", "-"},                             // figure dash
                      MapCase{"Nord\xE2\x80\x90Kivu", "Nord-Kivu"},             // U+2010 hyphen
                      MapCase{"Felix\xC2\xA0Tshisekedi", "Felix Tshisekedi"},    // NBSP
                      MapCase{"7\xE2\x80\xAFkm", "7 km"},                       // narrow NBSP
                      MapCase{"wait\xE2\x80\xA6", "wait..."},                   // ellipsis
                      MapCase{"Ke\xCC\x81nya", "K\xC3\xA9nya"},                 // NFC composition
                      MapCase{"K\xC3\xA9nya", "K\xC3\xA9nya"},                  // already NFC
                      MapCase{"\xEF\xBB\xBFGoma", "Goma"},                      // BOM dropped
                      MapCase{"Nord\xC2\xADKivu", "NordKivu"},                  // soft hyphen dropped
                      MapCase{"bad\xFF" "byte", "bad\xEF\xBF\xBD" "byte"}));    // invalid -> U+FFFD

class FoldTable : public ::testing::TestWithParam<MapCase> {};
TEST_P(FoldTable, Folds) { EXPECT_EQ(FoldCase(GetParam().input), GetParam().expected) << GetParam().input; }

INSTANTIATE_TEST_SUITE_P(Cases, FoldTable,
                         ::testing::Values(MapCase{"", ""}, MapCase{"M23 Rebels", "m23 rebels"},
                                           MapCase{"\xC3\x89QUATEUR", "\xC3\xA9quateur"},      // É
                                           MapCase{"STRA\xC3\x9F" "E", "strasse"},            // ß
                                           MapCase{"\xCE\x9A\xCE\x99\xCE\x92\xCE\xA5", "\xCE\xBA\xCE\xB9\xCE\xB2\xCF\x85"},
                                           MapCase{"already lower", "already lower"}));

TEST(Normalize, IsIdempotent) {
  for (const char* s : {"\xE2\x80\x9CRwanda\xE2\x80\x99s\xE2\x80\x9D \xE2\x80\x94 Ke\xCC\x81nya\xC2\xA0" "4\xE2\x80\x93" "5",
                        "plain"}) {
    std::string once = NormalizeText(s);
    EXPECT_EQ(NormalizeText(once), once);
    EXPECT_EQ(FoldCase(FoldCase(once)), FoldCase(once));
  }
}

}  // namespace
}  // namespace sitrep
