// Which event a death toll belongs to, through the whole pipeline (docs/events.md, "Dates,
// places, counts"): the toll's sentence, the sentence after, participles, and the dates that
// open a sentence in ACLED-style notes.
#include <algorithm>

#include <gtest/gtest.h>

#include "extract_util.h"
#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

// The tests read as sentences about tolls; the pipeline is the shared one.
class Tolls : public ::testing::Test {
 protected:
  static std::vector<Event> Extract(const std::string& text, const std::string& date) {
    return testing::ExtractText(text, date);
  }
};

std::string Describe(const std::vector<Event>& events) {
  std::string s;
  for (const Event& e : events) {
    const auto& k = e.counts.killed.best;
    s += "  " + e.plover_type + "/" + e.plover_mode + " a1=" + e.actor1.id + " a2=" + e.actor2.id +
         " killed=" + (k ? std::to_string(*k) : "-") + " date=" + e.date.value_or("-") + "\n";
  }
  return s;
}

// The text yields one event, with `killed` dead.
void ExpectOneEventWithToll(const std::vector<Event>& events, int64_t killed) {
  ASSERT_EQ(events.size(), 1u) << Describe(events);
  ASSERT_TRUE(events[0].counts.killed.best) << Describe(events);
  EXPECT_EQ(*events[0].counts.killed.best, killed);
}

// "N soldiers were killed." right after the attack, with nobody named to have killed them.
TEST_F(Tolls, TheSentenceAfterAViolentEventGivesItsToll) {
  std::vector<Event> events =
      Extract("On 6 March 2024, JNIM militants ambushed a FAMa convoy near Boni (Douentza, Mopti). "
              "10 soldiers were killed.",
              "2024-03-06");
  ASSERT_EQ(events.size(), 1u) << Describe(events);
  EXPECT_EQ(events[0].actor1.id, "JNIM");
  ASSERT_TRUE(events[0].counts.killed.best) << Describe(events);
  EXPECT_EQ(*events[0].counts.killed.best, 10);
}

// The next sentence's toll is carried once, however many triggers it has ("killed" and "injured"), and
// the parts of a toll are not added to it.
TEST_F(Tolls, ATollWithItsPartsIsCarriedOnce) {
  std::vector<Event> events =
      Extract("On 3 May 2020, the FARDC clashed with Mai-Mai militiamen in Kalonge. "
              "9 were killed, including 4 soldiers and 5 militiamen, with 2 soldiers injured.",
              "2020-05-03");
  ExpectOneEventWithToll(events, 9);
  ASSERT_TRUE(events[0].counts.wounded.best);
  EXPECT_EQ(*events[0].counts.wounded.best, 2);
}

// What the report asserts and what a party claims of the same incident are one event: the claimed toll
// is the attack's.
TEST_F(Tolls, AClaimedTollOfAnAttackIsPartOfIt) {
  std::vector<Event> events = Extract(
      "On 3 May 2020, ADF fighters attacked an army post in Mamove. The ADF claimed to have killed five soldiers in "
      "Mamove.",
      "2020-05-03");
  ExpectOneEventWithToll(events, 5);
}

// "as a result of the attack", "this attack": a later violent noun with a definite determiner and no party of its
// own is the earlier event, and its toll is that event's.
TEST_F(Tolls, TheAttackReferredBackToIsTheEarlierOne) {
  ExpectOneEventWithToll(Extract("On 5 September 2019, ADF rebels attacked the village of Mamove. As a result of the "
                                 "attack, 7 civilians have been killed.",
                                 "2019-09-05"),
                         7);
}

// A count no event took is a humanitarian figure; a part of it is not a second one, another count is.
TEST_F(Tolls, APartOfAFigureIsNoFigureOfItsOwn) {
  std::vector<int64_t> figures;
  for (const Event& e : Extract("Some 40,000 refugees, including 15,000 refugees from Burundi, live in the camp. "
                                "There are 12,000 refugees and 3,000 more refugees in Goma.",
                                "2020-05-03"))
    if (e.plover_mode == "humanitarian-figure" && e.counts.displaced.best) figures.push_back(*e.counts.displaced.best);
  EXPECT_EQ(figures, (std::vector<int64_t>{40000, 12000, 3000}));
}

// "shot dead a man", "a soldier was killed": one person killed is a toll of one, though no number says so;
// a wounding is no death.
TEST_F(Tolls, OnePersonKilledIsATollOfOne) {
  for (const char* text : {"On 26 July 2020, unidentified gunmen shot dead a trader near Nsengu village.",
                           "On 5 November 2019, a FARDC soldier was killed by Nyatura fighters in Kiseghe village."}) {
    std::vector<Event> events = Extract(text, "2020-07-27");
    ASSERT_FALSE(events.empty()) << text;
    ASSERT_TRUE(events[0].counts.killed.best) << text << "\n" << Describe(events);
    EXPECT_EQ(*events[0].counts.killed.best, 1) << text;
  }
  std::vector<Event> wounded = Extract("On 26 July 2020, unidentified gunmen shot and wounded a trader in Beni.", "2020-07-27");
  for (const Event& e : wounded) EXPECT_FALSE(e.counts.killed.best) << Describe(wounded);
}

// A revised toll in the same sentence: the larger, later figure is the toll (MergeCounts), not the
// last figure written.
TEST_F(Tolls, ARevisedTollKeepsTheLargerFigure) {
  for (const char* text :
       {"ADF rebels killed 35 civilians in Beni on Monday, local officials said, revising an earlier toll of 20 dead.",
        "ADF rebels killed 35 civilians in an attack on Mukondi on Monday, up from an earlier toll of 20 killed."}) {
    std::vector<Event> events = Extract(text, "2024-06-10");
    ASSERT_EQ(events.size(), 1u) << text << "\n" << Describe(events);
    ASSERT_TRUE(events[0].counts.killed.best) << Describe(events);
    EXPECT_EQ(*events[0].counts.killed.best, 35) << text;
  }
}

// After a sentence that says nothing codable and names nobody, the toll is still the fight's.
TEST_F(Tolls, ATollAfterAnUncodedSentenceIsStillTheFightsToll) {
  std::vector<Event> events =
      Extract("On 16 November 2019, Al Shabaab militants clashed with Puntland forces in Af-Urur. The fighting started "
              "at dawn. At least 3 people were killed.",
              "2019-11-17");
  ExpectOneEventWithToll(events, 3);
}

// Two sentences further on, or after a sentence naming other parties, the toll is not the attack's.
TEST_F(Tolls, ALaterTollStaysApart) {
  std::vector<Event> events =
      Extract("On 6 March 2024, JNIM militants ambushed a FAMa convoy near Boni. The army sent reinforcements "
              "to the area. 10 soldiers were killed in a separate incident, officials said.",
              "2024-03-06");
  for (const Event& e : events) {
    if (e.actor1.id == "JNIM") {
      EXPECT_FALSE(e.counts.killed.best) << Describe(events);
    }
  }
}

// "looted homes and killed 7 civilians": one incident, coded once as its most serious event (the
// looting is part of it: MergeIncidents); the dead are its toll and the
// sentence-opening date dates it.
TEST_F(Tolls, LootingBesideAKillingIsPartOfIt) {
  std::vector<Event> events =
      Extract("On 11 March 2024, RSF fighters looted homes and killed 7 civilians in El Geneina (West Darfur).",
              "2024-03-12");
  ASSERT_EQ(events.size(), 1u) << Describe(events);
  EXPECT_EQ(events[0].plover_type, "ASSAULT") << Describe(events);
  EXPECT_EQ(events[0].date.value_or(""), "2024-03-11") << Describe(events);
  ASSERT_TRUE(events[0].counts.killed.best) << Describe(events);
  EXPECT_EQ(*events[0].counts.killed.best, 7);
}

// A date between the event and a trailing attribution dates the event ("..., police said"); a
// date before "after ..." dates the main clause, not the subordinate one.
TEST_F(Tolls, DatesBeforeATrailingAttributionOrASubordinateClause) {
  std::vector<Event> events =
      Extract("Gunmen killed 9 villagers in an attack near Gusau, Zamfara State, on 7 August 2024, police said.",
              "2024-08-10");
  ASSERT_FALSE(events.empty());
  for (const Event& e : events) EXPECT_EQ(e.date.value_or(""), "2024-08-07") << Describe(events);
  events = Extract("Syrian government forces regained control of several villages west of Aleppo on 22 August 2024 "
                   "after fighting with HTS.",
                   "2024-08-25");
  bool territory = false;
  for (const Event& e : events) {
    if (e.plover_mode != "occupy") continue;
    territory = true;
    EXPECT_EQ(e.date.value_or(""), "2024-08-22") << Describe(events);
  }
  EXPECT_TRUE(territory) << Describe(events);
}

// A note that says how it coded a vague toll ("Unknown fatalities coded as 10.") gives that figure to the
// event it reports, replacing the vague one, even with a sentence between.
TEST_F(Tolls, AStatedFigureReplacesAVagueToll) {
  std::vector<Event> events =
      Extract("On 4 June 2021, JNIM militants ambushed a FAMa patrol near Boni (Douentza, Mopti). "
              "Several soldiers were reportedly killed. The group later claimed the ambush. "
              "Unknown fatalities coded as 10.",
              "2021-06-04");
  ASSERT_FALSE(events.empty()) << Describe(events);
  ASSERT_TRUE(events[0].counts.killed.best) << Describe(events);
  EXPECT_EQ(*events[0].counts.killed.best, 10) << Describe(events);
}

// An age is no toll: "a 17 year-old", "a civilian of 20 y.o.", "14 yo" (roles.txt unit).
TEST_F(Tolls, AnAgeIsNoToll) {
  for (const char* text : {"On 1 April 2019, FARDC soldiers killed a 17 year-old in Bambu.",
                           "On 16 May 2019, a civilian of 20 y.o. was shot dead by gunmen in Gihimba.",
                           "On 22 September 2019, clashes between Nyatura and NDC-R led to the death of a 14 yo boy."}) {
    std::vector<Event> events = Extract(text, "2019-09-22");
    ASSERT_FALSE(events.empty()) << text;
    for (const Event& e : events) {
      const auto& k = e.counts.killed.best;
      EXPECT_TRUE(!k || *k <= 1) << text << "\n" << Describe(events);
    }
  }
}

// tests/pipeline/tolls.tsv: each line a text, the ACLED sub-event type of the event checked and its toll.
TEST_F(Tolls, EachLineOfTheTableCarriesItsToll) {
  const std::vector<testing::TsvRow> rows = testing::ReadTsvRows(SITREP_TEST_SOURCE_DIR "/tests/pipeline/tolls.tsv");
  ASSERT_GE(rows.size(), 5u);
  for (const testing::TsvRow& row : rows) {
    const std::string where = "tolls.tsv:" + std::to_string(row.line);
    ASSERT_EQ(row.cells.size(), 5u) << where;
    const std::string &construction = row.cells[0], &date = row.cells[1], &text = row.cells[2],
                      &sub_type = row.cells[3], &killed = row.cells[4];
    const std::vector<Event> events = Extract(text, date);
    const auto e = std::find_if(events.begin(), events.end(),
                                [&](const Event& x) { return x.acled_sub_event_type == sub_type; });
    if (e == events.end()) {
      ADD_FAILURE() << where << " (" << construction << "): no " << sub_type << " event\n" << Describe(events);
      continue;
    }
    const std::string got = e->counts.killed.best ? std::to_string(*e->counts.killed.best) : "-";
    EXPECT_EQ(got, killed) << where << " (" << construction << ")\n" << Describe(events);
  }
}

}  // namespace
}  // namespace sitrep
