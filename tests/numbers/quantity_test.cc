// ParseQuantityAt: every qualifier and number form, table-driven.
#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <string>

#include "sitrep/numbers.h"
#include "test_document.h"

namespace sitrep {
namespace {

constexpr int64_t kUnset = -1;

struct QuantityCase {
  const char* text;      // the quantity starts at the first token
  const char* span;      // expected text of the quantity, "" when none is expected
  int64_t low, best, high;
};

std::string Show(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "unset"; }
std::string Show(int64_t v) { return v == kUnset ? "unset" : std::to_string(v); }

class QuantityTest : public ::testing::TestWithParam<QuantityCase> {};

TEST_P(QuantityTest, Parses) {
  const QuantityCase& c = GetParam();
  Document doc;
  testing::MakeDocument(c.text, &doc);
  std::optional<Quantity> q = ParseQuantityAt(doc, 0, static_cast<uint32_t>(doc.tokens.size()));
  if (std::string(c.span).empty()) {
    if (q) ADD_FAILURE() << c.text << " -> " << testing::Span(doc, q->first_token, q->last_token);
    return;
  }
  ASSERT_TRUE(q.has_value()) << c.text;
  EXPECT_EQ(testing::Span(doc, q->first_token, q->last_token), c.span) << c.text;
  EXPECT_EQ(Show(q->estimate.low), Show(c.low)) << c.text << " (low)";
  EXPECT_EQ(Show(q->estimate.best), Show(c.best)) << c.text << " (best)";
  EXPECT_EQ(Show(q->estimate.high), Show(c.high)) << c.text << " (high)";
}

const QuantityCase kQuantities[] = {
    // bare figures: all three equal
    {"20 people", "20", 20, 20, 20},
    {"4,000 troops", "4,000", 4000, 4000, 4000},
    {"1,250,000 displaced", "1,250,000", 1250000, 1250000, 1250000},
    {"two soldiers", "two", 2, 2, 2},
    {"twenty-five civilians", "twenty-five", 25, 25, 25},
    {"twenty five civilians", "twenty five", 25, 25, 25},
    {"one hundred and fifty people", "one hundred and fifty", 150, 150, 150},
    {"three hundred thousand refugees", "three hundred thousand", 300000, 300000, 300000},
    {"7 million displaced", "7 million", 7000000, 7000000, 7000000},
    {"7.2 million people", "7.2 million", 7200000, 7200000, 7200000},
    {"a dozen villagers", "a dozen", 12, 12, 12},
    {"two dozen villagers", "two dozen", 24, 24, 24},
    {"a hundred people", "a hundred", 100, 100, 100},
    {"half a million people", "half a million", 500000, 500000, 500000},
    {"one and a half million people", "one and a half million", 1500000, 1500000, 1500000},
    // vague plurals: a floor (documented), no high
    {"dozens of people", "dozens of", 24, 24, kUnset},
    {"scores of people", "scores of", 40, 40, kUnset},
    {"hundreds of civilians", "hundreds of", 200, 200, kUnset},
    {"thousands of people", "thousands of", 2000, 2000, kUnset},
    {"tens of thousands of people", "tens of thousands of", 20000, 20000, kUnset},
    {"hundreds of thousands of people", "hundreds of thousands of", 200000, 200000, kUnset},
    {"millions of people", "millions of", 2000000, 2000000, kUnset},
    {"several people", "several", 3, 3, kUnset},
    {"several hundred people", "several hundred", 300, 300, kUnset},
    {"a few hundred people", "a few hundred", 200, 200, kUnset},
    // lower bounds
    {"at least 20 people", "at least 20", 20, 20, kUnset},
    {"no fewer than 20 people", "no fewer than 20", 20, 20, kUnset},
    {"more than 7 million people", "more than 7 million", 7000000, 7000000, kUnset},
    {"over 7 million displaced", "over 7 million", 7000000, 7000000, kUnset},
    {"upwards of 300 fighters", "upwards of 300", 300, 300, kUnset},
    {"more than a dozen villagers", "more than a dozen", 12, 12, kUnset},
    {"20 or more people", "20 or more", 20, 20, kUnset},
    {"20 plus people", "20 plus", 20, 20, kUnset},
    // central estimates
    {"50 or so people", "50 or so", kUnset, 50, kUnset},
    {"around 4,000 troops", "around 4,000", kUnset, 4000, kUnset},
    {"about 50 people", "about 50", kUnset, 50, kUnset},
    {"some 300 fighters", "some 300", kUnset, 300, kUnset},
    {"approximately 100 armed groups", "approximately 100", kUnset, 100, kUnset},
    {"an estimated 5,000 people", "an estimated 5,000", kUnset, 5000, kUnset},
    {"roughly two thousand people", "roughly two thousand", kUnset, 2000, kUnset},
    {"a couple of people", "a couple of", 2, 2, kUnset},
    // upper bounds
    {"under 10 people", "under 10", kUnset, kUnset, 10},
    {"just under 10 people", "just under 10", kUnset, 10, 10},
    {"nearly half a million people", "nearly half a million", kUnset, 500000, 500000},
    {"almost 100 people", "almost 100", kUnset, 100, 100},
    {"up to 50 people", "up to 50", kUnset, kUnset, 50},
    {"as many as 50 people", "as many as 50", kUnset, kUnset, 50},
    {"fewer than 10 people", "fewer than 10", kUnset, kUnset, 10},
    // ranges: best is the midpoint, rounded down
    {"between 10 and 15 people", "between 10 and 15", 10, 12, 15},
    {"10 to 15 people", "10 to 15", 10, 12, 15},
    {"10-15 people", "10-15", 10, 12, 15},
    {"two or three soldiers", "two or three", 2, 2, 3},
    {"two to three thousand people", "two to three thousand", 2000, 2500, 3000},
    // not counts
    {"20th Summit", "", 0, 0, 0},
    {"2023-11-06 was a Monday", "", 0, 0, 0},
    {"10:30 in the morning", "", 0, 0, 0},
    {"20 % of the population", "", 0, 0, 0},
    {"20 percent of the population", "", 0, 0, 0},
    {"20 per cent of the population", "", 0, 0, 0},
    {"20 million dollars", "", 0, 0, 0},
    {"500 Congolese francs", "", 0, 0, 0},
    {"20 US dollars", "", 0, 0, 0},
    {"500 Congolese soldiers", "500", 500, 500, 500},
    {"500 francs", "", 0, 0, 0},
    {"7.2 on the scale", "", 0, 0, 0},
    {"some people", "", 0, 0, 0},
    {"over the weekend", "", 0, 0, 0},
    {"between the two sides", "", 0, 0, 0},
    {"first soldiers", "", 0, 0, 0},
};

INSTANTIATE_TEST_SUITE_P(Forms, QuantityTest, ::testing::ValuesIn(kQuantities));

TEST(QuantityTest, MoneyAfterSymbol) {
  Document doc;
  testing::MakeDocument("It cost $ 20 million .", &doc);
  for (uint32_t i = 0; i < doc.tokens.size(); ++i)
    if (doc.tokens[i].lower == "20") {
      EXPECT_FALSE(ParseQuantityAt(doc, i, static_cast<uint32_t>(doc.tokens.size())));
    }
}

// Found by fuzz/pipeline.cc (issue #14): two absurd digit strings in a range overflowed the
// midpoint (signed overflow: undefined behaviour, an abort under UBSan).
TEST(QuantityTest, HugeRangeDoesNotOverflow) {
  const int64_t kMax = std::numeric_limits<int64_t>::max();
  for (const char* text : {"10000000000000000000-20000000000000000000 people",
                           "between 10000000000000000000 and 20000000000000000000 people"}) {
    SCOPED_TRACE(text);
    Document doc;
    testing::MakeDocument(text, &doc);
    std::optional<Quantity> q = ParseQuantityAt(doc, 0, static_cast<uint32_t>(doc.tokens.size()));
    ASSERT_TRUE(q);
    EXPECT_EQ(q->estimate.best, kMax);
  }
}

TEST(QuantityTest, RespectsEnd) {
  Document doc;
  testing::MakeDocument("between 10 and 15 people", &doc);
  // The range's second number lies outside [0, 3): no range, and "between" alone is nothing.
  EXPECT_FALSE(ParseQuantityAt(doc, 0, 3).has_value());
  std::optional<Quantity> q = ParseQuantityAt(doc, 1, 3);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->last_token, 2u);
  EXPECT_FALSE(ParseQuantityAt(doc, 5, 3).has_value());
}

TEST(CardinalTokenTest, Values) {
  struct Case {
    const char* word;
    int64_t value;
  } cases[] = {{"two", 2}, {"twenty-one", 21}, {"12", 12}, {"4,000", 4000}, {"a", 1}, {"dozen", 12},
               {"7.5", kUnset}, {"20th", kUnset}, {"soldiers", kUnset}, {"", kUnset}};
  for (const Case& c : cases) EXPECT_EQ(Show(ParseCardinalToken(c.word)), Show(c.value)) << c.word;
}

}  // namespace
}  // namespace sitrep
