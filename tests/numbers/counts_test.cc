// FindCounts: roles, spans and what is not a count; the M23 samples; the lexicon file.
#include <gtest/gtest.h>

#include <limits>
#include <memory>
#include <string>

#include "sitrep/numbers.h"
#include "test_document.h"
#include "../shared_data.h"

namespace sitrep {
namespace {

constexpr int64_t kUnset = -1;
std::string Show(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "unset"; }
std::string Show(int64_t v) { return v == kUnset ? "unset" : std::to_string(v); }

// One count expected in the sentence ("" role: none at all).
struct CountCase {
  const char* text;
  const char* role;
  const char* number;  // text of the quantity
  const char* noun;    // text of the counted noun phrase
  int64_t low, best, high;
};

class CountsTest : public ::testing::TestWithParam<CountCase> {};

TEST_P(CountsTest, FindsRole) {
  const CountCase& c = GetParam();
  Document doc;
  testing::MakeDocument(c.text, &doc);
  std::vector<CountMention> found = FindCounts(doc, testing::Whole(doc));
  if (std::string(c.role).empty()) {
    for (const CountMention& m : found)
      ADD_FAILURE() << c.text << " -> " << m.role << " " << testing::Span(doc, m.number_first, m.number_last);
    return;
  }
  ASSERT_EQ(found.size(), 1u) << c.text;
  const CountMention& m = found[0];
  EXPECT_EQ(m.role, c.role) << c.text;
  EXPECT_EQ(testing::Span(doc, m.number_first, m.number_last), c.number) << c.text;
  EXPECT_EQ(testing::Span(doc, m.noun_first, m.noun_last), c.noun) << c.text;
  EXPECT_EQ(Show(m.estimate.low), Show(c.low)) << c.text;
  EXPECT_EQ(Show(m.estimate.best), Show(c.best)) << c.text;
  EXPECT_EQ(Show(m.estimate.high), Show(c.high)) << c.text;
  EXPECT_LE(m.first_token, m.number_first);
  EXPECT_GE(m.last_token, m.number_last);
  EXPECT_LT(m.cue_first, m.cue_last) << c.text << ": the cue span is set";
}

const CountCase kCounts[] = {
    // after cue
    {"over 7 million individuals displaced due to ongoing violence", "displaced", "over 7 million", "individuals",
     7000000, 7000000, kUnset},
    {"with over 7 million displaced.", "displaced", "over 7 million", "", 7000000, 7000000, kUnset},
    {"7 million displaced", "displaced", "7 million", "", 7000000, 7000000, 7000000},
    {"20 people were killed in the attack", "killed", "20", "people", 20, 20, 20},
    {"At least 20 civilians were reportedly killed", "killed", "At least 20", "civilians", 20, 20, kUnset},
    {"two soldiers died", "killed", "two", "soldiers", 2, 2, 2},
    {"10 dead", "killed", "10", "", 10, 10, 10},
    {"dozens of people lost their lives", "killed", "dozens of", "people", 24, 24, kUnset},
    {"15 others were injured", "wounded", "15", "others", 15, 15, 15},
    {"some 300 people have fled", "displaced", "some 300", "people", kUnset, 300, kUnset},
    {"12 students were kidnapped", "abducted", "12", "students", 12, 12, 12},
    {"30 protesters were arrested", "arrested", "30", "protesters", 30, 30, 30},
    {"20 soldiers were killed", "killed", "20", "soldiers", 20, 20, 20},
    {"five aid workers were taken hostage", "abducted", "five", "aid workers", 5, 5, 5},
    {"20 people in Goma were killed", "killed", "20", "people", 20, 20, 20},
    {"12 children at the school were abducted", "abducted", "12", "children", 12, 12, 12},
    {"the chief of Kalemba was killed", "killed", "the", "chief", 1, 1, 1},
    {"two gunmen have shot dead a trader", "killed", "a", "trader", 1, 1, 1},
    {"a nurse from Kalemba in Fizi territory was killed", "killed", "a", "nurse", 1, 1, 1},
    {"Seven reported fatalities.", "killed", "Seven", "reported fatalities", 7, 7, 7},
    // a part of a named group; an age is no count; a participle after the one person it counts
    {"Four of the attackers were killed", "killed", "Four", "of the attackers", 4, 4, 4},
    {"One of the hunters was killed", "killed", "One", "of the hunters", 1, 1, 1},
    {"gunmen shot dead a 17 year-old", "", "", "", kUnset, kUnset, kUnset},
    {"militiamen attacked the village, killing a woman accused of witchcraft", "killed", "a", "woman accused", 1, 1, 1},
    // before cue
    {"the attack, killing 20 civilians", "killed", "20", "civilians", 20, 20, 20},
    {"gunmen killed at least 20 villagers", "killed", "at least 20", "villagers", 20, 20, kUnset},
    {"the death toll rose to 35", "killed", "35", "", 35, 35, 35},
    {"the deaths of 12 people", "killed", "12", "people", 12, 12, 12},
    {"police arrested between 10 and 15 protesters", "arrested", "between 10 and 15", "protesters", 10, 12, 15},
    {"the fighting has displaced nearly half a million people", "displaced", "nearly half a million", "people",
     kUnset, 500000, 500000},
    {"rebels kidnapped up to 50 people", "abducted", "up to 50", "people", kUnset, kUnset, 50},
    // noun cue
    {"around 4,000 Rwandan troops support the M23 rebels", "troops", "around 4,000", "Rwandan troops", kUnset,
     4000, kUnset},
    {"the UN deployed 3,000 peacekeepers", "troops", "3,000", "peacekeepers", 3000, 3000, 3000},
    {"hundreds of refugees crossed the border", "displaced", "hundreds of", "refugees", 200, 200, kUnset},
    {"20 bodies were found", "killed", "20", "bodies", 20, 20, 20},
    {"the rebels hold 40 hostages", "abducted", "40", "hostages", 40, 40, 40},
    // active voice: the troops did the killing, they are not the killed
    {"4,000 troops killed the rebels", "troops", "4,000", "troops", 4000, 4000, 4000},
    // no role or not a count
    {"approximately 100 armed groups", "", "", "", 0, 0, 0},
    {"the two warring parties", "", "", "", 0, 0, 0},
    {"their 20th Summit held in Bujumbura", "", "", "", 0, 0, 0},
    {"killed in 2022", "", "", "", 0, 0, 0},
    {"fighters were killed on November 6", "", "", "", 0, 0, 0},
    {"killed 20 km from Goma", "", "", "", 0, 0, 0},
    {"killed two days ago", "", "", "", 0, 0, 0},
    {"killing 20 % of the herd", "", "", "", 0, 0, 0},
    {"the 2023 attack killed", "", "", "", 0, 0, 0},
    {"a key WTC 1993 defendant was imprisoned", "", "", "", 0, 0, 0},
    {"1580 Ruy Lopez died", "", "", "", 0, 0, 0},
    {"endanger the lives of more than one million people", "", "", "", 0, 0, 0},
    {"2000 people were killed", "killed", "2000", "people", 2000, 2000, 2000},
    {"similar to the one previously executed", "", "", "", 0, 0, 0},
    {"one guy lives nearby", "", "", "", 0, 0, 0},
    {"one soldier was killed", "killed", "one", "soldier", 1, 1, 1},
};

INSTANTIATE_TEST_SUITE_P(Roles, CountsTest, ::testing::ValuesIn(kCounts));

TEST(CountsTest, SeveralInOneSentence) {
  Document doc;
  testing::MakeDocument("The attack killed 20 people and wounded 35 others, while 300 families fled.", &doc);
  std::vector<CountMention> found = FindCounts(doc, testing::Whole(doc));
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].role, "killed");
  EXPECT_EQ(found[0].estimate.best, 20);
  EXPECT_EQ(found[1].role, "wounded");
  EXPECT_EQ(found[1].estimate.best, 35);
  EXPECT_EQ(found[2].role, "displaced");
  EXPECT_EQ(found[2].estimate.best, 300);
}

TEST(CountsTest, IncludingInheritsTheRole) {
  Document doc;
  testing::MakeDocument("an attack that left 6 dead, including 4 Iraqi soldiers.", &doc);
  std::vector<CountMention> found = FindCounts(doc, testing::Whole(doc));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].role, "killed");
  EXPECT_EQ(found[1].estimate.best, 4);
  EXPECT_EQ(testing::Span(doc, found[1].noun_first, found[1].noun_last), "Iraqi soldiers");
  EXPECT_FALSE(found[0].subset);
  EXPECT_TRUE(found[1].subset);

  testing::MakeDocument("killing 4 civilian mercenaries, one of them a South African.", &doc);
  found = FindCounts(doc, testing::Whole(doc));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].role, "killed");
  EXPECT_TRUE(found[1].subset);
}

TEST(CountsTest, CoordinatedCountsShareTheVerb) {
  struct Case {
    const char* text;
    std::vector<std::string> roles;
  } cases[] = {
      {"gunmen killed 20 civilians and 5 soldiers", {"killed", "killed"}},
      {"gunmen killed 20 civilians, 5 soldiers and 2 policemen", {"killed", "killed", "killed"}},
      {"the attack killed 20 people and wounded 30", {"killed", "wounded"}},
      {"20 people were killed and 30 soldiers were injured", {"killed", "wounded"}},
      // the first role came from its noun, not a verb: nothing to share
      {"4,000 troops and 200 civilians arrived", {"troops"}},
  };
  for (const Case& c : cases) {
    Document doc;
    testing::MakeDocument(c.text, &doc);
    std::vector<std::string> roles;
    for (const CountMention& m : FindCounts(doc, testing::Whole(doc))) {
      roles.push_back(m.role);
      EXPECT_FALSE(m.subset) << c.text;
    }
    EXPECT_EQ(roles, c.roles) << c.text;
  }
}

// The acceptance checks on the undated Walikale sample.
TEST(CountsTest, WalikaleSample) {
  SITREP_SKIP_WITHOUT_SHARED("samples/001_560bd95e9cff5d9e.txt");
  std::string text = testing::ReadFileOrEmpty(SITREP_TEST_SHARED_DIR "/samples/001_560bd95e9cff5d9e.txt");
  ASSERT_FALSE(text.empty()) << "sample missing";
  Document doc;
  testing::MakeDocument(text, &doc);
  bool displaced_7m = false, troops_4000 = false;
  int counts = 0;
  for (const Sentence& s : doc.sentences) {
    for (const CountMention& m : FindCounts(doc, s)) {
      ++counts;
      if (m.role == "displaced" && m.estimate.low == 7000000) displaced_7m = true;
      if (m.role == "troops" && m.estimate.best == 4000 && !m.estimate.low) troops_4000 = true;
      // No count of armed groups, and nothing else has a role in this article.
      EXPECT_TRUE(m.role == "displaced" || m.role == "troops") << m.role;
    }
  }
  EXPECT_TRUE(displaced_7m);
  EXPECT_TRUE(troops_4000);
  EXPECT_EQ(counts, 3);  // "over 7 million displaced", "over 7 million individuals displaced", "4,000 troops"
}

TEST(CountsTest, KigaliSampleHasNoCounts) {
  SITREP_SKIP_WITHOUT_SHARED("samples/000_faa27aeaf128c5a5.txt");
  std::string text = testing::ReadFileOrEmpty(SITREP_TEST_SHARED_DIR "/samples/000_faa27aeaf128c5a5.txt");
  ASSERT_FALSE(text.empty());
  Document doc;
  testing::MakeDocument(text, &doc);
  for (const Sentence& s : doc.sentences)
    for (const CountMention& m : FindCounts(doc, s))
      ADD_FAILURE() << m.role << " " << testing::Span(doc, m.first_token, m.last_token);
}

TEST(CountLexiconTest, BuiltinMatchesDataFile) {
  std::unique_ptr<CountLexicon> lex;
  Status st = CountLexicon::Load(SITREP_TEST_SOURCE_DIR "/data/numbers/roles.txt", &lex);
  ASSERT_TRUE(st.ok()) << st.ToString();
  // The compiled-in copy and the file agree on the samples, count by count.
  for (const char* sample : {"000_faa27aeaf128c5a5.txt", "001_560bd95e9cff5d9e.txt"}) {
    std::string text = testing::ReadFileOrEmpty(std::string(SITREP_TEST_SHARED_DIR "/samples/") + sample);
    Document doc;
    testing::MakeDocument(text, &doc);
    for (const Sentence& s : doc.sentences) {
      std::vector<CountMention> a = FindCounts(doc, s, *lex), b = FindCounts(doc, s);
      ASSERT_EQ(a.size(), b.size());
      for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].role, b[i].role);
        EXPECT_EQ(a[i].number_first, b[i].number_first);
        EXPECT_EQ(a[i].cue_first, b[i].cue_first);
      }
    }
  }
  Document doc;
  testing::MakeDocument("20 people were killed", &doc);
  EXPECT_EQ(FindCounts(doc, testing::Whole(doc), *lex).size(), 1u);
}

TEST(CountLexiconTest, ErrorsNameTheLine) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"# ok\nafter kiled: dead\n", "x.txt:2: unknown role 'kiled'"},
      {"after killed dead\n", "x.txt:1: expected"},
      {"sideways killed: dead\n", "x.txt:1: unknown kind 'sideways'"},
      {"after killed: dead | | died\n", "x.txt:1: empty phrase"},
      {"glue killed: were\n", "x.txt:1: 'glue' takes no role"},
      {"noun: troops\n", "x.txt:1: 'noun' needs a role"},
  };
  for (const Case& c : cases) {
    std::unique_ptr<CountLexicon> lex;
    Status st = CountLexicon::Parse(c.text, "x.txt", &lex);
    EXPECT_FALSE(st.ok()) << c.text;
    EXPECT_NE(st.message().find(c.message), std::string::npos) << st.message();
  }
  std::unique_ptr<CountLexicon> lex;
  Status st = CountLexicon::Load("/nonexistent/roles.txt", &lex);
  EXPECT_EQ(st.code(), Status::Code::kIOError);
  EXPECT_NE(st.message().find("/nonexistent/roles.txt"), std::string::npos) << st.message();
  EXPECT_EQ(lex, nullptr);
}

// The killed of a sentence, as the events stage adds them up (MergeCounts): people named one by one
// ("a man, a woman and their two children") and counts linked before a passive verb ("Five militiamen and
// one soldier were killed") add up.
TEST(CountsTest, PeopleNamedOneByOneAndLinkedCountsAddUp) {
  struct Case {
    const char* text;
    int64_t killed;  // kUnset: no killed count
  };
  const Case cases[] = {
      {"Gunmen killed a civilian in the village.", 1},
      {"Rebels attacked an army post, killing a soldier and a civilian.", 2},
      {"Armed men shot and killed a man, a woman and their two children.", 4},
      {"The army killed a rebel commander and his bodyguard near the border.", 2},
      {"Five militiamen and one soldier were killed.", 6},
      {"Two Nyatura and three APCLS fighters were killed.", 5},
      {"Nine APCLS members and four Nyatura killed and one injured.", 13},
      {"The village chief was killed.", 1},
      {"The militia beheaded two farmers.", 2},
      {"A soldier said the rebels had withdrawn.", kUnset},
      {"20 soldiers were killed and 5 civilians were wounded.", 20},
      {"9 were killed, including 4 soldiers and 5 militiamen.", 9},
  };
  for (const Case& c : cases) {
    Document doc;
    testing::MakeDocument(c.text, &doc);
    Counts counts;
    MergeCounts(FindCounts(doc, testing::Whole(doc)), &counts);
    EXPECT_EQ(Show(counts.killed.best), Show(c.killed)) << c.text;
  }
}

// Figures too large to add are held at the largest count, never overflow (a fuzzer's finding).
TEST(CountsTest, HugeCoordinatedCountsDoNotOverflow) {
  const Estimate huge{std::numeric_limits<int64_t>::max() - 1, std::numeric_limits<int64_t>::max() - 1,
                      std::numeric_limits<int64_t>::max() - 1};
  const Estimate sum = Sum(huge, Estimate{10, 10, 10});
  EXPECT_EQ(*sum.best, std::numeric_limits<int64_t>::max());
  EXPECT_EQ(*sum.low, std::numeric_limits<int64_t>::max());
}

// A custom lexicon changes what counts: nothing is hard-wired in the code.
TEST(CountLexiconTest, CustomLexicon) {
  std::unique_ptr<CountLexicon> lex;
  ASSERT_TRUE(CountLexicon::Parse("after arrested: rounded up\nglue: were\n", "t", &lex).ok());
  Document doc;
  testing::MakeDocument("50 men were rounded up", &doc);
  std::vector<CountMention> found = FindCounts(doc, testing::Whole(doc), *lex);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].role, "arrested");
  EXPECT_EQ(testing::Span(doc, found[0].cue_first, found[0].cue_last), "rounded up");
  testing::MakeDocument("20 people were killed", &doc);
  EXPECT_TRUE(FindCounts(doc, testing::Whole(doc), *lex).empty());
}

}  // namespace
}  // namespace sitrep
