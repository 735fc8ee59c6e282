// Tokenisation conventions (PTB / UD English EWT), one row per case.
#include <gtest/gtest.h>

#include "sitrep/text.h"
#include "test_util.h"

namespace sitrep {
namespace {

using testing::Tokens;

struct TokenCase {
  const char* input;
  const char* expected;  // norms joined by " | "
};

class TokenTable : public ::testing::TestWithParam<TokenCase> {};

TEST_P(TokenTable, Norms) { EXPECT_EQ(Tokens(GetParam().input), GetParam().expected) << GetParam().input; }

INSTANTIATE_TEST_SUITE_P(
    Punctuation, TokenTable,
    ::testing::Values(TokenCase{"Goma, Bukavu; Uvira: (Sake)!", "Goma | , | Bukavu | ; | Uvira | : | ( | Sake | ) | !"},
                      TokenCase{"\"We will fight,\" he said.", "\" | We | will | fight | , | \" | he | said | ."},
                      TokenCase{"Really?! Yes...", "Really | ?! | Yes | ..."},
                      TokenCase{"wait\xE2\x80\xA6 then", "wait | ... | then"},
                      TokenCase{"a -- b", "a | -- | b"},
                      TokenCase{"[1]", "[ | 1 | ]"},
                      TokenCase{"**** ==== >> $$$", "**** | ==== | >> | $$$"}));

INSTANTIATE_TEST_SUITE_P(
    Clitics, TokenTable,
    ::testing::Values(TokenCase{"Rwanda's army", "Rwanda | 's | army"},
                      TokenCase{"Rwanda\xE2\x80\x99s army", "Rwanda | 's | army"},
                      TokenCase{"the rebels' advance", "the | rebels | ' | advance"},
                      TokenCase{"the rebels\xE2\x80\x99 advance", "the | rebels | ' | advance"},
                      TokenCase{"They don't know", "They | do | n't | know"},
                      TokenCase{"It can't, won't", "It | ca | n't | , | wo | n't"},
                      TokenCase{"isn\xE2\x80\x99t", "is | n't"},
                      TokenCase{"we're, they've, I'll, he'd, I'm", "we | 're | , | they | 've | , | I | 'll | , | he | 'd | , | I | 'm"},
                      TokenCase{"C\xC3\xB4te d'Ivoire", "C\xC3\xB4te | d'Ivoire"},
                      TokenCase{"O'Brien's", "O'Brien | 's"},
                      TokenCase{"RWANDA'S", "RWANDA | 'S"},
                      TokenCase{"We cannot, Cannot", "We | can | not | , | Can | not"},
                      TokenCase{"gonna wanna gotta", "gon | na | wan | na | got | ta"}));

INSTANTIATE_TEST_SUITE_P(
    Numbers, TokenTable,
    ::testing::Values(TokenCase{"4,000 troops", "4,000 | troops"},
                      TokenCase{"7.2 magnitude", "7.2 | magnitude"},
                      TokenCase{"1,200,000 people", "1,200,000 | people"},
                      TokenCase{"the 20th Summit", "the | 20th | Summit"},
                      TokenCase{"on 2023-11-06.", "on | 2023-11-06 | ."},
                      TokenCase{"10-15 killed", "10-15 | killed"},
                      TokenCase{"10\xE2\x80\x93" "15 killed", "10-15 | killed"},  // en dash range
                      TokenCase{"$5 and 50%", "$ | 5 | and | 50 | %"},
                      TokenCase{"at 10:30 on 06/11/2023", "at | 10:30 | on | 06/11/2023"},
                      TokenCase{"In 2023, 4 died", "In | 2023 | , | 4 | died"},
                      TokenCase{"1,20 and 1,2345", "1 | , | 20 | and | 1 | , | 2345"},
                      TokenCase{"5km away", "5 | km | away"},
                      TokenCase{"the 1990s", "the | 1990s"},
                      TokenCase{"a 30-year-old man", "a | 30-year-old | man"},
                      TokenCase{"M23 and F-16", "M23 | and | F-16"}));

INSTANTIATE_TEST_SUITE_P(
    Abbreviations, TokenTable,
    ::testing::Values(TokenCase{"U.N. experts", "U.N. | experts"},
                      TokenCase{"the U.S. envoy", "the | U.S. | envoy"},
                      TokenCase{"Lt. Gen. Smith", "Lt. | Gen. | Smith"},
                      TokenCase{"Col. Mbuyi and Dr. Mukwege", "Col. | Mbuyi | and | Dr. | Mukwege"},
                      TokenCase{"on Feb. 4", "on | Feb. | 4"},
                      TokenCase{"Mr. Kagame", "Mr. | Kagame"},
                      TokenCase{"D.R. Congo", "D.R. | Congo"},
                      TokenCase{"St. Mary", "St. | Mary"},
                      TokenCase{"No. 5 Inc. etc. vs. them", "No. | 5 | Inc. | etc. | vs. | them"},
                      TokenCase{"J. Kabila", "J. | Kabila"},
                      TokenCase{"e.g. Goma", "e.g. | Goma"},
                      TokenCase{"at 5 p.m. today", "at | 5 | p.m. | today"},
                      TokenCase{"U.S.-backed forces", "U.S.-backed | forces"},
                      TokenCase{"Mr.Kagame", "Mr. | Kagame"},
                      TokenCase{"a Ph.D. from", "a | Ph.D. | from"},
                      TokenCase{"the post.Rwanda-backed", "the | post | . | Rwanda-backed"},
                      TokenCase{"the army.", "the | army | ."},
                      TokenCase{"a plan a.", "a | plan | a | ."},
                      TokenCase{"etc...", "etc | ..."}));

INSTANTIATE_TEST_SUITE_P(
    Hyphens, TokenTable,
    ::testing::Values(TokenCase{"Mai-Mai fighters", "Mai-Mai | fighters"},
                      TokenCase{"Rwanda-backed M23", "Rwanda-backed | M23"},
                      TokenCase{"Nord-Kivu", "Nord-Kivu"},
                      TokenCase{"de-escalation", "de-escalation"},
                      TokenCase{"Red-Tabara", "Red-Tabara"},
                      TokenCase{"Nord\xE2\x80\x91Kivu", "Nord-Kivu"},  // non-breaking hyphen
                      TokenCase{"pro- and anti-", "pro | - | and | anti | -"},
                      TokenCase{"Goma\xE2\x80\x94the city", "Goma | -- | the | city"},
                      TokenCase{"Goma \xE2\x80\x93 Bukavu", "Goma | - | Bukavu"},
                      TokenCase{"Nord\xC2\xADKivu", "NordKivu"}));  // soft hyphen is invisible

INSTANTIATE_TEST_SUITE_P(
    UnicodeAndSpaces, TokenTable,
    ::testing::Values(TokenCase{"\xE2\x80\x9CWe\xE2\x80\x9D said", "\" | We | \" | said"},
                      TokenCase{"Felix\xC2\xA0Tshisekedi", "Felix | Tshisekedi"},      // NBSP
                      TokenCase{"7\xE2\x80\x89km", "7 | km"},                          // thin space
                      TokenCase{"Ke\xCC\x81nya", "K\xC3\xA9nya"},                      // NFD -> NFC
                      TokenCase{"Gbadolite\xE2\x80\x8B" "Zongo", "Gbadolite | Zongo"},  // ZWSP
                      TokenCase{"\xC2\xAB Non \xC2\xBB", "\" | Non | \""},
                      TokenCase{"peace \xF0\x9F\x95\x8A\xEF\xB8\x8F now", "peace | \xF0\x9F\x95\x8A\xEF\xB8\x8F | now"},
                      TokenCase{"\xD8\xA7\xD9\x84\xD9\x83\xD9\x88\xD9\x86\xD8\xBA\xD9\x88", "\xD8\xA7\xD9\x84\xD9\x83\xD9\x88\xD9\x86\xD8\xBA\xD9\x88"},
                      TokenCase{"see https://example.org/a?b=1.", "see | https://example.org/a?b=1 | ."},
                      TokenCase{"at reuters.com.", "at | reuters.com | ."},
                      TokenCase{"see report.pdf.", "see | report.pdf | ."},
                      TokenCase{"monusco.unmissions.org/en", "monusco.unmissions.org | / | en"},
                      TokenCase{"the post.rwanda", "the | post | . | rwanda"},
                      TokenCase{"mail info@monusco.org now", "mail | info@monusco.org | now"}));

struct KindCase {
  const char* input;
  TokenKind kind;
};

class KindTable : public ::testing::TestWithParam<KindCase> {};

TEST_P(KindTable, SingleTokenKind) {
  Document doc;
  AnalyzeText(GetParam().input, &doc);
  ASSERT_EQ(doc.tokens.size(), 1u) << GetParam().input;
  EXPECT_EQ(doc.tokens[0].kind, GetParam().kind) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(Kinds, KindTable,
                         ::testing::Values(KindCase{"Goma", TokenKind::kWord}, KindCase{"U.N.", TokenKind::kWord},
                                           KindCase{"M23", TokenKind::kWord}, KindCase{"Mai-Mai", TokenKind::kWord},
                                           KindCase{"4,000", TokenKind::kNumber}, KindCase{"7.2", TokenKind::kNumber},
                                           KindCase{"2023-11-06", TokenKind::kNumber},
                                           KindCase{"20th", TokenKind::kNumber}, KindCase{".", TokenKind::kPunct},
                                           KindCase{"\xE2\x80\x9C", TokenKind::kPunct},
                                           KindCase{"\xE2\x80\x94", TokenKind::kPunct}, KindCase{"%", TokenKind::kSymbol},
                                           KindCase{"$", TokenKind::kSymbol},
                                           KindCase{"\xE2\x82\xAC", TokenKind::kSymbol}));  // euro sign

TEST(Tokenizer, LowerIsCaseFoldedNorm) {
  Document doc;
  AnalyzeText("KINSHASA \xC3\x89quateur Stra\xC3\x9F" "e", &doc);
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.tokens[0].lower, "kinshasa");
  EXPECT_EQ(doc.tokens[1].lower, "\xC3\xA9quateur");
  EXPECT_EQ(doc.tokens[2].lower, "strasse");  // full case folding
}

TEST(Tokenizer, SpaceBefore) {
  Document doc;
  AnalyzeText("Rwanda's  \"army\".", &doc);
  std::vector<bool> spaces;
  for (const Token& t : doc.tokens) spaces.push_back(t.space_before);
  // Rwanda 's " army " .
  EXPECT_EQ(spaces, (std::vector<bool>{false, false, true, false, false, false}));
}

TEST(Tokenizer, OffsetsPointIntoOriginal) {
  const std::string text = "\xE2\x80\x9CRwanda\xE2\x80\x99s\xE2\x80\x9D  4,000\xC2\xA0troops.";
  Document doc;
  AnalyzeText(text, &doc);
  std::vector<std::string> surfaces;
  for (const Token& t : doc.tokens) surfaces.emplace_back(Surface(doc, t));
  EXPECT_EQ(surfaces, (std::vector<std::string>{"\xE2\x80\x9C", "Rwanda", "\xE2\x80\x99s", "\xE2\x80\x9D", "4,000",
                                                "troops", "."}));
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(Surface(doc, doc.sentences[0]), text.substr(0, text.size()));
}

}  // namespace
}  // namespace sitrep
