// The matcher on hand-made cases (issue #6): exact match, wrong type, actors swapped,
// place 30 km off, date 4 days off, and more. Table-driven: each case mutates a copy of one
// gold event into a prediction and states what the scorer must conclude.
#include <cmath>
#include <functional>

#include <gtest/gtest.h>

#include "sitrep/eval.h"

namespace sitrep {
namespace {

// 1 degree of latitude, in km, on the sphere HaversineKm uses.
constexpr double kKmPerDegree = 6371.0088 * 3.14159265358979323846 / 180.0;

Event GoldEvent() {
  Event e;
  e.article_id = "A1";
  e.acled_event_type = "Battles";
  e.acled_sub_event_type = "Armed clash";
  e.actor1.name = "M23: March 23 Movement";
  e.actor2.name = "Military Forces of the Democratic Republic of Congo (2019-)";
  Location loc;
  loc.name = "Kitshanga";
  loc.admin1 = "North Kivu";
  loc.lat = -1.35;
  loc.lon = 28.98;
  loc.precision = 1;
  e.location = loc;
  e.date = "2023-11-06";
  e.counts.killed.best = 3;
  e.evidence.sentence = "M23 rebels clashed with FARDC troops near Kitshanga.";
  return e;
}

struct Case {
  const char* name;
  std::function<void(Event*)> mutate;  // gold -> prediction
  int date_window;
  bool matched;             // strict match (detection)
  bool type_aligned_same;   // in the type-agnostic alignment, the predicted type equals gold's
  int actor1_ok, actor2_ok, within_25km, date_exact, date_within_3d, fatalities_ok;  // -1: not counted
};

const Case kCases[] = {
    {"exact", [](Event*) {}, 3, true, true, 1, 1, 1, 1, 1, 1},
    {"wrong_type", [](Event* e) { e->acled_event_type = "Violence against civilians"; }, 3, false, false, -1, -1, -1,
     -1, -1, -1},
    {"type_case_insensitive", [](Event* e) { e->acled_event_type = "BATTLES"; }, 3, true, true, 1, 1, 1, 1, 1, 1},
    {"actors_swapped", [](Event* e) { std::swap(e->actor1, e->actor2); }, 3, true, true, 0, 0, 1, 1, 1, 1},
    {"actor_alias_by_key",
     [](Event* e) {
       e->actor2.name = "military forces of the democratic republic of congo";  // period and case differ
     },
     3, true, true, 1, 1, 1, 1, 1, 1},
    {"place_30km_off", [](Event* e) { e->location->lat += 30 / kKmPerDegree; }, 3, false, false, -1, -1, -1, -1, -1,
     -1},
    {"place_20km_off", [](Event* e) { e->location->lat += 20 / kKmPerDegree; }, 3, true, true, 1, 1, 1, 1, 1, 1},
    {"pred_has_no_coordinates", [](Event* e) { e->location.reset(); }, 3, true, true, 1, 1, 0, 1, 1, 1},
    {"date_4_days_off", [](Event* e) { e->date = "2023-11-10"; }, 3, false, false, -1, -1, -1, -1, -1, -1},
    {"date_4_days_off_wider_window", [](Event* e) { e->date = "2023-11-02"; }, 5, true, true, 1, 1, 1, 0, 0, 1},
    {"date_3_days_off", [](Event* e) { e->date = "2023-11-09"; }, 3, true, true, 1, 1, 1, 0, 1, 1},
    {"pred_has_no_date", [](Event* e) { e->date.reset(); }, 3, false, false, -1, -1, -1, -1, -1, -1},
    {"fatalities_wrong", [](Event* e) { e->counts.killed.best = 5; }, 3, true, true, 1, 1, 1, 1, 1, 0},
    {"other_article", [](Event* e) { e->article_id = "A2"; e->evidence.sentence.clear(); }, 3, false, false, -1, -1,
     -1, -1, -1, -1},
    {"linked_by_sentence", [](Event* e) { e->article_id = "store-id-123"; }, 3, true, true, 1, 1, 1, 1, 1, 1},
};

int Hit(const Ratio& r) { return r.total == 0 ? -1 : static_cast<int>(r.hit); }

class MatcherCase : public ::testing::TestWithParam<Case> {};

TEST_P(MatcherCase, ScoresAsExpected) {
  const Case& c = GetParam();
  GoldSet gold;
  gold.events.push_back(GoldEvent());
  Event pred = GoldEvent();
  c.mutate(&pred);
  EvalOptions options;
  options.date_window_days = c.date_window;
  EvalReport r = Evaluate(gold, {pred}, options);

  EXPECT_EQ(r.matched, c.matched ? 1 : 0);
  EXPECT_DOUBLE_EQ(r.recall, c.matched ? 1.0 : 0.0);
  EXPECT_EQ(Hit(r.actor1), c.actor1_ok);
  EXPECT_EQ(Hit(r.actor2), c.actor2_ok);
  EXPECT_EQ(Hit(r.within_25km), c.within_25km);
  EXPECT_EQ(Hit(r.date_exact), c.date_exact);
  EXPECT_EQ(Hit(r.date_within_3d), c.date_within_3d);
  EXPECT_EQ(Hit(r.fatalities_exact), c.fatalities_ok);
  EXPECT_EQ(r.event_type.hit, c.type_aligned_same ? 1 : 0);
  // Every gold event is in the confusion table exactly once.
  int64_t gold_in_confusion = 0;
  for (const auto& [key, n] : r.confusion) {
    if (key.first != "(none)") gold_in_confusion += n;
  }
  EXPECT_EQ(gold_in_confusion, 1);
  // An unmatched gold event is listed among the worst examples.
  if (!c.matched) {
    ASSERT_FALSE(r.worst.empty());
    EXPECT_EQ(r.worst[0].kind, "missed");
  }
}

INSTANTIATE_TEST_SUITE_P(Eval, MatcherCase, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// ACLED's actor order says no direction: the two sides named the other way round count for
// actor1_either_order (not for actor1); one side alone, moved to the other place, does not.
TEST(MatcherEitherOrder, SwappedSidesAreTheSameDyad) {
  GoldSet gold;
  gold.events.push_back(GoldEvent());
  Event swapped = GoldEvent();
  std::swap(swapped.actor1, swapped.actor2);
  EvalReport r = Evaluate(gold, {swapped}, EvalOptions{});
  EXPECT_EQ(Hit(r.actor1), 0);
  EXPECT_EQ(Hit(r.actor1_either_order), 1);

  Event one_side = GoldEvent();
  one_side.actor1 = one_side.actor2;
  one_side.actor2 = ActorRef();
  r = Evaluate(gold, {one_side}, EvalOptions{});
  EXPECT_EQ(Hit(r.actor1), 0);
  EXPECT_EQ(Hit(r.actor1_either_order), 0);

  r = Evaluate(gold, {GoldEvent()}, EvalOptions{});
  EXPECT_EQ(Hit(r.actor1_either_order), 1);
}

TEST(Matcher, WrongTypeShowsInConfusionAndTypeAccuracy) {
  GoldSet gold;
  gold.events.push_back(GoldEvent());
  Event pred = GoldEvent();
  pred.acled_event_type = "Violence against civilians";
  EvalReport r = Evaluate(gold, {pred}, EvalOptions());
  EXPECT_EQ(r.matched, 0);
  EXPECT_EQ(r.pred_events, 1);
  EXPECT_DOUBLE_EQ(r.precision, 0.0);
  EXPECT_EQ(r.event_type.hit, 0);
  EXPECT_EQ(r.event_type.total, 1);
  EXPECT_EQ((r.confusion[{"Battles", "Violence against civilians"}]), 1);
}

// A prediction placed at a province (precision 3) or district (2) agrees with a gold place inside that
// area, however far from its seat; a town (precision 1) must be within the distance; --strict-place
// (admin_area_match = false) asks the distance of all.
TEST(Matcher, PredictedAdminAreaHoldingTheGoldPlaceMatches) {
  Event gold = GoldEvent();
  gold.location->admin2 = "Masisi";
  Event province = GoldEvent();
  province.location->name = "North Kivu";
  province.location->lat -= 60 / kKmPerDegree;  // the seat, 60 km away
  province.location->precision = 3;
  EXPECT_TRUE(CheckPair(gold, province, EvalOptions()).place_ok);
  EXPECT_TRUE(CheckPair(gold, province, EvalOptions()).in_admin_area);
  EvalOptions strict;
  strict.admin_area_match = false;
  EXPECT_FALSE(CheckPair(gold, province, strict).place_ok);

  Event other_province = province;
  other_province.location->admin1 = "South Kivu";
  EXPECT_FALSE(CheckPair(gold, other_province, EvalOptions()).place_ok);

  Event district = province;
  district.location->precision = 2;
  district.location->admin2 = "Rutshuru";
  EXPECT_FALSE(CheckPair(gold, district, EvalOptions()).place_ok);  // another district of the province
  district.location->admin2 = "Masisi";
  EXPECT_TRUE(CheckPair(gold, district, EvalOptions()).place_ok);

  Event town = province;
  town.location->precision = 1;  // a wrong town in the right province is still wrong
  EXPECT_FALSE(CheckPair(gold, town, EvalOptions()).place_ok);
}

TEST(Matcher, PlaceNotACriterionWhenGoldHasNoCoordinates) {
  GoldSet gold;
  gold.events.push_back(GoldEvent());
  gold.events[0].location.reset();
  Event pred = GoldEvent();
  pred.location->lat += 5;  // hundreds of km away
  EvalReport r = Evaluate(gold, {pred}, EvalOptions());
  EXPECT_EQ(r.matched, 1);
  EXPECT_EQ(r.within_25km.total, 0);
}

TEST(Matcher, OneToOneGreedyPrefersTheBetterPair) {
  // Two gold events in one article; prediction 0 fits both, prediction 1 fits only gold 0.
  Event g0 = GoldEvent(), g1 = GoldEvent();
  g1.actor1.name = "ADF";
  g1.actor2.name = "";
  Event p0 = g1;  // the best fit for gold 1
  Event p1 = g0;  // exact copy of gold 0
  GoldSet gold;
  gold.events = {g0, g1};
  std::vector<Event> pred = {p0, p1};
  std::vector<MatchPair> m = MatchEvents(gold.events, pred, {"A1", "A1"}, EvalOptions());
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].gold, 0);
  EXPECT_EQ(m[0].pred, 1);
  EXPECT_EQ(m[1].gold, 1);
  EXPECT_EQ(m[1].pred, 0);
  // A duplicate prediction cannot be matched twice: one of three is spurious.
  EvalReport r = Evaluate(gold, {p0, p1, p1}, EvalOptions());
  EXPECT_EQ(r.matched, 2);
  EXPECT_EQ(r.pred_events, 3);
  EXPECT_NEAR(r.precision, 2.0 / 3, 1e-9);
  EXPECT_DOUBLE_EQ(r.recall, 1.0);
}

TEST(Matcher, PloverTypeCompatibleForJsonLinesGold) {
  Event g = GoldEvent();
  g.acled_event_type.clear();
  g.plover_type = "ASSAULT";
  Event p = GoldEvent();
  p.acled_event_type = "Something else";
  p.plover_type = "ASSAULT";
  EXPECT_TRUE(CheckPair(g, p, EvalOptions()).type_ok);
  p.plover_type = "FIGHT";
  EXPECT_FALSE(CheckPair(g, p, EvalOptions()).type_ok);
}

TEST(Matcher, InjectedActorNormalizerIsUsed) {
  GoldSet gold;
  gold.events.push_back(GoldEvent());
  Event pred = GoldEvent();
  pred.actor1 = ActorRef();
  pred.actor1.id = "M23";
  EvalOptions options;
  EXPECT_EQ(Evaluate(gold, {pred}, options).actor1.hit, 0);  // default key does not know the alias
  options.normalize_actor = [](std::string_view s) {
    return s.rfind("M23", 0) == 0 || s == "March 23 Movement" ? std::string("M23") : std::string(s);
  };
  EXPECT_EQ(Evaluate(gold, {pred}, options).actor1.hit, 1);
}

TEST(Matcher, EmptyInputs) {
  EvalReport r = Evaluate(GoldSet(), {}, EvalOptions());
  EXPECT_EQ(r.matched, 0);
  EXPECT_DOUBLE_EQ(r.f1, 0.0);
  EXPECT_FALSE(r.ToTable().empty());
}

struct DistanceCase {
  double lat1, lon1, lat2, lon2, km;
};

TEST(Matcher, HaversineKnownDistances) {
  const DistanceCase cases[] = {
      {0, 0, 0, 0, 0},
      {0, 0, 1, 0, kKmPerDegree},
      {0, 0, 0, 180, kKmPerDegree * 180},
      {-1.6792, 29.2228, -2.5083, 28.8608, 100.6},  // Goma -> Bukavu: 92.2 km N-S, 40.2 km E-W
  };
  for (const DistanceCase& c : cases) {
    EXPECT_NEAR(HaversineKm(c.lat1, c.lon1, c.lat2, c.lon2), c.km, 0.5) << c.lat2 << "," << c.lon2;
  }
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

TEST(Linking, WholePredictedArticleFollowsItsSentences) {
  // JSON-lines gold: article "G" known only by one evidence sentence. The predicted article has
  // another id; one of its events quotes that sentence, so all of its events are scored as "G".
  GoldSet gold;
  Event g;
  g.article_id = "G";
  g.plover_type = "FIGHT";
  g.evidence.sentence = "M23 rebels captured the town of Walikale";
  gold.events.push_back(g);
  Event p1 = g, p2 = g, p3 = g;
  p1.article_id = p2.article_id = "reader-id";
  p1.evidence.sentence = "Rwanda-backed M23 rebels captured the town of Walikale in Congo.";
  p2.evidence.sentence = "A different sentence of the same article, long enough.";
  p2.plover_type = "COERCE";
  p3.article_id = "unrelated";
  p3.evidence.sentence = "Nothing in this sentence appears in the gold data at all.";
  EvalReport r = Evaluate(gold, {p1, p2, p3}, EvalOptions());
  EXPECT_EQ(r.matched, 1);
  EXPECT_EQ(r.pred_events, 2);  // p1 and p2 linked to G
  EXPECT_EQ(r.unlinked_pred, 1);
  EXPECT_DOUBLE_EQ(r.precision, 0.5);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

TEST(Matcher, RegionWithoutCoordinatesIsNoPlaceCriterion) {
  // JSON-lines gold may name a province with precision 3 and null lat/lon (read back as 0,0).
  GoldSet gold;
  gold.events.push_back(GoldEvent());
  gold.events[0].location->lat = gold.events[0].location->lon = 0;
  gold.events[0].location->precision = 3;
  Event pred = GoldEvent();  // at Kitshanga
  EvalReport r = Evaluate(gold, {pred}, EvalOptions());
  EXPECT_EQ(r.matched, 1);
  EXPECT_EQ(r.within_25km.total, 0);
}

TEST(Matcher, ConfusionUsesPloverForPloverOnlyGold) {
  GoldSet gold;
  Event g = GoldEvent();
  g.acled_event_type.clear();
  g.acled_sub_event_type.clear();
  g.plover_type = "FIGHT";
  gold.events.push_back(g);
  Event p = GoldEvent();  // ACLED "Battles" and PLOVER "ASSAULT"
  p.plover_type = "ASSAULT";
  EvalReport r = Evaluate(gold, {p}, EvalOptions());
  EXPECT_EQ(r.matched, 0);
  EXPECT_EQ((r.confusion[{"FIGHT", "ASSAULT"}]), 1);
  EXPECT_EQ(r.plover_type.hit, 0);
  EXPECT_EQ(r.plover_type.total, 1);
  EXPECT_EQ(r.event_type.total, 0);  // gold has no ACLED type
}

}  // namespace
}  // namespace sitrep
