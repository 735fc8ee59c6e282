// User dictionary folders (--dict DIR, $SITREP_DICT_PATH): loaded after ours; an entry whose id or
// name is ours extends or overrides it with one warning naming file:line, never a fatal duplicate.
#include <gmock/gmock.h>

#include <cstdlib>

#include "test_util.h"

namespace sitrep::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const ActorDictionary::Files kOurs = {
    {"ours.actors.txt",
     "compose government: government\ncompose military: army\n"
     "country RWA\n  name: Rwanda\n  demonym: Rwandan\n\n"
     "actor M23\n  name: March 23 Movement\n  type: rebel group\n  alias: M23\n"}};

std::unique_ptr<ActorDictionary> LoadWithUser(const std::string& user) {
  std::unique_ptr<ActorDictionary> d;
  Status s = ActorDictionary::LoadFromStrings(kOurs, {{"user.actors.txt", user}}, &d);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return d;
}

std::vector<std::string> Ids(const ActorDictionary& d, const std::string& text) {
  Text t(text);
  std::vector<std::string> ids;
  for (const auto& m : d.MatchDocument(t.doc)) ids.push_back(m.actor_id);
  return ids;
}

// Calenardhon is an invented country: a user country block composes like ours.
TEST(UserDictionary, InventedCountryComposes) {
  auto d = LoadWithUser("country CLH\n  name: Calenardhon\n  demonym: Calenardhonian\n");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->warnings().empty());
  EXPECT_THAT(Ids(*d, "the Calenardhon government and the Calenardhonian army met."), ElementsAre("CLH_GOV", "CLH_MIL"));
}

TEST(UserDictionary, ExistingIdIsExtendedWithAWarning) {
  auto d = LoadWithUser("actor M23\n  name: Mouvement du 23 mars\n  alias: AFC/M23 coalition\n");
  ASSERT_TRUE(d);
  ASSERT_EQ(d->warnings().size(), 1u);
  EXPECT_THAT(d->warnings()[0],
              HasSubstr("user.actors.txt:1: M23 is already defined at ours.actors.txt:7; this entry extends it"));
  const Actor* m23 = d->Find("M23");
  EXPECT_EQ(m23->name, "Mouvement du 23 mars");
  EXPECT_EQ(m23->type, "rebel group");  // kept: the user entry gives none
  EXPECT_THAT(m23->aliases, ElementsAre("M23", "March 23 Movement", "AFC/M23 coalition"));
  EXPECT_EQ(d->Normalize("March 23 Movement"), "M23");
}

TEST(UserDictionary, ExistingCountryIsExtendedOnce) {
  auto d = LoadWithUser("country RWA\n  name: Rwanda\n  alias: Ruanda\n  military: Rwanda Defence Force\n");
  ASSERT_TRUE(d);
  ASSERT_EQ(d->warnings().size(), 1u);
  EXPECT_THAT(d->warnings()[0], HasSubstr("user.actors.txt:1: RWA is already defined"));
  EXPECT_EQ(d->Find("RWA_MIL")->name, "Rwanda Defence Force");
  EXPECT_EQ(d->Find("RWA_GOV")->name, "Government of Rwanda");  // not named by the user: ours
  EXPECT_THAT(Ids(*d, "Ruanda says the Rwanda Defence Force withdrew."), ElementsAre("RWA", "RWA_MIL"));
}

TEST(UserDictionary, UserNameOverridesOursWithAWarning) {
  auto d = LoadWithUser("actor M23_SPLINTER\n  name: Splinter\n  type: rebel group\n  alias: M23\n");
  ASSERT_TRUE(d);
  ASSERT_EQ(d->warnings().size(), 1u);
  EXPECT_THAT(d->warnings()[0], HasSubstr("user.actors.txt:1: 'M23' of M23_SPLINTER overrides the same name of M23"));
  EXPECT_THAT(Ids(*d, "M23 attacked."), ElementsAre("M23_SPLINTER"));
}

TEST(UserDictionary, DuplicateIdInOursIsStillAnError) {
  std::unique_ptr<ActorDictionary> d;
  ActorDictionary::Files twice = kOurs;
  twice.push_back({"more.actors.txt", "actor M23\n  name: X\n  type: militia\n"});
  Status s = ActorDictionary::LoadFromStrings(twice, &d);
  EXPECT_THAT(s.message(), HasSubstr("more.actors.txt:1: duplicate id M23"));
}

TEST(UserDictionary, PathFromEnvironmentSplitsAtColons) {
  ::setenv("SITREP_DICT_PATH", "/a/dict::/b/dict", 1);
  EXPECT_THAT(UserDictPathFromEnv(), ElementsAre("/a/dict", "/b/dict"));
  ::unsetenv("SITREP_DICT_PATH");
  EXPECT_TRUE(UserDictPathFromEnv().empty());
}

}  // namespace
}  // namespace sitrep::testing
