// Sentence splitting, one row per convention.
#include <gtest/gtest.h>

#include "sitrep/text.h"
#include "test_util.h"

namespace sitrep {
namespace {

using testing::Sentences;
using Strings = std::vector<std::string>;

struct SentenceCase {
  const char* name;
  const char* input;
  Strings expected;  // the original surface of each sentence
};

class SentenceTable : public ::testing::TestWithParam<SentenceCase> {};

TEST_P(SentenceTable, Surfaces) { EXPECT_EQ(Sentences(GetParam().input), GetParam().expected) << GetParam().input; }

INSTANTIATE_TEST_SUITE_P(
    Cases, SentenceTable,
    ::testing::Values(
        SentenceCase{"Plain", "Rebels took Goma. The army fled! Why? Nobody knows.",
                     {"Rebels took Goma.", "The army fled!", "Why?", "Nobody knows."}},
        SentenceCase{"AbbreviationFinal", "Aid came from the U.S. The army left.",
                     {"Aid came from the U.S.", "The army left."}},
        SentenceCase{"AbbreviationInside", "U.N. experts estimate that around 4,000 Rwandan troops support the M23.",
                     {"U.N. experts estimate that around 4,000 Rwandan troops support the M23."}},
        SentenceCase{"Titles", "Lt. Gen. Smith arrived. Col. Mbuyi left.", {"Lt. Gen. Smith arrived.", "Col. Mbuyi left."}},
        SentenceCase{"TitleBeforeStarterWord", "He met Dr. The Hon. Minister.", {"He met Dr. The Hon. Minister."}},
        SentenceCase{"Initials", "J. Kabila spoke. A. B. Smith replied.", {"J. Kabila spoke.", "A. B. Smith replied."}},
        SentenceCase{"DottedCountry", "Fighting in D.R. Congo resumed.", {"Fighting in D.R. Congo resumed."}},
        SentenceCase{"MonthAbbreviation", "It began on Feb. 4 in Goma. It ended in Feb. The talks failed.",
                     {"It began on Feb. 4 in Goma.", "It ended in Feb.", "The talks failed."}},
        SentenceCase{"EtcFinal", "Guns, mortars, etc. They were seized.", {"Guns, mortars, etc.", "They were seized."}},
        SentenceCase{"QuoteComma", "\"We will fight,\" the statement added.", {"\"We will fight,\" the statement added."}},
        SentenceCase{"QuestionQuoteLowercase", "\"Where are they?\" he asked.", {"\"Where are they?\" he asked."}},
        SentenceCase{"ClosingQuote", "\"We will fight.\" The rebels said so.",
                     {"\"We will fight.\"", "The rebels said so."}},
        SentenceCase{"CurlyClosingQuote", "\xE2\x80\x9CWe will fight.\xE2\x80\x9D The rebels said so.",
                     {"\xE2\x80\x9CWe will fight.\xE2\x80\x9D", "The rebels said so."}},
        SentenceCase{"ClosingBracket", "(They left.) Then fighting resumed.", {"(They left.)", "Then fighting resumed."}},
        SentenceCase{"MissingSpace", "according to the post.Rwanda-backed rebels advanced.",
                     {"according to the post.", "Rwanda-backed rebels advanced."}},
        SentenceCase{"MissingSpaceBeforeQuote", "he said.\"We will win.\"", {"he said.", "\"We will win.\""}},
        SentenceCase{"Newline", "Original Source: www.example.com\nRebels advanced", {"Original Source: www.example.com", "Rebels advanced"}},
        SentenceCase{"NewlineWithoutPeriod", "Goma\nBukavu", {"Goma", "Bukavu"}},
        // Hard-wrapped text: a single line break inside a sentence is not a boundary.
        SentenceCase{"WrapBeforeLowercase", "M23 rebels captured the\ntown on Tuesday. Residents fled.",
                     {"M23 rebels captured the\ntown on Tuesday.", "Residents fled."}},
        SentenceCase{"WrapAfterFunctionWord", "Fighting spread to the town of\nWalikale in North Kivu.",
                     {"Fighting spread to the town of\nWalikale in North Kivu."}},
        SentenceCase{"WrapAfterCommaBeforeNumber", "The army said,\n12 soldiers were killed.",
                     {"The army said,\n12 soldiers were killed."}},
        SentenceCase{"WrapCrlf", "Rebels shelled the\r\nairport.", {"Rebels shelled the\r\nairport."}},
        SentenceCase{"BlankLineIsABreak", "Rebels shelled the\n\nairport.", {"Rebels shelled the", "airport."}},
        SentenceCase{"HeadlineThenDateline", "M23 seizes Walikale\nGOMA, March 20 (Reuters) - Rebels advanced.",
                     {"M23 seizes Walikale", "GOMA, March 20 (Reuters) - Rebels advanced."}},
        SentenceCase{"LineEndingInPeriod", "Rebels advanced.\nthe army fled.", {"Rebels advanced.", "the army fled."}},
        // In text wrapped at a fixed width a line may also end inside a name ("Sylvain\nEkenge").
        SentenceCase{"WrappedTextNamesAcrossLines",
                     "Fighting between the army and M23 rebels resumed near the town of Sake on\n"
                     "Monday, residents said, and army spokesman Lieutenant Colonel Sylvain\n"
                     "Ekenge said the rebels had been pushed back from positions around Sake,\n"
                     "Kimoka and the hills of Masisi. The army said it had repelled them.",
                     {"Fighting between the army and M23 rebels resumed near the town of Sake on\n"
                      "Monday, residents said, and army spokesman Lieutenant Colonel Sylvain\n"
                      "Ekenge said the rebels had been pushed back from positions around Sake,\n"
                      "Kimoka and the hills of Masisi.",
                      "The army said it had repelled them."}},
        // The same break in text with a paragraph per line is taken for a line of its own.
        SentenceCase{"NameAcrossLinesInUnwrappedText", "Army spokesman Sylvain\nEkenge said so.",
                     {"Army spokesman Sylvain", "Ekenge said so."}},
        SentenceCase{"ListOfPlaces", "Affected areas:\nGoma\nSake\nMasisi", {"Affected areas:", "Goma", "Sake", "Masisi"}},
        SentenceCase{"ParagraphAfterAbbreviation", "Aid from the U.N.\n\nU.N. experts met.",
                     {"Aid from the U.N.", "U.N. experts met."}},
        SentenceCase{"UnicodeLineSeparator", "Goma fell\xE2\x80\xA8" "Bukavu next", {"Goma fell", "Bukavu next"}},
        SentenceCase{"LowercaseAfterPeriod", "approx. five hundred fled.", {"approx. five hundred fled."}},
        SentenceCase{"NumberAfterPeriod", "They fled in 2023. 4,000 returned.", {"They fled in 2023.", "4,000 returned."}},
        SentenceCase{"DecimalNotBoundary", "A 7.2 magnitude quake.", {"A 7.2 magnitude quake."}},
        SentenceCase{"Ellipsis", "He waited... then left. Later... The end.", {"He waited... then left.", "Later...", "The end."}},
        SentenceCase{"NoFinalPunctuation", "Rebels advanced", {"Rebels advanced"}},
        SentenceCase{"LeadingAndTrailingSpace", "  Rebels advanced.  ", {"Rebels advanced."}},
        SentenceCase{"QuotedQuestionAttribution", "\"Why?\" Kanyuka asked. Nobody replied.",
                     {"\"Why?\" Kanyuka asked.", "Nobody replied."}},
        SentenceCase{"QuotedExclamationThenSentence", "\"Stop!\" The crowd ran.", {"\"Stop!\"", "The crowd ran."}},
        SentenceCase{"AbbreviationInsideQuotes", "He replied: 'No.' The army fled.", {"He replied: 'No.'", "The army fled."}},
        SentenceCase{"AbbreviationInsideBrackets", "Aid came (via the U.S.) Then it stopped.",
                     {"Aid came (via the U.S.)", "Then it stopped."}},
        SentenceCase{"ListedDottedAbbreviation", "She has a Ph.D. from Kinshasa.", {"She has a Ph.D. from Kinshasa."}},
        SentenceCase{"DomainBeforePeriod", "Read more at reuters.com. The end.", {"Read more at reuters.com.", "The end."}},
        SentenceCase{"QuoteThenParen", "\"It is over.\") Then calm.", {"\"It is over.\")", "Then calm."}}),
    [](const ::testing::TestParamInfo<SentenceCase>& info) { return std::string(info.param.name); });

TEST(Sentences, EmptyInputsHaveNoSentences) {
  for (const char* text : {"", " ", "\n\n\n", "\t \r\n \xC2\xA0 \xE2\x80\x8B"}) {
    Document doc;
    AnalyzeText(text, &doc);
    EXPECT_TRUE(doc.tokens.empty()) << text;
    EXPECT_TRUE(doc.sentences.empty()) << text;
  }
}

TEST(Sentences, TokenRangesTileTheDocument) {
  Document doc;
  AnalyzeText("One. Two!\n\n\"Three?\" he asked. Four", &doc);
  ASSERT_FALSE(doc.sentences.empty());
  EXPECT_EQ(doc.sentences.front().first_token, 0u);
  EXPECT_EQ(doc.sentences.back().last_token, doc.tokens.size());
  for (size_t i = 1; i < doc.sentences.size(); ++i) {
    EXPECT_EQ(doc.sentences[i].first_token, doc.sentences[i - 1].last_token);
  }
  EXPECT_EQ(doc.sentences.size(), 4u);
}

}  // namespace
}  // namespace sitrep
