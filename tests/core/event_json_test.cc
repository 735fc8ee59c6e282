#include <gtest/gtest.h>

#include "sitrep/article.h"
#include "sitrep/event.h"

namespace sitrep {
namespace {

TEST(EventJson, RoundTripsEveryField) {
  Event e;
  e.article_id = "a1";
  e.plover_type = "ASSAULT";
  e.plover_mode = "seize";
  e.cameo_code = "1951";
  e.acled_event_type = "Battles";
  e.acled_sub_event_type = "Non-state actor overtakes territory";
  e.actor1 = {"March 23 Movement", "M23", "rebel group", "COD", "M23 rebels"};
  e.location = Location{"Walikale", 204318, -1.42, 28.05, "North Kivu", "Walikale", "CD", 1, "Walikale"};
  e.date = "2025-03-19";
  e.date_precision = "day";
  e.counts.displaced.low = 7000000;
  e.modality = "claimed";
  e.claimant = "M23";
  e.confidence = 0.8;
  e.evidence = {"M23 captured Walikale.", 10, 32, 14, 22};
  e.trigger = "capture";
  e.event_id = ComputeEventId(e);
  Event back;
  ASSERT_TRUE(EventFromJson(EventToJson(e), &back).ok());
  EXPECT_EQ(EventToJson(back), EventToJson(e));
  EXPECT_EQ(back.location->geonames_id, 204318);
  EXPECT_EQ(*back.counts.displaced.low, 7000000);
  EXPECT_FALSE(back.counts.displaced.best.has_value());
}

TEST(EventJson, RoundsCoordinatesToFiveDecimals) {
  const struct {
    double in, out;
  } cases[] = {{-1.6792400000000001, -1.67924}, {29.222800000000003, 29.2228}, {28.123456, 28.12346},
               {-0.000004, -0.0}, {180, 180}, {1e308, 1e308} /* no overflow to infinity */};
  for (const auto& c : cases) EXPECT_EQ(RoundCoordinate(c.in), c.out) << c.in;
  Event e;
  e.location = Location{"Goma", 216281, -1.6792400000000001, 29.222800000000003, "", "", "CD", 1, ""};
  EXPECT_NE(EventToJson(e).find(R"("lat":-1.67924,"lon":29.2228)"), std::string::npos) << EventToJson(e);
}

TEST(EventJson, ReadsSchemaOneLines) {
  Event e;
  ASSERT_TRUE(EventFromJson(R"({"schema":1,"event_id":"x","article_id":"a","plover_type":"FIGHT"})", &e).ok());
  EXPECT_EQ(e.plover_type, "FIGHT");
  EXPECT_EQ(e.source, "");
  EXPECT_NE(EventToJson(e).find(R"({"schema":2,"event_id":"x","article_id":"a","source":"","url":"","title":"",)"),
            std::string::npos);
}

TEST(EventJson, RejectsUnknownFieldsAndWrongTypesByName) {
  Event e;
  Status s = EventFromJson(R"({"event_id":"x","colour":"red"})", &e);
  EXPECT_EQ(s.message(), "unknown field 'colour'");
  s = EventFromJson(R"({"actor1":{"name":3}})", &e);
  EXPECT_EQ(s.message(), "field 'actor1.name' has the wrong type (number)");
  s = EventFromJson(R"({"counts":{"eaten":{"low":1}}})", &e);
  EXPECT_EQ(s.message(), "unknown field 'counts.eaten'");
  EXPECT_EQ(EventFromJson("{not json", &e).message(), "malformed JSON");
}

// Found by fuzz/export.cc (issue #14): a float or an out-of-range integer in an integer field was
// converted with undefined behaviour.
TEST(EventJson, IntegerFieldsTakeOnlyIntegersInRange) {
  Event e;
  EXPECT_EQ(EventFromJson(R"({"location":{"geonames_id":2.32e52}})", &e).message(),
            "field 'location.geonames_id' must be an integer in range, not 2.32e+52");
  EXPECT_EQ(EventFromJson(R"({"counts":{"killed":{"best":18446744073709551615}}})", &e).message(),
            "field 'counts.killed.best' must be an integer in range, not 18446744073709551615");
  EXPECT_EQ(EventFromJson(R"({"evidence":{"start":1.5}})", &e).message(),
            "field 'evidence.start' must be an integer in range, not 1.5");
  ASSERT_TRUE(EventFromJson(R"({"evidence":{"start":-3,"end":9007199254740993}})", &e).ok());
  EXPECT_EQ(e.evidence.end, 9007199254740993);
}

TEST(Article, IdIsStableAndDependsOnEveryPart) {
  EXPECT_EQ(ComputeArticleId("s", "u", "t"), ComputeArticleId("s", "u", "t"));
  EXPECT_NE(ComputeArticleId("s", "u", "t"), ComputeArticleId("s", "u", "t2"));
  EXPECT_NE(ComputeArticleId("su", "", "t"), ComputeArticleId("s", "u", "t"));
  EXPECT_EQ(ComputeArticleId("s", "u", "t").size(), 16u);
}

TEST(Article, IsoDates) {
  EXPECT_TRUE(IsIsoDate("2023-11-07"));
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-13-01"));
  EXPECT_FALSE(IsIsoDate("2023-1-01"));
}

}  // namespace
}  // namespace sitrep
