// Properties that must hold for any input: offsets round-trip, tokens are ordered and
// never empty, sentences tile the tokens, and odd input never crashes.
#include <cstdint>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "sitrep/text.h"
#include "test_util.h"
#include "../shared_data.h"

namespace sitrep {
namespace {

// Checks every invariant of `doc` over `text`; returns the number of violations.
void ExpectInvariants(std::string_view text, const Document& doc, const std::string& label) {
  uint32_t prev_end = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    ASSERT_LT(t.begin, t.end) << label << " token " << i;
    ASSERT_LE(t.end, text.size()) << label << " token " << i;
    ASSERT_LE(prev_end, t.begin) << label << " token " << i;
    // The norm is exactly the normalised surface (clitic and number splits cut at character
    // boundaries), so a dictionary normalised with NormalizeText matches it.
    std::string_view surface = text.substr(t.begin, t.end - t.begin);
    EXPECT_EQ(t.norm, NormalizeText(surface)) << label << " token " << i;
    EXPECT_EQ(t.lower, FoldCase(t.norm)) << label << " token " << i;
    EXPECT_FALSE(t.norm.empty() && t.kind != TokenKind::kWord) << label << " token " << i;
    prev_end = t.end;
  }
  uint32_t next_token = 0;
  for (const Sentence& s : doc.sentences) {
    ASSERT_EQ(s.first_token, next_token) << label;
    ASSERT_LT(s.first_token, s.last_token) << label;  // no empty sentences
    ASSERT_LE(s.last_token, doc.tokens.size()) << label;
    EXPECT_EQ(s.begin, doc.tokens[s.first_token].begin) << label;
    EXPECT_EQ(s.end, doc.tokens[s.last_token - 1].end) << label;
    next_token = s.last_token;
  }
  EXPECT_EQ(next_token, doc.tokens.size()) << label;
}

TEST(Invariants, Samples) {
  SITREP_SKIP_WITHOUT_SHARED("samples/000_faa27aeaf128c5a5.txt");
  SITREP_SKIP_WITHOUT_SHARED("samples/001_560bd95e9cff5d9e.txt");
  for (const std::string& text : testing::SampleTexts()) {
    ASSERT_GT(text.size(), 1000u) << "sample missing under " << SITREP_TEST_SHARED_DIR;
    Document doc;
    AnalyzeText(text, &doc);
    ExpectInvariants(text, doc, text.substr(0, 40));
  }
}

struct OddCase {
  const char* name;
  std::string text;
};

class OddInputs : public ::testing::TestWithParam<OddCase> {};

TEST_P(OddInputs, NeverCrash) {
  Document doc;
  AnalyzeText(GetParam().text, &doc);
  ExpectInvariants(GetParam().text, doc, GetParam().name);
  EXPECT_EQ(doc.text.data(), GetParam().text.data());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, OddInputs,
    ::testing::Values(OddCase{"Empty", ""}, OddCase{"Whitespace", " \t\r\n\v\f \xC2\xA0\xE2\x80\x89"},
                      OddCase{"ControlChars", std::string("a\x01" "b\x00" "c\x1B[0m\x7F" "d", 12)},
                      OddCase{"InvalidUtf8", "Goma\xFF\xFE caf\xC3 \xE2\x82 \xF0\x9F\x98 end."},
                      OddCase{"Surrogates", "x\xED\xA0\x80y"},  // CESU surrogate: invalid in UTF-8
                      OddCase{"LoneMarks", "\xCC\x81\xCC\x81 a\xCC\x81\xCC\x82"},
                      OddCase{"OnlyPunct", ".....!!!???\"\"''))(("},
                      OddCase{"LongWord", std::string(1 << 20, 'a')},
                      OddCase{"LongNumber", std::string(100000, '9') + ",000.5"},
                      OddCase{"LongDots", std::string(100000, '.')},
                      OddCase{"LongInitials", [] {
                                std::string s;
                                for (int i = 0; i < 20000; ++i) s += "A.";
                                return s;
                              }()},
                      OddCase{"ManyApostrophes", "a'b'c'd's n't 'n't' ' '' s'"},
                      OddCase{"TrailingConnectors", "Goma- 4, 5. U.S Mr"},
                      OddCase{"EmojiSequence", "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xF0\x9F\x8F\xBD!"}),
    [](const ::testing::TestParamInfo<OddCase>& info) { return std::string(info.param.name); });

TEST(Invariants, LongWordIsOneToken) {
  std::string text(1 << 20, 'x');
  Document doc;
  AnalyzeText(text, &doc);
  ASSERT_EQ(doc.tokens.size(), 1u);
  EXPECT_EQ(doc.tokens[0].end, text.size());
  EXPECT_EQ(doc.sentences.size(), 1u);
}

// Deterministic random byte strings biased towards the characters the tokenizer treats
// specially; a cheap fuzz that runs in CI.
TEST(Invariants, RandomInputs) {
  static const char* kPieces[] = {"a", "Z", "7", ".", ",", "'", "\"", "-", " ", "\n", "U.S.", "Mr.", "n't", "'s",
                                  "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x94", "\xC2\xA0", "\xCC\x81", "\xFF",
                                  "\xE2\x80", "?", "!", ")", "%", "$", "@", "/", ":", "\xC2\xAD", "\xF0\x9F\x98\x80",
                                  "https://", "\xE2\x80\xA8", "\t", "\x01"};
  std::mt19937 rng(12345);
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> len(0, 60);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string text;
    for (int k = len(rng); k > 0; --k) text += kPieces[pick(rng)];
    Document doc;
    AnalyzeText(text, &doc);
    ExpectInvariants(text, doc, "random #" + std::to_string(iter));
    if (::testing::Test::HasFailure()) break;
  }
}

TEST(Invariants, DocumentIsClearedOnReuse) {
  Document doc;
  AnalyzeText("One. Two.", &doc);
  AnalyzeText("Three", &doc);
  EXPECT_EQ(doc.tokens.size(), 1u);
  EXPECT_EQ(doc.sentences.size(), 1u);
}

}  // namespace
}  // namespace sitrep
