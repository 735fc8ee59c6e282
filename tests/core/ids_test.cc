// Article and event ids are persisted (store, exported JSON, gold files): their values must
// never change. The expected values were computed independently (FNV-1a 64 in Python).
#include <gtest/gtest.h>

#include "sitrep/article.h"
#include "sitrep/event.h"

namespace sitrep {
namespace {

TEST(StableIds, ArticleId) {
  EXPECT_EQ(ComputeArticleId("reuters", "https://example.org/a", "M23 captured Walikale. Erdoğan"),
            "821d0bd8b6865f60");
  EXPECT_EQ(ComputeArticleId("", "", ""), "08328807b4eb6fed");
}

TEST(StableIds, EventId) {
  Event e;
  EXPECT_EQ(ComputeEventId(e), "4e90e37c4cc02a0b");
  e.article_id = "a1";
  e.evidence.trigger_start = 14;
  e.plover_type = "ASSAULT";
  e.actor1.id = "M23";
  e.actor1.name = "March 23 Movement";  // the id wins over the name
  e.actor2.name = "civilians";          // no id: the name is hashed
  e.location = Location{};
  e.location->name = "Walikale";
  EXPECT_EQ(ComputeEventId(e), "ee805385816c16c5");
}

}  // namespace
}  // namespace sitrep
