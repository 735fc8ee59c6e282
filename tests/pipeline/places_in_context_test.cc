// Places seen through the whole pipeline: the article's other evidence decides, and an actor's
// name is not a place.
#include <gtest/gtest.h>

#include "extract_util.h"
#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

std::vector<Event> Extract(const std::string& text, const std::string& date) {
  return testing::ExtractText(text, date);
}

TEST(PlacesInContext, AForeignNamesakeIsNoPlaceButTheArticleCountryIs) {
  // The gazetteer's only Moura is in Portugal; the report is about Mali. "Human" (a namesake of
  // Uman, Ukraine) sits inside "Human Rights Watch" and is no place at all.
  std::vector<Event> events =
      Extract("Malian soldiers and Wagner mercenaries executed dozens of civilians in Moura, according to Human "
              "Rights Watch.",
              "2022-04-05");
  ASSERT_FALSE(events.empty());
  for (const Event& e : events) {
    ASSERT_TRUE(e.location.has_value()) << e.evidence.sentence;
    EXPECT_EQ(e.location->country_code, "ML");
    EXPECT_EQ(e.location->precision, 3);
  }
}

TEST(PlacesInContext, ABareDemonymIsTheLargerCountry) {
  std::vector<Event> events = Extract("Our Congolese army is no longer fighting, a local activist said.", "2025-03-20");
  ASSERT_EQ(events.size(), 1u);
  ASSERT_TRUE(events[0].location.has_value());
  EXPECT_EQ(events[0].location->country_code, "CD");
}

TEST(PlacesInContext, ABareCityNameIsTheCityNotItsProvince) {
  std::vector<Event> events =
      Extract("Russian forces shelled Kharkiv overnight, killing two people, the regional governor said.", "2024-05-20");
  ASSERT_EQ(events.size(), 1u);
  ASSERT_TRUE(events[0].location.has_value());
  EXPECT_EQ(events[0].location->name, "Kharkiv");
  EXPECT_EQ(events[0].location->precision, 1);
  EXPECT_EQ(events[0].counts.killed.best, 2);
}

}  // namespace
}  // namespace sitrep
