// The shipped dictionary: coverage, lookups by name (Normalize), roles by date, and the
// errors a malformed file gives (file:line).
#include <gmock/gmock.h>

#include "test_util.h"

namespace sitrep::testing {
namespace {

using ::testing::HasSubstr;

TEST(ActorDictionary, LoadsWithoutWarnings) {
  for (const auto& w : Dict().warnings()) ADD_FAILURE() << w;
  // 193 UN member states x (state, government, military, police), plus the rest.
  size_t states = 0;
  for (const Actor& a : Dict().actors()) states += a.type == "state";
  EXPECT_EQ(states, 193u);
}

TEST(ActorDictionary, CoverageOfRequiredActors) {
  const char* ids[] = {"COD", "COD_GOV", "COD_MIL", "COD_POL", "RWA", "RWA_GOV", "RWA_MIL", "USA_GOV", "UGA_MIL",
                       "BDI_MIL", "M23", "ADF", "CODECO", "FDLR", "MAI_MAI", "WAZALENDO", "TWIRWANEHO",
                       "RED_TABARA", "NYATURA", "CMC", "IGO_UN", "IGO_UNSC", "IGO_UNHRC", "MONUSCO", "EAC",
                       "EACRF", "SADC", "SAMIDRC", "AU", "EU", "ICC", "ICGLR", "NGO_MSF", "NGO_ICRC", "NGO_HRW",
                       "NGO_AI", "CIVILIANS", "MERCENARIES", "RWA_KAGAME", "COD_TSHISEKEDI", "USA_BLINKEN"};
  for (const char* id : ids) EXPECT_NE(Dict().Find(id), nullptr) << id;
  const Actor* mil = Dict().Find("COD_MIL");
  ASSERT_NE(mil, nullptr);
  EXPECT_EQ(mil->type, "military");
  EXPECT_EQ(mil->country, "COD");
  EXPECT_EQ(Dict().Find("nope"), nullptr);
}

TEST(ActorDictionary, AffiliationLinks) {
  struct Row {
    const char* id;
    const char* relation;
    const char* other;
  };
  const Row rows[] = {{"WAZALENDO", "ally", "COD_MIL"}, {"FDLR", "ally", "COD_MIL"}, {"M23", "backed by", "RWA"},
                      {"EACRF", "part of", "EAC"},      {"SAMIDRC", "part of", "SADC"}};
  for (const Row& r : rows) {
    const Actor* a = Dict().Find(r.id);
    ASSERT_NE(a, nullptr) << r.id;
    bool found = false;
    for (const auto& l : a->links) found |= l.relation == r.relation && l.other_id == r.other;
    EXPECT_TRUE(found) << r.id << " " << r.relation << " " << r.other;
  }
  // The Rwanda-M23 link cites its source.
  for (const auto& l : Dict().Find("M23")->links) {
    if (l.other_id == "RWA") {
      EXPECT_THAT(l.source, HasSubstr("Group of Experts"));
    }
  }
}

TEST(ActorDictionary, Normalize) {
  const std::pair<const char*, const char*> rows[] = {
      {"FARDC", "COD_MIL"},
      {"Military Forces of the Democratic Republic of Congo (2019-)", "COD_MIL"},
      {"Military Forces of Rwanda (2000-)", "RWA_MIL"},
      {"Police Forces of the Democratic Republic of Congo (2019-)", "COD_POL"},
      {"Government of the Democratic Republic of Congo (2019-)", "COD_GOV"},
      {"M23: March 23 Movement", "M23"},
      {"March 23 Movement", "M23"},
      {"Civilians (Democratic Republic of Congo)", "CIVILIANS"},
      {"Wazalendo Militia", "WAZALENDO"},
      {"ADF: Allied Democratic Forces", "ADF"},
      {"MONUSCO: United Nations Organization Stabilization Mission in the Democratic Republic of Congo", "MONUSCO"},
      {"democratic republic of the congo", "COD"},
      {"Congo", "COD"},
      {"Unidentified Armed Group (Democratic Republic of Congo)", "UNIDENTIFIED_ARMED_GROUP"},
      {"", ""},
      {"Nobody in particular", ""},
  };
  for (const auto& [name, want] : rows) EXPECT_EQ(Dict().Normalize(name), want) << name;
}

// ACLED's names for armed groups, community militias and civilian subgroups normalise to the ids
// the matcher gives the same actors in text (docs/actors.md "ACLED names").
TEST(ActorDictionary, NormalizeAcledNames) {
  const std::pair<const char*, const char*> rows[] = {
      {"LRA: Lords Resistance Army", "LRA"},
      {"Militia (Kamwina Nsapu)", "KAMWINA_NSAPU"},
      {"Mayi Mayi Militia (Raia Mutomboki)", "MAI_MAI_RAIA_MUTOMBOKI"},
      {"Mayi Mayi Militia (Raia Mutomboki-Hamakombo)", "MAI_MAI_RAIA_MUTOMBOKI"},
      {"Mayi Mayi Militia (Nyatura) Domi Faction", "NYATURA"},
      {"Mayi Mayi Militia (Mazembe)", "MAI_MAI_MAZEMBE"},
      {"Mayi Mayi Militia", "MAI_MAI"},
      {"CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy (Imbonerakure Faction)", "IMBONERAKURE"},
      {"Islamic State (West Africa)", "ISWAP"},
      {"Islamic State (Greater Sahara)", "ISSP"},
      {"Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", "BOKO_HARAM"},
      {"JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)", "JNIM_OR_ISSP"},
      {"Military Forces of Libya (2014-) Haftar Faction", "LNA"},
      {"Military Forces of Yemen (2016-) Supreme Political Council", "HOUTHIS"},
      {"NAF: United Armed Forces of Novorossiya", "NAF"},
      {"Fulani Ethnic Militia (Nigeria)", "FULANI_MILITIA"},
      {"Pokot Ethnic Militia (Kenya)", "POKOT_MILITIA"},
      {"Batwa Ethnic Militia (Democratic Republic of Congo)", "TWA_MILITIA"},
      {"Hawadle Clan Militia (Somalia)", "HAWADLE_CLAN_MILITIA"},
      {"Zamfara Communal Militia (Nigeria)", "ZAMFARA_COMMUNAL_MILITIA"},
      {"Unidentified Ethnic Militia (Kenya)", "UNIDENTIFIED_ETHNIC_MILITIA"},
      {"Unidentified Cult Militia (Nigeria)", "UNIDENTIFIED_CULT_MILITIA"},
      {"Private Security Forces (Kenya)", "PRIVATE_SECURITY"},
      {"Health Workers (Democratic Republic of Congo)", "CIVILIANS"},
      {"Taxi Drivers (Nigeria)", "CIVILIANS"},
  };
  for (const auto& [name, want] : rows) EXPECT_EQ(Dict().Normalize(name), want) << name;
}

TEST(ActorDictionary, RolesByDate) {
  struct Row {
    const char* person;
    const char* date;
    const char* code;  // CodeAs: the institution, "" when no role that day
  };
  const Row rows[] = {
      {"COD_TSHISEKEDI", "2023-11-06", "COD_GOV"}, {"COD_TSHISEKEDI", "2019-01-23", ""},
      {"COD_TSHISEKEDI", "2019-01-24", "COD_GOV"}, {"COD_KABILA", "2010-05-01", "COD_GOV"},
      {"COD_KABILA", "2020-01-01", ""},            {"USA_BLINKEN", "2021-01-25", ""},
      {"USA_BLINKEN", "2021-01-26", "USA_GOV"},    {"USA_BLINKEN", "2025-01-20", "USA_GOV"},
      {"USA_BLINKEN", "2025-01-21", ""},           {"RWA_KAGAME", "2023-11-06", "RWA_GOV"},
      {"USA_TRUMP", "2019-06-01", "USA_GOV"},      {"USA_TRUMP", "2023-06-01", ""},
      {"USA_TRUMP", "2025-03-01", "USA_GOV"},      {"M23", "2023-01-01", "M23"},
      {"UNKNOWN", "2023-01-01", ""},
  };
  for (const Row& r : rows) EXPECT_EQ(Dict().CodeAs(r.person, r.date), r.code) << r.person << " " << r.date;
  const ActorRole* role = Dict().RoleOn("USA_BLINKEN", "2023-11-06");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->title, "Secretary of State");
  // With no date, the current (open-ended) role.
  role = Dict().RoleOn("USA_TRUMP", "");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->from, "2025-01-20");
}

TEST(ActorDictionary, ToRefCarriesNameTypeCountryAndText) {
  Text t("Rwandan troops crossed the border.");
  auto ms = Dict().MatchDocument(t.doc);
  ASSERT_EQ(ms.size(), 1u);
  ActorRef ref = ToRef(Dict(), ms[0], t.doc);
  EXPECT_EQ(ref.id, "RWA_MIL");
  EXPECT_EQ(ref.name, "Rwanda Defence Force");
  EXPECT_EQ(ref.type, "military");
  EXPECT_EQ(ref.country, "RWA");
  EXPECT_EQ(ref.text, "Rwandan troops");
}

// Malformed files: each error names the file and line.
TEST(ActorDictionaryErrors, MalformedFilesNameFileAndLine) {
  struct Row {
    const char* content;
    const char* want;  // substring of the error
  };
  const Row rows[] = {
      {"actor X1\n  name: X\n  type: rebel\n", "bad.actors.txt:3: unknown type 'rebel'"},
      {"actor X1\n  name: X\n", "bad.actors.txt:1: X1 has no 'type:'"},
      {"actor x1\n", "bad.actors.txt:1: 'actor' needs an id"},
      {"  name: X\n", "bad.actors.txt:1: indented line outside"},
      {"actor X1\n  name: X\n  type: militia\n  link: ally NOPE\n", "bad.actors.txt:4: unknown actor id NOPE"},
      {"actor X1\n  name: X\n  type: militia\n  link: ally\n", "bad.actors.txt:4: expected 'link: RELATION ID"},
      {"actor X1\n  name: X\n  type: person\n  role: X1 Boss from 2020-13\n", "bad.actors.txt:4: 'from' needs a date"},
      {"actor X1\n  name: X\n  type: militia\n  colour: red\n", "bad.actors.txt:4: unknown key 'colour'"},
      {"country ABCD\n  name: X\n", "bad.actors.txt:1: country id must be"},
      {"actor X1\n  name: X\n  type: militia\n\nactor X1\n  name: Y\n  type: militia\n",
       "bad.actors.txt:5: duplicate id X1 (first defined at bad.actors.txt:1)"},
      {"generic: the rebels\n", "bad.actors.txt:1: directive needs a type"},
      {"frobnicate: x\n", "bad.actors.txt:1: unknown directive 'frobnicate'"},
      {"ambiguous: Congo => COD\n", "bad.actors.txt:1: an ambiguous name needs at least two ids"},
      {"# comment only\nactor X1 # trailing comment\n  name: X\n  type: militia\n\nhello\n",
       "bad.actors.txt:6: expected 'actor ID'"},
  };
  for (const Row& r : rows) {
    std::unique_ptr<ActorDictionary> d;
    Status s = ActorDictionary::LoadFromStrings({{"bad.actors.txt", r.content}}, &d);
    EXPECT_FALSE(s.ok()) << r.content;
    EXPECT_THAT(s.message(), HasSubstr(r.want)) << r.content;
    EXPECT_EQ(d, nullptr);
  }
}

TEST(ActorDictionaryErrors, MissingDirectory) {
  std::unique_ptr<ActorDictionary> d;
  Status s = ActorDictionary::Load("/nonexistent/actors", &d);
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_THAT(s.message(), HasSubstr("/nonexistent/actors"));
}

TEST(ActorDictionaryErrors, DuplicateAliasIsAWarning) {
  std::unique_ptr<ActorDictionary> d;
  Status s = ActorDictionary::LoadFromStrings(
      {{"a.actors.txt", "actor A1\n  name: Alpha\n  type: militia\n  alias: Shared Name\n"},
       {"b.actors.txt", "actor B1\n  name: Beta\n  type: militia\n  alias: Shared Name\n"}},
      &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(d->warnings().size(), 1u);
  EXPECT_THAT(d->warnings()[0], HasSubstr("b.actors.txt:1: 'Shared Name' of B1 is already a name of A1"));
  EXPECT_EQ(d->Normalize("Shared Name"), "A1");
}

}  // namespace
}  // namespace sitrep::testing
