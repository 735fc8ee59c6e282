// The acceptance checks on the two M23 samples, and DateForEvent.
#include <gtest/gtest.h>

#include <string>

#include "../numbers/test_document.h"
#include "sitrep/temporal.h"
#include "../shared_data.h"

namespace sitrep {
namespace {

// The Kigali sample starts with " date 2023-11-07 " (its published date); the text after it.
struct Sample {
  std::string text;
  Document doc;
};

void LoadSample(const char* name, Sample* s) {
  s->text = testing::ReadFileOrEmpty(std::string(SITREP_TEST_SHARED_DIR "/samples/") + name);
  ASSERT_FALSE(s->text.empty()) << name;
  testing::MakeDocument(s->text, &s->doc);
}

// The token index of the first occurrence of `word` (lower-cased) after `from`.
uint32_t Find(const Document& doc, const std::string& word, uint32_t from = 0) {
  for (uint32_t i = from; i < doc.tokens.size(); ++i)
    if (doc.tokens[i].lower == word) return i;
  ADD_FAILURE() << "no token '" << word << "'";
  return 0;
}

const Sentence& SentenceOf(const Document& doc, uint32_t token) {
  for (const Sentence& s : doc.sentences)
    if (token >= s.first_token && token < s.last_token) return s;
  return doc.sentences.back();
}

EventDate DateAt(const Document& doc, uint32_t trigger, const std::optional<std::string>& article) {
  const Sentence& s = SentenceOf(doc, trigger);
  static std::vector<TimeMention> mentions;  // DateForEvent points into it
  mentions = FindTimeMentions(doc, s, article);
  return DateForEvent(doc, s, mentions, trigger, article);
}

TEST(SamplesTest, KigaliDates) {
  SITREP_SKIP_WITHOUT_SHARED("samples/000_faa27aeaf128c5a5.txt");
  Sample k;
  LoadSample("000_faa27aeaf128c5a5.txt", &k);
  const std::optional<std::string> article = "2023-11-07";
  // "fighting resumed" on October 1.
  uint32_t resumed = Find(k.doc, "resumed");
  EventDate d = DateAt(k.doc, resumed, article);
  EXPECT_EQ(d.date.value_or(""), "2023-10-01");
  EXPECT_EQ(d.precision, "day");
  // The Kagame-Blinken call, "on Monday" -> 2023-11-06.
  uint32_t call = Find(k.doc, "call");
  d = DateAt(k.doc, call, article);
  EXPECT_EQ(d.date.value_or(""), "2023-11-06");
  EXPECT_EQ(d.precision, "day");
  // The claim "on Monday, November 6".
  uint32_t claimed = Find(k.doc, "claimed");
  d = DateAt(k.doc, claimed, article);
  EXPECT_EQ(d.date.value_or(""), "2023-11-06");
  // The EAC summit on February 4th, 2023.
  uint32_t summit = Find(k.doc, "summit");
  d = DateAt(k.doc, summit, article);
  EXPECT_EQ(d.date.value_or(""), "2023-02-04");
  // The ceasefire observed since November 2022: month, relation since.
  uint32_t ceasefire = Find(k.doc, "observing");
  d = DateAt(k.doc, ceasefire, article);
  EXPECT_EQ(d.date.value_or(""), "2022-11-01");
  EXPECT_EQ(d.precision, "month");
  ASSERT_NE(d.mention, nullptr);
  EXPECT_EQ(d.mention->relation, TimeMention::Relation::kSince);
  // "This follows months after the rebels had vacated": vague, no date of its own.
  uint32_t vacated = Find(k.doc, "vacated");
  d = DateAt(k.doc, vacated, article);
  EXPECT_FALSE(d.date.has_value());
  ASSERT_NE(d.mention, nullptr);
  EXPECT_TRUE(d.mention->vague);
  // A sentence without a date: the article's week.
  uint32_t fighting = Find(k.doc, "fighting");  // "The Congolese military is fighting alongside ..."
  d = DateAt(k.doc, fighting, article);
  EXPECT_TRUE(d.from_article);
  EXPECT_EQ(d.date.value_or(""), "2023-11-01");
  EXPECT_EQ(d.precision, "week");
  // Without the article date every relative date is unresolved; the absolute ones stay.
  EXPECT_FALSE(DateAt(k.doc, resumed, std::nullopt).date.has_value());
  EXPECT_FALSE(DateAt(k.doc, call, std::nullopt).date.has_value());
  EXPECT_EQ(DateAt(k.doc, summit, std::nullopt).date.value_or(""), "2023-02-04");
}

// Every mention in the Kigali sample, in order (date or "-" when none), as a regression table.
TEST(SamplesTest, KigaliAllMentions) {
  SITREP_SKIP_WITHOUT_SHARED("samples/000_faa27aeaf128c5a5.txt");
  Sample k;
  LoadSample("000_faa27aeaf128c5a5.txt", &k);
  std::vector<std::string> got;
  for (const Sentence& s : k.doc.sentences)
    for (const TimeMention& m : FindTimeMentions(k.doc, s, std::string("2023-11-07")))
      got.push_back(testing::Span(k.doc, m.first_token, m.last_token) + "=" + m.date.value_or("-") + "/" +
                    m.precision);
  std::vector<std::string> want = {
      "2023-11-07=2023-11-07/day",  // the file's " date 2023-11-07" header line
      "on Monday, November 6=2023-11-06/day", "months after=-/unknown",
      "on February 4th, 2023=2023-02-04/day", "Monday=2023-11-06/day",
      "on October 1=2023-10-01/day",           "since November 2022=2022-11-01/month",
      "on Monday=2023-11-06/day",              "for decades=-/unknown",
  };
  EXPECT_EQ(got, want);
}

TEST(SamplesTest, WalikaleIsUndated) {
  SITREP_SKIP_WITHOUT_SHARED("samples/001_560bd95e9cff5d9e.txt");
  Sample w;
  LoadSample("001_560bd95e9cff5d9e.txt", &w);
  int mentions = 0;
  for (const Sentence& s : w.doc.sentences) {
    for (const TimeMention& m : FindTimeMentions(w.doc, s, std::nullopt)) {
      ++mentions;
      EXPECT_FALSE(m.date.has_value()) << testing::Span(w.doc, m.first_token, m.last_token);
      EXPECT_EQ(m.precision, "unknown");
    }
  }
  EXPECT_GE(mentions, 1);  // "since January"
  // No date anywhere: events get none either.
  uint32_t captured = Find(w.doc, "captured");
  EXPECT_FALSE(DateAt(w.doc, captured, std::nullopt).date.has_value());
  // With --date, "since January" resolves and undated sentences get the article's week.
  uint32_t since = Find(w.doc, "since");
  EventDate d = DateAt(w.doc, since, std::string("2025-03-20"));
  EXPECT_EQ(d.date.value_or(""), "2025-01-01");
  EXPECT_EQ(d.precision, "month");
  d = DateAt(w.doc, captured, std::string("2025-03-20"));
  EXPECT_EQ(d.date.value_or(""), "2025-03-14");
  EXPECT_EQ(d.precision, "week");
}

TEST(DateForEventTest, PrefersTheTriggersClause) {
  Document doc;
  testing::MakeDocument("Rebels seized Goma on Monday; the army had withdrawn on October 1.", &doc);
  const Sentence s = testing::Whole(doc);
  std::vector<TimeMention> mentions = FindTimeMentions(doc, s, std::string("2023-11-07"));
  ASSERT_EQ(mentions.size(), 2u);
  EventDate seized = DateForEvent(doc, s, mentions, Find(doc, "seized"), std::string("2023-11-07"));
  EXPECT_EQ(seized.date.value_or(""), "2023-11-06");
  EventDate withdrawn = DateForEvent(doc, s, mentions, Find(doc, "withdrawn"), std::string("2023-11-07"));
  EXPECT_EQ(withdrawn.date.value_or(""), "2023-10-01");
}

TEST(DateForEventTest, SkipsFuture) {
  Document doc;
  testing::MakeDocument("Talks that began on Monday will resume next week.", &doc);
  const Sentence s = testing::Whole(doc);
  std::vector<TimeMention> mentions = FindTimeMentions(doc, s, std::string("2023-11-07"));
  EventDate d = DateForEvent(doc, s, mentions, Find(doc, "resume"), std::string("2023-11-07"));
  EXPECT_EQ(d.date.value_or(""), "2023-11-06");
}

}  // namespace
}  // namespace sitrep
